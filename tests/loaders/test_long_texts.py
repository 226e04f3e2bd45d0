"""Articles longer than the pipeline's max_length: paragraph-aligned chunks, exact evidence, failures skipped."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.model import Article, article_id
from graph.store import GraphStore
from loaders.long_texts import chunk_spans, extract_all
from loaders.nlp import load_model
from loaders.read import read_article

PARAGRAPHS = [
    "Claire Martin a fondé Octavia, une startup lyonnaise de logistique, en 2019.",
    "Paul Girard travaille chez Octavia depuis deux ans comme directeur technique.",
    "Le fonds Rhône Capital a investi 3 millions d'euros dans Octavia en 2021.",
    "Sophie Bernard a rencontré Claire Martin lors d'une conférence à Paris.",
]


@pytest.mark.parametrize("text,limit", [
    ("a" * 10, 3),
    ("un deux trois quatre cinq six sept huit", 10),
    ("ligne un\nligne deux\n\npara deux. Phrase deux. Phrase trois.\n\n" * 20, 50),
    ("\n\n".join(PARAGRAPHS) * 5, 200),
])
def test_long_texts_chunks_cover_the_text_in_order(text: str, limit: int) -> None:
    spans = chunk_spans(text, limit)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < e - s <= limit for s, e in spans)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_long_texts_chunks_end_at_paragraph_breaks() -> None:
    text = "\n\n".join(PARAGRAPHS * 10)
    for start, end in chunk_spans(text, 400)[:-1]:
        assert text[start:end].endswith("\n\n")


@pytest.fixture
def short_pipeline(nlp_fr, monkeypatch: pytest.MonkeyPatch):
    """The real French pipeline, told to refuse texts over 1,000 characters (spaCy's own E088 check)."""
    monkeypatch.setattr(load_model("fr_core_news_md"), "max_length", 1000)
    return nlp_fr


def long_article(repeat: int = 12) -> Article:
    text = "\n\n".join(f"{p} Paragraphe {i}." for i in range(repeat) for p in PARAGRAPHS)
    return Article(id=article_id(text), path="long.txt", title="", language="fr", text=text)


def test_long_texts_a_text_over_max_length_is_read_with_exact_evidence(short_pipeline) -> None:
    article = long_article()
    assert len(article.text) > 3 * short_pipeline.max_length
    with pytest.raises(ValueError, match="E088"):
        short_pipeline(article.text)
    [extraction] = list(extract_all([article]))
    keys = {r.key for r in extraction.relations}
    assert ("FOUNDED", "claire martin", "octavia") in keys
    assert ("INVESTED_IN", "rhone capital", "octavia") in keys
    evidence = [e for r in extraction.relations for e in r.evidence]
    assert len({e.start for e in evidence}) >= 8  # sightings from many chunks
    for e in evidence:
        assert e.article_id == article.id
        assert article.text[e.start:e.end] == e.sentence
    assert {e.key for e in extraction.entities} >= {"claire martin", "octavia", "paul girard"}
    assert all(e.articles == [article.id] for e in extraction.entities)


def test_long_texts_a_failing_article_is_reported_and_the_others_go_on(nlp_fr) -> None:
    good = [Article(id=f"g{i}", path=f"g{i}.txt", title="", language="fr", text=p) for i, p in enumerate(PARAGRAPHS)]
    broken = Article(id="broken", path="broken.txt", title="", language="fr", text=None)  # type: ignore[arg-type]
    errors: list[tuple[str, str]] = []
    out = list(extract_all([good[0], broken, *good[1:]], on_error=lambda a, why: errors.append((a.path, why))))
    assert [e.article.id for e in out] == ["g0", "g1", "g2", "g3"]
    assert [path for path, _ in errors] == ["broken.txt"]
    assert "could not be processed" in errors[0][1] and "\n" not in errors[0][1]


def test_long_texts_cli_ingests_a_1_5m_character_file_among_good_ones(seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    filler = "\n\n".join(f"Note {i}" + " " * 99_990 + "fin." for i in range(15))
    (folder / "m-long.txt").write_text(PARAGRAPHS[0] + "\n\n" + filler + "\n\n" + PARAGRAPHS[3] + "\n", encoding="utf-8")
    long_text = read_article(folder / "m-long.txt").text
    assert len(long_text) > 1_500_000
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--store", str(tmp_path / "store"), "-q"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "E088" not in result.output
    assert result.stdout.startswith("articles: 4 added, 0 already stored, 0 skipped")
    store = GraphStore.open(tmp_path / "store")
    long_id = article_id(long_text)
    assert long_id in store.articles
    knows = [r for r in store.relations.values() if any(e.article_id == long_id for e in r.evidence)]
    assert knows and all(long_text[e.start:e.end] == e.sentence for r in knows for e in r.evidence if e.article_id == long_id)
