"""Extraction split across machines: deterministic shards of the input, and extraction lines to load once.

A shard is chosen by article id (the hash of the article's text, :func:`graph.model.article_id`), so the
same article lands in the same shard on every machine, whatever its file name or the order of the
input: ``shard_of(article.id, N)`` is a number in ``1..N``. ``foundergraph extract --shard I/N`` prints
the lines of shard I; the N outputs together hold every article exactly once.

An extraction line is the JSON object ``foundergraph extract`` prints (the gold annotations' shape, what
the scorers read) with one more key, ``"record"``: the extraction in full (article id, path, title and
language; entities with their keys; relations with every evidence sentence and their exact confidence),
so that ``foundergraph ingest --extractions`` rebuilds the very :class:`graph.model.Extraction` the
article gave, and resolves it as an ingest of the article would.

>>> parse_shard("2/4")
Shard(index=2, count=4)
>>> shard_of("00000000000000ff", 4)
4
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Iterable, Iterator

from graph.errors import InputError
from graph.model import Article, Entity, Extraction, Relation

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True)
class Shard:
    """The ``index``-th (1-based) of ``count`` shards."""

    index: int
    count: int

    def holds(self, article_id: str) -> bool:
        """Whether the article with this id belongs to this shard."""
        return shard_of(article_id, self.count) == self.index


def parse_shard(text: str) -> Shard:
    """``"I/N"`` with ``1 <= I <= N`` as a :class:`Shard`; ValueError saying the expected form otherwise."""
    match = _SHARD.fullmatch(text or "")
    if not match:
        raise ValueError(f"{text!r} is not a shard: write I/N, e.g. 1/4 for the first of four")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"{text!r} is not a shard: I/N needs 1 <= I <= N")
    return Shard(index, count)


def shard_of(article_id: str, count: int) -> int:
    """The shard (1..count) of an article id: its hexadecimal value modulo ``count``, plus one.

    Article ids are hex digests, so shards are even; another id is hashed by its UTF-8 bytes.
    """
    try:
        value = int(article_id, 16)
    except ValueError:
        value = int.from_bytes(article_id.encode("utf-8"), "big")
    return value % count + 1


def select(articles: Iterable[Article], shard: Shard | None) -> list[Article]:
    """The articles of one shard (all of them without a shard), in input order."""
    return [a for a in articles if shard is None or shard.holds(a.id)]


# -- extraction lines ------------------------------------------------------------------------------
def to_line(extraction: Extraction) -> str:
    """The JSON line ``foundergraph extract`` prints for one article: the gold shape plus ``"record"``."""
    data = extraction.to_gold_shape()
    data["record"] = {"article": extraction.article.to_dict(),
                      "entities": [e.to_dict() for e in extraction.entities],
                      "relations": [r.to_dict() for r in extraction.relations]}
    return json.dumps(data, ensure_ascii=False)


def from_record(record: Any) -> Extraction:
    """The Extraction of a line's ``"record"``; KeyError, TypeError or ValueError when it is not one."""
    if not isinstance(record, dict):
        raise TypeError("the record is not an object")
    return Extraction(article=Article.from_dict(record["article"]),
                      entities=[Entity.from_dict(e) for e in record["entities"]],
                      relations=[Relation.from_dict(r) for r in record["relations"]])


def read_lines(paths: Iterable[Path]) -> Iterator[Extraction]:
    """Every extraction of these files of extraction lines, file after file; blank lines are skipped.

    Raises a one-line :class:`InputError` naming the file and line of anything else.
    """
    for path in paths:
        try:
            handle = open(path, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror or exc}") from None
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
                if not isinstance(data, dict) or "record" not in data:
                    raise InputError(f"{path}:{number}: not an extraction line of `foundergraph extract` "
                                     "(no \"record\")")
                try:
                    yield from_record(data["record"])
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    raise InputError(f"{path}:{number}: a damaged extraction record ({exc!r})") from None


def in_ingest_order(extractions: Iterable[Extraction]) -> list[Extraction]:
    """Extractions in the order ``foundergraph ingest`` reads their articles (by path, then id), each article
    once: shards loaded in any order resolve their entities as one ingest of all the articles would."""
    unique = {e.article.id: e for e in extractions}
    return sorted(unique.values(), key=lambda e: (PurePath(e.article.path).parts, e.article.id))
