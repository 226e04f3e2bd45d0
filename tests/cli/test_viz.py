"""``foundergraph viz`` through the real CLI: exit codes, messages, the file it writes."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from browser.samples import EMOJI_NAME, chain_store, hostile_store, star_store
from foundergraph.cli import cli


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def page_data(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="fg-data">(.*?)</script>', html, re.S).group(1))


@pytest.fixture
def chain(store_dir: Path) -> Path:
    chain_store(store_dir, length=5, extra=3)
    return store_dir


@pytest.mark.parametrize("args, nodes, edges", [
    ([], 8, 4),
    (["--types", "knows"], 8, 2),
    (["--types", "WORKS_AT,KNOWS", "--min-degree", "1"], 5, 4),
    (["--around", "Person 0", "--hops", "2"], 3, 2),
    (["--around", "person 0"], 2, 1),
    (["--path", "Person 0", "Person 3", "--min-degree", "3"], 4, 3),
])
def test_viz_writes_the_selected_graph(runner: CliRunner, chain: Path, tmp_path: Path, args: list[str],
                                       nodes: int, edges: int) -> None:
    out = tmp_path / "out" / "graph.html"
    result = invoke(runner, "viz", "--store", str(chain), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}: {nodes} people and organizations, {edges} relations\n"
    assert result.stderr == ""
    data = page_data(out)
    assert (len(data["nodes"]), len(data["edges"])) == (nodes, edges)


@pytest.mark.parametrize("default_name", ["graph.html"])
def test_viz_default_output_is_graph_html(runner: CliRunner, chain: Path, tmp_path: Path, default_name: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke(runner, "viz", "--store", str(chain)).exit_code == 0
    assert (tmp_path / default_name).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("env", [True])
def test_viz_reads_the_store_from_the_environment(runner: CliRunner, chain: Path, tmp_path: Path, env: bool,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOUNDERGRAPH_STORE", str(chain))
    result = invoke(runner, "viz", "-o", str(tmp_path / "g.html"))
    assert result.exit_code == 0 and "8 people and organizations" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--around", "Nobody"], "Error: no person or organization named 'Nobody'"),
    (["--path", "Person 0", "Nobdy"], "Error: no person or organization named 'Nobdy'"),
])
def test_viz_unknown_name_is_a_one_line_error(runner: CliRunner, chain: Path, tmp_path: Path, args: list[str],
                                              message: str) -> None:
    out = tmp_path / "g.html"
    result = invoke(runner, "viz", "--store", str(chain), "-o", str(out), *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize("args, message", [
    (["--hops", "2"], "--hops needs --around NAME"),
    (["--types", "FOUNDED,FRIENDS"], "unknown relation type FRIENDS"),
    (["--min-degree", "-1"], "-1 is not in the range x>=0"),
    (["--max-nodes", "0"], "0 is not in the range x>=1"),
])
def test_viz_bad_options_are_usage_errors(runner: CliRunner, chain: Path, tmp_path: Path, args: list[str],
                                          message: str) -> None:
    result = invoke(runner, "viz", "--store", str(chain), "-o", str(tmp_path / "g.html"), *args)
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize("store", ["empty"])
def test_viz_empty_store_says_to_ingest_first(runner: CliRunner, store_dir: Path, tmp_path: Path, store: str) -> None:
    result = invoke(runner, "viz", "--store", str(store_dir), "-o", str(tmp_path / "g.html"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: the store in {store_dir} is empty: run `foundergraph ingest PATH` first\n"


@pytest.mark.parametrize("max_nodes", ["10"])
def test_viz_trims_big_graphs_with_a_notice(runner: CliRunner, store_dir: Path, tmp_path: Path, max_nodes: str) -> None:
    star_store(store_dir, hubs=3, leaves=20)
    out = tmp_path / "g.html"
    result = invoke(runner, "viz", "--store", str(store_dir), "-o", str(out), "--max-nodes", max_nodes)
    assert result.exit_code == 0
    assert result.stderr.startswith("The graph has 63 nodes and 60 relations, more than a browser lays out quickly")
    assert "showing its most connected part, 10 nodes" in result.stderr
    assert "10 people and organizations" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert 'class="fg-notice fg-trimmed">The graph has 63 nodes' in html


@pytest.mark.parametrize("a, b", [("Person 0", "Org 2")])
def test_viz_unconnected_path_warns_and_still_writes(runner: CliRunner, chain: Path, tmp_path: Path, a: str, b: str) -> None:
    out = tmp_path / "g.html"
    result = invoke(runner, "viz", "--store", str(chain), "-o", str(out), "--path", a, b)
    assert result.exit_code == 0
    assert result.stderr == f"No chain of relations links {a} and {b}.\n"
    assert page_data(out)["path"] == {"names": [a, b], "hops": []}


@pytest.mark.parametrize("name", [EMOJI_NAME])
def test_viz_page_is_utf8_with_article_text_intact(runner: CliRunner, store_dir: Path, tmp_path: Path, name: str) -> None:
    hostile_store(store_dir)
    out = tmp_path / "g.html"
    assert invoke(runner, "viz", "--store", str(store_dir), "-o", str(out)).exit_code == 0
    assert name in {n["label"] for n in page_data(out)["nodes"]}


@pytest.mark.parametrize("command", ["viz"])
def test_viz_help_has_an_example_and_the_size_limit(runner: CliRunner, command: str) -> None:
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout and "foundergraph viz" in result.stdout
    assert "1,500 nodes" in result.stdout and "[default: 1500" in result.stdout
