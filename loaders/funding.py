"""Funding rounds told over several phrases: "the round was led by X", "Y also participated".

The company that raised is named once ("Acme a levé 5 M€", "Acme raised $5M"); its investors
come later in the sentence after a cue ("aux côtés de X", "with participation from Y") or in the
next sentences ("Le tour de table est mené par X", "Existing investor Y also participated",
"Investors include Z"). Each investor gets an INVESTED_IN relation to the last company that
raised (at most two sentences back), with that sentence's amount and round.
"""
from __future__ import annotations

import logging
import re
from typing import Callable

from graph.model import INVESTED_IN, ORGANIZATION, PERSON, Evidence, Relation
from loaders.mentions import Mention
from loaders.money import money_props
from loaders.negation import is_negated
from loaders.resolve import Resolution

logger = logging.getLogger(__name__)

_I = re.IGNORECASE
#: Words saying the organization just before them raised money.
_RAISE = re.compile(
    r"^[^.;]{0,160}?\b(?P<verb>a levé|lève|levé|vient de lever|a bouclé|boucle|vient de boucler|annonce une levée|"
    r"a réalisé une levée|raised|raises|has raised|had raised|secured|secures|has secured|closed|has closed|closes|"
    r"announced a)\b", _I)
#: A raise verb coordinated with the clause's first verb ("X joined Y, the incubator, and has raised $3M"):
#: the raiser is the clause's subject, not the name just before.
_COORDINATED = re.compile(r"\b(?:and|et)\s*(?:also\s+|aussi\s+)?$", _I)
#: Cues after which the investors of a round are named.
#: Words between a company and its raise that only describe it: ", the startup founded by ...,".
_APPOSITION = re.compile(r"^\s*,[^,;.]+,\s*(?:\w+\s+){0,2}?\w+\s*$", _I)
_LEAD_CUE = re.compile(
    r"\b(?:avec la participation d(?:e|u|es)\b|avec la participation d['’]|with (?:the )?participation (?:from|of)|"
    r"aux côtés d(?:e|u|es)\b|aux côtés d['’]|alongside|along with|"
    r"(?:investors|backers|investisseurs)\s+(?:include|including|comprennent|incluent|parmi lesquels)|"
    r"(?:tour de table|round|levée|financement|opération)\b[^.;]{0,30}?\b(?:menée?|emmenée?|conduite?|led|co-led)\s+"
    r"(?:par|by))", _I)
#: Words after an investor saying it took part in the round told before.
_TRAIL_CUE = re.compile(
    r"^\s*(?:(?:a|ont|have|has|had)\s+)?(?:(?:also|aussi|également)\s+(?:participated|joined|invested|took part|"
    r"participé|participe\w*|investi|remis au pot|réinvesti)|(?:participated|took part|joined|participé|participe\w*)\s+"
    r"(?:in\s+|à\s+)?(?:the|this|au|à la|le|la|l['’])\s*(?:round|tour de table|levée|financement|opération))", _I)
#: What may separate the cue from the first investor: a few words without punctuation ("angel investor").
_LEAD_GAP = re.compile(r"^[^,.;:()«»\"]{0,40}$")
_CHAIN_GAP = re.compile(r"^\s*(?:,|(?:,?\s*(?:et|and|&|ainsi que|as well as))\s*(?:(?:de|d['’]|du|des)\s*)?"
                        r"(?:(?:l['’]|le|la|les|the)\s*)?(?:(?!(?:of|de|du|des|d|at|chez|from|in|for|pour|by|par|à|au|aux|to|with|"
                        r"avec)\b)[\w-]+\s+){0,3}?)\s*$", _I)
_CLAUSE_BREAK = re.compile(r";|\bmais\b|\bbut\b|\bwhile\b|\balors que\b", _I)
_WINDOW = 2


def funding_relations(text: str, spans: list[tuple[int, int]], mentions: list[Mention], resolution: Resolution,
                      evidence_of: Callable[[int], Evidence], funded: dict[int, str] | None = None) -> list[Relation]:
    """INVESTED_IN relations from round cues, each towards the last company that raised.

    ``funded`` maps sentence indexes to the company other rules already found funded there.
    """
    by_sentence: dict[int, list[int]] = {}
    for index in sorted(range(len(mentions)), key=lambda i: mentions[i].start):
        if _type_of(index, resolution) in (PERSON, ORGANIZATION):
            by_sentence.setdefault(mentions[index].sentence, []).append(index)
    found: list[Relation] = []
    current: tuple[str, dict, int] | None = None
    for sentence, (start, end) in enumerate(spans):
        indexes = by_sentence.get(sentence, [])
        raised = _raiser(text, end, mentions, indexes, resolution) or (funded or {}).get(sentence)
        if raised is not None:
            current = (raised, money_props(text[start:end]), sentence)
        if current is None or sentence - current[2] > _WINDOW:
            continue
        target, props, _ = current
        for chain in _investor_chains(text, start, end, mentions, indexes):
            first = min(mentions[i].start for i in chain)
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, first)]
            if is_negated(text[max([start, *breaks]):max(mentions[i].end for i in chain)]):
                continue
            for index in chain:
                source = resolution.key_of(index)
                if source and source != target:
                    found.append(Relation(type=INVESTED_IN, source=source, target=target, props=dict(props),
                                          evidence=[evidence_of(sentence)], confidence=0.7))
    return found


def _type_of(index: int, resolution: Resolution) -> str | None:
    key = resolution.key_of(index)
    return resolution.entities[key].type if key in resolution.entities else None


def _raiser(text: str, end: int, mentions: list[Mention], indexes: list[int], resolution: Resolution) -> str | None:
    """The organization of a sentence that raised money ("Acme, the payments startup, raised ..."), if any."""
    orgs = [i for i in indexes if _type_of(i, resolution) == ORGANIZATION]
    for position, index in enumerate(orgs):
        window = text[mentions[index].end:end]
        match = _RAISE.match(window)
        if not match or is_negated(window[:match.end()]):
            continue
        if position > 0 and _COORDINATED.search(window[:match.start("verb")]):
            return resolution.key_of(orgs[0])  # "A joined B, the incubator, and has raised": A raised
        inside = [i for i in orgs[position + 1:] if mentions[i].start < mentions[index].end + match.end()]
        if not inside or _APPOSITION.match(window[:match.end()]):
            return resolution.key_of(index)
    return None


def _investor_chains(text: str, start: int, end: int, mentions: list[Mention], indexes: list[int]) -> list[list[int]]:
    """Mentions named as investors: after a lead cue, or before a trailing cue, with their conjuncts."""
    chains: list[list[int]] = []
    for cue in _LEAD_CUE.finditer(text, start, end):
        after = [i for i in indexes if mentions[i].start >= cue.end()]
        if after and _LEAD_GAP.match(text[cue.end():mentions[after[0]].start]):
            chains.append(_chain(text, mentions, after))
    for position, index in enumerate(indexes):
        if _TRAIL_CUE.match(text[mentions[index].end:end]):
            before = list(reversed(indexes[:position + 1]))
            chains.append(_chain(text, mentions, before))
    return chains


def _chain(text: str, mentions: list[Mention], ordered: list[int]) -> list[int]:
    """The first mention of ``ordered`` and those coordinated with it, walking in that order."""
    chain = [ordered[0]]
    for index in ordered[1:]:
        a, b = sorted((mentions[chain[-1]], mentions[index]), key=lambda m: m.start)
        if not _CHAIN_GAP.match(text[a.end:b.start]):
            break
        chain.append(index)
    return chain
