"""Embedded store: size, save, open and NetworkX load of graph.json on a synthetic graph.

Usage: python -m bench.bench_store [--people N] [--full]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.generate import synthetic_graph, to_store
from bench.report import peak_rss_mb, record
from graph.index import GraphIndex
from graph.store import GraphStore


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--full", action="store_true", help="1,000,000 people")
    args = parser.parse_args()
    people = 1_000_000 if args.full else args.people
    store = to_store(synthetic_graph(people))
    with tempfile.TemporaryDirectory() as folder:
        store.directory, store.path = Path(folder), Path(folder) / "graph.json"
        _, save = _timed(store.save)
        size = store.path.stat().st_size / 2**20
        opened, open_s = _timed(lambda: GraphStore.open(folder))
        graph, nx_s = _timed(opened.to_networkx)
        _, index_s = _timed(lambda: GraphIndex.for_store(opened))
    record(f"Embedded store ({people:,} people)",
           ["people", "entities", "relations", "graph.json MiB", "save s", "open s", "to_networkx s",
            "path index s (build or cache)"],
           [[f"{people:,}", f"{len(store.entities):,}", f"{len(store.relations):,}", f"{size:,.0f}",
             f"{save:.1f}", f"{open_s:.1f}", f"{nx_s:.1f}", f"{index_s:.2f}"]],
           notes=["Synthetic power-law graph (bench/generate.py, seed 7), one evidence sentence per relation.",
                  "Target for 1M people (issue: offline layer): load ≤ 10 s, ≤ 2 GB; the JSON store is the limit.",
                  f"Peak memory of the run: {peak_rss_mb():,.0f} MiB."])


if __name__ == "__main__":
    main()
