"""``foundergraph viz``: the interactive graph as one self-contained HTML file (graph/visual.py does the work)."""
from __future__ import annotations

from pathlib import Path

import click

from foundergraph.cli.base import store_option, warn
from foundergraph.cli.neo4j import connect, neo4j_options
from graph import neighbourhood, outputs
from graph.errors import StoreError
from graph.model import RELATION_TYPES
from graph.neo4j_store import Neo4jSettings
from graph.store import GraphStore
from graph.visual import MAX_NODES, ViewOptions, render_html, select_view
from graph.lookup import Key
from queries.separation import find


def _types(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    """``--types FOUNDED,invested_in``: relation types, any case, comma-separated."""
    if not value:
        return None
    types = tuple(dict.fromkeys(t.strip().upper().replace("-", "_") for t in value.split(",") if t.strip()))
    unknown = [t for t in types if t not in RELATION_TYPES]
    if unknown:
        raise click.BadParameter(f"unknown relation type {', '.join(unknown)}; choose from {','.join(RELATION_TYPES)}")
    return types


def register(cli: click.Group) -> None:
    """Add ``viz``."""

    @cli.command()
    @click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
                  default=Path("graph.html"), show_default=True, help="HTML file to write (- for stdout).")
    @click.option("--force", is_flag=True, help="Replace the output file if it exists.")
    @click.option("--around", metavar="NAME", help="Only NAME and what lies within --hops relations of it.")
    @click.option("--hops", type=click.IntRange(min=0), default=None, metavar="K",
                  help="With --around: how many relations away to go [default: 1].")
    @click.option("--path", "path_names", nargs=2, metavar="A B", default=None,
                  help="Highlight a shortest chain of relations between A and B (always drawn in full): the "
                       "chain `foundergraph path A B` gives for the same --via-orgs and --types.")
    @click.option("--via-orgs", is_flag=True, help="With --path: let the chain pass through organizations.")
    @click.option("--types", callback=_types, metavar="TYPE,...",
                  help=f"Only these relation types ({','.join(RELATION_TYPES)}).")
    @click.option("--min-degree", type=click.IntRange(min=0), default=0, metavar="N",
                  help="Drop people and organizations with fewer than N relations in the view.")
    @click.option("--max-nodes", type=click.IntRange(min=1), default=MAX_NODES, show_default=True, metavar="N",
                  help="Above this many nodes, keep only the most connected ones (a notice says so).")
    @click.option("--title", default="foundergraph", show_default=True, help="Page title.")
    @store_option
    @click.option("--neo4j", "use_neo4j", is_flag=True,
                  help="Draw the graph in Neo4j (see --uri, --username, ...) instead of the embedded store.")
    @neo4j_options
    def viz(output: Path, force: bool, around: str | None, hops: int | None, path_names: tuple[str, str] | None,
            via_orgs: bool, types: tuple[str, ...] | None, min_degree: int, max_nodes: int, title: str,
            store_dir: Path | None, use_neo4j: bool, neo4j: Neo4jSettings) -> None:
        """Draw the graph as an interactive HTML page that works offline.

        People are blue dots, organizations orange squares, sized by their number of relations;
        relations are colored and labeled by type, with arrows for direction (KNOWS has none).
        Hover a node for its aliases, roles and companies, a relation for its evidence sentences
        and source articles. Above 1,500 nodes or 5,000 relations the page keeps
        the most connected part and says so (here and on stderr).

        \b
        Example:
            foundergraph viz -o graph.html
            foundergraph viz --around "Porter Gale" --hops 2 -o porter.html
            foundergraph viz --path "Ashay Kothani" "Linkedin" --types WORKS_AT,FOUNDED
            foundergraph viz --neo4j --uri bolt://localhost:7687 -o graph.html
        """
        if hops is not None and not around:
            raise click.UsageError("--hops needs --around NAME")
        store_folder = GraphStore(store_dir).directory
        if not outputs.is_stdout(output):
            outputs.check_file(output, force, store_folder)  # refused before any reading
        if use_neo4j:
            with connect(neo4j) as db:
                graph = db.pull().to_networkx()
            where = f"Neo4j at {neo4j.uri}"
        else:
            store = GraphStore.open(store_dir)
            where = f"the store in {store.directory}"
            if around and not path_names and store.file() is not None:  # only that part of the store is read
                if store.counts()["entities"] == 0:
                    raise StoreError(f"{where} is empty: run `foundergraph ingest PATH` first")
                center = Key(find(store, around))
                graph = neighbourhood.around(store.file(), center, 1 if hops is None else hops, types)
                around = center
            else:
                graph = store.to_networkx()
        if graph.number_of_nodes() == 0:
            raise StoreError(f"{where} is empty: run `foundergraph ingest PATH` first")
        options = ViewOptions(around=around, hops=1 if hops is None else hops, path=path_names, via_orgs=via_orgs,
                              types=types, min_degree=min_degree, max_nodes=max_nodes, title=title)
        view = select_view(graph, options)
        for notice in view.notices:
            warn(notice)
        html = render_html(view)
        outputs.write_file(output, lambda tmp: tmp.write_text(html, encoding="utf-8", errors="replace", newline="\n"),
                           force, store_folder)
        click.echo(f"{output}: {view.graph.number_of_nodes()} people and organizations, "
                   f"{view.graph.number_of_edges()} relations", err=outputs.is_stdout(output))
