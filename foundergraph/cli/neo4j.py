"""Neo4j commands: ``neo4j push``, ``neo4j import``, ``neo4j pull``, ``neo4j schema`` and ``query``.

Other commands reuse :func:`neo4j_options` (``--uri/--username/--password/--database`` with Neo4j's
environment names) and :func:`connect`; the command receives one ``neo4j`` argument, a
:class:`graph.neo4j_store.Neo4jSettings`.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
from pathlib import Path
from typing import Any

import click

from foundergraph.cli.base import neo4j_options, store_option
from graph.errors import StoreError
from graph.neo4j_store import Neo4jSettings, Neo4jStore, ingest_into_neo4j
from graph.neo4j_store import connect as _connect
from graph.store import GraphStore

__all__ = ["neo4j_options", "connect", "neo4j_requested", "ingest_into_neo4j"]


def connect(settings: Neo4jSettings, **options: Any) -> Neo4jStore:
    """A verified Neo4jStore for these settings; a one-line Neo4jError on any fault."""
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        # The driver logs its own copy of connection failures; ours is the one line users need.
        logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    return _connect(settings, **options)


def neo4j_requested(flag: bool) -> bool:
    """``--neo4j`` given, or ``NEO4J_URI`` set in the environment."""
    return flag or bool(os.environ.get("NEO4J_URI"))


def _parse_params(pairs: tuple[str, ...]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--param")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return params


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, default=str)


def _format(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return out.getvalue().rstrip("\n")
    if not columns:
        return "(no rows)"
    cells = [[_cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def register(cli: click.Group) -> None:
    """Add the ``neo4j`` group (push, pull, schema) and ``query``."""

    @cli.group(name="neo4j")
    def neo4j_group() -> None:
        """Copy the graph between the embedded store and Neo4j, and set up its schema.

        \b
        Example:
            foundergraph neo4j push --uri bolt://localhost:7687 --password foundergraph
        """

    @neo4j_group.command()
    @store_option
    @neo4j_options
    def push(store_dir: Path | None, neo4j: Neo4jSettings) -> None:
        """Copy the embedded store into Neo4j (merging: running it twice changes nothing).

        \b
        Example:
            NEO4J_PASSWORD=foundergraph foundergraph neo4j push
        """
        store = GraphStore.open(store_dir)
        with connect(neo4j) as db:
            summary = db.push(store)
        click.echo(str(summary))

    @neo4j_group.command(name="import")
    @store_option
    @click.option("--data", "data_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
                  metavar="DIR", help="Data folder of the stopped Maven-launched server (`make neo4j` uses .neo4j).")
    @click.option("--docker", is_flag=True, help="Import into the `neo4j` service of docker-compose.yml instead "
                                                 "(stopped and started again by this command).")
    @click.option("--compose-file", type=click.Path(path_type=Path, dir_okay=False), default=None,
                  help="The compose file for --docker [default: the repository's docker-compose.yml].")
    @click.option("--csv", "csv_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
                  metavar="DIR", help="Keep the import files in DIR (default: a temporary folder, removed).")
    @neo4j_options
    def import_(store_dir: Path | None, data_dir: Path | None, docker: bool, compose_file: Path | None,
                csv_dir: Path | None, neo4j: Neo4jSettings) -> None:
        """Bulk-load the embedded store into an EMPTY Neo4j database with Neo4j's offline importer.

        Writes the store as CSV files, runs `neo4j-admin database import full` on them, then
        creates the constraints: the database ends as `push` would leave it, many times
        faster. A database holding any node is refused and left as it is (use push).
        With --data the server must be stopped; with --docker the service is stopped and
        started again (its Bolt address: --uri / NEO4J_URI). --database names the database
        to fill (default neo4j).

        \b
        Example:
            foundergraph neo4j import --data .neo4j && make neo4j
            NEO4J_PASSWORD=foundergraph foundergraph neo4j import --docker
        """
        from graph.bulk_import import COMPOSE_FILE, DockerImporter, MavenImporter, bulk_import

        if docker == (data_dir is not None):
            raise click.UsageError("give either --data DIR (the Maven launcher's folder) or --docker")
        store = GraphStore.open(store_dir)
        if not store.counts()["entities"]:
            raise StoreError(f"the store in {store.directory} is empty: nothing to import")
        target_database = neo4j.database or "neo4j"
        if docker:
            importer: Any = DockerImporter(neo4j, compose_file or COMPOSE_FILE, database=target_database)
        else:
            importer = MavenImporter(data_dir, database=target_database)
        click.echo(str(bulk_import(store, importer, csv_dir)))

    @neo4j_group.command()
    @store_option
    @neo4j_options
    @click.option("--force", is_flag=True, help="Replace the embedded store even if it holds articles Neo4j lacks.")
    def pull(store_dir: Path | None, neo4j: Neo4jSettings, force: bool) -> None:
        """Replace the embedded store with the graph in Neo4j.

        Refuses when the embedded store holds articles that Neo4j does not (push them first,
        or pass --force).

        \b
        Example:
            foundergraph neo4j pull --store ./graph-from-neo4j
        """
        with connect(neo4j) as db:
            pulled = db.pull()
        target = GraphStore(store_dir)
        with target.locked():
            lost = sorted(set(target.articles) - set(pulled.articles))
            if lost and not force:
                raise StoreError(f"the store in {target.directory} holds {len(lost)} article(s) that Neo4j does not; "
                                 "run `foundergraph neo4j push` first or pass --force")
            target.articles, target.index, target.relations = pulled.articles, pulled.index, pulled.relations
            target.save()
        click.echo(f"pulled {len(pulled.articles)} articles, {len(pulled.entities)} entities, "
                   f"{len(pulled.relations)} relations into {target.path}")

    @neo4j_group.command()
    @neo4j_options
    def schema(neo4j: Neo4jSettings) -> None:
        """Create the uniqueness constraints (idempotent) and list them.

        \b
        Example:
            foundergraph neo4j schema
        """
        with connect(neo4j) as db:
            db.ensure_schema()
            for row in db.constraints():
                click.echo(f"{row['name']}: :{row['label']}({', '.join(row['properties'])}) is unique")

    @cli.command()
    @click.argument("cypher")
    @click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
                  help="A query parameter, repeatable; VALUE is read as JSON when it parses (42, true, "
                       "[1,2], \"text\"), else as text.")
    @click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                  show_default=True, help="Output format.")
    @click.option("--write", is_flag=True, help="Allow writes (the query runs in a WRITE transaction).")
    @neo4j_options
    def query(cypher: str, params: tuple[str, ...], fmt: str, write: bool, neo4j: Neo4jSettings) -> None:
        """Run a Cypher query on Neo4j and print its records; read-only unless --write.

        \b
        Example:
            foundergraph query "MATCH (p:Person {key: \\$key})-[r]-(o) RETURN type(r) AS rel, o.name AS other" \\
                --param key="ashay kothani"
            foundergraph query "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n" --format csv
        """
        values = _parse_params(params)
        with connect(neo4j) as db:
            rows = db.run_write(cypher, values) if write else db.run_read_only(cypher, values)
        click.echo(_format(rows, fmt))

