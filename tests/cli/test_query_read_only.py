"""``query`` without ``--write`` runs only read-only plans: each probe against the real test server."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.neo4j_store import Neo4jSettings, Neo4jStore
from graph.read_only import admin_refusal


@pytest.fixture
def env(neo4j_settings: Neo4jSettings, neo4j_store: Neo4jStore) -> dict[str, str | None]:
    return {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USERNAME": neo4j_settings.username,
            "NEO4J_PASSWORD": neo4j_settings.password, "NEO4J_DATABASE": neo4j_settings.database}


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.csv"
    path.write_text("root:x:0:0:secret line\n", encoding="utf-8")
    return path


def query(env: dict, *args: str) -> "click.testing.Result":  # noqa: F821
    return CliRunner().invoke(cli, ["query", *args], env=env)


def assert_refused(result, word: str = "refused") -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and word in result.stderr


@pytest.mark.parametrize("cypher", [
    "LOAD CSV FROM 'file://{path}' AS line RETURN line",
    "load csv from 'file://{path}' as line return line[0] AS x",
    "LOAD CSV FROM 'https://example.invalid/x.csv' AS line RETURN line",
    "CALL () { LOAD CSV FROM 'file://{path}' AS line RETURN line } RETURN line",
])
def test_query_read_only_refuses_load_csv(env, secret: Path, cypher: str) -> None:
    result = query(env, cypher.replace("{path}", str(secret)))
    assert_refused(result)
    assert "secret line" not in result.output


def test_query_write_cannot_read_server_files_either(env, secret: Path) -> None:
    result = query(env, f"LOAD CSV FROM 'file://{secret}' AS line RETURN line", "--write")
    assert result.exit_code == 1 and "secret line" not in result.output
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("cypher", [
    "CALL db.clearQueryCaches()",
    "CALL `db`.`clearQueryCaches`()",
    "CALL db\\u002eclearQueryCaches()",
    "CALL dbms.listConfig() YIELD name RETURN name",
    "CALL dbms.components() YIELD name RETURN name",
    "SHOW USERS",
    "SHOW CURRENT USER",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS",
    "CREATE USER bob SET PASSWORD 'secret123'",
    "CREATE (:Intruder)",
    "MATCH (n) SET n.touched = true RETURN count(n) AS n",
    "MERGE (n:Intruder {k: 1}) RETURN n",
    "CREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.k)",
])
def test_query_read_only_refuses_admin_commands_and_writes(env, neo4j_store: Neo4jStore, cypher: str) -> None:
    neo4j_store.run_write("CREATE (:Person {key: 'p', name: 'P'})")
    result = query(env, cypher)
    assert_refused(result, "--write")
    assert neo4j_store.run_read("MATCH (n) RETURN count(n) AS n, collect(n.touched) AS t") == [{"n": 1, "t": []}]
    assert neo4j_store.run_read("MATCH (n:Intruder) RETURN n") == []


def test_query_read_only_terminate_leaves_other_sessions_alone(env, neo4j_store: Neo4jStore) -> None:
    with neo4j_store.driver.session(database=neo4j_store.database) as session:
        tx = session.begin_transaction()
        tx.run("CREATE (:Held {n: 1})").consume()
        ids = [r["id"] for r in neo4j_store.run_write(
            "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery AS q WHERE q CONTAINS 'Held' RETURN id")]
        for terminate in [f"TERMINATE TRANSACTIONS '{i}'" for i in ids] + ["TERMINATE TRANSACTIONS $ids"]:
            assert_refused(query(env, terminate, "--param", f"ids={ids!r}".replace("'", '"')), "--write")
        tx.commit()
    assert neo4j_store.run_read("MATCH (h:Held) RETURN h.n AS n") == [{"n": 1}]


@pytest.mark.parametrize("cypher,expected", [
    ("MATCH (n:Person) RETURN n.name AS name", "P"),
    ("EXPLAIN MATCH (n:Person) RETURN n.name AS name", "(no rows)"),
    ("PROFILE MATCH (n:Person) RETURN n.name AS name", "P"),
    ("RETURN 'dbms.listConfig TERMINATE LOAD CSV' AS text", "dbms.listConfig"),
    ("// SHOW USERS\nMATCH (n:Person) RETURN n.name AS name", "P"),
])
def test_query_read_only_runs_reads(env, neo4j_store: Neo4jStore, cypher: str, expected: str) -> None:
    neo4j_store.run_write("CREATE (:Person {key: 'p', name: 'P'})")
    result = query(env, cypher)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


@pytest.mark.parametrize("cypher", ["MATCH (n) RETURN n.`x\\u0060` AS x", "RETURN \"it's\" AS x"])
def test_query_read_only_admin_check_reads_through_escapes_and_strings(cypher: str) -> None:
    assert admin_refusal(cypher) is None
