"""Degrees of separation: the shortest chain of relations between two entities, with evidence per hop."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from queries.lookup import find_entity


@dataclass
class Hop:
    """One step of a path: ``source -[type]-> target`` as stored, with its evidence sentences."""

    source: str
    target: str
    type: str
    props: dict[str, Any]
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "type": self.type,
                "props": self.props, "evidence": self.evidence}


def _best_edge(graph: nx.MultiDiGraph, a: str, b: str) -> tuple[str, str, dict[str, Any]]:
    """The most trusted relation between two adjacent nodes, in either direction."""
    candidates = [(a, b, d) for d in graph.get_edge_data(a, b, default={}).values()]
    candidates += [(b, a, d) for d in graph.get_edge_data(b, a, default={}).values()]
    return max(candidates, key=lambda c: (c[2].get("confidence", 0), len(c[2].get("evidence", []))))


def degrees_of_separation(graph: nx.MultiDiGraph, a: str, b: str) -> list[Hop] | None:
    """The hops of a shortest path between the entities named ``a`` and ``b``; None when unconnected.

    Relations count in both directions. Raises :class:`~graph.errors.EntityNotFound` for unknown names.
    """
    source, target = find_entity(graph, a), find_entity(graph, b)
    if source == target:
        return []
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), source, target)
    except nx.NetworkXNoPath:
        return None
    hops = []
    for left, right in zip(nodes, nodes[1:]):
        start, end, data = _best_edge(graph, left, right)
        hops.append(Hop(source=graph.nodes[start]["name"], target=graph.nodes[end]["name"], type=data["type"],
                        props=data.get("props", {}), evidence=data.get("evidence", [])))
    return hops
