"""The embedded store's file: one SQLite database, its schema, and the rows in and out of it.

Schema (``graph.db``)::

    meta(name PRIMARY KEY, value)              format, version, store id, generation
    articles(id PRIMARY KEY, path, title, language)
    entities(id INTEGER PRIMARY KEY, key UNIQUE, type, name, aliases JSON, articles JSON, type_votes JSON)
    names(name_key, entity -> entities.id)     the key of an entity's name and of each alias
    relations(id INTEGER PRIMARY KEY, type, source -> entities.id, target -> entities.id,
              props JSON, confidence, evidence JSON [[article_id, sentence, start, end], ...])

Relations point at entities by integer id, so the path index is built from three integer columns
without touching a string. ``generation`` grows with every committed write: with the store id it
stamps caches derived from the file (the path index). Every statement is parameterized.

:class:`StoreFile` is only the file: :class:`graph.store.GraphStore` decides what to read and write.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from graph.errors import StoreError
from graph.gc_pause import paused_gc
from graph.model import (PERSON, RELATION_TYPES, UNDIRECTED_TYPES, Article, Entity, Evidence, Relation,
                         entity_key)

if TYPE_CHECKING:
    import numpy as np

FORMAT = "foundergraph"
VERSION = 2
#: Rows decoded together when the whole graph is read.
BATCH = 20_000
#: At most this many keys per ``IN (...)`` list.
CHUNK = 400
#: How long a writer waits for another one, or a reader for a commit, before giving up.
BUSY_TIMEOUT_S = 60.0

#: Secondary indexes, by name: dropped and made again around a bulk write (faster than keeping them up to date).
_INDEXES = {
    "names_by_entity": "CREATE INDEX names_by_entity ON names (entity)",
    "relations_by_ends": "CREATE INDEX relations_by_ends ON relations (source, target, type)",
    "relations_by_target": "CREATE INDEX relations_by_target ON relations (target)",
}

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, language TEXT NOT NULL);
CREATE TABLE entities (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL, name TEXT NOT NULL,
                       aliases TEXT NOT NULL, articles TEXT NOT NULL, type_votes TEXT);
CREATE TABLE relations (id INTEGER PRIMARY KEY, type TEXT NOT NULL, source INTEGER NOT NULL, target INTEGER NOT NULL,
                        props TEXT NOT NULL, confidence REAL NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE names (name_key TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY (name_key, entity)) WITHOUT ROWID;
""" + "".join(f"{statement};\n" for statement in _INDEXES.values())

_TABLES = {"meta", "articles", "entities", "names", "relations"}


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dumps(value: Any) -> str:
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    return _ENCODER.encode(value)


def _entity_row(entity: Entity) -> tuple:
    return (entity.key, entity.type, entity.name, _dumps(entity.aliases), _dumps(entity.articles),
            _dumps(entity.type_votes) if entity.type_votes else None)


def _entity(key: str, etype: str, name: str, aliases: str, articles: str, votes: str | None) -> Entity:
    return Entity(key=key, type=etype, name=name, aliases=json.loads(aliases), articles=json.loads(articles),
                  type_votes=json.loads(votes) if votes else {})


def _evidence_json(relation: Relation) -> str:
    return _dumps([[e.article_id, e.sentence, e.start, e.end] for e in relation.evidence])


def evidence_dicts(evidence: str | list) -> list[dict[str, Any]]:
    """The stored evidence column (its text, or that text decoded) as the dicts of :meth:`Evidence.to_dict`."""
    rows = json.loads(evidence) if isinstance(evidence, str) else evidence
    return [{"article_id": a, "sentence": s, "start": start, "end": end} for a, s, start, end in rows]


def _relation(rtype: str, source: str, target: str, props: str, confidence: float, evidence: str) -> Relation:
    return Relation(type=rtype, source=source, target=target, props=json.loads(props), confidence=confidence,
                    evidence=[Evidence(a, s, start, end) for a, s, start, end in json.loads(evidence)])


class StoreFile:
    """An open ``graph.db``: checked on opening, read in snapshots, written in transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from None
        self._check()

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> "StoreFile":
        """A new empty store at ``path``, made aside and linked into place (an existing file is kept)."""
        fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".db", dir=path.parent)
        os.close(fd)
        try:
            fresh = sqlite3.connect(tmp, isolation_level=None)
            try:
                fresh.execute("PRAGMA journal_mode=WAL")
                fresh.executescript(f"BEGIN; {SCHEMA} COMMIT;")
                fresh.executemany("INSERT INTO meta (name, value) VALUES (?, ?)",
                                  [("format", FORMAT), ("version", str(VERSION)), ("store_id", uuid.uuid4().hex),
                                   ("generation", "0")])
                fresh.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                fresh.close()
            try:
                os.link(tmp, path)  # never replaces a file that appeared meanwhile
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links
                if not path.exists():
                    os.replace(tmp, path)
        finally:
            for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
                Path(leftover).unlink(missing_ok=True)
        return cls(path)

    def _check(self) -> None:
        problem = f"{self.path} is not a foundergraph store; move it away or choose another --store"
        try:
            tables = {row[0] for row in self.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not _TABLES <= tables:
                raise StoreError(problem)
            meta = dict(self.connection.execute("SELECT name, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"{self.path} is not a readable foundergraph store ({exc}); "
                             "move it away or choose another --store") from None
        except StoreError:
            self.close()
            raise
        if meta.get("format") != FORMAT:
            self.close()
            raise StoreError(problem)
        if meta.get("version") != str(VERSION):
            self.close()
            raise StoreError(f"{self.path} has store version {meta.get('version')}, expected {VERSION}")
        self.connection.execute("PRAGMA synchronous=NORMAL")

    def close(self) -> None:
        self.connection.close()

    # -- transactions ----------------------------------------------------------------------------
    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that see one committed state, whatever writers do meanwhile."""
        if self.connection.in_transaction:
            yield self.connection
            return
        self._run("BEGIN")
        try:
            yield self.connection
        finally:
            self.connection.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write: all of it is committed (and the generation grows), or none of it."""
        self._run("BEGIN IMMEDIATE")
        try:
            yield self.connection
            self.connection.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'generation'")
            self.connection.execute("COMMIT")
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise

    def _run(self, sql: str) -> None:
        try:
            self.connection.execute(sql)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"the store {self.path} is busy or unreadable: {exc}") from None

    def fingerprint(self) -> str:
        """The store id and generation: changes with every committed write."""
        meta = dict(self.connection.execute("SELECT name, value FROM meta WHERE name IN ('store_id', 'generation')"))
        return f"{meta['store_id']}:{meta['generation']}"

    # -- reading ---------------------------------------------------------------------------------
    def counts(self) -> tuple[int, int, int]:
        """Articles, entities and relations stored."""
        with self.snapshot() as db:
            return tuple(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
                         for table in ("articles", "entities", "relations"))

    def has_article(self, article_id: str) -> bool:
        return self.connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article(self, article_id: str) -> Article | None:
        row = self.connection.execute("SELECT id, path, title, language FROM articles WHERE id = ?",
                                      (article_id,)).fetchone()
        return Article(*row) if row else None

    def articles(self) -> Iterator[Article]:
        for aid, path, title, language in self.connection.execute(
                "SELECT id, path, title, language FROM articles ORDER BY id"):
            yield Article(id=aid, path=path, title=title, language=language)

    def entities(self) -> Iterator[Entity]:
        """Every entity, in key order (JSON columns decoded in batches)."""
        cursor = self.connection.execute(
            "SELECT key, type, name, aliases, articles, type_votes FROM entities ORDER BY key")
        while batch := cursor.fetchmany(BATCH):
            aliases, articles = _decode([row[3] for row in batch]), _decode([row[4] for row in batch])
            for (key, etype, name, _, _, votes), alias_list, article_list in zip(batch, aliases, articles):
                yield Entity(key=key, type=etype, name=name, aliases=alias_list, articles=article_list,
                             type_votes=json.loads(votes) if votes else {})

    def alias_keys(self) -> dict[str, str]:
        """Each name or alias key -> the smallest key of the entities it names (what
        :class:`graph.identity.EntityIndex` computes when given the entities in key order)."""
        return dict(self.connection.execute(
            "SELECT n.name_key, min(e.key) FROM names n JOIN entities e ON e.id = n.entity GROUP BY n.name_key"))

    def entity(self, key: str) -> Entity | None:
        row = self.connection.execute("SELECT key, type, name, aliases, articles, type_votes FROM entities "
                                      "WHERE key = ?", (key,)).fetchone()
        return _entity(*row) if row else None

    def names(self, entity_type: str | None = None) -> Iterator[tuple[str, str, str, list[str]]]:
        """``(key, type, name, aliases)`` of every entity (of one type): what a typed name is matched against."""
        sql = "SELECT key, type, name, aliases FROM entities"
        rows = self.connection.execute(sql + " WHERE type = ?", (entity_type,)) if entity_type else \
            self.connection.execute(sql)
        for key, etype, name, aliases in rows:
            yield key, etype, name, json.loads(aliases)

    def keys_named(self, name_key: str, entity_type: str | None = None) -> list[str]:
        """Keys of the entities whose name or an alias has the key ``name_key`` (of one type), sorted."""
        rows = self.connection.execute("SELECT e.key, e.type FROM names n JOIN entities e ON e.id = n.entity "
                                       "WHERE n.name_key = ?", (name_key,))
        return sorted(key for key, etype in rows if not entity_type or etype == entity_type)

    def entities_by_keys(self, keys: list[str]) -> Iterator[Entity]:
        """The stored entities among ``keys`` (at most :data:`CHUNK` keys)."""
        marks = ",".join("?" * len(keys))
        rows = self.connection.execute("SELECT key, type, name, aliases, articles, type_votes FROM entities "
                                       f"WHERE key IN ({marks})", keys)  # noqa: S608 (placeholders only)
        for row in rows:
            yield _entity(*row)

    def articles_by_ids(self, ids: list[str]) -> Iterator[Article]:
        """The stored articles among ``ids`` (at most :data:`CHUNK` ids)."""
        marks = ",".join("?" * len(ids))
        for row in self.connection.execute(f"SELECT id, path, title, language FROM articles WHERE id IN ({marks})",  # noqa: S608
                                           ids):
            yield Article(*row)

    def incident_rows(self, keys: list[str]) -> list[tuple[str, str, str, str, float, str]]:
        """``(type, source key, target key, props, confidence, evidence)`` of every relation from or to one of
        the entities ``keys`` (at most :data:`CHUNK` keys), in insertion order."""
        marks = ",".join("?" * len(keys))
        chosen = f"SELECT id FROM entities WHERE key IN ({marks})"
        sql = ("SELECT r.type, s.key, t.key, r.props, r.confidence, r.evidence FROM relations r "
               "JOIN entities s ON s.id = r.source JOIN entities t ON t.id = r.target WHERE r.id IN "
               f"(SELECT id FROM relations WHERE source IN ({chosen}) "
               f"UNION SELECT id FROM relations WHERE target IN ({chosen})) ORDER BY r.id")
        return self.connection.execute(sql, [*keys, *keys]).fetchall()  # noqa: S608 (placeholders only)

    def keys_by_id(self) -> list[str | None]:
        """Entity keys indexed by their row id (None for ids not in use)."""
        top = self.connection.execute("SELECT coalesce(max(id), 0) FROM entities").fetchone()[0]
        keys: list[str | None] = [None] * (top + 1)
        for eid, key in self.connection.execute("SELECT id, key FROM entities"):
            keys[eid] = key
        return keys

    def relation_rows(self) -> Iterator[tuple[str, int, int, str, float, str]]:
        """``(type, source id, target id, props, confidence, evidence)`` of every relation, in insertion order."""
        return self.connection.execute(
            "SELECT type, source, target, props, confidence, evidence FROM relations ORDER BY id")

    def node_rows(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(key, {type, name, aliases, articles})`` of every entity in key order, JSON decoded in batches."""
        cursor = self.connection.execute("SELECT key, type, name, aliases, articles FROM entities ORDER BY key")
        while batch := cursor.fetchmany(BATCH):
            aliases, articles = _decode([row[3] for row in batch]), _decode([row[4] for row in batch])
            for (key, etype, name, *_), alias_list, article_list in zip(batch, aliases, articles):
                yield key, {"type": etype, "name": name, "aliases": alias_list, "articles": article_list}

    def edge_rows(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """``(source key, target key, type, {type, props, confidence, evidence})`` of every relation whose
        ends are stored, in insertion order, JSON decoded in batches (evidence as :meth:`Evidence.to_dict`)."""
        keys = self.keys_by_id()
        cursor = self.relation_rows()
        while batch := cursor.fetchmany(BATCH):
            props, evidence = _decode([row[3] for row in batch]), _decode([row[5] for row in batch])
            for (rtype, source, target, _, confidence, _), prop, found in zip(batch, props, evidence):
                if _known(keys, source) and _known(keys, target):
                    yield keys[source], keys[target], rtype, {
                        "type": rtype, "props": prop, "confidence": confidence, "evidence": evidence_dicts(found)}

    def relations(self) -> Iterator[Relation]:
        with self.snapshot():
            keys = self.keys_by_id()
            for rtype, source, target, props, confidence, evidence in self.relation_rows():
                if _known(keys, source) and _known(keys, target):
                    yield _relation(rtype, keys[source], keys[target], props, confidence, evidence)

    def relation(self, key: tuple[str, str, str]) -> Relation | None:
        """The relation stored under a relation key (either direction for undirected types)."""
        found = self._relation_row(key)
        return _relation(*found[1:]) if found else None

    def _relation_row(self, key: tuple[str, str, str]) -> tuple | None:
        rtype, a, b = key
        sql = ("SELECT r.id, r.type, s.key, t.key, r.props, r.confidence, r.evidence FROM relations r "
               "JOIN entities s ON s.id = r.source JOIN entities t ON t.id = r.target "
               "WHERE r.type = ? AND s.key = ? AND t.key = ?")
        row = self.connection.execute(sql, (rtype, a, b)).fetchone()
        if row is None and rtype in UNDIRECTED_TYPES and a != b:
            row = self.connection.execute(sql, (rtype, b, a)).fetchone()
        return row

    def index_arrays(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
        """What the path index needs, straight from the rows: the sorted entity keys, "is a person" per key,
        each relation's endpoint positions among the keys and its type bit, and the number of relations.

        Relations whose endpoints are not stored get position -1.
        """
        import numpy as np  # the path index only: other questions never load numpy

        with self.snapshot() as db, paused_gc():
            ids, keys, persons = [], [], []
            for eid, key, etype in db.execute("SELECT id, key, type FROM entities ORDER BY key"):
                ids.append(eid)
                keys.append(key)
                persons.append(etype == PERSON)
            ids_array = np.array(ids, dtype=np.int64)
            position = np.full(int(ids_array.max()) + 1 if len(ids) else 1, -1, dtype=np.int64)
            position[ids_array] = np.arange(len(ids), dtype=np.int64)
            count = db.execute("SELECT count(*) FROM relations").fetchone()[0]
            cases = " ".join("WHEN ? THEN ?" for _ in RELATION_TYPES)
            params = [v for i, t in enumerate(RELATION_TYPES) for v in (t, 1 << i)]
            rows = db.execute(f"SELECT source, target, CASE type {cases} ELSE 0 END FROM relations",  # noqa: S608
                              params)
            table = np.fromiter(rows, dtype=[("s", np.int64), ("t", np.int64), ("b", np.uint8)], count=count)
        top = len(position) - 1
        source = np.where(table["s"] <= top, position[np.minimum(table["s"], top)], -1)
        target = np.where(table["t"] <= top, position[np.minimum(table["t"], top)], -1)
        return keys, np.array(persons, dtype=bool), source, target, table["b"], count

    # -- writing (inside :meth:`transaction`) ----------------------------------------------------
    def replace_all(self, articles: Iterable[Article], entities: Iterable[Entity],
                    relations: Iterable[Relation]) -> None:
        """Make the store hold exactly these (entities get ids 1.. in key order)."""
        db = self.connection
        for name in _INDEXES:
            db.execute(f"DROP INDEX IF EXISTS {name}")  # noqa: S608 (fixed names)
        for table in ("relations", "names", "entities", "articles"):
            db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
        self.upsert_articles(articles)
        ordered = sorted(entities, key=lambda e: e.key)
        db.executemany("INSERT INTO entities (id, key, type, name, aliases, articles, type_votes) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", ((i, *_entity_row(e)) for i, e in enumerate(ordered, 1)))
        db.executemany("INSERT OR IGNORE INTO names (name_key, entity) VALUES (?, ?)",
                       ((name_key, i) for i, e in enumerate(ordered, 1) for name_key in _name_keys(e)))
        ids = {e.key: i for i, e in enumerate(ordered, 1)}
        rows = ((r.type, ids[r.source], ids[r.target], _dumps(r.props), r.confidence, _evidence_json(r))
                for r in relations if r.source in ids and r.target in ids)
        db.executemany("INSERT INTO relations (type, source, target, props, confidence, evidence) "
                       "VALUES (?, ?, ?, ?, ?, ?)", rows)
        for statement in _INDEXES.values():
            db.execute(statement)

    def upsert_articles(self, articles: Iterable[Article]) -> None:
        self.connection.executemany(
            "INSERT INTO articles (id, path, title, language) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
            "SET path = excluded.path, title = excluded.title, language = excluded.language",
            ((a.id, a.path, a.title, a.language) for a in articles))

    def delete_articles(self, ids: Iterable[str]) -> None:
        self.connection.executemany("DELETE FROM articles WHERE id = ?", ((i,) for i in ids))

    def upsert_entities(self, entities: Iterable[Entity]) -> None:
        db = self.connection
        for entity in entities:
            eid = db.execute(
                "INSERT INTO entities (key, type, name, aliases, articles, type_votes) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET type = excluded.type, name = excluded.name, "
                "aliases = excluded.aliases, articles = excluded.articles, type_votes = excluded.type_votes "
                "RETURNING id", _entity_row(entity)).fetchone()[0]
            db.execute("DELETE FROM names WHERE entity = ?", (eid,))
            db.executemany("INSERT OR IGNORE INTO names (name_key, entity) VALUES (?, ?)",
                           ((name_key, eid) for name_key in _name_keys(entity)))

    def delete_entities(self, keys: Iterable[str]) -> None:
        db = self.connection
        for key in keys:
            db.execute("DELETE FROM names WHERE entity IN (SELECT id FROM entities WHERE key = ?)", (key,))
            db.execute("DELETE FROM entities WHERE key = ?", (key,))

    def upsert_relations(self, relations: Iterable[Relation]) -> int:
        """Insert or update relations by key; the ones with an endpoint that is not stored are left out
        (their number is returned)."""
        db, left_out = self.connection, 0
        for relation in relations:
            ends = [db.execute("SELECT id FROM entities WHERE key = ?", (k,)).fetchone()
                    for k in (relation.source, relation.target)]
            if None in ends:
                left_out += 1
                continue
            known = self._relation_row(relation.key)
            values = (_dumps(relation.props), relation.confidence, _evidence_json(relation))
            if known:
                db.execute("UPDATE relations SET props = ?, confidence = ?, evidence = ? WHERE id = ?",
                           (*values, known[0]))
            else:
                db.execute("INSERT INTO relations (type, source, target, props, confidence, evidence) "
                           "VALUES (?, ?, ?, ?, ?, ?)", (relation.type, ends[0][0], ends[1][0], *values))
        return left_out

    def delete_relations(self, keys: Iterable[tuple[str, str, str]]) -> None:
        for key in keys:
            known = self._relation_row(key)
            if known:
                self.connection.execute("DELETE FROM relations WHERE id = ?", (known[0],))


def _name_keys(entity: Entity) -> set[str]:
    return {k for k in map(entity_key, [entity.name, *entity.aliases]) if k}


def _decode(values: list[str]) -> list[Any]:
    """Many JSON texts decoded in one call (much faster than one :func:`json.loads` each)."""
    return json.loads("[" + ",".join(values) + "]")


def _known(keys: list[str | None], eid: int) -> bool:
    return 0 <= eid < len(keys) and keys[eid] is not None
