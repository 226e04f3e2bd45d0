"""Neo4j load: the batched writer against one MERGE per relationship per transaction, on a real server.

Starts a Neo4j 5.26 server with ``tests/neo4j_fixture.Neo4jServer`` (or uses ``$NEO4J_URI`` with
``NEO4J_USERNAME``/``NEO4J_PASSWORD``/``NEO4J_DATABASE`` when set: that database is CLEARED), loads a
synthetic graph (bench/generate.py) as extractions with one evidence sentence per relation, then:

- batched ingest: ``Neo4jStore.add_extractions`` on an empty database (entity resolution, entities,
  relations with provenance, Article nodes and MENTIONS), relation sightings/s;
- push: ``Neo4jStore.push`` of the same graph as a ``GraphStore`` (keys given, no resolution),
  relationships/s, into a non-empty database (MERGE path) and into an empty one (CREATE path);
- bulk import: ``graph.bulk_import`` (CSV files, Neo4j's offline importer, constraints) into a fresh
  folder, end to end, and the importer step alone;
- re-ingest: the same extractions again (every article already stored: a no-op);
- naive: a sample of the relations, each written as its own transaction (MERGE both ends, MERGE the
  relationship, set its provenance), extrapolated to relationships/s.

- shards: 4 ``extract --shard i/4`` processes at once against one ``extract`` on synthetic articles (same
  lines, same store once loaded with ``ingest --extractions``: asserted).

Usage: python -m bench.bench_neo4j [--people N] [--per-person R] [--naive-sample S] [--articles A] [--full]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
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


def bulk_rate(graph, store, tmp: Path) -> tuple[dict[str, float], int]:
    """Bulk import of ``store`` into a fresh folder (CSV, importer, constraints), then the relationships a server
    started on it holds (not timed)."""
    from graph.bulk_import import MavenImporter, bulk_import
    from neo4j_fixture import Neo4jServer  # noqa: E402

    data = tmp / "bulk"
    summary = bulk_import(store, MavenImporter(data))
    server = Neo4jServer(data=data).start()
    try:
        with Neo4jStore(server.uri) as db:
            stored = db.counts()["relations"]
    finally:
        server.stop()
    return ({"seconds": summary.seconds, "csv": summary.csv_seconds, "import": summary.import_seconds,
             "schema": summary.schema_seconds}, stored)


def shard_run(articles: int, shards: int, tmp: Path) -> list[list[object]]:
    """``shards`` extract processes at once against one, on the same synthetic articles: the same lines and
    the same graph once loaded (asserted)."""
    from bench.generate import synthetic_articles
    from graph.store import GraphStore

    corpus = tmp / "corpus"
    corpus.mkdir()
    for name, text in synthetic_articles(articles):
        (corpus / name).write_text(text, encoding="utf-8")
    fg = [str(Path(sys.executable).parent / "foundergraph")]
    env = {**os.environ, "NEO4J_URI": ""}

    start = time.perf_counter()
    whole = subprocess.run(fg + ["extract", "-q", str(corpus)], capture_output=True, text=True, check=True, env=env)
    one = time.perf_counter() - start
    (tmp / "whole.jsonl").write_text(whole.stdout, encoding="utf-8")

    start = time.perf_counter()
    outs = [open(tmp / f"shard-{k}.jsonl", "w", encoding="utf-8") for k in range(1, shards + 1)]
    procs = [subprocess.Popen(fg + ["extract", "-q", "--shard", f"{k}/{shards}", str(corpus)], stdout=out, env=env)
             for k, out in enumerate(outs, 1)]
    assert all(p.wait() == 0 for p in procs)
    parallel = time.perf_counter() - start
    for out in outs:
        out.close()
    lines = [line for k in range(1, shards + 1)
             for line in (tmp / f"shard-{k}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert sorted(lines) == sorted(line for line in whole.stdout.splitlines() if line), "shards != whole"

    loaded = {}
    for name, files in (("whole", ["whole.jsonl"]), ("shards", [f"shard-{k}.jsonl" for k in range(shards, 0, -1)])):
        start = time.perf_counter()
        subprocess.run(fg + ["ingest", "--extractions", *(str(tmp / f) for f in files), "--store",
                             str(tmp / f"store-{name}")], capture_output=True, check=True, env=env)
        loaded[name] = time.perf_counter() - start
    assert GraphStore.open(tmp / "store-whole").to_dict() == GraphStore.open(tmp / "store-shards").to_dict()
    return [[f"extract, 1 process ({articles} articles)", f"{one:.1f}", "1.00", f"{loaded['whole']:.1f}"],
            [f"extract --shard i/{shards}, {shards} processes at once", f"{parallel:.1f}", f"{one / parallel:.2f}",
             f"{loaded['shards']:.1f}"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--per-person", type=float, default=5.0, help="relationships per person")
    parser.add_argument("--naive-sample", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=200, help="articles of the shard run")
    parser.add_argument("--full", action="store_true", help="100k people, 1M relationships (push only)")
    args = parser.parse_args()
    if args.full:
        args.people, args.per_person = 100_000, 10.0
    graph = synthetic_graph(args.people, relations_per_person=args.per_person)
    extractions = to_extractions(graph)
    sightings = sum(len(e.relations) for e in extractions)
    bulk = to_store(graph)
    total = len(bulk.relations)
    rows, notes = [], []
    tmp = Path(tempfile.mkdtemp(prefix="bench-neo4j-"))
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
                rows.append(["batched add_extractions (ingest --neo4j: resolution + MERGE)", f"{sightings:,}",
                             f"{summary.relations_total:,}", f"{seconds:.1f}", f"{sightings / seconds:,.0f}",
                             ingest.rate("relations")])
                start = time.perf_counter()
                again = store.add_extractions(extractions)
                reingest = time.perf_counter() - start
                assert again.relations_added == 0 and again.articles_added == 0, again
                store.clear()
            merge_seconds = 0.0
            if not args.full:  # at 1M relationships the MERGE path alone takes minutes (see earlier runs)
                # push into a database that is not empty: the MERGE path (the baseline of earlier runs)
                store.run_write("CREATE (:Marker {note: 'not empty'})")
                merged = Stages()
                start = time.perf_counter()
                summary = store.push(bulk, progress=merged)
                merge_seconds = time.perf_counter() - start
                assert summary.relations_total == total, summary
                rows.append(["push, MERGE path (database not empty)", f"{total:,}", f"{summary.relations_total:,}",
                             f"{merge_seconds:.1f}", f"{total / merge_seconds:,.0f}", merged.rate("relations")])
            store.clear()
            pushed = Stages()
            start = time.perf_counter()
            summary = store.push(bulk, progress=pushed)
            seconds = time.perf_counter() - start
            assert summary.relations_total == total, summary
            rows.append(["push, CREATE path (empty database)", f"{total:,}", f"{summary.relations_total:,}",
                         f"{seconds:.1f}", f"{total / seconds:,.0f}", pushed.rate("relations")])
            push_rate = total / seconds
            again = store.push(bulk)
            assert again.relations_added == 0 and again.relations_total == total, again
            if args.full:
                start = time.perf_counter()
                again = store.add_extractions(extractions)
                reingest = time.perf_counter() - start
                assert again.relations_added == 0 and again.articles_added == 0, again
            naive = naive_rate(store, graph, args.naive_sample)
            store.clear()
    times, stored = bulk_rate(graph, bulk, tmp)
    assert stored == total, (stored, total)
    bulk_speed = total / times["seconds"]
    rows.append(["bulk import (neo4j import: CSV + importer + constraints)", f"{total:,}", f"{stored:,}",
                 f"{times['seconds']:.1f}", f"{bulk_speed:,.0f}", ""])
    rows.append(["  of which the importer alone (JVM start included)", f"{total:,}", "",
                 f"{times['import']:.1f}", f"{total / times['import']:,.0f}", ""])
    rows.append([f"naive: 1 MERGE per relationship per transaction (sample of {args.naive_sample:,})",
                 f"{args.naive_sample:,}", "", f"{total / naive:,.0f} (extrapolated)", f"{naive:,.0f}", ""])
    rows.append(["re-ingest of the same extractions (every article stored: no-op)", f"{sightings:,}", "",
                 f"{reingest:.2f}", "", ""])
    shard_rows = shard_run(args.articles, 4, tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    notes += [f"Synthetic power-law graph (bench/generate.py, seed 7): {args.people:,} people, {graph.nodes:,} entities, "
              f"{len(extractions):,} articles of 1,000 relation sightings with one evidence sentence each "
              f"({total:,} distinct relationships: repeated pairs merge). Every writer gets the same graph.",
              f"Bulk import / push (CREATE path): {bulk_speed / push_rate:.1f}× (target ≥ 10×); bulk import "
              f"{bulk_speed:,.0f} relationships/s end to end (target ≥ 100,000): CSV {times['csv']:.1f} s, importer "
              f"{times['import']:.1f} s, constraints {times['schema']:.1f} s (the launcher opens the database once "
              "more for them).",
              f"Push (CREATE path) / naive: {push_rate / naive:.0f}× (target ≥ 20×); push "
              f"{push_rate:,.0f} relationships/s (target ≥ 30,000)." + (
                  f" Push (MERGE path) / naive: {total / merge_seconds / naive:.0f}×." if merge_seconds else ""),
              "\"relations stage\" is the rate of the relationship transactions alone (UNWIND of 2,000 rows, two at once); "
              "the rest of a push is entities, Article nodes and MENTIONS.",
              "Server: Neo4j 5.26 from tests/neo4j_server (heap NEO4J_JAVA_HEAP=4g unless set; page cache a quarter "
              "of RAM, at most 8 GiB), warmed up on a 3,000-person graph before timing.",
              f"Peak memory of the Python side: {peak_rss_mb():,.0f} MiB."]
    if args.full:
        notes.append("add_extractions is not timed at this size: its entity resolution "
                     "(graph.identity.EntityIndex fuzzy match) is quadratic in the number of entities.")
    record(f"Neo4j load ({args.people:,} people)",
           ["writer", "relations", "relationships in Neo4j", "seconds", "relationships/s",
            "relations stage rels/s"], rows, notes=notes)
    record(f"Sharded extraction ({args.articles} articles, 4 shards)",
           ["run", "extract wall s", "speed-up", "ingest --extractions s"], shard_rows,
           notes=["Synthetic French/English articles (bench/generate.py, seed 7); each process loads its own spaCy "
                  "model (a few seconds each); machine below. The shards' lines equal the single run's and both "
                  "loads give the same store (asserted)."])


if __name__ == "__main__":
    main()
