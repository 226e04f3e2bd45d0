"""The routing scheme (neo4j://, what a cluster or Aura's neo4j+s:// use) against the test server works like bolt://."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.neo4j_store import Neo4jSettings, Neo4jStore, connect
from neo4j_fixture import canonical, embedded, synthetic_extractions


def routing(settings: Neo4jSettings) -> Neo4jSettings:
    scheme, sep, rest = settings.uri.partition("://")
    if scheme != "bolt":
        pytest.skip(f"the test server is not reached by bolt:// ({settings.uri})")
    return Neo4jSettings("neo4j://" + rest, settings.username, settings.password, settings.database)


@pytest.mark.parametrize("articles", [20])
def test_neo4j_routing_scheme_ingests_pushes_and_reads_like_bolt(neo4j_settings: Neo4jSettings,
                                                                 neo4j_store: Neo4jStore, tmp_path: Path,
                                                                 articles: int) -> None:
    extractions = synthetic_extractions(articles)
    reference = embedded(extractions, tmp_path)
    with connect(routing(neo4j_settings)) as db:
        assert db.uri.startswith("neo4j://")
        summary = db.add_extractions(extractions[: articles // 2])
        assert summary.articles_added == articles // 2
        db.push(reference)  # writes go to the leader the routing table names
        assert canonical(db.pull()) == canonical(reference)  # reads go to a reader
    # the bolt:// connection sees the same database
    assert canonical(neo4j_store.pull()) == canonical(reference)
