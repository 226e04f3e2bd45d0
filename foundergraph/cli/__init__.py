"""The ``foundergraph`` command: a thin layer that parses options and calls the library."""
from __future__ import annotations

import logging
import sys

import click

from foundergraph import __version__
from foundergraph.cli.base import FoundergraphGroup
from foundergraph.cli import articles, ask, neo4j, viz

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=FoundergraphGroup, context_settings=CONTEXT)
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


for module in (articles, ask, neo4j, viz):
    module.register(cli)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="foundergraph")
