"""How long a user waits for the ``foundergraph`` command: whole-process wall time against ``python -c pass``.

Each command runs as a fresh process, as a user or a shell loop runs it, with the baseline interleaved in
the same rounds (so machine load hits both): ``foundergraph --help``, then ``path`` and ``person`` on a
store of the seeds (ingested once before the rounds, its path index built by one untimed ``path``).
Median of 7 rounds each; the ratio is command / baseline. Targets (issue 13): ``--help`` ≤ 6×,
``path`` and ``person`` ≤ 12×.

Usage: python -m bench.bench_cli [--rounds N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import record

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"--help": 6, "path": 12, "person": 12}


def foundergraph() -> list[str]:
    """The installed console script beside this Python, else the same entry point through ``-c``."""
    script = Path(sys.executable).parent / "foundergraph"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from foundergraph.cli import main; main()"]


def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "FOUNDERGRAPH_STORE")}
    fg = foundergraph()
    with tempfile.TemporaryDirectory() as folder:
        store = str(Path(folder) / "seeds-store")
        subprocess.run([*fg, "ingest", str(ROOT / "seeds"), "--store", store, "-q"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        commands = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "--help": [*fg, "--help"],
            "path": [*fg, "path", "Adam di Angello", "Mark Zuckerberg", "--store", store],
            "person": [*fg, "person", "Ashay Kothani", "--store", store],
        }
        wall(commands["path"], env)  # builds and caches the path index: a user's first question after an ingest
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                times[name].append(wall(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["python -c pass (baseline)"]
    rows = []
    for name, value in medians.items():
        target = TARGETS.get(name)
        rows.append([name, f"{value * 1000:.0f}", f"{value / base:.1f}×",
                     f"≤ {target}×" if target else "", ("yes" if value / base <= target else "NO") if target else ""])
    how = "the console script" if len(fg) == 1 else "python -c 'from foundergraph.cli import main; main()'"
    record("CLI start-up (whole process)", ["command", "median ms", "ratio to python -c pass", "target", "met"], rows,
           notes=[f"Median of {args.rounds} rounds, each command a fresh process ({how}), the baseline interleaved "
                  "in every round.",
                  "`path \"Adam di Angello\" \"Mark Zuckerberg\"` and `person \"Ashay Kothani\"` on a store of seeds/ "
                  "(ingested before the rounds; the path index cached by one untimed `path`).",
                  "Before issue 13 (measured the same way): --help 82×, path 80×, person 78× (spaCy, scipy, the "
                  "Neo4j driver and pyvis were imported by every command)."])


if __name__ == "__main__":
    main()
