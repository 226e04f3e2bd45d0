"""Neo4j load: the batched writer against one MERGE per relationship per transaction, on a real server.

Starts a Neo4j 5.26 server with ``tests/neo4j_fixture.Neo4jServer`` (or uses ``$NEO4J_URI`` with
``NEO4J_USERNAME``/``NEO4J_PASSWORD``/``NEO4J_DATABASE`` when set: that database is CLEARED), loads a
synthetic graph (bench/generate.py) as extractions with one evidence sentence per relation, then:

- batched ingest: ``Neo4jStore.add_extractions`` on an empty database (entity resolution, entities,
  relations with provenance, Article nodes and MENTIONS), relation sightings/s;
- batched bulk: ``Neo4jStore.push`` of the same graph as a ``GraphStore`` (keys given, no resolution),
  relationships/s;
- re-ingest: the same extractions again (every article already stored: a no-op);
- naive: a sample of the relations, each written as its own transaction (MERGE both ends, MERGE the
  relationship, set its provenance), extrapolated to relationships/s.

Usage: python -m bench.bench_neo4j [--people N] [--per-person R] [--naive-sample S] [--full]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bench.generate import RELATION_KINDS, node_key, synthetic_graph, to_extractions, to_store
from bench.report import peak_rss_mb, record
from graph.neo4j_store import Neo4jSettings, Neo4jStore

TESTS = Path(__file__).resolve().parent.parent / "tests"


@contextmanager
def neo4j_server() -> Iterator[Neo4jSettings]:
    """``$NEO4J_URI`` when set, else a throwaway server from the test launcher (stopped on exit)."""
    if os.environ.get("NEO4J_URI"):
        yield Neo4jSettings.from_env()
        return
    sys.path.insert(0, str(TESTS))
    from neo4j_fixture import Neo4jServer  # noqa: E402  (tests/ is not a package)

    # The launcher's default 1 GiB heap (serial GC) makes big UNWIND batches GC-bound: ~1.6x slower.
    os.environ.setdefault("NEO4J_JAVA_HEAP", "4g")

    server = Neo4jServer().start()
    try:
        yield Neo4jSettings(uri=server.uri)
    finally:
        server.stop()


_NAIVE = """
MERGE (s:%s {key: $source}) ON CREATE SET s.name = $source_name, s.aliases = [], s.articles = [$article]
MERGE (t:%s {key: $target}) ON CREATE SET t.name = $target_name, t.aliases = [], t.articles = [$article]
MERGE (s)-[r:%s]->(t)
  ON CREATE SET r.first_seen = datetime(), r.evidence = [], r.evidence_articles = [], r.evidence_starts = [],
                r.evidence_ends = []
SET r.last_seen = datetime(), r.confidence = $confidence,
    r.evidence = r.evidence + $sentence, r.evidence_articles = r.evidence_articles + $article,
    r.evidence_starts = r.evidence_starts + 0, r.evidence_ends = r.evidence_ends + 1,
    r.mentions = size(r.evidence) + 1, r.articles = [$article]
"""


def naive_rate(store: Neo4jStore, graph, sample: int) -> float:
    """Relationships/s of one MERGE per relationship per managed transaction, on ``sample`` relations."""
    store.clear()
    step = max(1, len(graph.source) // sample)
    picks = list(range(0, len(graph.source), step))[:sample]

    def label(node: int) -> str:
        return "Person" if node < graph.people else "Organization"

    start = time.perf_counter()
    with store.driver.session(database=store.database) as session:
        for i in picks:
            s, t = int(graph.source[i]), int(graph.target[i])
            query = _NAIVE % (label(s), label(t), RELATION_KINDS[int(graph.kind[i])])
            params = {"source": node_key(graph, s), "target": node_key(graph, t), "source_name": node_key(graph, s),
                      "target_name": node_key(graph, t), "article": f"a{i // 1000}", "sentence": f"sentence {i}",
                      "confidence": 0.8}
            session.execute_write(lambda tx: tx.run(query, params).consume())
    return len(picks) / (time.perf_counter() - start)


class Stages:
    """A ``progress`` callback: seconds and rows per stage (time since the previous commit)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.rows: dict[str, int] = {}
        self.last = time.perf_counter()

    def __call__(self, stage: str, rows: int) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self.last
        self.rows[stage] = self.rows.get(stage, 0) + rows
        self.last = now

    def rate(self, stage: str) -> str:
        return f"{self.rows.get(stage, 0) / max(self.seconds.get(stage, 0.0), 1e-9):,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--per-person", type=float, default=5.0, help="relationships per person")
    parser.add_argument("--naive-sample", type=int, default=1000)
    parser.add_argument("--full", action="store_true", help="100k people, 1M relationships (push only)")
    args = parser.parse_args()
    if args.full:
        args.people, args.per_person = 100_000, 10.0
    graph = synthetic_graph(args.people, relations_per_person=args.per_person)
    extractions = to_extractions(graph)
    sightings = sum(len(e.relations) for e in extractions)
    bulk = to_store(graph)
    rows, notes = [], []
    with neo4j_server() as settings:
        with Neo4jStore.from_settings(settings) as store:
            store.verify()
            store.ensure_schema()
            # Warm the server's JIT and caches on a small graph first: the first seconds of a fresh JVM
            # run several times slower and would be charged to whichever writer goes first.
            store.clear()
            store.push(to_store(synthetic_graph(3000, seed=1)))
            naive_rate(store, synthetic_graph(3000, seed=1), 300)
            store.clear()

            ingest = Stages()
            if not args.full:
                start = time.perf_counter()
                summary = store.add_extractions(extractions, progress=ingest)
                seconds = time.perf_counter() - start
                rows.append(["batched add_extractions (resolution + write)", f"{sightings:,}",
                             f"{summary.relations_total:,}", f"{seconds:.1f}", f"{sightings / seconds:,.0f}",
                             ingest.rate("relations")])
                start = time.perf_counter()
                again = store.add_extractions(extractions)
                reingest = time.perf_counter() - start
                assert again.relations_added == 0 and again.articles_added == 0, again
                store.clear()
            pushed = Stages()
            start = time.perf_counter()
            summary = store.push(bulk, progress=pushed)
            seconds = time.perf_counter() - start
            stored = summary.relations_total
            rows.append(["batched push(GraphStore) (bulk path)", f"{len(bulk.relations):,}", f"{stored:,}",
                         f"{seconds:.1f}", f"{len(bulk.relations) / seconds:,.0f}", pushed.rate("relations")])
            batched_rate = len(bulk.relations) / seconds
            if args.full:
                start = time.perf_counter()
                again = store.add_extractions(extractions)
                reingest = time.perf_counter() - start
                assert again.relations_added == 0 and again.articles_added == 0, again
            naive = naive_rate(store, graph, args.naive_sample)
            store.clear()
    rows.append([f"naive: 1 MERGE per relationship per transaction (sample of {args.naive_sample:,})",
                 f"{args.naive_sample:,}", "", f"{len(bulk.relations) / naive:,.0f} (extrapolated)",
                 f"{naive:,.0f}", ""])
    rows.append(["re-ingest of the same extractions (every article stored: no-op)", f"{sightings:,}", "",
                 f"{reingest:.2f}", "", ""])
    notes += [f"Synthetic power-law graph (bench/generate.py, seed 7): {args.people:,} people, {graph.nodes:,} entities, "
              f"{len(extractions):,} articles of 1,000 relation sightings with one evidence sentence each "
              f"({len(bulk.relations):,} distinct relationships: repeated pairs merge).",
              f"Batched push / naive: {batched_rate / naive:.0f}× (target ≥ 20×). Target ≥ 50,000 relationships/s.",
              "\"relations stage\" is the rate of the relationship transactions alone (UNWIND of 1,000 rows, "
              "MERGE with provenance lists); the rest of a load is entities, Article nodes and MENTIONS.",
              "Server: Neo4j 5.26 from tests/neo4j_server (heap NEO4J_JAVA_HEAP=4g unless set, page cache 256 MiB "
              "fixed by the launcher), warmed up on a 3,000-person graph before timing; every figure on an "
              "empty database.",
              "Profile (pyinstrument): the Python side waits on the server most of the time; relationship MERGE "
              "with provenance runs at ~15-25k rows/s in one transaction stream on this machine (a bare "
              "MERGE + ON CREATE SET is only ~15% faster; 10,000-row batches are no faster than 1,000); two "
              "concurrent writers are slower (deadlocks on relationship-group locks, retried). With the 1 GiB "
              "default heap the same load is ~1.6x slower (GC). add_extractions also spends ~1/3 of its time "
              "in entity resolution (graph.identity.EntityIndex._fuzzy rebuilds the candidate list of every "
              "entity for each new entity: quadratic).",
              f"Peak memory of the Python side: {peak_rss_mb():,.0f} MiB."]
    if args.full:
        notes.append("add_extractions is not timed at this size: its entity resolution "
                     "(graph.identity.EntityIndex fuzzy match) is quadratic in the number of entities.")
    record(f"Neo4j load ({args.people:,} people)",
           ["writer", "relations", "relationships in Neo4j", "seconds", "relationships/s",
            "relations stage rels/s"], rows, notes=notes)


if __name__ == "__main__":
    main()
