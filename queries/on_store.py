"""The questions of :mod:`queries.on_networkx`, asked of an embedded store without loading all of it.

Each function takes a :class:`graph.store.GraphStore` and answers what its namesake in
:mod:`queries.on_networkx` answers on ``store.to_networkx()``, record for record:

* names are resolved on the store (its key and name-key rows, :func:`graph.lookup.find_stored`);
* questions about entities run the NetworkX functions themselves on a
  :class:`graph.neighbourhood.Neighbourhood`, the part of the graph around those entities, loaded as
  the walk needs it;
* degrees of separation and the graph's figures come from the path index (:mod:`graph.index`) and
  counts in SQL.

A store with unsaved changes in memory is answered from its whole NetworkX graph instead.
"""
from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from graph import analysis
from graph.analysis import DEFAULT_KNOWING
from graph.lookup import Key, find_stored as find
from graph.model import ORGANIZATION, PERSON, RELATION_TYPES
from graph.neighbourhood import Neighbourhood
from graph.store import GraphStore
from queries import on_networkx

Record = dict[str, Any]

__all__ = ["find", "separation", "who_knows", "introducers", "mentors", "mentees", "investors", "portfolio",
           "acquisitions", "founders", "colleagues", "person", "articles", "stats", "statistics"]


def _around(store: GraphStore, names: list[tuple[str, str | None]], wide: bool) -> tuple[nx.MultiDiGraph, list[Key]]:
    """The graph around the entities with these (name, type): completed, or with ``wide`` expanded too
    (their organizations' members: what knowing ties need)."""
    keys = [Key(find(store, name, entity_type)) for name, entity_type in names]
    store_file = store.file()
    if store_file is None:
        return store.to_networkx(), keys
    hood = Neighbourhood(store_file)
    hood.expand(keys) if wide else hood.complete(keys)
    return hood.graph, keys


def separation(store: GraphStore, a: str, b: str, **options: Any) -> Record:
    """See :func:`queries.separation.separation` (the path index: numpy, loaded only for this question)."""
    from queries import separation as indexed
    return indexed.separation(store, a, b, **options)


def who_knows(store: GraphStore, name: str, hops: int = 2, kinds: Iterable[str] = DEFAULT_KNOWING) -> list[Record]:
    """See :func:`queries.on_networkx.who_knows`."""
    G, (key,) = _around(store, [(name, PERSON)], wide=True)
    return on_networkx.who_knows(G, key, hops, kinds)


def introducers(store: GraphStore, a: str, b: str, kinds: Iterable[str] = DEFAULT_KNOWING,
                max_hops: int = 4) -> list[Record]:
    """See :func:`queries.on_networkx.introducers`."""
    G, (source, target) = _around(store, [(a, PERSON), (b, PERSON)], wide=True)
    return on_networkx.introducers(G, source, target, kinds, max_hops)


def _one(question: str, entity_type: str | None, wide: bool = False):
    def ask(store: GraphStore, name: str) -> Any:
        G, (key,) = _around(store, [(name, entity_type)], wide)
        return getattr(on_networkx, question)(G, key)
    ask.__name__ = question
    ask.__doc__ = f"See :func:`queries.on_networkx.{question}`."
    return ask


mentors = _one("mentors", PERSON)
mentees = _one("mentees", PERSON)
investors = _one("investors", ORGANIZATION)
portfolio = _one("portfolio", None)
acquisitions = _one("acquisitions", ORGANIZATION)
founders = _one("founders", ORGANIZATION)
colleagues = _one("colleagues", PERSON, wide=True)
person = _one("person", None)


def articles(store: GraphStore, ids: list[str]) -> dict[str, Record]:
    """The articles with these ids, by id (``{id, path, title, language}``)."""
    return {i: article.to_dict() for i in ids if (article := store.article(i))}


def stats(store: GraphStore) -> Record:
    """See :func:`queries.on_networkx.stats`: counts of articles, entities by type and relations by type."""
    store_file = store.file()
    if store_file is None:
        return on_networkx.stats(store.to_networkx())
    with store_file.snapshot() as db:
        by_type = dict(db.execute("SELECT type, count(*) FROM entities GROUP BY type"))
        by_relation = dict(db.execute("SELECT type, count(*) FROM relations GROUP BY type"))
        articles_count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    return {"articles": articles_count, "entities": sum(by_type.values()),
            "entities_by_type": {t: by_type.get(t, 0) for t in (PERSON, ORGANIZATION)},
            "relations": sum(by_relation.values()),
            "relations_by_type": {t: by_relation.get(t, 0) for t in RELATION_TYPES}}


def statistics(store: GraphStore) -> Record:
    """What :func:`graph.analysis.statistics` says of ``store.to_networkx()``, from the counts and the path
    index (components and degrees of the entity graph are those of its adjacency)."""
    import numpy as np
    from scipy.sparse import csgraph  # the other questions never need numpy or scipy

    from graph.index import GraphIndex
    if store.file() is None:
        return analysis.statistics(store.to_networkx())
    figures = stats(store)
    index = GraphIndex.for_store(store)
    n = len(index)
    degree = np.diff(index.indptr)
    components = 0
    largest = 0
    if n:
        components, labels = csgraph.connected_components(index.adjacency, directed=False)
        largest = int(np.bincount(labels).max())
    pairs = int(degree.sum()) // 2
    top = [int(i) for i in np.lexsort((np.arange(n), -degree))[:10] if degree[i] > 0]  # keys are sorted
    most_connected = [{"key": index.keys[i], "name": store.entity(index.keys[i]).name, "degree": int(degree[i])}
                      for i in top]
    figures.update({
        "components": int(components), "largest_component": largest, "isolated": int((degree == 0).sum()),
        "density": 2 * pairs / (n * (n - 1)) if n > 1 else 0.0,
        "most_connected": most_connected,
    })
    return figures
