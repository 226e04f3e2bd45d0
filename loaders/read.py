"""Find article files, detect their encoding and turn them into clean text.

``read_articles(paths)`` yields one :class:`ReadResult` per file: either an
:class:`~graph.model.Article` or the one-line reason it was skipped.
"""
from __future__ import annotations

import codecs
import errno
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from charset_normalizer import from_bytes

from graph.errors import InputError
from graph.model import Article, article_id, normalize_text
from loaders.boilerplate import remove_boilerplate
from loaders.html import html_to_text, markdown_to_text
from loaders.language import detect_language

logger = logging.getLogger(__name__)

#: File endings read as articles, by format.
FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
#: Files larger than this are skipped (an article is rarely over a few hundred kB).
MAX_BYTES = 5 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


#: A run of this many characters without a space is no word (encoded data, separators) and is dropped: the
#: tokenizer's time grows with the square of such a run's length.
MAX_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_CONTROL = {c: f"\\x{c:02x}" for c in [*range(32), *range(0x7F, 0xA0)]}


def shown(path: str | Path) -> str:
    """A path as a message shows it: control characters (line breaks, terminal escapes) written as ``\\xNN``,
    so a file name can neither break a one-line message nor drive the terminal."""
    return str(path).translate(_CONTROL)


@dataclass
class ReadResult:
    """One file: the article read from it, or why it was skipped."""

    path: Path
    article: Article | None = None
    skipped: str | None = None


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every file named or found (recursively, sorted) under the given paths (see :func:`discover_entries`;
    the entries it would skip are left out).

    Raises :class:`InputError` for a path that does not exist.
    """
    return [path for path, reason in discover_entries(paths) if reason is None]


def discover_entries(paths: Iterable[str | Path]) -> list[tuple[Path, str | None]]:
    """Every entry named or found (recursively, sorted) under the given paths, with the reason it will be
    skipped (None for a file to read): FIFOs, sockets and devices, symbolic link loops, dangling links and
    links to folders (not followed). Hidden files and folders are passed over in silence.

    Raises :class:`InputError` for a path that does not exist.
    """
    found: list[tuple[Path, str | None]] = []
    for raw in paths:
        path = Path(raw)
        try:
            path.lstat()
        except OSError:
            raise InputError(f"{shown(raw)}: no such file or directory") from None
        if path.is_dir():
            found.extend(_walk(path))
        else:
            found.append((path, not_a_file(path)))
    return found


def _walk(root: Path) -> Iterator[tuple[Path, str | None]]:
    """The entries under a folder, depth first in name order, without following links to folders."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield root, f"folder not readable ({exc.strerror or exc})"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        else:
            yield path, not_a_file(path)


def not_a_file(path: Path) -> str | None:
    """Why ``path`` is not a regular file (or a link to one) that can be read, else None; nothing is opened."""
    try:
        info = path.lstat()
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISLNK(info.st_mode):
        try:
            target = path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "symbolic link loop"
            return f"dangling symbolic link (to {shown(os.readlink(path))})"
        if stat.S_ISDIR(target.st_mode):
            resolved = path.resolve()
            if resolved == path.parent.resolve() or resolved in path.parent.resolve().parents:
                return "symbolic link loop (it points back to a folder above it)"
            return "symbolic link to a folder (not followed)"
        info = target
    return _kind(info.st_mode)


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "not a regular file (a FIFO)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (a device)"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, checked on the open descriptor (never blocks on a FIFO or a device)."""
    reason = not_a_file(path)
    if reason is not None:
        raise InputError(reason)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        reason = _kind(info.st_mode)
        if reason is not None:
            raise InputError(reason)
        if info.st_size > MAX_BYTES:
            raise InputError(f"too large ({info.st_size} bytes, limit {MAX_BYTES})")
        return handle.read(MAX_BYTES + 1)


def decode(data: bytes, warnings: list[str] | None = None) -> str:
    """Decode article bytes: BOMs first, then strict UTF-8, then UTF-8 mixed with single-byte text, then
    a Western code page when the text reads as one (:func:`western`), then charset detection.

    A note for the reader of a mixed file is appended to ``warnings``. Raises :class:`InputError` for
    binary or undecodable content.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable {encoding} text ({exc.reason})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mixed(data, warnings)
        if text is None:
            encoding = western(data)
            if encoding is not None:
                text = data.decode(encoding)
            else:
                best = from_bytes(data).best()
                if best is None:
                    raise InputError("binary or undecodable content") from None
                text = str(best)
    if _looks_binary(text):
        raise InputError("binary content")
    return text


#: Characters a French, English (or other Western European) text holds beyond ASCII.
_WESTERN = set("àâäáãåæçéèêëíìîïñóòôöõøœùûüúÿýßÀÂÄÁÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØŒÙÛÜÚŸÝ"
               "€£¥$¢°º ª«»‹›‘’‚“”„–—…•·×÷§¶©®™±¹²³½¼¾¡¿\u00a0\u00ad")
#: A sign beyond ASCII inside a word (apostrophes, soft hyphens and the point médian aside).
_SIGN_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f\w\s’‘\u00ad·](?=[^\W\d_])")
#: Bytes cp1252 leaves undefined.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
#: Bytes where iso-8859-15 differs from latin-1: € Š š Ž ž Œ œ Ÿ instead of ¤ ¦ ¨ ´ ¸ ¼ ½ ¾.
_ISO15_BYTES = {0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE}


def western(data: bytes) -> str | None:
    """``"cp1252"``, ``"iso-8859-15"`` or ``"latin-1"`` when the bytes read as Western European text in it
    (almost every byte beyond ASCII an accented letter, a quote, a dash or a currency sign, and a small
    share of the letters), else None. Bytes 0x80-0x9F are cp1252's quotes and dashes; without them,
    iso-8859-15 wins over latin-1 when its € and œ sit where they make sense (beside digits, inside words)."""
    high = [b for b in data if b >= 0x80]
    if not high:
        return None
    if any(0x80 <= b <= 0x9F for b in high):
        if any(b in _CP1252_HOLES for b in high):
            return None
        encoding = "cp1252"
    else:
        encoding = "iso-8859-15" if _iso15_fits(data) else "latin-1"
    text = data.decode(encoding)
    beyond = [c for c in text if ord(c) >= 0x80]
    letters = sum(c.isalpha() for c in text)
    if sum(c in _WESTERN for c in beyond) < 0.95 * len(beyond) or len(beyond) > 0.5 * max(letters, 1):
        return None
    if len(_SIGN_IN_WORD.findall(text)) > 0.05 * len(beyond):  # "Za¿ó³æ": Polish, not French
        return None
    return encoding


def _iso15_fits(data: bytes) -> bool:
    """Whether the bytes where iso-8859-15 and latin-1 differ read better as iso-8859-15."""
    votes = 0
    for i, b in enumerate(data):
        if b not in _ISO15_BYTES:
            continue
        before = chr(data[i - 1]) if i else " "
        after = chr(data[i + 1]) if i + 1 < len(data) else " "
        if b == 0xA4:  # € after or before an amount
            votes += 1 if (before.isdigit() or after.isdigit() or before == " ") else -1
        else:  # a letter inside a word (œ in "cœur", Ÿ, Š, ž)
            votes += 1 if (before.isalpha() or after.isalpha()) else -1
    return votes > 0


def _mixed(data: bytes, warnings: list[str] | None) -> str | None:
    """UTF-8 text with some bytes in another encoding: the UTF-8 parts as they are, the other bytes read
    as cp1252 (U+FFFD where cp1252 has no character), with a warning; None when no UTF-8 sequence of a
    Western letter or sign is there (a text in one legacy code page)."""
    loose = data.decode("utf-8", errors="replace")
    if not any(c in _WESTERN for c in loose if ord(c) >= 0x80):  # "ÔŒ" in cp1252 is UTF-8 for "Ԍ": not enough
        return None
    bad = [0]

    def one(exc: UnicodeDecodeError) -> tuple[str, int]:
        bad[0] += exc.end - exc.start
        return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end

    text = "".join(_decode_each(data, one))
    if warnings is not None:
        warnings.append(f"mixed encodings: {bad[0]} byte(s) that are not UTF-8 were read as cp1252")
    return text


def _decode_each(data: bytes, fallback) -> Iterator[str]:
    """Strict UTF-8 pieces, and ``fallback(error)`` for each undecodable run."""
    start = 0
    while start < len(data):
        try:
            yield data[start:].decode("utf-8")
            return
        except UnicodeDecodeError as exc:
            yield data[start:start + exc.start].decode("utf-8")
            text, end = fallback(UnicodeDecodeError(exc.encoding, data, start + exc.start, start + exc.end,
                                                    exc.reason))
            yield text
            start = end


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return "\x00" in sample or controls > max(2, len(sample) // 100)


def read_article(path: Path) -> Article:
    """Read one file into an Article with clean text; raises :class:`InputError` if it cannot."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unknown file type {path.suffix or '(none)'!r} (expected .txt, .md or .html)")
    try:
        data = _read_bytes(path)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"too large (over {MAX_BYTES} bytes)")
    if not data.strip():
        raise InputError("empty file")
    warnings: list[str] = []
    text = decode(data, warnings)
    for warning in warnings:
        logger.warning("%s: %s", shown(path), warning)
    title = ""
    if fmt == "html":
        title, text = html_to_text(text)
    elif fmt == "markdown":
        # boilerplate lines go before rendering joins them into paragraphs, as in a .txt copy
        title, text = markdown_to_text(remove_boilerplate(normalize_text(text)))
    text = normalize_text(_LONG_RUN.sub(" ", remove_boilerplate(normalize_text(text))))
    if not text:
        raise InputError("no article text left after removing markup and boilerplate")
    if not title:
        title = next((line.strip() for line in text.split("\n") if line.strip()), "")[:200]
    return Article(id=article_id(text), path=str(path), title=title,
                   language=detect_language(text), text=text)


def read_articles(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Read every article under ``paths``; unreadable files come back with a reason, not an exception."""
    for path, reason in discover_entries(paths):
        if reason is not None:
            yield ReadResult(path=path, skipped=reason)
            continue
        try:
            yield ReadResult(path=path, article=read_article(path))
        except InputError as exc:
            logger.debug("skipped %s: %s", path, exc)
            yield ReadResult(path=path, skipped=str(exc))
