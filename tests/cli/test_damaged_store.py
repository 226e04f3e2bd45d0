"""Every read command on a store holding rows the model does not know: one line or an answer, never a traceback."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.model import FOUNDED, KNOWS, ORGANIZATION, PERSON, WORKS_AT, Article, Entity, Evidence, Extraction, Relation
from graph.store import GraphStore


@pytest.fixture(scope="module")
def odd_store(tmp_path_factory) -> Path:
    """A small store, then a relation and an entity of types the model does not know, written into it as another
    program would."""
    folder = tmp_path_factory.mktemp("odd") / "store"
    store = GraphStore.open(folder)
    article = Article(id="a1", path="a1.txt", title="A1", language="en")
    people = [Entity("ada lovelace", PERSON, "Ada Lovelace"), Entity("bob stone", PERSON, "Bob Stone"),
              Entity("acme", ORGANIZATION, "Acme"), Entity("zeta", ORGANIZATION, "Zeta")]
    ev = [Evidence("a1", "Ada Lovelace founded Acme.", 0, 26)]
    relations = [Relation(FOUNDED, "ada lovelace", "acme", evidence=ev, confidence=0.9),
                 Relation(WORKS_AT, "bob stone", "acme", props={"role": "CTO"}, evidence=ev, confidence=0.8),
                 Relation(KNOWS, "ada lovelace", "bob stone", evidence=ev, confidence=0.7),
                 Relation("INVESTED_IN", "zeta", "acme", props={"amount": 5}, evidence=ev, confidence=0.8)]
    store.add(Extraction(article=article, entities=people, relations=relations))
    store.save()
    store.close()
    with sqlite3.connect(folder / "graph.db") as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "relations" in tables
        updated = db.execute("UPDATE relations SET type = 'HATES' WHERE type = 'KNOWS'").rowcount
        assert updated == 1
        assert db.execute("UPDATE entities SET type = 'Robot' WHERE key = 'zeta'").rowcount == 1
    return folder


COMMANDS = [
    ["stats"], ["stats", "--json"],
    ["path", "Ada Lovelace", "Bob Stone"], ["path", "Ada Lovelace", "Acme", "--via-orgs", "--all"],
    ["path", "Ada Lovelace", "Bob Stone", "--json"],
    ["who-knows", "Ada Lovelace"], ["who-knows", "Ada Lovelace", "--hops", "2", "--json"],
    ["intro", "Ada Lovelace", "Bob Stone"], ["person", "Ada Lovelace"], ["person", "Bob Stone", "--json"],
    ["mentors", "Ada Lovelace"], ["investors", "Acme"], ["portfolio", "Zeta"], ["founders", "Acme"],
    ["acquisitions", "Acme"], ["colleagues", "Bob Stone"], ["brokers"], ["communities"],
    ["export", "--format", "json", "-o", "-"], ["export", "--format", "graphml", "-o", "-"],
    ["export", "--format", "gexf", "-o", "-"], ["export", "--format", "csv", "-o", "{tmp}/csv"],
    ["viz", "-o", "-"], ["viz", "--around", "Ada Lovelace", "-o", "-"],
    ["viz", "--path", "Ada Lovelace", "Bob Stone", "-o", "-"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_damaged_store_every_read_command_answers_or_says_so_in_one_line(odd_store: Path, tmp_path: Path,
                                                                         args: list[str]) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(cli, [*args, "--store", str(odd_store)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1, result.output
        assert "HATES" in result.stderr or "Robot" in result.stderr or "type" in result.stderr
