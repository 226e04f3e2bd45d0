"""Find article files, detect their encoding and turn them into clean text.

``read_articles(paths)`` yields one :class:`ReadResult` per file: either an
:class:`~graph.model.Article` or the one-line reason it was skipped.
"""
from __future__ import annotations

import codecs
import logging
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


@dataclass
class ReadResult:
    """One file: the article read from it, or why it was skipped."""

    path: Path
    article: Article | None = None
    skipped: str | None = None


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every file named or found (recursively, sorted) under the given paths.

    Raises :class:`InputError` for a path that does not exist.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)))
        else:
            found.append(path)
    return found


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def decode(data: bytes) -> str:
    """Decode article bytes: BOMs first, then strict UTF-8, then charset detection.

    Raises :class:`InputError` for binary or undecodable content.
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
        best = from_bytes(data).best()
        if best is None:
            raise InputError("binary or undecodable content") from None
        text = str(best)
    if _looks_binary(text):
        raise InputError("binary content")
    return text


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
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"too large ({size} bytes, limit {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    if not data.strip():
        raise InputError("empty file")
    text = decode(data)
    title = ""
    if fmt == "html":
        title, text = html_to_text(text)
    elif fmt == "markdown":
        title, text = markdown_to_text(text)
    text = normalize_text(remove_boilerplate(normalize_text(text)))
    if not text:
        raise InputError("no article text left after removing markup and boilerplate")
    if not title:
        title = next((line.strip() for line in text.split("\n") if line.strip()), "")[:200]
    return Article(id=article_id(text), path=str(path), title=title,
                   language=detect_language(text), text=text)


def read_articles(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Read every article under ``paths``; unreadable files come back with a reason, not an exception."""
    for path in discover(paths):
        try:
            yield ReadResult(path=path, article=read_article(path))
        except InputError as exc:
            logger.debug("skipped %s: %s", path, exc)
            yield ReadResult(path=path, skipped=str(exc))
