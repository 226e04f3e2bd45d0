"""The ``foundergraph`` command: a thin layer that parses options and calls the library.

The group is lazy: :data:`COMMANDS` names each command's module and one-line help, so ``--help`` lists
them without importing any, and a command imports only its own module (a question on the embedded
store never loads spaCy, pyvis or the Neo4j driver).
"""
from __future__ import annotations

import importlib
import logging
import sys

import click
from click.utils import make_default_short_help

from foundergraph import __version__
from foundergraph.cli.base import FoundergraphGroup

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: Each command: the module under ``foundergraph.cli`` that defines it, and its one-line help (a test
#: holds this equal to the command's own docstring).
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("articles", "Read articles (files or folders of .txt, .md, .html) into the embedded store, or into Neo4j."),
    "extract": ("articles", "Print what each article yields, one JSON object per line (the gold annotations' shape)."),
    "eval": ("articles", "Score extraction on articles against gold annotations (same figures as the eval script)."),
    "path": ("ask", "Degrees of separation between A and B, with the relation and evidence of each hop."),
    "who-knows": ("ask", "The people NAME knows within K hops, nearest first."),
    "intro": ("ask", "Who can introduce A to B: mutual connections first, else A's contacts nearest to B, ranked."),
    "person": ("ask", "Everything the graph says about NAME: roles, companies, mentors, investors, sources."),
    "stats": ("ask", "Counts of the graph: articles, entities and relations by type (and components, offline)."),
    "mentors": ("ask", "The mentors and mentees of a person, with evidence."),
    "investors": ("ask", "Who invested in COMPANY (amount, currency, round when known)."),
    "portfolio": ("ask", "What INVESTOR (a person or a fund) invested in."),
    "founders": ("ask", "Who founded COMPANY."),
    "acquisitions": ("ask", "Acquisitions by COMPANY and of it."),
    "colleagues": ("ask", "People who founded or work at the same organizations as NAME."),
    "brokers": ("ask", "The people most often on the shortest chains between others (betweenness), embedded store only."),
    "communities": ("ask", "Groups of people and organizations more linked to each other than to the rest, embedded "
                           "store only."),
    "export": ("ask", "Write the embedded graph as GraphML, GEXF (Gephi, Cytoscape), node-link JSON or neo4j-admin CSV."),
    "viz": ("viz", "Draw the graph as an interactive HTML page that works offline."),
    "neo4j": ("neo4j", "Copy the graph between the embedded store and Neo4j, and set up its schema."),
    "query": ("neo4j", "Run a Cypher query on Neo4j and print its records; read-only unless --write."),
}


class LazyGroup(FoundergraphGroup):
    """A group that imports a command's module only when that command runs (or shows its own help)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            module = importlib.import_module(f"foundergraph.cli.{COMMANDS[cmd_name][0]}")
            loaded = click.Group()
            module.register(loaded)
            self.commands.update(loaded.commands)
        return self.commands[cmd_name]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from :data:`COMMANDS`, as click would print it, without importing a command."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        with formatter.section("Commands"):
            formatter.write_dl([(name, make_default_short_help(COMMANDS[name][1], limit)) for name in names])


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="foundergraph")
@click.option("-v", "--verbose", count=True, help="Log what happens (-vv for debug detail).")
def cli(verbose: int) -> None:
    """Turn a folder of articles about startups into a graph of who knows whom.

    \b
    Example:
        foundergraph ingest seeds/
        foundergraph path "Ashay Kothani" "Mark Zuckerberg"
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="foundergraph")
