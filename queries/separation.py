"""Degrees of separation on the embedded store through its path index (no NetworkX graph needed).

:func:`separation` answers like :func:`queries.on_networkx.separation` and
:func:`queries.on_neo4j.separation` (same records) but walks the CSR index of :mod:`graph.index`
with a bidirectional BFS, and reads only the entities and relations of its hops from the store.
"""
from __future__ import annotations

from typing import Any, Iterable

from graph.index import GraphIndex
from graph.lookup import find_stored as find
from graph.model import RELATION_PROPS, UNDIRECTED_TYPES, Relation, best_relation_order, check_types
from graph.store import GraphStore

Record = dict[str, Any]



def _record(store: GraphStore, relation: Relation) -> Record:
    source, target = store.entity(relation.source), store.entity(relation.target)
    if relation.type in UNDIRECTED_TYPES and source.key > target.key:
        source, target = target, source
    props = {k: v for k, v in relation.props.items() if k in RELATION_PROPS[relation.type] and v is not None}
    evidence = sorted((e.to_dict() for e in relation.evidence),
                      key=lambda e: (e["article_id"], e["start"], e["end"], e["sentence"]))
    return {"type": relation.type, "source": source.key, "source_name": source.name, "target": target.key,
            "target_name": target.name, "props": props, "confidence": relation.confidence, "evidence": evidence}


def relations_between(store: GraphStore, a: str, b: str, types: Iterable[str]) -> list[Record]:
    """Every relation of ``types`` between two entities, either direction, most trusted first."""
    found = []
    for rtype in types:
        keys = {(rtype, *sorted((a, b)))} if rtype in UNDIRECTED_TYPES else {(rtype, a, b), (rtype, b, a)}
        found += [_record(store, relation) for relation in map(store.relation, sorted(keys)) if relation]
    return sorted(found, key=best_relation_order)


def separation(store: GraphStore, a: str, b: str, *, all_paths: bool = False, via_orgs: bool = False,
               types: Iterable[str] | None = None, limit: int = 100, index: GraphIndex | None = None) -> Record:
    """Degrees of separation between the entities named ``a`` and ``b``, through the store's path index.

    ``{"source", "target", "degrees", "paths": [{"keys", "hops"}]}``; ``degrees`` None when unconnected.
    """
    types = sorted(check_types(types))
    source, target = find(store, a), find(store, b)
    index = index or GraphIndex.for_store(store)
    if all_paths:
        chains = index.all_shortest_paths(source, target, via_orgs=via_orgs, types=types, limit=limit)
    else:
        chain = index.shortest_path(source, target, via_orgs=via_orgs, types=types)
        chains = [chain] if chain else []

    def entity(key: str) -> Record:
        e = store.entity(key)
        return {"key": key, "name": e.name, "type": e.type}

    return {"source": entity(source), "target": entity(target),
            "degrees": len(chains[0]) - 1 if chains else None,
            "paths": [{"keys": keys, "hops": [relations_between(store, x, y, types)[0]
                                              for x, y in zip(keys, keys[1:])]} for keys in chains]}
