"""Entity mentions in a parsed article: spans of people and organizations."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from graph.model import ORGANIZATION, PERSON

#: spaCy NER labels (French and English schemes) and the entity type they suggest.
NER_TYPES = {"PER": PERSON, "PERSON": PERSON, "ORG": ORGANIZATION}


@dataclass
class Mention:
    """One occurrence of a name in the article text."""

    text: str
    type: str
    start: int  # character offsets in the article text
    end: int
    sentence: int  # index of the sentence in the doc


def _clean(span: Span) -> Span | None:
    """Trim punctuation and function words at the edges; None if nothing name-like remains."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space or span.doc[start].is_stop
                           and not span.doc[start].text[:1].isupper()):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    trimmed = span.doc[start:end]
    if "\n" in trimmed.text or not trimmed.text[:1].isupper():
        return None
    return trimmed


def find_mentions(doc: Doc) -> list[Mention]:
    """Mentions of people and organizations found by the pipeline's NER, in text order."""
    sentence_of = {}
    for index, sent in enumerate(doc.sents):
        sentence_of.update({token.i: index for token in sent})
    mentions = []
    for ent in doc.ents:
        entity_type = NER_TYPES.get(ent.label_)
        span = _clean(ent) if entity_type else None
        if span is None:
            continue
        mentions.append(Mention(text=span.text, type=entity_type, start=span.start_char,
                                end=span.end_char, sentence=sentence_of[span.start]))
    return mentions
