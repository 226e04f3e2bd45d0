"""Sharded extraction through the CLI: `extract --shard I/N` and `ingest --extractions`, embedded and Neo4j."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.neo4j_store import Neo4jSettings, Neo4jStore
from graph.store import GraphStore
from neo4j_fixture import canonical

SHARDS = 3


def invoke(runner: CliRunner, *args: str, env: dict | None = None):
    return runner.invoke(cli, list(args), catch_exceptions=False, env=env)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> dict[str, Path]:
    """The seeds extracted whole ("all") and in SHARDS shards ("1".."3"), as files of lines."""
    folder = tmp_path_factory.mktemp("shards")
    runner = CliRunner(env={"NEO4J_URI": None})
    files = {}
    for name, extra in [("all", [])] + [(str(k), ["--shard", f"{k}/{SHARDS}"]) for k in range(1, SHARDS + 1)]:
        result = invoke(runner, "extract", str(seeds_dir), "-q", *extra)
        assert result.exit_code == 0, result.output
        files[name] = folder / f"{name}.jsonl"
        files[name].write_text(result.stdout, encoding="utf-8")
    return files


def lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_cli_shards_union_equals_the_unsharded_extraction(extracted: dict[str, Path]) -> None:
    sharded = [line for k in range(1, SHARDS + 1) for line in lines(extracted[str(k)])]
    assert sorted(sharded) == sorted(lines(extracted["all"]))
    assert len(sharded) == len(set(sharded)) == 3
    assert sum(bool(lines(extracted[str(k)])) for k in range(1, SHARDS + 1)) >= 2  # not all in one shard


@pytest.mark.parametrize("order", ["forward", "reversed"])
def test_cli_shards_ingest_extractions_equals_ingest_of_the_articles(runner: CliRunner, extracted, seeds_dir: Path,
                                                                    tmp_path: Path, order: str) -> None:
    shards = [str(extracted[str(k)]) for k in range(1, SHARDS + 1)]
    if order == "reversed":
        shards.reverse()
    invoke(runner, "ingest", str(seeds_dir), "--store", str(tmp_path / "articles"), "-q")
    loaded = invoke(runner, "ingest", "--extractions", *shards, "--store", str(tmp_path / "lines"))
    assert loaded.exit_code == 0, loaded.output
    assert "articles: 3 added, 0 already stored, 0 skipped" in loaded.stdout
    assert GraphStore.open(tmp_path / "lines").to_dict() == GraphStore.open(tmp_path / "articles").to_dict()
    again = invoke(runner, "ingest", "--extractions", *shards, "--store", str(tmp_path / "lines"))
    assert "articles: 0 added, 3 already stored" in again.stdout
    assert "relations: 0 added, 0 evidence sentences" in again.stdout


def test_cli_shards_ingest_extractions_into_neo4j(runner: CliRunner, extracted, seeds_dir: Path, tmp_path: Path,
                                                  neo4j_settings: Neo4jSettings, neo4j_store: Neo4jStore) -> None:
    env = {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USERNAME": neo4j_settings.username,
           "NEO4J_PASSWORD": neo4j_settings.password, "NEO4J_DATABASE": neo4j_settings.database}
    shards = [str(extracted[str(k)]) for k in range(SHARDS, 0, -1)]
    result = invoke(runner, "ingest", "--extractions", *shards, env=env)
    assert result.exit_code == 0, result.output
    assert "articles: 3 added" in result.stdout
    again = invoke(runner, "ingest", "--extractions", *shards, env=env)
    assert "articles: 0 added, 3 already stored" in again.stdout
    invoke(runner, "ingest", str(seeds_dir), "--store", str(tmp_path / "articles"), "-q")
    assert canonical(neo4j_store.pull()) == canonical(GraphStore.open(tmp_path / "articles"))


@pytest.mark.parametrize("content,message", [("garbage\n", ":1: not JSON"),
                                             ('{"article": "a.txt"}\n', ":1: not an extraction line")])
def test_cli_shards_bad_extraction_file_is_one_line(runner: CliRunner, tmp_path: Path, content: str,
                                                    message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--extractions", str(bad), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"Error: {bad}{message}")
    assert not (tmp_path / "s" / "graph.db").exists()


@pytest.mark.parametrize("shard", ["0/3", "4/3", "x"])
def test_cli_shards_bad_shard_is_a_usage_error(runner: CliRunner, seeds_dir: Path, shard: str) -> None:
    result = runner.invoke(cli, ["extract", str(seeds_dir), "--shard", shard])
    assert result.exit_code == 2 and "not a shard" in result.stderr and "Traceback" not in result.output


def test_cli_shards_lines_keep_the_gold_shape(extracted) -> None:
    for line in lines(extracted["all"]):
        data = json.loads(line)
        assert {"article", "entities", "relations", "record"} <= set(data)
        assert data["article"] == Path(data["record"]["article"]["path"]).name
