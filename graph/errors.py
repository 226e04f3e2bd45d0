"""The few exceptions foundergraph raises; the CLI turns each into a one-line message."""
from __future__ import annotations


class FoundergraphError(Exception):
    """Base class: something the user can fix, described in one line."""


class InputError(FoundergraphError):
    """A path or file that cannot be read as an article."""


class StoreError(FoundergraphError):
    """The embedded store cannot be read or written."""


class EmptyStore(StoreError):
    """A question asked of a store that holds nothing yet: says which store was read."""

    def __init__(self, directory: object) -> None:
        self.directory = directory
        super().__init__(f"the store in {directory} is empty: run `foundergraph ingest PATH` first")


class EntityNotFound(FoundergraphError):
    """A name that matches no person or organization in the graph."""

    def __init__(self, name: str, suggestions: list[str] | None = None) -> None:
        self.name = name
        self.suggestions = suggestions or []
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        super().__init__(f"no person or organization named {name!r}{hint}")


class WrongEntityType(EntityNotFound):
    """A name of the other type than the question needs (a person, not a company): no entity of that type."""

    def __init__(self, name: str, actual: str, wanted: str) -> None:
        self.name, self.suggestions, self.actual, self.wanted = name, [], actual, wanted
        FoundergraphError.__init__(self, f"{name!r} is {_a(actual)}, not {_a(wanted)}")


def _a(entity_type: str) -> str:
    return {"Person": "a person", "Organization": "an organization"}.get(entity_type, entity_type or "an entity")


class Neo4jError(FoundergraphError):
    """Neo4j is unreachable, refuses the credentials or rejects a query."""
