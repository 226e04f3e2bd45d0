"""Commands that read articles: ``ingest``, ``extract`` and ``eval``."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

import click
from tqdm import tqdm

from foundergraph import scoring
from foundergraph.cli.base import article_name, store_option, warn
from foundergraph.cli.neo4j import connect, neo4j_options, neo4j_requested
from graph.errors import InputError
from graph.model import Article
from graph.neo4j_store import Neo4jSettings, ingest_into_neo4j
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


def ingest_neo4j(articles: list[Article], unreadable: int, settings: Neo4jSettings, model: str | None,
                 quiet: bool) -> None:
    """Extract the articles Neo4j does not hold yet and write them there; print the summary."""
    with connect(settings) as db:
        stored = db.stored_articles(a.id for a in articles)
        new = list({a.id: a for a in articles if a.id not in stored}.values())
        extracted = tqdm(extract_all(new, model=model, on_error=skipping([])), total=len(new), desc="extracting",
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
    @quiet_option
    @click.option("--neo4j", "use_neo4j", is_flag=True, help="Write to Neo4j instead (also when NEO4J_URI is set).")
    @neo4j_options
    def ingest(paths: tuple[Path, ...], store_dir: Path | None, model: str | None, quiet: bool,
               use_neo4j: bool, neo4j: Neo4jSettings) -> None:
        """Read articles (files or folders of .txt, .md, .html) into the embedded store, or into Neo4j.

        Articles already stored (same text, whatever the file name) are skipped, so running
        an ingest again changes nothing.

        \b
        Example:
            foundergraph ingest seeds/
            NEO4J_URI=bolt://localhost:7687 foundergraph ingest seeds/
        """
        if neo4j_requested(use_neo4j):
            ingest_neo4j(*read_all(paths, quiet), neo4j, model, quiet)
            return
        store = GraphStore.open(store_dir)  # a store that cannot be used is reported before any reading
        articles, unreadable = read_all(paths, quiet)
        failed: list[Article] = []
        added = entities = relations = evidence = 0
        with store.locked():
            # Under the lock, from the store as saved: another ingest may have written these articles meanwhile.
            new = list({a.id: a for a in articles if not store.has_article(a.id)}.values())
            pending, last_save = 0, time.monotonic()
            progress = tqdm(extract_all(new, model=model, on_error=skipping(failed)), total=len(new),
                            desc="extracting", unit="article", disable=quiet or not new)
            for extraction in progress:
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
        click.echo(
            f"articles: {added} added, {len(articles) - added - len(failed)} already stored, "
            f"{unreadable + len(failed)} skipped\n"
            f"entities: {entities} added ({counts['entities']} in store)\n"
            f"relations: {relations} added, {evidence} evidence sentences ({counts['relations']} in store)\n"
            f"store: {store.path}"
        )

    @cli.command()
    @paths_argument
    @model_option
    @quiet_option
    def extract(paths: tuple[Path, ...], model: str | None, quiet: bool) -> None:
        """Print what each article yields, one JSON object per line (the gold annotations' shape).

        \b
        Example:
            foundergraph extract seeds/ > predicted.jsonl
        """
        articles, _ = read_all(paths, quiet)
        for extraction in extract_all(articles, model=model, on_error=skipping([])):
            click.echo(json.dumps(extraction.to_gold_shape(), ensure_ascii=False))

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

