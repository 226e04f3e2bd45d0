"""Descriptors that stand for a name: "la startup éponyme", "the company", "le créateur de X", "X's founder".

Organization descriptors point at an organization mentioned just before.
Person descriptors ("le jeune patron de X", "the founder of X") name no one
by themselves: :func:`resolve_person_descriptors` points them at the one
person the article's plain relations tie to X (its founder first), and
:func:`main_person_descriptors` the rest at the article's main person when
it was just named ("Le fondateur d'X, qui ..." in an article about him).
"""
from __future__ import annotations

import logging
import re

from spacy.tokens import Doc

from graph.model import FOUNDED, ORGANIZATION, PERSON, WORKS_AT
from loaders.mentions import Mention

logger = logging.getLogger(__name__)

#: "la société", "the company"; not when a name follows, after a place's adjective too ("la start-up nantaise X").
_ORG_DESCRIPTOR = re.compile(
    r"(?:\b(?:la|cette|sa|the|this|its|ce|cet|le)\s+(?:jeune\s+)?(?:startup|start-up|jeune pousse|société|entreprise|company|"
    r"firm|boîte|fonds|fund|groupe|fintech|medtech|biotech|edtech|insurtech|pépite)|\bl['’](?:entreprise|éditeur|application))"
    r"(?P<eponym>\s+éponyme)?\b(?!\s+(?-i:[a-zà-ÿ]+(?:ais|aise|ain|aine|ien|ienne|ois|oise|ique)s?\s+)?(?-i:[A-ZÉ]))"
    r"(?!\s+(?:de|du|d['’]|of)\b)|\bthe\s+(?P<eponym_en>eponymous)\s+(?:startup|company|firm)\b",
    re.IGNORECASE,
)
_PERSON_DESCRIPTOR = re.compile(
    r"\b(?:le|la|l['’]|the|son|sa|its)\s*(?:jeune\s+|young\s+|nouveau\s+|nouvelle\s+|new\s+|actuel\s+|current\s+)?"
    r"(?P<role>(?:co-?)?fondat(?:eur|rice)|créat(?:eur|rice)|patron(?:ne)?|pdg|ceo|dirigeante?|"
    r"(?:co-?)?founder|boss|chief executive|startuper|entrepreneur)\s+(?:de|du|d['’]|of)\s*$",
    re.IGNORECASE,
)
_EMPLOYER_LEFT = re.compile(r"\b(?:chez|at|pour|for|de chez)\s*$", re.IGNORECASE)
_FOUNDER_ROLE = re.compile(r"fond|found|créat", re.IGNORECASE)


def org_descriptors(text: str, mentions: list[Mention], sentence_spans: list[tuple[int, int]],
                    doc: Doc | None = None) -> list[Mention]:
    """Pseudo-mentions for "la startup éponyme", "the company"... pointing at an earlier organization.

    With the parse (``doc``), a description never stands for another argument of its own clause: in
    "Velar acquired the company", the company is not Velar (a possessive, "Velar closed its fund", is).
    """
    out: list[Mention] = []
    for match in _ORG_DESCRIPTOR.finditer(text):
        sentence = next((i for i, (s, e) in enumerate(sentence_spans) if s <= match.start() < e), None)
        if sentence is None:
            continue
        eponym = bool(match.group("eponym") or match.group("eponym_en"))
        others = _clause_arguments(doc, mentions, match, sentence) if doc is not None else frozenset()
        antecedent = _antecedent(text, mentions, match.start(), sentence, eponym, match.group(0), others)
        if antecedent is None:
            continue
        out.append(Mention(text=match.group(0), type=ORGANIZATION, start=match.start(), end=match.end(),
                           sentence=sentence, source="descriptor", refers_to=antecedent))
    return out


_OBJECTS = frozenset({"dobj", "obj", "pobj", "obl", "obl:arg", "obl:mod", "iobj", "dative"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_POSSESSIVE_DETERMINER = re.compile(r"^(?:sa|son|ses|its|their|leur)\b", re.IGNORECASE)


def _clause_arguments(doc: Doc, mentions: list[Mention], match: re.Match, sentence: int) -> frozenset[int]:
    """The named mentions of the clause whose verb takes the descriptor as object ("Velar acquired the company":
    Velar); for a subject, the complements of a noun fronted before it ("Owner of Velar, the group acquired X":
    Velar); none for an apposition ("Picus, the company they founded": Picus itself)."""
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None or _POSSESSIVE_DETERMINER.match(match.group(0)):
        return frozenset()
    verb = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
    if verb.pos_ in ("VERB", "AUX") and span.root.dep_ in _SUBJECTS:
        # "Propriétaire du Club X depuis 2015, le groupe a acquis Y": a fronted noun's complement is what the
        # subject owns or heads, not the subject (the names before it stay its appositions, however parsed)
        clause = {t.i for c in verb.children if c.pos_ == "NOUN" and c.i < span.start and c.i != span.root.i
                  for t in c.subtree if t.i != c.i and t.head.i == c.i and t.dep_ in ("nmod", "prep")
                  for t in t.subtree}
    elif verb.pos_ not in ("VERB", "AUX") or span.root.dep_ not in _OBJECTS:
        return frozenset()  # an apposition or a noun's complement
    else:
        clause = {t.i for t in verb.subtree}
    out: set[int] = set()
    for index, mention in enumerate(mentions):
        if mention.sentence == sentence and not mention.is_pseudo and mention.end <= match.start():
            named = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if named is not None and named.root.i in clause:
                out.add(index)
    return frozenset(out)


def _antecedent(text: str, mentions: list[Mention], position: int, sentence: int, eponym: bool,
                kind: str = "", excluded: frozenset[int] = frozenset()) -> int | None:
    """The organization (or, for "éponyme", the product name) a descriptor at ``position`` points at, never
    one of the ``excluded`` mentions."""
    if not eponym:
        return _salient_organization(text, mentions, position, sentence, kind, excluded)
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        if mention.end > position or mention.is_pseudo or index in excluded:
            continue
        if mention.sentence < sentence - 1:
            break
        if mention.type == PERSON:
            continue
        if mention.sentence == sentence and _EMPLOYER_LEFT.search(text[max(0, mention.start - 12):mention.start]):
            continue  # "X chez Y, fondateur de la startup éponyme": the employer is not the eponym
        if mention.type in (ORGANIZATION, None):
            return index
    return None


_SALIENCE_WINDOW = 2
_FUND_WORDS = frozenset({"ventures", "venture", "capital", "partners", "fund", "fonds", "invest", "investments", "angels",
                         "investors", "partenaires", "participations"})
_FUND_DESCRIPTOR = re.compile(r"\b(?:fonds|fund|investisseur|investor)\b", re.IGNORECASE)
_FUND_LEFT = re.compile(r"\b(?:fonds|fund|investisseur|investor|société de gestion|VC)\s*$", re.IGNORECASE)
_STORY_COMPANY = re.compile(r"\b(?:start-?up|jeune pousse|pépite)\b", re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"^(?:ce|cet|cette|this)\b", re.IGNORECASE)


def _salient_organization(text: str, mentions: list[Mention], position: int, sentence: int, kind: str,
                          excluded: frozenset[int] = frozenset()) -> int | None:
    """The organization a descriptor ``kind`` ("la société", "ce fonds") at ``position`` stands for.

    Candidates are the organizations of the last few sentences, of the same paragraph when there are
    any. A fund descriptor wants a fund-like name, a company descriptor anything else first; a
    demonstrative ("ce fonds") then takes the nearest, an article ("la société") the one the article
    names most often (the story's company, not a name in passing), the nearest on a tie.
    """
    recent = [i for i, m in enumerate(mentions) if m.type == ORGANIZATION and not m.is_pseudo and m.end <= position
              and sentence - _SALIENCE_WINDOW <= m.sentence <= sentence and i not in excluded]
    same_paragraph = [i for i in recent if "\n" not in text[mentions[i].end:position]]
    recent = same_paragraph or recent
    if not recent:
        return None
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.type == ORGANIZATION and not mention.is_pseudo:
            counts[mention.text.lower()] = counts.get(mention.text.lower(), 0) + 1
    if not _DEMONSTRATIVE.match(kind) and _STORY_COMPANY.search(kind):
        # "la start-up": the story's company, however far back it was last named (not "the firm": an investor)
        earlier = [i for i, m in enumerate(mentions) if m.type == ORGANIZATION and not m.is_pseudo
                   and m.end <= position and i not in excluded]
        story = max(earlier, key=lambda i: (counts[mentions[i].text.lower()], mentions[i].start), default=None)
        if story is not None and story not in recent and counts[mentions[story].text.lower()] >= 3:
            recent.append(story)
    wants_fund = bool(_FUND_DESCRIPTOR.search(kind))
    funds = {m.text.lower() for m in mentions if m.type == ORGANIZATION and not m.is_pseudo and (
        m.text.lower().split()[-1] in _FUND_WORDS or _FUND_LEFT.search(text[max(0, m.start - 30):m.start]))}

    def fits(index: int) -> bool:
        return (mentions[index].text.lower() in funds) == wants_fund

    if _DEMONSTRATIVE.match(kind):
        return max(recent, key=lambda i: (fits(i), mentions[i].start))
    return max(recent, key=lambda i: (fits(i), counts[mentions[i].text.lower()], mentions[i].start))


def person_descriptors(text: str, mentions: list[Mention]) -> list[Mention]:
    """Pseudo-mentions for "le créateur de X", "the founder of X", "X's founder" (unresolved yet)."""
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        if mention.type != ORGANIZATION or mention.is_pseudo:
            continue
        left = text[max(0, mention.start - 50):mention.start]
        match = _PERSON_DESCRIPTOR.search(left)
        if match:
            start = mention.start - len(left) + match.start()
            out.append(Mention(text=text[start:mention.end], type=PERSON, start=start, end=mention.end,
                               sentence=mention.sentence, source="descriptor", about=index,
                               role=match.group("role").lower()))
            continue
        possessive = re.match(r"['’]s\s+(?P<role>co-?founder|founder|ceo|boss|chief executive)\b",
                              text[mention.end:mention.end + 30], re.IGNORECASE)
        if possessive:
            out.append(Mention(text=text[mention.start:mention.end + possessive.end()], type=PERSON,
                               start=mention.start, end=mention.end + possessive.end(), sentence=mention.sentence,
                               source="descriptor", about=index, role=possessive.group("role").lower()))
    return out


def resolve_person_descriptors(mentions: list[Mention], key_of, relations) -> int:
    """Point each person descriptor at the one person tied to its organization; returns how many resolved.

    ``key_of(index)`` gives a mention's entity key; ``relations`` are the plain relations found so far.
    """
    resolved = 0
    for mention in mentions:
        if mention.source != "descriptor" or mention.type != PERSON or mention.about is None:
            continue
        org_key = key_of(mention.about)
        founders = {r.source for r in relations if r.type == FOUNDED and r.target == org_key}
        staff = {r.source for r in relations if r.type == WORKS_AT and r.target == org_key}
        wanted = founders if (_FOUNDER_ROLE.search(mention.role) or founders) else staff
        if len(wanted) != 1:
            continue
        person = next(iter(wanted))
        target = next((i for i, m in enumerate(mentions) if not m.is_pseudo and key_of(i) == person), None)
        if target is not None:
            mention.refers_to = target
            resolved += 1
            logger.debug("%r -> %s", mention.text, person)
    return resolved


#: A description used as a predicate ("X n'est pas le fondateur de Y", "pourrait devenir le PDG de Y") names
#: nobody: it says something of the subject, under the verb's modality.
_PREDICATE_LEFT = re.compile(
    r"\b(?:est|était|sera|serait|fut|soit|être|devenir|devient|devenu\w*|deviendra\w*|deviendrait|reste|restait|"
    r"rester|nommée?s?|is|was|were|be|been|being|become|becomes|became|remains|remain|named|appointed)"
    r"(?:\s+(?:pas|plus|jamais|not|never|no longer|toujours|still|déjà|already))*\s*$", re.IGNORECASE)


def main_person_descriptors(mentions: list[Mention], key_of, window: int = 2, text: str = "") -> list[tuple[int, int]]:
    """Definite person descriptors no relation resolved ("Le fondateur d'X, qui était venu ...") pointed at
    the article's main person (the one it names most, alone at the top) when that person was named in the
    descriptor's sentence or the ``window`` before it; returns (descriptor, person mention) pairs."""
    counts: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        if mention.type == PERSON and not mention.is_pseudo and key_of(index):
            counts[key_of(index)] = counts.get(key_of(index), 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    main = ranked[0][0]
    pairs: list[tuple[int, int]] = []
    for index, mention in enumerate(mentions):
        if (mention.source != "descriptor" or mention.type != PERSON or mention.about is None
                or mention.refers_to is not None or mention.text[:3].lower() in ("son", "sa ", "its")
                or _PREDICATE_LEFT.search(text[max(0, mention.start - 40):mention.start])):
            continue
        seen = [i for i, m in enumerate(mentions) if not m.is_pseudo and key_of(i) == main
                and m.end <= mention.start and mention.sentence - window <= m.sentence]
        if seen:
            mention.refers_to = seen[-1]
            pairs.append((index, seen[-1]))
            logger.debug("%r -> %s (the article's main person)", mention.text, main)
    return pairs


def is_founder_role(role: str) -> bool:
    """Whether a descriptor's role noun says founder ("fondateur", "co-founder", "créatrice")."""
    return bool(_FOUNDER_ROLE.search(role))
