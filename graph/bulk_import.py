"""Bulk load of an empty Neo4j database: the embedded store as CSV files, Neo4j's offline importer, the schema.

``neo4j-admin database import full`` writes the store files of a stopped database directly: hundreds of
thousands of relationships per second, where ``push`` sends Cypher over Bolt. It only fills an empty
database, so it is the first load of a large graph; later articles go through ``push`` or
``ingest --neo4j``, which merge.

The files follow the schema of :mod:`graph.neo4j_store` (same labels, keys, properties, provenance
lists, MENTIONS; relationships canonical as ``push`` writes them: KNOWS from the lower key to the
higher, the relation props as their own properties, ``first_seen``/``last_seen`` the import time), so an
imported database answers the queries of :mod:`queries.cypher` as a pushed one does. One difference
no query sees: the importer stores no empty list, so an entity without aliases has no ``aliases``
property instead of ``[]`` (every query reads ``coalesce(n.aliases, [])``).

Two ways to run the importer, each refusing a database that holds any node, changing nothing:

- :class:`MavenImporter`: the launcher of ``tests/neo4j_server`` (``run.sh import --data DIR``), on the
  data folder of a server started with ``--data DIR`` (``make neo4j`` uses ``.neo4j``), stopped; the
  constraints are created by the launcher right after the import.
- :class:`DockerImporter`: the ``neo4j`` service of ``docker-compose.yml``. The running server is asked
  whether its database is empty, then stopped; ``docker compose run --rm neo4j neo4j-admin database
  import full ...`` reads the files from a mounted folder; the service is started again and the
  constraints are created over Bolt.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Protocol

from graph.errors import Neo4jError
from graph.model import ORGANIZATION, PERSON, RELATION_TYPES, UNDIRECTED_TYPES, distinct_evidence
from graph.neo4j_settings import Neo4jSettings
from graph.store import GraphStore

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "tests" / "neo4j_server" / "run.sh"
COMPOSE_FILE = ROOT / "docker-compose.yml"
#: Separates the items of a list property in a cell; never in text (it is replaced by a space there).
ARRAY_DELIMITER = "\x1f"
#: The node files and their label: each node is given its node id (``--id-type=actual``), so the importer
#: maps no key to an id (its string id map was a sixth of its time); keys are ordinary properties.
NODE_FILES = ((PERSON, "people.csv"), (ORGANIZATION, "organizations.csv"), ("Article", "articles.csv"))
#: Relationship columns every file has, after the props.
_PROVENANCE_COLUMNS = ["confidence:double", "mentions:long", "articles:string[]", "evidence:string[]",
                       "evidence_articles:string[]", "evidence_starts:long[]", "evidence_ends:long[]",
                       "first_seen:datetime", "last_seen:datetime"]


class BulkImportError(Neo4jError):
    """The offline import was refused (the database is not empty) or failed; nothing was loaded."""


@dataclass
class ImportFiles:
    """The CSV files of one import, and what they hold."""

    folder: Path
    #: (label, file) of each node file, (relationship type, file) of each relationship file.
    nodes: list[tuple[str, Path]]
    relationships: list[tuple[str, Path]]
    multiline: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    def options(self, folder: str | None = None) -> list[str]:
        """The importer options reading these files (from ``folder`` when the importer sees them elsewhere)."""
        where = (lambda p: f"{folder}/{p.name}") if folder else str
        report = "/tmp/import.report" if folder else str(self.folder / "import.report")  # not in the working folder
        options = [f"--array-delimiter={ARRAY_DELIMITER}", f"--report-file={report}", "--id-type=actual",
                   f"--multiline-fields={'true' if self.multiline else 'false'}"]
        options += [f"--nodes={label}={where(p)}" for label, p in self.nodes]
        options += [f"--relationships={rtype}={where(p)}" for rtype, p in self.relationships]
        return options


@dataclass
class BulkSummary:
    """What a bulk import loaded and where the time went."""

    entities: int = 0
    relations: int = 0
    articles: int = 0
    mentions: int = 0
    csv_seconds: float = 0.0
    import_seconds: float = 0.0
    schema_seconds: float = 0.0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (f"imported {self.articles} articles, {self.entities} entities, {self.relations} relations, "
                f"{self.mentions} mentions in {self.seconds:.1f} s (CSV {self.csv_seconds:.1f} s, importer "
                f"{self.import_seconds:.1f} s, constraints {self.schema_seconds:.1f} s)")


# -- the CSV files ---------------------------------------------------------------------------------
class _Cells:
    """Cells of the importer's CSV: None is an absent property, text is quoted (an empty string stays one)."""

    def __init__(self) -> None:
        self.multiline = False

    def text(self, value: str | None) -> str:
        if value is None:
            return ""
        if "\n" in value or "\r" in value:
            self.multiline = True
        return '"' + value.replace('"', '""') + '"'

    def texts(self, values: Iterable[Any]) -> str:
        items = [str(v).replace(ARRAY_DELIMITER, " ") for v in values]
        return self.text(ARRAY_DELIMITER.join(items)) if items else ""

    @staticmethod
    def numbers(values: Iterable[Any]) -> str:
        items = [str(int(v)) for v in values]
        return ARRAY_DELIMITER.join(items)

    def value(self, value: Any) -> str:
        """A prop value in the type :func:`_kind` gives it."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return repr(value)
        return self.text(str(value))


class _Memo(dict):
    """``memo[x]`` is ``make(x)``, computed once per x."""

    def __init__(self, make: Any) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, value: Any) -> str:
        cell = self[value] = self.make(value)
        return cell


def _kind(value: Any) -> str:
    """The importer type of a prop value: as push stores it (a bool, an integer, a float), else text."""
    return "boolean" if isinstance(value, bool) else "long" if isinstance(value, int) else \
        "double" if isinstance(value, float) else "string"


def write_files(store: GraphStore, folder: Path, now: datetime | None = None) -> ImportFiles:
    """Write the import files of the whole store into ``folder`` (created); returns them and their counts.

    Node ids are given (``--id-type=actual``): entities 0..n-1 in the store's order, then the articles; the
    label or relationship type of a file is an importer option, not a column."""
    from graph.neo4j_store import PROVENANCE, check_property_names

    check_property_names(store.relations.values())
    folder.mkdir(parents=True, exist_ok=True)
    # "Z" rather than "+00:00": the same UTC datetime, parsed faster by the importer (twice per relationship).
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    cells = _Cells()
    entities = store.entities
    counts = {"entities": 0, "relations": 0, "articles": 0, "mentions": 0}
    node_id = {key: str(i) for i, key in enumerate(entities)}

    header = ":ID,key,name,aliases:string[],articles:string[]\n"
    with open(folder / "people.csv", "w", encoding="utf-8") as people, \
            open(folder / "organizations.csv", "w", encoding="utf-8") as organizations:
        people.write(header)
        organizations.write(header)
        for key, entity in entities.items():
            aliases = list(dict.fromkeys(a for a in entity.aliases if a and a != entity.name))
            line = ",".join((node_id[key], cells.text(key), cells.text(entity.name), cells.texts(aliases),
                             cells.texts(dict.fromkeys(entity.articles))))
            (people if entity.type == PERSON else organizations).write(line + "\n")
        counts["entities"] = len(entities)

    articles = store.articles
    article_id = {aid: str(i) for i, aid in enumerate(articles, len(entities))}
    with open(folder / "articles.csv", "w", encoding="utf-8") as out:
        out.write(":ID,id,path,title,language\n")
        for article in articles.values():
            out.write(",".join((article_id[article.id], cells.text(article.id), cells.text(article.path),
                                cells.text(article.title), cells.text(article.language))) + "\n")
        counts["articles"] = len(articles)

    with open(folder / "mentions.csv", "w", encoding="utf-8") as out:
        out.write(":START_ID,:END_ID\n")
        for key, entity in entities.items():
            cell = "," + node_id[key] + "\n"
            lines = [article_id[a] + cell for a in dict.fromkeys(entity.articles) if a in article_id]
            out.write("".join(lines))
            counts["mentions"] += len(lines)

    # One file per type and set of (prop, type): each prop keeps the type push gives it, also when it varies.
    outputs: dict[tuple[str, tuple[tuple[str, str], ...]], Any] = {}
    list_cell = _Memo(lambda article: cells.texts((article,)))
    try:
        for relation in store.relations.values():
            if relation.type not in RELATION_TYPES:
                logger.warning("skipped a relation of unknown type %r", relation.type)
                continue
            source, target = relation.source, relation.target
            if source not in entities or target not in entities:
                continue
            if relation.type in UNDIRECTED_TYPES and source > target:
                source, target = target, source
            props = relation.props
            signature = tuple(sorted((n, _kind(v)) for n, v in props.items() if v is not None and n not in PROVENANCE)) \
                if props else ()
            out = outputs.get((relation.type, signature))
            if out is None:
                out = outputs[relation.type, signature] = open(
                    folder / f"relationships-{len(outputs) + 1}.csv", "w", encoding="utf-8")
                out.write(",".join([":START_ID", ":END_ID"] + [f"{n}:{k}" for n, k in signature]
                                   + _PROVENANCE_COLUMNS) + "\n")
            evidence = relation.evidence
            if len(evidence) == 1:  # the common case: one sentence, its article's cell quoted once
                ev = evidence[0]
                articles_cell = list_cell[ev.article_id]
                provenance = (articles_cell, cells.texts((ev.sentence,)), articles_cell, str(int(ev.start)),
                              str(int(ev.end)))
            else:
                evidence = distinct_evidence(evidence)
                provenance = (cells.texts(dict.fromkeys(e.article_id for e in evidence)),
                              cells.texts(e.sentence for e in evidence), cells.texts(e.article_id for e in evidence),
                              cells.numbers(e.start for e in evidence), cells.numbers(e.end for e in evidence))
            line = [node_id[source], node_id[target], *(cells.value(props[n]) for n, _ in signature),
                    repr(float(relation.confidence)), str(len(evidence)), *provenance, stamp, stamp]
            out.write(",".join(line) + "\n")
            counts["relations"] += 1
    finally:
        for out in outputs.values():
            out.close()
    relationships = [(rtype, folder / f"relationships-{i}.csv") for i, (rtype, _) in enumerate(outputs, 1)]
    return ImportFiles(folder=folder, nodes=[(label, folder / name) for label, name in NODE_FILES],
                       relationships=[("MENTIONS", folder / "mentions.csv"), *relationships],
                       multiline=cells.multiline, counts=counts)


# -- running the importer --------------------------------------------------------------------------
class Importer(Protocol):
    """Runs the offline importer on written files; creates the constraints; raises BulkImportError."""

    def load(self, files: ImportFiles, summary: BulkSummary) -> None: ...


def _constraints() -> tuple[str, ...]:
    from graph.neo4j_store import CONSTRAINTS
    return CONSTRAINTS


def _failure(process: subprocess.CompletedProcess, log: Path) -> BulkImportError:
    lines = [line.strip() for line in (process.stderr or "").splitlines() if line.strip()]
    refused = next((line for line in lines if line.startswith("REFUSED: ")), None)
    if refused:
        return BulkImportError(refused[len("REFUSED: "):] + " (nothing was changed)")
    reason = next((line for line in reversed(lines) if "rror" in line or line.startswith("FAILED")),
                  lines[-1] if lines else f"exit code {process.returncode}")
    return BulkImportError(f"the Neo4j importer failed: {reason[:300]} (full output: {log})")


@dataclass
class MavenImporter:
    """The launcher of ``tests/neo4j_server`` on a stopped server's ``--data`` folder."""

    data: Path
    database: str = "neo4j"
    launcher: Path = LAUNCHER

    def command(self, files: ImportFiles) -> list[str]:
        command = ["sh", str(self.launcher), "import", "--data", str(self.data), "--database", self.database]
        for statement in _constraints():
            command += ["--cypher", statement]
        return command + ["--"] + files.options()

    def load(self, files: ImportFiles, summary: BulkSummary) -> None:
        log = files.folder / "import.log"
        start = time.perf_counter()
        process = subprocess.run(self.command(files), capture_output=True, text=True)
        log.write_text(process.stderr + process.stdout, encoding="utf-8")
        if process.returncode != 0:
            raise _failure(process, log)
        seconds = time.perf_counter() - start
        done = next((line for line in process.stdout.splitlines() if line.startswith("IMPORT DONE")), "")
        fields = dict(part.split("=", 1) for part in done.split()[2:] if "=" in part)
        summary.schema_seconds = int(fields.get("schema_ms", 0)) / 1000
        summary.import_seconds = seconds - summary.schema_seconds


@dataclass
class DockerImporter:
    """The ``neo4j`` service of a compose file: checked empty over Bolt, stopped, imported, started, constrained."""

    settings: Neo4jSettings
    compose_file: Path = COMPOSE_FILE
    service: str = "neo4j"
    database: str = "neo4j"

    def compose(self, *args: str) -> list[str]:
        return ["docker", "compose", "-f", str(self.compose_file), *args]

    def import_command(self, files: ImportFiles) -> list[str]:
        return self.compose("run", "--rm", "--no-deps", "-v", f"{files.folder.resolve()}:/import:ro", self.service,
                            "neo4j-admin", "database", "import", "full", self.database,
                            "--overwrite-destination=true", *files.options("/import"))

    def load(self, files: ImportFiles, summary: BulkSummary) -> None:
        from graph.neo4j_store import connect

        if shutil.which("docker") is None:
            raise BulkImportError("docker not found: install Docker, or use the Maven launcher with --data DIR")
        with connect(self.settings) as db:
            nodes = db.run_read("MATCH (n) RETURN count(n) AS n")[0]["n"]
        if nodes:
            raise BulkImportError(f"the database at {self.settings.uri} is not empty ({nodes} nodes); bulk import "
                                  "only fills an empty database: use push (nothing was changed)")
        log = files.folder / "import.log"
        start = time.perf_counter()
        steps = [self.compose("stop", self.service), self.import_command(files),
                 self.compose("up", "-d", "--wait", self.service)]
        with log.open("w", encoding="utf-8") as out:
            for step in steps:
                process = subprocess.run(step, capture_output=True, text=True)
                out.write(process.stderr + process.stdout)
                if process.returncode != 0:
                    raise _failure(process, log)
        summary.import_seconds = time.perf_counter() - start
        start = time.perf_counter()
        with connect(self.settings) as db:
            db.ensure_schema()
            db.run_write("CALL db.awaitIndexes(600)")
        summary.schema_seconds = time.perf_counter() - start


def bulk_import(store: GraphStore, importer: Importer, folder: Path | None = None) -> BulkSummary:
    """Write the store's import files (into ``folder``, else a temporary folder removed afterwards), run the
    importer on them and create the constraints. Raises :class:`BulkImportError` when refused or failed."""
    summary = BulkSummary()
    start = time.perf_counter()
    temporary = folder is None
    folder = Path(tempfile.mkdtemp(prefix="foundergraph-import-")) if folder is None else Path(folder)
    try:
        files = write_files(store, folder)
        summary.csv_seconds = time.perf_counter() - start
        summary.entities, summary.relations = files.counts["entities"], files.counts["relations"]
        summary.articles, summary.mentions = files.counts["articles"], files.counts["mentions"]
        importer.load(files, summary)
    except BulkImportError as exc:
        if temporary:
            log = folder / "import.log"
            kept = Path(tempfile.gettempdir()) / f"foundergraph-import-{int(time.time())}.log"
            if log.exists():
                shutil.copyfile(log, kept)
                raise BulkImportError(str(exc).replace(str(log), str(kept))) from None
        raise
    finally:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
    summary.seconds = time.perf_counter() - start
    return summary
