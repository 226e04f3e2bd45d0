"""Extraction that survives long and troublesome articles.

:func:`extract_all` runs :func:`loaders.extract.extract_articles` and adds two things:

- an article longer than its pipeline's ``max_length`` is cut into paragraph-aligned chunks (a paragraph
  too long on its own is cut at a line, then a sentence end, then a space), each chunk is extracted as an
  article of its own, and the chunks' extractions are merged back into one, with every evidence offset
  moved back into the whole text (``article.text[start:end]`` is still the sentence);
- an article whose extraction fails is reported through ``on_error`` (one line) and left out, and the
  articles after it are still extracted.
"""
from __future__ import annotations

import logging
from typing import Callable, Iterable, Iterator

from graph.errors import FoundergraphError
from graph.model import Article, Entity, Evidence, Extraction, Relation
from loaders.extract import extract_articles
from loaders.nlp import load_model, model_name_for

logger = logging.getLogger(__name__)

#: Chunks of a long text hold at most this many characters (or the pipeline's max_length, if lower):
#: spaCy's parser needs about 1 GB of memory per 100,000 characters of one text.
CHUNK_CHARS = 100_000
#: Where a piece too long for one chunk may be cut, best first.
_CUTS = ("\n\n", "\n", ". ", "? ", "! ", " ")

OnError = Callable[[Article, str], None]


def max_length(article: Article, model: str | None = None) -> int:
    """The ``max_length`` of the pipeline that reads this article."""
    return load_model(model_name_for(article.language, model)).max_length


def chunk_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` in order, each at most ``limit`` characters, cut after a
    paragraph break when one is in reach (else a line break, a sentence end, a space; else anywhere)."""
    spans, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for mark in _CUTS:
            found = window.rfind(mark)
            if found > 0:
                cut = found + len(mark)
                break
        cut = cut or limit
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def _shifted(relation: Relation, article_id: str, offset: int) -> Relation:
    evidence = [Evidence(article_id=article_id, sentence=e.sentence, start=e.start + offset, end=e.end + offset)
                for e in relation.evidence]
    return Relation(type=relation.type, source=relation.source, target=relation.target, props=dict(relation.props),
                    evidence=evidence, confidence=relation.confidence)


def merge_chunks(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction of ``article`` from its chunks' extractions (each with its chunk's start offset):
    entities joined by key (aliases united, the type most chunks give), relations by key (evidence
    united, the highest confidence), evidence offsets moved into the whole text."""
    entities: dict[str, Entity] = {}
    votes: dict[str, dict[str, int]] = {}
    relations: dict[tuple[str, str, str], Relation] = {}
    for offset, extraction in parts:
        for entity in extraction.entities:
            known = entities.setdefault(entity.key, Entity(key=entity.key, type=entity.type, name=entity.name,
                                                          articles=[article.id]))
            for alias in [entity.name, *entity.aliases]:
                known.add_alias(alias)
            kinds = votes.setdefault(entity.key, {})
            kinds[entity.type] = kinds.get(entity.type, 0) + 1
        for relation in extraction.relations:
            moved = _shifted(relation, article.id, offset)
            known_relation = relations.get(moved.key)
            if known_relation is None:
                relations[moved.key] = moved
            else:
                known_relation.merge(moved)
                known_relation.confidence = max(known_relation.confidence, moved.confidence)
    for key, entity in entities.items():
        entity.type = max(sorted(votes[key]), key=votes[key].__getitem__)
    return Extraction(article=article, entities=sorted(entities.values(), key=lambda e: e.key),
                      relations=list(relations.values()))


def _extract_long(article: Article, limit: int, model: str | None, options: dict) -> Extraction:
    spans = chunk_spans(article.text, limit)
    chunks = [Article(id=f"{article.id}-{i}", path=article.path, title=article.title, language=article.language,
                      text=article.text[start:end]) for i, (start, end) in enumerate(spans)]
    logger.info("%s: %d characters, read in %d chunks", article.path, len(article.text), len(chunks))
    extractions = list(extract_articles(chunks, model=model, **options))
    return merge_chunks(article, [(start, e) for (start, _), e in zip(spans, extractions)])


def _failure(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return f"could not be processed ({exc.__class__.__name__}: {text[:160]})"


def _extract_run(articles: list[Article], model: str | None, options: dict, on_error: OnError) -> Iterator[Extraction]:
    """:func:`extract_articles` over a run of articles; when it fails, the rest one by one, so that only
    the failing article is left out."""
    done = 0
    try:
        for extraction in extract_articles(articles, model=model, **options):
            done += 1
            yield extraction
        return
    except FoundergraphError:
        raise
    except Exception as exc:  # noqa: BLE001 - any fault of one article must not stop the others
        if len(articles) - done == 1:
            on_error(articles[done], _failure(exc))
            return
    for article in articles[done:]:
        yield from _extract_run([article], model, options, on_error)


def extract_all(articles: Iterable[Article], model: str | None = None, on_error: OnError | None = None,
                **options: int) -> Iterator[Extraction]:
    """The extraction of every article, in input order (see the module docstring); ``options`` go to
    :func:`extract_articles` (``batch_size``, ``n_process``). Without ``on_error``, failures are logged."""
    report = on_error or (lambda article, reason: logger.warning("skipped %s: %s", article.path, reason))
    run: list[Article] = []
    for article in articles:
        most = max_length(article, model)
        if len(article.text or "") <= most:
            run.append(article)
            continue
        yield from _extract_run(run, model, options, report)
        run = []
        try:
            yield _extract_long(article, min(CHUNK_CHARS, most), model, options)
        except FoundergraphError:
            raise
        except Exception as exc:  # noqa: BLE001
            report(article, _failure(exc))
    yield from _extract_run(run, model, options, report)
