"""What every command shares: error handling, the store and Neo4j options, output helpers.

Imports stay light (click and the settings only): the command table and ``--help`` load this module.
"""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from graph.errors import FoundergraphError
from graph.neo4j_settings import DEFAULT_URI, Neo4jSettings

if TYPE_CHECKING:
    from graph.store import GraphStore


class FoundergraphGroup(click.Group):
    """A click group that turns project errors into one-line messages and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            quiet_pipe()
            ctx.exit(0)
        except FoundergraphError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(f"{getattr(exc, 'filename', '') or ''} {exc.strerror or exc}".strip()) from None


def store_option(func: Callable) -> Callable:
    """``--store DIR``: where the embedded store lives (default: $FOUNDERGRAPH_STORE or ~/.local/share/foundergraph)."""
    return click.option(
        "--store", "store_dir", type=click.Path(path_type=Path), default=None,
        help="Embedded store folder [default: $FOUNDERGRAPH_STORE or ~/.local/share/foundergraph].",
    )(func)


def json_option(func: Callable) -> Callable:
    """``--json``: print machine-readable JSON instead of text."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(func)


def quiet_pipe() -> None:
    """The reader of stdout left (``foundergraph stats | head -2``): drop what is left to write, quietly."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file descriptor (CliRunner): nothing will flush
        pass


def neo4j_options(func: Callable) -> Callable:
    """Add ``--uri/--username/--password/--database`` (envvars NEO4J_*) as one ``neo4j`` argument.

    \b
    Example:
        @cli.command()
        @neo4j_options
        def mine(neo4j: Neo4jSettings) -> None:
            with connect(neo4j) as store: ...
    """
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs["neo4j"] = Neo4jSettings(
            uri=kwargs.pop("neo4j_uri") or DEFAULT_URI, username=kwargs.pop("neo4j_username") or None,
            password=kwargs.pop("neo4j_password"), database=kwargs.pop("neo4j_database") or None)
        return func(*args, **kwargs)

    options = [
        click.option("--uri", "neo4j_uri", envvar="NEO4J_URI", default=DEFAULT_URI, show_default=True,
                     metavar="URI", help="Neo4j address: bolt://, neo4j:// (routing), neo4j+s:// (Aura) [env NEO4J_URI]."),
        click.option("--username", "neo4j_username", envvar="NEO4J_USERNAME", default=None, metavar="NAME",
                     help="Neo4j user [env NEO4J_USERNAME; default: neo4j]."),
        click.option("--password", "neo4j_password", envvar="NEO4J_PASSWORD", default=None, metavar="SECRET",
                     help="Neo4j password; none means a server without auth [env NEO4J_PASSWORD]."),
        click.option("--database", "neo4j_database", envvar="NEO4J_DATABASE", default=None, metavar="NAME",
                     help="Database name [env NEO4J_DATABASE; default: the server's default]."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def open_store(store_dir: Path | None) -> GraphStore:
    from graph.store import GraphStore
    return GraphStore.open(store_dir)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def warn(message: str) -> None:
    """One line on stderr."""
    click.echo(message, err=True)


def article_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def is_tty() -> bool:
    return sys.stderr.isatty()
