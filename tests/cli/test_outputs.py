"""``viz -o`` and ``export -o`` never damage what is at the target: stores, links, devices, FIFOs, files."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from browser.samples import chain_store
from foundergraph.cli import cli
from graph.store import GraphStore

#: The command line of each writer, with the output path last.
WRITERS = {
    "viz": ["viz", "-o"],
    "graphml": ["export", "--format", "graphml", "-o"],
    "json": ["export", "--format", "json", "-o"],
}


@pytest.fixture
def store(store_dir: Path) -> Path:
    chain_store(store_dir, length=4, extra=1)
    return store_dir


def run(store: Path, writer: str, target: str, *extra: str):
    return CliRunner().invoke(cli, [*WRITERS[writer], target, "--store", str(store), *extra])


def digest(folder: Path) -> dict[str, str]:
    """Every entry of a folder (not following links) and what it holds."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            out[str(path)] = "link:" + os.readlink(path)
        elif path.is_file():
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[str(path)] = "other"
    return out


def contents(store: Path) -> tuple:
    """What a store holds, and the names of the files in its folder (SQLite's -wal/-shm aside)."""
    names = sorted(p.name for p in store.rglob("*") if not p.name.endswith(("-wal", "-shm")))
    return GraphStore.open(store).to_dict(), names


def assert_refused(result, words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert words in result.output


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("name", ["graph.db", "graph.db-wal", "graph.html", "sub/graph.html"])
def test_outputs_refuse_any_path_inside_the_store(store: Path, writer: str, name: str) -> None:
    before = contents(store)
    result = run(store, writer, str(store / name), "--force")
    assert_refused(result, "store folder")
    assert contents(store) == before
    assert CliRunner().invoke(cli, ["stats", "--store", str(store)]).exit_code == 0


@pytest.mark.parametrize("writer", WRITERS)
def test_outputs_refuse_another_store_folder(store: Path, tmp_path: Path, writer: str) -> None:
    other = tmp_path / "other"
    chain_store(other, length=2)
    before = contents(other)
    assert_refused(run(store, writer, str(other / "graph.html"), "--force"), "store folder")
    assert contents(other) == before


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("link_to", ["real.html", "missing.html"])
def test_outputs_refuse_a_symlink(store: Path, tmp_path: Path, writer: str, link_to: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "real.html").write_text("keep me", encoding="utf-8")
    (out / "link.html").symlink_to(out / link_to)
    before = digest(out)
    assert_refused(run(store, writer, str(out / "link.html"), "--force"), "symbolic link")
    assert digest(out) == before


@pytest.mark.parametrize("writer", WRITERS)
def test_outputs_refuse_a_fifo_without_opening_it(store: Path, tmp_path: Path, writer: str) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    assert_refused(run(store, writer, str(fifo), "--force"), "not a regular file")
    assert fifo.is_fifo()


@pytest.mark.parametrize("writer", WRITERS)
def test_outputs_refuse_a_device(store: Path, writer: str) -> None:
    assert_refused(run(store, writer, "/dev/null", "--force"), "not a regular file")
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize("writer", WRITERS)
def test_outputs_replace_an_existing_file_only_with_force(store: Path, tmp_path: Path, writer: str) -> None:
    target = tmp_path / "out.file"
    target.write_text("keep me", encoding="utf-8")
    assert_refused(run(store, writer, str(target)), "--force")
    assert target.read_text(encoding="utf-8") == "keep me"
    result = run(store, writer, str(target), "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") != "keep me"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "store") == ["out.file"]  # no temp file left


@pytest.mark.parametrize("writer,start", [("viz", "<!DOCTYPE html>"), ("graphml", "<?xml"), ("json", "{")])
def test_outputs_dash_writes_to_stdout(store: Path, tmp_path: Path, writer: str, start: str) -> None:
    result = run(store, writer, "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith(start)
    assert not (Path.cwd() / "-").exists()


def test_outputs_csv_refuses_dash_links_and_existing_files(store: Path, tmp_path: Path) -> None:
    def csv(target: Path | str, *extra: str):
        return CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(target), "--store", str(store), *extra])
    assert_refused(csv("-"), "folder")
    folder = tmp_path / "import"
    assert csv(folder).exit_code == 0
    before = digest(folder)
    assert_refused(csv(folder), "--force")
    assert digest(folder) == before
    assert csv(folder, "--force").exit_code == 0
    (tmp_path / "linked").symlink_to(folder)
    assert_refused(csv(tmp_path / "linked", "--force"), "symbolic link")
    os.unlink(folder / "people.csv")
    os.mkfifo(folder / "people.csv")
    assert_refused(csv(folder, "--force"), "not a regular file")
