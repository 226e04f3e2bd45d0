"""Entity mentions in a parsed article: NER spans and capitalized candidates, cleaned.

Mentions come from the pipeline's NER (people, organizations, misc and place
labels: places and misc names can turn out to be organizations) and from
capitalized spans NER missed. Spans that cannot be names are dropped here:
lowercase or sentence-like spans, common nouns ("un VIP", "la Conférence"),
possessive phrases ("Votre réseau"), words of share-button rows. Typing
happens in :mod:`loaders.entity_types`; pseudo-mentions (descriptors,
first-person pronouns of a quoted speaker) in :mod:`loaders.coref` and
:mod:`loaders.speakers`.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from loaders.boilerplate import is_share_row
from loaders.sentences import sentence_index
from loaders.lexicon import (COMMON_OPENERS, NAME_CONNECTORS, ORG_SUFFIXES, PRONOUNS, ROLE_WORDS, SHARE_WORDS,
                             WEB_ENDINGS)

logger = logging.getLogger(__name__)

#: spaCy NER labels (French and English schemes) and the coarse label a mention keeps.
NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "MISC": "MISC", "PRODUCT": "MISC",
              "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "NORP": None}
#: Sources of mentions that are not names themselves but point at one (``refers_to``).
PSEUDO_SOURCES = frozenset({"descriptor", "first_person", "pronoun"})
_ROLE_ONLY = re.compile(rf"(?:{ROLE_WORDS})", re.IGNORECASE)
_CANDIDATE_CONNECTORS = frozenset({"sur", "on", "&", "-", "di", "da", "van", "von", "del", "der"})
_INDEFINITE = frozenset({"un", "une", "a", "an", "des", "some", "du"})
_DEMONYM = re.compile(r"(?:ais|aise|aises|ain|aine|ains|aines|ien|ienne|iens|iennes|ois|oise|oises|ese|ans)$")


@dataclass
class Mention:
    """One occurrence of a name (or of a word pointing at one) in the article text."""

    text: str
    type: str | None
    start: int  # character offsets in the article text
    end: int
    sentence: int  # index of the sentence in the doc
    label: str = ""  # coarse NER label (PER, ORG, MISC, LOC) or "" for a capitalized candidate
    source: str = "ner"  # ner | candidate | turn | descriptor | first_person | pronoun
    refers_to: int | None = None  # for pseudo-mentions: index of the mention they stand for
    about: int | None = None  # for person descriptors ("le fondateur de X"): index of X's mention
    role: str = ""  # for person descriptors: the role word ("fondateur")

    @property
    def is_pseudo(self) -> bool:
        return self.source in PSEUDO_SOURCES


def _line_of(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return text[line_start:line_end if line_end >= 0 else len(text)]


def _trim(span: Span) -> Span | None:
    """Drop punctuation, spaces and lowercase function words at the edges; cut at a line break."""
    doc = span.doc
    start, end = span.start, span.end
    for i in range(start, end):
        if "\n" in doc[i].text:
            end = i
            break
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or (doc[start].is_stop and not doc[start].text[:1].isupper())):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text != "." or doc[end - 1].is_space
                           or doc[end - 1].lower_ in NAME_CONNECTORS):
        end -= 1
    return doc[start:end] if start < end else None


def _sentence_start(token, starts: set[int] | None) -> bool:
    return token.i in starts if starts is not None else bool(token.is_sent_start)


def _fit_name(span: Span) -> Span | None:
    """Cut a NER span before its first lowercase word ("Tom Reyes founded" -> "Tom Reyes"); None if < 2 words remain."""
    for token in span:
        if not (token.text[:1].isupper() or token.text[:1].isdigit() or token.is_punct
                or token.lower_ in NAME_CONNECTORS or token.lower_.endswith(WEB_ENDINGS)):
            if token.i - span.start >= 2:
                return _trim(span.doc[span.start:token.i])
            return None
    return span


def looks_like_name(span: Span, label: str, starts: set[int] | None = None) -> bool:
    """Whether a span can be a proper name (not a sentence, a common noun or a share-row word)."""
    text = span.text
    if not text or not (text[:1].isupper() or text[:1].isdigit() or text.lower().endswith(WEB_ENDINGS)):
        return False
    words = [t for t in span if not t.is_punct]
    if any(not (t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in NAME_CONNECTORS
                or t.lower_.endswith(WEB_ENDINGS)) for t in words):
        return False
    if span[0].lower_ in COMMON_OPENERS or _ROLE_ONLY.fullmatch(text) or len(text.strip(". ")) < 2:
        return False
    if span[0].lower_ in PRONOUNS or sum(t.lower_ in SHARE_WORDS for t in span) >= 2:
        return False
    first = span[0]
    if first.i > 0 and first.nbor(-1).lower_ in _INDEFINITE and label != "PER":
        return False  # "un VIP", "une Conférence": a common noun with a capital
    if len(span) == 1:
        previous = first.nbor(-1).lower_ if first.i > 0 else ""
        if (label in ("ORG", "MISC") and first.pos_ == "NOUN" and not first.is_upper
                and previous in ("le", "la", "les", "l'", "l’", "the", "au", "aux")):
            return False  # "à la Conférence": a common noun with a capital
        following = span.doc[first.i + 1] if first.i + 1 < len(span.doc) else None
        possessive = first.text[-1] in "'’" and following is not None and following.lower_ == "s"
        if label == "MISC" and _sentence_start(first, starts) and not possessive and (
                following is None or following.pos_ not in ("VERB", "AUX")):
            return False
        if label == "MISC" and _DEMONYM.search(first.lower_):
            return False
        if _sentence_start(first, starts) and first.pos_ in ("VERB", "AUX", "ADJ", "ADV", "PRON", "DET") and label != "PER":
            return False
    return True


def _in_share_row(doc: Doc, span: Span) -> bool:
    line = _line_of(doc.text, span.start_char)
    words = re.findall(r"[\w-]+", line.lower())
    shared = sum(w in SHARE_WORDS for w in words)
    if words and (shared >= max(2, len(words) - 1) or (shared >= 3 and 2 * shared >= len(words))):
        return True
    return bool(line.strip()) and is_share_row(line.strip())


def _ner_spans(doc: Doc) -> list[tuple[Span, str]]:
    """NER spans with coarse labels, adjacent name spans merged ("Orange" + "Silicon Valley")."""
    spans = [(ent, NER_LABELS.get(ent.label_)) for ent in doc.ents]
    spans = [(s, label) for s, label in spans if label]
    merged: list[tuple[Span, str]] = []
    for span, label in spans:
        if merged:
            previous, previous_label = merged[-1]
            gap = doc.text[previous.end_char:span.start_char]
            joined = gap in (" ", "") or re.fullmatch(r" (?:sur|on|&) |-", gap)
            if (joined and span.start - previous.end <= 1 and "PER" not in (label, previous_label)
                    and "\n" not in previous.text):
                new_label = "ORG" if "ORG" in (label, previous_label) else previous_label
                merged[-1] = (doc[previous.start:span.end], new_label)
                continue
        merged.append((span, label))
    extended = []
    for span, label in merged:
        end = span.end
        while end < len(doc) and label != "PER" and "\n" not in doc[end - 1].whitespace_ and (
                doc[end].text in ORG_SUFFIXES
                or (label in ("ORG", "MISC") and doc[end].lower_ in ("sur", "on", "&", "-")
                    and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha
                    and (doc[end].text != "-" or not doc[end - 1].whitespace_))
                or (label == "ORG" and doc[end].text[:1].isupper() and doc[end].is_alpha and not doc[end].is_stop
                    and doc[end - 1].whitespace_ == " ")):
            if doc[end].text in ORG_SUFFIXES:
                label = "ORG"
            end += 2 if doc[end].lower_ in ("sur", "on", "&", "-") else 1
        extended.append((doc[span.start:end], label))
    return extended


def _candidate_spans(doc: Doc, taken: set[int], starts: set[int]) -> list[Span]:
    """Capitalized token runs NER missed (and web names like "shoebox.com").

    A run opening a sentence is kept only when its first word is not a known common word.
    """
    out: list[Span] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        web = token.lower_.endswith(WEB_ENDINGS) and len(token) > 4 and token.text[0].isalpha()
        capital = token.text[:1].isupper() and token.is_alpha and not token.is_stop and len(token) > 1
        common = doc.vocab[token.lower_].has_vector or token.is_stop
        if (i in taken or not (capital or web) or (i in starts and common and not web)
                or _ROLE_ONLY.fullmatch(token.text)):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and "\n" not in doc[j - 1].whitespace_:
            if j not in taken and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            elif (j + 1 < len(doc) and j + 1 not in taken and doc[j].lower_ in _CANDIDATE_CONNECTORS
                  and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha and "\n" not in doc[j].whitespace_):
                j += 2  # "Coeur sur Paris", "Shake-Up", "Adam di Angello"; not "X de Y", "CEO of Y"
            else:
                break
        out.append(doc[i:j])
        i = j
    return out


def _mention(span: Span, sentence_of: dict[int, int], label: str, source: str) -> Mention:
    """A mention of ``span``, without a sentence-final period unless it belongs to the name ("Inc.")."""
    end = span.end_char
    if span.text.endswith(".") and span[-1].text not in ORG_SUFFIXES and not span[-1].lower_.endswith(WEB_ENDINGS):
        end -= 1
    elif span.text[-1] in "'’":  # "Kibo'" + "s": the English possessive the French tokenizer splits
        end -= 1
    return Mention(text=span.doc.text[span.start_char:end], type=None, start=span.start_char, end=end,
                   sentence=sentence_of[span.start], label=label, source=source)


def find_mentions(doc: Doc) -> list[Mention]:
    """Name mentions found by NER or as capitalized candidates, cleaned, in text order (untyped)."""
    sentence_of = sentence_index(doc)
    starts = {min(i for i, s in sentence_of.items() if s == n) for n in set(sentence_of.values())}
    starts |= {t.i + 1 for t in doc if t.text in ('"', "«", "“", ":") and t.i + 1 < len(doc)}
    mentions: list[Mention] = []
    taken: set[int] = set()
    for raw, label in _ner_spans(doc):
        span = _trim(raw)
        span = _fit_name(span) if span is not None else None
        if span is None:
            continue
        if not looks_like_name(span, label, starts) or _in_share_row(doc, span):
            taken.update(range(span.start, span.end))  # a rejected name is not a candidate either
            continue
        taken.update(range(span.start, span.end))
        mentions.append(_mention(span, sentence_of, label, "ner"))
    for span in _candidate_spans(doc, taken, starts):
        if not looks_like_name(span, "", starts) or _in_share_row(doc, span):
            continue
        mentions.append(_mention(span, sentence_of, "", "candidate"))
    mentions.sort(key=lambda m: m.start)
    logger.debug("%d mentions", len(mentions))
    return mentions
