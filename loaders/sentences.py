"""Sentences of an article: the parser's sentences, re-joined where it cut inside a clause.

The French parser sometimes starts a sentence in the middle of a name
("CEO d'Orvel | Data Europe, ..."). A parser sentence that does not end
with final punctuation and is not followed by a line break is joined with
the next one.
"""
from __future__ import annotations

import logging
from typing import Callable, TypeVar

from spacy.tokens import Doc, Span, Token

logger = logging.getLogger(__name__)
T = TypeVar("T")

_FINAL = (".", "!", "?", "…", ":", "»", '"', "”", ";")
_CACHE = "foundergraph_sentences"
_TOKENS = "foundergraph_tokens"


def doc_tokens(doc: Doc) -> list[Token]:
    """The doc's tokens as a list, built once per doc: ``doc[i]`` and iterating a span build a new Token
    object on every access, and the stages read every token several times."""
    cached = doc.user_data.get(_TOKENS)
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data[_TOKENS] = list(doc)
    return cached


def per_doc(doc: Doc, name: str, build: Callable[[], T]) -> T:
    """What ``build()`` returns, built once per doc and kept in ``doc.user_data`` under ``foundergraph_<name>``
    (the record stage drops every such key); built again if the doc's length changed since."""
    key = f"foundergraph_{name}"
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[key] = (len(doc), build())
    return cached[1]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy joins every token's text on each access)."""
    return per_doc(doc, "text", lambda: "".join(t.text_with_ws for t in doc_tokens(doc)))


def sentences(doc: Doc) -> list[Span]:
    """The article's sentences as spans, joined across cuts the parser made inside a clause (computed
    once per doc)."""
    cached = doc.user_data.get(_CACHE)
    if cached is None:
        cached = doc.user_data[_CACHE] = _joined_sentences(doc)
    return list(cached)


def _joined_sentences(doc: Doc) -> list[Span]:
    out: list[Span] = []
    pending_start: int | None = None
    tokens = doc_tokens(doc)
    text = doc_text(doc)  # (a sentence's text is its slice: no Token objects per sentence)
    for sent in doc.sents:
        start = sent.start if pending_start is None else pending_start
        sent_text = text[sent.start_char:sent.end_char]
        stripped = sent_text.rstrip()
        ends_line = "\n" in sent_text[len(stripped):] or sent.end >= len(doc) or "\n" in tokens[sent.end - 1].whitespace_
        if stripped.endswith(_FINAL) or ends_line or not stripped:
            out.append(doc[start:sent.end])
            pending_start = None
        else:
            pending_start = start
    if pending_start is not None:
        out.append(doc[pending_start:len(doc)])
    return out


def sentence_index(doc: Doc) -> dict[int, int]:
    """Token index -> index of its sentence in :func:`sentences`."""
    out: dict[int, int] = {}
    for index, sent in enumerate(sentences(doc)):
        out.update(dict.fromkeys(range(sent.start, sent.end), index))
    return out
