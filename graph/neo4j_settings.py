"""Where Neo4j is: the settings every Neo4j-aware command takes, without importing the driver."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USERNAME = "neo4j"


@dataclass(frozen=True)
class Neo4jSettings:
    """Where Neo4j is and who we are there; Neo4j's own environment names are the defaults."""

    uri: str = DEFAULT_URI
    username: str | None = None
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Neo4jSettings":
        env = os.environ if environ is None else environ
        return cls(uri=env.get("NEO4J_URI") or DEFAULT_URI, username=env.get("NEO4J_USERNAME") or None,
                   password=env.get("NEO4J_PASSWORD") or None, database=env.get("NEO4J_DATABASE") or None)
