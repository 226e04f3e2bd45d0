"""Commands that answer questions from the graph: ``path``."""
from __future__ import annotations

from pathlib import Path

import click

from foundergraph.cli.base import article_name, echo_json, json_option, open_store, store_option
from queries.separation import Hop, degrees_of_separation


def format_hops(a: str, b: str, hops: list[Hop] | None, articles: dict[str, dict]) -> str:
    """A path as text: one line per hop, its evidence sentences indented below it."""
    if hops is None:
        return f"no path between {a} and {b}"
    lines = [f"{a} → {b}: {len(hops)} degree{'s' if len(hops) != 1 else ''} of separation"]
    for hop in hops:
        props = ", ".join(f"{k}={v}" for k, v in hop.props.items())
        lines.append(f"  {hop.source} -[{hop.type}{' ' + props if props else ''}]-> {hop.target}")
        for evidence in hop.evidence[:3]:
            source = article_name(articles.get(evidence["article_id"], {}).get("path", evidence["article_id"]))
            lines.append(f"      “{evidence['sentence']}” ({source})")
    return "\n".join(lines)


def register(cli: click.Group) -> None:
    """Add ``path``."""

    @cli.command()
    @click.argument("a")
    @click.argument("b")
    @store_option
    @json_option
    def path(a: str, b: str, store_dir: Path | None, as_json: bool) -> None:
        """Degrees of separation between A and B, with the relation and evidence of each hop.

        \b
        Example:
            foundergraph path "Ashay Kothani" "Mark Zuckerberg"
        """
        graph = open_store(store_dir).to_networkx()
        hops = degrees_of_separation(graph, a, b)
        if as_json:
            echo_json({"from": a, "to": b, "degrees": None if hops is None else len(hops),
                       "hops": [] if hops is None else [h.to_dict() for h in hops]})
        else:
            click.echo(format_hops(a, b, hops, graph.graph.get("articles", {})))
