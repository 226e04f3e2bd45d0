"""A compact path index over the store: a CSR adjacency (numpy arrays) and a bidirectional BFS.

NetworkX is convenient for analysis but heavy for path questions on big graphs (a 1M-node graph takes
~1.7 GB and ~1.3 ms per shortest path). The index keeps only what a hop count needs: the sorted entity
keys, a bool "is a person" per entity, and the undirected adjacency as CSR arrays whose values are a
bitmask of the relation types linking the two entities (bit ``i`` = ``RELATION_TYPES[i]``). For 1M
entities and 5M relations that is about 10M int32 neighbours + 10M uint8 masks (~50 MB) plus the keys.

The index is cached next to the store as ``graph.index.npz``, stamped with the store's fingerprint
(its id and the generation every save raises); :meth:`GraphIndex.for_store` rebuilds it from the
relation rows' integer columns and rewrites it when the store changed. A file there that is not an
index this code wrote is reported and left alone (the index then lives in memory only).

>>> from graph.model import Entity, Relation
>>> from graph.store import GraphStore
>>> store = GraphStore("/nonexistent")
>>> for key, kind in [("ada", "Person"), ("bob", "Person"), ("acme", "Organization")]:
...     _ = store.index.add(Entity(key=key, type=kind, name=key), "a1")
>>> store.relations = {r.key: r for r in [Relation("WORKS_AT", "ada", "acme"), Relation("WORKS_AT", "bob", "acme")]}
>>> index = GraphIndex.from_store(store)
>>> index.distance("ada", "bob"), index.distance("ada", "bob", via_orgs=True)
(None, 2)
>>> index.shortest_path("ada", "bob", via_orgs=True)
['ada', 'acme', 'bob']
"""
from __future__ import annotations

import bisect
import logging
import operator
import os
import tempfile
import zipfile
from functools import cached_property
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple

import numpy as np

from graph.errors import StoreError
from graph.model import PERSON, RELATION_TYPES
from graph.store import GraphStore

if TYPE_CHECKING:
    import scipy.sparse as sp

logger = logging.getLogger(__name__)

INDEX_FILE = "graph.index.npz"
INDEX_FORMAT = "foundergraph-index"
INDEX_VERSION = 1
ALL_TYPES = (1 << len(RELATION_TYPES)) - 1


def type_mask(types: Iterable[str] | None) -> int:
    """The bitmask of a set of relation types (None: all of them)."""
    if types is None:
        return ALL_TYPES
    mask = 0
    for t in types:
        if t not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {t!r}; choose among {', '.join(RELATION_TYPES)}")
        mask |= 1 << RELATION_TYPES.index(t)
    return mask


_TYPE_BITS = {t: 1 << i for i, t in enumerate(RELATION_TYPES)}
assert len(RELATION_TYPES) <= 8, "the type masks are uint8"


def _unique_sorted(keys: Iterable[str]) -> list[str]:
    """The distinct keys in code-point order, as ``sorted(set(keys))`` gives them, sorted by numpy."""
    distinct = list(set(keys))
    if not distinct:
        return []
    if "\0" in "\1".join(distinct):  # numpy strings drop trailing NULs
        return sorted(distinct)
    _, first = np.unique(np.array(distinct, dtype=str), return_index=True)
    return list(map(distinct.__getitem__, first.tolist()))  # the given objects, for _KeyLookup's identity pass


class _KeyLookup:
    """Positions of strings among sorted keys, in bulk, exactly.

    First by identity: a string that is one of the key objects (as when the relations were made from
    the same strings) is found by its ``id`` in a sorted array, without reading the string. The others
    by their (cached) hash in a sorted array, each match confirmed by comparing the strings; keys whose
    hashes collide fall back to a dict.
    """

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        ids = np.fromiter(map(id, keys), dtype=np.uint64, count=len(keys))
        self.id_order = np.argsort(ids)
        self.ids = ids[self.id_order]
        hashes = np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys))
        self.order = np.argsort(hashes, kind="stable")
        self.hashes = hashes[self.order]
        self.position = None
        if len(keys) and not (np.diff(self.hashes) != 0).all():
            self.position = {k: i for i, k in enumerate(keys)}

    def positions(self, strings: list[str]) -> np.ndarray:
        """The position of each string among the keys, -1 for strings that are not keys."""
        if not self.keys or not strings:
            return np.full(len(strings), -1, dtype=np.int64)
        last = len(self.keys) - 1
        ids = np.fromiter(map(id, strings), dtype=np.uint64, count=len(strings))
        at = np.minimum(np.searchsorted(self.ids, ids), last)
        found = np.where(self.ids[at] == ids, self.id_order[at], -1)
        rest = np.flatnonzero(found < 0)
        if len(rest):
            others = strings if len(rest) == len(strings) else list(map(strings.__getitem__, rest.tolist()))
            found[rest] = self._by_value(others)
        return found

    def _by_value(self, strings: list[str]) -> np.ndarray:
        if self.position is not None:
            return np.fromiter(map(self.position.get, strings, repeat(-1)), dtype=np.int64, count=len(strings))
        hashes = np.fromiter(map(hash, strings), dtype=np.int64, count=len(strings))
        at = np.minimum(np.searchsorted(self.hashes, hashes), len(self.keys) - 1)
        found = np.where(self.hashes[at] == hashes, self.order[at], -1)
        hit = np.flatnonzero(found >= 0)
        # a string that is not a key may share its hash with one: confirm by comparing
        matched = strings if len(hit) == len(strings) else list(map(strings.__getitem__, hit.tolist()))
        wrong = np.fromiter(map(operator.ne, map(self.keys.__getitem__, found[hit].tolist()), matched),
                            dtype=bool, count=len(hit))
        found[hit[wrong]] = -1
        return found


class CSR(NamedTuple):
    """The three arrays of a CSR matrix (what the path search reads; scipy only for :attr:`GraphIndex.adjacency`)."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray


def _csr(n: int, rows: np.ndarray, cols: np.ndarray, bits: np.ndarray) -> CSR:
    """The symmetric CSR adjacency of the links ``rows[i] - cols[i]``, each entry the OR of its links' bits."""
    r = np.concatenate([rows, cols]).astype(np.int64)
    c = np.concatenate([cols, rows]).astype(np.int64)
    b = np.concatenate([bits, bits]).astype(np.uint8)
    width = max(n, 1)
    if width <= 1 << 27:  # (row, col, bits) packed in one int64: one plain sort instead of an argsort
        packed = np.sort(((r * width + c) << 8) | b)
        code, b = packed >> 8, (packed & 0xFF).astype(np.uint8)
    else:
        code = r * width + c
        order = np.argsort(code, kind="stable")
        code, b = code[order], b[order]
    if len(code):
        starts = np.flatnonzero(np.concatenate([[True], code[1:] != code[:-1]]))
        unique, merged = code[starts], np.bitwise_or.reduceat(b, starts)
    else:
        unique, merged = code, b
    urow, ucol = unique // width, unique % width
    indptr = np.zeros(n + 1, dtype=np.int64)
    indptr[1:] = np.cumsum(np.bincount(urow, minlength=n))
    return CSR(merged.astype(np.uint8), ucol.astype(np.int32), indptr)


class GraphIndex:
    """Sorted entity keys, a person flag per entity, and the undirected CSR adjacency with type masks."""

    def __init__(self, keys: list[str], is_person: np.ndarray, adjacency: CSR | sp.csr_array,
                 fingerprint: str = "", relations: int = 0) -> None:
        self.keys = keys
        self.is_person = is_person.astype(bool)
        self.indptr = adjacency.indptr.astype(np.int64)
        self.indices = adjacency.indices.astype(np.int32)
        self.masks = adjacency.data.astype(np.uint8)
        self.fingerprint = fingerprint
        self.relations = relations
        self._scratch: tuple[list[np.ndarray], list[np.ndarray]] | None = None

    def __len__(self) -> int:
        return len(self.keys)

    @cached_property
    def adjacency(self) -> sp.csr_array:
        """The adjacency as a scipy CSR array (for analysis; path questions never import scipy)."""
        import scipy.sparse as sp
        n = len(self.keys)
        return sp.csr_array((self.masks, self.indices, self.indptr), shape=(n, n))

    # -- building --------------------------------------------------------------------------------
    @classmethod
    def from_edges(cls, keys: Iterable[str], persons: Iterable[str],
                   edges: Iterable[tuple[str, str, str]], fingerprint: str = "") -> "GraphIndex":
        """Build from entity keys, the keys that are people, and ``(type, source, target)`` relations.

        Relations with an endpoint that is not among ``keys``, and loops, are left out (but counted in
        ``relations``); a person that is not among ``keys`` is a KeyError, an unknown type a ValueError.
        Vectorized: a few passes in C over the relations (no Python loop), then numpy sorts: ~9 s for 1M
        people and 4.7M relations given as a generator of tuples (~2 s of it reading the generator),
        against ~15 s for the former loop in Python. Same keys, person flags, CSR arrays and masks.
        """
        keys = _unique_sorted(keys)
        n = len(keys)
        lookup = _KeyLookup(keys)
        is_person = np.zeros(n, dtype=bool)
        persons = persons if isinstance(persons, (list, tuple)) else list(persons)
        found = lookup.positions(persons)
        if (found < 0).any():
            raise KeyError(persons[int(np.flatnonzero(found < 0)[0])])
        is_person[found] = True
        edges = edges if isinstance(edges, (list, tuple)) else list(edges)
        count = len(edges)
        source = lookup.positions(list(map(operator.itemgetter(1), edges)))
        target = lookup.positions(list(map(operator.itemgetter(2), edges)))
        kept = (source >= 0) & (target >= 0) & (source != target)
        types = list(map(operator.itemgetter(0), edges)) if count else []
        bits = np.fromiter(map(_TYPE_BITS.get, types, repeat(0)), dtype=np.uint8, count=count)
        unknown = np.flatnonzero(kept & (bits == 0))
        if len(unknown):
            raise StoreError(f"the graph holds a relation of unknown type {types[int(unknown[0])]!r} "
                             f"(known: {', '.join(RELATION_TYPES)}); the store is damaged")
        return cls(keys, is_person, _csr(n, source[kept], target[kept], bits[kept]), fingerprint, count)

    @classmethod
    def from_store(cls, store: GraphStore, fingerprint: str = "") -> "GraphIndex":
        """Build from a store: from its file's integer columns when the file holds all of it, else from memory."""
        store_file = store.file()
        if store_file is None:
            entities = store.entities
            return cls.from_edges(entities, (k for k, e in entities.items() if e.type == PERSON),
                                  ((r.type, r.source, r.target) for r in store.relations.values()), fingerprint)
        keys, is_person, source, target, bits, count = store_file.index_arrays()
        kept = (source >= 0) & (target >= 0) & (source != target)
        unknown = np.flatnonzero(kept & (bits == 0))
        if len(unknown):
            raise StoreError(f"{store.path} is damaged: it holds a relation of a type other than "
                             f"{', '.join(RELATION_TYPES)}")
        return cls(keys, is_person, _csr(len(keys), source[kept], target[kept], bits[kept]), fingerprint, count)

    @classmethod
    def from_networkx(cls, G) -> "GraphIndex":
        """Build from the NetworkX graph of a store."""
        return cls.from_edges(G.nodes, (n for n, d in G.nodes(data=True) if d.get("type") == PERSON),
                              ((k, u, v) for u, v, k in G.edges(keys=True)))

    @classmethod
    def for_store(cls, store: GraphStore) -> "GraphIndex":
        """The index of ``store``: the cached one when it was built from the store's current file, else
        rebuilt (and cached). A store with unsaved changes gets an index of its memory, not cached."""
        if store.file() is None:
            return cls.from_store(store)
        fingerprint = store.fingerprint()
        cache = store.directory / INDEX_FILE
        if cache.exists():
            try:
                index = cls.load(cache)
            except ValueError as exc:
                logger.warning("%s", exc)
                return cls.from_store(store, fingerprint)
            if index.fingerprint == fingerprint:
                return index
        index = cls.from_store(store, fingerprint)
        try:
            index.save(cache)
        except OSError as exc:
            logger.info("index not cached in %s: %s", cache, exc.strerror or exc)
        return index

    # -- files -----------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the index atomically (temp file + rename)."""
        blob = "\n".join(self.keys).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".graph-index-", suffix=".npz", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                np.savez(out, format=np.array(INDEX_FORMAT), version=np.array(INDEX_VERSION),
                         fingerprint=np.array(self.fingerprint), relations=np.array(self.relations),
                         keys=np.frombuffer(blob, dtype=np.uint8), is_person=self.is_person,
                         indptr=self.indptr, indices=self.indices, masks=self.masks)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> "GraphIndex":
        """Read an index file; ValueError when it is not one this version wrote."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["format"]) != INDEX_FORMAT or int(data["version"]) != INDEX_VERSION:
                    raise ValueError(f"{path} is not a foundergraph index (version {INDEX_VERSION})")
                blob = data["keys"].tobytes().decode("utf-8")
                keys = blob.split("\n") if blob else []
                n = len(keys)
                if len(data["indptr"]) != n + 1:
                    raise ValueError(f"{len(data['indptr']) - 1} rows for {n} keys")
                adjacency = CSR(data["masks"], data["indices"], data["indptr"])
                return cls(keys, data["is_person"], adjacency, str(data["fingerprint"]), int(data["relations"]))
        except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError, EOFError) as exc:
            raise ValueError(f"{path} is not a readable foundergraph index ({exc.__class__.__name__}); "
                             "it is left alone") from None
        except ValueError as exc:
            raise ValueError(f"{path} is not a readable foundergraph index ({exc}); it is left alone") from None

    # -- searching -------------------------------------------------------------------------------
    def position(self, key: str) -> int:
        """The index of an entity key; KeyError when absent."""
        i = bisect.bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            raise KeyError(key)
        return i

    def _expand(self, frontier: np.ndarray, mask: int, allowed: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """All (neighbour, parent) pairs of a frontier over relations in ``mask`` to ``allowed`` nodes."""
        starts, ends = self.indptr[frontier], self.indptr[frontier + 1]
        counts = ends - starts
        total = int(counts.sum())
        if total == 0:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
        neighbours = self.indices[offsets].astype(np.int64)
        parents = np.repeat(frontier, counts)
        keep = np.ones(total, dtype=bool) if mask == ALL_TYPES else (self.masks[offsets] & mask) != 0
        if allowed is not None:
            keep &= allowed[neighbours]
        return neighbours[keep], parents[keep]

    def _allowed(self, s: int, t: int, via_orgs: bool) -> np.ndarray | None:
        if via_orgs:
            return None
        allowed = self.is_person.copy()
        allowed[[s, t]] = True
        return allowed

    def _buffers(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Distance and parent arrays for both search sides, allocated once and reset after each search."""
        if self._scratch is None:
            n = len(self.keys)
            self._scratch = ([np.full(n, -1, dtype=np.int32) for _ in range(2)],
                             [np.full(n, -1, dtype=np.int32) for _ in range(2)])
        return self._scratch

    def _search(self, source: str, target: str, via_orgs: bool,
                types: Iterable[str] | None) -> tuple[int | None, list[int] | None]:
        """Bidirectional BFS, expanding the smaller frontier one full level at a time.

        Returns the distance and one shortest chain of positions, or (None, None) when unconnected.
        """
        s, t = self.position(source), self.position(target)
        if s == t:
            return 0, [s]
        mask = type_mask(types)
        allowed = self._allowed(s, t, via_orgs)
        dist, parent = self._buffers()
        touched: list[list[np.ndarray]] = [[np.array([s])], [np.array([t])]]
        dist[0][s], dist[1][t] = 0, 0
        frontier = [np.array([s], dtype=np.int64), np.array([t], dtype=np.int64)]
        depth = [0, 0]
        try:
            while len(frontier[0]) and len(frontier[1]):
                side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
                neighbours, parents = self._expand(frontier[side], mask, allowed)
                fresh = dist[side][neighbours] < 0
                neighbours, first = np.unique(neighbours[fresh], return_index=True)
                parents = parents[fresh][first]
                depth[side] += 1
                dist[side][neighbours] = depth[side]
                parent[side][neighbours] = parents
                touched[side].append(neighbours)
                met = neighbours[dist[1 - side][neighbours] >= 0]
                if len(met):
                    totals = depth[side] + dist[1 - side][met]
                    best = int(totals.min())
                    meet = int(met[totals == best].min())
                    return best, self._chain(meet, parent)
                frontier[side] = neighbours
            return None, None
        finally:
            for side in (0, 1):
                visited = np.concatenate(touched[side])
                dist[side][visited] = -1
                parent[side][visited] = -1

    @staticmethod
    def _chain(meet: int, parent: list[np.ndarray]) -> list[int]:
        forward, node = [], meet
        while node >= 0:
            forward.append(node)
            node = int(parent[0][node])
        backward, node = [], int(parent[1][meet])
        while node >= 0:
            backward.append(node)
            node = int(parent[1][node])
        return forward[::-1] + backward

    def distance(self, source: str, target: str, via_orgs: bool = False,
                 types: Iterable[str] | None = None) -> int | None:
        """The number of hops between two entity keys; None when unconnected. KeyError for unknown keys.

        Relations count in both directions; without ``via_orgs`` the entities in between must be people.
        Not thread-safe: searches share scratch arrays.
        """
        return self._search(source, target, via_orgs, types)[0]

    def shortest_path(self, source: str, target: str, via_orgs: bool = False,
                      types: Iterable[str] | None = None) -> list[str] | None:
        """The keys along one shortest chain from ``source`` to ``target``; None when unconnected."""
        chain = self._search(source, target, via_orgs, types)[1]
        return None if chain is None else [self.keys[i] for i in chain]

    def all_shortest_paths(self, source: str, target: str, via_orgs: bool = False,
                           types: Iterable[str] | None = None, limit: int | None = 100) -> list[list[str]]:
        """Every shortest chain (key lists, sorted by keys), at most ``limit``; [] when unconnected."""
        d = self.distance(source, target, via_orgs, types)
        if d is None:
            return []
        s, t = self.position(source), self.position(target)
        if d == 0:
            return [[source]]
        mask, allowed = type_mask(types), self._allowed(s, t, via_orgs)
        # BFS layers from both ends, each to depth d; a node is on a shortest chain when ds + dt == d
        layers = []
        for start in (s, t):
            dist = np.full(len(self.keys), -1, dtype=np.int32)
            dist[start] = 0
            frontier = np.array([start], dtype=np.int64)
            for level in range(1, d + 1):
                neighbours, _ = self._expand(frontier, mask, allowed)
                neighbours = np.unique(neighbours[dist[neighbours] < 0])
                dist[neighbours] = level
                frontier = neighbours
            layers.append(dist)
        ds, dt = layers
        paths: list[list[int]] = []

        def walk(chain: list[int]) -> None:
            if limit is not None and len(paths) >= limit:
                return
            node = chain[-1]
            if node == t:
                paths.append(list(chain))
                return
            neighbours, _ = self._expand(np.array([node], dtype=np.int64), mask, allowed)
            step = len(chain)
            nexts = sorted({int(w) for w in neighbours if ds[w] == step and dt[w] == d - step},
                           key=lambda w: self.keys[w])
            for w in nexts:
                chain.append(w)
                walk(chain)
                chain.pop()

        walk([s])
        return [[self.keys[i] for i in p] for p in paths]
