"""The question library on the embedded graph: the NetworkX twin of every query in :mod:`queries.cypher`.

Each function takes the graph (``GraphStore.open(dir).to_networkx()``) and what the user typed, and
returns plain records, the same as the function of the same name in :mod:`queries.on_neo4j` returns
from Neo4j. Unknown names raise :class:`graph.errors.EntityNotFound` with close matches.

>>> from graph.model import Entity, Relation
>>> from graph.store import GraphStore
>>> store = GraphStore("/nonexistent")
>>> _ = store.index.add(Entity(key="ada", type="Person", name="Ada"), "a1")
>>> _ = store.index.add(Entity(key="bob", type="Person", name="Bob"), "a1")
>>> store.relations = {r.key: r for r in [Relation("MENTORED", "ada", "bob")]}
>>> [r["source_name"] for r in mentors(store.to_networkx(), "bob")]
['Ada']
"""
from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from graph import analysis
from graph.analysis import DEFAULT_KNOWING
from graph.model import ACQUIRED, FOUNDED, INVESTED_IN, MENTORED, ORGANIZATION, PERSON, WORKS_AT
from graph.lookup import find_entity

Record = dict[str, Any]


def find(G: nx.MultiDiGraph, name: str, entity_type: str | None = None) -> str:
    """The key of the entity called ``name`` (see :func:`graph.lookup.resolve`)."""
    return find_entity(G, name, entity_type)


def _entity(G: nx.MultiDiGraph, key: str) -> Record:
    return {"key": key, "name": G.nodes[key].get("name", key), "type": G.nodes[key].get("type", "")}


def separation(G: nx.MultiDiGraph, a: str, b: str, *, all_paths: bool = False, via_orgs: bool = False,
               types: Iterable[str] | None = None, limit: int = 100) -> Record:
    """Degrees of separation between the entities named ``a`` and ``b``.

    ``{"source", "target", "degrees", "paths": [{"keys", "hops"}]}``: ``degrees`` is None and ``paths``
    empty when they are not connected. One shortest path, or with ``all_paths`` every shortest path
    (sorted by keys, at most ``limit``). Each hop is the most trusted relation between its two entities.
    """
    types = sorted(analysis.check_types(types))
    source, target = find(G, a), find(G, b)
    if all_paths:
        chains = analysis.all_shortest_path_keys(G, source, target, via_orgs=via_orgs, types=types, limit=limit)
    else:
        chain = analysis.shortest_path_keys(G, source, target, via_orgs=via_orgs, types=types)
        chains = [chain] if chain else []
    return {"source": _entity(G, source), "target": _entity(G, target),
            "degrees": len(chains[0]) - 1 if chains else None,
            "paths": [{"keys": keys, "hops": analysis.path_hops(G, keys, types)} for keys in chains]}


def who_knows(G: nx.MultiDiGraph, name: str, hops: int = 2, kinds: Iterable[str] = DEFAULT_KNOWING) -> list[Record]:
    """The people within ``hops`` of the person named ``name`` in the knowing graph, nearest first, then by key."""
    person = find(G, name, PERSON)
    return [{"key": key, "name": G.nodes[key].get("name", key), "distance": distance}
            for key, distance in analysis.within_k_hops(G, person, hops, kinds).items()]


def introducers(G: nx.MultiDiGraph, a: str, b: str, kinds: Iterable[str] = DEFAULT_KNOWING,
                max_hops: int = 4) -> list[Record]:
    """Who can introduce ``a`` to ``b``: mutual connections, else ``a``'s contacts nearest to ``b``, ranked."""
    source, target = find(G, a, PERSON), find(G, b, PERSON)
    return analysis.introduction_candidates(G, source, target, kinds, max_hops)


def _relations(G: nx.MultiDiGraph, key: str, rtype: str, incoming: bool) -> list[Record]:
    edges = G.in_edges(key, keys=True, data=True) if incoming else G.out_edges(key, keys=True, data=True)
    found = [analysis.relation_record(G, u, v, d) for u, v, t, d in edges if t == rtype]
    return sorted(found, key=lambda r: (r["source"], r["target"]))


def mentors(G: nx.MultiDiGraph, name: str) -> list[Record]:
    """The MENTORED relations into the person named ``name`` (who mentored them), by mentor key."""
    return _relations(G, find(G, name, PERSON), MENTORED, incoming=True)


def mentees(G: nx.MultiDiGraph, name: str) -> list[Record]:
    """The MENTORED relations out of the person named ``name`` (whom they mentored), by mentee key."""
    return _relations(G, find(G, name, PERSON), MENTORED, incoming=False)


def investors(G: nx.MultiDiGraph, company: str) -> list[Record]:
    """The INVESTED_IN relations into the organization named ``company``, by investor key."""
    return _relations(G, find(G, company, ORGANIZATION), INVESTED_IN, incoming=True)


def portfolio(G: nx.MultiDiGraph, investor: str) -> list[Record]:
    """The INVESTED_IN relations out of the investor (person or organization) named ``investor``."""
    return _relations(G, find(G, investor), INVESTED_IN, incoming=False)


def acquisitions(G: nx.MultiDiGraph, company: str) -> list[Record]:
    """ACQUIRED relations by and of the organization named ``company``, by (acquirer, acquired)."""
    key = find(G, company, ORGANIZATION)
    found = _relations(G, key, ACQUIRED, incoming=True) + _relations(G, key, ACQUIRED, incoming=False)
    return sorted(found, key=lambda r: (r["source"], r["target"]))


def founders(G: nx.MultiDiGraph, company: str) -> list[Record]:
    """The FOUNDED relations into the organization named ``company``, by founder key."""
    return _relations(G, find(G, company, ORGANIZATION), FOUNDED, incoming=True)


def colleagues(G: nx.MultiDiGraph, name: str) -> list[Record]:
    """People who founded or work at an organization the person named ``name`` founded or works at."""
    person = find(G, name, PERSON)
    found = []
    for _, org, r1 in G.out_edges(person, keys=True):
        if r1 not in (FOUNDED, WORKS_AT) or G.nodes[org].get("type") != ORGANIZATION:
            continue
        for other, _, r2 in G.in_edges(org, keys=True):
            if r2 in (FOUNDED, WORKS_AT) and other != person and G.nodes[other].get("type") == PERSON:
                found.append({"key": other, "name": G.nodes[other].get("name", other), "organization": org,
                              "organization_name": G.nodes[org].get("name", org), "relation": r1,
                              "their_relation": r2})
    return sorted(found, key=lambda r: (r["key"], r["organization"], r["relation"], r["their_relation"]))


def person(G: nx.MultiDiGraph, name: str) -> Record:
    """The summary of the entity named ``name``: roles, companies, mentors, investors, sources."""
    return analysis.entity_summary(G, find(G, name))


def articles(G: nx.MultiDiGraph, ids: list[str]) -> dict[str, Record]:
    """The articles with these ids, by id (``{id, path, title, language}``)."""
    known = G.graph.get("articles", {})
    return {i: dict(known[i]) for i in ids if i in known}


def stats(G: nx.MultiDiGraph) -> Record:
    """Counts of articles, entities by type and relations by type."""
    full = analysis.statistics(G)
    return {k: full[k] for k in ("articles", "entities", "entities_by_type", "relations", "relations_by_type")}
