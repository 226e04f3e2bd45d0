"""pytest plugin: a real Neo4j 5.26 server for the tests, started once per session.

``neo4j_uri`` is ``$NEO4J_URI`` when set (with ``NEO4J_USERNAME``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``),
else a server started from ``tests/neo4j_server/run.sh`` (built with Maven on first use) and stopped at
the end. ``neo4j_store`` is a connected :class:`graph.neo4j_store.Neo4jStore` on an empty database.
``neo4j_server`` starts extra servers a test may kill, restart or protect with a password.

When the server cannot start, Neo4j tests are skipped with the reason, except in CI (``CI=true``),
where they fail with it.
"""
from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Callable, Iterator

import pytest

from graph.neo4j_store import Neo4jSettings, Neo4jStore

LAUNCHER = Path(__file__).resolve().parent / "neo4j_server" / "run.sh"
#: How long a start may take: the first one builds the launcher and downloads its jars.
START_TIMEOUT = float(os.environ.get("NEO4J_START_TIMEOUT", "600"))
READY = "NEO4J READY "


class ServerError(RuntimeError):
    """The launcher did not print its ready line."""


class Neo4jServer:
    """One launcher process: ``start()`` waits for the ready line; ``stop()`` (SIGTERM) or ``kill()``."""

    def __init__(self, data: Path | None = None, password: str | None = None, port: int = 0) -> None:
        self.data, self.password, self.port = data, password, port
        self.uri = ""
        self.process: subprocess.Popen[str] | None = None
        self._stderr = tempfile.NamedTemporaryFile(prefix="neo4j-launcher-", suffix=".log", delete=False)

    def start(self, timeout: float = START_TIMEOUT) -> "Neo4jServer":
        # --watch-stdin: the server stops when this process's end of the pipe closes, even on a crash.
        command = ["sh", str(LAUNCHER), "--port", str(self.port), "--watch-stdin"]
        if self.data is not None:
            command += ["--data", str(self.data)]
        if self.password is not None:
            command += ["--password", self.password]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                        text=True, start_new_session=True)
        found: list[str] = []

        def read() -> None:
            assert self.process and self.process.stdout
            for line in self.process.stdout:
                if line.startswith(READY):
                    found.append(line.split()[2])
                    break

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout)
        if not found:
            self.kill()
            raise ServerError(f"the Neo4j launcher ({LAUNCHER}) did not start: {self.stderr_tail()}")
        self.uri = found[0]
        return self

    def stderr_tail(self, lines: int = 15) -> str:
        try:
            text = Path(self._stderr.name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no output)"
        tail = [line for line in text.strip().splitlines() if line.strip()][-lines:]
        code = self.process.poll() if self.process else None
        status = f"exit code {code}" if code is not None else "no ready line in time"
        return f"{status}; stderr: " + (" | ".join(tail) if tail else "(empty)")

    def stop(self) -> None:
        """SIGTERM (clean shutdown through the launcher's hook), SIGKILL if it hangs."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.kill()
        self._close()

    def kill(self) -> None:
        """SIGKILL: the server dies at once, as in a crash."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(30)
        self._close()

    def _close(self) -> None:
        if self.process:
            for stream in (self.process.stdin, self.process.stdout):
                if stream:
                    stream.close()
        self._stderr.close()


def _unavailable(reason: str) -> None:
    """Fail in CI, skip elsewhere."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"Neo4j is required in CI and could not start: {reason}", pytrace=False)
    pytest.skip(f"Neo4j unavailable: {reason}")


@pytest.fixture(scope="session")
def _neo4j_session_server() -> Iterator[Neo4jServer | str]:
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    server = Neo4jServer()
    try:
        server.start()
    except (ServerError, OSError) as exc:
        yield f"error: {exc}"
        return
    yield server
    server.stop()


@pytest.fixture(scope="session")
def neo4j_settings(_neo4j_session_server: Neo4jServer | str) -> Neo4jSettings:
    """Settings of the session's server: ``$NEO4J_*`` when NEO4J_URI is set, else the local one (no auth)."""
    if isinstance(_neo4j_session_server, str):
        if _neo4j_session_server.startswith("error: "):
            _unavailable(_neo4j_session_server[len("error: "):])
        return Neo4jSettings.from_env()
    return Neo4jSettings(uri=_neo4j_session_server.uri)


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_settings: Neo4jSettings) -> str:
    """The Bolt URI of a running Neo4j (auth disabled unless NEO4J_* say otherwise)."""
    return neo4j_settings.uri


def wipe(store: Neo4jStore) -> None:
    """Delete every node, relationship and constraint of the store's database."""
    store.run_write("MATCH (n) DETACH DELETE n")
    for row in store.run_read("SHOW CONSTRAINTS YIELD name RETURN name"):
        store.run_write(f"DROP CONSTRAINT `{row['name']}` IF EXISTS")


@pytest.fixture
def neo4j_store(neo4j_settings: Neo4jSettings) -> Iterator[Neo4jStore]:
    """A connected store on an empty database (no data, no constraints), closed after the test."""
    store = Neo4jStore.from_settings(neo4j_settings)
    try:
        store.verify()
        wipe(store)
    except Exception as exc:  # noqa: BLE001 - reported as the reason
        store.close()
        _unavailable(str(exc))
    yield store
    store.close()


@pytest.fixture
def neo4j_server(tmp_path: Path) -> Iterator[Callable[..., Neo4jServer]]:
    """Start extra servers: ``neo4j_server(data=DIR, password=PW)``; all are stopped after the test."""
    started: list[Neo4jServer] = []

    def start(data: Path | None = None, password: str | None = None) -> Neo4jServer:
        server = Neo4jServer(data=data, password=password)
        started.append(server)
        try:
            return server.start()
        except (ServerError, OSError) as exc:
            _unavailable(str(exc))
            raise

    yield start
    for server in started:
        server.stop()


# -- synthetic articles: many entities and every relation type, independent of the extractor -------
def synthetic_extractions(articles: int, seed: int = 7, people: int = 60, organizations: int = 20) -> list:
    """``articles`` extractions over shared pools of people and organizations, with all six relation
    types, props, repeated evidence across articles and KNOWS in both directions."""
    import random

    from graph.model import (ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON, WORKS_AT,
                             Article, Entity, Evidence, Extraction, Relation, entity_key)

    rng = random.Random(seed)
    person_names = [f"Person {i:03d} Example" for i in range(people)]
    org_names = [f"Company {i:03d}" for i in range(organizations)]
    result = []
    for number in range(articles):
        chosen_people = rng.sample(person_names, 4)
        chosen_orgs = rng.sample(org_names, 2)
        sentences, relations = [], []

        def sentence(text: str) -> Evidence:
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(text)
            return Evidence(article_id="", sentence=text, start=start, end=start + len(text))

        p, o = [entity_key(n) for n in chosen_people], [entity_key(n) for n in chosen_orgs]
        specs = [
            (FOUNDED, p[0], o[0], {}), (WORKS_AT, p[1], o[0], {"role": "CTO", "former": number % 2 == 0}),
            (INVESTED_IN, o[1], o[0], {"amount": 1.5 + number, "currency": "EUR", "round": "seed"}),
            (ACQUIRED, o[0], o[1], {"amount": 10.0, "currency": "USD"}), (MENTORED, p[2], p[3], {}),
            (KNOWS, p[3], p[0], {}), (KNOWS, p[1], p[2], {}),
        ]
        for rtype, source, target, props in specs:
            if source == target:
                continue
            ev = sentence(f"Article {number}: {source} {rtype.lower()} {target}.")
            relations.append(Relation(type=rtype, source=source, target=target, props=props, evidence=[ev],
                                      confidence=round(rng.uniform(0.3, 0.95), 3)))
        text = "\n".join(sentences)
        article = Article(id=f"synthetic{number:05d}", path=f"/synthetic/{number}.txt", title=f"Article {number}",
                          language="en", text=text)
        for relation in relations:
            relation.evidence = [Evidence(article.id, e.sentence, e.start, e.end) for e in relation.evidence]
        entities = [Entity(key=entity_key(n), type=PERSON, name=n, articles=[article.id]) for n in chosen_people]
        entities += [Entity(key=entity_key(n), type=ORGANIZATION, name=n, articles=[article.id]) for n in chosen_orgs]
        result.append(Extraction(article=article, entities=entities, relations=relations))
    return result


def embedded(extractions, directory) -> "object":
    """The embedded GraphStore built from the same extractions (not saved)."""
    from graph.store import GraphStore

    store = GraphStore(directory)
    for extraction in extractions:
        store.add(extraction)
    return store


def canonical(store) -> dict:
    """A store's content with KNOWS endpoints sorted and lists order-free: what must round-trip."""
    data = store.to_dict()
    for relation in data["relations"]:
        if relation["type"] == "KNOWS":
            relation["source"], relation["target"] = sorted((relation["source"], relation["target"]))
        relation["evidence"] = sorted(relation["evidence"], key=lambda e: (e["article_id"], e["start"], e["end"]))
    data["relations"] = sorted(data["relations"], key=lambda r: (r["type"], r["source"], r["target"]))
    for entity in data["entities"]:
        entity["aliases"] = sorted(entity["aliases"])
        entity["articles"] = sorted(entity["articles"])
    return data
