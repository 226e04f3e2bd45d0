"""Find an entity from what a user typed: key, alias, then close matches as suggestions."""
from __future__ import annotations

import networkx as nx
from rapidfuzz import fuzz, process

from graph.errors import EntityNotFound
from graph.model import entity_key


def find_entity(graph: nx.MultiDiGraph, name: str, entity_type: str | None = None) -> str:
    """The node key for ``name`` (its name or an alias, any case or accents).

    Raises :class:`EntityNotFound` with up to three close matches.
    """
    wanted = entity_key(name)
    matches = []
    for node, data in graph.nodes(data=True):
        if entity_type and data.get("type") != entity_type:
            continue
        forms = [node, data.get("name", ""), *data.get("aliases", [])]
        if wanted in {entity_key(f) for f in forms}:
            matches.append(node)
    if len(matches) == 1:
        return matches[0]
    if matches:
        return min(matches)
    choices = {node: data.get("name", node) for node, data in graph.nodes(data=True)
               if not entity_type or data.get("type") == entity_type}
    close = process.extract(name, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
    raise EntityNotFound(name, [label for label, _score, _node in close])
