"""graph.shards: shard choice by article id, extraction lines that round-trip, one-line errors."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import article_id
from graph.shards import Shard, from_record, in_ingest_order, parse_shard, read_lines, select, shard_of, to_line
from neo4j_fixture import synthetic_extractions


@pytest.mark.parametrize("text,expected", [("1/1", Shard(1, 1)), ("2/4", Shard(2, 4)), (" 4 / 4 ", Shard(4, 4))])
def test_shards_parse_shard(text: str, expected: Shard) -> None:
    assert parse_shard(text) == expected


@pytest.mark.parametrize("text", ["0/4", "5/4", "1/0", "1", "a/b", "-1/4", ""])
def test_shards_parse_shard_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a shard"):
        parse_shard(text)


@pytest.mark.parametrize("count", [1, 3, 4])
def test_shards_every_article_in_exactly_one_even_shard(count: int) -> None:
    ids = [article_id(f"article number {i}") for i in range(2000)]
    sizes = Counter(shard_of(i, count) for i in ids)
    assert set(sizes) == set(range(1, count + 1))
    assert min(sizes.values()) > 2000 / count * 0.85
    for i in ids[:50]:
        assert [Shard(k, count).holds(i) for k in range(1, count + 1)].count(True) == 1
        assert shard_of(i, count) == shard_of(i, count)  # stable


@pytest.mark.parametrize("ident", ["not-hex id", "é"])
def test_shards_any_id_has_a_shard(ident: str) -> None:
    assert 1 <= shard_of(ident, 3) <= 3


@pytest.mark.parametrize("articles", [12])
def test_shards_lines_round_trip_the_whole_extraction(tmp_path: Path, articles: int) -> None:
    extractions = synthetic_extractions(articles)
    for e in extractions:
        e.relations[0].confidence = 0.123456789  # kept exactly, not rounded as the gold shape is
    path = tmp_path / "lines.jsonl"
    path.write_text("\n".join(to_line(e) for e in extractions) + "\n\n", encoding="utf-8")
    back = list(read_lines([path]))
    strip = lambda e: (e.article.to_dict(), [x.to_dict() for x in e.entities], [r.to_dict() for r in e.relations])
    assert [strip(e) for e in back] == [strip(e) for e in extractions]
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"article", "entities", "relations", "record"}  # the gold shape is still there


@pytest.mark.parametrize("content,message", [
    ("not json\n", ":1: not JSON"),
    ('{"article": "a.txt", "entities": [], "relations": []}\n', ":1: not an extraction line"),
    ('\n{"record": {"article": {"id": "x"}}}\n', ":2: a damaged extraction record"),
    ('{"record": [1]}\n', ":1: a damaged extraction record"),
])
def test_shards_bad_lines_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        list(read_lines([path]))
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_shards_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        list(read_lines([tmp_path / "nope.jsonl"]))


@pytest.mark.parametrize("count", [3])
def test_shards_select_then_ingest_order_gives_the_input_back(count: int) -> None:
    extractions = synthetic_extractions(30)
    shards = [select([e.article for e in extractions], Shard(k, count)) for k in range(1, count + 1)]
    assert sorted(a.id for s in shards for a in s) == sorted(e.article.id for e in extractions)
    by_id = {e.article.id: e for e in extractions}
    mixed = [by_id[a.id] for s in reversed(shards) for a in s] + [extractions[0]]  # a repeat is loaded once
    assert [e.article.id for e in in_ingest_order(mixed)] == \
        [e.article.id for e in sorted(extractions, key=lambda e: e.article.path)]
    assert from_record(json.loads(to_line(extractions[0]))["record"]).article.id == extractions[0].article.id
