"""Hand-built parsed docs for model-free tests of the parse-reading stages.

A doc is written as a table, one token a line, in the spirit of CoNLL-U (but 0-based):

    index  word  lemma  POS  dep  head  [tag=...] [morph=...] [ent=...]

``head`` is the absolute index of the head token (a root is its own head), ``_`` as a lemma
means none (the rules then read the word itself), ``ent`` is an IOB tag such as ``B-PER``.
Several roots make several sentences. Lines starting with ``#`` are comments.

>>> doc = parse('''
... 0 Mara   _     PROPN nsubj 1 ent=B-PERSON
... 1 smiled smile VERB  ROOT  1
... ''')
>>> [(t.text, t.dep_, t.head.i, t.ent_type_) for t in doc]
[('Mara', 'nsubj', 1, 'PERSON'), ('smiled', 'ROOT', 1, '')]
>>> names(doc)
['Mara']
"""
from __future__ import annotations

import functools
from typing import Callable

import spacy
from spacy.tokens import Doc, Token

from graph.model import ORGANIZATION, PERSON
from loaders.mentions import Mention
from loaders.parse_relations import Context, read_relations

#: Entity type of each NER label, as the typing stage would decide it for these tests.
TYPE_OF_LABEL = {"PER": PERSON, "PERSON": PERSON, "ORG": ORGANIZATION}
_NO_SPACE_BEFORE = frozenset({",", ".", "?", "!", ";", ":", ")", "»", "'s", "’s", "n't", "-"})
_NO_SPACE_AFTER = frozenset({"(", "«", "-"})


@functools.lru_cache(maxsize=None)
def _vocab(lang: str):
    """The vocab of a blank pipeline (stop words and lexical attributes, no trained model)."""
    return spacy.blank(lang).vocab


def parse(table: str, lang: str = "en") -> Doc:
    """The doc the table describes (see the module docstring)."""
    words, lemmas, pos, deps, heads, tags, morphs, ents = [], [], [], [], [], [], [], []
    for line in table.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        index, word, lemma, tag_pos, dep, head, *extras = line.split()
        if int(index) != len(words):
            raise ValueError(f"row {index!r} out of order: expected {len(words)} in line {line!r}")
        options = dict(extra.split("=", 1) for extra in extras)
        unknown = set(options) - {"tag", "morph", "ent"}
        if unknown:
            raise ValueError(f"unknown column(s) {sorted(unknown)} in line {line!r}: use tag=, morph=, ent=")
        words.append(word)
        lemmas.append("" if lemma == "_" else lemma)
        pos.append(tag_pos)
        deps.append(dep)
        heads.append(int(head))
        tags.append(options.get("tag", ""))
        morphs.append(options.get("morph", ""))
        ents.append(options.get("ent", "O"))
    spaces = [
        i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER
        and not word.endswith(("'", "’"))
        for i, word in enumerate(words)
    ]
    return Doc(_vocab(lang), words=words, spaces=spaces, lemmas=lemmas, pos=pos, deps=deps, heads=heads,
               tags=tags, morphs=morphs, ents=ents)


def mention_map(doc: Doc) -> dict[int, int]:
    """Token index -> index of the NER entity (in ``doc.ents`` order) that covers it."""
    return {token.i: number for number, ent in enumerate(doc.ents) for token in ent}


def names(doc: Doc) -> list[str]:
    """The text of each mention, by mention index."""
    return [ent.text for ent in doc.ents]


def context(doc: Doc, raiser: Callable[[Token], int | None] | None = None) -> Context:
    """A :class:`Context` whose mentions are the doc's entities, typed by their NER label."""
    types = [TYPE_OF_LABEL.get(ent.label_) for ent in doc.ents]
    text = names(doc)  # mentions of one name are one entity, as resolution makes them
    found = Context(doc=doc, mention_at=mention_map(doc), type_of=lambda m: types[m], key_of=lambda m: text[m])
    if raiser is not None:
        found.raiser = raiser
    return found


def relations(doc: Doc, raiser: Callable[[Token], int | None] | None = None) -> list[tuple]:
    """(type, source name, target name, props) of every reading, sorted: the whole answer, duplicates included."""
    text = names(doc)
    readings = read_relations(context(doc, raiser), doc.sents)
    return sorted(((r.type, text[r.source], text[r.target], r.props) for r in readings), key=repr)


def mentions(doc: Doc) -> list[Mention]:
    """One typed :class:`Mention` per entity of the doc, with its character offsets and sentence number."""
    sentence_of = {token.i: number for number, sentence in enumerate(doc.sents) for token in sentence}
    return [Mention(text=ent.text, type=TYPE_OF_LABEL.get(ent.label_), start=ent.start_char, end=ent.end_char,
                    sentence=sentence_of[ent.start], label=ent.label_[:3])
            for ent in doc.ents]
