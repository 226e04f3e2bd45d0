"""Coreference by salience: third-person pronouns and definite descriptions point at a named mention.

The algorithm follows the Lappin–Leass tradition, on the parse and without a trained model:

1. **Referring expressions**: third-person pronouns (il, elle, lui, he, she, it, him, her), possessive determiners before a role noun (son/sa/ses/leur, its/their/his/her:
   "its founder", "sa directrice") and definite or demonstrative descriptions whose head noun names a
   kind of organization ("la société", "cette entreprise", "the startup", "le journal").
2. **Candidates**: the named, typed mentions before the expression in its sentence and in the
   :data:`WINDOW` sentences before it, outside quotations when the expression is outside one.
3. **Filters**: the type the expression asks for (a person pronoun, an organization description),
   the gender where the language marks it (il/elle, he/she against the given name's usual gender),
   and never a name the expression's own clause already holds as another argument.
4. **Salience**: recency (sentence distance), the grammatical role of the candidate (subject over
   object over the rest), and how often the article names it (its main subject); the highest wins.

A plural subject ("ils", "they", "les deux fondateurs", "the pair") stands for the people last named
together ("A and B", "A, B et C") in its sentence or the :data:`WINDOW` before it: one pseudo-mention
per member, on the same words.

Each resolved expression becomes a pseudo-mention (``source="pronoun"`` or ``"descriptor"``) whose
``refers_to`` is the chosen mention; the relation stage then reads it as that entity, and the
evidence stays the sentence that states the fact.
"""
from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Doc, Span, Token

from graph.model import ACQUIRED, FOUNDED, INVESTED_IN, ORGANIZATION, PERSON, entity_key
from loaders.first_names import FEMALE, MALE, given_name_gender
from loaders.mentions import Mention, doc_text
from loaders.parse_relations import (COMPANY_NOUNS, DEAL_NOUNS, FOUNDER_NOUNS, INVESTOR_NOUNS, MENTOR_NOUNS, ROLE_NOUNS,
                                     ROUND_NOUNS, VERB_TRIGGERS, lemma)
from loaders.sentences import doc_tokens

#: How many sentences back an antecedent may be.
WINDOW = 2
#: Sentences a group of people named together stays in reach of "they", "ils", "the pair".
GROUP_WINDOW = 5
PERSON_PRONOUNS = {"il": MALE, "elle": FEMALE, "he": MALE, "she": FEMALE, "him": MALE, "her": FEMALE,
                   "lui": None}
PLURAL_PRONOUNS = {"ils", "elles", "they", "them"}
ORG_PRONOUNS = {"it"}
#: Object pronouns ("Velar acquired it", "Velar l'a rachetée"): an organization when the verb takes one (a company
#: is bought, founded, funded), else out of reach ("use it", "l'a rencontrée": a thing, a person).
OBJECT_CLITICS = frozenset({"l'", "l’", "le", "la"})
_ORGANIZATION_VERBS = VERB_TRIGGERS[ACQUIRED] | VERB_TRIGGERS[FOUNDED] | VERB_TRIGGERS[INVESTED_IN]
#: Possessive determiners before a role noun stand for the organization ("its founder", "sa directrice").
POSSESSIVES = frozenset({"its", "their", "son", "sa", "ses", "leur", "leurs"})
#: Possessive determiners that stand for a person before a company noun ("son entreprise X", "his startup X"),
#: with the gender English marks ("leur"/"their" are plural: see :func:`_plural_expression`).
PERSON_POSSESSIVES = {"son": None, "sa": None, "ses": None, "his": MALE, "her": FEMALE}
#: Head nouns of definite descriptions that stand for an organization.
ORG_NOUNS = frozenset({
    "société", "entreprise", "startup", "start-up", "pousse", "groupe", "compagnie", "enseigne", "firme",
    "boîte", "plateforme", "banque", "fonds", "journal", "quotidien", "chaîne", "marque", "fintech",
    "licorne", "pépite", "holding", "filiale", "agence", "messagerie", "application", "appli", "constructeur",
    "company", "firm", "startup", "group", "business", "fund", "bank", "platform", "brand", "unicorn",
    "outlet", "publication", "paper", "newspaper", "app", "service", "maker", "carrier", "retailer",
    "agency", "organization", "organisation", "association", "institute", "institut",
})
#: Unions tested per token, built once: what a possessive's noun may be to stand for an organization ("its
#: founder", "sa levée"), company nouns that may qualify a title ("site co-founder X"), titles.
_OWNED_BY_ORG_NOUNS = FOUNDER_NOUNS | ROLE_NOUNS | INVESTOR_NOUNS | DEAL_NOUNS | ROUND_NOUNS
_SITE_NOUNS = ORG_NOUNS | {"site", "website"}
_TITLE_NOUNS = FOUNDER_NOUNS | ROLE_NOUNS
#: Organization nouns that mean money in the plural ("the funds", "les fonds").
_MONEY_WHEN_PLURAL = frozenset({"fund", "fonds"})
#: Head nouns of definite descriptions that stand for a person already named.
PERSON_NOUNS = frozenset({"homme", "femme", "entrepreneur", "entrepreneuse", "milliardaire", "magnat", "businessman",
                          "businesswoman", "billionaire", "entrepreneure", "mogul", "tycoon", "patron", "patronne",
                          "dirigeant", "dirigeante", "fondateur", "fondatrice", "cofondateur", "cofondatrice",
                          "founder", "cofounder", "co-founder", "executive", "ancien"})
_IMPERSONAL = frozenset({"falloir", "sembler", "paraître", "pleuvoir", "agir", "exister", "rester", "arriver", "suffire", "valoir"})
#: NER labels of a name, in both pipelines.
_NAME_LABELS = frozenset({"ORG", "PER", "PERSON", "MISC", "GPE", "LOC", "PRODUCT", "NORP", "FAC"})
_DEFINITE = frozenset({"le", "la", "l'", "l’", "les", "cette", "ce", "cet", "the", "this", "that"})
_ROLE_WEIGHT = {"nsubj": 3.0, "nsubj:pass": 2.5, "nsubjpass": 2.5, "appos": 1.5, "obj": 1.5, "dobj": 1.5,
                # a name inside another noun phrase ("EU-backed fund", "the Acme deal") is barely salient
                "compound": -2.0, "npadvmod": -2.0, "amod": -2.0, "poss": 0.0, "nmod:poss": 0.0,
                # an example in a list ("bets like A, B and C") is no topic: out of reach of the next sentence
                "listed": -8.0}
#: Words that introduce examples ("like A", "such as A", "including A", "comme A", "dont A").
_EXAMPLE_MARKERS = frozenset({"like", "as", "including", "comme", "dont", "notamment", "tels", "telles", "tel",
                              "telle"})


def _listed(token: Token) -> bool:
    """Whether ``token`` is an item of a list of examples ("bets like Orvo and Tessel")."""
    while token.head.i != token.i and (token.dep_ in ("conj", "appos", "compound", "flat", "flat:name")
                                       or token.dep_ == "nmod" and token.head.pos_ == "PROPN"):
        token = token.head  # up a list the parser may have nested ("A, B and C Hunt": A a modifier of Hunt)
    return token.dep_ in ("pobj", "nmod", "obl") and (
        token.head.lower_ in _EXAMPLE_MARKERS or any(c.lower_ in _EXAMPLE_MARKERS for c in token.children
                                                     if c.dep_ == "case"))


def _in_quote(doc: Doc, sentence: Span, token: Token) -> bool:
    """Whether ``token`` stands inside a quotation opened earlier in its sentence."""
    positions = doc.user_data.get("foundergraph_quotes")
    if positions is None:
        text = doc_text(doc)
        positions = doc.user_data["foundergraph_quotes"] = {mark: _positions_of(text, mark) for mark in '«»“”"'}

    def count(mark: str) -> int:
        marks = positions[mark]
        return bisect.bisect_left(marks, token.idx) - bisect.bisect_left(marks, sentence.start_char)

    return count("«") > count("»") or count("“") > count("”") or count('"') % 2 == 1


def _positions_of(text: str, mark: str) -> list[int]:
    """Every offset of the one-character ``mark`` in ``text``, in order."""
    out: list[int] = []
    position = text.find(mark)
    while position >= 0:
        out.append(position)
        position = text.find(mark, position + 1)
    return out


def _gender(mention: Mention) -> str | None:
    first = mention.text.split()[0] if mention.text.split() else ""
    gender = given_name_gender(first)
    return gender if gender in (MALE, FEMALE) else None


def salient_mentions(doc: Doc, mentions: list[Mention], sentences: list[Span],
                     mention_at: dict[int, int]) -> list[Mention]:
    """Pseudo-mentions for the pronouns and descriptions of ``doc``, each pointing at its antecedent.

    ``mention_at`` maps token indexes to the mentions already covering them (those are left alone).
    A resolved expression refreshes its antecedent's salience where it stands, so a chain of
    pronouns keeps the article's main subject in reach (Lappin and Leass's salience update).
    """
    frequency = Counter(entity_key(m.text) for m in mentions if not m.is_pseudo and m.type)
    sightings: dict[int, tuple[int, str, bool]] = {}  # named mention -> (sentence, role, inside a quote) last seen
    groups: list[tuple[int, list[int]]] = []  # (sentence, people named together: "A and B", "A, B et C")
    out: list[Mention] = []
    for number, sentence in enumerate(sentences):
        groups += [(number, group) for group in _coordinated_people(sentence, mentions, mention_at)]
        for token in doc_tokens(doc)[sentence.start:sentence.end]:
            index = mention_at.get(token.i)
            if index is None and _plural_expression(token):
                recent = [group for where, group in groups if number - GROUP_WINDOW <= where <= number
                          and not any(mentions[m].start >= token.idx for m in group)]
                for member in recent[-1] if recent else []:  # "A and B met in 2015. They founded X": each of them
                    out.append(Mention(text=token.text, type=PERSON, start=token.idx, end=token.idx + len(token.text),
                                       sentence=number, source="pronoun", refers_to=member))
                if recent and groups[-1] != (number, recent[-1]):
                    groups.append((number, recent[-1]))  # "They ... they": a chain keeps the group in reach
                continue
            if index is not None:
                mention = mentions[index]
                target = mention.refers_to if mention.is_pseudo and mention.refers_to is not None else index
                if mentions[target].type and not mentions[target].is_pseudo and (
                        token.head.i not in mention_at or mention_at[token.head.i] != index):
                    role = "listed" if _listed(token) else token.dep_
                    sightings[target] = (number, role, _in_quote(doc, sentence, token))
                continue
            wanted = _expression(token)
            if wanted is None:
                continue
            kind, gender = wanted
            clause_names = {mention_at[t.i] for t in token.head.subtree if t.i in mention_at}
            quoted = _in_quote(doc, sentence, token)
            best, best_score = None, 0.0
            for candidate, (where, dep, in_quote) in sightings.items():
                mention = mentions[candidate]
                if where < number - WINDOW or mention.type != kind or (in_quote and not quoted):
                    continue
                if candidate in clause_names and token.dep_ not in ("poss", "nmod:poss", "det"):
                    continue
                if gender and kind == PERSON and _gender(mention) not in (gender, None):
                    continue
                score = (10.0 - 3.0 * (number - where) + _ROLE_WEIGHT.get(dep, 0.5)
                         + min(3.0, frequency[entity_key(mention.text)] * 0.5) + mention.start * 1e-9)
                if score > best_score:
                    best, best_score = candidate, score
            if best is not None:
                source = "descriptor" if token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.text.islower() \
                    else "pronoun"
                out.append(Mention(text=token.text, type=kind, start=token.idx, end=token.idx + len(token.text),
                                   sentence=number, source=source, refers_to=best))
                sightings[best] = (number, token.dep_, quoted)
    return out


def _coordinated_people(sentence: Span, mentions: list[Mention], mention_at: dict[int, int]) -> list[list[int]]:
    """The groups of people a sentence names together: each name with the names coordinated with it."""
    groups: dict[int, list[int]] = {}
    tokens = doc_tokens(sentence.doc)[sentence.start:sentence.end]
    for token in tokens:
        index = mention_at.get(token.i)
        if index is None or mentions[index].type != PERSON or mentions[index].is_pseudo or token.dep_ != "conj":
            continue
        head = token.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "A, B et C": every conjunct hangs on A (or on the one before)
        first = mention_at.get(head.i)
        if first is None or first == index or mentions[first].type != PERSON or mentions[first].is_pseudo:
            continue
        group = groups.setdefault(first, [first])
        if index not in group:
            group.append(index)
    for token in tokens:  # "A came up with the idea with B and C": A and the people with A
        index = mention_at.get(token.i)
        if index is None or mentions[index].type != PERSON or mentions[index].is_pseudo or token.dep_ not in (
                "nsubj", "nsubj:pass"):
            continue
        verb = token.head
        clause = [t for t in verb.subtree if t.i != token.i]  # "with B" may hang on the object ("the idea ... with B")
        companions = [g for p in clause if p.dep_ == "prep" and p.lower_ in ("with", "avec")
                      for g in p.children if g.dep_ == "pobj"]
        companions += [c for c in clause if c.dep_ in ("obl", "obl:mod", "nmod")
                       and any(k.dep_ == "case" and k.lower_ == "avec" for k in c.children)]
        with_people = [mention_at[g.i] for c in companions for g in c.subtree  # "with B (its CTO) and Dr. C"
                       if g.i in mention_at and mentions[mention_at[g.i]].type == PERSON
                       and not mentions[mention_at[g.i]].is_pseudo]
        members = [index] + [m for m in dict.fromkeys(with_people) if m != index]
        if len(members) > 1 and index not in groups:
            groups[index] = members
    return list(groups.values())


#: Plural nouns that stand for people named together before ("les deux hommes", "the founders").
GROUP_NOUNS = frozenset({"fondateur", "cofondateur", "co-fondateur", "associé", "frère", "sœur", "homme", "femme",
                         "compère", "duo", "founder", "cofounder", "co-founder", "partner", "brother", "sister", "pair",
                         "duo", "trio", "deux", "trois", "two", "three"})


def _plural_expression(token: Token) -> bool:
    """A plural pronoun subject ("they", "ils", "elles"), a plural possessive before a company noun ("leur
    entreprise X", "their startup X") or a definite plural description of people ("les deux fondateurs",
    "the pair", "the two")."""
    if token.lower_ in ("leur", "leurs", "their") and token.dep_ in ("poss", "det", "nmod:poss"):
        return lemma(token.head) in COMPANY_NOUNS
    if token.pos_ == "PRON":
        return token.lower_ in PLURAL_PRONOUNS and token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")
    if token.pos_ not in ("NOUN", "NUM") or lemma(token) not in GROUP_NOUNS:
        return False
    plural = "Plur" in token.morph.get("Number") or token.tag_ == "NNS" or token.pos_ == "NUM" or lemma(token) in (
        "duo", "pair", "trio")
    definite = any(c.dep_ == "det" and c.lower_ in ("les", "the", "ces", "these") for c in token.children)
    described = any(c.dep_ in ("nmod", "prep", "appos") for c in token.children)  # "the founders of X" names its own
    return plural and definite and not described and token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj")


def _has_case(token: Token, *words: str) -> bool:
    return any(c.dep_ == "case" and c.lower_ in words for c in token.children)


#: The parts of speech of a referring expression other than a possessive (see :func:`_expression`).
_REFERRING_POS = frozenset({"PRON", "NOUN", "PROPN"})


def _expression(token: Token) -> tuple[str, str | None] | None:
    """(wanted type, gender) when ``token`` is a referring expression, else None."""
    low = token.lower_
    possessive = low in POSSESSIVES or low in PERSON_POSSESSIVES
    if not possessive and token.pos_ not in _REFERRING_POS:
        return None  # (most words: every reading below wants a pronoun, a noun or a possessive)
    if token.pos_ == "PRON" and not (possessive and token.dep_ in ("poss", "nmod:poss")):
        if low in PERSON_PRONOUNS:
            if low == "il" and (any(c.lower_ in ("y",) for c in token.head.children) or token.head.lemma_ in _IMPERSONAL):
                return None
            return PERSON, PERSON_PRONOUNS[low]
        if low in ORG_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass"):
            return ORGANIZATION, None
        if (low in ORG_PRONOUNS and token.dep_ == "dobj" or low in OBJECT_CLITICS and token.dep_ == "obj") \
                and lemma(token.head) in _ORGANIZATION_VERBS:
            return ORGANIZATION, None  # "Velar acquired it", "Velar l'a rachetée": what is bought is a company
        return None
    if possessive and token.dep_ in ("poss", "det", "nmod:poss") and (
            token.head.pos_ == "NOUN" or lemma(token.head) in COMPANY_NOUNS  # "his startup": tagged ADJ at times
            or (token.head.pos_ == "PROPN" and lemma(token.head) in ROLE_NOUNS)):  # "its CTO": tagged PROPN
        head = lemma(token.head)
        if low in POSSESSIVES and (head in _OWNED_BY_ORG_NOUNS
                                   or head.startswith("co")):
            return ORGANIZATION, None
        if (head in COMPANY_NOUNS or head in MENTOR_NOUNS) and low in PERSON_POSSESSIVES:
            # "son entreprise X", "his startup X": a person's company; "X, son mentor": a person's mentor
            return PERSON, PERSON_POSSESSIVES[low]
        return None
    if token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS and any(
            c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children) and not any(
            c.dep_ in ("nmod", "prep", "appos", "flat:name") and (c.lower_ in ("of",) or c.pos_ == "PROPN" or _has_case(c, "de", "d'", "du"))
            for c in token.children if c.lemma_.lower() not in ("affaire", "affaires")):
        return PERSON, None  # "l'homme d'affaires", "le milliardaire", "the entrepreneur"
    if token.pos_ == "NOUN" and token.lemma_.lower() in _SITE_NOUNS and token.dep_ == "compound" \
            and (lemma(token.head) in _TITLE_NOUNS or lemma(token.head).startswith("co")):
        return ORGANIZATION, None  # "said company co-founder X", "site co-founder X": the company told of
    common = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower())  # "la start-up": PROPN
    if common and token.dep_ == "appos" and (token.head.pos_ == "PROPN" or token.head.ent_type_ in _NAME_LABELS):
        return None  # "Zipp, the scooter startup backed by X": the description of the name it stands beside
    if common and token.lemma_.lower() in _MONEY_WHEN_PLURAL and (
            token.tag_ == "NNS" or "Plur" in token.morph.get("Number") or any(c.lower_ == "les" for c in token.children)):
        return None  # "the funds will be used to hire", "les fonds levés": money, not an investor
    if common and token.lemma_.lower() in ORG_NOUNS and any(
            c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
        if any(c.dep_ in ("nmod", "appos", "flat", "flat:name", "compound", "amod") and c.i > token.i
               and (c.pos_ == "PROPN" or c.ent_type_ in _NAME_LABELS) for c in token.children):
            return None  # "la société X", "la banque en ligne X.com" (tagged, whatever its part of speech) names its own
        if any(c.dep_ in ("nmod", "prep") and c.i > token.i for c in token.children if c.lower_ in ("of", "de", "d'")):
            return None
        return ORGANIZATION, None
    return None
