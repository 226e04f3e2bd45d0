"""Names from data never become Cypher text: hostile property names, labels and types against a real Neo4j."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.errors import Neo4jError
from graph.model import ORGANIZATION, PERSON, WORKS_AT, Article, Entity, Evidence, Extraction, Relation
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore

#: Property names that close a backtick-quoted identifier, one way or another.
HOSTILE_KEYS = [
    "x\\u0060 = 1 WITH r MATCH (v:Victim) DETACH DELETE v //",
    "x` = 1 WITH r MATCH (v:Victim) DETACH DELETE v //",
    "x\\u0060",
    "two words",
    "role`",
    "",
    "1abc",
    "confidence",
]
SNAPSHOT = ("MATCH (n) OPTIONAL MATCH (n)-[r]->() "
            "RETURN count(DISTINCT n) AS nodes, count(r) AS relations, collect(DISTINCT labels(n)) AS labels")


def _store(folder: Path, props: dict, entity_type: str = PERSON, relation_type: str = WORKS_AT) -> GraphStore:
    store = GraphStore(folder)
    article = Article(id="a1", path="a1.txt", title="t", language="en")
    people = [Entity(key="ada", type=entity_type, name="Ada"), Entity(key="acme", type=ORGANIZATION, name="Acme")]
    relation = Relation(type=relation_type, source="ada", target="acme", props=props,
                        evidence=[Evidence("a1", "Ada works at Acme.", 0, 18)], confidence=0.8)
    store.add(Extraction(article=article, entities=people, relations=[relation]))
    store.save()
    return store


@pytest.fixture
def victims(neo4j_store: Neo4jStore) -> Neo4jStore:
    neo4j_store.run_write("UNWIND range(1, 3) AS i CREATE (:Victim {i: i})")
    return neo4j_store


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_neo4j_injection_push_refuses_a_hostile_property_name_and_writes_nothing(victims: Neo4jStore, tmp_path: Path,
                                                                                  key: str) -> None:
    before = victims.run_read(SNAPSHOT)
    store = _store(tmp_path / "store", {key: "v", "role": "CEO"})
    with pytest.raises(Neo4jError, match="property named"):
        victims.push(store)
    assert victims.run_read(SNAPSHOT) == before
    assert victims.run_read("MATCH (v:Victim) RETURN count(v) AS n") == [{"n": 3}]


@pytest.mark.parametrize("key", HOSTILE_KEYS[:2])
def test_neo4j_injection_cli_push_is_one_line_and_exit_1(victims: Neo4jStore, neo4j_settings, tmp_path: Path,
                                                        key: str) -> None:
    before = victims.run_read(SNAPSHOT)
    _store(tmp_path / "store", {key: "v"})
    env = {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USERNAME": neo4j_settings.username,
           "NEO4J_PASSWORD": neo4j_settings.password, "NEO4J_DATABASE": neo4j_settings.database}
    result = CliRunner().invoke(cli, ["neo4j", "push", "--store", str(tmp_path / "store")], env=env)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert "property named" in result.output
    assert victims.run_read(SNAPSHOT) == before


@pytest.mark.parametrize("key", ["stage", "Round_2", "_x", "MATCH", "DELETE"])
def test_neo4j_injection_plain_property_names_are_pushed_as_they_are(victims: Neo4jStore, tmp_path: Path,
                                                                     key: str) -> None:
    victims.push(_store(tmp_path / "store", {key: "v", "role": "CEO"}))
    rows = victims.run_read("MATCH (:Person {key: 'ada'})-[r:WORKS_AT]->() RETURN properties(r) AS p")
    assert rows[0]["p"][key] == "v" and rows[0]["p"]["role"] == "CEO"
    assert victims.run_read("MATCH (v:Victim) RETURN count(v) AS n") == [{"n": 3}]


@pytest.mark.parametrize("name", ["Person`) WITH 1 AS x MATCH (v:Victim) DETACH DELETE v //",
                                  "Person\\u0060) MATCH (v:Victim) DETACH DELETE v //", "MATCH", "two words"])
def test_neo4j_injection_hostile_labels_and_types_never_reach_cypher(victims: Neo4jStore, tmp_path: Path,
                                                                     name: str) -> None:
    victims.push(_store(tmp_path / "labels", {"role": "CEO"}, entity_type=name))
    victims.push(_store(tmp_path / "types", {"role": "CEO"}, relation_type=name))
    assert victims.run_read("MATCH (v:Victim) RETURN count(v) AS n") == [{"n": 3}]
    labels = victims.run_read("CALL db.labels() YIELD label RETURN collect(label) AS labels")[0]["labels"]
    types = victims.run_read("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN collect(t) AS t")[0]["t"]
    assert set(labels) <= {"Person", "Organization", "Article", "Victim"}
    assert set(types) <= {"WORKS_AT", "MENTIONS"}


def test_neo4j_injection_props_keep_the_first_value_seen(neo4j_store: Neo4jStore, tmp_path: Path) -> None:
    neo4j_store.push(_store(tmp_path / "one", {"role": "CEO"}))
    neo4j_store.push(_store(tmp_path / "two", {"role": "CTO", "former": True}))
    rows = neo4j_store.run_read("MATCH ()-[r:WORKS_AT]->() RETURN r.role AS role, r.former AS former")
    assert rows == [{"role": "CEO", "former": True}]
