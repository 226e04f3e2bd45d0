"""Degrees of separation: the offline CSR index and plain NetworkX against Neo4j, on the same random pairs.

For a synthetic power-law graph (bench/generate.py, ~5 relations per person):

- offline load: building a NetworkX graph (the baseline) and the CSR :class:`graph.index.GraphIndex`, then
  loading the index from its ``.npz`` cache (what a query pays once the cache exists); time and resident
  memory added by each;
- p50/p95 of 200 random person-to-person path lengths with the index (``GraphIndex.distance``),
  with ``networkx.shortest_path_length`` on the prebuilt people graph, and in Neo4j with
  ``queries.cypher.SHORTEST_PATH`` (the query of ``queries.on_neo4j.separation``) on the same pairs;
  the lengths must agree (asserted).

Everything is built straight from the synthetic arrays (the store's ``GraphStore`` and the
per-article Neo4j writer would take minutes at 1M people): the index with ``GraphIndex.from_edges`` over
the relations as (type, source key, target key) tuples, Neo4j with plain ``UNWIND ... CREATE`` batches
(keys only).
Chains run through people only (the default of ``foundergraph path``).

Usage: python -m bench.bench_paths [--people N] [--queries Q] [--full]
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

from bench.bench_neo4j import neo4j_server
from bench.generate import RELATION_KINDS, SyntheticGraph, synthetic_graph, to_store
from bench.report import peak_rss_mb, record
from graph import analysis
from graph.index import GraphIndex
from graph.model import RELATION_TYPES
from graph.neo4j_store import Neo4jStore
from queries import cypher


def rss_mb() -> float:
    """Current resident memory of this process, in MiB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def keys_of(graph: SyntheticGraph) -> list[str]:
    return [f"p{i}" for i in range(graph.people)] + [f"o{i}" for i in range(graph.orgs)]


def people_graph(graph: SyntheticGraph) -> nx.Graph:
    """The undirected NetworkX graph of people and the relations between two people (the baseline)."""
    social = (graph.source < graph.people) & (graph.target < graph.people)
    G = nx.Graph()
    G.add_nodes_from(f"p{i}" for i in range(graph.people))
    G.add_edges_from(zip((f"p{i}" for i in graph.source[social]), (f"p{i}" for i in graph.target[social])))
    return G


def load_neo4j(store: Neo4jStore, graph: SyntheticGraph, batch: int = 20_000) -> float:
    """Nodes then relationships with plain UNWIND ... CREATE batches; returns the seconds taken."""
    store.ensure_schema()
    store.clear()
    start = time.perf_counter()
    with store.driver.session(database=store.database) as session:
        for label, prefix, count in (("Person", "p", graph.people), ("Organization", "o", graph.orgs)):
            for lo in range(0, count, batch):
                keys = [f"{prefix}{i}" for i in range(lo, min(lo + batch, count))]
                session.run(f"UNWIND $keys AS k CREATE (:{label} {{key: k, name: k}})", keys=keys).consume()

        def key(node: int) -> str:
            return f"p{node}" if node < graph.people else f"o{node - graph.people}"

        person = graph.source < graph.people, graph.target < graph.people
        for k, rtype in enumerate(RELATION_KINDS):
            for s_person in (True, False):
                for t_person in (True, False):
                    picked = np.flatnonzero((graph.kind == k) & (person[0] == s_person) & (person[1] == t_person))
                    sl = "Person" if s_person else "Organization"
                    tl = "Person" if t_person else "Organization"
                    query = (f"UNWIND $rows AS row MATCH (s:{sl} {{key: row[0]}}) MATCH (t:{tl} {{key: row[1]}}) "
                             f"CREATE (s)-[:{rtype}]->(t)")
                    for lo in range(0, len(picked), batch):
                        part = picked[lo:lo + batch]
                        rows = [[key(int(a)), key(int(b))] for a, b in zip(graph.source[part], graph.target[part])]
                        session.run(query, rows=rows).consume()
    return time.perf_counter() - start


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--full", action="store_true", help="1M people")
    parser.add_argument("--no-neo4j", action="store_true")
    args = parser.parse_args()
    people = 1_000_000 if args.full else args.people
    graph = synthetic_graph(people)
    # Pairs among the people who have at least one relation with another person (a person linked only
    # to organizations has no chain through people: such a query returns at once and says nothing).
    social = (graph.source < people) & (graph.target < people)
    linked = np.unique(np.concatenate([graph.source[social], graph.target[social]]))
    rng = np.random.default_rng(11)
    pairs = [(f"p{a}", f"p{b}") for a, b in rng.choice(linked, (args.queries, 2)) if a != b]

    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    G = people_graph(graph)
    nx_load, nx_mem = time.perf_counter() - start, rss_mb() - before

    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    kinds = [RELATION_KINDS[k] for k in graph.kind.tolist()]
    keys = keys_of(graph)
    first = GraphIndex.from_edges(keys, keys[:graph.people], zip(kinds, (keys[i] for i in graph.source.tolist()),
                                                                 (keys[i] for i in graph.target.tolist())))
    first_build, first_mem = time.perf_counter() - start, rss_mb() - before
    del kinds, keys
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "graph.index.npz"
        first.save(cache)
        size_mb = cache.stat().st_size / 2**20
        del first
        gc.collect()
        before = rss_mb()
        start = time.perf_counter()
        index = GraphIndex.load(cache)
        index_load, index_mem = time.perf_counter() - start, rss_mb() - before

    def timed(fn, a: str, b: str) -> tuple[int | None, float]:
        start = time.perf_counter()
        value = fn(a, b)
        return value, time.perf_counter() - start

    def nx_length(a: str, b: str) -> int | None:
        try:
            return nx.shortest_path_length(G, a, b)
        except nx.NetworkXNoPath:
            return None

    index_runs = [timed(index.distance, a, b) for a, b in pairs]
    nx_runs = [timed(nx_length, a, b) for a, b in pairs]
    lengths = [d for d, _ in index_runs]
    assert lengths == [d for d, _ in nx_runs], "the index and NetworkX disagree on a path length"
    rows = [
        ["NetworkX (baseline)", f"{people:,}", f"{nx_load:.1f}", f"{nx_mem:,.0f}",
         *(f"{v:.2f}" for v in percentiles([t for _, t in nx_runs]))],
        ["CSR index, first build (GraphIndex.from_edges)", f"{people:,}", f"{first_build:.1f}",
         f"{first_mem:,.0f}", "", ""],
        ["CSR index (GraphIndex.load of the cache)", f"{people:,}", f"{index_load:.2f}", f"{index_mem:,.0f}",
         *(f"{v:.2f}" for v in percentiles([t for _, t in index_runs]))],
    ]
    notes = [f"Synthetic power-law graph (bench/generate.py, seed 7): {graph.nodes:,} entities, "
             f"{len(graph.source):,} relations; {len(pairs)} random pairs (seed 11) of the {len(linked):,} people "
             "with a relation to another person, chains through people only; lengths seen: " + ", ".join(f"{d}: {lengths.count(d)}" for d in sorted(
                 set(lengths), key=lambda x: (x is None, x or 0))) + ".",
             "First build: GraphIndex.from_edges (vectorized with numpy) over (type, source key, target key) "
             "tuples, what GraphIndex.from_store does for a store with unsaved changes (a saved store builds it "
             "from its relation rows' integer columns instead: bench/bench_store.py); the time includes making "
             "the key strings and tuples. That index is saved "
             f"({size_mb:.0f} MiB .npz) and timed as loaded from the cache (what every later query pays). "
             "NetworkX: an undirected nx.Graph of the people, queried with nx.shortest_path_length (already built).",
             "Memory: resident memory added by each structure.",
             "Targets for 1M people: offline p50 ≤ 2 ms, load ≤ 10 s, ≤ 2 GB; Neo4j p50 ≤ 20 ms."]
    del G
    gc.collect()
    if not args.full:  # the query path of queries.on_networkx.separation, on the store's MultiDiGraph
        start = time.perf_counter()
        multi = to_store(graph).to_networkx()
        store_load = time.perf_counter() - start
        few = pairs[:50]
        first_call = timed(lambda a, b: analysis.shortest_path_keys(multi, a, b), *few[0])
        runs = [timed(lambda a, b: analysis.shortest_path_keys(multi, a, b), a, b) for a, b in few]
        assert [None if k is None else len(k) - 1 for k, _ in runs] == lengths[:len(few)]
        rows.append([f"graph.analysis.shortest_path_keys on the store's MultiDiGraph ({len(few)} pairs)",
                     f"{people:,}", f"{first_call[1]:.1f} (1st call)", "",
                     *(f"{v:.2f}" for v in percentiles([t for _, t in runs]))])
        notes.append("graph.analysis.shortest_path_keys (used by queries.on_networkx.separation) builds the "
                     "undirected entity graph of the store once per graph and relation types (cached on the "
                     f"graph, checked by its numbers of nodes and of linked pairs): {first_call[1]:.1f} s for the first call, then "
                     "a people-only view of it per query (before the cache: ~1.1 s per query at 100k people). "
                     f"The synthetic store and its MultiDiGraph took {store_load:.0f} s to build here, not counted.")
        del multi
        gc.collect()

    if not args.no_neo4j:
        with neo4j_server() as settings, Neo4jStore.from_settings(settings) as store:
            store.verify()
            neo_load = load_neo4j(store, graph)
            params = {"types": list(RELATION_TYPES), "via_orgs": False}
            store.run_read(cypher.SHORTEST_PATH, {**params, "source": pairs[0][0], "target": pairs[0][1]})  # warm

            def neo_length(a: str, b: str) -> int | None:
                rows = store.run_read(cypher.SHORTEST_PATH, {**params, "source": a, "target": b})
                return len(rows[0]["keys"]) - 1 if rows else None

            neo_runs = [timed(neo_length, a, b) for a, b in pairs]
            store.clear()
        disagree = [(p, a, b) for p, a, (b, _) in zip(pairs, lengths, neo_runs) if a != b]
        print(f"same lengths in Neo4j and offline: {len(pairs) - len(disagree)}/{len(pairs)}")
        assert not disagree, f"Neo4j and the index disagree: {disagree[:5]}"
        rows.append(["Neo4j 5.26 (queries.cypher.SHORTEST_PATH)", f"{people:,}", f"{neo_load:.1f} (bulk CREATE)",
                     "(server)", *(f"{v:.2f}" for v in percentiles([t for _, t in neo_runs]))])
        notes.append(f"All {len(pairs)} pairs gave the same length offline (index, NetworkX) and in Neo4j.")
    notes.append(f"Peak memory of the run: {peak_rss_mb():,.0f} MiB.")
    record(f"Degrees of separation ({people:,} people)",
           ["engine", "people", "load s", "memory MiB", "p50 ms", "p95 ms"], rows, notes=notes)


if __name__ == "__main__":
    main()
