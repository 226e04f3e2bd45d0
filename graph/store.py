"""The embedded store: the whole graph in one JSON file, written atomically.

Location: ``--store DIR``, else ``$FOUNDERGRAPH_STORE``, else
``$XDG_DATA_HOME/foundergraph`` (``~/.local/share/foundergraph``). The file is
``graph.json`` in that folder; it is replaced by rename, so an interrupted
write leaves the previous graph intact, and a file that is not a foundergraph
store is reported and never overwritten.
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

from graph.errors import StoreError
from graph.model import Article, Entity, Extraction, Relation
from loaders.resolve import EntityIndex

FORMAT = "foundergraph"
VERSION = 1
FILE_NAME = "graph.json"


def default_store_dir() -> Path:
    """The store folder used when no ``--store`` is given."""
    if os.environ.get("FOUNDERGRAPH_STORE"):
        return Path(os.environ["FOUNDERGRAPH_STORE"]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "foundergraph"


@dataclass
class AddResult:
    """What adding one article's extraction changed."""

    skipped: bool = False
    entities_added: int = 0
    relations_added: int = 0
    evidence_added: int = 0


class GraphStore:
    """Articles, entities and relations in memory, loaded from and saved to one store folder."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory else default_store_dir()
        self.path = self.directory / FILE_NAME
        self.articles: dict[str, Article] = {}
        self.index = EntityIndex()
        self.relations: dict[tuple[str, str, str], Relation] = {}

    @property
    def entities(self) -> dict[str, Entity]:
        return self.index.entities

    # -- reading and writing -------------------------------------------------------------------
    @classmethod
    def open(cls, directory: Path | str | None = None) -> "GraphStore":
        """Load the store in ``directory`` (an empty store when the folder has none yet)."""
        store = cls(directory)
        if store.directory.exists() and not store.directory.is_dir():
            raise StoreError(f"store location {store.directory} is a file, not a folder")
        if store.path.exists():
            store._load()
        return store

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(f"{self.path} is not a readable foundergraph store ({exc.__class__.__name__}); "
                             "move it away or choose another --store") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError(f"{self.path} is not a foundergraph store; move it away or choose another --store")
        if data.get("version") != VERSION:
            raise StoreError(f"{self.path} has store version {data.get('version')}, expected {VERSION}")
        try:
            self.articles = {a["id"]: Article.from_dict(a) for a in data["articles"]}
            self.index = EntityIndex({e["key"]: Entity.from_dict(e) for e in data["entities"]})
            relations = (Relation.from_dict(r) for r in data["relations"])
            self.relations = {r.key: r for r in relations}
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreError(f"{self.path} is damaged ({exc!r}); move it away or choose another --store") from None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION,
            "articles": [a.to_dict() for a in sorted(self.articles.values(), key=lambda a: a.id)],
            "entities": [e.to_dict() for e in sorted(self.entities.values(), key=lambda e: e.key)],
            "relations": [r.to_dict() for _, r in sorted(self.relations.items())],
        }

    def save(self) -> None:
        """Write the store atomically: a temporary file in the same folder, then a rename."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=self.directory)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(self.to_dict(), out, ensure_ascii=False, separators=(",", ":"))
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StoreError(f"cannot write the store in {self.directory}: {exc.strerror or exc}") from None

    @contextmanager
    def locked(self) -> Iterator["GraphStore"]:
        """Hold the store's write lock, reload it, and yield it: two ingests at once never lose work."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            lock = open(self.directory / ".lock", "w")
        except OSError as exc:
            raise StoreError(f"cannot use the store in {self.directory}: {exc.strerror or exc}") from None
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.path.exists():
                self._load()
            yield self

    # -- changing ------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return article_id in self.articles

    def add(self, extraction: Extraction) -> AddResult:
        """Merge one article's extraction; an article already stored changes nothing."""
        article = extraction.article
        if article.id in self.articles:
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
            known = self.relations.get(moved.key)
            if known is None:
                self.relations[moved.key] = moved
                result.relations_added += 1
                result.evidence_added += len(moved.evidence)
            else:
                before = len(known.evidence)
                known.merge(moved)
                result.evidence_added += len(known.evidence) - before
        self.articles[article.id] = Article(id=article.id, path=article.path, title=article.title,
                                            language=article.language)
        return result

    # -- reading as a graph --------------------------------------------------------------------
    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph as a NetworkX MultiDiGraph: entity keys as nodes, one edge per relation (key = type)."""
        graph = nx.MultiDiGraph(articles={a.id: a.to_dict() for a in self.articles.values()})
        for entity in self.entities.values():
            graph.add_node(entity.key, type=entity.type, name=entity.name, aliases=list(entity.aliases),
                           articles=list(entity.articles))
        for relation in self.relations.values():
            graph.add_edge(relation.source, relation.target, key=relation.type, type=relation.type,
                           props=dict(relation.props), confidence=relation.confidence,
                           evidence=[e.to_dict() for e in relation.evidence])
        return graph
