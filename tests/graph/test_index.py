"""graph.index: the CSR adjacency and bidirectional BFS agree with NetworkX and scipy, and the cache stays fresh."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse import csgraph

from graph import analysis
from graph.index import INDEX_FILE, GraphIndex
from graph.model import Entity, Relation
from graph.store import GraphStore
from graph.synthetic import startup_store, synthetic_store


@pytest.fixture(scope="module")
def startup() -> GraphStore:
    return startup_store()


@pytest.fixture(scope="module")
def generated() -> GraphStore:
    return synthetic_store(people=3000, organizations=400, seed=5)


def random_edges(people: int, organizations: int, seed: int) -> tuple[list[str], list[str], list[tuple[str, str, str]]]:
    """Keys and (type, source, target) relations of a seeded random graph, made with numpy (fast at 100k)."""
    rng = np.random.default_rng(seed)
    persons = [f"person {i}" for i in range(people)]
    orgs = [f"org {i}" for i in range(organizations)]
    skewed = np.minimum(rng.zipf(1.6, size=people), organizations) - 1  # a few large employers
    edges = [("WORKS_AT", persons[i], orgs[o]) for i, o in enumerate(skewed) if i % 5]
    for rtype, count, left, right in (("KNOWS", people, persons, persons), ("MENTORED", people // 5, persons, persons),
                                      ("FOUNDED", organizations, persons, orgs),
                                      ("INVESTED_IN", organizations // 3, orgs, orgs),
                                      ("ACQUIRED", organizations // 20, orgs, orgs)):
        a, b = rng.integers(len(left), size=count), rng.integers(len(right), size=count)
        edges += [(rtype, left[i], right[j]) for i, j in zip(a, b)]
    return persons + orgs, persons, edges


@pytest.fixture(scope="module")
def hundred_k() -> tuple[set[frozenset[str]], GraphIndex]:
    keys, persons, edges = random_edges(100_000, 10_000, seed=42)
    return {frozenset((u, v)) for _, u, v in edges}, GraphIndex.from_edges(keys, persons, edges)


@pytest.mark.parametrize("source, target, via_orgs, expected", [
    ("cy", "fay", False, 2), ("ada", "fay", False, None), ("ada", "fay", True, 3), ("ada", "acme", False, 1),
    ("acme", "fay", False, 2), ("gus", "ada", True, None), ("ada", "ada", False, 0), ("fund", "bolt", False, None),
    ("fund", "bolt", True, 2),
])
def test_index_distance_on_startup(startup, source, target, via_orgs, expected) -> None:
    index = GraphIndex.from_store(startup)
    assert index.distance(source, target, via_orgs=via_orgs) == expected
    path = index.shortest_path(source, target, via_orgs=via_orgs)
    assert (path is None) == (expected is None)
    if path:
        assert path[0] == source and path[-1] == target and len(path) - 1 == expected


@pytest.mark.parametrize("types, expected", [
    (None, [["ada", "acme", "bolt", "fay"], ["ada", "acme", "eve", "fay"]]),
    (("FOUNDED", "ACQUIRED", "WORKS_AT"), [["ada", "acme", "bolt", "fay"]]),
    (("FOUNDED", "INVESTED_IN", "MENTORED"), [["ada", "acme", "eve", "fay"]]),
    (("KNOWS",), []),
])
def test_index_all_shortest_paths_by_type(startup, types, expected) -> None:
    index = GraphIndex.from_store(startup)
    assert index.all_shortest_paths("ada", "fay", via_orgs=True, types=types) == expected


def test_index_unknown_key_and_type(startup) -> None:
    index = GraphIndex.from_store(startup)
    with pytest.raises(KeyError):
        index.distance("ada", "nobody")
    with pytest.raises(ValueError, match="unknown relation type"):
        index.distance("ada", "bob", types=("FRIENDS",))


def test_index_parallel_relations_merge_into_one_entry() -> None:
    store = GraphStore("/nonexistent")
    store.index.add(Entity("ada", "Person", "Ada"), "a")
    store.index.add(Entity("bob", "Person", "Bob"), "a")
    for relation in (Relation("KNOWS", "ada", "bob"), Relation("MENTORED", "bob", "ada"),
                     Relation("INVESTED_IN", "ada", "bob")):
        store.relations[relation.key] = relation
    index = GraphIndex.from_store(store)
    assert index.adjacency.nnz == 2
    assert index.distance("ada", "bob", types=("MENTORED",)) == 1
    assert index.distance("ada", "bob", types=("FOUNDED",)) is None


@pytest.mark.parametrize("via_orgs", [False, True])
def test_index_matches_networkx_on_generated_graph(generated, via_orgs) -> None:
    G = generated.to_networkx()
    index = GraphIndex.from_store(generated)
    rng = random.Random(via_orgs)
    keys = sorted(generated.entities)
    for _ in range(25):
        a, b = rng.choice(keys), rng.choice(keys)
        expected = analysis.all_shortest_path_keys(G, a, b, via_orgs=via_orgs, limit=50)
        assert index.distance(a, b, via_orgs=via_orgs) == (len(expected[0]) - 1 if expected else None)
        if expected and len(expected) < 50:
            assert index.all_shortest_paths(a, b, via_orgs=via_orgs, limit=50) == expected


def test_index_hop_counts_on_100k_people_match_scipy(hundred_k) -> None:
    _, index = hundred_k
    assert len(index) == 110_000 and index.is_person.sum() == 100_000
    rng = random.Random(7)
    sources = [rng.randrange(len(index)) for _ in range(3)]
    truth = csgraph.shortest_path(index.adjacency.astype(np.float32), unweighted=True, directed=False,
                                  indices=sources)
    for row, s in enumerate(sources):
        for t in [rng.randrange(len(index)) for _ in range(20)]:
            expected = None if np.isinf(truth[row, t]) else int(truth[row, t])
            assert index.distance(index.keys[s], index.keys[t], via_orgs=True) == expected


def test_index_people_only_paths_on_100k_people(hundred_k) -> None:
    linked, index = hundred_k
    people = np.flatnonzero(index.is_person)
    sub = index.adjacency[people][:, people]
    rng = random.Random(3)
    s = int(rng.randrange(len(people)))
    truth = csgraph.shortest_path(sub.astype(np.float32), unweighted=True, directed=False, indices=[s])[0]
    for t in [rng.randrange(len(people)) for _ in range(20)]:
        expected = None if np.isinf(truth[t]) else int(truth[t])
        a, b = index.keys[people[s]], index.keys[people[t]]
        assert index.distance(a, b) == expected
        path = index.shortest_path(a, b)
        if expected is not None:
            assert len(path) - 1 == expected
            assert all(k.startswith("person ") for k in path)
            assert all(frozenset((x, y)) in linked for x, y in zip(path, path[1:]))


def test_index_for_store_caches_and_rebuilds_when_store_changes(tmp_path: Path) -> None:
    store = startup_store(str(tmp_path))
    store.save()
    first = GraphIndex.for_store(GraphStore.open(tmp_path))
    cache = tmp_path / INDEX_FILE
    assert cache.exists() and first.fingerprint == store.fingerprint()
    assert GraphIndex.load(cache).keys == first.keys
    assert first.distance("gus", "ada", via_orgs=True) is None

    changed = GraphStore.open(tmp_path)
    relation = Relation("KNOWS", "ada", "gus")
    changed.relations[relation.key] = relation
    changed.save()
    second = GraphIndex.for_store(GraphStore.open(tmp_path))
    assert second.distance("gus", "ada") == 1
    assert GraphIndex.load(cache).fingerprint == changed.fingerprint()


def test_index_for_store_rebuilds_when_memory_differs_from_file(tmp_path: Path) -> None:
    store = startup_store(str(tmp_path))
    store.save()
    GraphIndex.for_store(store)
    relation = Relation("KNOWS", "ada", "gus")
    store.relations[relation.key] = relation
    assert GraphIndex.for_store(store).distance("gus", "ada") == 1


@pytest.mark.parametrize("content", [b"not an index", b"PK\x03\x04garbage", b""])
def test_index_foreign_file_is_reported_and_left_alone(tmp_path: Path, content: bytes, caplog) -> None:
    store = startup_store(str(tmp_path))
    store.save()
    (tmp_path / INDEX_FILE).write_bytes(content)
    index = GraphIndex.for_store(GraphStore.open(tmp_path))
    assert index.distance("cy", "fay") == 2
    assert (tmp_path / INDEX_FILE).read_bytes() == content
    assert "not a readable foundergraph index" in caplog.text


def test_index_in_memory_store_builds_without_writing(tmp_path: Path) -> None:
    store = startup_store(str(tmp_path / "never-saved"))
    assert GraphIndex.for_store(store).distance("cy", "fay") == 2
    assert not (tmp_path / "never-saved").exists()


def test_index_save_load_round_trip(tmp_path: Path, generated) -> None:
    index = GraphIndex.from_store(generated, fingerprint="x")
    index.save(tmp_path / INDEX_FILE)
    loaded = GraphIndex.load(tmp_path / INDEX_FILE)
    assert loaded.keys == index.keys and loaded.fingerprint == "x" and loaded.relations == index.relations
    assert (loaded.adjacency != index.adjacency).nnz == 0
    assert np.array_equal(loaded.is_person, index.is_person)
    assert isinstance(loaded.adjacency, sp.csr_array)
