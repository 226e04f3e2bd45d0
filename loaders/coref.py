"""Descriptors that stand for a name: "la startup éponyme", "the company", "le créateur de X", "X's founder".

Organization descriptors point at an organization mentioned just before.
Person descriptors ("le jeune patron de X", "the founder of X") name no one
by themselves: :func:`resolve_person_descriptors` points them at the one
person the article's plain relations tie to X (its founder first).
"""
from __future__ import annotations

import logging
import re

from graph.model import FOUNDED, ORGANIZATION, PERSON, WORKS_AT
from loaders.mentions import Mention

logger = logging.getLogger(__name__)

_ORG_DESCRIPTOR = re.compile(
    r"\b(?:la|cette|sa|the|this|its)\s+(?:jeune\s+)?(?:startup|start-up|jeune pousse|société|entreprise|company|"
    r"firm|boîte)(?P<eponym>\s+éponyme)?\b|\bthe\s+(?P<eponym_en>eponymous)\s+(?:startup|company|firm)\b",
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


def org_descriptors(text: str, mentions: list[Mention], sentence_spans: list[tuple[int, int]]) -> list[Mention]:
    """Pseudo-mentions for "la startup éponyme", "the company"... pointing at an earlier organization."""
    out: list[Mention] = []
    for match in _ORG_DESCRIPTOR.finditer(text):
        sentence = next((i for i, (s, e) in enumerate(sentence_spans) if s <= match.start() < e), None)
        if sentence is None:
            continue
        eponym = bool(match.group("eponym") or match.group("eponym_en"))
        antecedent = _antecedent(text, mentions, match.start(), sentence, eponym)
        if antecedent is None:
            continue
        out.append(Mention(text=match.group(0), type=ORGANIZATION, start=match.start(), end=match.end(),
                           sentence=sentence, source="descriptor", refers_to=antecedent))
    return out


def _antecedent(text: str, mentions: list[Mention], position: int, sentence: int, eponym: bool) -> int | None:
    """The organization (or, for "éponyme", the product name) a descriptor at ``position`` points at."""
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        if mention.end > position or mention.is_pseudo:
            continue
        if mention.sentence < sentence - 1:
            break
        if mention.type == PERSON:
            continue
        if eponym:
            if mention.sentence == sentence and _EMPLOYER_LEFT.search(text[max(0, mention.start - 12):mention.start]):
                continue  # "X chez Y, fondateur de la startup éponyme": the employer is not the eponym
            if mention.type in (ORGANIZATION, None):
                return index
        elif mention.type == ORGANIZATION:
            return index
    return None


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


_PRONOUN = re.compile(r"(?:^|(?<=[.!?»”\"]\s))(?P<pronoun>Il|Elle|He|She)\b(?!\s*(?:y a|faut|s['’]agit|est (?:vrai|clair|possible)))")


def pronoun_mentions(text: str, mentions: list[Mention], sentence_spans: list[tuple[int, int]]) -> list[Mention]:
    """Pseudo-mentions for a sentence-initial "Il", "Elle", "He", "She": the last person named, outside
    quotes, in the sentence before. Nothing when that sentence names no one."""
    out: list[Mention] = []
    for index, (start, end) in enumerate(sentence_spans):
        match = _PRONOUN.match(text[start:end].lstrip())
        if not match or index == 0:
            continue
        position = start + (len(text[start:end]) - len(text[start:end].lstrip()))
        previous_start, previous_end = sentence_spans[index - 1]
        candidates = [i for i, m in enumerate(mentions)
                      if m.type == PERSON and not m.is_pseudo and previous_start <= m.start < previous_end
                      and _outside_quotes(text[previous_start:m.start])]
        if not candidates:
            continue
        antecedent = max(candidates, key=lambda i: mentions[i].start)
        out.append(Mention(text=match.group("pronoun"), type=PERSON, start=position,
                           end=position + len(match.group("pronoun")), sentence=index, source="pronoun",
                           refers_to=antecedent))
    return out


def _outside_quotes(prefix: str) -> bool:
    """True when a position after ``prefix`` is not inside an open quotation."""
    return prefix.count("«") <= prefix.count("»") and prefix.count("“") <= prefix.count("”") and prefix.count('"') % 2 == 0
