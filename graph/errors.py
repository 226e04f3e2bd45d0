"""The few exceptions foundergraph raises; the CLI turns each into a one-line message."""
from __future__ import annotations


class FoundergraphError(Exception):
    """Base class: something the user can fix, described in one line."""


class InputError(FoundergraphError):
    """A path or file that cannot be read as an article."""


class StoreError(FoundergraphError):
    """The embedded store cannot be read or written."""


class EntityNotFound(FoundergraphError):
    """A name that matches no person or organization in the graph."""

    def __init__(self, name: str, suggestions: list[str] | None = None) -> None:
        self.name = name
        self.suggestions = suggestions or []
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        super().__init__(f"no person or organization named {name!r}{hint}")


class Neo4jError(FoundergraphError):
    """Neo4j is unreachable, refuses the credentials or rejects a query."""
