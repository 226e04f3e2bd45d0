"""Relation rules, one small table per relation type, read from the words between two mentions.

Each rule is a regex over the text between a left and a right mention of one
sentence (plus, for a few, the words just before the left one or just after
the right one), the entity types it needs, the direction, props and a
confidence. Lexical rules work on any spaCy pipeline's tokens, which matters
because English text is parsed with the French model.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from graph.model import ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON, WORKS_AT
from loaders.lexicon import FORMER_WORDS, FOUNDER_WORDS, ROLE_WORDS
from loaders.money import money_props
from loaders.negation import is_negated

logger = logging.getLogger(__name__)

P, O = PERSON, ORGANIZATION
_I = re.IGNORECASE
_AUX = r"(?:a|ai|as|avons|avez|ont|avait|avaient|avais|had|has|have|a été|ont été|was|were|is|are|est|sont)"
_FILLER = r"(?:[\w’'-]+\s+){0,3}?"
_PREP = r"(?:de|du|des|d['’]|pour|chez|of|at|for|with)"
_FORMER = rf"(?P<former>(?:{FORMER_WORDS})\s*)?"
_ARTICLE = r"(?:(?:le|la|un|une|the|a|an|notre|our|son|sa|his|her)\s+|l['’]\s*)?"
_ROLE = rf"(?P<role>(?:[\w’'-]+\s+){{0,4}}?(?:{ROLE_WORDS})(?:\s+(?:et|and|&)\s+[\w-]+)?(?:\s+[\w’'-]+){{0,4}}?)"


@dataclass
class Found:
    """A relation a rule read between two mentions (indexes into the article's mention list)."""

    type: str
    source: int
    target: int
    props: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.5
    rule: str = ""


@dataclass(frozen=True)
class Rule:
    """A lexical pattern over the words between two mentions of given types."""

    name: str
    type: str
    left: str
    right: str
    pattern: re.Pattern
    reverse: bool = False  # True: the right mention is the source
    confidence: float = 0.7
    max_words: int = 12
    after: re.Pattern | None = None  # must match the words after the right mention
    before: re.Pattern | None = None  # must match the words before the left mention
    props: Callable[[re.Match, str], dict[str, Any]] | None = None


def _role_props(match: re.Match, clause: str) -> dict[str, Any]:
    props: dict[str, Any] = {}
    role = match.groupdict().get("role")
    if role:
        role = re.sub(r"^(?:(?:et|and|est|était|is|was|has been|a été|devient|became|le|la|l['’]|un|une|the|a|an)\b\s*|l['’]\s*)+",
                      "", " ".join(role.split()), flags=_I).strip(" ,")
        if role:
            props["role"] = role
    if match.groupdict().get("former") or re.search(r"\b(?:worked|travaillait|a travaillé|was)\b", match.group(0), _I):
        props["former"] = True
    return props


def _money(match: re.Match, clause: str) -> dict[str, Any]:
    return money_props(clause)


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern, _I)


RULES: tuple[Rule, ...] = (
    # --- FOUNDED / WORKS_AT from appositions and titles: "X, CEO d'Y", "X ancien directeur de Y"
    Rule("apposition", WORKS_AT, P, O, _r(rf"^\s*,?\s*{_FORMER}{_ARTICLE}{_ROLE}\s+{_PREP}\s*$"),
         confidence=0.85, props=_role_props),
    Rule("copula-role", WORKS_AT, P, O,
         _r(rf"^\s*,?\s*(?:qui\s+)?(?:est|était|devient|est devenue?|is|was|became|has been|a été)\s+{_FORMER}{_ARTICLE}"
            rf"(?P<role>[^,.;]{{0,60}}?\b(?:{ROLE_WORDS})\b[^,.;]{{0,60}}?)\s+(?:chez|at|de|du|d['’]|of|pour|for)\s*$"),
         confidence=0.8, max_words=18, props=_role_props),
    Rule("coordinated-role", WORKS_AT, P, O,
         _r(rf"^\s*(?:,|est|était|is|was)\b[^.;]*?(?:,\s*|\bet\s+|\band\s+){_FORMER}{_ARTICLE}{_ROLE}\s+{_PREP}\s*$"),
         confidence=0.7, max_words=30, props=_role_props),
    Rule("of-org", WORKS_AT, P, O, _r(r"^\s*,?\s*(?:de|d['’]|from)\s*$"), confidence=0.6),
    Rule("works-at", WORKS_AT, P, O,
         _r(rf"\b(?:travaille|travaillait|a travaillé|bosse|officie|works|worked|is employed)\s+{_FILLER}(?:chez|at|for|pour)\s*$"),
         confidence=0.8, props=_role_props),
    Rule("joined", WORKS_AT, P, O,
         _r(r"\b(?:a rejoint|rejoint|a intégré|intègre|est entrée? chez|joined|joins|has joined|recrutée? par|hired by)\s*"
            r"(?:(?:en|in)\s+\d{4}\s*)?$"), confidence=0.8),
    Rule("runs", WORKS_AT, P, O,
         _r(r"^\s*(?:,[^,]{1,40},\s*)?(?:dirige|dirigeait|a dirigé|préside|présidait|runs|ran|heads|headed|manages|managed)\s*$"),
         confidence=0.75, props=_role_props),
    Rule("chez", WORKS_AT, P, O,
         _r(r"^\s*,?\s*(?:(?:désormais|aujourd['’]hui|now|actuellement|toujours|passée?|passé par)\s+)?chez\s*$"),
         confidence=0.65),
    Rule("partner-at", WORKS_AT, P, O, _r(rf"^\s*,?\s*{_FORMER}{_ARTICLE}(?P<role>[\w -]{{0,30}}partner)\s+(?:at|chez|of)\s*$"),
         confidence=0.85, props=_role_props),
    Rule("org-role-person", WORKS_AT, O, P, _r(rf"^['’]s\s+{_FORMER}(?P<role>(?:[\w-]+\s+){{0,3}}?(?:{ROLE_WORDS}))\s*,?\s*$"),
         reverse=True, confidence=0.8, props=_role_props),
    Rule("org-title-person", WORKS_AT, O, P, _r(rf"^\s*(?P<role>(?:co-?)?founder|cofounder|ceo|cto|coo|cfo|chief executive|boss|"
                                               rf"president|chairman|chairwoman)\s*$"),
         reverse=True, confidence=0.75, props=_role_props),
    Rule("title-of-org-comma-person", WORKS_AT, O, P, _r(r"^\s*,\s*$"), reverse=True, confidence=0.75,
         before=_r(rf"\b(?P<role>{ROLE_WORDS})\s+(?:de|du|d['’]|of)\s*(?:la\s+|the\s+)?$"), props=_role_props),
    # --- FOUNDED
    Rule("founded-by-before", FOUNDED, P, O, _r(r"^\s*,\s*$"), confidence=0.75,
         before=_r(r"\b(?:co-?fondée?s?|fondée?s?|créée?s?|lancée?s?|(?:co-?)?founded|started|launched|created)\s+"
                   r"(?:(?:en|in)\s+\d{4}\s+)?(?:par|by)\s+[^,;.]*$")),
    Rule("founds", FOUNDED, P, O,
         _r(rf"\b(?:{_AUX}\s+)?(?:co-?fondé|fondé|créé|lancé|monté|cofondé|(?:co-?)?founded|started|launched|created|set up)\s+"
            r"(?:(?:en|in)\s+\d{4}\s+)?(?:(?:la|sa|une|the|a|his|her)\s+(?:startup|start-up|société|entreprise|company|firm)\s*)?,?\s*$"),
         confidence=0.85, max_words=10),
    Rule("founded-by", FOUNDED, O, P,
         _r(r"^\s*,?\s*(?:qui\s+)?(?:a été\s+|was\s+|est\s+)?(?:co-?fondée?s?|fondée?s?|créée?s?|lancée?s?|(?:co-?)?founded|started|"
            r"created|launched)\s+(?:(?:en|in)\s+\d{4}\s+)?(?:par|by)\s*$"), reverse=True, confidence=0.85),
    # --- ACQUIRED
    Rule("acquired-by", ACQUIRED, O, O,
         _r(r"\b(?:a été\s+|was\s+|been\s+)?(?:rachetée?s?|acquise?s?|acquired|bought|purchased|reprise?s?|absorbée?s?|"
            r"vendue?s?|cédée?s?|sold)\s+(?:[\w’'$€£,.-]+\s+){0,7}?(?:par|by|à|to)\s*$"),
         reverse=True, confidence=0.85, props=_money),
    Rule("acquires", ACQUIRED, O, O,
         _r(r"\b(?:a racheté|rachète|racheta|a acquis|acquiert|s['’]est offert|s['’]offre|a mis la main sur|met la main sur|"
            r"a absorbé|absorbe|acquired|acquires|has acquired|bought|buys|snapped up|took over|takes over)\s*"
            r"(?:(?:la|sa|the)\s+(?:startup|start-up|société|company|firm)\s*)?$"),
         confidence=0.85, props=_money),
    Rule("acquisition-of", ACQUIRED, O, O,
         _r(r"^['’]s\s+(?:acquisition|purchase|takeover)\s+of\s*$"), confidence=0.8, props=_money),
    Rule("acquisition-of-by", ACQUIRED, O, O, _r(r"^\s*(?:par|by)\s*$"), reverse=True, confidence=0.8,
         before=_r(r"\b(?:rachat|acquisition|reprise|absorption|takeover|purchase)\s+(?:de|d['’]|du|of)\s*(?:la\s+|the\s+)?$"),
         props=_money),
    Rule("sold-to", ACQUIRED, O, O, _r(r"^\s*(?:à|to)\s*$"), reverse=True, confidence=0.8,
         before=_r(r"\b(?:a cédé|a vendu|cède|vend|sold|sells|has sold)\s*$"), props=_money),
    # --- INVESTED_IN
    Rule("invests", INVESTED_IN, "*", O,
         _r(r"\b(?:a|ont|avait|avons|ai|has|have|had)?\s*(?:investi|invested|injecté|placé)\s+(?:[\w’'$€£,.-]+\s+){0,6}?(?:dans|in|into)\s*$"),
         confidence=0.8, props=_money),
    Rule("leads-round", INVESTED_IN, "*", O,
         _r(r"\b(?:a mené|mène|a conduit|a participé à|participe à|led|co-led|joined|participated in)\s+(?:le|la|au|à la|the|a)?\s*"
            r"(?:tour de table|levée de fonds|levée|round|financement|funding round|(?:[\w-]+\s+){1,3}?round)\s+(?:[\w’'$€£,.-]+\s+){0,6}?(?:de|d['’]|of|in|for)\s*$"),
         confidence=0.8, props=_money),
    Rule("backs", INVESTED_IN, "*", O, _r(r"\b(?:backs|backed|a financé|finance|funded|a soutenu|soutient)\s*$"),
         confidence=0.7, props=_money),
    Rule("raised-from", INVESTED_IN, O, "*",
         _r(r"\b(?:a levé|lève|levé|raised|raises|has raised|secured|a bouclé|boucle|obtenu)\s+[^.;]{0,80}?"
            r"(?:auprès d['’]|auprès de|from|led by|menée? par|emmenée? par|conduite? par|avec)\s*$"),
         reverse=True, confidence=0.8, max_words=25, props=_money),
    Rule("backed-by", INVESTED_IN, O, "*",
         _r(r"\b(?:backed by|soutenue? par|financée? par|funded by|tour de table mené par|round led by|"
            r"(?:levée|tour de table|round|financement)[^.;]{0,60}?(?:menée?|emmenée?|led|conduite?)\s+par|led by)\s*$"),
         reverse=True, confidence=0.75, max_words=20, props=_money),
    # --- MENTORED
    Rule("advises", MENTORED, P, P,
         _r(r"\b(?:a conseillé|conseille|conseillait|a coaché|coache|coachait|a mentoré|mentore|a guidé|guide|a parrainé|"
            r"parraine|advised|advises|mentored|mentors|coached|coaches|m['’]a conseillé|m['’]a coaché|took under (?:his|her) wing)\s*$"),
         confidence=0.8),
    Rule("advised-by", MENTORED, P, P,
         _r(r"\b(?:a été |was |is |est )?(?:conseillée?|coachée?|mentorée?|guidée?|parrainée?|accompagnée?|advised|mentored|"
            r"coached)\s+(?:par|by)\s*$"),
         reverse=True, confidence=0.8),
    Rule("advice-of", MENTORED, P, P,
         _r(r"\b(?:les |des |un |the |on the )?(?:conseils?|advice|mentorat|mentoring)\s+(?:de|d['’]|of|from)\s*$"),
         reverse=True, confidence=0.7, max_words=14),
    Rule("asked-advice", MENTORED, P, P,
         _r(rf"\b(?:{_AUX}\s+)?(?:(?:même|aussi|also)\s+)?(?:demandé|asked|sollicité)\s+(?:conseil\s+|advice\s+)?{_FILLER}(?:à|au|aux)?\s*$"),
         reverse=True, confidence=0.7,
         after=_r(r"^(?:\s*,[^,]{0,40},)?\s*(?:(?:for|de)\s+(?:advice|conseils?|son avis|help)|conseil|ce qu|comment|quoi|s['’]il|what|how|whether)")),
    Rule("clitic-advises", MENTORED, P, P, _r(r"^\s*$"), confidence=0.7,
         after=_r(r"^\s*(?:a|avait|ont|had|has)\s+(?:beaucoup\s+|souvent\s+)?(?:conseillée?|coachée?|mentorée?|guidée?|parrainée?)")),
    Rule("mentor-of", MENTORED, P, P,
         _r(r"^\s*,?\s*(?:(?:le|la|son|sa|his|her|the)\s+)?(?:mentor|coach|parrain|marraine)\s+(?:de|d['’]|of)\s*$"),
         confidence=0.8),
    # --- KNOWS
    Rule("meets", KNOWS, P, P,
         _r(rf"\b(?:{_AUX}\s+)?(?:(?:déjà|souvent|plusieurs fois|already|often)\s+)?(?:rencontré|croisé|recroisé|met|meets|ran into|"
            rf"bumped into|befriended|(?:suis|est|es|sommes|sont|était)\s+tombée?s?\s+{_FILLER}sur|"
            r"(?:discuté|échangé|travaillé|collaboré|dîné|déjeuné|sympathisé|fait connaissance)\s+(?:\w+\s+){0,2}?avec|"
            r"(?:worked|works|partnered|collaborated|talked|spoke)\s+(?:closely\s+)?with|(?:été\s+)?présentée?s?\s+à|"
            r"(?:was |were |been )?introduced to|(?:is|are|est|sont)\s+(?:friends?|amie?s?)\s+(?:with|avec))\s*$"),
         confidence=0.75),
    Rule("met-each-other", KNOWS, P, P, _r(r"^\s*(?:et|and)\s*$"), confidence=0.75,
         after=_r(r"^\s*(?:se sont rencontrés|se connaissent|se sont connus|ont travaillé ensemble|met|have known each other|"
                  r"worked together|are friends|sont amis)")),
)
_FOUNDER = re.compile(rf"^(?:(?:premier|first|seul|sole|principal)\s+)?(?:{FOUNDER_WORDS})\b", _I)
_TYPE_OK = {P: {P}, O: {O}, "*": {P, O}}


def relations_between(left: int, right: int, left_type: str | None, right_type: str | None, between: str,
                      after: str = "", clause: str | None = None, before: str = "") -> list[Found]:
    """The relations the words ``between`` two mentions state (left mention first in the text).

    ``after`` is the rest of the sentence after the right mention; ``clause`` the text the
    negation check reads (defaults to ``between``).
    """
    found: list[Found] = []
    words = len(between.split())
    if clause is not None and is_negated(clause) or clause is None and is_negated(between):
        return found
    for rule in RULES:
        if words > rule.max_words or left_type not in _TYPE_OK[rule.left] or right_type not in _TYPE_OK[rule.right]:
            continue
        if rule.type == ACQUIRED and left_type != O:
            continue
        match = rule.pattern.search(between)
        before_match = rule.before.search(before) if rule.before is not None else None
        if not match or (rule.after is not None and not rule.after.search(after)) or (
                rule.before is not None and before_match is None):
            continue
        props = rule.props(match, (clause or between) + after) if rule.props else {}
        if before_match is not None and rule.props is _role_props and "role" not in props:
            props = _role_props(before_match, before)
        kind = rule.type
        if kind == WORKS_AT and _FOUNDER.match(props.get("role", "")):
            kind, props = FOUNDED, {}
        source, target = (right, left) if rule.reverse else (left, right)
        found.append(Found(kind, source, target, props, rule.confidence, rule.name))
        break  # the first (most specific) rule that fires is the reading
    return found
