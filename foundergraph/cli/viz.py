"""Commands of this topic are registered here (filled in by their issue)."""
from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``foundergraph`` group."""
