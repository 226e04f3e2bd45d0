"""The part of an embedded store's graph around some entities, loaded as the analysis functions walk it.

A question about one person (their mentors, their summary, who they know within two hops, who can
introduce them to someone) reads a few thousand relations of a graph that may hold millions. A
:class:`Neighbourhood` is a NetworkX graph of the same shape as :meth:`graph.store.GraphStore.to_networkx`
that holds only what was asked for: :meth:`Neighbourhood.complete` loads every relation of some
entities (and the entities at their other ends, and the articles of their evidence and of those entities);
:meth:`Neighbourhood.expand` does it for some people and for the organizations they are linked to,
which is all :func:`graph.analysis.knowing_ties` and :func:`graph.analysis.knowing_reach` read about
them. The graph carries ``expand`` as ``G.graph["expand"]``, so those functions load the next level of
a breadth-first walk before reading it, and answer exactly as on the whole graph.
"""
from __future__ import annotations

import json
from typing import Iterable

import networkx as nx

from graph.model import ORGANIZATION
from graph.store_db import CHUNK, StoreFile, evidence_dicts


class Neighbourhood:
    """A growing NetworkX graph of the entities completed so far and everything linked to them."""

    def __init__(self, store_file: StoreFile) -> None:
        self.file = store_file
        self.graph = nx.MultiDiGraph(articles={})
        self.graph.graph["expand"] = self.expand
        self._complete: set[str] = set()
        self._described: set[str] = set()

    def complete(self, keys: Iterable[str]) -> nx.MultiDiGraph:
        """Load every relation from or to these entities; returns the graph."""
        todo = sorted(set(keys) - self._complete)
        with self.file.snapshot():
            for start in range(0, len(todo), CHUNK):
                chunk = todo[start:start + CHUNK]
                rows = self.file.incident_rows(chunk)
                self._describe(chunk + [key for row in rows for key in row[1:3]])
                articles = set()
                for rtype, source, target, props, confidence, evidence in rows:
                    found = evidence_dicts(evidence)
                    articles.update(e["article_id"] for e in found)
                    self.graph.add_edge(source, target, key=rtype, type=rtype, props=json.loads(props),
                                        confidence=confidence, evidence=found)
                self._add_articles(articles)
        self._complete.update(todo)
        return self.graph

    def expand(self, people: Iterable[str]) -> None:
        """Complete these people and the organizations they are linked to (founded, work at, invested in...)."""
        people = list(people)
        self.complete(people)
        G = self.graph
        self.complete({org for p in people if p in G for org in G.successors(p)
                       if G.nodes[org].get("type") == ORGANIZATION})

    def _describe(self, keys: list[str]) -> None:
        """Give the nodes of these entities their attributes (type, name, aliases, articles)."""
        missing = sorted(set(keys) - self._described)
        articles: set[str] = set()
        for start in range(0, len(missing), CHUNK):
            for entity in self.file.entities_by_keys(missing[start:start + CHUNK]):
                self.graph.add_node(entity.key, type=entity.type, name=entity.name, aliases=list(entity.aliases),
                                    articles=list(entity.articles))
                articles.update(entity.articles)
        self._described.update(missing)
        self._add_articles(articles)

    def _add_articles(self, ids: set[str]) -> None:
        known = self.graph.graph["articles"]
        missing = sorted(i for i in ids if i not in known)
        for start in range(0, len(missing), CHUNK):
            for article in self.file.articles_by_ids(missing[start:start + CHUNK]):
                known[article.id] = article.to_dict()


def around(store_file: StoreFile, center: str, hops: int, types: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The graph of a store as far as ``hops`` relations (of ``types``, either direction) from ``center``:
    every entity that close completed, so a view of that ball (its nodes, the relations between them,
    each node's roles and degree) is the view of the whole graph's ball."""
    hood = Neighbourhood(store_file)
    wanted = set(types) if types is not None else None
    G = hood.complete([center])
    G.graph["store_size"] = store_file.counts()[1:]  # (entities, relations): what the page says it is part of
    seen, frontier = {center}, [center]
    for _ in range(max(hops, 0)):
        reached = set()
        for node in frontier:
            if node not in G:
                continue
            for u, v, rtype in [*G.out_edges(node, keys=True), *G.in_edges(node, keys=True)]:
                if wanted is None or rtype in wanted:
                    reached.add(v if u == node else u)
        frontier = sorted(reached - seen)
        seen.update(frontier)
        hood.complete(frontier)
    return G
