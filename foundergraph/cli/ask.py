"""Commands that answer questions from the graph: path, who-knows, intro, person, stats, the relation
questions (mentors, investors, portfolio, founders, acquisitions, colleagues), brokers, communities, export.

Each runs on the embedded store by default and on Neo4j with ``--neo4j`` (settings from ``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``); the library does the work
(:mod:`queries.separation`, :mod:`queries.on_store`, :mod:`queries.on_neo4j`, :mod:`graph.analysis`,
:mod:`graph.export`), this module parses options and prints. The :func:`question` decorator gives every
question the same options (``--store``, ``--neo4j`` and its settings, ``--json``), errors and output.
Libraries are imported inside the commands, so a question on the embedded store loads neither the Neo4j
driver nor NetworkX when it does not need them.
"""
from __future__ import annotations

import functools
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable, Iterator

import click

from foundergraph.cli import show
from foundergraph.cli.base import article_name, echo_json, json_option, neo4j_options, open_store, store_option, warn
from graph.errors import EmptyStore, EntityNotFound, WrongEntityType
from graph.model import KNOWING_KINDS, ORGANIZATION, PERSON, RELATION_TYPES
from graph.neo4j_settings import Neo4jSettings

Record = dict[str, Any]

#: What to ask instead when a question gets a name of the other type (default: ``person``).
INSTEAD = {"investors": "portfolio", "acquisitions": "portfolio"}
_PLURAL = {PERSON: "people", ORGANIZATION: "organizations"}
#: :data:`graph.export.FORMATS`, named here so that loading the commands does not import NetworkX.
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")


# -- what a question reads ----------------------------------------------------------------------------
@dataclass
class Source:
    """The embedded store or a connected Neo4j, and where it is (for messages)."""

    graph: Any
    where: str
    neo4j: bool

    @property
    def library(self) -> ModuleType:
        """The question functions for this source: :mod:`queries.on_neo4j` or :mod:`queries.on_store`."""
        if self.neo4j:
            from queries import on_neo4j
            return on_neo4j
        from queries import on_store
        return on_store

    def separation(self, a: str, b: str, **options: Any) -> Record:
        """Degrees of separation; on the store through its path index alone (no NetworkX)."""
        if self.neo4j:
            return self.library.separation(self.graph, a, b, **options)
        from queries.separation import separation
        return separation(self.graph, a, b, **options)

    def articles(self, ids: list[str]) -> dict[str, Record]:
        """The articles with these ids, by id."""
        if self.neo4j:
            return self.library.articles(self.graph, ids)
        return {i: article.to_dict() for i in ids if (article := self.graph.article(i))}

    def empty(self) -> bool:
        """Whether it holds no article and no entity."""
        if self.neo4j:
            figures = self.library.stats(self.graph)
            return not figures["articles"] and not figures["entities"]
        counts = self.graph.counts()
        return not counts["articles"] and not counts["entities"]


@contextmanager
def reading(store_dir: Path | None, neo4j: Neo4jSettings | None) -> Iterator[Source]:
    """The store in ``store_dir``, or with settings the Neo4j they name, open for the time of a question."""
    if neo4j is not None:
        from foundergraph.cli.neo4j import connect
        with connect(neo4j) as db:
            yield Source(db, f"Neo4j at {neo4j.uri}", True)
        return
    store = open_store(store_dir)
    try:
        yield Source(store, f"the store in {store.directory}", False)
    finally:
        store.close()


def wrong_type(exc: WrongEntityType, command: str) -> str:
    """``'Ada' is a person; investors answers for organizations: try portfolio``."""
    article = "an organization" if exc.actual == ORGANIZATION else "a person"
    return (f"{exc.name!r} is {article}; {command} answers for {_PLURAL.get(exc.wanted, exc.wanted)}: "
            f"try {INSTEAD.get(command, 'person')}")


# -- the shared option stack and output ----------------------------------------------------------------
def neo4j_option(func: Callable) -> Callable:
    """``--neo4j`` and the Neo4j settings (``--uri/--username/--password/--database``, env NEO4J_*)."""
    func = neo4j_options(func)
    return click.option("--neo4j", "use_neo4j", is_flag=True,
                        help="Answer from Neo4j (see --uri and NEO4J_URI) instead of the embedded store.")(func)


def question(text: Callable[..., Iterable[str]], *, neo4j: bool = True,
             reads_all: bool = False) -> Callable[[Callable], Callable]:
    """Make ``func(source, **arguments) -> answer`` a question: ``--store``, ``--neo4j`` (unless ``neo4j``
    is False) and ``--json`` options, and one way out.

    ``--json`` prints the answer as it is; otherwise ``text(answer, source, **arguments)`` gives the lines,
    called while the source is open (it may read more: article titles, another path). A name of the wrong
    type, or any name in an empty store, is a one-line error that says so; a question that reads everything
    (``reads_all``) says on stderr when the store it read is empty.
    """
    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def command(*, store_dir: Path | None, as_json: bool, use_neo4j: bool = False,
                    neo4j: Neo4jSettings | None = None, **arguments: Any) -> None:
            with reading(store_dir, neo4j if use_neo4j else None) as source:
                try:
                    answer = func(source, **arguments)
                except WrongEntityType as exc:
                    raise click.ClickException(wrong_type(exc, click.get_current_context().info_name)) from None
                except EntityNotFound:
                    if source.empty():
                        raise EmptyStore(source.where.removeprefix("the store in ")) from None
                    raise
                if reads_all and source.empty():
                    warn(f"{source.where} is empty: run `foundergraph ingest PATH` first")
                lines = [] if as_json else list(text(answer, source, **arguments))
            if as_json:
                echo_json(answer)
            for line in lines:
                click.echo(line)

        command = json_option(command)
        command = neo4j_option(command) if neo4j else command
        return store_option(command)
    return decorate


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


def _evidence_ids(relations: Iterable[Record]) -> list[str]:
    return sorted({e["article_id"] for r in relations for e in r["evidence"] if e["article_id"]})


# -- text output ------------------------------------------------------------------------------------
def _evidence_lines(rel: Record, articles: dict[str, Record], indent: str = "      ", most: int = 3) -> list[str]:
    lines = []
    for evidence in rel["evidence"][:most]:
        source = article_name(articles.get(evidence["article_id"], {}).get("path", evidence["article_id"] or ""))
        lines.append(f"{indent}“{evidence['sentence']}”{f' ({source})' if source else ''}")
    return lines


def format_separation(answer: Record, articles: dict[str, Record]) -> list[str]:
    """A path answer as text: one line per hop, its evidence sentences indented below it."""
    a, b = answer["source"]["name"], answer["target"]["name"]
    if answer["degrees"] is None:
        return [f"no path between {a} and {b}"]
    degrees = answer["degrees"]
    lines = [f"{a} → {b}: {degrees} degree{'s' if degrees != 1 else ''} of separation"]
    many = len(answer["paths"]) > 1
    for number, path in enumerate(answer["paths"], 1):
        if many:
            lines.append(f" path {number}:")
        for hop in path["hops"]:
            lines.append(f"  {show.relation(hop)}")
            lines.extend(_evidence_lines(hop, articles))
    return lines


def show_path(answer: Record, source: Source, *, a: str, b: str, via_orgs: bool,
              types: tuple[str, ...] | None, **_: Any) -> list[str]:
    """The chain; when there is none through people, whether there is one through organizations."""
    lines = format_separation(answer, source.articles(_evidence_ids(h for p in answer["paths"] for h in p["hops"])))
    if answer["degrees"] is None and not via_orgs:
        wider = source.separation(a, b, via_orgs=True, types=types)
        if wider["degrees"] is not None:
            lines[0] += " through people only"
            lines.append(f"through organizations: {wider['degrees']} degrees (add --via-orgs to see the chain)")
    return lines


def show_who_knows(people: list[Record], source: Source, *, name: str, hops: int, **_: Any) -> list[str]:
    lines = [f"{name}: {len(people) or 'nobody'} within {hops} hop{'s' if hops > 1 else ''}"]
    return lines + (show.table(["hops", "name"], [[p["distance"], p["name"]] for p in people]) if people else [])


def show_intro(ranked: list[Record], source: Source, *, a: str, b: str, max_hops: int,
               kinds: tuple[str, ...] | None, **_: Any) -> list[str]:
    library, kinds = source.library, kinds or KNOWING_KINDS
    known = library.find(source.graph, b, PERSON) in {p["key"] for p in library.who_knows(source.graph, a, 1, kinds)}
    if not ranked:
        already = f"{a} already knows {b}, and nobody else {a} knows" if known else f"nobody {a} knows"
        return [f"{already} is within {max_hops} hops of {b}"]
    mutual = ranked[0]["distance_to_target"] == 1
    head = (f"{'mutual connections' if mutual else 'closest contacts'} of {a} and {b}: {len(ranked)}"
            + (f" ({a} already knows {b})" if known else ""))
    rows = [[rank, r["name"], ",".join(r["ties_with_source"]), ",".join(r["ties_with_target"]) or "-",
             r["distance_to_target"]] for rank, r in enumerate(ranked, 1)]
    return [head] + show.table(["rank", "name", f"ties with {a}", f"ties with {b}", f"hops to {b}"], rows)


def show_summary(summary: Record, source: Source, **_: Any) -> list[str]:
    lines = [f"{summary['name']} ({summary['type'] or 'entity'}, key {summary['key']!r})"]
    sections = [("founded", "founded"), ("founders", "founders"), ("works at", "works_at"),
                ("employees", "employees"), ("mentors", "mentors"), ("mentees", "mentees"),
                ("investors", "investors"), ("investments", "investments"), ("acquired", "acquired"),
                ("acquired by", "acquired_by"), ("knows", "knows")]
    for title, field in sections:
        if summary[field]:
            items = []
            for other in summary[field]:
                detail = show.props_text({k: v for k, v in other.items() if k not in ("key", "name")}, inside=True)
                items.append(f"{other['name']}{f' ({detail})' if detail else ''}")
            lines.append(f"  {title}: {'; '.join(items)}")
    lines.append(f"  sources: {len(summary['sources'])}")
    lines += [f"    {article_name(s['path']) or s['id']}: {s['title']}" for s in summary["sources"]]
    return lines


def show_stats(figures: Record, source: Source, **_: Any) -> list[str]:
    lines = [f"articles: {figures['articles']}",
             f"entities: {figures['entities']} (" + ", ".join(f"{k}: {v}" for k, v in figures["entities_by_type"].items())
             + ")",
             f"relations: {figures['relations']} ("
             + ", ".join(f"{k}: {v}" for k, v in figures["relations_by_type"].items()) + ")"]
    if "components" in figures:
        lines.append(f"components: {figures['components']} (largest: {figures['largest_component']} entities, "
                     f"isolated: {figures['isolated']})")
        if figures["most_connected"]:
            lines.append("most connected:")
            lines += show.table(["relations", "name"], [[m["degree"], m["name"]] for m in figures["most_connected"]])
    return lines


def show_relations(labels: list[str], argument: str) -> Callable[..., list[str]]:
    """Text of a relation question: per label, the relations with their first evidence sentence."""
    def text(answer: Any, source: Source, **arguments: Any) -> list[str]:
        answers = answer if len(labels) > 1 else {labels[0]: answer}
        articles = source.articles(_evidence_ids(r for rs in answers.values() for r in rs))
        lines = []
        for label, relations in answers.items():
            lines.append(f"{label} of {arguments[argument]}: {len(relations) or 'none'}")
            for rel in relations:
                lines.append(f"  {show.relation(rel)}")
                lines.extend(_evidence_lines(rel, articles, most=1))
        return lines
    return text


def show_colleagues(found: list[Record], source: Source, *, name: str, **_: Any) -> list[str]:
    rows = [[c["name"], c["their_relation"], c["organization_name"]] for c in found]
    return [f"colleagues of {name}: {len(found) or 'none'}"] + (show.table(["name", "relation", "organization"], rows)
                                                               if rows else [])


def show_brokers(records: list[Record], source: Source, **_: Any) -> list[str]:
    rows = [[f"{r['betweenness']:.4f}", r["name"]] for r in records]
    return [f"brokers: {len(records) or 'none'}"] + (show.table(["betweenness", "name"], rows) if rows else [])


def show_communities(groups: list[list[Record]], source: Source, **_: Any) -> list[str]:
    return [f"communities: {len(groups) or 'none'}"] + [f"  {number}. " + ", ".join(m["name"] for m in group)
                                                        for number, group in enumerate(groups, 1)]


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
    @question(show_path)
    def path(source: Source, a: str, b: str, all_paths: bool, via_orgs: bool, types: tuple[str, ...] | None,
             limit: int) -> Record:
        """Degrees of separation between A and B, with the relation and evidence of each hop.

        Relations count in both directions. Without --via-orgs only people stand between A and B (A and B
        themselves may be organizations); when only a chain through organizations exists, the answer says
        so. No path is an answer, not an error. `viz --path` draws the same chain for the same options.

        \b
        Example:
            foundergraph path "Ashay Kothani" "Linkedin"
            foundergraph path "Ashay Kothani" "Pulse" --via-orgs --all --json
        """
        return source.separation(a, b, all_paths=all_paths, via_orgs=via_orgs, types=types, limit=limit)

    @cli.command("who-knows")
    @click.argument("name")
    @click.option("--hops", "-k", type=click.IntRange(1, 6), default=2, show_default=True, help="How many hops away.")
    @kinds_option
    @question(show_who_knows)
    def who_knows(source: Source, name: str, hops: int, kinds: tuple[str, ...] | None) -> list[Record]:
        """The people NAME knows within K hops, nearest first.

        Two people know each other when the graph says so (KNOWS), one mentored or invested in the other
        (or in a company the other founded), or they founded or work at the same organization.

        \b
        Example:
            foundergraph who-knows "Porter Gale" --hops 2
            foundergraph who-knows "Porter Gale" --kinds KNOWS,MENTORED --json
        """
        return source.library.who_knows(source.graph, name, hops, kinds or KNOWING_KINDS)

    @cli.command()
    @click.argument("a")
    @click.argument("b")
    @click.option("--max-hops", type=click.IntRange(1, 8), default=4, show_default=True,
                  help="Look for introducers at most this far from B.")
    @kinds_option
    @question(show_intro)
    def intro(source: Source, a: str, b: str, max_hops: int, kinds: tuple[str, ...] | None) -> list[Record]:
        """Who can introduce A to B: mutual connections first, else A's contacts nearest to B, ranked.

        Ranked by distance to B, then by how many kinds of tie link them to A and to B, then by key.

        \b
        Example:
            foundergraph intro "Ashay Kothani" "Adam di Angello"
        """
        library = source.library
        if library.find(source.graph, a, PERSON) == library.find(source.graph, b, PERSON):
            raise click.ClickException(f"{a!r} and {b!r} are the same person: intro needs two different people")
        return library.introducers(source.graph, a, b, kinds or KNOWING_KINDS, max_hops)

    @cli.command()
    @click.argument("name")
    @question(show_summary)
    def person(source: Source, name: str) -> Record:
        """Everything the graph says about NAME: roles, companies, mentors, investors, sources.

        Sources are the articles that mention NAME, with or without a relation.

        \b
        Example:
            foundergraph person "Porter Gale"
        """
        return source.library.person(source.graph, name)

    @cli.command()
    @question(show_stats, reads_all=True)
    def stats(source: Source) -> Record:
        """Counts of the graph: articles, entities and relations by type (and components, offline).

        \b
        Example:
            foundergraph stats --json
        """
        if source.neo4j:
            return source.library.stats(source.graph)
        return source.library.statistics(source.graph)

    def relation_command(name: str, argument: str, questions: list[tuple[str, str]], doc: str) -> None:
        labels = [label for label, _ in questions]

        @click.argument(argument)
        @question(show_relations(labels, argument))
        def command(source: Source, **arguments: str) -> Any:
            typed = arguments[argument]
            answers = {label: getattr(source.library, asked)(source.graph, typed) for label, asked in questions}
            return answers if len(answers) > 1 else answers[labels[0]]
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
    @question(show_colleagues)
    def colleagues(source: Source, name: str) -> list[Record]:
        """People who founded or work at the same organizations as NAME.

        \b
        Example:
            foundergraph colleagues "Ashay Kothani"
        """
        return source.library.colleagues(source.graph, name)

    @cli.command()
    @click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many to show.")
    @click.option("--all-entities", is_flag=True, help="Rank organizations too, not only people.")
    @click.option("--sample", type=click.IntRange(1), default=None,
                  help="Estimate from this many source nodes (large graphs).")
    @question(show_brokers, neo4j=False, reads_all=True)
    def brokers(source: Source, top: int, all_entities: bool, sample: int | None) -> list[Record]:
        """The people most often on the shortest chains between others (betweenness), embedded store only.

        \b
        Example:
            foundergraph brokers --top 5 --all-entities
        """
        from graph import analysis
        G = source.graph.to_networkx()
        ranked = analysis.brokers(G, top=top, entity_type=None if all_entities else PERSON, sample=sample)
        return [{"key": k, "name": G.nodes[k].get("name", k), "betweenness": s} for k, s in ranked]

    @cli.command()
    @click.option("--min-size", type=click.IntRange(1), default=2, show_default=True, help="Smallest group shown.")
    @click.option("--seed", type=int, default=0, show_default=True, help="Random seed of the Louvain method.")
    @question(show_communities, neo4j=False, reads_all=True)
    def communities(source: Source, min_size: int, seed: int) -> list[list[Record]]:
        """Groups of people and organizations more linked to each other than to the rest, embedded store only.

        \b
        Example:
            foundergraph communities --min-size 3
        """
        from graph import analysis
        G = source.graph.to_networkx()
        return [[{"key": k, "name": G.nodes[k].get("name", k)} for k in group]
                for group in analysis.communities(G, seed=seed, min_size=min_size)]

    @cli.command("export")
    @click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
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
        from graph import export as exporter, outputs
        with reading(store_dir, None) as source:
            folder = source.graph.directory
            if fmt == "csv" and not outputs.is_stdout(output):
                outputs.check_folder(output, list(exporter.CSV_FILES), force, folder)  # before any reading
            elif not outputs.is_stdout(output):
                outputs.check_file(output, force, folder)
            if source.empty():
                warn(f"{source.where} is empty: run `foundergraph ingest PATH` first")
            written = exporter.write_export(source.graph.to_networkx(), fmt, output, force, folder)
        for path in written:
            click.echo(str(path))
