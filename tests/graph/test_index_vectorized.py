"""graph.index: the vectorized GraphIndex.from_edges builds exactly what a plain Python build gives."""
from __future__ import annotations

import random

import numpy as np
import pytest

from graph.errors import StoreError
from graph.index import GraphIndex, _KeyLookup
from graph.model import PERSON, RELATION_TYPES
from graph.synthetic import startup_store, synthetic_store


def reference_build(keys, persons, edges) -> tuple[list[str], list[bool], dict[tuple[int, int], int], int]:
    """The index the straightforward way: sorted keys, person flags, {(row, col): OR of type bits}, count."""
    keys = sorted(set(keys))
    position = {k: i for i, k in enumerate(keys)}
    persons = set(persons)
    links: dict[tuple[int, int], int] = {}
    count = 0
    for rtype, source, target in edges:
        count += 1
        if source == target or source not in position or target not in position:
            continue
        a, b, bit = position[source], position[target], 1 << RELATION_TYPES.index(rtype)
        links[a, b] = links.get((a, b), 0) | bit
        links[b, a] = links.get((b, a), 0) | bit
    return keys, [k in persons for k in keys], links, count


def as_built(index: GraphIndex) -> tuple[list[str], list[bool], dict[tuple[int, int], int], int]:
    links = {}
    for row in range(len(index)):
        start, end = index.indptr[row], index.indptr[row + 1]
        columns = index.indices[start:end]
        assert list(columns) == sorted(columns), "CSR columns are sorted within a row"
        for col, mask in zip(columns.tolist(), index.masks[start:end].tolist()):
            links[row, col] = mask
    return index.keys, index.is_person.tolist(), links, index.relations


def store_inputs(store):
    entities = store.entities
    return (list(entities), [k for k, e in entities.items() if e.type == PERSON],
            [(r.type, r.source, r.target) for r in store.relations.values()])


@pytest.mark.parametrize("make", [startup_store, lambda: synthetic_store(people=3000, organizations=400, seed=5)],
                         ids=["startup", "synthetic-3000"])
def test_index_vectorized_build_matches_reference_on_stores(make) -> None:
    keys, persons, edges = store_inputs(make())
    index = GraphIndex.from_edges(keys, persons, edges)
    assert as_built(index) == reference_build(keys, persons, edges)
    assert index.indptr.dtype == np.int64 and index.indices.dtype == np.int32 and index.masks.dtype == np.uint8


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_index_vectorized_build_matches_reference_on_messy_input(seed) -> None:
    """Unsorted and repeated keys, unicode, loops, parallel links of several types, unknown endpoints."""
    rng = random.Random(seed)
    keys = [f"é{i}" if i % 7 == 0 else f"k{i}" for i in range(300)] + ["Z", "a", "", "ab\u00ff", "ab\u0100", "ab"]
    persons = rng.sample(keys, 150)
    pool = keys + ["ghost", "k-unknown"]
    edges = [(rng.choice(RELATION_TYPES), rng.choice(pool), rng.choice(pool)) for _ in range(2000)]
    edges += [(rtype, "k1", "k2") for rtype in RELATION_TYPES] + [("KNOWS", "k3", "k3")]
    shuffled = keys * 2
    rng.shuffle(shuffled)
    index = GraphIndex.from_edges(shuffled, iter(persons), iter(edges))  # generators, as from_store passes them
    assert as_built(index) == reference_build(keys, persons, edges)


@pytest.mark.parametrize("keys, persons, edges", [([], [], []), (["a"], ["a"], []),
                                                  (["a", "b"], [], [("KNOWS", "a", "x"), ("KNOWS", "b", "b")])])
def test_index_vectorized_build_of_tiny_graphs(keys, persons, edges) -> None:
    index = GraphIndex.from_edges(keys, persons, edges)
    assert as_built(index) == reference_build(keys, persons, edges)


@pytest.mark.parametrize("edges, error", [([("LIKES", "a", "b")], StoreError)])
def test_index_vectorized_build_rejects_unknown_type(edges, error) -> None:
    with pytest.raises(error, match="LIKES"):
        GraphIndex.from_edges(["a", "b"], ["a"], edges)


@pytest.mark.parametrize("persons", [["nobody"]])
def test_index_vectorized_build_rejects_unknown_person(persons) -> None:
    with pytest.raises(KeyError):
        GraphIndex.from_edges(["a", "b"], persons, [])


@pytest.mark.parametrize("collide", [False, True])
def test_index_key_lookup_is_exact(collide) -> None:
    keys = sorted(f"key {i}" for i in range(500))
    lookup = _KeyLookup(keys)
    if collide:  # the dict fallback used when two keys share a hash
        lookup.position = {k: i for i, k in enumerate(keys)}
    strings = ["".join(["key ", str(i)]) for i in range(0, 600, 3)] + ["nope", ""]  # equal, not identical
    expected = [keys.index(s) if s in keys else -1 for s in strings]
    assert lookup.positions(strings).tolist() == expected


@pytest.mark.parametrize("seed", [3])
def test_index_vectorized_build_same_as_before_on_100k_graph(seed) -> None:
    """A larger generated graph (100k people): the vectorized build against the reference, entry by entry."""
    rng = np.random.default_rng(seed)
    people, orgs, m = 100_000, 10_000, 300_000
    keys = [f"person {i}" for i in range(people)] + [f"org {i}" for i in range(orgs)]
    source, target = rng.integers(people + orgs, size=m), rng.integers(people + orgs, size=m)
    types = rng.integers(len(RELATION_TYPES), size=m)
    edges = [(RELATION_TYPES[t], keys[a], keys[b]) for t, a, b in zip(types.tolist(), source.tolist(), target.tolist())]
    index = GraphIndex.from_edges(keys, keys[:people], edges)
    ref_keys, ref_person, ref_links, count = reference_build(keys, keys[:people], edges)
    assert index.keys == ref_keys and index.is_person.tolist() == ref_person and index.relations == count
    assert index.adjacency.nnz == len(ref_links)
    coo = index.adjacency.tocoo()
    assert dict(zip(zip(coo.row.tolist(), coo.col.tolist()), coo.data.tolist())) == ref_links
