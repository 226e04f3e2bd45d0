"""What every command shares: error handling, the store option, output helpers."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

import click

from graph.errors import FoundergraphError
from graph.store import GraphStore


class FoundergraphGroup(click.Group):
    """A click group that turns project errors into one-line messages and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
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


def open_store(store_dir: Path | None) -> GraphStore:
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
