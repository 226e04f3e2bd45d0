"""Embedded store: what opening, asking, ingesting and analysing cost on a synthetic graph.

Measured on the SQLite store (graph.db) against the whole-file JSON store of earlier versions
(graph.json, written and read the way that version did) on the same graph, in the same run:

- full save (the first write of the whole graph) and file size;
- open, then a path question on the freshly opened store, cold (the path index built from the
  relation rows and cached) and warm (the cached index), p50 over random pairs of people;
- person, who-knows and stats on the freshly opened store;
- a new article into the big store: entities loaded for resolution, add, and the save of the change;
- the whole graph as a NetworkX MultiDiGraph (what analysis questions read).

Usage: python -m bench.bench_store [--people N] [--full]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import synthetic_graph, to_store
from bench.report import peak_rss_mb, record
from graph.index import INDEX_FILE, GraphIndex
from graph.model import KNOWS, PERSON, WORKS_AT, Article, Entity, Evidence, Extraction, Relation, article_id
from graph.store import GraphStore, _read_legacy
from queries import on_store
from queries.separation import separation


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


_CHILD = """
import sys
from graph.store import GraphStore
from queries import on_store
from queries.separation import separation
store = GraphStore.open(sys.argv[1])
if sys.argv[2] == "path":
    separation(store, sys.argv[3], sys.argv[4])
elif sys.argv[2] == "who-knows":
    on_store.who_knows(store, sys.argv[3], 2)
else:
    store.to_networkx()
# VmHWM: this process's own peak (ru_maxrss would keep the parent's across fork and exec)
print(next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) / 1024)
"""


def child_peak_mib(*args: str) -> float:
    """Peak resident memory of a fresh process asking one question of the store (``python -c``)."""
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def new_article(known: list[Entity], seed: int = 1) -> Extraction:
    """An article naming 10 people already stored and 10 new ones, with 20 relations among them."""
    rng = random.Random(seed)
    text = f"bench article {seed}"
    article = Article(id=article_id(text), path="bench-new.txt", title=text, language="en", text=text)
    old = [Entity(e.key, e.type, e.name) for e in rng.sample(known, 10)]
    new = [Entity(f"newcomer {seed} {i}", PERSON, f"Newcomer {seed} {i}") for i in range(10)]
    people = old + new
    relations = [Relation(KNOWS if i % 2 else WORKS_AT, people[i].key, people[(i + 7) % 20].key, {},
                          [Evidence(article.id, f"sentence {i}", i, i + 10)], 0.8) for i in range(20)]
    return Extraction(article=article, entities=people, relations=relations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--full", action="store_true", help="1,000,000 people")
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    people = 1_000_000 if args.full else args.people
    graph = synthetic_graph(people)
    store = to_store(graph)
    entities, relations = len(store.entities), len(store.relations)
    rng = random.Random(11)
    stored_people = [e for e in store.entities.values() if e.type == PERSON]
    pairs = [(rng.choice(stored_people).name, rng.choice(stored_people).name) for _ in range(args.queries)]
    sample = rng.sample(stored_people, 200)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        legacy = Path(folder) / "graph.json"

        def save_json(whole: GraphStore) -> None:
            with legacy.open("w", encoding="utf-8") as out:
                json.dump(whole.to_dict(), out, ensure_ascii=False, separators=(",", ":"))

        _, json_save = _timed(lambda: save_json(store))
        json_mib = legacy.stat().st_size / 2**20
        _, json_open = _timed(lambda: _read_legacy(legacy))
        legacy.unlink()

        directory = Path(folder) / "store"
        store.directory, store.path = directory, directory / "graph.db"
        _, save = _timed(store.save)
        db_mib = sum(p.stat().st_size for p in directory.glob("graph.db*")) / 2**20
        store = None  # free the generator's copy before the timings that follow

        opened, open_s = _timed(lambda: GraphStore.open(directory))
        _, cold = _timed(lambda: separation(opened, *pairs[0]))
        index_mib = (directory / INDEX_FILE).stat().st_size / 2**20
        _, cache_load = _timed(lambda: GraphIndex.for_store(GraphStore.open(directory)))
        warm = []
        for a, b in pairs:
            _, seconds = _timed(lambda: separation(GraphStore.open(directory), a, b))
            warm.append(seconds * 1000)

        def p50_ms(question, names) -> float:
            times = []
            for name in names:
                _, seconds = _timed(lambda: question(GraphStore.open(directory), name))
                times.append(seconds * 1000)
            return statistics.median(times)

        names = [a for a, _ in pairs[:20]]
        person_ms = p50_ms(on_store.person, names)
        who_ms = p50_ms(lambda store, name: on_store.who_knows(store, name, 2), names[:10])
        reached = statistics.median(len(on_store.who_knows(GraphStore.open(directory), n, 2)) for n in names[:10])
        _, stats_s = _timed(lambda: on_store.statistics(GraphStore.open(directory)))
        path_mib = child_peak_mib(str(directory), "path", *pairs[0])
        who_mib = child_peak_mib(str(directory), "who-knows", names[0])
        nx_mib = child_peak_mib(str(directory), "networkx")

        ingest = GraphStore.open(directory)
        _, load_entities = _timed(lambda: ingest.index)
        extraction = new_article(sample)
        _, add_s = _timed(lambda: ingest.add(extraction))
        _, change_save = _timed(ingest.save)
        ingest.close()

        _, nx_s = _timed(lambda: GraphStore.open(directory).to_networkx())

    rows.append(["JSON file (graph.json, earlier versions): baseline", f"{json_mib:,.0f}", f"{json_save:.1f}",
                 f"{json_open:.1f}", "(whole file first)", "", f"{json_save:.1f} (whole file)", ""])
    rows.append(["SQLite (graph.db)", f"{db_mib:,.0f}", f"{save:.1f}", f"{open_s:.3f}", f"{cold:.2f}",
                 f"{statistics.median(warm):.1f}", f"{change_save:.3f}", f"{nx_s:.1f}"])
    record(f"Embedded store ({people:,} people)",
           ["store", "file MiB", "full save s", "open s", "1st path question s (index built)",
            "path question p50 ms (open + cached index + hop rows)", "save after one article s",
            "to_networkx s"],
           rows,
           notes=[f"Synthetic power-law graph (bench/generate.py, seed 7): {entities:,} entities, {relations:,} "
                  "relations, one evidence sentence each.",
                  "The JSON store had to read its whole file before any question (open) and rewrite it after "
                  "any change (save); the SQLite store opens in constant time, answers a path question from "
                  "the cached path index and the rows of its hops, and saves only what changed.",
                  f"Path index: cached as {INDEX_FILE} ({index_mib:,.0f} MiB), loaded in {cache_load:.2f} s; "
                  f"built from the relation rows in the 1st question's time.",
                  f"A new article (10 known people, 10 new, 20 relations) into the store: {load_entities:.1f} s to "
                  f"load the entities it is resolved against (once per ingest), {add_s * 1000:.0f} ms to add, "
                  f"{change_save * 1000:.0f} ms to save.",
                  f"Other questions on the freshly opened store (p50): person {person_ms:.1f} ms, who-knows "
                  f"--hops 2 {who_ms:.0f} ms (median {reached:,.0f} people found), stats with components "
                  f"{stats_s:.2f} s; each reads only the rows around the names asked (queries/on_store.py).",
                  f"Peak memory of a fresh process (Python and libraries included): {path_mib:,.0f} MiB for a path "
                  f"question (cached index), {who_mib:,.0f} MiB for who-knows --hops 2, {nx_mib:,.0f} MiB for the "
                  "whole NetworkX graph.",
                  "Target for 1M people (issue: offline layer): load ≤ 10 s, ≤ 2 GB.",
                  f"Peak memory of this run: {peak_rss_mb():,.0f} MiB (the generator's graph and the JSON baseline "
                  "included)."])


if __name__ == "__main__":
    main()
