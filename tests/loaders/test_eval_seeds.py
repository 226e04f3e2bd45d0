"""The measured bar of the extraction issue, on the seeds, through the real CLI and the official scorer."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from loaders.extract import extract_articles
from loaders.read import read_articles


@pytest.fixture(scope="module")
def figures(gold_path: Path, seeds_dir: Path) -> dict:
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold_path), str(seeds_dir), "--json", "-q"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("part,minimum", [("relations", 0.85), ("entities", 0.85)])
def test_eval_seeds_f1_meets_the_bar(figures: dict, part: str, minimum: float) -> None:
    assert figures[part]["f1"] >= minimum, figures[part]


@pytest.mark.parametrize("counter", ["negative_entities_produced", "negative_relations_produced"])
def test_eval_seeds_produces_nothing_forbidden(figures: dict, counter: str) -> None:
    assert figures[counter] == 0


@pytest.mark.parametrize("articles", [3])
def test_eval_seeds_every_evidence_is_a_substring_at_its_offsets(seeds_dir: Path, articles: int) -> None:
    read = [r.article for r in read_articles([seeds_dir]) if r.article]
    assert len(read) == articles
    for extraction in extract_articles(read):
        assert extraction.relations
        for relation in extraction.relations:
            assert 0 < relation.confidence < 1
            for evidence in relation.evidence:
                assert extraction.article.text[evidence.start:evidence.end] == evidence.sentence
                assert evidence.sentence in extraction.article.text


@pytest.mark.parametrize("script", ["score.py"])
def test_eval_seeds_official_script_agrees(gold_path: Path, seeds_dir: Path, tmp_path: Path, figures: dict,
                                           script: str) -> None:
    read = [r.article for r in read_articles([seeds_dir]) if r.article]
    predicted = tmp_path / "predicted.jsonl"
    predicted.write_text("".join(json.dumps(e.to_gold_shape(), ensure_ascii=False) + "\n"
                                 for e in extract_articles(read)), encoding="utf-8")
    out = subprocess.run([sys.executable, str(gold_path.parent / script), str(gold_path), str(predicted), "--json"],
                         capture_output=True, text=True, check=True)
    official = json.loads(out.stdout)
    assert official["relations"]["f1"] == pytest.approx(figures["relations"]["f1"])
    assert official["entities"]["f1"] == pytest.approx(figures["entities"]["f1"])
