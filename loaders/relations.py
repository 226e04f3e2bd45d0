"""Relation rules: typed links between two mentions of the same sentence.

Each rule reads the words between two mentions (in text order) and says which
relation they state, in which direction, with which props. A sentence that is
negated or hypothetical states nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph.model import (ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON,
                         WORKS_AT)

_ROLE_WORDS = (
    r"ceo|cto|coo|cfo|pdg|président\w*|vice-président\w*|directeur\w*|directrice\w*|responsable|"
    r"manager|head|partner|associé\w*|fondateur|fondatrice|cofondateur|cofondatrice|co-fondateur|"
    r"co-fondatrice|créateur|créatrice|founder|co-founder|cofounder|chairman|president|director|"
    r"vp|chief \w+ officer|expert\w*|ingénieur\w*|engineer|investisseur|investor|analyste|analyst|"
    r"employé\w*|salarié\w*|chercheur|chercheuse|researcher|patron\w*|boss|dirigeant\w*"
)
_FOUNDER_WORDS = re.compile(r"\b(?:co-?)?(?:fondat\w+|founder|créat(?:eur|rice))\b", re.IGNORECASE)
_APPOSITION = re.compile(
    rf"^\s*,?\s*(?P<former>(?:l')?ancien(?:ne)?\s+|ex-|former\s+)?(?P<role>(?:[\w’'-]+\s+){{0,6}}?"
    rf"(?:{_ROLE_WORDS})(?:\s+[\w’'-]+){{0,5}}?)\s+(?:de|du|des|d['’]|pour|chez|of|at)\s*$",
    re.IGNORECASE,
)
_OF = re.compile(r"^\s*,?\s*(?:de|d['’]|from)\s*$", re.IGNORECASE)
_AT = re.compile(r"\b(?:chez|at|joined|a rejoint)\s*$", re.IGNORECASE)
_ACQUIRED_BY = re.compile(r"\b(?:rachetée?s?|acquise?s?|acquired|bought|vendue?s?)\s+(?:par|by|à)\s*$",
                          re.IGNORECASE)
_ACQUIRES = re.compile(r"\b(?:a racheté|rachète|acquiert|a acquis|acquired|acquires|bought|buys)\s*$",
                       re.IGNORECASE)
_FOUNDS = re.compile(r"\b(?:a (?:co-?)?fondé|a créé|a lancé|(?:co-?)?founded|started)\s*$", re.IGNORECASE)
_INVESTS = re.compile(r"\b(?:a investi|invested)\b.*\b(?:dans|in)\s*$", re.IGNORECASE)
_MEETS = re.compile(r"\b(?:a rencontré|ai rencontré|met|a discuté avec|worked with|a travaillé avec)\s*$",
                    re.IGNORECASE)
_ADVISES = re.compile(r"\b(?:a conseillé|conseille|mentored|advised|coached|a coaché)\s*$", re.IGNORECASE)
_NEGATED = re.compile(
    r"\b(?:ne|n['’])\s*\w+\s+(?:pas|jamais|plus)\b|\b(?:not|never|n't)\b|\b(?:aurai[ts]?|auraient|"
    r"pourrai[ts]?|pourraient|could have|would have|si j'avais)\b",
    re.IGNORECASE,
)
_MAX_GAP_WORDS = 12


@dataclass
class Found:
    """A relation a rule read between two mentions (indexes into the article's mention list)."""

    type: str
    source: int
    target: int
    props: dict[str, Any]
    confidence: float


def is_negated(sentence: str) -> bool:
    """True when a sentence is negated or hypothetical, so it states no relation."""
    return bool(_NEGATED.search(sentence))


def relations_between(left: int, right: int, left_type: str, right_type: str, between: str) -> list[Found]:
    """The relations stated by the words between two mentions, the left one first in the text."""
    if len(between.split()) > _MAX_GAP_WORDS:
        return []
    found: list[Found] = []
    if left_type == PERSON and right_type == ORGANIZATION:
        apposition = _APPOSITION.search(between)
        if apposition:
            role = " ".join(apposition.group("role").split())
            if _FOUNDER_WORDS.search(role):
                found.append(Found(FOUNDED, left, right, {}, 0.8))
            else:
                props: dict[str, Any] = {"role": role}
                if apposition.group("former"):
                    props["former"] = True
                found.append(Found(WORKS_AT, left, right, props, 0.8))
        elif _OF.search(between) or _AT.search(between):
            found.append(Found(WORKS_AT, left, right, {}, 0.6))
        elif _FOUNDS.search(between):
            found.append(Found(FOUNDED, left, right, {}, 0.8))
    if right_type == ORGANIZATION and _ACQUIRED_BY.search(between):
        found.append(Found(ACQUIRED, right, left, {}, 0.8))
    elif right_type == ORGANIZATION and left_type == ORGANIZATION and _ACQUIRES.search(between):
        found.append(Found(ACQUIRED, left, right, {}, 0.8))
    if right_type == ORGANIZATION and _INVESTS.search(between):
        found.append(Found(INVESTED_IN, left, right, {}, 0.6))
    if left_type == PERSON and right_type == PERSON:
        if _MEETS.search(between):
            found.append(Found(KNOWS, left, right, {}, 0.6))
        elif _ADVISES.search(between):
            found.append(Found(MENTORED, left, right, {}, 0.6))
    return found
