"""graph.bulk_import: the offline importer (the launcher's import mode) against `push`, on real servers.

Parity: a generated graph pushed into the session's server and the same graph bulk-imported into a
second server answer every query of the Cypher library alike (write times aside).
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Iterator

import pytest

from graph.bulk_import import BulkImportError, MavenImporter, bulk_import, write_files
from graph.model import (KNOWING_KINDS, ORGANIZATION, PERSON, RELATION_TYPES, WORKS_AT, Article, Entity, Evidence,
                         Extraction, Relation)
from graph.neo4j_store import Neo4jSettings, Neo4jStore
from graph.synthetic import synthetic_store
from neo4j_fixture import Neo4jServer, ServerError, _unavailable, canonical, embedded, wipe
from queries import cypher, on_neo4j

PEOPLE, ORGANIZATIONS = 2500, 350
WRITE_TIMES = ("first_seen", "last_seen")


def start(data: Path) -> Neo4jServer:
    server = Neo4jServer(data=data)
    try:
        return server.start()
    except (ServerError, OSError) as exc:
        _unavailable(str(exc))
        raise


@pytest.fixture(scope="module")
def generated():
    return synthetic_store(people=PEOPLE, organizations=ORGANIZATIONS, seed=11)


@pytest.fixture(scope="module")
def pushed(neo4j_settings: Neo4jSettings, generated) -> Iterator[Neo4jStore]:
    db = Neo4jStore.from_settings(neo4j_settings)
    db.verify()
    wipe(db)
    db.push(generated)
    yield db
    db.close()


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory, generated) -> Iterator[Neo4jStore]:
    """The generated graph bulk-imported into a folder whose (empty) database a server created first."""
    data = tmp_path_factory.mktemp("imported")
    start(data).stop()  # `make neo4j` then import: the empty database exists and is replaced
    summary = bulk_import(generated, MavenImporter(data))
    assert (summary.entities, summary.relations) == (len(generated.entities), len(generated.relations))
    server = start(data)
    db = Neo4jStore(server.uri)
    yield db
    db.close()
    server.stop()


def plain(value: Any) -> Any:
    """A query result without write times, order-free where the query does not order."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k not in WRITE_TIMES}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def same_rows(left: list[dict], right: list[dict]) -> None:
    left, right = plain(left), plain(right)
    dump = lambda row: json.dumps(row, sort_keys=True, default=str)
    assert sorted(map(dump, left)) == sorted(map(dump, right))


def params(rng: random.Random, article_ids: list[str], ends: list[str]) -> dict[str, Any]:
    person = lambda: f"person {rng.randrange(PEOPLE)}"
    org = lambda: f"org {rng.randrange(ORGANIZATIONS)}"
    return {"key": rng.choice([person(), org(), "org 0", rng.choice(ends), rng.choice(ends)]), "keys": [person() for _ in range(5)],
            "kinds": list(rng.choice([KNOWING_KINDS, ("KNOWS",), ("WORKS_AT", "FOUNDED")])),
            "types": list(rng.choice([RELATION_TYPES, ("KNOWS", "MENTORED")])), "source": person(),
            "target": rng.choice([person(), org()]), "via_orgs": rng.random() < 0.5,
            "pairs": [[person(), org()], ["org 0", person()], [person(), person()]],
            "ids": rng.sample(article_ids, 5), "label": rng.choice([PERSON, ORGANIZATION, None])}


@pytest.mark.parametrize("name", sorted(cypher.QUERIES))
def test_bulk_import_answers_every_cypher_query_as_push(pushed, imported, generated, name: str) -> None:
    rng = random.Random(name)
    articles = sorted(generated.articles)
    ends = sorted(k for key in generated.relations for k in key[1:])
    answered = 0
    for _ in range(25):
        values = params(rng, articles, ends)
        online = pushed.run_read(cypher.QUERIES[name], values)
        offline = imported.run_read(cypher.QUERIES[name], values)
        if name == "SHORTEST_PATH":  # ANY SHORTEST returns one of the shortest chains: compare lengths
            online, offline = ([len(r["keys"]) for r in rows] for rows in (online, offline))
            assert offline == online
        same_rows(offline, online)
        answered += bool(online)
    assert answered  # not vacuous


@pytest.mark.parametrize("question,names", [
    ("stats", []), ("person", ["person 0", "person 10", "org 0", "org 3"]), ("colleagues", ["person 1", "person 2"]),
    ("investors", ["org 0", "org 5"]), ("founders", ["org 0", "org 7"]), ("portfolio", ["org 1", "person 30"]),
    ("mentors", ["person 4", "person 40"]), ("mentees", ["person 4"]), ("acquisitions", ["org 0", "org 2"]),
])
def test_bulk_import_questions_answer_as_push(pushed, imported, question: str, names: list[str]) -> None:
    call = getattr(on_neo4j, question)
    if not names:
        assert call(imported) == call(pushed)
    for name in names:
        assert plain(call(imported, name)) == plain(call(pushed, name))


def test_bulk_import_pulls_the_same_store(pushed, imported, generated) -> None:
    assert canonical(imported.pull()) == canonical(generated) == canonical(pushed.pull())
    found = {(c["label"], tuple(c["properties"])) for c in imported.constraints()}
    assert found == {("Person", ("key",)), ("Organization", ("key",)), ("Article", ("id",))}


#: Text kept verbatim (list items lose only the unit separator \x1f, the importer's array delimiter).
NASTY = ['Jean "Johnny" O\'Neil; the 2nd', "line one\nline two\r\n", "a,b ,comma \\ back", "Zoë 🚀 創業者", ""]


def nasty_store(directory: Path):
    extractions = []
    for i, text in enumerate(NASTY):
        article = Article(id=f"nasty{i}", path=f"/tmp/{text}.txt", title=text, language="")
        person = Entity(key=f"nasty person {i}", type=PERSON, name=f"P{i} {text}", aliases=[text + " alias"],
                        articles=[article.id])
        org = Entity(key=f"nasty org {i}", type=ORGANIZATION, name=f"Org {i}{text}", articles=[article.id])
        relation = Relation(type=WORKS_AT, source=person.key, target=org.key, props={"role": text, "former": i % 2 == 0},
                            evidence=[Evidence(article.id, text or "(empty title)", 0, len(text))],
                            confidence=0.25 + i / 10)
        extractions.append(Extraction(article=article, entities=[person, org], relations=[relation]))
    return embedded(extractions, directory)


def test_bulk_import_keeps_nasty_strings_and_refuses_a_filled_database(tmp_path: Path) -> None:
    store = nasty_store(tmp_path / "store")
    data = tmp_path / "neo4j"
    bulk_import(store, MavenImporter(data))
    with pytest.raises(BulkImportError, match="not empty.*nothing was changed") as caught:
        bulk_import(synthetic_store(people=20, organizations=5), MavenImporter(data))
    assert "\n" not in str(caught.value)
    server = start(data)
    try:
        with Neo4jStore(server.uri) as db:
            pulled = db.pull()
            assert canonical(pulled) == canonical(store)
            assert pulled.articles["nasty4"].title == "" and pulled.articles["nasty1"].title == NASTY[1]
            # a running server holds the folder: refused too
            with pytest.raises(BulkImportError, match="server running"):
                bulk_import(store, MavenImporter(data))
            assert db.counts()["entities"] == 2 * len(NASTY)
    finally:
        server.stop()


@pytest.mark.parametrize("with_newline", [False, True])
def test_bulk_import_files_ask_multiline_only_when_needed(tmp_path: Path, with_newline: bool) -> None:
    store = synthetic_store(people=30, organizations=5)
    if with_newline:
        next(iter(store.entities.values())).name = "two\nlines"
    files = write_files(store, tmp_path)
    assert files.multiline is with_newline
    assert f"--multiline-fields={'true' if with_newline else 'false'}" in files.options()
    header = (tmp_path / "relationships-1.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith(":START_ID,:END_ID,") and "evidence:string[]" in header
