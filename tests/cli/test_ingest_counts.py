"""``ingest`` counts what it really wrote: an ingest that waited for another one's lock reports its work."""
from __future__ import annotations

import fcntl
import subprocess
import sys
from pathlib import Path

from graph.model import Extraction
from graph.store import GraphStore
from loaders.read import read_article

ARTICLES = {
    "a.txt": "Claire Martin a fondé Octavia, une startup lyonnaise, en 2019.",
    "b.txt": "Paul Girard travaille chez Octavia comme directeur technique.",
    "c.txt": "Sophie Bernard a rencontré Claire Martin à Paris.",
}
FOUNDERGRAPH = Path(sys.executable).with_name("foundergraph")


def waiting_for_a_lock(pid: int) -> bool:
    """Whether process ``pid`` is blocked on a file lock (a ``->`` line of /proc/locks)."""
    return any("->" in line and f" {pid} " in line for line in Path("/proc/locks").read_text().splitlines())


def test_ingest_counts_only_what_it_wrote_after_waiting_for_the_lock(tmp_path: Path) -> None:
    folder, store_dir = tmp_path / "in", tmp_path / "store"
    folder.mkdir()
    store_dir.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with open(store_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another ingest is writing
        ingest = subprocess.Popen([str(FOUNDERGRAPH), "ingest", str(folder), "--store", str(store_dir), "-q"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while not waiting_for_a_lock(ingest.pid):
            assert ingest.poll() is None, ingest.communicate()
        other = GraphStore(store_dir)  # ... and stores the same articles before letting go
        for path in sorted(folder.iterdir()):
            other.add(Extraction(article=read_article(path)))
        other.save()
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, err = ingest.communicate()
    assert ingest.returncode == 0, err
    assert out.startswith("articles: 0 added, 3 already stored, 0 skipped\nentities: 0 added (0 in store)\n")
    assert GraphStore.open(store_dir).counts()["articles"] == 3
