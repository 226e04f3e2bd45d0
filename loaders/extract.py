"""From parsed article to :class:`~graph.model.Extraction`: mentions, entities, relations, evidence."""
from __future__ import annotations

import logging
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from graph.model import Article, Evidence, Extraction, Relation
from loaders.mentions import find_mentions
from loaders.nlp import pipeline_for
from loaders.relations import is_negated, relations_between
from loaders.resolve import resolve_mentions

logger = logging.getLogger(__name__)


def extract_doc(article: Article, doc: Doc) -> Extraction:
    """Entities and relations of one article whose text ``doc`` is the parse of."""
    mentions = find_mentions(doc)
    resolution = resolve_mentions(mentions)
    sentences = list(doc.sents)
    relations: dict[tuple[str, str, str], Relation] = {}
    for index, sent in enumerate(sentences):
        if is_negated(sent.text):
            continue
        in_sentence = [i for i, m in enumerate(mentions) if m.sentence == index]
        for a_pos, left in enumerate(in_sentence):
            for right in in_sentence[a_pos + 1:]:
                left_key, right_key = resolution.key_of(left), resolution.key_of(right)
                if left_key is None or right_key is None or left_key == right_key:
                    continue
                between = article.text[mentions[left].end:mentions[right].start]
                left_type = resolution.entities[left_key].type
                right_type = resolution.entities[right_key].type
                for found in relations_between(left, right, left_type, right_type, between):
                    source, target = resolution.key_of(found.source), resolution.key_of(found.target)
                    evidence = Evidence(article_id=article.id, sentence=sent.text.strip(),
                                        start=sent.start_char + (len(sent.text) - len(sent.text.lstrip())),
                                        end=sent.start_char + len(sent.text.rstrip()))
                    relation = Relation(type=found.type, source=source, target=target, props=found.props,
                                        evidence=[evidence], confidence=found.confidence)
                    if relation.key in relations:
                        relations[relation.key].merge(relation)
                    else:
                        relations[relation.key] = relation
    entities = sorted(resolution.entities.values(), key=lambda e: e.key)
    for entity in entities:
        entity.articles = [article.id]
    return Extraction(article=article, entities=entities, relations=list(relations.values()))


def extract_articles(articles: Iterable[Article], model: str | None = None,
                     batch_size: int = 8) -> Iterator[Extraction]:
    """Extract every article, batching texts of the same pipeline through ``nlp.pipe``."""
    batch: list[Article] = []
    current: Language | None = None
    for article in articles:
        nlp = pipeline_for(article.language, model)
        if batch and (nlp is not current or len(batch) >= batch_size):
            yield from _extract_batch(current, batch)
            batch = []
        current = nlp
        batch.append(article)
    if batch and current is not None:
        yield from _extract_batch(current, batch)


def _extract_batch(nlp: Language, articles: list[Article]) -> Iterator[Extraction]:
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        yield extract_doc(article, doc)
