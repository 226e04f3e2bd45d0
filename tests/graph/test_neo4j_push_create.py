"""push into an empty database writes with CREATE: the same graph as the MERGE path, and a push killed
midway completes on the next run with nothing lost or doubled."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import Neo4jError
from graph.neo4j_store import Neo4jStore
from neo4j_fixture import canonical, embedded, synthetic_extractions

COUNTS = """
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (n) WHERE n:Person OR n:Organization RETURN count(n) AS entities }
CALL () { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions }
CALL () { MATCH (:Person|Organization)-[r]->() RETURN count(r) AS relations, sum(size(r.evidence)) AS evidence }
RETURN *"""


def properties(store: Neo4jStore) -> list:
    rows = store.run_read("MATCH (s:Person|Organization)-[r]->(t) RETURN type(r) AS type, s.key AS s, t.key AS t, "
                          "properties(r) AS p ORDER BY type, s, t")
    for row in rows:
        row["p"] = {k: v for k, v in row["p"].items() if k not in ("first_seen", "last_seen")}
    return rows


@pytest.mark.parametrize("articles", [40])
def test_neo4j_push_create_path_equals_merge_path(neo4j_store: Neo4jStore, tmp_path: Path, articles: int) -> None:
    reference = embedded(synthetic_extractions(articles), tmp_path)
    assert neo4j_store.is_empty()
    created = neo4j_store.push(reference)  # empty: CREATE
    assert created.relations_added == len(reference.relations)
    assert created.evidence_added == sum(len(r.evidence) for r in reference.relations.values())
    by_create, counts = properties(neo4j_store), neo4j_store.run_read(COUNTS)
    neo4j_store.clear()
    neo4j_store.run_write("CREATE (:Marker)")  # not empty: MERGE
    merged = neo4j_store.push(reference)
    assert (merged.relations_added, merged.entities_added) == (created.relations_added, created.entities_added)
    assert properties(neo4j_store) == by_create and neo4j_store.run_read(COUNTS) == counts
    assert canonical(neo4j_store.pull()) == canonical(reference)


@pytest.mark.parametrize("kill_after", [3])
def test_neo4j_push_create_killed_midway_completes_on_rerun(neo4j_server, neo4j_store: Neo4jStore, tmp_path: Path,
                                                            kill_after: int) -> None:
    reference = embedded(synthetic_extractions(80, seed=kill_after), tmp_path / "store")
    neo4j_store.push(reference)
    expected_counts, expected = neo4j_store.run_read(COUNTS), canonical(neo4j_store.pull())

    data = tmp_path / "neo4j-data"
    server = neo4j_server(data=data)
    commits = []

    def kill(stage: str, rows: int) -> None:
        commits.append(stage)
        if stage == "relations" and commits.count("relations") == kill_after:
            server.kill()

    with Neo4jStore(server.uri, batch_size=20, max_retry_time=1.0) as store:
        with pytest.raises(Neo4jError, match="cannot reach Neo4j"):
            store.push(reference, progress=kill)
    restarted = neo4j_server(data=data)
    with Neo4jStore(restarted.uri, batch_size=20) as store:
        partial = store.run_read(COUNTS)[0]
        assert 0 < partial["relations"] < expected_counts[0]["relations"] and partial["articles"] == 0
        store.push(reference)  # not empty any more: MERGE completes it
        assert store.run_read(COUNTS) == expected_counts
        assert canonical(store.pull()) == expected
