"""Find an entity from what a user typed: exact key, then name or alias, then close matches as suggestions.

The rule is one pure function, :func:`resolve`, so the NetworkX and the Cypher forms pick the same entity
(the embedded store and Neo4j apply it through their indexes). A name of the wrong type for a question is
reported as such (:func:`of_type`), not as unknown.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

from graph.errors import EmptyStore, EntityNotFound, WrongEntityType
from graph.model import entity_key

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import GraphStore


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
    from rapidfuzz import fuzz, process  # only when a name is not found

    choices = {c.key: c.name for c in candidates}
    close = process.extract(name, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
    return EntityNotFound(name, [label for label, _score, _key in close])


def find_entity(graph: nx.MultiDiGraph, name: str, entity_type: str | None = None) -> str:
    """The node key for ``name`` (its key, name or an alias, any case or accents), optionally of one type.

    Raises :class:`EntityNotFound` with up to three close matches.
    """
    if isinstance(name, Key):
        return str(name)

    def find(wanted_type: str | None) -> str:
        wanted = entity_key(name)
        if wanted in graph and (not wanted_type or graph.nodes[wanted].get("type") == wanted_type):
            return wanted
        return resolve(name, (Candidate(node, data.get("type", ""), data.get("name", node),
                                        tuple(data.get("aliases", ())))
                              for node, data in graph.nodes(data=True)
                              if not wanted_type or data.get("type") == wanted_type))

    return of_type(find, lambda key: graph.nodes[key].get("type", ""), name, entity_type)


def find_stored(store: GraphStore, name: str, entity_type: str | None = None) -> str:
    """The key of the entity called ``name`` in an embedded store, by the rule of :func:`resolve` through the
    store's key and name-key rows (the names are scanned only to suggest close ones when nothing matches).
    A name of the other type raises :class:`WrongEntityType`; any name in an empty store :class:`EmptyStore`."""
    wanted_key = entity_key(name)
    if not wanted_key:
        raise EntityNotFound(name)

    def typed(wanted_type: str | None) -> str:
        wanted = store.entity(wanted_key)
        if wanted is not None and (not wanted_type or wanted.type == wanted_type):
            return wanted.key
        named = store.keys_named(wanted_key, wanted_type)
        if named:
            return named[0]
        if store.counts()["entities"] == 0:
            raise EmptyStore(store.directory)
        raise not_found(name, (Candidate(key, etype, shown, tuple(aliases))
                               for key, etype, shown, aliases in store.names(wanted_type)))

    return of_type(typed, lambda key: store.entity(key).type, name, entity_type)


def of_type(find: Callable[[str | None], str], type_of: Callable[[str], str], name: str,
            entity_type: str | None) -> str:
    """``find(entity_type)``; when that finds nothing but ``find(None)`` finds an entity of another type,
    :class:`WrongEntityType` instead of :class:`EntityNotFound` (the name is known, the question is not for it)."""
    try:
        return find(entity_type)
    except EntityNotFound:
        if not entity_type:
            raise
        try:
            other = find(None)
        except EntityNotFound:
            other = None
        if other is None:
            raise
        raise WrongEntityType(name, type_of(other), entity_type) from None
