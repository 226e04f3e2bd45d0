"""Same question, same answer: the Cypher forms on the real Neo4j of the test suite against the NetworkX forms
(and the path index) on a generated graph of a few thousand nodes, pushed with ``Neo4jStore.push``."""
from __future__ import annotations

import random
from typing import Iterator

import pytest

from graph.analysis import KNOWING_KINDS
from graph.errors import EntityNotFound
from graph.neo4j_store import Neo4jStore
from graph.synthetic import synthetic_store
from queries import on_neo4j, on_networkx, separation as indexed

PEOPLE, ORGANIZATIONS = 2500, 350
KIND_CHOICES = [KNOWING_KINDS, ("KNOWS",), ("FOUNDED", "INVESTED_IN"), ("WORKS_AT", "MENTORED"), ("KNOWS", "WORKS_AT")]


@pytest.fixture(scope="module")
def generated():
    return synthetic_store(people=PEOPLE, organizations=ORGANIZATIONS, seed=11)


@pytest.fixture(scope="module")
def both(neo4j_settings, generated) -> Iterator[tuple[Neo4jStore, object]]:
    """(Neo4j holding the generated graph, its NetworkX graph)."""
    db = Neo4jStore.from_settings(neo4j_settings)
    try:
        db.verify()
        db.run_write("MATCH (n) DETACH DELETE n")
        db.push(generated)
        yield db, generated.to_networkx()
    finally:
        db.close()


def _pairs(seed: int, count: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(f"person {rng.randrange(PEOPLE)}", f"person {rng.randrange(PEOPLE)}") for _ in range(count)]


def test_parity_generated_graph_is_in_neo4j(both, generated) -> None:
    db, G = both
    stats = on_neo4j.stats(db)
    assert stats == on_networkx.stats(G)
    assert stats["entities"] == PEOPLE + ORGANIZATIONS and stats["relations"] == len(generated.relations)


@pytest.mark.parametrize("via_orgs", [False, True])
def test_parity_degrees_of_separation(both, generated, via_orgs) -> None:
    db, G = both
    degrees = []
    for a, b in _pairs(seed=int(via_orgs), count=25):
        online = on_neo4j.separation(db, a, b, via_orgs=via_orgs)
        offline = on_networkx.separation(G, a, b, via_orgs=via_orgs)
        fast = indexed.separation(generated, a, b, via_orgs=via_orgs)
        assert online["degrees"] == offline["degrees"] == fast["degrees"], (a, b)
        for answer in (online, fast):
            for path in answer["paths"]:
                keys = path["keys"]
                assert [{h["source"], h["target"]} for h in path["hops"]] == [{x, y} for x, y in zip(keys, keys[1:])]
        degrees.append(online["degrees"])
    # the sample is not vacuous: unconnected pairs and long chains both occur
    assert None in degrees and max(d for d in degrees if d is not None) >= 3


@pytest.mark.parametrize("via_orgs", [False, True])
def test_parity_all_shortest_paths(both, generated, via_orgs) -> None:
    db, G = both
    counts = []
    for a, b in _pairs(seed=10 + via_orgs, count=20):
        online = on_neo4j.separation(db, a, b, all_paths=True, via_orgs=via_orgs, limit=1000)
        offline = on_networkx.separation(G, a, b, all_paths=True, via_orgs=via_orgs, limit=1000)
        assert online == offline, (a, b)
        assert indexed.separation(generated, a, b, all_paths=True, via_orgs=via_orgs, limit=1000) == offline
        counts.append(len(offline["paths"]))
    assert max(counts) >= 2


@pytest.mark.parametrize("types", [("KNOWS", "MENTORED"), ("WORKS_AT", "FOUNDED", "ACQUIRED")])
def test_parity_separation_by_relation_type(both, types) -> None:
    db, G = both
    for a, b in _pairs(seed=20, count=10):
        assert (on_neo4j.separation(db, a, b, all_paths=True, via_orgs=True, types=types)
                == on_networkx.separation(G, a, b, all_paths=True, via_orgs=True, types=types))


@pytest.mark.parametrize("hops", [1, 2, 3])
def test_parity_who_knows(both, hops) -> None:
    db, G = both
    rng = random.Random(hops)
    sizes = []
    for _ in range(10):
        person, kinds = f"person {rng.randrange(PEOPLE)}", rng.choice(KIND_CHOICES)
        online = on_neo4j.who_knows(db, person, hops, kinds)
        assert online == on_networkx.who_knows(G, person, hops, kinds), (person, kinds)
        sizes.append(len(online))
    assert max(sizes) > 0


def test_parity_introducers(both) -> None:
    db, G = both
    rng = random.Random(5)
    found = 0
    for a, b in _pairs(seed=30, count=15):
        kinds = rng.choice(KIND_CHOICES)
        online = on_neo4j.introducers(db, a, b, kinds)
        assert online == on_networkx.introducers(G, a, b, kinds), (a, b, kinds)
        found += bool(online)
    assert found


@pytest.mark.parametrize("question, prefix", [
    ("mentors", "person"), ("mentees", "person"), ("colleagues", "person"), ("portfolio", "person"),
    ("portfolio", "org"), ("investors", "org"), ("founders", "org"), ("acquisitions", "org"),
    ("person", "person"), ("person", "org"),
])
def test_parity_relation_questions(both, question, prefix) -> None:
    db, G = both
    rng = random.Random(question + prefix)
    size = PEOPLE if prefix == "person" else ORGANIZATIONS
    # org 0.. are the skewed, large ones: always include a few of them
    names = [f"{prefix} {i}" for i in range(3)] + [f"{prefix} {rng.randrange(size)}" for _ in range(12)]
    answers = []
    for name in names:
        online = getattr(on_neo4j, question)(db, name)
        assert online == getattr(on_networkx, question)(G, name), name
        answers.append(online)
    assert any(answers)


@pytest.mark.parametrize("typed, entity_type", [("Persn 12", None), ("Org 9999", "Organization"), ("P. 20", None)])
def test_parity_lookup(both, typed, entity_type) -> None:
    db, G = both
    try:
        expected = on_networkx.find(G, typed, entity_type)
    except EntityNotFound as exc:
        with pytest.raises(EntityNotFound) as caught:
            on_neo4j.find(db, typed, entity_type)
        assert caught.value.suggestions == exc.suggestions
    else:
        assert on_neo4j.find(db, typed, entity_type) == expected


@pytest.mark.parametrize("call", [
    lambda db: on_neo4j.separation(db, "person 1", "person 2", types=("FRIENDS",)),
    lambda db: on_neo4j.who_knows(db, "person 1", 2, ("FRIENDS",)),
    lambda db: on_neo4j.who_knows(db, "person 1", 0),
])
def test_parity_bad_parameters_are_value_errors(both, call) -> None:
    with pytest.raises(ValueError):
        call(both[0])
