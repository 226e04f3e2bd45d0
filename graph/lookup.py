"""Find an entity from what a user typed: exact key, then name or alias, then close matches as suggestions.

The rule is one pure function, :func:`resolve`, so the NetworkX and the Cypher forms pick the same entity.
"""
from __future__ import annotations

from typing import Iterable, NamedTuple

import networkx as nx
from rapidfuzz import fuzz, process

from graph.errors import EntityNotFound
from graph.model import entity_key


class Key(str):
    """An entity key already resolved (by the store): taken as is wherever a typed name is expected."""


class Candidate(NamedTuple):
    """What a typed name is matched against."""

    key: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()


def resolve(name: str, candidates: Iterable[Candidate]) -> str:
    """The key of the entity ``name`` designates among ``candidates``.

    An entity whose key is the typed name's key wins; else one whose name or an alias has that key
    (the smallest key when several do). Otherwise raises :class:`EntityNotFound` with up to three close
    names.
    """
    wanted = entity_key(name)
    candidates = list(candidates)
    if not wanted:
        raise EntityNotFound(name)
    matches = []
    for c in candidates:
        if c.key == wanted:
            return c.key
        if wanted in {entity_key(f) for f in (c.name, *c.aliases)}:
            matches.append(c.key)
    if matches:
        return min(matches)
    raise not_found(name, candidates)


def not_found(name: str, candidates: Iterable[Candidate]) -> EntityNotFound:
    """The error for a name that designates none of ``candidates``, with up to three close names."""
    choices = {c.key: c.name for c in candidates}
    close = process.extract(name, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
    return EntityNotFound(name, [label for label, _score, _key in close])


def find_entity(graph: nx.MultiDiGraph, name: str, entity_type: str | None = None) -> str:
    """The node key for ``name`` (its key, name or an alias, any case or accents), optionally of one type.

    Raises :class:`EntityNotFound` with up to three close matches.
    """
    if isinstance(name, Key):
        return str(name)
    wanted = entity_key(name)
    if wanted in graph and (not entity_type or graph.nodes[wanted].get("type") == entity_type):
        return wanted
    return resolve(name, (Candidate(node, data.get("type", ""), data.get("name", node), tuple(data.get("aliases", ())))
                          for node, data in graph.nodes(data=True)
                          if not entity_type or data.get("type") == entity_type))
