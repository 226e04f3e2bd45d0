"""`foundergraph neo4j import`: the embedded store bulk-loaded into a stopped server's folder, then served."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from neo4j_fixture import canonical, embedded, synthetic_extractions


@pytest.mark.parametrize("articles", [15])
def test_neo4j_import_cli_loads_then_refuses_in_one_line(runner: CliRunner, tmp_path: Path, neo4j_server,
                                                         articles: int) -> None:
    store = embedded(synthetic_extractions(articles), tmp_path / "store")
    store.save()
    data, files = tmp_path / "neo4j", tmp_path / "csv"
    result = runner.invoke(cli, ["neo4j", "import", "--store", str(tmp_path / "store"), "--data", str(data),
                                 "--csv", str(files)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"imported {articles} articles, {len(store.entities)} entities, "
                                    f"{len(store.relations)} relations")
    assert (files / "people.csv").exists() and (files / "import.log").exists()
    again = runner.invoke(cli, ["neo4j", "import", "--store", str(tmp_path / "store"), "--data", str(data)])
    assert again.exit_code == 1 and len(again.stderr.strip().splitlines()) == 1
    assert "is not empty" in again.stderr and "Traceback" not in again.output
    server = neo4j_server(data=data)
    with Neo4jStore(server.uri) as db:
        assert canonical(db.pull()) == canonical(GraphStore.open(tmp_path / "store"))


@pytest.mark.parametrize("args,message", [([], "either --data DIR"), (["--docker", "--data", "x"], "either --data"),
                                          (["--data", "x"], "is empty: nothing to import")])
def test_neo4j_import_cli_bad_use_is_one_line(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["neo4j", "import", "--store", str(tmp_path / "empty"), *args])
    assert result.exit_code in (1, 2) and message in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "x").exists()
