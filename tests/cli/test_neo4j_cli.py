"""The Neo4j commands against a real server: query (read-only by default), push, pull, schema, faults."""
from __future__ import annotations

import csv
import io
import json
import socket
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from foundergraph.cli.neo4j import neo4j_options
from graph.neo4j_store import Neo4jSettings, Neo4jStore
from graph.store import GraphStore
from neo4j_fixture import canonical, embedded, synthetic_extractions


@pytest.fixture
def env(neo4j_settings: Neo4jSettings, neo4j_store: Neo4jStore) -> dict[str, str | None]:
    """The environment that points the CLI at the (emptied) test database (None unsets a variable)."""
    return {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USERNAME": neo4j_settings.username,
            "NEO4J_PASSWORD": neo4j_settings.password, "NEO4J_DATABASE": neo4j_settings.database}


def run(runner: CliRunner, args: list[str], env: dict) -> click.testing.Result:
    return runner.invoke(cli, args, env=env, catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_neo4j_cli_query_prints_records_in_each_format(runner, env, neo4j_store: Neo4jStore, fmt: str) -> None:
    neo4j_store.add_extractions(synthetic_extractions(3))
    result = run(runner, ["query", "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.language AS lang "
                          "ORDER BY id", "--param", 'ids=["synthetic00000", "synthetic00002"]', "--format", fmt], env)
    assert result.exit_code == 0, result.output
    rows = [{"id": "synthetic00000", "lang": "en"}, {"id": "synthetic00002", "lang": "en"}]
    if fmt == "json":
        assert json.loads(result.stdout) == rows
    elif fmt == "csv":
        assert list(csv.DictReader(io.StringIO(result.stdout))) == rows
    else:
        lines = result.stdout.splitlines()
        assert lines[0].split() == ["id", "lang"]
        assert [line.split() for line in lines[2:4]] == [["synthetic00000", "en"], ["synthetic00002", "en"]]
        assert lines[-1] == "(2 rows)"


@pytest.mark.parametrize("param,expected", [("n=42", 42), ("n=true", True), ("n=text with spaces", "text with spaces"),
                                            ('n="quoted"', "quoted"), ("n=", ""), ("n=a=b", "a=b")])
def test_neo4j_cli_query_parses_params(runner, env, param: str, expected) -> None:
    result = run(runner, ["query", "RETURN $n AS n", "--param", param, "--format", "json"], env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": expected}]


@pytest.mark.parametrize("cypher", ["CREATE (:Intruder {name: 'x'})", "MATCH (n) DETACH DELETE n",
                                    "CREATE CONSTRAINT x IF NOT EXISTS FOR (n:X) REQUIRE n.k IS UNIQUE"])
def test_neo4j_cli_query_refuses_a_write_without_write_flag(runner, env, neo4j_store: Neo4jStore, cypher: str) -> None:
    neo4j_store.add_extractions(synthetic_extractions(2))
    before = neo4j_store.counts()
    result = run(runner, ["query", cypher], env)
    assert result.exit_code == 1
    assert "--write" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert neo4j_store.counts() == before
    assert neo4j_store.run_read("MATCH (n:Intruder) RETURN n") == []


@pytest.mark.parametrize("cypher", [
    "CREATE (n:Intruder {name: 'x'}) RETURN n.name AS name",
    "UNWIND ['x'] AS v CALL (v) { CREATE (n:Intruder {name: v}) } IN TRANSACTIONS OF 10 ROWS RETURN v AS name",
])
def test_neo4j_cli_query_writes_with_write_flag(runner, env, neo4j_store: Neo4jStore, cypher: str) -> None:
    result = run(runner, ["query", cypher, "--write", "--format", "json"], env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"name": "x"}]
    assert neo4j_store.run_read("MATCH (n:Intruder) RETURN n.name AS name") == [{"name": "x"}]


@pytest.mark.parametrize("cypher", ["MATCH (n RETURN n", "RETURN 1 +", "RETURN nosuchfunction(1)", "CALL nosuch.proc()"])
def test_neo4j_cli_query_cypher_error_is_one_line_and_exit_1(runner, env, cypher: str) -> None:
    result = run(runner, ["query", cypher], env)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Cypher error" in result.stderr


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("how", ["option", "env"])
def test_neo4j_cli_unreachable_server_is_one_line_naming_the_uri(runner, how: str) -> None:
    uri = f"bolt://127.0.0.1:{closed_port()}"
    args = ["query", "RETURN 1"] + (["--uri", uri] if how == "option" else [])
    result = runner.invoke(cli, args, env={"NEO4J_URI": uri if how == "env" else None})
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "NEO4J_URI" in result.stderr


@pytest.mark.parametrize("database", ["nosuchdb"])
def test_neo4j_cli_unknown_database_names_the_setting(runner, env, database: str) -> None:
    result = run(runner, ["query", "RETURN 1", "--database", database], env)
    assert result.exit_code == 1 and "NEO4J_DATABASE" in result.stderr


@pytest.mark.parametrize("articles", [12])
def test_neo4j_cli_push_then_pull_round_trips(runner, env, neo4j_store: Neo4jStore, tmp_path: Path,
                                              articles: int) -> None:
    source = embedded(synthetic_extractions(articles), tmp_path / "source")
    source.save()
    result = run(runner, ["neo4j", "push", "--store", str(source.directory)], env)
    assert result.exit_code == 0, result.output
    assert f"articles: {articles} added" in result.stdout
    again = run(runner, ["neo4j", "push", "--store", str(source.directory)], env)
    assert "articles: 0 added" in again.stdout and "relations: 0 added" in again.stdout

    result = run(runner, ["neo4j", "pull", "--store", str(tmp_path / "copy")], env)
    assert result.exit_code == 0, result.output
    assert canonical(GraphStore.open(tmp_path / "copy")) == canonical(GraphStore.open(source.directory))


@pytest.mark.parametrize("force", [False, True])
def test_neo4j_cli_pull_refuses_to_drop_unpushed_articles(runner, env, neo4j_store: Neo4jStore, tmp_path: Path,
                                                          force: bool) -> None:
    neo4j_store.add_extractions(synthetic_extractions(2))
    local = embedded(synthetic_extractions(4, seed=99)[2:], tmp_path / "local")
    local.save()
    result = run(runner, ["neo4j", "pull", "--store", str(local.directory)] + (["--force"] if force else []), env)
    after = GraphStore.open(local.directory)
    if force:
        assert result.exit_code == 0 and set(after.articles) == {"synthetic00000", "synthetic00001"}
    else:
        assert result.exit_code == 1 and "neo4j push" in result.stderr
        assert set(after.articles) == set(local.articles)


@pytest.mark.parametrize("times", [2])
def test_neo4j_cli_schema_lists_the_constraints(runner, env, times: int) -> None:
    for _ in range(times):
        result = run(runner, ["neo4j", "schema"], env)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["article_id: :Article(id) is unique",
                                          "organization_key: :Organization(key) is unique",
                                          "person_key: :Person(key) is unique"]


@pytest.mark.parametrize("args,env_values,expected", [
    ([], {}, Neo4jSettings()),
    (["--uri", "neo4j+s://x.databases.neo4j.io", "--username", "u", "--password", "p", "--database", "d"], {},
     Neo4jSettings("neo4j+s://x.databases.neo4j.io", "u", "p", "d")),
    ([], {"NEO4J_URI": "neo4j://h:7687", "NEO4J_USERNAME": "u", "NEO4J_PASSWORD": "p", "NEO4J_DATABASE": "d"},
     Neo4jSettings("neo4j://h:7687", "u", "p", "d")),
    (["--uri", "bolt://o:1"], {"NEO4J_URI": "bolt://e:2"}, Neo4jSettings("bolt://o:1")),
])
def test_neo4j_cli_options_decorator_reads_options_and_env(args, env_values, expected) -> None:
    @click.command()
    @neo4j_options
    def show(neo4j: Neo4jSettings) -> None:
        click.echo(repr(neo4j))

    clean = {k: None for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")}
    result = CliRunner().invoke(show, args, env=clean | env_values)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == repr(expected)


@pytest.mark.parametrize("command", [["query", "--help"], ["neo4j", "push", "--help"], ["neo4j", "pull", "--help"],
                                     ["neo4j", "schema", "--help"]])
def test_neo4j_cli_commands_have_help_with_an_example(runner, command: list[str]) -> None:
    result = runner.invoke(cli, command)
    assert result.exit_code == 0 and "Example:" in result.stdout and "NEO4J_URI" in result.stdout


def readme_cypher() -> list[str]:
    """The Cypher examples of the README's "Use Neo4j" section, one query per blank-line-separated block."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use Neo4j", 1)[1].split("\n## ", 1)[0]
    block = section.split("```cypher\n", 1)[1].split("```", 1)[0]
    return [query.strip() for query in block.split("\n\n") if query.strip()]


@pytest.mark.parametrize("index", range(3))
def test_neo4j_cli_readme_examples_answer(runner, env, neo4j_store: Neo4jStore, index: int) -> None:
    extractions = synthetic_extractions(20)
    neo4j_store.add_extractions(extractions)
    founded = next(r for r in extractions[0].relations if r.type == "FOUNDED")
    person, company = extractions[0].entity(founded.source).name, extractions[-1].entities[-1].name
    queries = readme_cypher()
    assert len(queries) == 3
    result = run(runner, ["query", queries[index], "--param", f"name={person}", "--param", f"from={person}",
                          "--param", f"to={company}", "--format", "json"], env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout), f"no rows for README example {index + 1}"


@pytest.mark.parametrize("switch", ["flag", "env"])
def test_neo4j_cli_ingest_writes_to_neo4j_once(runner, env, neo4j_store: Neo4jStore, seeds_dir: Path,
                                               tmp_path: Path, switch: str) -> None:
    args = ["ingest", str(seeds_dir), "-q"]
    if switch == "flag":
        args += ["--neo4j", "--uri", env["NEO4J_URI"]]
        env = {**env, "NEO4J_URI": None}
    first = run(runner, args, env)
    assert first.exit_code == 0, first.output
    assert "articles: 3 added, 0 already stored (3 in Neo4j)" in first.stdout
    embedded_dir = tmp_path / "embedded"
    run(runner, ["ingest", str(seeds_dir), "-q", "--store", str(embedded_dir)], {"NEO4J_URI": None})
    reference = GraphStore.open(embedded_dir)
    relations = neo4j_store.run_read(
        "MATCH (:Person|Organization)-[r]->(:Person|Organization) RETURN count(r) AS n")[0]["n"]
    assert relations == len(reference.relations)

    second = run(runner, args, env)
    assert "articles: 0 added, 3 already stored (3 in Neo4j)" in second.stdout
    assert "relations: 0 added, 0 evidence sentences" in second.stdout
