"""The embedded store: round trip, idempotent ingest, atomic writes, refusing foreign files."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from graph.errors import StoreError
from graph.model import (FOUNDED, KNOWS, ORGANIZATION, PERSON, WORKS_AT, Article, Entity, Evidence,
                         Extraction, Relation, article_id)
from graph.store import GraphStore, default_store_dir
from graph.store_db import SCHEMA, StoreFile
from graph.synthetic import synthetic_store
from graph.identity import EntityIndex
from queries.separation import separation


def make_extraction(text: str, path: str = "a.txt") -> Extraction:
    """A small hand-made extraction: two people, one company, three relations."""
    article = Article(id=article_id(text), path=path, title="t", language="fr", text=text)
    ev = Evidence(article_id=article.id, sentence=text, start=0, end=len(text))
    return Extraction(
        article=article,
        entities=[Entity("lea dubois", PERSON, "Léa Dubois", ["Dubois"]),
                  Entity("atelier numerique", ORGANIZATION, "Atelier Numérique"),
                  Entity("marc petit", PERSON, "Marc Petit")],
        relations=[Relation(FOUNDED, "lea dubois", "atelier numerique", {}, [ev], 0.8),
                   Relation(WORKS_AT, "marc petit", "atelier numerique", {"role": "CTO"}, [ev], 0.7),
                   Relation(KNOWS, "marc petit", "lea dubois", {}, [ev], 0.6)],
    )


TEXT = "Léa Dubois a fondé Atelier Numérique avec Marc Petit, son CTO, qu'elle a rencontré en 2019."


def test_store_round_trip_keeps_everything(store_dir: Path) -> None:
    store = GraphStore.open(store_dir)
    result = store.add(make_extraction(TEXT))
    store.save()
    assert (result.entities_added, result.relations_added, result.evidence_added) == (3, 3, 3)
    again = GraphStore.open(store_dir)
    assert again.to_dict() == store.to_dict()
    graph = again.to_networkx()
    assert graph.nodes["lea dubois"] == {"type": PERSON, "name": "Léa Dubois", "aliases": ["Dubois"],
                                         "articles": [article_id(TEXT)]}
    edge = graph.edges["marc petit", "atelier numerique", WORKS_AT]
    assert edge["props"] == {"role": "CTO"} and edge["confidence"] == 0.7
    assert edge["evidence"] == [{"article_id": article_id(TEXT), "sentence": TEXT, "start": 0, "end": len(TEXT)}]
    assert graph.graph["articles"][article_id(TEXT)]["path"] == "a.txt"


def test_store_same_article_twice_changes_nothing(store_dir: Path) -> None:
    store = GraphStore.open(store_dir)
    store.add(make_extraction(TEXT))
    before = json.dumps(store.to_dict(), sort_keys=True)
    result = store.add(make_extraction(TEXT, path="renamed-copy.txt"))
    assert result.skipped and result.relations_added == 0
    assert json.dumps(store.to_dict(), sort_keys=True) == before


def test_store_second_article_merges_entities_and_evidence(store_dir: Path) -> None:
    store = GraphStore.open(store_dir)
    store.add(make_extraction(TEXT))
    other = make_extraction(TEXT + " Une seconde source.", path="b.txt")
    result = store.add(other)
    assert (result.entities_added, result.relations_added, result.evidence_added) == (0, 0, 3)
    assert len(store.relations[(FOUNDED, "lea dubois", "atelier numerique")].evidence) == 2
    assert store.entities["lea dubois"].articles == [article_id(TEXT), other.article.id]


def test_store_knows_is_one_edge_whatever_the_direction(store_dir: Path) -> None:
    store = GraphStore.open(store_dir)
    first = make_extraction(TEXT)
    second = make_extraction(TEXT + " Encore.", path="b.txt")
    second.relations = [Relation(KNOWS, "lea dubois", "marc petit", {}, second.relations[2].evidence, 0.6)]
    store.add(first)
    store.add(second)
    assert [key for key in store.relations if key[0] == KNOWS] == [(KNOWS, "lea dubois", "marc petit")]


def test_store_interrupted_save_leaves_previous_graph(store_dir: Path, monkeypatch) -> None:
    store = GraphStore.open(store_dir)
    store.add(make_extraction(TEXT))
    store.save()
    saved = GraphStore.open(store_dir).to_dict()
    store.add(make_extraction(TEXT + " Plus.", path="b.txt"))

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(StoreFile, "upsert_relations", crash)  # after the articles and entities were written
    with pytest.raises(KeyboardInterrupt):
        store.save()
    assert GraphStore.open(store_dir).to_dict() == saved
    monkeypatch.undo()
    store.save()  # the changes are still pending, and now land
    assert len(GraphStore.open(store_dir).articles) == 2


def test_store_save_writes_only_what_changed(store_dir: Path) -> None:
    store = synthetic_store(people=300, organizations=40)
    store.directory, store.path = store_dir, store_dir / "graph.db"
    store.save()
    again = GraphStore.open(store_dir)
    before = again.fingerprint()
    again.save()
    assert again.fingerprint() == before  # nothing changed: nothing written
    connection = again.file().connection
    written = connection.total_changes
    result = again.add(make_extraction(TEXT))
    again.save()
    rows = connection.total_changes - written
    # one article, three entities and their five name keys, three relations, the generation
    assert (result.entities_added, result.relations_added) == (3, 3)
    assert rows <= 1 + 3 + 5 + 3 + 1, rows
    assert again.fingerprint() != before
    assert GraphStore.open(store_dir).counts() == {"articles": 41, "entities": 343,
                                                    "relations": len(store.relations) + 3}


def test_store_answers_a_path_question_without_reading_everything(store_dir: Path, monkeypatch) -> None:
    built = synthetic_store(people=300, organizations=40)
    built.directory, built.path = store_dir, store_dir / "graph.db"
    built.save()
    expected = separation(built, "Person 1", "P. 20", via_orgs=True)

    def whole(*args, **kwargs):
        raise AssertionError("read the whole store")

    for name in ("articles", "entities", "relations", "names"):
        monkeypatch.setattr(StoreFile, name, whole)
    assert separation(GraphStore.open(store_dir), "Person 1", "P. 20", via_orgs=True) == expected
    assert expected["degrees"] and expected["target"]["key"] == "person 20"


def test_store_knows_upserts_whatever_the_direction(store_dir: Path) -> None:
    store = GraphStore.open(store_dir)
    store.add(make_extraction(TEXT))
    store.save()
    second = make_extraction(TEXT + " Encore.", path="b.txt")
    second.relations = [Relation(KNOWS, "lea dubois", "marc petit", {}, second.relations[2].evidence, 0.9)]
    again = GraphStore.open(store_dir)
    assert again.add(second).evidence_added == 1
    again.save()
    stored = GraphStore.open(store_dir)
    assert stored.counts()["relations"] == 3
    knows = stored.relation((KNOWS, "lea dubois", "marc petit"))
    assert len(knows.evidence) == 2 and knows.confidence == 0.9


def test_store_converts_a_json_store_of_earlier_versions(store_dir: Path) -> None:
    built = GraphStore("/nonexistent-store")
    built.add(make_extraction(TEXT))
    legacy = built.to_dict()
    store_dir.mkdir()
    content = json.dumps(legacy).encode("utf-8")
    (store_dir / "graph.json").write_bytes(content)
    converted = GraphStore.open(store_dir)
    assert (store_dir / "graph.db").exists() and (store_dir / "graph.json").read_bytes() == content
    assert converted.to_dict() == legacy
    assert GraphStore.open(store_dir).to_dict() == legacy


@pytest.mark.parametrize("content,message", [
    (b"{not json", "not a readable foundergraph store"),
    (b'{"nodes": [], "links": []}', "not a foundergraph store"),
    (b'[1, 2, 3]', "not a foundergraph store"),
    (b'{"format": "foundergraph", "version": 99}', "store version 99"),
    (b'{"format": "foundergraph", "version": 1, "articles": [{"x": 1}], "entities": [], "relations": []}',
     "damaged"),
])
def test_store_refuses_foreign_or_corrupt_json_file(store_dir: Path, content: bytes, message: str) -> None:
    store_dir.mkdir()
    (store_dir / "graph.json").write_bytes(content)
    with pytest.raises(StoreError, match=message):
        GraphStore.open(store_dir)
    assert (store_dir / "graph.json").read_bytes() == content
    assert not (store_dir / "graph.db").exists()


def _sqlite_file(path: Path, statements: str) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(statements)
    connection.commit()
    connection.close()


@pytest.mark.parametrize("make,message", [
    (lambda p: p.write_bytes(b"{not a database at all}" * 100), "not a readable foundergraph store"),
    (lambda p: p.write_bytes(b""), "not a foundergraph store"),
    (lambda p: _sqlite_file(p, "CREATE TABLE photos (id INTEGER PRIMARY KEY, data BLOB);"),
     "not a foundergraph store"),
    (lambda p: _sqlite_file(p, SCHEMA + "INSERT INTO meta VALUES ('format', 'other-app');"),
     "not a foundergraph store"),
    (lambda p: _sqlite_file(p, SCHEMA + "INSERT INTO meta VALUES ('format', 'foundergraph'), ('version', '99');"),
     "store version 99"),
])
def test_store_refuses_foreign_or_corrupt_database(store_dir: Path, make, message: str) -> None:
    store_dir.mkdir()
    make(store_dir / "graph.db")
    content = (store_dir / "graph.db").read_bytes()
    with pytest.raises(StoreError, match=message):
        store = GraphStore.open(store_dir)
        store.add(make_extraction(TEXT))
        store.save()
    assert (store_dir / "graph.db").read_bytes() == content


def test_store_empty_is_not_written(store_dir: Path) -> None:
    store = GraphStore.open(store_dir)
    store.save()
    assert not (store_dir / "graph.db").exists()
    assert store.counts() == {"articles": 0, "entities": 0, "relations": 0}


def test_store_location_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        GraphStore.open(target)


@pytest.mark.parametrize("env,expected", [
    ({"FOUNDERGRAPH_STORE": "/data/fg"}, Path("/data/fg")),
    ({"XDG_DATA_HOME": "/xdg"}, Path("/xdg/foundergraph")),
])
def test_store_default_location(monkeypatch, env: dict, expected: Path) -> None:
    monkeypatch.delenv("FOUNDERGRAPH_STORE", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert default_store_dir() == expected


def typed_extraction(text: str, entity_type: str) -> Extraction:
    """An article that names one entity, typed ``entity_type``."""
    article = Article(id=article_id(text), path=f"{text[:8]}.txt", title="t", language="fr", text=text)
    return Extraction(article=article, entities=[Entity("nova", entity_type, "Nova")])


@pytest.mark.parametrize("votes,expected", [
    ([PERSON], PERSON),
    ([PERSON, ORGANIZATION], PERSON),  # a tie gives Person, whatever the order
    ([PERSON, ORGANIZATION, ORGANIZATION], ORGANIZATION),
    ([ORGANIZATION, PERSON, ORGANIZATION, PERSON, PERSON], PERSON),
])
def test_store_entity_type_follows_most_articles(store_dir: Path, votes: list[str], expected: str) -> None:
    store = GraphStore.open(store_dir)
    for n, entity_type in enumerate(votes):
        store.add(typed_extraction(f"Article {n} sur Nova.", entity_type))
    store.save()
    again = GraphStore.open(store_dir)
    assert again.entities["nova"].type == expected
    assert again.to_networkx().nodes["nova"]["type"] == expected
    assert sum(again.entities["nova"].type_votes.values()) in (0, len(votes))
    assert again.index.find(Entity("nova", expected, "Nova")) == "nova"


def test_store_reader_keeps_its_snapshot_while_a_writer_saves(store_dir: Path) -> None:
    first = GraphStore.open(store_dir)
    first.add(make_extraction(TEXT))
    first.save()
    reader = GraphStore.open(store_dir)
    with reader.file().snapshot():
        before = reader.file().counts()
        writer = GraphStore.open(store_dir)
        writer.add(make_extraction(TEXT + " Autre.", path="b.txt"))
        writer.save()  # does not wait for the reader
        assert reader.file().counts() == before
    assert reader.file().counts() == (2, 3, 3)
    assert len(reader.relation((FOUNDED, "lea dubois", "atelier numerique")).evidence) == 2


def test_store_entities_read_back_resolve_like_freshly_indexed_ones(store_dir: Path) -> None:
    built = synthetic_store(people=400, organizations=50)
    built.directory, built.path = store_dir, store_dir / "graph.db"
    built.save()
    loaded = GraphStore.open(store_dir).index  # alias keys read from the name rows, not recomputed
    fresh = EntityIndex({k: built.entities[k] for k in sorted(built.entities)})
    probes = [Entity(f"unknown {i}", e.type, alias) for i, e in enumerate(built.entities.values())
              for alias in [e.name, *e.aliases, e.name.upper()]]
    probes.append(Entity("unknown", PERSON, "Nobody Known"))
    found = [loaded.find(p) for p in probes]
    assert found == [fresh.find(p) for p in probes]
    assert found.count(None) == 1 and found[probes.index(Entity("unknown 10", PERSON, "P. 10"))] == "person 10"


def test_store_replaced_whole_keeps_answering(store_dir: Path) -> None:
    first = GraphStore.open(store_dir)
    first.add(make_extraction(TEXT))
    first.save()
    replacement = synthetic_store(people=200, organizations=30)
    target = GraphStore(store_dir)
    with target.locked():
        target.articles, target.index, target.relations = (replacement.articles, replacement.index,
                                                           replacement.relations)
        target.save()
    again = GraphStore.open(store_dir)
    assert again.to_dict() == replacement.to_dict()
    assert again.entity("lea dubois") is None and again.keys_named("p. 10") == ["person 10"]
    assert separation(again, "Person 1", "Person 2", via_orgs=True) == separation(replacement, "Person 1", "Person 2",
                                                                                   via_orgs=True)
