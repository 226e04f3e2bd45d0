"""Extraction speed: the full pipeline against raw ``nlp.pipe`` of the same model on the same texts.

Raw is ``nlp.pipe(texts, n_process=n, disable=PARSE_ONLY)`` of the pipeline ``loaders.nlp.load_model``
returns (the spaCy model plus foundergraph's line-break sentence rule, its extraction stages disabled), in
one call, with spaCy's own batching. The pipeline is ``loaders.extract.extract_articles`` (parse and the
extraction stages of ``loaders.pipeline``: mentions, typing, coreference, relations) with its default ``batch_size`` (articles per ``nlp.pipe`` call, what the CLI uses) and
with one ``nlp.pipe`` call for all the articles. Each figure is the best of ``--repeat`` runs.
Peak memory: resident memory of this process and of the largest worker process.

Usage: python -m bench.bench_extraction [--articles N] [--repeat R] [--full]
"""
from __future__ import annotations

import argparse
import gc
import resource
import time

from bench.generate import synthetic_articles
from bench.report import peak_rss_mb, record
from graph.model import Article, article_id
from loaders.extract import extract_articles
from loaders.language import detect_language
from loaders.nlp import PARSE_ONLY, load_model

MODEL = "fr_core_news_md"


def _articles(count: int) -> list[Article]:
    out = []
    for name, text in synthetic_articles(count):
        out.append(Article(id=article_id(text), path=name, title="", language=detect_language(text), text=text))
    return out


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--full", action="store_true", help="1,000 articles")
    args = parser.parse_args()
    count = 1000 if args.full else args.articles
    articles = _articles(count)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_model(MODEL)
    list(nlp.pipe(texts[:5], disable=PARSE_ONLY))  # warm up
    list(extract_articles(articles[:5], model=MODEL))
    rows = []
    for n_process in (1, 2):
        raw = _best(lambda: list(nlp.pipe(texts, n_process=n_process, disable=PARSE_ONLY)), args.repeat)
        rows.append([n_process, "raw nlp.pipe (baseline)", f"{words / raw:,.0f}", f"{count / raw:.1f}", "1.00"])
        for label, batch in (("pipeline, default batch_size=8", 8), (f"pipeline, batch_size={count}", count)):
            ours = _best(lambda: list(extract_articles(articles, model=MODEL, n_process=n_process,
                                                       batch_size=batch)), args.repeat)
            rows.append([n_process, label, f"{words / ours:,.0f}", f"{count / ours:.1f}", f"{raw / ours:.2f}"])
    rows += _list_rows(articles, words, args.repeat)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    record("Extraction", ["processes", "run", "words/s", "articles/s", "vs raw (target ≥ 0.85)"], rows,
           notes=[f"Model {MODEL}; {count} synthetic French/English articles, {words:,} words "
                  "(bench/generate.py, seed 7); best of {args.repeat} runs.".replace("{args.repeat}",
                                                                                  str(args.repeat)),
                  f"Peak memory: {peak_rss_mb():,.0f} MiB in this process, {children:,.0f} MiB in the largest "
                  "worker process (n_process=2).",
                  "The pipeline's extraction stages are spaCy components after the parser (loaders/pipeline.py: "
                  "mentions, typing with the parse's slot votes, coreference, relations from the parse and the "
                  "lexical rules within a 300-character window, the record); raw is the same pipeline with those "
                  "stages disabled. With n_process>1 each worker parses and runs all of it, so only "
                  "Extraction records cross processes. The list article is one sentence naming 1,000 guests: its "
                  "time per word against ordinary prose shows the cost stays linear in the names."])


def list_article(names: int = 1000) -> Article:
    """A French article whose one sentence lists ``names`` guests: the case where trying every pair of
    names against every rule would explode."""
    first = ["Jeanne", "Paul", "Nadia", "Hugo", "Lina", "Marc", "Sofia", "Yann", "Inès", "Théo"]
    last = ["Morel", "Caron", "Berthier", "Lemaire", "Faure", "Girard", "Renaud", "Perrin", "Roussel", "Vidal"]
    guests = [f"{first[i % 10]} {last[(i // 10) % 10]}{'' if i < 100 else '-' + last[(i // 100) % 10]}"
              for i in range(names)]
    text = ("Orvel réunit ses clients à Lyon.\n\nParmi les invités : " + ", ".join(guests[:-1])
            + f" et {guests[-1]}.\n\nLa soirée s'est terminée tard.")
    return Article(id=article_id(text), path="list.fr.txt", title="", language="fr", text=text)


def _list_rows(articles: list[Article], words: int, repeat: int) -> list[list]:
    """Time per word of the 1,000-name list article against the ordinary articles (one process)."""
    long_list = list_article()
    list_words = len(long_list.text.split())
    prose = _best(lambda: list(extract_articles(articles, model=MODEL)), repeat) / words
    listed = _best(lambda: list(extract_articles([long_list], model=MODEL)), repeat) / list_words
    return [[1, "ordinary prose, time per word (baseline)", f"{1 / prose:,.0f}", "", "1.00"],
            [1, f"one article listing 1,000 names ({list_words:,} words)", f"{1 / listed:,.0f}", "",
             f"{prose / listed:.2f} (target ≥ 0.33)"]]


if __name__ == "__main__":
    main()
