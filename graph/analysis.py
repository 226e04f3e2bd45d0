"""Graph analysis as plain functions over the NetworkX graph of the embedded store.

Every function takes the :class:`networkx.MultiDiGraph` that
:meth:`graph.store.GraphStore.to_networkx` returns (nodes are entity keys with
``type``/``name``/``aliases``/``articles``; one edge per relation, key = type)
and returns plain values: keys, lists, dicts. Names typed by users are
resolved in :mod:`queries`; here everything is an entity key.

Two graphs are read from the stored one:

* the **entity graph**: every stored relation is a hop between two entities,
  in either direction (used by degrees of separation, brokers, communities);
* the **knowing graph**: people only, two people linked when they know each
  other in one of the :data:`KNOWING_KINDS` ways (used by who-knows-whom and
  introductions).

Ties are broken by key everywhere a ranking could be ambiguous, so the
Cypher forms in :mod:`queries` return the same answers.

A graph may be only the part of a store around some entities
(:class:`graph.neighbourhood.Neighbourhood`): it then carries
``G.graph["expand"]``, which the knowing-graph walks call on the people whose
ties they are about to read, so the graph grows as far as the question needs.

Examples
--------
>>> from graph.model import Entity, Relation
>>> from graph.store import GraphStore
>>> store = GraphStore("/nonexistent")
>>> for key in ("ada", "bob", "cy"):
...     _ = store.index.add(Entity(key=key, type="Person", name=key.title()), "a1")
>>> _ = store.index.add(Entity(key="acme", type="Organization", name="Acme"), "a1")
>>> store.relations = {r.key: r for r in [Relation("WORKS_AT", "ada", "acme"), Relation("WORKS_AT", "bob", "acme"),
...                                       Relation("KNOWS", "bob", "cy")]}
>>> G = store.to_networkx()
>>> shortest_path_keys(G, "ada", "cy") is None      # people-only chains: Acme may not be a hop
True
>>> shortest_path_keys(G, "ada", "cy", via_orgs=True)
['ada', 'acme', 'bob', 'cy']
>>> within_k_hops(G, "ada", 2)
{'bob': 1, 'cy': 2}
"""
from __future__ import annotations

import itertools
import weakref
from collections import Counter, defaultdict
from typing import Any, Callable, Iterable

import networkx as nx

from graph.model import (ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON,
                         RELATION_PROPS, RELATION_TYPES, UNDIRECTED_TYPES, WORKS_AT, KNOWING_KINDS,
                         best_relation_order, check_types)

DEFAULT_KNOWING = KNOWING_KINDS

Tie = tuple[str, str | None]  # (kind, organization key through which it holds, or None when direct)


# -- edges and relations ---------------------------------------------------------------------------
def check_kinds(kinds: Iterable[str]) -> frozenset[str]:
    """The kinds of tie as a set; ValueError naming the valid ones for anything else."""
    kinds = frozenset(kinds)
    unknown = kinds - set(KNOWING_KINDS)
    if unknown:
        raise ValueError(f"unknown kind of tie {sorted(unknown)}; choose among {', '.join(KNOWING_KINDS)}")
    return kinds


def _is_person(G: nx.MultiDiGraph, node: str) -> bool:
    return G.nodes[node].get("type") == PERSON


def relation_record(G: nx.MultiDiGraph, source: str, target: str, data: dict[str, Any]) -> dict[str, Any]:
    """One stored relation as a plain record: endpoints with names, props of its type, evidence sorted.

    An undirected relation (KNOWS) goes from the lower key to the higher, as Neo4j stores it.
    """
    rtype = data["type"]
    if rtype in UNDIRECTED_TYPES and source > target:
        source, target = target, source
    props = {k: v for k, v in data.get("props", {}).items() if k in RELATION_PROPS[rtype] and v is not None}
    evidence = sorted((dict(e) for e in data.get("evidence", [])),
                      key=lambda e: (e["article_id"], e["start"], e["end"], e["sentence"]))
    return {"type": rtype, "source": source, "source_name": G.nodes[source].get("name", source),
            "target": target, "target_name": G.nodes[target].get("name", target), "props": props,
            "confidence": data.get("confidence"), "evidence": evidence}


def relations_between(G: nx.MultiDiGraph, a: str, b: str, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every relation between two entities, either direction, as records, most trusted first."""
    types = check_types(types)
    found = [relation_record(G, u, v, d) for u, v in ((a, b), (b, a)) if G.has_edge(u, v)
             for d in G.get_edge_data(u, v).values() if d["type"] in types]
    return sorted(found, key=best_relation_order)


def relations_of(G: nx.MultiDiGraph, key: str) -> list[dict[str, Any]]:
    """Every relation touching an entity, as records sorted by (type, source, target)."""
    found = [relation_record(G, u, v, d) for u, v, d in itertools.chain(G.out_edges(key, data=True),
                                                                        G.in_edges(key, data=True))]
    return sorted(found, key=lambda r: (r["type"], r["source"], r["target"]))


# -- degrees of separation -------------------------------------------------------------------------
def entity_graph(G: nx.MultiDiGraph, types: Iterable[str] | None = None, via_orgs: bool = True,
                 endpoints: Iterable[str] = ()) -> nx.Graph:
    """The undirected simple graph of entities whose edges are stored relations of ``types``.

    With ``via_orgs=False`` only people (and the given ``endpoints``) are kept, so a chain cannot pass
    through an organization.
    """
    types = check_types(types)
    keep = set(endpoints)
    H = nx.Graph()
    for node, data in G.nodes(data=True):
        if via_orgs or data.get("type") == PERSON or node in keep:
            H.add_node(node)
    for u, v, rtype in G.edges(keys=True):
        if rtype in types and u in H and v in H and u != v:
            H.add_edge(u, v)
    return H


#: The entity graph of each NetworkX graph, per set of relation types, with the stamp it was built at.
_ENTITY_GRAPHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def path_graph(G: nx.MultiDiGraph, types: Iterable[str] | None = None, via_orgs: bool = True,
               endpoints: Iterable[str] = ()) -> nx.Graph:
    """What :func:`entity_graph` returns, read-only, from an entity graph built once per ``G`` and types.

    The full entity graph (every entity, relations of ``types``) is cached on ``G`` (weakly) and rebuilt
    when ``G``'s number of nodes or of linked pairs changed. A graph changed in place without changing
    these counts (a node's type edited, a relation added between two already linked entities, one relation
    swapped for another) needs :func:`forget_path_graphs` first. With
    ``via_orgs=False`` the answer is a view of it without the non-people (except ``endpoints``): its
    neighbours come in the same order as in a fresh :func:`entity_graph`, so searches break ties the same way.
    """
    types = check_types(types)
    # G.number_of_edges() walks every node's edges (~0.3 s at 100k people); the number of linked pairs
    # is a sum of dict sizes (~ms)
    stamp = (G.number_of_nodes(), sum(len(neighbours) for _, neighbours in G.adjacency()))
    cached = _ENTITY_GRAPHS.get(G)
    if cached is None or cached[0] != stamp:
        people = frozenset(node for node, data in G.nodes(data=True) if data.get("type") == PERSON)
        cached = _ENTITY_GRAPHS[G] = (stamp, people, {})
    _, people, graphs = cached
    full = graphs.get(types)
    if full is None:
        full = graphs[types] = nx.freeze(entity_graph(G, types))
    if via_orgs:
        return full
    extra = frozenset(endpoints)
    # a plain function (not nx.filters.show_nodes) keeps the neighbour order of ``full``
    return nx.subgraph_view(full, filter_node=lambda node: node in people or node in extra)


def forget_path_graphs(G: nx.MultiDiGraph | None = None) -> None:
    """Drop the cached entity graphs of ``G`` (None: of every graph)."""
    if G is None:
        _ENTITY_GRAPHS.clear()
    else:
        _ENTITY_GRAPHS.pop(G, None)


def shortest_path_keys(G: nx.MultiDiGraph, source: str, target: str, via_orgs: bool = False,
                       types: Iterable[str] | None = None) -> list[str] | None:
    """The keys along one shortest chain of relations from ``source`` to ``target``; None when unconnected.

    Relations count in both directions; without ``via_orgs`` the intermediate entities are people.
    """
    for node in (source, target):
        if node not in G:
            raise nx.NodeNotFound(f"{node!r} is not in the graph")
    H = path_graph(G, types, via_orgs=via_orgs, endpoints=(source, target))
    try:
        return nx.shortest_path(H, source, target)
    except nx.NetworkXNoPath:
        return None


def all_shortest_path_keys(G: nx.MultiDiGraph, source: str, target: str, via_orgs: bool = False,
                           types: Iterable[str] | None = None, limit: int | None = None) -> list[list[str]]:
    """Every shortest chain (as key lists), sorted by keys; at most ``limit`` of them. [] when unconnected."""
    for node in (source, target):
        if node not in G:
            raise nx.NodeNotFound(f"{node!r} is not in the graph")
    if source == target:
        return [[source]]
    H = path_graph(G, types, via_orgs=via_orgs, endpoints=(source, target))
    try:
        paths = sorted(nx.all_shortest_paths(H, source, target))
    except nx.NetworkXNoPath:
        return []
    return paths[:limit] if limit else paths


def path_hops(G: nx.MultiDiGraph, keys: list[str], types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The hops of a chain of keys: for each pair, the most trusted relation between them, with evidence."""
    return [relations_between(G, a, b, types)[0] for a, b in zip(keys, keys[1:])]


# -- the knowing graph -----------------------------------------------------------------------------
def _load_around(G: nx.MultiDiGraph, people: list[str]) -> None:
    """Let a partly loaded graph load the ties of these people before they are read (see the module doc)."""
    expand = G.graph.get("expand")
    if expand is not None:
        expand(people)


def knowing_ties(G: nx.MultiDiGraph, person: str, kinds: Iterable[str] = DEFAULT_KNOWING) -> dict[str, set[Tie]]:
    """The people ``person`` knows directly, each with the set of ``(kind, organization)`` ties.

    KNOWS, MENTORED and INVESTED_IN tie two people directly (either direction, organization None);
    FOUNDED and WORKS_AT tie two people who founded / work at the same organization; INVESTED_IN also ties
    an investor to the founders of a company it invested in.
    """
    kinds = check_kinds(kinds)
    _load_around(G, [person])
    ties: dict[str, set[Tie]] = defaultdict(set)
    if person not in G or not _is_person(G, person):
        return {}

    def edges(node: str) -> Iterable[tuple[str, str, str]]:  # (other end, type, direction)
        for _, other, rtype in G.out_edges(node, keys=True):
            yield other, rtype, "out"
        for other, _, rtype in G.in_edges(node, keys=True):
            yield other, rtype, "in"

    for other, rtype, direction in edges(person):
        if other == person:
            continue
        if rtype in (KNOWS, MENTORED, INVESTED_IN) and rtype in kinds and _is_person(G, other):
            ties[other].add((rtype, None))
        if direction != "out" or G.nodes[other].get("type") != ORGANIZATION:
            continue
        org = other
        for peer, peer_type, peer_direction in edges(org):
            if peer_direction != "in" or peer == person or not _is_person(G, peer):
                continue
            if rtype in (FOUNDED, WORKS_AT) and rtype in kinds and peer_type == rtype:
                ties[peer].add((rtype, org))
            if INVESTED_IN in kinds and {rtype, peer_type} == {INVESTED_IN, FOUNDED}:
                ties[peer].add((INVESTED_IN, org))
    return dict(ties)


def knowing_reach(G: nx.MultiDiGraph, people: Iterable[str], kinds: Iterable[str] = DEFAULT_KNOWING) -> set[str]:
    """Everyone some of ``people`` know directly (may include ``people`` themselves).

    The same as the union of :func:`knowing_ties`, but each organization is expanded once per kind, so a
    BFS level costs the edges it touches rather than the square of the organizations' sizes.
    """
    kinds = check_kinds(kinds)
    people = list(people)
    _load_around(G, people)
    reached: set[str] = set()
    through: set[tuple[str, str]] = set()  # (organization, type of the frontier person's relation to it)
    for person in people:
        if person not in G or not _is_person(G, person):
            continue
        for _, other, rtype in G.out_edges(person, keys=True):
            if G.nodes[other].get("type") == ORGANIZATION:
                through.add((other, rtype))
            elif rtype in (KNOWS, MENTORED, INVESTED_IN) and rtype in kinds and _is_person(G, other):
                reached.add(other)
        for other, _, rtype in G.in_edges(person, keys=True):
            if rtype in (KNOWS, MENTORED, INVESTED_IN) and rtype in kinds and _is_person(G, other):
                reached.add(other)
    wanted: dict[str, set[str]] = defaultdict(set)  # organization -> relation types its members need
    for org, rtype in through:
        if rtype in (FOUNDED, WORKS_AT) and rtype in kinds:
            wanted[org].add(rtype)
        if INVESTED_IN in kinds and rtype in (FOUNDED, INVESTED_IN):
            wanted[org].add(FOUNDED if rtype == INVESTED_IN else INVESTED_IN)
    for org, types in wanted.items():
        reached.update(peer for peer, _, peer_type in G.in_edges(org, keys=True)
                       if peer_type in types and _is_person(G, peer))
    return reached


def knowing_graph(G: nx.MultiDiGraph, kinds: Iterable[str] = DEFAULT_KNOWING) -> nx.Graph:
    """People as nodes, an edge between two people who know each other; edge attr ``ties`` (sorted)."""
    H = nx.Graph()
    for node, data in G.nodes(data=True):
        if data.get("type") == PERSON:
            H.add_node(node, name=data.get("name", node))
            for other, ties in knowing_ties(G, node, kinds).items():
                H.add_edge(node, other, ties=sorted(ties, key=_tie_order))
    return H


def _tie_order(tie: Tie) -> tuple[str, str]:
    return (tie[0], tie[1] or "")


def bfs_levels(neighbours: Callable[[list[str]], dict[str, Iterable[str]]], start: str,
               max_hops: int, avoid: Iterable[str] = ()) -> dict[str, int]:
    """Breadth-first distances from ``start`` up to ``max_hops``, expanding one level at a time.

    ``neighbours(frontier)`` returns a dict whose values hold the neighbours (only their union counts).
    The Cypher forms use the same function with a one-query-per-level ``neighbours``, so both walk the
    graph identically. Nodes in ``avoid`` are never entered.
    """
    distance = {start: 0}
    avoid = set(avoid) - {start}
    frontier = [start]
    for level in range(1, max_hops + 1):
        if not frontier:
            break
        found = neighbours(sorted(frontier))
        frontier = sorted({n for ns in found.values() for n in ns if n not in distance and n not in avoid})
        for node in frontier:
            distance[node] = level
    return distance


def within_k_hops(G: nx.MultiDiGraph, person: str, k: int = 2,
                  kinds: Iterable[str] = DEFAULT_KNOWING) -> dict[str, int]:
    """Everyone ``person`` knows within ``k`` hops of the knowing graph, with their distance (self excluded)."""
    if k < 1:
        raise ValueError("k must be at least 1")
    kinds = check_kinds(kinds)
    distance = bfs_levels(lambda frontier: {"": knowing_reach(G, frontier, kinds)}, person, k)
    distance.pop(person)
    return dict(sorted(distance.items(), key=lambda item: (item[1], item[0])))


def mutual_connections(G: nx.MultiDiGraph, a: str, b: str, kinds: Iterable[str] = DEFAULT_KNOWING) -> list[str]:
    """People who know both ``a`` and ``b`` directly, sorted by key."""
    ties_a, ties_b = knowing_ties(G, a, kinds), knowing_ties(G, b, kinds)
    return sorted((set(ties_a) & set(ties_b)) - {a, b})


def rank_introducers(ties_a: dict[str, set[Tie]], distance_to_b: dict[str, int], ties_b: dict[str, set[Tie]],
                     a: str, b: str) -> list[dict[str, Any]]:
    """Rank who can introduce ``a`` to ``b``: ``a``'s contacts closest to ``b``.

    Order: distance to ``b`` (1 = a mutual connection), then score (how many kinds of tie link the
    contact to ``a`` plus to ``b``), then key. Shared by the NetworkX and the Cypher forms.
    """
    candidates = [c for c in ties_a if c not in (a, b) and c in distance_to_b]
    if not candidates:
        return []
    best = min(distance_to_b[c] for c in candidates)
    ranked = []
    for c in candidates:
        if distance_to_b[c] != best:
            continue
        kinds_a = sorted({kind for kind, _ in ties_a[c]})
        kinds_b = sorted({kind for kind, _ in ties_b.get(c, ())})
        ranked.append({"key": c, "distance_to_target": best, "score": len(kinds_a) + len(kinds_b),
                       "ties_with_source": kinds_a, "ties_with_target": kinds_b})
    return sorted(ranked, key=lambda r: (-r["score"], r["key"]))


def introduction_candidates(G: nx.MultiDiGraph, a: str, b: str, kinds: Iterable[str] = DEFAULT_KNOWING,
                            max_hops: int = 4) -> list[dict[str, Any]]:
    """Who can introduce ``a`` to ``b``: mutual connections if any, else ``a``'s contacts nearest to ``b``.

    Distances to ``b`` are measured without passing through ``a`` (an introducer must not need ``a``).

    Records ``{key, name, distance_to_target, score, ties_with_source, ties_with_target}``, ranked by
    :func:`rank_introducers`; [] when no contact of ``a`` is within ``max_hops`` of ``b``.
    """
    kinds = check_kinds(kinds)
    ties_a = knowing_ties(G, a, kinds)
    distance_to_b = bfs_levels(lambda frontier: {"": knowing_reach(G, frontier, kinds)}, b, max_hops, avoid={a})
    ranked = rank_introducers(ties_a, distance_to_b, knowing_ties(G, b, kinds), a, b)
    for record in ranked:
        record["name"] = G.nodes[record["key"]].get("name", record["key"])
    return ranked


# -- brokers, communities --------------------------------------------------------------------------
def brokers(G: nx.MultiDiGraph, top: int = 10, entity_type: str | None = PERSON, sample: int | None = None,
            seed: int = 0) -> list[tuple[str, float]]:
    """The entities most often on shortest chains between others (betweenness on the entity graph).

    ``sample`` estimates betweenness from that many source nodes (use it on large graphs; ``seed`` makes it
    repeatable). Returns ``(key, score)`` pairs, highest first, ties by key; entities with score 0 left out.
    """
    H = entity_graph(G)
    k = sample if sample and sample < H.number_of_nodes() else None
    scores = nx.betweenness_centrality(H, k=k, seed=seed, normalized=True)
    ranked = sorted(((n, s) for n, s in scores.items()
                     if s > 0 and (entity_type is None or G.nodes[n].get("type") == entity_type)),
                    key=lambda item: (-item[1], item[0]))
    return ranked[:top]


def communities(G: nx.MultiDiGraph, seed: int = 0, min_size: int = 2) -> list[list[str]]:
    """Groups of entities more linked to each other than to the rest (Louvain on the entity graph).

    Each community is a sorted key list; communities are sorted by size (largest first), then first key.
    """
    H = entity_graph(G)
    found = nx.community.louvain_communities(H, seed=seed) if H.number_of_edges() else []
    groups = [sorted(c) for c in found if len(c) >= min_size]
    return sorted(groups, key=lambda c: (-len(c), c[0]))


# -- summaries -------------------------------------------------------------------------------------
def summarize_relations(key: str, name: str, entity_type: str, relations: list[dict[str, Any]],
                        articles: dict[str, dict[str, Any]], mentioned: Iterable[str] = ()) -> dict[str, Any]:
    """A per-entity summary from the records of its relations (shared by the NetworkX and Cypher forms).

    Roles and companies (WORKS_AT, FOUNDED), mentors and mentees, investors (of the entity or of what it
    founded: only those in ``relations``), investments, acquisitions, people known, and the sources: the
    articles that mention the entity (``mentioned``) and those of its relations' evidence.
    """
    def other(r: dict[str, Any]) -> dict[str, Any]:
        side = "target" if r["source"] == key else "source"
        out = {"key": r[side], "name": r[f"{side}_name"]}
        out.update(r["props"])
        return out

    def pick(rtype: str, outgoing: bool) -> list[dict[str, Any]]:
        chosen = [other(r) for r in relations if r["type"] == rtype and (r["source"] == key) == outgoing]
        return sorted(chosen, key=lambda o: o["key"])

    sources = sorted({e["article_id"] for r in relations for e in r["evidence"] if e["article_id"]} | set(mentioned))
    return {
        "key": key, "name": name, "type": entity_type,
        "founded": pick(FOUNDED, True), "founders": pick(FOUNDED, False),
        "works_at": pick(WORKS_AT, True), "employees": pick(WORKS_AT, False),
        "mentors": pick(MENTORED, False), "mentees": pick(MENTORED, True),
        "investors": pick(INVESTED_IN, False), "investments": pick(INVESTED_IN, True),
        "acquired": pick(ACQUIRED, True), "acquired_by": pick(ACQUIRED, False),
        "knows": sorted((other(r) for r in relations if r["type"] == KNOWS), key=lambda o: o["key"]),
        "sources": [{"id": a, "title": articles.get(a, {}).get("title", ""), "path": articles.get(a, {}).get("path", "")}
                    for a in sources],
    }


def entity_summary(G: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """The summary of one entity (see :func:`summarize_relations`): roles, companies, mentors, investors, sources."""
    data = G.nodes[key]
    return summarize_relations(key, data.get("name", key), data.get("type", ""), relations_of(G, key),
                               G.graph.get("articles", {}), data.get("articles", ()))


def statistics(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts of the graph: entities by type, relations by type, articles, connected components, degrees."""
    H = entity_graph(G)
    components = sorted((len(c) for c in nx.connected_components(H)), reverse=True)
    degrees = sorted(((n, d) for n, d in H.degree()), key=lambda item: (-item[1], item[0]))
    by_type = Counter(d.get("type", "") for _, d in G.nodes(data=True))
    by_relation = Counter(rtype for _, _, rtype in G.edges(keys=True))
    return {
        "articles": len(G.graph.get("articles", {})),
        "entities": G.number_of_nodes(),
        "entities_by_type": {t: by_type.get(t, 0) for t in (PERSON, ORGANIZATION)},
        "relations": G.number_of_edges(),
        "relations_by_type": {t: by_relation.get(t, 0) for t in RELATION_TYPES},
        "components": len(components),
        "largest_component": components[0] if components else 0,
        "isolated": sum(1 for _, d in degrees if d == 0),
        "density": nx.density(H) if H.number_of_nodes() > 1 else 0.0,
        "most_connected": [{"key": n, "name": G.nodes[n].get("name", n), "degree": d}
                           for n, d in degrees[:10] if d > 0],
    }
