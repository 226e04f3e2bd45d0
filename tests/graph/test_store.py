"""The embedded store: round trip, idempotent ingest, atomic writes, refusing foreign files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph import store as store_module
from graph.errors import StoreError
from graph.model import (FOUNDED, KNOWS, ORGANIZATION, PERSON, WORKS_AT, Article, Entity, Evidence,
                         Extraction, Relation, article_id)
from graph.store import GraphStore, default_store_dir


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
    saved = store.path.read_bytes()
    store.add(make_extraction(TEXT + " Plus.", path="b.txt"))

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module.json, "dump", crash)
    with pytest.raises(KeyboardInterrupt):
        store.save()
    assert store.path.read_bytes() == saved
    assert [p.name for p in store_dir.iterdir() if p.name.startswith(".graph-")] == []


@pytest.mark.parametrize("content,message", [
    (b"{not json", "not a readable foundergraph store"),
    (b'{"nodes": [], "links": []}', "not a foundergraph store"),
    (b'[1, 2, 3]', "not a foundergraph store"),
    (b'{"format": "foundergraph", "version": 99}', "store version 99"),
    (b'{"format": "foundergraph", "version": 1, "articles": [{"x": 1}], "entities": [], "relations": []}',
     "damaged"),
])
def test_store_refuses_foreign_or_corrupt_file(store_dir: Path, content: bytes, message: str) -> None:
    store_dir.mkdir()
    (store_dir / "graph.json").write_bytes(content)
    with pytest.raises(StoreError, match=message):
        GraphStore.open(store_dir)
    assert (store_dir / "graph.json").read_bytes() == content


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
    ([PERSON, ORGANIZATION], PERSON),  # a tie keeps the type held
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
