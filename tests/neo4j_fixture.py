"""pytest plugin: a real Neo4j server for the tests (filled in by the Neo4j work)."""
