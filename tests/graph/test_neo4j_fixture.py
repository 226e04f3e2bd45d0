"""The Neo4j test plugin itself: the launcher's failures are reported, and never skipped in CI."""
from __future__ import annotations

import pytest

from graph.neo4j_store import Neo4jSettings, connect
from neo4j_fixture import Neo4jServer, ServerError, _unavailable


@pytest.mark.parametrize("ci,outcome", [("true", pytest.fail.Exception), ("1", pytest.fail.Exception),
                                        ("", pytest.skip.Exception), ("false", pytest.skip.Exception)])
def test_neo4j_fixture_unavailable_fails_in_ci_and_skips_elsewhere(monkeypatch, ci: str, outcome) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="launcher said why"):
        _unavailable("launcher said why")


@pytest.mark.parametrize("password", ["short"])
def test_neo4j_fixture_launcher_failure_reports_its_stderr(password: str) -> None:
    with pytest.raises(ServerError, match="at least 8 characters"):
        Neo4jServer(password=password).start(timeout=120)


@pytest.mark.parametrize("scheme", ["neo4j", "bolt"])
def test_neo4j_fixture_server_answers_direct_and_routing_uris(neo4j_uri: str, neo4j_settings: Neo4jSettings,
                                                              scheme: str) -> None:
    uri = scheme + "://" + neo4j_uri.split("://", 1)[1]
    settings = Neo4jSettings(uri, neo4j_settings.username, neo4j_settings.password, neo4j_settings.database)
    with connect(settings) as store:
        assert store.run_read("RETURN $x AS x", {"x": "routed"}) == [{"x": "routed"}]

