"""Reading articles: discovery, encodings, formats and bad input."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import article_id
from loaders.read import MAX_BYTES, decode, discover, read_article, read_articles

FRENCH = "Léa Dubois, cofondatrice d’Atelier Numérique, a rencontré François à Genève l’été dernier."
ENGLISH = "Maya Olsen, the founder of Brightloop, met her first investor at a conference in Boston."


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("cp1252", b""),
    ("latin-1", b""),
])
def test_read_decodes_each_encoding(encoding: str, prefix: bytes) -> None:
    data = prefix + FRENCH.replace("’", "'").encode(encoding)
    assert decode(data) == FRENCH.replace("’", "'")


def test_read_decodes_cp1252_typographic_quotes() -> None:
    assert decode(FRENCH.encode("cp1252") * 3) == FRENCH * 3


@pytest.mark.parametrize("data,reason", [
    (bytes(range(256)) * 8, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"IHDR" * 10, "binary"),
])
def test_read_refuses_binary(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode(data)


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"   \n\n  ", "empty file"),
    ("notes.pdf", b"%PDF-1.4", "unknown file type"),
    ("noext", b"text", "unknown file type"),
    ("image.html", bytes(range(256)) * 8, "binary"),
    ("only-chrome.html", b"<html><body><nav>Home | News | Contact</nav><script>x()</script></body></html>",
     "no article text"),
])
def test_read_article_skips_bad_input(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason):
        read_article(path)


def test_read_article_refuses_oversized(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_article(path)


@pytest.mark.parametrize("name,content,language,title", [
    ("a.txt", f"Une rencontre décisive\n\n{FRENCH}", "fr", "Une rencontre décisive"),
    ("b.md", f"# A decisive meeting\n\n{ENGLISH} *Really*.", "en", "A decisive meeting"),
    ("c.html", f"<html><head><title>Site | Page</title><style>p{{}}</style></head><body><nav>Home | About | Jobs</nav>"
               f"<article><h1>Rencontre</h1><p>{FRENCH}</p></article><footer>© 2024 Le Site</footer></body></html>",
     "fr", "Rencontre"),
    ("d.htm", f"<html><body><main><p>{ENGLISH}</p><script>alert(1)</script></main></body></html>", "en", ""),
])
def test_read_article_formats(tmp_path: Path, name: str, content: str, language: str, title: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    article = read_article(path)
    assert article.language == language
    if title:
        assert article.title == title
    assert ("Léa Dubois" in article.text) or ("Maya Olsen" in article.text)
    for chrome in ("alert(1)", "Home | About", "© 2024", "p{}", "*Really*", "# A"):
        assert chrome not in article.text


def test_read_article_id_ignores_file_name_and_line_endings(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(f"Titre\n\n{FRENCH}\n", encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(f"Titre\r\n\r\n{FRENCH}  \r\n".encode("utf-16"))
    first, second = read_article(tmp_path / "one.txt"), read_article(tmp_path / "two.txt")
    assert first.id == second.id == article_id(first.text)


def test_read_discover_walks_folders_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for rel in ("a.txt", "sub/b.md", "sub/deeper/c.html", ".git/config", "sub/.hidden.txt"):
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a.txt", "sub/b.md", "sub/deeper/c.html"]


def test_read_discover_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        discover([tmp_path / "nowhere"])


def test_read_articles_reports_skips_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    results = list(read_articles([tmp_path]))
    assert [(r.path.name, r.article is not None, r.skipped) for r in results] == [
        ("empty.txt", False, "empty file"), ("good.txt", True, None)]


def test_read_seeds_keep_their_people(seeds_dir: Path) -> None:
    texts = {r.path.name: r.article.text for r in read_articles([seeds_dir])}
    assert len(texts) == 3
    for text in texts.values():
        assert text == text.strip() and "\r" not in text
