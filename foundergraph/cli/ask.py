"""Commands that answer questions from the graph: path, who-knows, intro, person, stats, the relation
questions (mentors, investors, portfolio, founders, acquisitions, colleagues), brokers, communities, export.

Each runs on the embedded store by default and on Neo4j with ``--neo4j`` (settings from ``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``); the library does the work
(:mod:`queries.on_store`, :mod:`queries.on_neo4j`, :mod:`queries.separation`, :mod:`graph.analysis`,
:mod:`graph.export`), this module parses options and prints. Questions about a few entities read only
their part of the embedded store; brokers, communities and export read all of it.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import click

from foundergraph.cli.base import article_name, echo_json, json_option, open_store, store_option
from foundergraph.cli.neo4j import connect, neo4j_options
from graph import analysis, export as exporter, outputs
from graph.analysis import KNOWING_KINDS
from graph.model import PERSON, RELATION_TYPES
from graph.neo4j_store import Neo4jSettings
from queries import on_neo4j, on_store, separation as indexed

Record = dict[str, Any]


# -- shared options ---------------------------------------------------------------------------------
def neo4j_option(func: Callable) -> Callable:
    """``--neo4j`` and the Neo4j settings (``--uri/--username/--password/--database``, env NEO4J_*)."""
    func = neo4j_options(func)
    return click.option("--neo4j", "use_neo4j", is_flag=True,
                        help="Answer from Neo4j (see --uri and NEO4J_URI) instead of the embedded store.")(func)


def _split(kind: str, allowed: tuple[str, ...]) -> Callable[[click.Context, click.Parameter, str | None], Any]:
    def convert(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
        if value is None:
            return None
        chosen = tuple(v.strip().upper() for v in value.split(",") if v.strip())
        unknown = [v for v in chosen if v not in allowed]
        if unknown or not chosen:
            raise click.BadParameter(f"{', '.join(unknown) or 'nothing'}: choose {kind} among {','.join(allowed)}")
        return chosen
    return convert


def kinds_option(func: Callable) -> Callable:
    """``--kinds``: which ties count as knowing someone."""
    return click.option("--kinds", callback=_split("ties", KNOWING_KINDS), default=None, metavar="T,T",
                        help=f"Ties that count as knowing someone [default: {','.join(KNOWING_KINDS)}]; FOUNDED "
                             "and WORKS_AT mean the same organization.")(func)


@contextmanager
def answering(store_dir: Path | None, neo4j: Neo4jSettings | None) -> Iterator[tuple[Any, Any]]:
    """The question library and what it reads: (on_store, embedded store), or with settings (on_neo4j, connected store)."""
    if neo4j is not None:
        with connect(neo4j) as db:
            yield on_neo4j, db
    else:
        store = open_store(store_dir)
        try:
            yield on_store, store
        finally:
            store.close()


def _evidence_ids(relations: Any) -> list[str]:
    return sorted({e["article_id"] for r in relations for e in r["evidence"] if e["article_id"]})


# -- text output ------------------------------------------------------------------------------------
def _props(props: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in props.items())


def format_relation(rel: Record) -> str:
    props = _props(rel["props"])
    return f"{rel['source_name']} -[{rel['type']}{' ' + props if props else ''}]-> {rel['target_name']}"


def _evidence_lines(rel: Record, articles: dict[str, dict], indent: str = "      ", most: int = 3) -> list[str]:
    lines = []
    for evidence in rel["evidence"][:most]:
        source = article_name(articles.get(evidence["article_id"], {}).get("path", evidence["article_id"] or ""))
        lines.append(f"{indent}“{evidence['sentence']}”{f' ({source})' if source else ''}")
    return lines


def format_separation(answer: Record, articles: dict[str, dict]) -> str:
    """A path answer as text: one line per hop, its evidence sentences indented below it."""
    a, b = answer["source"]["name"], answer["target"]["name"]
    if answer["degrees"] is None:
        return f"no path between {a} and {b}"
    degrees = answer["degrees"]
    lines = [f"{a} → {b}: {degrees} degree{'s' if degrees != 1 else ''} of separation"]
    many = len(answer["paths"]) > 1
    for number, path in enumerate(answer["paths"], 1):
        if many:
            lines.append(f" path {number}:")
        for hop in path["hops"]:
            lines.append(f"  {format_relation(hop)}")
            lines.extend(_evidence_lines(hop, articles))
    return "\n".join(lines)


def _print_relations(title: str, relations: list[Record], articles: dict[str, dict]) -> None:
    click.echo(f"{title}: {len(relations) or 'none'}")
    for rel in relations:
        click.echo(f"  {format_relation(rel)}")
        for line in _evidence_lines(rel, articles, most=1):
            click.echo(line)


def _print_summary(summary: Record) -> None:
    click.echo(f"{summary['name']} ({summary['type'] or 'entity'}, key {summary['key']!r})")
    sections = [("founded", "founded"), ("founders", "founders"), ("works at", "works_at"),
                ("employees", "employees"), ("mentors", "mentors"), ("mentees", "mentees"),
                ("investors", "investors"), ("investments", "investments"), ("acquired", "acquired"),
                ("acquired by", "acquired_by"), ("knows", "knows")]
    for title, field in sections:
        if summary[field]:
            items = [f"{o['name']}{' (' + _props({k: v for k, v in o.items() if k not in ('key', 'name')}) + ')' if len(o) > 2 else ''}"
                     for o in summary[field]]
            click.echo(f"  {title}: {'; '.join(items)}")
    click.echo(f"  sources: {len(summary['sources'])}")
    for source in summary["sources"]:
        click.echo(f"    {article_name(source['path']) or source['id']}: {source['title']}")


# -- commands ---------------------------------------------------------------------------------------
def register(cli: click.Group) -> None:
    """Add the question commands and ``export``."""

    @cli.command()
    @click.argument("a")
    @click.argument("b")
    @click.option("--all", "all_paths", is_flag=True, help="Every shortest path, not just one.")
    @click.option("--via-orgs", is_flag=True, help="Let the chain pass through organizations (shared employers, "
                                                     "companies founded or invested in).")
    @click.option("--types", callback=_split("relation types", RELATION_TYPES), default=None, metavar="T,T",
                  help=f"Relation types that may be hops [default: {','.join(RELATION_TYPES)}].")
    @click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="At most this many paths with --all.")
    @store_option
    @neo4j_option
    @json_option
    def path(a: str, b: str, all_paths: bool, via_orgs: bool, types: tuple[str, ...] | None, limit: int,
             store_dir: Path | None, use_neo4j: bool, neo4j: Neo4jSettings, as_json: bool) -> None:
        """Degrees of separation between A and B, with the relation and evidence of each hop.

        Relations count in both directions. Without --via-orgs only people stand between A and B (A and B
        themselves may be organizations). No path is an answer, not an error.

        \b
        Example:
            foundergraph path "Ashay Kothani" "Linkedin"
            foundergraph path "Ashay Kothani" "Pulse" --via-orgs --all --json
        """
        options = {"all_paths": all_paths, "via_orgs": via_orgs, "types": types, "limit": limit}
        if use_neo4j:
            with answering(store_dir, neo4j) as (_, db):
                answer = on_neo4j.separation(db, a, b, **options)
                articles = on_neo4j.articles(db, _evidence_ids(h for p in answer["paths"] for h in p["hops"]))
        else:
            store = open_store(store_dir)
            answer = indexed.separation(store, a, b, **options)
            articles = on_store.articles(store, _evidence_ids(h for p in answer["paths"] for h in p["hops"]))
        if as_json:
            echo_json(answer)
        else:
            click.echo(format_separation(answer, articles))

    @cli.command("who-knows")
    @click.argument("name")
    @click.option("--hops", "-k", type=click.IntRange(1, 6), default=2, show_default=True, help="How many hops away.")
    @kinds_option
    @store_option
    @neo4j_option
    @json_option
    def who_knows(name: str, hops: int, kinds: tuple[str, ...] | None, store_dir: Path | None, use_neo4j: bool,
                  neo4j: Neo4jSettings, as_json: bool) -> None:
        """The people NAME knows within K hops, nearest first.

        Two people know each other when the graph says so (KNOWS), one mentored or invested in the other
        (or in a company the other founded), or they founded or work at the same organization.

        \b
        Example:
            foundergraph who-knows "Porter Gale" --hops 2
            foundergraph who-knows "Porter Gale" --kinds KNOWS,MENTORED --json
        """
        with answering(store_dir, neo4j if use_neo4j else None) as (library, source):
            people = library.who_knows(source, name, hops, kinds or KNOWING_KINDS)
        if as_json:
            echo_json(people)
            return
        click.echo(f"{name}: {len(people) or 'nobody'} within {hops} hop{'s' if hops > 1 else ''}")
        for person in people:
            click.echo(f"  {person['distance']}  {person['name']}")

    @cli.command()
    @click.argument("a")
    @click.argument("b")
    @click.option("--max-hops", type=click.IntRange(1, 8), default=4, show_default=True,
                  help="Look for introducers at most this far from B.")
    @kinds_option
    @store_option
    @neo4j_option
    @json_option
    def intro(a: str, b: str, max_hops: int, kinds: tuple[str, ...] | None, store_dir: Path | None,
              use_neo4j: bool, neo4j: Neo4jSettings, as_json: bool) -> None:
        """Who can introduce A to B: mutual connections first, else A's contacts nearest to B, ranked.

        Ranked by distance to B, then by how many kinds of tie link them to A and to B, then by key.

        \b
        Example:
            foundergraph intro "Ashay Kothani" "Adam di Angello"
        """
        kinds = kinds or KNOWING_KINDS
        with answering(store_dir, neo4j if use_neo4j else None) as (library, source):
            ranked = library.introducers(source, a, b, kinds, max_hops)
            if as_json:
                echo_json(ranked)
                return
            known = library.find(source, b, PERSON) in {p["key"] for p in library.who_knows(source, a, 1, kinds)}
        if not ranked:
            already = f"{a} already knows {b}, and nobody else {a} knows" if known else f"nobody {a} knows"
            click.echo(f"{already} is within {max_hops} hops of {b}")
            return
        mutual = ranked[0]["distance_to_target"] == 1
        click.echo(f"{'mutual connections' if mutual else 'closest contacts'} of {a} and {b}: {len(ranked)}"
                   + (f" ({a} already knows {b})" if known else ""))
        for rank, record in enumerate(ranked, 1):
            detail = f"with {a}: {','.join(record['ties_with_source'])}"
            if record["ties_with_target"]:
                detail += f"; with {b}: {','.join(record['ties_with_target'])}"
            else:
                detail += f"; {record['distance_to_target']} hops from {b}"
            click.echo(f"  {rank}. {record['name']} ({detail})")

    @cli.command()
    @click.argument("name")
    @store_option
    @neo4j_option
    @json_option
    def person(name: str, store_dir: Path | None, use_neo4j: bool, neo4j: Neo4jSettings, as_json: bool) -> None:
        """Everything the graph says about NAME: roles, companies, mentors, investors, sources.

        \b
        Example:
            foundergraph person "Porter Gale"
        """
        with answering(store_dir, neo4j if use_neo4j else None) as (library, source):
            summary = library.person(source, name)
        if as_json:
            echo_json(summary)
        else:
            _print_summary(summary)

    @cli.command()
    @store_option
    @neo4j_option
    @json_option
    def stats(store_dir: Path | None, use_neo4j: bool, neo4j: Neo4jSettings, as_json: bool) -> None:
        """Counts of the graph: articles, entities and relations by type (and components, offline).

        \b
        Example:
            foundergraph stats --json
        """
        if use_neo4j:
            with answering(store_dir, neo4j) as (library, source):
                figures = library.stats(source)
        else:
            figures = on_store.statistics(open_store(store_dir))
        if as_json:
            echo_json(figures)
            return
        click.echo(f"articles: {figures['articles']}")
        click.echo(f"entities: {figures['entities']} ("
                   + ", ".join(f"{k}: {v}" for k, v in figures["entities_by_type"].items()) + ")")
        click.echo(f"relations: {figures['relations']} ("
                   + ", ".join(f"{k}: {v}" for k, v in figures["relations_by_type"].items()) + ")")
        if "components" in figures:
            click.echo(f"components: {figures['components']} (largest: {figures['largest_component']} entities, "
                       f"isolated: {figures['isolated']})")
            if figures["most_connected"]:
                click.echo("most connected: " + "; ".join(f"{m['name']} ({m['degree']})"
                                                          for m in figures["most_connected"]))

    def relation_command(name: str, argument: str, questions: list[tuple[str, str]], doc: str) -> None:
        @store_option
        @neo4j_option
        @json_option
        @click.argument(argument)
        def command(store_dir: Path | None, use_neo4j: bool, neo4j: Neo4jSettings, as_json: bool,
                    **kwargs: str) -> None:
            typed = kwargs[argument]
            with answering(store_dir, neo4j if use_neo4j else None) as (library, source):
                answers = {label: getattr(library, question)(source, typed) for label, question in questions}
                articles = library.articles(source, _evidence_ids(r for rs in answers.values() for r in rs))
            if as_json:
                echo_json(answers if len(answers) > 1 else next(iter(answers.values())))
                return
            for label, relations in answers.items():
                _print_relations(f"{label} of {typed}", relations, articles)
        command.__doc__ = doc
        cli.command(name)(command)

    relation_command("mentors", "name", [("mentors", "mentors"), ("mentees", "mentees")],
                     """The mentors and mentees of a person, with evidence.

        \b
        Example:
            foundergraph mentors "Porter Gale" --json
        """)
    relation_command("investors", "company", [("investors", "investors")],
                     """Who invested in COMPANY (amount, currency, round when known).

        \b
        Example:
            foundergraph investors "LinkedIn"
        """)
    relation_command("portfolio", "investor", [("investments", "portfolio")],
                     """What INVESTOR (a person or a fund) invested in.

        \b
        Example:
            foundergraph portfolio "Accel Partners"
        """)
    relation_command("founders", "company", [("founders", "founders")],
                     """Who founded COMPANY.

        \b
        Example:
            foundergraph founders "LinkedIn"
        """)
    relation_command("acquisitions", "company", [("acquisitions", "acquisitions")],
                     """Acquisitions by COMPANY and of it.

        \b
        Example:
            foundergraph acquisitions "LinkedIn"
        """)

    @cli.command()
    @click.argument("name")
    @store_option
    @neo4j_option
    @json_option
    def colleagues(name: str, store_dir: Path | None, use_neo4j: bool, neo4j: Neo4jSettings, as_json: bool) -> None:
        """People who founded or work at the same organizations as NAME.

        \b
        Example:
            foundergraph colleagues "Ashay Kothani"
        """
        with answering(store_dir, neo4j if use_neo4j else None) as (library, source):
            found = library.colleagues(source, name)
        if as_json:
            echo_json(found)
            return
        click.echo(f"colleagues of {name}: {len(found) or 'none'}")
        for c in found:
            click.echo(f"  {c['name']} ({c['their_relation']} {c['organization_name']})")

    @cli.command()
    @click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many to show.")
    @click.option("--all-entities", is_flag=True, help="Rank organizations too, not only people.")
    @click.option("--sample", type=click.IntRange(1), default=None,
                  help="Estimate from this many source nodes (large graphs).")
    @store_option
    @json_option
    def brokers(top: int, all_entities: bool, sample: int | None, store_dir: Path | None, as_json: bool) -> None:
        """The people most often on the shortest chains between others (betweenness), embedded store only.

        \b
        Example:
            foundergraph brokers --top 5 --all-entities
        """
        G = open_store(store_dir).to_networkx()
        ranked = analysis.brokers(G, top=top, entity_type=None if all_entities else "Person", sample=sample)
        records = [{"key": k, "name": G.nodes[k].get("name", k), "betweenness": s} for k, s in ranked]
        if as_json:
            echo_json(records)
            return
        click.echo(f"brokers: {len(records) or 'none'}")
        for r in records:
            click.echo(f"  {r['betweenness']:.4f}  {r['name']}")

    @cli.command()
    @click.option("--min-size", type=click.IntRange(1), default=2, show_default=True, help="Smallest group shown.")
    @click.option("--seed", type=int, default=0, show_default=True, help="Random seed of the Louvain method.")
    @store_option
    @json_option
    def communities(min_size: int, seed: int, store_dir: Path | None, as_json: bool) -> None:
        """Groups of people and organizations more linked to each other than to the rest, embedded store only.

        \b
        Example:
            foundergraph communities --min-size 3
        """
        G = open_store(store_dir).to_networkx()
        groups = [[{"key": k, "name": G.nodes[k].get("name", k)} for k in group]
                  for group in analysis.communities(G, seed=seed, min_size=min_size)]
        if as_json:
            echo_json(groups)
            return
        click.echo(f"communities: {len(groups) or 'none'}")
        for number, group in enumerate(groups, 1):
            click.echo(f"  {number}. " + ", ".join(m["name"] for m in group))

    @cli.command("export")
    @click.option("--format", "fmt", type=click.Choice(exporter.FORMATS), required=True, help="Output format.")
    @click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True), required=True,
                  help="Output file (a folder for csv; - for stdout).")
    @click.option("--force", is_flag=True, help="Replace the output file(s) if they exist.")
    @store_option
    def export_command(fmt: str, output: Path, force: bool, store_dir: Path | None) -> None:
        """Write the embedded graph as GraphML, GEXF (Gephi, Cytoscape), node-link JSON or neo4j-admin CSV.

        GraphML/GEXF hold lists and dicts (aliases, props, evidence) as JSON strings. CSV writes
        people.csv, organizations.csv, articles.csv, relationships.csv and mentions.csv in the
        neo4j-admin database import header format (arrays separated by ';').

        \b
        Example:
            foundergraph export --format graphml -o graph.graphml
            foundergraph export --format csv -o import/
        """
        store = open_store(store_dir)
        if fmt == "csv" and not outputs.is_stdout(output):
            outputs.check_folder(output, list(exporter.CSV_FILES), force, store.directory)  # before any reading
        elif not outputs.is_stdout(output):
            outputs.check_file(output, force, store.directory)
        written = exporter.write_export(store.to_networkx(), fmt, output, force, store.directory)
        for path in written:
            click.echo(str(path))
