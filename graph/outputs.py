"""Writing a command's output file (``viz -o``, ``export -o``) without ever damaging what is there.

A target is refused, in one line and before anything is written, when it is a symlink, an existing
file that is not a regular file (device, FIFO, socket, folder), an existing file without ``force``, or
a path inside a store folder (one holding ``graph.db`` or ``graph.json``, or the store in use). The
file is written to a temporary file in the target's folder and renamed over the target, so a reader
never sees half a file and a failed write leaves the old one. ``-`` means standard output.
"""
from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Callable

from graph.errors import FoundergraphError

STDOUT = "-"
_STORE_FILES = ("graph.db", "graph.json")


class OutputError(FoundergraphError):
    """An output path that would overwrite something it must not."""


def is_stdout(path: Path | str) -> bool:
    return str(path) == STDOUT


def _store_folder(folder: Path, store_dir: Path | None) -> Path | None:
    """The store folder ``folder`` is (or is inside), if any."""
    resolved = folder.resolve()
    if store_dir is not None:
        store = Path(store_dir).resolve()
        if resolved == store or store in resolved.parents:
            return store
    for candidate in (resolved, *resolved.parents):
        if any((candidate / name).exists() for name in _STORE_FILES):
            return candidate
    return None


def check_file(path: Path, force: bool = False, store_dir: Path | None = None) -> None:
    """Raise :class:`OutputError` unless ``path`` may be (re)written as a regular file."""
    store = _store_folder(path.parent, store_dir)
    if store is not None:
        raise OutputError(f"refused to write {path}: it is inside the store folder {store}; choose another path")
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"refused to write {path}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(f"refused to write {path}: it is a symbolic link; name the file itself")
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a device, FIFO or socket)"
        raise OutputError(f"refused to write {path}: it is {kind}")
    if not force:
        raise OutputError(f"refused to write {path}: it exists; pass --force to replace it")


def check_folder(folder: Path, names: list[str], force: bool = False, store_dir: Path | None = None) -> None:
    """Raise :class:`OutputError` unless the files ``names`` may be written in ``folder``."""
    try:
        info = folder.lstat()
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise OutputError(f"refused to write in {folder}: it is a symbolic link; name the folder itself")
    if info is not None and not stat.S_ISDIR(info.st_mode):
        raise OutputError(f"refused to write in {folder}: it exists and is not a folder")
    store = _store_folder(folder, store_dir)
    if store is not None:
        raise OutputError(f"refused to write in {folder}: it is inside the store folder {store}; choose another folder")
    for name in names:
        check_file(folder / name, force, store_dir)


def write_file(path: Path, write: Callable[[Path], None], force: bool = False, store_dir: Path | None = None) -> None:
    """Check ``path`` (:func:`check_file`), let ``write`` fill a temporary file in its folder, rename it over
    ``path``. ``-`` copies what ``write`` wrote to standard output instead."""
    if is_stdout(path):
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder) / "out"
            write(tmp)
            with tmp.open("rb") as data:
                sys.stdout.flush()
                shutil.copyfileobj(data, sys.stdout.buffer)
                sys.stdout.buffer.flush()
        return
    check_file(path, force, store_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o666 & ~umask)
    try:
        write(tmp)
        check_file(path, force, store_dir)  # nothing took its place meanwhile
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
