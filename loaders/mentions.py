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

import functools
import logging
import re
from dataclasses import dataclass
from typing import Callable

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.tokens import Doc, Span, Token

from loaders.boilerplate import is_share_row
from loaders.first_names import is_given_name
from loaders.lexicon import (ACRONYM_ROLES, COMMON_OPENERS, DATE_WORDS, LEGAL_FORMS, NAME_CONNECTORS, NAME_PARTICLES,
                             ORG_PREFIXES, ORG_SUFFIXES, PERSON_TITLES, PRONOUNS, ROLE_WORDS, SENTENCE_OPENERS,
                             SHARE_WORDS, TITLE_MODIFIERS, WEB_ENDINGS)
from loaders.sentences import doc_text, doc_tokens, per_doc, sentence_index

logger = logging.getLogger(__name__)

#: spaCy NER labels (French and English schemes) and the coarse label a mention keeps.
NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "MISC": "MISC", "PRODUCT": "MISC",
              "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "NORP": None}
#: Sources of mentions that are not names themselves but point at one (``refers_to``).
PSEUDO_SOURCES = frozenset({"descriptor", "first_person", "pronoun"})
_ROLE_ONLY = re.compile(rf"(?:{ROLE_WORDS})", re.IGNORECASE)
_CANDIDATE_CONNECTORS = frozenset({"sur", "on", "&", "-", "di", "da", "van", "von", "del", "der"})
_ARTICLES = frozenset({"la", "le", "les", "l'", "l’"})
#: Words between a title and its organization ("fondatrice de X", "CEO of X").
_TITLE_LINKS = frozenset({"de", "d'", "d’", "du", "of", "chez", "at"})
_INDEFINITE = frozenset({"un", "une", "a", "an", "des", "some", "du"})
_ABBREVIATIONS = frozenset({"Co", "Inc", "Corp", "Ltd", "Bros", "Jr", "Sr"})
_COORDINATORS = frozenset({"and", "et", "und", "y"})
#: Courtesy titles as written before a name, without their period ("m", "mme", "dr").
_COURTESY = frozenset(t.rstrip(".") for t in PERSON_TITLES)
#: Words for a kind of organization: capitalized alone (a sentence start, a title), never a name.
_KIND_WORDS = frozenset({"company", "startup", "start-up", "firm", "société", "entreprise", "fund", "fonds", "agency",
                         "agence", "site", "website"})
#: A lone word that is a date or a kind of organization, never a name (built once, tested per span).
_DATE_OR_KIND_WORDS = DATE_WORDS | _KIND_WORDS
#: A brand written with digits first ("4forge", "37signals"): no year, amount, unit or ordinal ("2019",
#: "10M", "10Mbps", "3rd", "20ans").
_DIGIT_BRAND = re.compile(r"\d+(?!million|milliard|billion|thousand|mille|ans|jours|mois|years|days)[a-z]{4,}\w*")
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


def _positions(doc: Doc) -> dict[str, list[int]]:
    """Where each token text stands in the doc, computed once per doc."""
    cached = doc.user_data.get("foundergraph_positions")
    if cached is None:
        cached = {}
        for token in doc_tokens(doc):
            cached.setdefault(token.text, []).append(token.i)
        doc.user_data["foundergraph_positions"] = cached
    return cached


def _line_of(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return text[line_start:line_end if line_end >= 0 else len(text)]


def _trim(span: Span) -> Span | None:
    """Drop punctuation, spaces and lowercase function words at the edges; cut at a line break."""
    doc = span.doc
    tokens = doc_tokens(doc)
    start, end = span.start, span.end
    for i in range(start, end):
        if "\n" in tokens[i].text:
            end = i
            break
    while start < end and (tokens[start].is_punct or tokens[start].is_space
                           or (tokens[start].is_stop and not tokens[start].text[:1].isupper())):
        start += 1
    while end > start and (tokens[end - 1].is_punct and tokens[end - 1].text != "." or tokens[end - 1].is_space
                           or tokens[end - 1].lower_ in NAME_CONNECTORS):
        end -= 1
    return doc[start:end] if start < end else None


def _is_role(token: Token) -> bool:
    """Whether a word is a role title alone ("CEO", "Commissioner", "Lt.")."""
    return _role_only(token.text.rstrip("."))


@functools.lru_cache(maxsize=8192)
def _role_only(text: str) -> bool:
    """Whether ``text`` is a role word and nothing else (cached: the same words are asked about again and again)."""
    return bool(_ROLE_ONLY.fullmatch(text))


def _is_title_word(token: Token) -> bool:
    """Whether a word belongs to a title: a role or a word qualifying one ("Senior", "Vice", "Chief")."""
    return token.lower_ in TITLE_MODIFIERS or _is_role(token)


def _sentence_start(token, starts: set[int] | None) -> bool:
    return token.i in starts if starts is not None else bool(token.is_sent_start)


def _plural_possessive_inside(token: Token, span: Span) -> bool:
    """Whether ``token`` is the "'s" of a plural noun inside a name ("Children's Hospital", "Women's Forum"): a
    plural common noun owns no person or company, so the name goes on."""
    return token.lower_ in ("'s", "’s") and span.start < token.i < span.end - 1 \
        and token.doc[token.i - 1].tag_ in ("NNS", "NNPS") and token.doc[token.i + 1].text[:1].isupper()


def _fit_name(span: Span) -> Span | None:
    """Cut a NER span before its first lowercase word ("Tom Reyes founded" -> "Tom Reyes"); None if < 2 words remain."""
    for token in span:
        if not (token.text[:1].isupper() or token.text[:1].isdigit() or token.is_punct
                or token.lower_ in NAME_CONNECTORS or token.lower_.endswith(WEB_ENDINGS) or _camel_brand(token.text)
                or _plural_possessive_inside(token, span)):
            if token.i - span.start >= 2:
                return _trim(span.doc[span.start:token.i])
            return None
    return span


def party_tag(token: Token) -> bool:
    """Whether ``token`` is the state of a US politician's party tag ("D-Ore.", "R-S.C."), no name."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].text in ("D", "R", "I") \
        and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_ and token.text[:1].isupper() \
        and len(token.text.rstrip(".")) <= 5


def looks_like_name(span: Span, label: str, starts: set[int] | None = None) -> bool:
    """Whether a span can be a proper name (not a sentence, a common noun or a share-row word)."""
    text = span.text
    if not text or not (text[:1].isupper() or text[:1].isdigit() or text.lower().endswith(WEB_ENDINGS)
                        or _camel_brand(span[0].text)):
        return False
    words = [t for t in span if not t.is_punct]
    if any(not (t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in NAME_CONNECTORS
                or t.lower_.endswith(WEB_ENDINGS) or _camel_brand(t.text) or _plural_possessive_inside(t, span))
           for t in words):
        return False
    if span[0].lower_ in COMMON_OPENERS or _role_only(text) or len(text.strip(". ")) < 2 or party_tag(span[0]):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if all(_is_title_word(w) for w in words) and (any(_is_role(w) for w in words) or (after is not None and _is_role(after))):
        return False  # "Senior Vice President", "General Manager", "Chief Financial Officer": a title, no name
    if span[0].lower_ in PRONOUNS or sum(t.lower_ in SHARE_WORDS for t in span) >= 2:
        return False
    if len(words) == 1 and words[0].lower_.rstrip(".") in _COURTESY:
        return False  # "Monsieur", "Madame" alone: a courtesy title, no name
    if "@" in text or (len(span) == 1 and span[0].lower_ in _DATE_OR_KIND_WORDS):
        return False  # "tips@example.org", "Tuesday", "Company CEO X" (the company told of, not a name)
    first = span[0]
    if first.i > 0 and first.nbor(-1).lower_ in _INDEFINITE and label != "PER" and not (
            first.nbor(-1).lower_ in ("du", "des") and first.i > 1 and first.nbor(-2).pos_ in ("NOUN", "ADJ")
            and label == "ORG" and (len(span) > 1 or _is_role(first.nbor(-2)))):
        # "un VIP", "une Conférence": a common noun with a capital ("le patron du Cirque Vert", "le CTO du Moulin":
        # after a noun, "du" is "de le", and a title's organization is a name)
        return False
    if len(span) == 1:
        previous = first.nbor(-1).lower_ if first.i > 0 else ""
        if (label in ("ORG", "MISC") and first.pos_ == "NOUN" and not first.is_upper
                and previous in ("le", "la", "les", "l'", "l’", "the", "au", "aux")
                and not _named_elsewhere(first, starts or set())):
            return False  # "à la Conférence": a common noun with a capital ("la Fnac", named again, is a name)
        following = span.doc[first.i + 1] if first.i + 1 < len(span.doc) else None
        possessive = first.text[-1] in "'’" and following is not None and following.lower_ == "s"
        if label == "MISC" and _sentence_start(first, starts) and not possessive and not _named_elsewhere(first, starts) and (
                following is None or following.pos_ not in ("VERB", "AUX")) and not (
                following is not None and following.text == "," and is_given_name(first.text)):
            return False  # a lone opener ("Luc, le CTO de X": a first name in apposition is a person's)
        if label == "MISC" and _DEMONYM.search(first.lower_):
            return False
        if _sentence_start(first, starts) and first.pos_ in ("VERB", "AUX", "ADJ", "ADV", "PRON", "DET") and label != "PER":
            return False
    return True


def _in_share_row(doc: Doc, span: Span) -> bool:
    """Whether the span's line is a row of share buttons (decided once per line of the doc)."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    cache = doc.user_data.setdefault("foundergraph_share_rows", {})
    if line_start not in cache:
        cache[line_start] = _is_share_line(_line_of(text, span.start_char))
    return cache[line_start]


def _is_share_line(line: str) -> bool:
    words = re.findall(r"[\w-]+", line.lower())
    shared = sum(w in SHARE_WORDS for w in words)
    if words and (shared >= max(2, len(words) - 1) or (shared >= 3 and 2 * shared >= len(words))):
        return True
    return bool(line.strip()) and is_share_row(line.strip())


def _ner_spans(doc: Doc) -> list[tuple[Span, str]]:
    """NER spans with coarse labels, adjacent name spans merged ("Orvel" + "Data Europe")."""
    spans = [(ent, NER_LABELS.get(ent.label_)) for ent in doc.ents]
    spans = [(s, label) for s, label in spans if label]
    merged: list[tuple[Span, str]] = []
    for span, label in spans:
        if merged:
            previous, previous_label = merged[-1]
            gap = doc_text(doc)[previous.end_char:span.start_char]
            joined = gap in (" ", "") or re.fullmatch(r" (?:sur|on|&) |-", gap)
            if (joined and span.start - previous.end <= 1 and "PER" not in (label, previous_label)
                    and "\n" not in previous.text):
                new_label = "ORG" if "ORG" in (label, previous_label) else previous_label
                merged[-1] = (doc[previous.start:span.end], new_label)
                continue
        merged.append((span, label))
    extended = []
    for span, label in merged:
        end = _with_particle(doc, span) if label == "PER" else span.end
        while end < len(doc) and label != "PER" and "\n" not in doc[end - 1].whitespace_ and (
                doc[end].text in ORG_SUFFIXES
                or (doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].text in LEGAL_FORMS)
                or (label in ("ORG", "MISC") and doc[end].lower_ in ("sur", "on", "&", "-")
                    and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha
                    and doc[end + 1].lower_ not in DATE_WORDS
                    and (doc[end].text != "-" or not doc[end - 1].whitespace_))
                or (label in ("ORG", "LOC", "MISC") and doc[end].text[:1].isupper() and doc[end].is_alpha
                    and not doc[end].is_stop and doc[end - 1].whitespace_ == " " and doc[end].ent_iob_ == "O"
                    and doc[end].lower_ not in DATE_WORDS)):
            if doc[end].text in ORG_SUFFIXES:
                label = "ORG"
            end += 2 if doc[end].lower_ in ("sur", "on", "&", "-", ",") else 1
        start = span.start
        if start > 0 and doc[start - 1].text in ORG_PREFIXES and doc[start - 1].whitespace_ == " ":
            start, label = start - 1, "ORG"  # "Banque" + "Ardel"
        extended.append((doc[start:end], label))
    return extended


def _with_particle(doc: Doc, span: Span) -> int:
    """End of a one-word first name followed by a particle and a capitalized surname ("Maaike van Dijk")."""
    end = span.end
    if (len(span) == 1 and end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and span[-1].whitespace_
            and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha):
        return end + 2
    return end


def _camel_brand(word: str) -> bool:
    """A brand written with a small first letter and a capital inside ("eVora", "eBay"); the "i" ones are
    mostly devices and systems ("iPhone", "iOS"), no companies."""
    return len(word) > 2 and word[0].islower() and word[0] != "i" and word[1].isupper() and word.isalpha()


def _capital_word(token) -> bool:
    """A capitalized word, possibly with the English possessive's apostrophe the tokenizer leaves on it."""
    text = token.text[:-1] if token.text[-1:] in ("'", "’") and len(token.text) > 2 else token.text
    return text[:1].isupper() and text.isalpha()


def _named_elsewhere(token, starts: set[int]) -> bool:
    """Whether the same capitalized word appears in the article away from a sentence start (a name, then)."""
    return any(i != token.i and i not in starts for i in _positions(token.doc)[token.text])


def _after_title(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a courtesy title ("Dr. Jane Roe"), where a parser often cuts a sentence."""
    previous = [t for t in doc[max(0, i - 2):i] if t.text != "."]
    return bool(previous) and previous[-1].lower_.rstrip(".") in _COURTESY


def _candidate_spans(doc: Doc, taken: set[int], starts: set[int]) -> list[Span]:
    """Capitalized token runs NER missed (and web names like "shoebox.com").

    A run opening a sentence is kept only when its first word is not a known common word.
    """
    out: list[Span] = []
    tokens = doc_tokens(doc)
    i = 0
    while i < len(doc):
        token = tokens[i]
        if i in taken:
            i += 1
            continue
        first = token.text[:1]  # (a capital or a digit first, else no name and no brand: the cheap tests first)
        web = (token.lower_.endswith(WEB_ENDINGS) and len(token) > 4 and token.text[0].isalpha()) or bool(
            first.isdigit() and _DIGIT_BRAND.fullmatch(token.text))  # "shoebox.com", "4forge", "37signals"
        capital = first.isupper() and _capital_word(token) and not token.is_stop and len(token) > 1
        if (i in taken or not (capital or web)
                or (i in starts and _common_word(token) and not web and not _after_title(doc, i)
                    and not _named_elsewhere(token, starts))
                or _role_only(token.text)):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and "\n" not in tokens[j - 1].whitespace_:
            if j not in taken and _capital_word(tokens[j]):
                j += 1
                if not tokens[j - 1].is_alpha:
                    break  # "Tallwood'" + "s": a possessive ends the name
            elif (j + 1 < len(doc) and j + 1 not in taken and tokens[j].lower_ in _CANDIDATE_CONNECTORS
                  and tokens[j + 1].text[:1].isupper() and tokens[j + 1].is_alpha and "\n" not in tokens[j].whitespace_
                  and tokens[j + 1].lower_ not in DATE_WORDS):
                j += 2  # "Vent sur Loire", "Shake-Up", "Lea di Marco"; not "X de Y", "CEO of Y"
            else:
                break
        out.append(doc[i:j])
        i = j
    return out


def _common_word(token: Token) -> bool:
    """A word of the language: a stop word, or one the model has a vector for in lowercase."""
    return token.doc.vocab[token.lower_].has_vector or token.is_stop


def _mention(span: Span, sentence_of: dict[int, int], label: str, source: str) -> Mention:
    """A mention of ``span``, without a sentence-final period unless it belongs to the name ("Inc.")."""
    end = span.end_char
    if span[-1].text in _ABBREVIATIONS and doc_text(span.doc)[end:end + 1] == ".":
        end += 1  # "Acme Co." keeps its period
    elif span.text.endswith(".") and span[-1].text not in ORG_SUFFIXES and not span[-1].lower_.endswith(WEB_ENDINGS):
        end -= 1
    elif span.text[-1] in "'’":  # "Kibo'" + "s": the English possessive the French tokenizer splits
        end -= 1
    return Mention(text=doc_text(span.doc)[span.start_char:end], type=None, start=span.start_char, end=end,
                   sentence=sentence_of[span.start], label=label, source=source)


def _split_span(span: Span, label: str) -> list[tuple[Span, str]]:
    """Cut a tagged span between coordinated or listed names ("Ann Lee and Bo Chen", "Alder, Brisk"), after a
    possessive ("Velar Partners’ Ann Roe"), before a weekday or month
    ("Acme on Monday") and at an acronym role ("Acme CEO Jane Roe" -> "Acme" organization, "Jane Roe" person)."""
    if len(span) >= 2 and (label == "ORG" or (label in ("PER", "MISC") and not is_given_name(span[0].text))) \
            and _is_role(span[-1]) and span[-1].text[:1].isupper():
        # "Coast Guard Lt", "Department of Utilities Chairman": a title the NER took into the organization's name
        end = span.end - 1  # "Velmo Chief Financial Officer": every title word off the end
        while end > span.start and span.doc[end - 1].text[:1].isupper() and _is_title_word(span.doc[end - 1]):
            end -= 1
        if end == span.start:
            return [(span, label)]  # "Senior Vice President": all of it a title (looks_like_name drops it)
        return _split_span(span.doc[span.start:end], "ORG")  # "Velmo Founder" tagged as a person: the company
    lead = 0  # "Cofondateurs de Brimco", "General Counsel of Velar": a title opening the span, then its organization
    while lead < len(span) and _is_title_word(span[lead]):
        lead += 1
    if 0 < lead <= len(span) - 2 and span[lead].lower_ in _TITLE_LINKS and any(_is_role(t) for t in span[:lead]):
        return _split_span(span.doc[span.start + lead + 1:span.end], "ORG")
    for token in span[1:]:
        if token.lower_ in DATE_WORDS:  # "Acme on Monday"
            return _split_span(span.doc[span.start:token.i], label)
        if token.text in ACRONYM_ROLES:
            parts = [(span.doc[span.start:token.i], "ORG"), (span.doc[token.i + 1:span.end], "PER")]
            return [(part, part_label) for part, part_label in parts if len(part)]
        possessive = token.text in ("’s", "'s") or (token.text in ("’", "'") and span.doc[token.i - 1].text.endswith("s"))
        if possessive and token.i < span.end - 1 and is_given_name(span.doc[token.i + 1].text):
            # "Velar Partners’ Ann Ruiz": a firm's person; "Brenton Teachers’ Pension Plan" stays one name
            owner, owned = span.doc[span.start:token.i], span.doc[token.i + 1:span.end]
            return _split_span(owner, label) + _split_span(owned, "PER")
        if token.text == "," and token.i < span.end - 1 and span.doc[token.i + 1].text not in ORG_SUFFIXES:
            left, right = span.doc[span.start:token.i], span.doc[token.i + 1:span.end]
            return _split_span(left, label) + _split_span(right, label)  # "Alder, Brisk, Corvo": a list
        if token.lower_ in _COORDINATORS and token.i < span.end - 1:
            left, right = span.doc[span.start:token.i], span.doc[token.i + 1:span.end]
            if label != "PER" and right[-1].text in ORG_SUFFIXES and left[-1].text not in ORG_SUFFIXES:
                continue  # "Velmora Management and Research Co.": one firm's name, its legal form at the end
            return _split_span(left, label) + _split_span(right, label)
    cut = _person_of_company(span) if label == "PER" else None
    if cut is not None:
        return [(span.doc[span.start:cut], "PER"), (span.doc[cut + 1:span.end], "ORG")]
    return _split_title_holder(span, label)


def _person_of_company(span: Span) -> int | None:
    """Where "of", "de"/"d'" cuts a person from her company in a tagged span, "Adam Hale of Quantix", "Ana Roux de
    Brimco": "de" only in a sentence listing two such names or more ("A de X, B d'Y"), so that "Valéry Giscard
    d'Estaing" stays whole."""
    def cut_of(candidate: Span) -> int | None:
        for token in candidate[2:-1]:
            following = token.nbor(1)
            if (token.lower_ in ("de", "d'", "d’", "of") and is_given_name(candidate[0].text)
                    and following.text[:1].isupper() and following.lower_ not in _ARTICLES
                    and all(t.text[:1].isupper() for t in candidate.doc[candidate.start:token.i])):
                return token.i
        return None
    cut = cut_of(span)
    if cut is None:
        return None
    if span.doc[cut].lower_ == "of":
        return cut  # "Adam Hale of Quantix": English names have no "of" in them
    sentence = span.sent
    alike = sum(1 for ent in span.doc.ents if ent.label_ in ("PER", "PERSON") and ent.start >= sentence.start
                and ent.end <= sentence.end and cut_of(ent) is not None)
    return cut if alike >= 2 else None


def _case_of_describing_noun(name: Token) -> list[Token]:
    """The preposition of the common noun a name completes ("du groupe Brimco": "du"), when it hangs on one."""
    head = name.head
    if head.i == name.i or head.pos_ != "NOUN" or name.dep_ not in ("nmod", "appos", "compound", "flat:name"):
        return []
    return [c for c in head.children if c.dep_ in ("case", "prep") and c.i < head.i]


def _split_title_holder(span: Span, label: str) -> list[tuple[Span, str]]:
    """Cut a name that runs an organization into the person after it ("du groupe Halmont Media Jacques
    Peyrol"): two words or more, then a given name opening a two- or three-word capitalized tail."""
    roots = [t.i - span.start for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    if len(roots) == 2 and roots[1] >= 1 and span.doc.has_annotation("DEP"):
        k = roots[1]  # "le fondateur de Brimco Tom Hale": two names the parse hangs apart, a person's last
        if (len(span) - k in (2, 3) and is_given_name(span[k].text) and not is_given_name(span[k - 1].text)
                and span[k - 1].text[:1].isupper() and span[roots[0]].dep_ in ("nmod", "pobj")
                and (label == "PER" or span[k].dep_ == "appos")
                and any(c.dep_ in ("case", "prep") or c.lower_ in ("de", "d'", "du", "of") for c in
                        list(span[roots[0]].children) + [span[roots[0]].head] + _case_of_describing_noun(span[roots[0]]))):
            return [(span[:k], "ORG" if label == "PER" else label or "ORG"),
                    (span.doc[span.start + k:span.end], "PER")]
    if label == "PER" or len(span) < 4:
        return [(span, label)]
    for k in range(2, len(span) - 1):
        tail = span[k:]
        if (len(tail) <= 3 and is_given_name(span[k].text) and not is_given_name(span[k - 1].text)
                and all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in span[k - 1:])):
            return [(span[:k], label or "ORG"), (span.doc[span.start + k:span.end], "PER")]
    return [(span, label)]


def _without_courtesy_title(span: Span, label: str) -> Span:
    """The name without the courtesy title opening it ("M. Ferrand" -> "Ferrand", "Dr Jane Roe" -> "Jane Roe"):
    the title says who the name is (a person), it is not part of it. A brand named after one ("Dr. Martens",
    tagged ORG or MISC) keeps it."""
    if label in ("ORG", "MISC"):
        return span
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_.rstrip(".") in _COURTESY:
        start += 1
        if span.doc[start].text == "." and start < span.end - 1:
            start += 1
    if start == span.start or not span.doc[start].text[:1].isupper():
        return span
    return span.doc[start:span.end]


def _opener_trimmed(span: Span, starts: set[int]) -> Span | None:
    """The span without a capitalized sentence opener ("How Jane Roe" -> "Jane Roe", "Today" -> None)."""
    first = span[0]
    low = first.lower_  # spaCy's stop words are a mutable set: tested as they are, not copied into a union
    if not _sentence_start(first, starts) or (low not in EN_STOP_WORDS and low not in SENTENCE_OPENERS):
        return span
    return _trim(span.doc[span.start + 1:span.end]) if len(span) > 1 else None


def _lone_opener(span: Span, label: str, starts: set[int]) -> bool:
    """A common word opening a sentence and never seen again: "Existing investor X...", "Kicker : title"."""
    first = span[0]
    following = span.doc[first.i + 1] if first.i + 1 < len(span.doc) else None
    kicker = following is not None and following.text == ":" and (first.i == 0 or "\n" in span.doc[first.i - 1].text_with_ws)
    if len(span) != 1 or not _sentence_start(first, starts) or not (first.lex.has_vector or kicker):
        return False
    if following is None or following.lower_ in _COORDINATORS or not (
            following.text == ":" or (following.text[:1].islower() and following.pos_ not in ("VERB", "AUX"))):
        return False
    if label == "ORG" and _is_title_word(following):
        return False  # "Velmo attorney Ann Roe said", "VL Chief Financial Officer A": the employer before a title
    return len(_positions(span.doc)[first.text]) == 1


def _clean_spans(doc: Doc, starts: set[int]) -> list[tuple[Span, str, str]]:
    """NER spans then capitalized candidates, cut to names and filtered: (span, label, source)."""
    out: list[tuple[Span, str, str]] = []
    taken: set[int] = set()
    for raw, label in _ner_spans(doc):
        span = _trim(raw)
        span = _fit_name(span) if span is not None else None
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))  # a rejected name is not a candidate either
        for part, part_label in _split_span(span, label):
            part = _trim(part) if len(part) else None
            part = _opener_trimmed(_without_courtesy_title(part, part_label), starts) if part is not None else None
            if part is not None and looks_like_name(part, part_label, starts) and not _in_share_row(doc, part):
                out.append((part, part_label, "ner"))
    for raw in _candidate_spans(doc, taken, starts):
        for span, label in _split_span(raw, ""):
            span = _opener_trimmed(_without_courtesy_title(span, label), starts) if len(span) else None
            if span is not None and looks_like_name(span, label, starts) and not _in_share_row(doc, span):
                out.append((span, label, "candidate"))
    return [(s, label, source) for s, label, source in _join_adjacent(doc, out) if not _lone_opener(s, label, starts)]


def _join_adjacent(doc: Doc, spans: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """A capitalized candidate right next to a tagged non-person name is one name with it ("Tall" + "Oak")."""
    out: list[tuple[Span, str, str]] = []
    for span, label, source in sorted(spans, key=lambda item: item[0].start):
        if out:
            previous, previous_label, previous_source = out[-1]
            if (span.start == previous.end and previous[-1].whitespace_ == " " and "candidate" in (source, previous_source)
                    and "PER" not in (label, previous_label) and previous[-1].is_alpha):
                joined = "ORG" if "ORG" in (label, previous_label) else previous_label or label
                out[-1] = (doc[previous.start:span.end], joined, "ner" if joined else "candidate")
                continue
            if (span.start == previous.end + 1 and doc[previous.end].text == "," and len(span) == 1
                    and span[0].text in LEGAL_FORMS and previous_label != "PER"):
                out[-1] = (doc[previous.start:span.end], "ORG", previous_source)  # "Velar GP" + ", LLC"
                continue
            if (span.start == previous.end + 1 and doc[previous.end].text == "-" and not previous[-1].whitespace_
                    and not doc[previous.end].whitespace_ and "candidate" in (source, previous_source)
                    and "PER" not in (label, previous_label)):
                # "Lille-Sport", "Brest-Soir": a place and a capitalized word hyphenated are one title's name
                out[-1] = (doc[previous.start:span.end], "ORG" if "ORG" in (label, previous_label) else "", "candidate")
                continue
        out.append((span, label, source))
    return out


def find_mentions(doc: Doc) -> list[Mention]:
    """Name mentions found by NER or as capitalized candidates, cleaned, in text order (untyped)."""
    sentence_of = sentence_index(doc)
    first_token: dict[int, int] = {}
    for i, number in sentence_of.items():
        if i < first_token.get(number, i + 1):
            first_token[number] = i
    starts = set(first_token.values())
    starts |= {t.i + 1 for t in doc_tokens(doc) if t.text in ('"', "«", "“", ":") and t.i + 1 < len(doc)}
    spans = _headline_names(doc, list(_clean_spans(doc, starts)))
    mentions = [_mention(span, sentence_of, label, source) for span, label, source in spans]
    mentions.sort(key=lambda m: m.start)
    logger.debug("%d mentions", len(mentions))
    return mentions


def _headline_names(doc: Doc, spans: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """In a Title Case headline ("Acme Raises $5M To Be An Uber For Pets") every word is capitalized, so
    a name there is cut to its longest part that the article's body also writes ("Acme"); a span whose
    words the body never writes is dropped."""
    text = doc_text(doc)
    line_end = text.find("\n")
    if line_end <= 0:
        return spans
    words = [w for w in text[:line_end].split() if w[:1].isalpha()]
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < 0.7 * len(words):
        return spans
    if not any(w[:1].isupper() and w.lower() in EN_STOP_WORDS for w in words[1:]):
        return spans  # Title Case capitalizes its small words ("Raises $5M To Build"); a name line does not
    body = text[line_end:]
    kept: list[tuple[Span, str, str]] = []
    for span, label, source in spans:
        if span.start_char >= line_end:
            kept.append((span, label, source))
            continue
        best = None
        for length in range(len(span), 0, -1):
            for start in range(span.start, span.end - length + 1):
                part = doc[start:start + length]
                if part.text in body and not (length == 1 and (part[0].is_stop or part[0].is_punct)):
                    best = part
                    break
            if best is not None:
                break
        if best is not None:
            kept.append((best, label, source))
    return kept


def token_mentions(doc: Doc, mentions: list[Mention], keep: Callable[[int], bool] = lambda index: True) -> dict[int, int]:
    """Token index -> the mention covering it (a name rather than a pronoun or descriptor on overlap)."""
    mention_at: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        if not keep(index) or mention.source == "turn":
            continue
        covered = _token_range(doc, mention.start, mention.end)
        if covered is None:
            continue
        for i in range(*covered):
            known = mention_at.get(i)
            if known is None or (mentions[known].is_pseudo and not mention.is_pseudo):
                mention_at[i] = index
    return mention_at


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The tokens ``doc.char_span(start, end, alignment_mode="expand")`` covers, as (first, end), or None
    (remembered per doc: the stages map the same mentions to tokens several times)."""
    ranges: dict[tuple[int, int], tuple[int, int] | None] = per_doc(doc, "token_ranges", dict)
    if (start, end) not in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        ranges[start, end] = None if span is None else (span.start, span.end)
    return ranges[start, end]
