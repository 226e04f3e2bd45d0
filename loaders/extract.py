"""Articles to :class:`~graph.model.Extraction` records: the pipeline of each article's language parses it
and runs the extraction stages (:mod:`loaders.pipeline`: mentions, entity types, coreference, relations,
the record) in the same ``nlp.pipe`` stream, in this process or in worker processes that send back only
the records.
"""
from __future__ import annotations

import logging
import multiprocessing
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from graph.model import Article, Extraction, article_id
from loaders.language import detect_language
from loaders.nlp import load_model, model_name_for, pipeline_for
from loaders.pipeline import extraction_of

logger = logging.getLogger(__name__)


def extract_doc(article: Article, doc: Doc) -> Extraction:
    """Entities and relations of one article whose text ``doc`` is the parse of (see :mod:`loaders.pipeline`)."""
    return extraction_of(article, doc)


def extract_text(text: str, nlp: Language | None = None, path: str = "text.txt", language: str | None = None) -> Extraction:
    """Extract a bare text (tests, notebooks, one-off checks), with ``nlp`` or else the pipeline of the
    text's language, as an ingest would choose it."""
    language = language or detect_language(text)
    nlp = nlp or pipeline_for(language)
    article = Article(id=article_id(text), path=path, title="", language=language, text=text)
    return extract_doc(article, nlp(text))


def extract_articles(articles: Iterable[Article], model: str | None = None,
                     batch_size: int = 8, n_process: int = 1) -> Iterator[Extraction]:
    """Extract every article (the input is read first), yielding each extraction in input order as it is ready.

    Articles are grouped by pipeline (:func:`loaders.nlp.model_name_for`) and each group goes through
    one ``nlp.pipe`` stream, ``batch_size`` texts at a time. With ``n_process`` above 1, that many
    worker processes each load the pipeline once and run both the parse and the rules on chunks of
    ``batch_size`` articles, so only the entities and relations cross processes. Results come back
    in input order as they are ready (an article of a later group waits for the earlier ones).
    """
    articles = list(articles)
    groups: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        groups.setdefault(model_name_for(article.language, model), []).append(index)
    ready: dict[int, Extraction] = {}
    next_out = 0
    for name, indexes in groups.items():
        group = [articles[i] for i in indexes]
        for index, extraction in zip(indexes, _extract_group(name, group, batch_size, n_process)):
            ready[index] = extraction
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1


def _extract_group(name: str, articles: list[Article], batch_size: int, n_process: int) -> Iterator[Extraction]:
    """Extractions of articles that share the pipeline ``name``, in order."""
    if n_process <= 1 or len(articles) <= batch_size:
        nlp = load_model(name)
        for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
            yield extract_doc(article, doc)
        return
    load_model(name)  # forked workers inherit the loaded pipeline
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunks = [articles[i:i + batch_size] for i in range(0, len(articles), batch_size)]
    with context.Pool(n_process, initializer=_init_worker, initargs=(name,)) as pool:
        for chunk, found in zip(chunks, pool.imap(_extract_chunk, ((name, chunk) for chunk in chunks))):
            for article, (entities, relations) in zip(chunk, found):
                yield Extraction(article=article, entities=entities, relations=relations)


def _init_worker(name: str) -> None:
    load_model(name)


def _extract_chunk(task: tuple[str, list[Article]]) -> list[tuple[list, list]]:
    """Worker side: parse and extract a chunk; only entities and relations go back."""
    name, articles = task
    nlp = load_model(name)
    out = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        extraction = extraction_of(article, doc)  # the stages ran in nlp.pipe: only their records go back
        out.append((extraction.entities, extraction.relations))
    return out
