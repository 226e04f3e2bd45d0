"""Same question, same answer on the seeds: ingested through the CLI into a store, pushed into the real Neo4j,
then every question asked of every entity in both forms. No specific seed relation is assumed (the extractor
changes); only that both forms agree."""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Iterator

import pytest

from graph.errors import EntityNotFound
from graph.index import GraphIndex
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from queries import on_neo4j, on_networkx, separation as indexed


@pytest.fixture(scope="module")
def seeds_store(seeds_store_dir: Path) -> GraphStore:
    return GraphStore.open(seeds_store_dir)


@pytest.fixture(scope="module")
def both(neo4j_settings, seeds_store) -> Iterator[tuple[Neo4jStore, object]]:
    db = Neo4jStore.from_settings(neo4j_settings)
    try:
        db.verify()
        db.run_write("MATCH (n) DETACH DELETE n")
        db.push(seeds_store)
        yield db, seeds_store.to_networkx()
    finally:
        db.close()


def _names(G, entity_type=None) -> list[str]:
    return sorted(d["name"] for _, d in G.nodes(data=True) if entity_type is None or d["type"] == entity_type)


def test_parity_seeds_stats(both, seeds_store) -> None:
    db, G = both
    assert on_neo4j.stats(db) == on_networkx.stats(G)
    assert on_networkx.stats(G)["articles"] == 3


@pytest.mark.parametrize("all_paths", [False, True])
@pytest.mark.parametrize("via_orgs", [False, True])
def test_parity_seeds_every_pair(both, seeds_store, all_paths, via_orgs) -> None:
    db, G = both
    index = GraphIndex.for_store(seeds_store)
    linked = sorted({n for u, v in G.edges() for n in (u, v)})
    lonely = sorted(set(G.nodes) - set(linked))[:3]
    for a, b in itertools.product(linked + lonely, repeat=2):
        name_a, name_b = G.nodes[a]["name"], G.nodes[b]["name"]
        options = {"all_paths": all_paths, "via_orgs": via_orgs}
        online = on_neo4j.separation(db, name_a, name_b, **options)
        offline = on_networkx.separation(G, name_a, name_b, **options)
        fast = indexed.separation(seeds_store, name_a, name_b, index=index, **options)
        if all_paths:
            assert online == offline == fast, (a, b)
        else:
            assert online["degrees"] == offline["degrees"] == fast["degrees"], (a, b)
        if a in lonely and a != b:
            assert offline["degrees"] is None and offline["paths"] == []


@pytest.mark.parametrize("question, entity_type", [
    ("who_knows", "Person"), ("mentors", "Person"), ("mentees", "Person"), ("colleagues", "Person"),
    ("investors", "Organization"), ("founders", "Organization"), ("acquisitions", "Organization"),
    ("portfolio", None), ("person", None),
])
def test_parity_seeds_every_entity(both, question, entity_type) -> None:
    db, G = both
    for name in _names(G, entity_type):
        assert getattr(on_neo4j, question)(db, name) == getattr(on_networkx, question)(G, name), name


def test_parity_seeds_introducers_every_pair(both) -> None:
    db, G = both
    people = _names(G, "Person")
    for a, b in itertools.permutations(people, 2):
        assert on_neo4j.introducers(db, a, b) == on_networkx.introducers(G, a, b), (a, b)


@pytest.mark.parametrize("typed", ["Ashay Kothan", "Zuckerberg Mark", "Nobody At All"])
def test_parity_seeds_unknown_names(both, typed) -> None:
    db, G = both
    with pytest.raises(EntityNotFound) as offline:
        on_networkx.find(G, typed)
    with pytest.raises(EntityNotFound) as online:
        on_neo4j.find(db, typed)
    assert online.value.suggestions == offline.value.suggestions


def test_parity_seeds_articles(both) -> None:
    db, G = both
    ids = sorted(G.graph["articles"]) + ["not-an-article"]
    assert on_neo4j.articles(db, ids) == on_networkx.articles(G, ids)
    assert len(on_networkx.articles(G, ids)) == 3
