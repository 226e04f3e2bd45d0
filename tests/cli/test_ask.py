"""The question commands through the real CLI: exit codes, text and JSON output, --neo4j, export files."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.index import INDEX_FILE
from graph.store import GraphStore
from graph.synthetic import startup_store

QUESTION_COMMANDS = ["path", "who-knows", "intro", "person", "stats", "mentors", "investors", "portfolio",
                     "founders", "acquisitions", "colleagues", "brokers", "communities", "export"]


def invoke(runner: CliRunner, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(cli, list(args), catch_exceptions=False, env=env)


@pytest.fixture
def startup(tmp_path: Path) -> Path:
    """A saved store of the tiny startup graph (see graph.synthetic.startup_store)."""
    folder = tmp_path / "startup"
    startup_store(str(folder)).save()
    return folder


@pytest.mark.parametrize("command", QUESTION_COMMANDS)
def test_ask_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"foundergraph {command}" in result.output


def test_ask_path_prints_hops_with_evidence(runner: CliRunner, startup: Path) -> None:
    result = invoke(runner, "path", "Cy", "Fay", "--store", str(startup))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Cy → Fay: 2 degrees of separation",
        "  Cy -[KNOWS]-> Eve",
        "      “Eve KNOWS Cy.” (a1.txt)",
        "  Eve -[MENTORED]-> Fay",
        "      “Eve MENTORED Fay.” (a1.txt)",
    ]
    assert (startup / INDEX_FILE).exists()


@pytest.mark.parametrize("args, degrees, paths", [
    (["Ada", "Fay"], None, 0),
    (["Ada", "Fay", "--via-orgs"], 3, 1),
    (["Ada", "Fay", "--via-orgs", "--all"], 3, 2),
    (["Ada", "Fay", "--via-orgs", "--all", "--limit", "1"], 3, 1),
    (["Ada", "Fay", "--via-orgs", "--types", "founded,acquired,works_at"], 3, 1),
    (["Gus", "Ada", "--via-orgs"], None, 0),
])
def test_ask_path_json(runner: CliRunner, startup: Path, args: list[str], degrees, paths) -> None:
    result = invoke(runner, "path", *args, "--store", str(startup), "--json")
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert answer["degrees"] == degrees and len(answer["paths"]) == paths


def test_ask_no_path_is_an_answer(runner: CliRunner, startup: Path) -> None:
    result = invoke(runner, "path", "Gus", "Ada", "--store", str(startup))
    assert result.exit_code == 0 and result.output == "no path between Gus and Ada\n"


@pytest.mark.parametrize("args", [
    ["path", "Ada", "Fey"], ["who-knows", "Adda"], ["intro", "Ada", "Fai"], ["person", "Eeve"],
    ["mentors", "Fay Fay"], ["investors", "Acme Inc"], ["founders", "Akme"],
])
def test_ask_unknown_name_is_one_line_with_suggestions(runner: CliRunner, startup: Path, args: list[str]) -> None:
    result = runner.invoke(cli, [*args, "--store", str(startup)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "did you mean" in lines[0]


def test_ask_bad_types_option(runner: CliRunner, startup: Path) -> None:
    result = runner.invoke(cli, ["path", "Ada", "Fay", "--types", "FRIENDS", "--store", str(startup)])
    assert result.exit_code == 2 and "FRIENDS" in result.stderr


@pytest.mark.parametrize("args, expected", [
    (["Ada"], [("bob", 1), ("eve", 1), ("cy", 2), ("fay", 2)]),
    (["Ada", "--hops", "1"], [("bob", 1), ("eve", 1)]),
    (["Ada", "--kinds", "founded", "-k", "3"], [("bob", 1)]),
    (["Gus"], []),
])
def test_ask_who_knows(runner: CliRunner, startup: Path, args: list[str], expected) -> None:
    result = invoke(runner, "who-knows", *args, "--store", str(startup), "--json")
    assert [(p["key"], p["distance"]) for p in json.loads(result.stdout)] == expected
    text = invoke(runner, "who-knows", *args, "--store", str(startup))
    assert text.exit_code == 0 and text.output.count("\n") == len(expected) + (2 if expected else 1)


def test_ask_intro(runner: CliRunner, startup: Path) -> None:
    result = invoke(runner, "intro", "Ada", "Cy", "--store", str(startup))
    assert result.output.splitlines() == ["mutual connections of Ada and Cy: 1",
                                          "rank  name  ties with Ada  ties with Cy  hops to Cy",
                                          "   1  Eve   INVESTED_IN    KNOWS                  1"]
    far = invoke(runner, "intro", "Dee", "Fay", "--store", str(startup), "--json")
    assert [(r["key"], r["distance_to_target"]) for r in json.loads(far.stdout)] == [("cy", 2)]
    known = invoke(runner, "intro", "Eve", "Fay", "--store", str(startup))
    assert known.output == "Eve already knows Fay, and nobody else Eve knows is within 4 hops of Fay\n"
    none = invoke(runner, "intro", "Gus", "Fay", "--store", str(startup))
    assert none.output == "nobody Gus knows is within 4 hops of Fay\n"


def test_ask_person(runner: CliRunner, startup: Path) -> None:
    result = invoke(runner, "person", "acme", "--store", str(startup))
    assert result.exit_code == 0
    assert "Acme (Organization, key 'acme')" in result.output
    assert "  founders: Ada; Bob" in result.output and "  employees: Cy (CTO); Dee (former)" in result.output
    summary = json.loads(invoke(runner, "person", "Eve", "--store", str(startup), "--json").stdout)
    assert [m["key"] for m in summary["mentees"]] == ["fay"]


def test_ask_stats(runner: CliRunner, startup: Path) -> None:
    figures = json.loads(invoke(runner, "stats", "--store", str(startup), "--json").stdout)
    assert figures["entities"] == 10 and figures["relations"] == 10 and figures["components"] == 2
    text = invoke(runner, "stats", "--store", str(startup)).output
    assert "entities: 10 (Person: 7, Organization: 3)" in text


@pytest.mark.parametrize("command, name, expected", [
    ("investors", "Acme", [("eve", "acme"), ("fund", "acme")]),
    ("portfolio", "Fund", [("fund", "acme")]),
    ("founders", "Acme", [("ada", "acme"), ("bob", "acme")]),
    ("acquisitions", "Bolt", [("acme", "bolt")]),
])
def test_ask_relation_commands(runner: CliRunner, startup: Path, command: str, name: str, expected) -> None:
    records = json.loads(invoke(runner, command, name, "--store", str(startup), "--json").stdout)
    assert [(r["source"], r["target"]) for r in records] == expected
    text = invoke(runner, command, name, "--store", str(startup)).output
    assert text.splitlines()[0].endswith(f": {len(expected)}")


def test_ask_mentors_shows_both_directions(runner: CliRunner, startup: Path) -> None:
    answer = json.loads(invoke(runner, "mentors", "Eve", "--store", str(startup), "--json").stdout)
    assert answer["mentors"] == [] and [m["target"] for m in answer["mentees"]] == ["fay"]


def test_ask_colleagues_brokers_communities(runner: CliRunner, startup: Path) -> None:
    colleagues = json.loads(invoke(runner, "colleagues", "Cy", "--store", str(startup), "--json").stdout)
    assert [c["key"] for c in colleagues] == ["ada", "bob", "dee"]
    brokers = json.loads(invoke(runner, "brokers", "--store", str(startup), "--json").stdout)
    assert brokers[0]["key"] == "eve"
    groups = json.loads(invoke(runner, "communities", "--store", str(startup), "--json").stdout)
    assert sum(len(g) for g in groups) == 9


@pytest.mark.parametrize("fmt, name, read", [
    ("graphml", "g.graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
    ("gexf", "g.gexf", nx.read_gexf),
    ("json", "g.json", lambda p: nx.node_link_graph(json.loads(p.read_text()), edges="links")),
])
def test_ask_export_files_read_back(runner: CliRunner, startup: Path, tmp_path: Path, fmt, name, read) -> None:
    target = tmp_path / "out" / name
    result = invoke(runner, "export", "--format", fmt, "-o", str(target), "--store", str(startup))
    assert result.exit_code == 0 and result.output == f"{target}\n"
    back = read(target)
    assert back.number_of_nodes() == 10 and back.number_of_edges() == 10


def test_ask_export_csv(runner: CliRunner, startup: Path, tmp_path: Path) -> None:
    result = invoke(runner, "export", "--format", "csv", "-o", str(tmp_path / "import"), "--store", str(startup))
    assert result.exit_code == 0 and len(result.output.splitlines()) == 5
    assert (tmp_path / "import" / "relationships.csv").read_text().startswith(":START_ID,:END_ID,:TYPE")


def test_ask_path_on_seeds_prints_evidence(runner: CliRunner, seeds_dir: Path, store_dir: Path) -> None:
    invoke(runner, "ingest", str(seeds_dir), "--store", str(store_dir), "-q", env={"NEO4J_URI": None})
    store = GraphStore.open(store_dir)
    relation = sorted(store.relations.values(), key=lambda r: r.key)[0]
    a, b = store.entities[relation.source].name, store.entities[relation.target].name
    result = invoke(runner, "path", a, b, "--store", str(store_dir))
    assert result.exit_code == 0
    assert result.output.startswith(f"{a} → {b}: 1 degree of separation")
    assert relation.evidence[0].sentence in result.output


def test_ask_neo4j_gives_the_same_json(runner: CliRunner, startup: Path, neo4j_store, neo4j_settings) -> None:
    neo4j_store.push(GraphStore.open(startup))
    env = {"NEO4J_URI": neo4j_settings.uri}
    for name, value in (("NEO4J_USERNAME", neo4j_settings.username), ("NEO4J_PASSWORD", neo4j_settings.password),
                        ("NEO4J_DATABASE", neo4j_settings.database)):
        if value:
            env[name] = value
    for args in (["path", "Ada", "Fay", "--via-orgs", "--all"], ["path", "Cy", "Fay"], ["who-knows", "Ada", "-k", "3"],
                 ["intro", "Dee", "Fay"], ["person", "Acme"], ["mentors", "Eve"], ["investors", "Acme"],
                 ["portfolio", "Eve"], ["founders", "acme"], ["acquisitions", "Bolt"], ["colleagues", "Cy"]):
        offline = invoke(runner, *args, "--store", str(startup), "--json")
        online = invoke(runner, *args, "--neo4j", "--json", env=env)
        assert online.exit_code == 0, online.output
        assert json.loads(online.stdout) == json.loads(offline.stdout), args
    stats = json.loads(invoke(runner, "stats", "--neo4j", "--json", env=env).stdout)
    assert stats["entities"] == 10 and stats["relations_by_type"]["WORKS_AT"] == 3
    missing = runner.invoke(cli, ["who-knows", "Adda", "--neo4j"], env=env)
    assert missing.exit_code == 1 and "did you mean" in missing.stderr
