"""Commands that read articles: ``ingest``, ``extract`` and ``eval``."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterable

import click
from tqdm import tqdm

from foundergraph import scoring
from foundergraph.cli.base import article_name, store_option, warn
from foundergraph.cli.neo4j import connect, neo4j_options, neo4j_requested
from graph.errors import InputError
from graph.model import Article, Extraction
from graph.neo4j_store import Neo4jSettings, ingest_into_neo4j
from graph.shards import Shard, in_ingest_order, parse_shard, read_lines, select, to_line
from graph.store import GraphStore
from loaders.long_texts import extract_all
from loaders.read import discover_entries, read_article, shown

#: Save the store every so many seconds of ingest, so an interrupted ingest keeps its work without
#: rewriting a large store after every article.
SAVE_INTERVAL = 30.0

paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
model_option = click.option("--model", default=None, metavar="NAME",
                            help="spaCy pipeline to use for every article (default: per language).")
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
jobs_option = click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                           help="Worker processes that parse and extract (each loads its pipeline, ~1 GB).")


def read_all(paths: tuple[Path, ...], quiet: bool) -> tuple[list[Article], int]:
    """Read every article under ``paths``; report skipped files on stderr, one line each."""
    entries = discover_entries(paths)
    articles, skipped = [], 0
    for path, reason in tqdm(entries, desc="reading", unit="file", disable=quiet or len(entries) < 2, leave=False):
        try:
            if reason is not None:
                raise InputError(reason)
            articles.append(read_article(path))
        except InputError as exc:
            skipped += 1
            warn(f"skipped {shown(path)}: {exc}")
    if not articles:
        raise InputError(f"no article could be read from {', '.join(map(shown, paths))}")
    return articles, skipped


def skipping(failed: list[Article]) -> Callable[[Article, str], None]:
    """What to do with an article whose extraction fails: one line on stderr, and remember it."""
    def on_error(article: Article, reason: str) -> None:
        failed.append(article)
        warn(f"skipped {shown(article.path)}: {reason}")
    return on_error


def shard_option(func: Callable) -> Callable:
    """``--shard I/N``: only the I-th of N deterministic shards of the input (by article id)."""
    def convert(ctx: click.Context, param: click.Parameter, value: str | None) -> Shard | None:
        if value is None:
            return None
        try:
            return parse_shard(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return click.option("--shard", callback=convert, default=None, metavar="I/N",
                        help="Only the I-th of N shards of the articles (stable by article id): run the N "
                             "shards anywhere, then `ingest --extractions` their outputs.")(func)


def ingest_extractions(files: tuple[Path, ...], store_dir: Path | None, use_neo4j: bool,
                       settings: Neo4jSettings) -> None:
    """Load extraction lines (``foundergraph extract``'s output, from any machine) like an ingest of their
    articles: into Neo4j, or the embedded store; articles already stored are skipped."""
    if not use_neo4j:
        GraphStore.open(store_dir)  # a store that cannot be used is reported before any reading
    extractions = in_ingest_order(read_lines(files))
    if use_neo4j:
        with connect(settings) as db:
            summary = ingest_into_neo4j(extractions, db)
        click.echo(f"{summary}\nneo4j: {settings.uri}")
        return
    store = GraphStore(store_dir)
    with store.locked():
        report = add_to_store(store, extractions)
    click.echo(report)


def add_to_store(store: GraphStore, extractions: Iterable[Extraction], read: int | None = None,
                 unreadable: int = 0, failed: list[Article] | None = None) -> str:
    """Add extractions to a locked store, saving every SAVE_INTERVAL seconds; the summary ingest prints.

    ``read`` is the number of articles read (default: the extractions seen)."""
    added = entities = relations = evidence = seen = 0
    failed = [] if failed is None else failed
    pending, last_save = 0, time.monotonic()
    for extraction in extractions:
        seen += 1
        result = store.add(extraction)
        added += not result.skipped
        entities += result.entities_added
        relations += result.relations_added
        evidence += result.evidence_added
        pending += not result.skipped
        if pending and time.monotonic() - last_save >= SAVE_INTERVAL:
            store.save()
            pending, last_save = 0, time.monotonic()
    if pending:
        store.save()
    counts = store.counts()
    read = seen if read is None else read
    return (f"articles: {added} added, {read - added - len(failed)} already stored, "
            f"{unreadable + len(failed)} skipped\n"
            f"entities: {entities} added ({counts['entities']} in store)\n"
            f"relations: {relations} added, {evidence} evidence sentences ({counts['relations']} in store)\n"
            f"store: {store.path}")


def ingest_neo4j(articles: list[Article], unreadable: int, settings: Neo4jSettings, model: str | None,
                 quiet: bool, jobs: int = 1) -> None:
    """Extract the articles Neo4j does not hold yet and write them there; print the summary."""
    with connect(settings) as db:
        stored = db.stored_articles(a.id for a in articles)
        new = list({a.id: a for a in articles if a.id not in stored}.values())
        extracted = tqdm(extract_all(new, model=model, on_error=skipping([]), n_process=jobs), total=len(new),
                         desc="extracting",
                         unit="article", disable=quiet or not new)
        summary = ingest_into_neo4j(extracted, db)
    summary.articles_skipped += len(articles) - len(new)
    click.echo(f"{summary}\nunreadable: {unreadable} skipped\nneo4j: {settings.uri}")


def register(cli: click.Group) -> None:
    """Add ``ingest``, ``extract`` and ``eval``."""

    @cli.command()
    @paths_argument
    @store_option
    @model_option
    @jobs_option
    @quiet_option
    @click.option("--neo4j", "use_neo4j", is_flag=True, help="Write to Neo4j instead (also when NEO4J_URI is set).")
    @click.option("--extractions", "from_lines", is_flag=True,
                  help="PATHS are files of extraction lines (`foundergraph extract` output, e.g. of each "
                       "--shard): load them without extracting again.")
    @neo4j_options
    def ingest(paths: tuple[Path, ...], store_dir: Path | None, model: str | None, jobs: int, quiet: bool,
               use_neo4j: bool, from_lines: bool, neo4j: Neo4jSettings) -> None:
        """Read articles (files or folders of .txt, .md, .html) into the embedded store, or into Neo4j.

        Articles already stored (same text, whatever the file name) are skipped, so running
        an ingest again changes nothing. With --extractions, PATHS are the JSON lines that
        `foundergraph extract` printed (on this machine or others), loaded as an ingest of
        their articles would.

        \b
        Example:
            foundergraph ingest seeds/
            foundergraph ingest --jobs 2 corpus/
            NEO4J_URI=bolt://localhost:7687 foundergraph ingest seeds/
            foundergraph ingest --extractions shard-1.jsonl shard-2.jsonl
        """
        if from_lines:
            ingest_extractions(paths, store_dir, neo4j_requested(use_neo4j), neo4j)
            return
        if neo4j_requested(use_neo4j):
            ingest_neo4j(*read_all(paths, quiet), neo4j, model, quiet, jobs)
            return
        store = GraphStore.open(store_dir)  # a store that cannot be used is reported before any reading
        articles, unreadable = read_all(paths, quiet)
        failed: list[Article] = []
        with store.locked():
            # Under the lock, from the store as saved: another ingest may have written these articles meanwhile.
            new = list({a.id: a for a in articles if not store.has_article(a.id)}.values())
            progress = tqdm(extract_all(new, model=model, on_error=skipping(failed), n_process=jobs), total=len(new),
                            desc="extracting", unit="article", disable=quiet or not new)
            report = add_to_store(store, progress, read=len(articles), unreadable=unreadable, failed=failed)
        click.echo(report)

    @cli.command()
    @paths_argument
    @model_option
    @jobs_option
    @quiet_option
    @shard_option
    def extract(paths: tuple[Path, ...], model: str | None, jobs: int, quiet: bool, shard: Shard | None) -> None:
        """Print what each article yields, one JSON object per line (the gold annotations' shape).

        Each line also holds the full "record" that `ingest --extractions` loads.

        With --shard I/N only the I-th of N shards of the articles is extracted (stable by
        article id): N machines each run one shard, and the N outputs hold every article once.

        \b
        Example:
            foundergraph extract seeds/ > predicted.jsonl
            foundergraph extract --shard 2/4 corpus/ > shard-2.jsonl
        """
        articles, _ = read_all(paths, quiet)
        for extraction in extract_all(select(articles, shard), model=model, on_error=skipping([]), n_process=jobs):
            click.echo(to_line(extraction))

    @cli.command(name="eval")
    @click.option("--gold", required=True, type=click.Path(path_type=Path), help="Gold annotations (JSON lines).")
    @paths_argument
    @model_option
    @click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
    @click.option("--details", is_flag=True, help="List every missed and extra item first.")
    @quiet_option
    def evaluate(gold: Path, paths: tuple[Path, ...], model: str | None, as_json: bool, details: bool,
                 quiet: bool) -> None:
        """Score extraction on articles against gold annotations (same figures as the eval script).

        \b
        Example:
            foundergraph eval --gold ../shared/eval/seeds-gold.jsonl seeds/
        """
        gold_items = scoring.load(gold)
        articles, _ = read_all(paths, quiet)
        predicted = {}
        for extraction in extract_all(articles, model=model, on_error=skipping([])):
            shaped = extraction.to_gold_shape()
            predicted[article_name(shaped["article"])] = shaped
        text, _result = scoring.report(gold_items, predicted, as_json=as_json, details=details)
        click.echo(text)

