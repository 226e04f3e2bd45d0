"""The graph in a real Neo4j: schema, batched idempotent writes, push/pull, read-only queries.

Schema (what :mod:`queries.cypher` reads; any change is written here first):

- ``(:Person {key, name, aliases: [str], articles: [article ids]})`` and
  ``(:Organization {key, name, aliases, articles})``: exactly one of the two labels per entity. An entity
  whose type differs across articles keeps the label it was first stored with (as the embedded store
  keeps its first type).
- ``(:Article {id, path, title, language})`` and ``(:Article)-[:MENTIONS]->(entity)``. An Article node
  exists only once everything read from that article is written: it is the "article complete" mark.
- One relationship per (type, source key, target key) among FOUNDED, WORKS_AT, INVESTED_IN, ACQUIRED,
  MENTORED, KNOWS, in the model's direction; KNOWS (undirected) goes from the lower key to the higher.
  Properties: the relation's props flattened (``role``, ``former``, ``amount``, ``currency``, ``round``
  when present; the first value seen wins, as in the embedded store), ``confidence`` (float, the highest
  seen), ``evidence`` (sentences) parallel to ``evidence_articles``, ``evidence_starts``,
  ``evidence_ends`` (one entry per distinct (article, start, end), in the order first seen),
  ``mentions`` (int: the number of evidence entries), ``articles`` (distinct article ids of the
  evidence), ``first_seen`` and ``last_seen`` (datetime of the ingest that created / last touched it).
- Uniqueness constraints (``IF NOT EXISTS``): ``:Person(key)``, ``:Organization(key)``, ``:Article(id)``.

Writes: every write is an ``UNWIND $rows ... MERGE`` of at most ``batch_size`` rows in a managed
transaction (``execute_write``), so the driver retries transient errors (deadlocks between two ingests,
a leader switch). Per batch of articles the order is: entities, then relations, then the Article nodes
with their MENTIONS. A server that dies in the middle leaves those articles unmarked; the next run
writes them again, and as every write is a union (aliases, articles, evidence keyed by
(article, start, end)) nothing is doubled.

Entity resolution: ``ingest_into_neo4j`` loads every entity already in Neo4j (key, label, name, aliases)
into a :class:`graph.identity.EntityIndex` once (when the first article not stored yet comes, so a
re-ingest of stored articles reads only the Article ids), then resolves each article exactly as the embedded
store does, so the same articles give the same keys in both stores. Two ingests running at once each
resolve against what was there when they started; they share nodes by key equality (MERGE on the
constrained key), never create a duplicate key within a label, but only one of them would apply an
alias-based merge between entities both introduce. ``push`` keeps the embedded store's keys as they are.
"""
from __future__ import annotations

import logging
import queue
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator

import neo4j
from neo4j import GraphDatabase, READ_ACCESS, WRITE_ACCESS
from neo4j import exceptions as neo4j_errors

from graph.errors import Neo4jError
from graph.gc_pause import paused_gc
from graph.neo4j_settings import DEFAULT_URI, DEFAULT_USERNAME, Neo4jSettings
from graph.model import (ORGANIZATION, PERSON, RELATION_PROPS, RELATION_TYPES, UNDIRECTED_TYPES, Article, Entity,
                         Evidence, Extraction, Relation, distinct_evidence)
from graph.read_only import admin_refusal, explain_text, plan_refusal
from graph.store import GraphStore
from graph.identity import EntityIndex

logger = logging.getLogger(__name__)

#: Relationship properties that are provenance, never a relation prop.
PROVENANCE = ("confidence", "mentions", "articles", "evidence", "evidence_articles", "evidence_starts",
              "evidence_ends", "first_seen", "last_seen")
LABELS = (PERSON, ORGANIZATION)
#: ``add_extractions`` resolves and writes articles in groups of at most this many batches of rows.
FLUSH_BATCHES = 10
#: A push into an empty database writes Articles and their MENTIONS in transactions of about this many mentions.
MENTIONS_PER_TRANSACTION = 20_000
#: Transactions a push into an empty database runs at once: two, of ``batch_size`` rows each. With the
#: endpoints found by node id (no index lookups and their locks), two writers of 2,000 rows took the 1M push
#: from 10.7k to 13.1k relationships/s (bench/bench_neo4j.py, BENCHMARKS.md); the driver retries deadlocks.
WRITER_THREADS = 2

CONSTRAINTS = (
    "CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
)


def _auth(username: str | None, password: str | None) -> tuple[str, str] | None:
    """Basic auth when a password is given (user ``neo4j`` by default); no auth otherwise."""
    if password is None:
        return None
    return (username or DEFAULT_USERNAME, password)


# -- the summary of a write -----------------------------------------------------------------------
@dataclass
class Neo4jSummary:
    """What an ingest or a push changed, and what the database holds afterwards."""

    articles_added: int = 0
    articles_skipped: int = 0
    entities_added: int = 0
    relations_added: int = 0
    evidence_added: int = 0
    articles_total: int = 0
    entities_total: int = 0
    relations_total: int = 0

    def __str__(self) -> str:
        return (f"articles: {self.articles_added} added, {self.articles_skipped} already stored "
                f"({self.articles_total} in Neo4j)\n"
                f"entities: {self.entities_added} added ({self.entities_total} in Neo4j)\n"
                f"relations: {self.relations_added} added, {self.evidence_added} evidence sentences "
                f"({self.relations_total} in Neo4j)")


# -- rows: what one UNWIND receives ---------------------------------------------------------------
@dataclass
class _Batch:
    """The rows of a group of articles, merged per entity key and per relation key."""

    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], Relation] = field(default_factory=dict)
    mentions: dict[tuple[str, str], None] = field(default_factory=dict)

    def size(self) -> int:
        return len(self.entities) + len(self.relations) + len(self.mentions)

    def add_entity(self, entity: Entity, label: str, names: Iterable[str], articles: Iterable[str]) -> None:
        row = self.entities.setdefault(entity.key, {"key": entity.key, "label": label, "name": entity.name,
                                                    "aliases": [], "articles": []})
        for name in names:
            if name and name != row["name"] and name not in row["aliases"]:
                row["aliases"].append(name)
        for article in articles:
            if article not in row["articles"]:
                row["articles"].append(article)

    def add_relation(self, relation: Relation) -> None:
        relation = _canonical(relation)
        known = self.relations.get(relation.key)
        if known is None:
            self.relations[relation.key] = Relation(type=relation.type, source=relation.source,
                                                    target=relation.target, props=dict(relation.props),
                                                    evidence=list(relation.evidence),
                                                    confidence=relation.confidence)
        else:
            known.merge(relation)


def _canonical(relation: Relation) -> Relation:
    """KNOWS from the lower key to the higher; other types as they are."""
    if relation.type in UNDIRECTED_TYPES and relation.source > relation.target:
        return Relation(type=relation.type, source=relation.target, target=relation.source,
                        props=dict(relation.props), evidence=list(relation.evidence),
                        confidence=relation.confidence)
    return relation


def _label(entity_type: str | None) -> str:
    """The node label of an entity type; anything but Person is stored as Organization (with a warning)."""
    if entity_type in LABELS:
        return entity_type
    logger.warning("entity type %r is neither Person nor Organization: stored as Organization", entity_type)
    return ORGANIZATION


def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


# -- Cypher ---------------------------------------------------------------------------------------
def _entity_query(label: str) -> str:
    """Merge entities of one label by key; aliases and article ids are unions, the first name stays.

    The first SET takes the node's write lock before its lists are read, so two ingests at once
    never lose each other's aliases.
    """
    return f"""
UNWIND $rows AS row
MERGE (n:{label} {{key: row.key}})
  ON CREATE SET n.name = row.name, n.aliases = [], n.articles = []
SET n.name = coalesce(n.name, row.name)
WITH n, row
SET n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE a <> n.name AND NOT a IN coalesce(n.aliases, [])],
    n.articles = coalesce(n.articles, []) + [a IN row.articles WHERE NOT a IN coalesce(n.articles, [])]
"""


def _relation_query(rtype: str, source_label: str, target_label: str) -> str:
    """Merge relations of one type between two labels; evidence is appended once per (article, start, end).

    ``last_seen`` is written first to hold the relationship's write lock while its lists are read.
    Props come as the map ``row.props`` (no property name from data becomes Cypher text) and keep the
    first value seen: the new map is set, then what the relationship held before is set back on top.
    ``confidence`` keeps the highest.
    """
    return f"""
UNWIND $rows AS row
MATCH (s:{source_label} {{key: row.source}})
MATCH (t:{target_label} {{key: row.target}})
MERGE (s)-[r:{rtype}]->(t)
  ON CREATE SET r.first_seen = $now
SET r.last_seen = $now
WITH r, row, properties(r) AS before
SET r += row.props
SET r += before
WITH r, row, [i IN range(0, size(coalesce(r.evidence_articles, [])) - 1) |
              r.evidence_articles[i] + ':' + toString(r.evidence_starts[i]) + ':' + toString(r.evidence_ends[i])]
             AS known
WITH r, row, [e IN row.evidence WHERE NOT e.id IN known] AS fresh
SET r.evidence = coalesce(r.evidence, []) + [e IN fresh | e.sentence],
    r.evidence_articles = coalesce(r.evidence_articles, []) + [e IN fresh | e.article],
    r.evidence_starts = coalesce(r.evidence_starts, []) + [e IN fresh | e.start],
    r.evidence_ends = coalesce(r.evidence_ends, []) + [e IN fresh | e.end],
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence
                        THEN row.confidence ELSE r.confidence END
WITH r, fresh
SET r.mentions = size(r.evidence),
    r.articles = reduce(seen = [], a IN r.evidence_articles | CASE WHEN a IN seen THEN seen ELSE seen + a END)
RETURN sum(size(fresh)) AS evidence_added
"""


#: Relation property names written to Neo4j: the model's props, or plain identifiers.
_KNOWN_PROPS = frozenset(p for props in RELATION_PROPS.values() for p in props)
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def check_property_names(relations: Iterable[Relation]) -> None:
    """Raise a one-line :class:`Neo4jError` naming the first relation property name that is neither a
    known prop nor a plain identifier (``^[A-Za-z_][A-Za-z0-9_]*$``), or that Neo4j's provenance uses."""
    for relation in relations:
        for name in relation.props:
            if not isinstance(name, str) or name in PROVENANCE or (
                    name not in _KNOWN_PROPS and not _PLAIN_NAME.fullmatch(name)):
                raise Neo4jError(f"refused: the {relation.type} relation {relation.source!r} -> {relation.target!r} "
                                 f"has a property named {name!r}; property names must be letters, digits and "
                                 "underscores (nothing was written)")


def _entity_create_query(label: str) -> str:
    """Create entities of one label (an empty database): the key's uniqueness constraint refuses a
    node another writer created meanwhile, so nothing is ever doubled. A row is the list
    ``[key, name, aliases, articles]`` (lists pack and unpack faster than maps); returns each node's id,
    by which the relationships of the same push find their endpoints."""
    return f"""
UNWIND $rows AS row
CREATE (n:{label} {{key: row[0], name: row[1], aliases: row[2], articles: row[3]}})
RETURN id(n) AS id
"""


def _relation_create_query(rtype: str, source_label: str, target_label: str, props: bool) -> str:
    """Create relations known to be new (a push into an empty database): no lookup of the endpoints'
    relationships (a MERGE reads them all: slow on a node of high degree). A row is the list of
    :func:`_relation_create_row` with the endpoints as the node ids their CREATE returned: a seek by id,
    no index seek and none of the locks a seek on a unique index takes (a third of the server's time);
    the label is checked all the same. The provenance is written in the CREATE pattern itself (one step,
    cheaper on the server than ``SET r = map``), the relation's props, when it has any, by ``SET r +=``."""
    return f"""
UNWIND $rows AS row
MATCH (s:{source_label}) WHERE id(s) = row[0]
MATCH (t:{target_label}) WHERE id(t) = row[1]
CREATE (s)-[r:{rtype} {{confidence: row[2], mentions: row[3], articles: row[4], evidence: row[5],
                       evidence_articles: row[6], evidence_starts: row[7], evidence_ends: row[8],
                       first_seen: $now, last_seen: $now}}]->(t)
""" + ("SET r += row[9]\n" if props else "")


#: A row is ``[article id, path, title, language, [ids of the entity nodes it mentions]]``: the Article and
#: its MENTIONS in one statement (and one transaction).
_ARTICLES_CREATE_QUERY = """
UNWIND $rows AS row
CREATE (a:Article {id: row[0], path: row[1], title: row[2], language: row[3]})
WITH a, row
UNWIND row[4] AS node
MATCH (e) WHERE id(e) = node AND (e:Person OR e:Organization)
CREATE (a)-[:MENTIONS]->(e)
"""

_MENTIONS_QUERY = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:%s {key: row.key})
MERGE (a)-[:MENTIONS]->(e)
"""

_ARTICLES_QUERY = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
  ON CREATE SET a.path = row.path, a.title = row.title, a.language = row.language
"""

_COUNTS_QUERY = """
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (n) WHERE n:Person OR n:Organization RETURN count(n) AS entities }
CALL () { MATCH (:Person|Organization)-[r]->(:Person|Organization) RETURN count(r) AS relations }
RETURN articles, entities, relations
"""


# -- the store ------------------------------------------------------------------------------------
class Neo4jStore:
    """A connection to one Neo4j database holding the foundergraph schema.

    The constructor does no I/O; :meth:`verify` (or :func:`connect`) checks the server, the credentials
    and the database in one round trip and turns each failure into a :class:`graph.errors.Neo4jError`
    naming the setting to fix.
    """

    def __init__(self, uri: str = DEFAULT_URI, username: str | None = None, password: str | None = None,
                 database: str | None = None, batch_size: int = 2000, max_retry_time: float = 15.0,
                 connection_timeout: float = 5.0) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.uri = uri
        self.username = username or DEFAULT_USERNAME
        self.database = database
        self.batch_size = batch_size
        try:
            self.driver = GraphDatabase.driver(
                uri, auth=_auth(username, password), connection_timeout=connection_timeout,
                connection_acquisition_timeout=connection_timeout + 3.0,
                max_transaction_retry_time=max_retry_time, user_agent="foundergraph",
                notifications_min_severity="OFF")
        except (neo4j_errors.ConfigurationError, ValueError) as exc:
            raise Neo4jError(f"invalid Neo4j URI {uri!r} ({exc}); set NEO4J_URI or --uri to e.g. "
                             "bolt://localhost:7687, neo4j://host:7687 or neo4j+s://xxxx.databases.neo4j.io") from None

    @classmethod
    def from_settings(cls, settings: Neo4jSettings, **options: Any) -> "Neo4jStore":
        return cls(settings.uri, settings.username, settings.password, settings.database, **options)

    # -- lifecycle ---------------------------------------------------------------------------------
    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.driver.close()

    def verify(self) -> "Neo4jStore":
        """One auto-commit ``RETURN 1`` (never retried): raises a one-line Neo4jError on any fault."""
        with self._errors():
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                session.run("RETURN 1").consume()
        return self

    # -- faults ------------------------------------------------------------------------------------
    def _errors(self) -> "_ErrorTranslator":
        return _ErrorTranslator(self)

    # -- plain queries -----------------------------------------------------------------------------
    def run_read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a query in a READ transaction (a write is refused by the server); records as plain dicts."""
        return self._run(cypher, params, READ_ACCESS)

    def run_read_only(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a user's query only when it is read-only: no administration command (:func:`admin_refusal`)
        and an ``EXPLAIN`` plan of type ``"r"`` without ``LoadCSV`` (:func:`plan_refusal`); else a one-line
        Neo4jError and nothing runs."""
        reason = admin_refusal(cypher)
        if reason is None:
            with self._errors():
                with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                    summary = session.run(explain_text(cypher), params or {}).consume()
            reason = plan_refusal(summary.query_type, summary.plan)
        if reason is not None:
            raise Neo4jError(reason)
        return self.run_read(cypher, params)

    def run_write(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a query in a WRITE transaction; records as plain dicts."""
        return self._run(cypher, params, WRITE_ACCESS)

    def _run(self, cypher: str, params: dict[str, Any] | None, mode: str) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [_plain(record.data()) for record in tx.run(cypher, params or {})]

        with self._errors():
            with self.driver.session(database=self.database, default_access_mode=mode) as session:
                if mode == READ_ACCESS:
                    return session.execute_read(work)
                if re.search(r"\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", cypher, re.IGNORECASE):
                    # CALL { ... } IN TRANSACTIONS commits by itself: only in an auto-commit transaction.
                    return [_plain(record.data()) for record in session.run(cypher, params or {})]
                return session.execute_write(work)

    def _write(self, query: str, rows: list[dict[str, Any]], **params: Any) -> tuple[neo4j.SummaryCounters, int]:
        """One managed write transaction of ``query`` over ``rows``: its counters and summed evidence_added."""
        def work(tx: neo4j.ManagedTransaction) -> tuple[neo4j.SummaryCounters, int]:
            result = tx.run(query, rows=rows, **params)
            added = sum(record.get("evidence_added") or 0 for record in result)
            return result.consume().counters, added

        with self._errors():
            with self.driver.session(database=self.database) as session:
                return session.execute_write(work)

    # -- schema ------------------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the uniqueness constraints (idempotent: ``IF NOT EXISTS``)."""
        with self._errors():
            with self.driver.session(database=self.database) as session:
                for statement in CONSTRAINTS:
                    try:
                        session.run(statement).consume()
                    except neo4j_errors.ClientError as exc:
                        # Two first ingests at once: the other one created it between check and create.
                        if "AlreadyExists" not in (exc.code or ""):
                            raise

    def constraints(self) -> list[dict[str, Any]]:
        """The uniqueness constraints present: name, label and properties."""
        return self.run_read("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
                             "WHERE type = 'UNIQUENESS' "
                             "RETURN name, labelsOrTypes[0] AS label, properties ORDER BY name")

    def is_empty(self) -> bool:
        """Whether the database holds no node at all."""
        return not self.run_read("MATCH (n) RETURN n LIMIT 1")

    def counts(self) -> dict[str, int]:
        """Articles, entities and entity-to-entity relationships stored."""
        return self.run_read(_COUNTS_QUERY)[0]

    # -- reading what is there ---------------------------------------------------------------------
    def stored_articles(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored (completely written)."""
        ids = list(dict.fromkeys(ids))
        found: set[str] = set()
        for chunk in _chunks(ids, self.batch_size):
            rows = self.run_read("UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id", {"ids": chunk})
            found.update(r["id"] for r in rows)
        return found

    def entity_index(self) -> EntityIndex:
        """Every stored entity (key, type from its label, name, aliases, articles) as an EntityIndex."""
        rows = self.run_read("MATCH (n) WHERE n:Person OR n:Organization "
                             "RETURN n.key AS key, n:Person AS person, n.name AS name, "
                             "coalesce(n.aliases, []) AS aliases, coalesce(n.articles, []) AS articles")
        return EntityIndex({r["key"]: Entity(key=r["key"], type=PERSON if r["person"] else ORGANIZATION,
                                             name=r["name"] or r["key"], aliases=list(r["aliases"]),
                                             articles=list(r["articles"])) for r in rows})

    # -- writing -----------------------------------------------------------------------------------
    def add_extractions(self, extractions: Iterable[Extraction],
                        progress: Callable[[str, int], None] | None = None) -> Neo4jSummary:
        """Write articles' extractions; articles already stored are skipped. Idempotent and restartable.

        ``progress(stage, rows)`` is called after every committed transaction (stage: ``entities``,
        ``relations``, ``articles``).
        """
        self.ensure_schema()
        index: EntityIndex | None = None  # loaded on the first new article: a re-ingest never reads it
        summary = Neo4jSummary()
        batch = _Batch()
        seen: set[str] = set()
        pending: list[Extraction] = []

        def flush() -> None:
            nonlocal batch, pending, index
            stored = self.stored_articles(e.article.id for e in pending)
            for extraction in pending:
                if extraction.article.id in stored:
                    summary.articles_skipped += 1
                    continue
                if index is None:
                    index = self.entity_index()
                self._resolve_into(batch, index, extraction)
            self._write_batch(batch, summary, progress)
            batch, pending = _Batch(), []

        # A group of articles is flushed at batch_size articles or FLUSH_BATCHES * batch_size rows: its rows
        # split by label and relation type, so a smaller group would send UNWINDs far below batch_size rows
        # (one transaction per ~100 relations was 3x slower than full batches).
        rows = 0
        for extraction in extractions:
            if extraction.article.id in seen:
                summary.articles_skipped += 1
                continue
            seen.add(extraction.article.id)
            pending.append(extraction)
            rows += len(extraction.entities) + len(extraction.relations)
            if len(pending) >= self.batch_size or rows >= FLUSH_BATCHES * self.batch_size:
                flush()
                rows = 0
        if pending:
            flush()
        self._totals(summary)
        return summary

    @staticmethod
    def _resolve_into(batch: _Batch, index: EntityIndex, extraction: Extraction) -> None:
        """Resolve one article against the known entities (as GraphStore.add does) and add its rows."""
        article = extraction.article
        stored_key: dict[str, str] = {}
        for entity in extraction.entities:
            key, _new = index.add(entity, article.id)
            stored_key[entity.key] = key
            known = index.entities[key]
            batch.add_entity(known, _label(known.type), [entity.name, *entity.aliases], [article.id])
            batch.entities[key]["name"] = known.name
            batch.mentions[(article.id, key)] = None
        for relation in extraction.relations:
            moved = Relation(type=relation.type, source=stored_key.get(relation.source, relation.source),
                             target=stored_key.get(relation.target, relation.target),
                             props=dict(relation.props), evidence=list(relation.evidence),
                             confidence=relation.confidence)
            if moved.source == moved.target or moved.source not in index.entities \
                    or moved.target not in index.entities:
                continue
            batch.add_relation(moved)
        batch.articles[article.id] = article

    def _write_batch(self, batch: _Batch, summary: Neo4jSummary,
                     progress: Callable[[str, int], None] | None) -> None:
        """Entities, then relations, then the Article nodes and MENTIONS (the completion mark), with MERGE."""
        if not batch.articles:
            return
        check_property_names(batch.relations.values())
        labels = {key: row["label"] for key, row in batch.entities.items()}
        by_label: dict[str, list[dict[str, Any]]] = {}
        for key in sorted(batch.entities):
            row = batch.entities[key]
            by_label.setdefault(row["label"], []).append(
                {"key": key, "name": row["name"], "aliases": row["aliases"], "articles": row["articles"]})
        for label, rows in by_label.items():
            for chunk in _chunks(rows, self.batch_size):
                counters, _ = self._write(_entity_query(label), chunk)
                summary.entities_added += counters.nodes_created
                if progress:
                    progress("entities", len(chunk))

        missing = self._labels_of({k for r in batch.relations.values() for k in (r.source, r.target)} - set(labels))
        labels.update(missing)
        groups: dict[tuple[str, str, str], list[Relation]] = {}
        for key in sorted(batch.relations):
            relation = batch.relations[key]
            if relation.type not in RELATION_TYPES:
                logger.warning("skipped a relation of unknown type %r", relation.type)
                continue
            if relation.source not in labels or relation.target not in labels:
                continue
            groups.setdefault((relation.type, labels[relation.source], labels[relation.target]), []).append(relation)
        now = neo4j.time.DateTime.from_native(datetime.now(timezone.utc))
        for (rtype, source_label, target_label), relations in groups.items():
            query = _relation_query(rtype, source_label, target_label)
            for chunk in _chunks(relations, self.batch_size):
                rows = [_relation_row(r) for r in chunk]
                counters, added = self._write(query, rows, now=now)
                summary.relations_added += counters.relationships_created
                summary.evidence_added += added
                if progress:
                    progress("relations", len(chunk))

        articles = [{"id": a.id, "path": a.path, "title": a.title, "language": a.language}
                    for a in batch.articles.values()]
        mentions: dict[str, list[dict[str, str]]] = {}
        for article_id, key in batch.mentions:
            if key in labels:
                mentions.setdefault(labels[key], []).append({"article": article_id, "key": key})
        for chunk in _chunks(articles, self.batch_size):
            ids = {row["id"] for row in chunk}

            def work(tx: neo4j.ManagedTransaction, chunk: list[dict[str, Any]] = chunk) -> int:
                # MENTIONS and the Article nodes commit together: an article is complete or absent.
                created = tx.run(_ARTICLES_QUERY, rows=chunk).consume().counters.nodes_created
                for label, rows in mentions.items():
                    mine = [r for r in rows if r["article"] in ids]
                    for part in _chunks(mine, self.batch_size):
                        tx.run(_MENTIONS_QUERY % label, rows=part).consume()
                return created

            with self._errors():
                with self.driver.session(database=self.database) as session:
                    summary.articles_added += session.execute_write(work)
            if progress:
                progress("articles", len(chunk))

    def _labels_of(self, keys: set[str]) -> dict[str, str]:
        if not keys:
            return {}
        rows = self.run_read("UNWIND $keys AS k MATCH (n:Person|Organization {key: k}) "
                             "RETURN n.key AS key, n:Person AS person", {"keys": sorted(keys)})
        return {r["key"]: PERSON if r["person"] else ORGANIZATION for r in rows}

    def _totals(self, summary: Neo4jSummary) -> None:
        counts = self.counts()
        summary.articles_total = counts["articles"]
        summary.entities_total = counts["entities"]
        summary.relations_total = counts["relations"]

    # -- embedded store <-> Neo4j -----------------------------------------------------------------
    def push(self, store: GraphStore, progress: Callable[[str, int], None] | None = None) -> Neo4jSummary:
        """Copy the embedded store into Neo4j, merging by key (an entity already in Neo4j keeps its label).

        A relation property name that could not be a plain Cypher property is refused before any write.
        Into a database that holds no node at all, every row is new and is written with CREATE (no
        MERGE lookups: several times faster on a graph with high-degree nodes); do not run another
        writer on that database meanwhile, as the relationships CREATE writes are not checked against
        theirs. A push that stops midway leaves a non-empty database: the next one merges."""
        check_property_names(store.relations.values())
        self.ensure_schema()
        summary = Neo4jSummary()
        if self.is_empty():
            with paused_gc():
                self._push_create(store, summary, progress)
            self._totals(summary)
            return summary
        known = self._labels_of(set(store.entities))
        stored = self.stored_articles(store.articles)
        summary.articles_skipped = len(stored)
        batch = _Batch()
        for entity in store.entities.values():
            batch.add_entity(entity, known.get(entity.key) or _label(entity.type), entity.aliases, entity.articles)
            for article_id in entity.articles:
                if article_id in store.articles:
                    batch.mentions[(article_id, entity.key)] = None
        for relation in store.relations.values():
            if relation.source in store.entities and relation.target in store.entities:
                batch.add_relation(relation)
        batch.articles = dict(store.articles)
        with paused_gc():
            self._write_batch(batch, summary, progress)
        self._totals(summary)
        return summary

    def _push_create(self, store: GraphStore, summary: Neo4jSummary,
                     progress: Callable[[str, int], None] | None) -> None:
        """Push into an empty database: every row is new, written with CREATE (nodes and Articles stay
        protected by their uniqueness constraints), in the order of :meth:`_write_batch` (entities, relations,
        then each Article with its MENTIONS in one transaction). Rows are plain lists, built while a
        background thread writes the previous batch, so the client's work overlaps the server's."""
        size = self.batch_size
        now = neo4j.time.DateTime.from_native(datetime.now(timezone.utc))
        node_ids: dict[str, int] = {}  # entity key -> id of the node its CREATE made, filled by the writer
        with _Writer(WRITER_THREADS) as writer:
            labels: dict[str, str] = {}
            entity_rows: dict[str, list[list[Any]]] = {}
            for key, entity in store.entities.items():
                label = labels[key] = _label(entity.type)
                aliases = list(dict.fromkeys(a for a in entity.aliases if a and a != entity.name))
                rows = entity_rows.setdefault(label, [])
                rows.append([key, entity.name, aliases, list(dict.fromkeys(entity.articles))])
                if len(rows) >= size:
                    writer.submit(self._entities_job(label, rows, node_ids, summary, progress))
                    entity_rows[label] = []
            for label, rows in entity_rows.items():
                if rows:
                    writer.submit(self._entities_job(label, rows, node_ids, summary, progress))

            writer.barrier()  # relations MATCH their endpoints by id: every entity is committed first

            relations: dict[tuple[str, str, str], Relation] = {}
            for relation in store.relations.values():
                if relation.source not in labels or relation.target not in labels:
                    continue
                if relation.type not in RELATION_TYPES:
                    logger.warning("skipped a relation of unknown type %r", relation.type)
                    continue
                relation = _canonical(relation)
                known = relations.get(relation.key)
                if known is None:
                    relations[relation.key] = relation
                else:  # the same KNOWS stored both ways: merged as _Batch does, on a copy
                    if known is store.relations.get(known.key):
                        known = relations[known.key] = Relation(known.type, known.source, known.target,
                                                                dict(known.props), list(known.evidence),
                                                                known.confidence)
                    known.merge(relation)
            pending: dict[tuple[str, str, str, bool], list[list[Any]]] = {}
            for relation in relations.values():
                row = _relation_create_row(relation, node_ids[relation.source], node_ids[relation.target])
                group = (relation.type, labels[relation.source], labels[relation.target], len(row) > 9)
                rows = pending.setdefault(group, [])
                rows.append(row)
                if len(rows) >= size:
                    writer.submit(self._create_job(_relation_create_query(*group), rows, summary, progress,
                                                   "relations", now=now))
                    pending[group] = []
            for group, rows in pending.items():
                if rows:
                    writer.submit(self._create_job(_relation_create_query(*group), rows, summary, progress,
                                                   "relations", now=now))

            writer.barrier()  # an Article is the mark of a complete article: after all its relations

            mentions: dict[str, list[int]] = {}
            for key, entity in store.entities.items():
                for article_id in dict.fromkeys(entity.articles):
                    if article_id in store.articles:
                        mentions.setdefault(article_id, []).append(node_ids[key])
            # An Article and its MENTIONS commit together (an article is complete or absent); a transaction
            # holds up to batch_size articles and about MENTIONS_PER_TRANSACTION mentions.
            chunk: list[list[Any]] = []
            count = 0
            for article in store.articles.values():
                nodes = mentions.get(article.id, [])
                chunk.append([article.id, article.path, article.title, article.language, nodes])
                count += len(nodes)
                if len(chunk) >= size or count >= MENTIONS_PER_TRANSACTION:
                    writer.submit(self._articles_job(chunk, summary, progress))
                    chunk, count = [], 0
            if chunk:
                writer.submit(self._articles_job(chunk, summary, progress))

    def _entities_job(self, label: str, rows: list[list[Any]], node_ids: dict[str, int], summary: Neo4jSummary,
                      progress: Callable[[str, int], None] | None) -> Callable[[], None]:
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[int], int]:
            result = tx.run(_entity_create_query(label), rows=rows)
            ids = [record[0] for record in result]
            return ids, result.consume().counters.nodes_created

        def job() -> None:
            with self._errors():
                with self.driver.session(database=self.database) as session:
                    ids, created = session.execute_write(work)
            node_ids.update(zip((row[0] for row in rows), ids))  # records come in the order of the rows
            summary.entities_added += created
            if progress:
                progress("entities", len(rows))
        return job

    def _create_job(self, query: str, rows: list[list[Any]], summary: Neo4jSummary,
                    progress: Callable[[str, int], None] | None, stage: str, **params: Any) -> Callable[[], None]:
        def job() -> None:
            counters, _ = self._write(query, rows, **params)
            summary.relations_added += counters.relationships_created
            summary.evidence_added += sum(row[3] for row in rows)
            if progress:
                progress(stage, len(rows))
        return job

    def _articles_job(self, chunk: list[list[Any]], summary: Neo4jSummary,
                      progress: Callable[[str, int], None] | None) -> Callable[[], None]:
        def job() -> None:
            counters, _ = self._write(_ARTICLES_CREATE_QUERY, chunk)
            summary.articles_added += counters.nodes_created
            if progress:
                progress("articles", len(chunk))
        return job

    def pull(self) -> GraphStore:
        """The whole graph as an in-memory GraphStore (not saved; call ``save()`` on it)."""
        store = GraphStore()
        for row in self.run_read("MATCH (a:Article) RETURN a.id AS id, a.path AS path, a.title AS title, "
                                 "a.language AS language ORDER BY a.id"):
            store.articles[row["id"]] = Article(id=row["id"], path=row["path"] or "", title=row["title"] or "",
                                                language=row["language"] or "")
        store.index = self.entity_index()
        rows = self.run_read("MATCH (s:Person|Organization)-[r]->(t:Person|Organization) "
                             "RETURN type(r) AS type, s.key AS source, t.key AS target, properties(r) AS props")
        for row in rows:
            props = row["props"]
            evidence = [Evidence(article_id=a, sentence=s, start=int(b), end=int(e)) for a, s, b, e in
                        zip(props.get("evidence_articles") or [], props.get("evidence") or [],
                            props.get("evidence_starts") or [], props.get("evidence_ends") or [])]
            relation = Relation(type=row["type"], source=row["source"], target=row["target"],
                                props={k: v for k, v in props.items() if k not in PROVENANCE},
                                evidence=evidence, confidence=float(props.get("confidence", 0.5)))
            store.relations[relation.key] = relation
        return store

    def clear(self) -> None:
        """Delete every node and relationship of the database (the schema stays)."""
        with self._errors():
            with self.driver.session(database=self.database) as session:
                session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def _relation_row(relation: Relation) -> dict[str, Any]:
    evidence = [{"id": f"{ev.article_id}:{ev.start}:{ev.end}", "article": ev.article_id, "sentence": ev.sentence,
                 "start": ev.start, "end": ev.end} for ev in distinct_evidence(relation.evidence)]
    return {"source": relation.source, "target": relation.target, "confidence": float(relation.confidence),
            "props": {k: v for k, v in relation.props.items() if v is not None and k not in PROVENANCE},
            "evidence": evidence}


def _relation_create_row(relation: Relation, source: Any, target: Any) -> list[Any]:
    """The row of :func:`_relation_create_query`: ``[source, target, confidence, mentions, articles, evidence,
    evidence_articles, evidence_starts, evidence_ends]`` as push leaves them (evidence once per (article,
    start, end)), then the props map when the relation has props. ``source`` and ``target`` name the ends."""
    evidence = relation.evidence
    if len(evidence) == 1:  # the common case, built without the loops
        ev = evidence[0]
        row = [source, target, float(relation.confidence), 1, [ev.article_id], [ev.sentence], [ev.article_id],
               [ev.start], [ev.end]]
    else:
        evidence = distinct_evidence(evidence)
        article_ids = [ev.article_id for ev in evidence]
        row = [source, target, float(relation.confidence), len(evidence), list(dict.fromkeys(article_ids)),
               [ev.sentence for ev in evidence], article_ids, [ev.start for ev in evidence],
               [ev.end for ev in evidence]]
    if relation.props:
        props = {k: v for k, v in relation.props.items() if v is not None and k not in PROVENANCE}
        if props:
            row.append(props)
    return row


class _Writer:
    """Runs write jobs on background threads, so the caller builds the next rows meanwhile and the server
    runs ``threads`` transactions at once. ``barrier()`` waits for every job submitted so far (what comes
    after may depend on it).

    The first failure stops the jobs after it and is raised by the next ``submit`` or ``barrier``, or at
    the end of the ``with`` block; leaving the block waits for every job."""

    def __init__(self, threads: int = 1) -> None:
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue(maxsize=2 * threads)
        self._error: BaseException | None = None
        self._threads = [threading.Thread(target=self._run, name=f"foundergraph-neo4j-writer-{i}", daemon=True)
                         for i in range(threads)]

    def __enter__(self) -> "_Writer":
        for thread in self._threads:
            thread.start()
        return self

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                if self._error is None:
                    try:
                        job()
                    except BaseException as exc:  # handed to the caller's thread
                        self._error = exc
            finally:
                self._jobs.task_done()

    def submit(self, job: Callable[[], None]) -> None:
        if self._error is not None:
            raise self._error
        self._jobs.put(job)

    def barrier(self) -> None:
        self._jobs.join()
        if self._error is not None:
            raise self._error

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: object) -> None:
        if exc is not None and self._error is None:
            self._error = exc  # the caller failed: skip what is queued
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()
        if exc is None and self._error is not None:
            raise self._error


def _plain(value: Any) -> Any:
    """Driver values as plain Python: temporal values as datetime/date/time, containers recursively."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "to_native"):
        return value.to_native()
    return value


class _ErrorTranslator:
    """Turns driver exceptions into one-line Neo4jErrors that name the setting to fix."""

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: object) -> bool:
        if exc is None or isinstance(exc, Neo4jError):
            return False
        message = describe(exc, self.store.uri, self.store.username, self.store.database)
        if message is None:
            return False
        raise Neo4jError(message) from exc


def describe(exc: BaseException, uri: str, username: str, database: str | None) -> str | None:
    """A one-line description of a driver exception, or None when it is not a Neo4j fault."""
    if isinstance(exc, neo4j_errors.AuthError) or getattr(exc, "code", "") == "Neo.ClientError.Security.Unauthorized":
        return (f"Neo4j at {uri} refused the credentials of user {username!r}: "
                "check NEO4J_USERNAME / NEO4J_PASSWORD (--username / --password)")
    if isinstance(exc, neo4j_errors.Neo4jError):
        code = exc.code or ""
        text = _one_line(exc.message or str(exc))
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return f"Neo4j at {uri} has no database {database!r}: check NEO4J_DATABASE (--database)"
        if code in ("Neo.ClientError.Statement.AccessMode", "Neo.ClientError.Security.Forbidden") \
                or "read access mode" in text.lower() or "not allowed" in text.lower() and "write" in text.lower():
            return f"this query writes but runs read-only; pass --write to allow writes ({text})"
        if code.startswith("Neo.ClientError.Statement") or code.startswith("Neo.ClientError.Procedure"):
            return f"Cypher error: {text}"
        return f"Neo4j error {code}: {text}"
    if isinstance(exc, (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError)):
        return (f"cannot reach Neo4j at {uri} ({_one_line(str(exc))}): check NEO4J_URI (--uri), "
                "or start a server with `docker compose up -d --wait` or `make neo4j`")
    if isinstance(exc, neo4j_errors.DriverError):
        return f"Neo4j driver error at {uri}: {_one_line(str(exc))}"
    return None


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 300 else line[:297] + "..."


# -- entry points for the CLI and other stages ----------------------------------------------------
def connect(settings: Neo4jSettings | None = None, **options: Any) -> Neo4jStore:
    """A verified connection (one round trip), from the settings or the NEO4J_* environment."""
    store = Neo4jStore.from_settings(settings or Neo4jSettings.from_env(), **options)
    try:
        return store.verify()
    except BaseException:
        store.close()
        raise


def ingest_into_neo4j(extractions: Iterable[Extraction], store: Neo4jStore,
                      progress: Callable[[str, int], None] | None = None) -> Neo4jSummary:
    """Write articles' extractions into Neo4j (schema first); articles already stored are skipped."""
    return store.add_extractions(extractions, progress=progress)
