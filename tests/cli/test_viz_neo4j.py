"""``foundergraph viz --neo4j``: the same page from a real Neo4j as from the embedded store."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from browser.samples import SENTENCE, hostile_store
from foundergraph.cli import cli
from graph.neo4j_store import Neo4jSettings, Neo4jStore


def page_data(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="fg-data">(.*?)</script>', html, re.S).group(1))


def relations(data: dict) -> list[tuple[str, str, str]]:
    """The page's edges; KNOWS has no direction (Neo4j stores it from the lower key to the higher)."""
    return sorted((*sorted((e["from"], e["to"])), e["kind"]) if e["kind"] == "KNOWS" else (e["from"], e["to"], e["kind"])
                  for e in data["edges"])


def neo4j_args(settings: Neo4jSettings) -> list[str]:
    args = ["--neo4j", "--uri", settings.uri]
    if settings.username:
        args += ["--username", settings.username]
    if settings.password:
        args += ["--password", settings.password]
    if settings.database:
        args += ["--database", settings.database]
    return args


@pytest.mark.parametrize("extra", [[], ["--types", "FOUNDED,WORKS_AT"]])
def test_viz_neo4j_draws_what_the_embedded_store_draws(runner: CliRunner, store_dir: Path, tmp_path: Path,
                                                       neo4j_store: Neo4jStore, neo4j_settings: Neo4jSettings,
                                                       extra: list[str]) -> None:
    neo4j_store.push(hostile_store(store_dir))
    embedded, remote = tmp_path / "embedded.html", tmp_path / "neo4j.html"
    first = runner.invoke(cli, ["viz", "--store", str(store_dir), "-o", str(embedded), *extra], catch_exceptions=False)
    second = runner.invoke(cli, ["viz", *neo4j_args(neo4j_settings), "-o", str(remote), *extra], catch_exceptions=False)
    assert (first.exit_code, second.exit_code) == (0, 0), second.output
    mine, theirs = page_data(embedded), page_data(remote)
    assert sorted(n["id"] for n in theirs["nodes"]) == sorted(n["id"] for n in mine["nodes"])
    assert relations(theirs) == relations(mine)
    if not extra:
        assert SENTENCE in {ev["sentence"] for e in theirs["edges"] for ev in e["tip"]["evidence"]}


@pytest.mark.parametrize("state", ["empty"])
def test_viz_neo4j_empty_database_says_so(runner: CliRunner, tmp_path: Path, neo4j_store: Neo4jStore,
                                          neo4j_settings: Neo4jSettings, state: str) -> None:
    result = runner.invoke(cli, ["viz", *neo4j_args(neo4j_settings), "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: Neo4j at {neo4j_settings.uri} is empty: run `foundergraph ingest PATH` first\n"
