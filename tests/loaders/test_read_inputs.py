"""Reading hostile and unusual input: legacy code pages, mixed encodings, non-regular files, links, deep HTML."""
from __future__ import annotations

import logging
import os
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.errors import InputError
from loaders.read import decode, discover_entries, read_article, western

#: Every accented letter French writes, upper and lower case, and the euro sign.
LETTERS = "àâäæçéèêëîïôœùûüÿ ÀÂÄÆÇÉÈÊËÎÏÔŒÙÛÜŸ"
PARAGRAPH = ("Frédéric Lefèvre, cofondateur de Crêperie Numérique, a rencontré Hélène Müller où ça ? "
             "À Noël, près du lycée ; l'été dernier, son cœur d'entrepreneur a parlé : « déjà 100 € levés », "
             "dit-elle, naïve et ambiguë. Lettres : " + LETTERS + " et 250 € de plus.")
#: What latin-1 can hold: no œ, Œ, Ÿ or €.
LATIN1 = PARAGRAPH.replace("œ", "oe").replace("Œ", "OE").replace("Ÿ", "Y").replace("€", "EUR")


@pytest.mark.parametrize("encoding,text", [
    ("cp1252", PARAGRAPH),
    ("iso-8859-15", PARAGRAPH),
    ("latin-1", LATIN1),
    ("cp1252", LATIN1),
])
def test_read_inputs_french_in_each_western_code_page(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    assert read_article(path).text == text


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "iso-8859-15"])
def test_read_inputs_seeds_saved_in_a_western_code_page_read_the_same(seeds_dir: Path, tmp_path: Path,
                                                                       encoding: str) -> None:
    for seed in sorted(seeds_dir.glob("*.txt")):
        data = seed.read_text(encoding="utf-8").encode(encoding, errors="ignore")
        assert decode(data) == data.decode(encoding)
        assert "ť" not in decode(data) and "ů" not in decode(data)


@pytest.mark.parametrize("text,codec", [("Привет мир, это статья о стартапе", "cp1251"),
                                        ("Zażółć gęślą jaźń, powiedział Łukasz", "cp1250")])
def test_read_inputs_other_code_pages_are_not_taken_for_western(text: str, codec: str) -> None:
    assert western(text.encode(codec)) is None


def test_read_inputs_mixed_utf8_and_latin1_is_decoded_with_a_warning(tmp_path: Path, caplog) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Frédéric Lefèvre a fondé Acme. ".encode("utf-8") + "Hélène où l'été".encode("latin-1")
                     + " déjà.".encode("utf-8"))
    with caplog.at_level(logging.WARNING, logger="loaders.read"):
        article = read_article(path)
    assert article.text == "Frédéric Lefèvre a fondé Acme. Hélène où l'été déjà."
    assert any("mixed encodings" in r.getMessage() and "mixed.txt" in r.getMessage() for r in caplog.records)


def test_read_inputs_decode_mixed_notes_the_bytes() -> None:
    warnings: list[str] = []
    assert decode("é".encode() + b" \xe9t\xe9", warnings) == "é été"
    assert warnings == ["mixed encodings: 2 byte(s) that are not UTF-8 were read as cp1252"]


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    """A folder with one good article and every kind of entry that is not one."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(PARAGRAPH, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "link.txt").symlink_to(folder / "good.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    yield folder
    sock.close()


def test_read_inputs_every_odd_entry_has_its_reason(odd_folder: Path) -> None:
    reasons = {p.name: r for p, r in discover_entries([odd_folder])}
    assert reasons == {
        "dangling.txt": f"dangling symbolic link (to {odd_folder / 'nowhere.txt'})",
        "good.txt": None, "link.txt": None,
        "loop-a.txt": "symbolic link loop", "loop-b.txt": "symbolic link loop", "self.txt": "symbolic link loop",
        "pipe.txt": "not a regular file (a FIFO)", "sock.txt": "not a regular file (a socket)",
        "up": "symbolic link loop (it points back to a folder above it)",
    }


@pytest.mark.parametrize("name,reason", [("pipe.txt", "FIFO"), ("sock.txt", "socket"), ("self.txt", "loop"),
                                         ("loop-a.txt", "loop"), ("dangling.txt", "dangling")])
def test_read_inputs_a_non_file_named_alone_is_refused_without_opening(odd_folder: Path, name: str,
                                                                       reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_article(odd_folder / name)
    result = CliRunner().invoke(cli, ["extract", str(odd_folder / name)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert reason in result.stderr and "no such file" not in result.stderr


def test_read_inputs_a_device_is_refused_without_reading() -> None:
    with pytest.raises(InputError, match="device"):
        read_article(Path("/dev/zero.txt") if Path("/dev/zero.txt").exists() else _device_link())


def _device_link() -> Path:
    import tempfile
    link = Path(tempfile.mkdtemp()) / "zero.txt"
    link.symlink_to("/dev/zero")
    return link


def test_read_inputs_cli_reports_each_skipped_entry_in_one_line(odd_folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(odd_folder), "--store", str(tmp_path / "store"), "-q"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    for name, words in [("pipe.txt", "FIFO"), ("sock.txt", "socket"), ("loop-a.txt", "symbolic link loop"),
                        ("loop-b.txt", "symbolic link loop"), ("self.txt", "symbolic link loop"),
                        ("up", "symbolic link loop"), ("dangling.txt", "dangling symbolic link")]:
        assert sum(name in line and words in line for line in lines) == 1, (name, lines)
    assert len(lines) == 7
    assert "articles: 1 added, 1 already stored, 7 skipped" in result.stdout


@pytest.mark.parametrize("depth", [300, 3000, 10000])
def test_read_inputs_deep_html_keeps_its_text(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body><article><p>Frédéric Lefèvre a fondé Acme.</p>" + "<div>" * depth
                    + "<script>alert(1)</script>Hélène Müller a rejoint Acme." + "</div>" * depth
                    + "</article></body></html>", encoding="utf-8")
    text = " ".join(read_article(path).text.split())
    assert text == "Frédéric Lefèvre a fondé Acme. Hélène Müller a rejoint Acme."


@pytest.mark.parametrize("folder", ["seeds", "tests/loaders/data/dev"])
def test_read_inputs_md_and_txt_copies_share_their_id(tmp_path: Path, folder: str) -> None:
    root = Path(__file__).resolve().parents[2] / folder
    for source in sorted(root.glob("*.txt")):
        shutil.copy(source, tmp_path / f"{source.stem}.md")
        assert read_article(tmp_path / f"{source.stem}.md").id == read_article(source).id, source.name
