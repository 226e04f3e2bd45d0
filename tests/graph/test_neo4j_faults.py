"""Neo4j faults against real servers: unreachable, wrong password, unknown database, killed mid-ingest."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from graph.errors import Neo4jError
from graph.neo4j_store import Neo4jSettings, Neo4jStore, connect
from neo4j_fixture import canonical, synthetic_extractions

PASSWORD = "s3cret-pass"


def closed_port() -> int:
    """A local port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory: pytest.TempPathFactory):
    """A second server with auth enabled (user neo4j, PASSWORD), for the credential faults."""
    from neo4j_fixture import Neo4jServer, ServerError, _unavailable

    server = Neo4jServer(password=PASSWORD)
    try:
        server.start()
    except (ServerError, OSError) as exc:
        _unavailable(str(exc))
    yield server
    server.stop()


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_neo4j_faults_unreachable_server_names_the_uri_setting(scheme: str) -> None:
    uri = f"{scheme}://127.0.0.1:{closed_port()}"
    with pytest.raises(Neo4jError, match="NEO4J_URI") as caught:
        connect(Neo4jSettings(uri=uri))
    assert uri in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("uri", ["http://localhost:7474", "not a uri"])
def test_neo4j_faults_invalid_uri_names_the_uri_setting(uri: str) -> None:
    with pytest.raises(Neo4jError, match="NEO4J_URI"):
        connect(Neo4jSettings(uri=uri))


@pytest.mark.parametrize("username,password", [("neo4j", "wrong-password"), ("nobody", PASSWORD), ("neo4j", None)])
def test_neo4j_faults_wrong_credentials_name_the_password_setting(auth_server, username, password) -> None:
    with pytest.raises(Neo4jError, match="NEO4J_USERNAME / NEO4J_PASSWORD") as caught:
        connect(Neo4jSettings(uri=auth_server.uri, username=username, password=password))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("username", ["neo4j", None])
def test_neo4j_faults_right_credentials_connect(auth_server, username) -> None:
    with connect(Neo4jSettings(uri=auth_server.uri, username=username, password=PASSWORD)) as store:
        assert store.run_read("RETURN 1 AS one") == [{"one": 1}]


@pytest.mark.parametrize("database", ["nosuchdb", "other"])
def test_neo4j_faults_unknown_database_names_the_database_setting(neo4j_settings, database: str) -> None:
    settings = Neo4jSettings(neo4j_settings.uri, neo4j_settings.username, neo4j_settings.password, database)
    with pytest.raises(Neo4jError, match="NEO4J_DATABASE") as caught:
        connect(settings)
    assert repr(database) in str(caught.value)


def counts(store: Neo4jStore) -> dict:
    return store.run_read("""
        CALL () { MATCH (a:Article) RETURN count(a) AS articles }
        CALL () { MATCH (n) WHERE n:Person OR n:Organization RETURN count(n) AS entities }
        CALL () { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions }
        CALL () { MATCH (:Person|Organization)-[r]->() RETURN count(r) AS relations,
                  sum(size(r.evidence)) AS evidence, sum(r.mentions) AS mention_total }
        RETURN *""")[0]


@pytest.mark.parametrize("kill_after", [5])
def test_neo4j_faults_rerun_after_killed_server_completes(neo4j_server, neo4j_store: Neo4jStore, tmp_path: Path,
                                                          kill_after: int) -> None:
    extractions = synthetic_extractions(100, seed=kill_after)
    # The clean run, on the session's server.
    neo4j_store.batch_size = 40
    neo4j_store.add_extractions(extractions)
    expected_counts, expected = counts(neo4j_store), canonical(neo4j_store.pull())

    data = tmp_path / "neo4j-data"
    server = neo4j_server(data=data)
    commits = []

    def kill_mid_batch(stage: str, rows: int) -> None:
        commits.append(stage)
        if len(commits) == kill_after:  # inside a batch: entities or relations written, articles not marked
            server.kill()

    with Neo4jStore(server.uri, batch_size=40, max_retry_time=1.0) as store:
        with pytest.raises(Neo4jError, match="cannot reach Neo4j"):
            store.add_extractions(extractions, progress=kill_mid_batch)
    assert commits[-1] in ("entities", "relations")  # killed inside a batch, before its articles were marked

    restarted = neo4j_server(data=data)
    with Neo4jStore(restarted.uri, batch_size=40) as store:
        partial = counts(store)
        assert partial["articles"] < expected_counts["articles"]
        summary = store.add_extractions(extractions)
        assert summary.articles_skipped == partial["articles"]
        assert counts(store) == expected_counts
        assert canonical(store.pull()) == expected
