"""The embedded store: the graph in one SQLite file, read as far as a question needs, saved by transactions.

Location: ``--store DIR``, else ``$FOUNDERGRAPH_STORE``, else ``$XDG_DATA_HOME/foundergraph``
(``~/.local/share/foundergraph``). The file is ``graph.db`` in that folder (schema in
:mod:`graph.store_db`).

Why it scales: opening a store reads nothing but its header. A path question reads the cached path
index (:mod:`graph.index`, rebuilt from three integer columns when the store changed) and the rows of
the entities and relations it shows; ``articles``, ``entities`` and ``relations`` are loaded in full only
when they are first used (ingest resolves against every entity; analysis reads the whole graph with
:meth:`GraphStore.to_networkx`, straight from the rows). A save is one transaction that writes only
what changed since the last one, so an interrupted save leaves the previous graph intact and saving
every few seconds during a long ingest costs the size of the change, not of the graph.

A folder holding the ``graph.json`` of earlier versions is converted once into ``graph.db`` (the JSON
file is left where it is, no longer read). A file that is not a foundergraph store is reported and never
overwritten.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, TypeVar

from graph.errors import StoreError
from graph.gc_pause import paused_gc
from graph.model import Article, Entity, Extraction, Relation, entity_key
from graph.store_db import FORMAT, StoreFile
from graph.identity import EntityIndex

if TYPE_CHECKING:
    import networkx as nx

logger = logging.getLogger(__name__)

FILE_NAME = "graph.db"
LEGACY_FILE_NAME = "graph.json"
LEGACY_VERSION = 1

K = TypeVar("K")
V = TypeVar("V")


def default_store_dir() -> Path:
    """The store folder used when no ``--store`` is given."""
    if os.environ.get("FOUNDERGRAPH_STORE"):
        return Path(os.environ["FOUNDERGRAPH_STORE"]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "foundergraph"


class ChangedDict(dict[K, V]):
    """A dict that remembers the keys set or deleted since :meth:`forget_changes` (what a save writes)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.changed: set = set()

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.changed.add(key)

    def __delitem__(self, key: K) -> None:
        super().__delitem__(key)
        self.changed.add(key)

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def setdefault(self, key: K, default: V = None) -> V:  # type: ignore[assignment]
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key: K, *default: Any) -> V:
        if key in self:
            self.changed.add(key)
        return super().pop(key, *default)

    def clear(self) -> None:
        self.changed.update(self)
        super().clear()

    def remember(self, key: K, value: V) -> None:
        """Keep a value read from the file (not a change)."""
        super().__setitem__(key, value)

    def forget_changes(self) -> None:
        self.changed = set()


@dataclass
class AddResult:
    """What adding one article's extraction changed."""

    skipped: bool = False
    entities_added: int = 0
    relations_added: int = 0
    evidence_added: int = 0


class GraphStore:
    """Articles, entities and relations of one store folder: read from its file as needed, saved by changes.

    ``articles``, ``entities`` (through ``index``, the :class:`EntityIndex` that resolves new entities)
    and ``relations`` are dicts loaded in full on first use; assigning one of them makes the next
    :meth:`save` replace the whole store with what is in memory.
    """

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory else default_store_dir()
        self.path = self.directory / FILE_NAME
        self._reset()

    def _reset(self) -> None:
        self._file: StoreFile | None = None
        self._articles: ChangedDict[str, Article] = ChangedDict()
        self._articles_complete = False
        self._index: EntityIndex | None = None
        self._relations: ChangedDict[tuple[str, str, str], Relation] = ChangedDict()
        self._relations_complete = False
        self._replace = False

    # -- the file --------------------------------------------------------------------------------
    @classmethod
    def open(cls, directory: Path | str | None = None) -> "GraphStore":
        """The store in ``directory`` (an empty one when the folder has none yet); checks its file."""
        store = cls(directory)
        store._open_file()
        return store

    def _open_file(self) -> StoreFile | None:
        """The open store file, or None while there is none. Converts a ``graph.json`` of earlier versions."""
        if self._file is not None:
            return self._file
        if self.directory.exists() and not self.directory.is_dir():
            raise StoreError(f"store location {self.directory} is a file, not a folder")
        if self.path.exists():
            self._file = StoreFile(self.path)
        elif (self.directory / LEGACY_FILE_NAME).exists() and not self._replace:
            self._convert_legacy()
        else:
            # nothing stored yet: everything the store holds is in memory
            self._articles_complete = self._relations_complete = True
            if self._index is None:
                self._index = _tracked(EntityIndex())
        return self._file

    def _convert_legacy(self) -> None:
        legacy = self.directory / LEGACY_FILE_NAME
        articles, entities, relations = _read_legacy(legacy)
        self._articles = ChangedDict(articles)
        self._index = _tracked(EntityIndex(entities))
        self._relations = ChangedDict(relations)
        self._articles_complete = self._relations_complete = self._replace = True
        self.save()
        logger.warning("converted %s to %s; the JSON file is no longer read", legacy, self.path)

    def _writable_file(self) -> StoreFile:
        if self._open_file() is None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                self._file = StoreFile.create(self.path)
            except (OSError, sqlite3.Error) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                raise StoreError(f"cannot write the store in {self.directory}: {reason}") from None
        assert self._file is not None
        return self._file

    def fingerprint(self) -> str:
        """Changes with every save; ``"missing"`` while the store has no file."""
        store_file = self._open_file()
        return store_file.fingerprint() if store_file else "missing"

    def close(self) -> None:
        """Close the file (unsaved changes stay in memory)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    @contextmanager
    def locked(self) -> Iterator["GraphStore"]:
        """Hold the store's write lock and yield the store as its file now holds it (unsaved changes are
        dropped): two ingests at once never lose work."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            lock = open(self.directory / ".lock", "w")
        except OSError as exc:
            raise StoreError(f"cannot use the store in {self.directory}: {exc.strerror or exc}") from None
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self.close()
            self._reset()
            self._open_file()
            yield self

    # -- the collections ---------------------------------------------------------------------------
    @property
    def articles(self) -> ChangedDict[str, Article]:
        if not self._articles_complete:
            store_file = self._open_file()
            if store_file is not None and not self._articles_complete:
                with paused_gc():
                    for article in store_file.articles():
                        if article.id not in self._articles:
                            self._articles.remember(article.id, article)
            self._articles_complete = True
        return self._articles

    @articles.setter
    def articles(self, articles: dict[str, Article]) -> None:
        self._articles, self._articles_complete, self._replace = ChangedDict(articles), True, True

    @property
    def index(self) -> EntityIndex:
        """The entities, as the index that resolves new ones against them (loaded in full)."""
        if self._index is None:
            store_file = self._open_file()
            if self._index is None:
                with paused_gc():
                    if store_file is None:
                        self._index = _tracked(EntityIndex())
                    else:
                        with store_file.snapshot():
                            entities = {e.key: e for e in store_file.entities()}
                            alias_keys = store_file.alias_keys()
                        self._index = _tracked(EntityIndex(entities, alias_keys))
        return self._index

    @index.setter
    def index(self, index: EntityIndex) -> None:
        self._index, self._replace = index, True

    @property
    def entities(self) -> dict[str, Entity]:
        return self.index.entities

    @property
    def relations(self) -> ChangedDict[tuple[str, str, str], Relation]:
        if not self._relations_complete:
            store_file = self._open_file()
            if store_file is not None and not self._relations_complete:
                with paused_gc():
                    for relation in store_file.relations():
                        if relation.key not in self._relations:
                            self._relations.remember(relation.key, relation)
            self._relations_complete = True
        return self._relations

    @relations.setter
    def relations(self, relations: dict[tuple[str, str, str], Relation]) -> None:
        self._relations, self._relations_complete, self._replace = ChangedDict(relations), True, True

    # -- reading a part ----------------------------------------------------------------------------
    def _in_memory(self) -> bool:
        """Whether answers come from memory: nothing saved yet, or changes not saved."""
        return self._open_file() is None or self.has_unsaved_changes()

    def has_article(self, article_id: str) -> bool:
        if article_id in self._articles:
            return True
        store_file = self._open_file()
        return not self._articles_complete and store_file is not None and store_file.has_article(article_id)

    def article(self, article_id: str) -> Article | None:
        """The article with that id, if any (one row read unless the articles are loaded)."""
        if article_id in self._articles or self._articles_complete:
            return self._articles.get(article_id)
        store_file = self._open_file()
        if store_file is None:
            return self._articles.get(article_id)
        return store_file.article(article_id)

    def entity(self, key: str) -> Entity | None:
        """The entity with that key, if any (one row read unless the entities are loaded)."""
        if self._index is not None or self._open_file() is None:
            return self.entities.get(key)
        return self._open_file().entity(key)

    def names(self, entity_type: str | None = None) -> Iterator[tuple[str, str, str, list[str]]]:
        """``(key, type, name, aliases)`` of each entity (of one type): what typed names are matched against."""
        if self._index is not None or self._open_file() is None:
            return ((e.key, e.type, e.name, list(e.aliases)) for e in self.entities.values()
                    if not entity_type or e.type == entity_type)
        return self._open_file().names(entity_type)

    def keys_named(self, name_key: str, entity_type: str | None = None) -> list[str]:
        """Keys of the entities whose name or an alias has the key ``name_key`` (of one type), sorted."""
        if self._index is not None or self._open_file() is None:
            return sorted(e.key for e in self.entities.values() if (not entity_type or e.type == entity_type)
                          and name_key in {entity_key(n) for n in (e.name, *e.aliases)})
        return self._open_file().keys_named(name_key, entity_type)

    def relation(self, key: tuple[str, str, str]) -> Relation | None:
        """The relation stored under a relation key, if any (read from the file unless loaded)."""
        if key in self._relations or self._relations_complete:
            return self._relations.get(key)
        store_file = self._open_file()
        found = store_file.relation(key) if store_file else None
        if found is not None:
            self._relations.remember(key, found)
        return found

    def counts(self) -> dict[str, int]:
        """How many articles, entities and relations the store holds (with unsaved changes)."""
        if self._in_memory():
            return {"articles": len(self.articles), "entities": len(self.entities), "relations": len(self.relations)}
        articles, entities, relations = self._open_file().counts()
        return {"articles": articles, "entities": entities, "relations": relations}

    def file(self) -> StoreFile | None:
        """The store file when it holds everything the store does (no unsaved changes), else None."""
        return None if self._in_memory() else self._open_file()

    # -- writing -----------------------------------------------------------------------------------
    def _replaces_all(self) -> bool:
        """Whether the next save rewrites everything: a collection was assigned (or its entity dict)."""
        return self._replace or (self._index is not None and not isinstance(self._index.entities, ChangedDict))

    def has_unsaved_changes(self) -> bool:
        return bool(self._replaces_all() or self._articles.changed or self._relations.changed
                    or (self._index is not None and self._index.entities.changed))

    def save(self) -> None:
        """Write what changed since the last save, in one transaction (nothing when nothing changed)."""
        if not self.has_unsaved_changes():
            return
        store_file = self._writable_file()
        try:
            with store_file.transaction():
                if self._replaces_all():
                    left_out = self._write_all(store_file)
                else:
                    left_out = self._write_changes(store_file)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot write the store {self.path}: {exc}") from None
        if left_out:
            logger.warning("%d relation(s) with an endpoint that is not an entity were not stored", left_out)
        self._articles.forget_changes()
        self._relations.forget_changes()
        if self._index is not None:
            if isinstance(self._index.entities, ChangedDict):
                self._index.entities.forget_changes()
            else:
                _tracked(self._index)
        self._replace = False

    def _write_all(self, store_file: StoreFile) -> int:
        relations = self.relations.values()
        entities = self.entities
        store_file.replace_all(self.articles.values(), entities.values(), relations)
        return sum(1 for r in relations if r.source not in entities or r.target not in entities)

    def _write_changes(self, store_file: StoreFile) -> int:
        articles = self._articles
        store_file.upsert_articles(articles[k] for k in sorted(articles.changed) if k in articles)
        store_file.delete_articles(k for k in sorted(articles.changed) if k not in articles)
        if self._index is not None:
            entities = self._index.entities
            changed = sorted(entities.changed)
            store_file.upsert_entities(entities[k] for k in changed if k in entities)
            store_file.delete_entities(k for k in changed if k not in entities)
        relations = self._relations
        changed_relations = sorted(relations.changed)
        left_out = store_file.upsert_relations(relations[k] for k in changed_relations if k in relations)
        store_file.delete_relations(k for k in changed_relations if k not in relations)
        return left_out

    def add(self, extraction: Extraction) -> AddResult:
        """Merge one article's extraction; an article already stored changes nothing."""
        article = extraction.article
        if self.has_article(article.id):
            return AddResult(skipped=True)
        result = AddResult()
        stored_key: dict[str, str] = {}
        for entity in extraction.entities:
            key, new = self.index.add(entity, article.id)
            stored_key[entity.key] = key
            result.entities_added += new
        for relation in extraction.relations:
            moved = Relation(type=relation.type, source=stored_key.get(relation.source, relation.source),
                             target=stored_key.get(relation.target, relation.target),
                             props=dict(relation.props), evidence=list(relation.evidence),
                             confidence=relation.confidence)
            if moved.source == moved.target:
                continue
            known = self.relation(moved.key)
            if known is None:
                self._relations[moved.key] = moved
                result.relations_added += 1
                result.evidence_added += len(moved.evidence)
            else:
                before = len(known.evidence)
                changed = known.merge(moved)
                if moved.confidence > known.confidence:  # the highest, whatever the order of the articles
                    known.confidence, changed = moved.confidence, True
                if changed:
                    self._relations[moved.key] = known
                result.evidence_added += len(known.evidence) - before
        self._articles[article.id] = Article(id=article.id, path=article.path, title=article.title,
                                             language=article.language)
        return result

    # -- whole ---------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Everything, in key order (the shape of the former ``graph.json``)."""
        return {
            "format": FORMAT, "version": LEGACY_VERSION,
            "articles": [a.to_dict() for a in sorted(self.articles.values(), key=lambda a: a.id)],
            "entities": [e.to_dict() for e in sorted(self.entities.values(), key=lambda e: e.key)],
            "relations": [r.to_dict() for _, r in sorted(self.relations.items())],
        }

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph as a NetworkX MultiDiGraph: entity keys as nodes, one edge per relation (key = type)."""
        store_file = None if (self._index is not None and self._relations_complete) else self.file()
        with paused_gc():
            return _networkx_from_file(store_file) if store_file is not None else self._networkx_from_memory()

    def _networkx_from_memory(self) -> nx.MultiDiGraph:
        import networkx as nx  # only questions that read the whole graph need it
        graph = nx.MultiDiGraph(articles={a.id: a.to_dict() for a in self.articles.values()})
        for entity in self.entities.values():
            graph.add_node(entity.key, type=entity.type, name=entity.name, aliases=list(entity.aliases),
                           articles=list(entity.articles))
        for relation in self.relations.values():
            graph.add_edge(relation.source, relation.target, key=relation.type, type=relation.type,
                           props=dict(relation.props), confidence=relation.confidence,
                           evidence=[e.to_dict() for e in relation.evidence])
        return graph


def _networkx_from_file(store_file: StoreFile) -> nx.MultiDiGraph:
    """:meth:`GraphStore.to_networkx` read straight from the rows (no model objects in between)."""
    import networkx as nx
    with store_file.snapshot():
        graph = nx.MultiDiGraph(articles={a.id: a.to_dict() for a in store_file.articles()})
        graph.add_nodes_from(store_file.node_rows())
        graph.add_edges_from(store_file.edge_rows())
    return graph


def _tracked(index: EntityIndex) -> EntityIndex:
    """The index with its entities in a :class:`ChangedDict` (no changes yet)."""
    index.entities = ChangedDict(index.entities)
    return index


def _read_legacy(path: Path) -> tuple[dict[str, Article], dict[str, Entity], dict[tuple[str, str, str], Relation]]:
    """The contents of a ``graph.json`` written by earlier versions; StoreError when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"{path} is not a readable foundergraph store ({exc.__class__.__name__}); "
                         "move it away or choose another --store") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError(f"{path} is not a foundergraph store; move it away or choose another --store")
    if data.get("version") != LEGACY_VERSION:
        raise StoreError(f"{path} has store version {data.get('version')}, expected {LEGACY_VERSION}")
    try:
        articles = {a["id"]: Article.from_dict(a) for a in data["articles"]}
        entities = {e["key"]: Entity.from_dict(e) for e in data["entities"]}
        relations = {r.key: r for r in (Relation.from_dict(r) for r in data["relations"])}
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"{path} is damaged ({exc!r}); move it away or choose another --store") from None
    return articles, entities, relations
