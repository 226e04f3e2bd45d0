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
from loaders.lexicon import FORMER_WORDS, FOUNDER_WORDS, ROLE_WORDS, SHAREHOLDER_WORDS
from loaders.money import money_props
from loaders.negation import is_negated

logger = logging.getLogger(__name__)

P, O = PERSON, ORGANIZATION
_I = re.IGNORECASE
_AUX = r"(?:a|ai|as|avons|avez|ont|avait|avaient|avais|had|has|have|a été|ont été|was|were|is|are|est|sont)"
_FILLER = r"(?:[\w’'-]+\s+){0,3}?"
_PREP = r"(?:de|du|des|d['’]|pour|chez|of|at|for|with)"
_FORMER = rf"(?P<former>(?:{FORMER_WORDS})\s*)?"
_ARTICLE = (r"(?:(?:l['’]\s*)?une?\s+des\s+(?:\w+\s+)?|one\s+of\s+(?:the|its|their|our|his|her)\s+(?:\w+\s+)?"  # "l'un des deux"
            r"|(?:le|la|un|une|the|a|an|notre|our|son|sa|his|her)\s+|l['’]\s*)?")
#: Words that link a descriptor to something else than the name after it ("la startup de X").
_LINKS = (r"(?:de|du|des|d|of|by|par|for|pour|with|avec|chez|at|à|au|and|et|en|in|into|dans|dont|qui|which|who|"
          r"that|to|from|auprès|stake|parts?|shares?|actions?|participation)")
#: A descriptor between a verb and a name: "la jeune pousse lyonnaise ", "the Berlin-based startup ".
_DESC = (rf"(?:(?:la|le|les|sa|son|ses|une?|the|a|an|its|their|his|her|ce|cette)\s+|l['’]\s*)?"
         rf"(?:(?!{_LINKS}\b)(?:[a-zà-ÿ][\w’'-]*|[A-Z][\w’'-]*-(?:based|born|backed))\s+){{0,4}}?")
#: Lowercase words between "par"/"by" and a name: "by former army officers ", "par l'entrepreneur ".
_LOWER = r"(?:(?:l['’]|le|la|les|the|an?|des|du)\s*)?(?:[a-zà-ÿ][\w’'-]*\s+){0,5}?"
_ROLE = rf"(?P<role>(?:[\w’'-]+\s+){{0,4}}?(?:{ROLE_WORDS})(?:-\w+)?(?:\s+(?:et|and|&)\s+[\w-]+)?(?:\s+[\w’'-]+){{0,4}}?)"


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
    local: bool = False  # an apposition: only its own words can negate it, not the clause around it


def _role_props(match: re.Match, clause: str) -> dict[str, Any]:
    props: dict[str, Any] = {}
    role = match.groupdict().get("role")
    if role:
        role = re.sub(r"^(?:(?:et|and|est|était|is|was|has been|a été|devient|became|le|la|l['’]|un|une|the|a|an|"
                      r"took|takes|take|taking|taken|moved|moves|moving|on|to|into|over|up|as|respectivement|"
                      r"respectively|actuellement|currently|désormais|now)\b\s*|l['’]\s*)+",
                      "", " ".join(role.split()), flags=_I).strip(" ,")
        role = re.sub(r"\s+(?:role|position|job|post|seat|rôle|poste|fonction|on the boards?)$", "", role,
                      flags=_I)  # "the CEO role", "a director on the board"
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
    Rule("appointed", WORKS_AT, P, O,
         _r(rf"\b(?:a été |est |was |has been |been |vient d['’]être )?(?:nommée?|promue?|appointed|named|promoted to|"
            rf"serves as|served as|sert comme)\s+(?:as\s+)?{_ARTICLE}(?P<role>[^,.;]{{0,50}}?\b(?:{ROLE_WORDS})\b[^,.;]{{0,30}}?)\s+"
            rf"(?:de|du|d['’]|chez|of|at|pour|for)\s*$"), confidence=0.8, max_words=16, props=_role_props),
    Rule("apposition", WORKS_AT, P, O, _r(rf"^\s*,?\s*{_FORMER}{_ARTICLE}{_ROLE}\s+{_PREP}\s*$"),
         confidence=0.85, props=_role_props, local=True),
    Rule("former-apposition", WORKS_AT, P, O,
         _r(rf"^\s*,\s*(?:(?:the|a|an|un|une|le|la)\s+|l['’]\s*)?(?P<former>{FORMER_WORDS})\s*(?P<role>[\w’' -]{{1,40}}?)\s+"
            rf"(?:at|of|chez|de|du|d['’]|with|for|pour)\s*$"), confidence=0.75, props=_role_props, local=True),
    Rule("worked-as", WORKS_AT, P, O,
         _r(rf"\b(?:worked|works|working|a travaillé|travaille|travaillait|served|serves|was|a été|était|is|est)\s+"
            rf"(?:(?:previously|auparavant|already|déjà|d['’]abord|also|aussi)\s+)?(?:as|comme|en tant que)\s+{_ARTICLE}"
            rf"(?P<role>[^,.;]{{1,60}}?)\s+(?:at|chez|for|pour|with)\s*$"), confidence=0.8, max_words=16,
         props=_role_props),
    Rule("copula-role", WORKS_AT, P, O,
         _r(rf"^\s*(?:,\s*(?:age\s+|aged\s+)?\d{{2}}(?:\s+ans)?\s*)?,?\s*(?:qui\s+)?"  # "A, age 64, has been"
            rf"(?:est|était|devient|est devenue?|is|was|became|has been|a été)\s+{_FORMER}{_ARTICLE}"
            rf"(?P<role>[^,.;]{{0,60}}?\b(?:{ROLE_WORDS})\b[^,.;]{{0,60}}?)\s+(?:chez|at|de|du|d['’]|of|pour|for)"
            rf"\s*(?:both\s+)?$"),
         confidence=0.8, max_words=18, props=_role_props),
    Rule("coordinated-role", WORKS_AT, P, O,
         _r(rf"^\s*(?:,|est|était|is|was)\b[^.;]*?(?:,\s*|\bet\s+|\band\s+){_FORMER}{_ARTICLE}{_ROLE}\s+{_PREP}\s*$"),
         confidence=0.7, max_words=30, props=_role_props),
    Rule("of-org", WORKS_AT, P, O, _r(r"^\s*,?\s*(?:de|d['’]|from|of)\s*$"), confidence=0.6),
    Rule("was-at", WORKS_AT, P, O,
         _r(r"^\s*(?:was|had been|has been|spent (?:[\w-]+\s+){1,3}(?:years?|months?|decades?))\s+"
            r"(?:(?:previously|also|already|then|earlier)\s+)?at\s*$"), confidence=0.7, props=_role_props),
    Rule("works-at", WORKS_AT, P, O,
         _r(rf"\b(?:travaille|travaillait|a travaillé|bosse|officie|works|worked|is employed)\s+{_FILLER}(?:chez|at|for|pour)\s*$"
            rf"|\b(?:covers|covered|has covered|writes|wrote|has written|reports|reported|has reported)\s+"
            rf"(?:[\w’'-]+\s+){{0,4}}?for\s+(?:the\s+)?$"),  # a journalist: "covers the courts for X"
         confidence=0.8, props=_role_props),
    Rule("after-years-at", WORKS_AT, P, O,
         _r(r"\b(?:après|after)\s+(?:[\w-]+\s+){0,3}?(?:ans|années|mois|years|months|decade|décennie)\s+"
            r"(?:passée?s?\s+|spent\s+)?(?:chez|at|with|au sein d['’]|au sein de)\s*$"),
         confidence=0.7, max_words=16, props=lambda match, clause: {"former": True}),
    Rule("heads", WORKS_AT, P, O,
         _r(r"\b(?:est|était|is|was|a pris|prend|took|takes)\s+(?:aujourd['’]hui\s+|désormais\s+|now\s+)?(?:à\s+)?la tête\s+(?:de|du|d['’])\s*$|"
            r"\b(?:is|was)\s+(?:now\s+)?(?:at\s+)?the helm of\s*$|\b(?:took|takes)\s+the helm (?:of|at)\s*$"),
         confidence=0.75),
    Rule("joined", WORKS_AT, P, O,
         _r(r"\b(?:a rejoint|rejoint|a intégré|intègre|est entrée? chez|joined|joins|has joined|recrutée? par|hired by)\s*"
            r"(?:(?:en|in)\s+\d{4}\s*)?$"), confidence=0.8),
    Rule("runs", WORKS_AT, P, O,
         _r(r"^\s*(?:,[^,]{1,40},\s*|,\s*[^,]{0,40}?\b(?:who|qui)\s+)?(?:(?:now|désormais|aujourd['’]hui|also|aussi|still|toujours)\s+)?"
            r"(?:dirige|dirigeait|a dirigé|préside|présidait|runs|ran|heads|headed|manages|managed)\s*$"),
         confidence=0.75, props=_role_props),
    Rule("chez", WORKS_AT, P, O,
         _r(r"^\s*,?\s*(?:(?:désormais|aujourd['’]hui|now|actuellement|toujours|passée?|passé par)\s+)?chez\s*$"),
         confidence=0.65),
    Rule("at-org", WORKS_AT, P, O, _r(r"^\s*at\s*$"), confidence=0.6,
         before=_r(r"^(?![^.;]*\b(?:met|meet|meets|meeting|saw|see|ran into|bumped into|spoke|speaking|talked|studied|"
                   r"rencontr\w*|croisé\w*)\b[^,;]*$)")),
    Rule("partner-at", WORKS_AT, P, O, _r(rf"^\s*,?\s*{_FORMER}{_ARTICLE}(?P<role>[\w -]{{0,30}}partner)\s+(?:at|chez|of)\s*$"),
         confidence=0.85, props=_role_props, local=True),
    Rule("now-org-role", WORKS_AT, P, O,
         _r(r"^\s*(?:,[^,]{0,80},\s*)?,?\s*(?:(?:now|currently|désormais|aujourd['’]hui|who is|qui est|is|was|became|is now)\s+)*"
            r"(?:the\s+)?$"), confidence=0.75,
         after=_r(rf"^['’]s\s+{_FORMER}(?P<role>(?:[\w-]+\s+){{0,3}}?(?:{ROLE_WORDS}))\b"), props=_role_props),
    Rule("org-role-person", WORKS_AT, O, P, _r(rf"^['’]s\s+{_FORMER}(?P<role>(?:[\w-]+\s+){{0,3}}?(?:{ROLE_WORDS}))\s*,?\s*$"),
         reverse=True, confidence=0.8, props=_role_props),
    Rule("org-title-person", WORKS_AT, O, P, _r(r"^\s*(?P<role>(?:co-?)?founder|cofounder|ceo|cto|coo|cfo|chief executive|boss|"
                                               r"president|chairman|chairwoman|(?:general |managing |venture )?partner|"
                                               r"associée?|(?:co-?)?fondat(?:eur|rice)|pdg|chief \w+ officer|head of \w+)\s*$"),
         reverse=True, confidence=0.75, props=_role_props, local=True),
    Rule("org-possessive-person", WORKS_AT, O, P, _r(r"^['’]s\s*$|^['’]\s+$"), reverse=True, confidence=0.6,
         local=True),  # "Velmo's Ann Roe", "Brimco Partners’ Ann Roe"
    # "X, dont A est directeur général", "X, whose CEO ..." is parsed apart: "dont" + a copula + a title after the name
    Rule("whose-role", WORKS_AT, O, P, _r(r"^\s*,?\s*dont\s*$"), reverse=True, confidence=0.75,
         after=_r(rf"^\s*(?:(?:,|et|and)\s+[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*){{0,3}}\s*)*"
                  rf"(?:est|sont|était|étaient|reste|restent|demeure|est devenue?|sont devenue?s|devient|deviennent)\s+"
                  rf"(?:(?:aujourd['’]hui|désormais|toujours|aussi|également|depuis \d{{4}})\s+)?{_FORMER}(?:les\s+)?{_ARTICLE}{_ROLE}"
                  rf"(?=\s*(?:[,.;(]|$|\s(?:depuis|jusqu|de|du|d['’]|chez)\b))"),
         props=_role_props),
    # "Cofondateurs de X, A et B lancent ...": a title opening the sentence (or a clause after ":" or ";"), not
    # the title of a name before it in a list ("A, PDG de X, B, PDG de Y": B is not X's)
    Rule("title-of-org-comma-person", WORKS_AT, O, P, _r(r"^\s*,\s*$"), reverse=True, confidence=0.75,
         before=_r(rf"(?:^|[.;:!?(]\s*)(?:(?:le|la|les|the|l['’])\s*)?{_FORMER}(?P<role>(?:[\w-]+\s+){{0,2}}?(?:{ROLE_WORDS})s?)\s+"
                   rf"(?:de|du|d['’]|of)\s*(?:la\s+|the\s+)?$"), props=_role_props),
    # --- FOUNDED
    Rule("founded-by-before", FOUNDED, P, O, _r(r"^\s*,\s*$"), confidence=0.75,
         before=_r(r"\b(?:co-?fondée?s?|fondée?s?|créée?s?|lancée?s?|(?:co-?)?founded|started|launched|created)\s+"
                   r"(?:(?:en|in)\s+\d{4}\s+)?(?:par|by)\s+[^,;.]*$")),
    Rule("cofounded-with", FOUNDED, O, P,
         _r(r"^\s*,?\s*(?:(?:en|in)\s+\d{4}\s+)?(?:avec|with|alongside|aux côtés de)\s*" + _LOWER + "$"),
         reverse=True, confidence=0.7,
         before=_r(r"\b(?:co-?fondé|cofondé|co-?founded|cofounded|fondé|founded|créé|lancé|started|launched|monté|set up)\s*$")),
    Rule("origin-of", FOUNDED, P, O,
         _r(r"\b(?:est|était|is|was)\s+(?:à l['’]origine|l['’]initiat(?:eur|rice)|the (?:creator|brains) behind|behind)\s*(?:de|du|d['’])?\s*"
            + _DESC + "$"), confidence=0.7),
    Rule("founds", FOUNDED, P, O,
         _r(rf"\b(?:{_AUX}\s+)?(?:(?:déjà|also|aussi|d['’]abord|first|previously|auparavant|ensuite|then|later)\s+)?(?:co-?fondé|fondé|créé|lancé|monté|cofondé|(?:co-?)?founded|started|launched|created|set up)\s+"
            r"(?:(?:en|in)\s+\d{4}\s+)?" + _DESC + r",?\s*$"),
         confidence=0.85, max_words=14),
    Rule("founded-by", FOUNDED, O, P,
         _r(r"^\s*,?\s*(?:(?:qui|which|who|that)\s+)?(?:(?:the|a|an|la|le|une?|l['’])\s*(?:[\w’'-]+\s+){0,3}?)?"
            r"(?:(?:a|avait|had|has)\s+été\s+|(?:has|had)\s+been\s+|a été\s+|was\s+|est\s+|is\s+)?"
            r"(?:co-?fondée?s?|cofondée?s?|fondée?s?|créée?s?|lancée?s?|(?:co-?)?founded|cofounded|started|"
            r"created|launched)\s+(?:(?:en|in)\s+\d{4}\s+)?(?:par|by)\s*(?:[^.;,]{0,60},\s*)?" + _LOWER + "$"),
         reverse=True, confidence=0.85, max_words=20),
    # --- ACQUIRED
    Rule("acquired-by", ACQUIRED, O, O,
         _r(r"\b(?:a été\s+|was\s+|been\s+)?(?:rachetée?s?|acquise?s?|acquired|bought|purchased|reprise?s?|absorbée?s?|"
            r"vendue?s?|cédée?s?|sold)\s+(?:[\w’'$€£,.-]+\s+){0,7}?(?:par|by|à|to)\s*" + _DESC + "$"),
         reverse=True, confidence=0.85, max_words=20, props=_money),
    Rule("acquires", ACQUIRED, O, O,
         _r(r"\b(?:(?:a|ont|avait|has|had|have)\s+(?:(?:déjà|already|also|aussi|récemment|recently|finalement|finally)\s+)?"
            r"(?:racheté|acquis|absorbé|acquired|bought)(?:\s+(?:en|in)\s+\d{4})?|rachète|racheta|acquiert|s['’]est offert|s['’]offre|"
            r"(?:a\s+)?mis la main sur|met la main sur|absorbe|acquired|acquires|bought|buys|snapped up|took over|takes over|"
            r"(?:agreed|accepté|a accepté)\s+(?:to|de)\s+(?:buy|acquire|racheter|acquérir)|"
            r"(?:finalisé|bouclé|annoncé|finalise|boucle|annonce|officialisé|completed|announced|closed|confirmed|confirmé)\s+"
            r"(?:[\w’'-]+\s+){0,2}?(?:(?:le|la|the|its)\s+|l['’]\s*)?(?:rachat|acquisition|reprise|purchase|takeover)\s+"
            r"(?:de|d['’]|du|of)\s*)\s*" + _DESC + "$"),
         confidence=0.85, max_words=16, props=_money),
    Rule("takes-control", ACQUIRED, O, O,
         _r(r"\b(?:a pris|prend|prenait|took|takes|has taken|acquired|a acquis)\s+(?:le\s+)?(?:contrôle|control|majority control)\s+"
            r"(?:de|du|d['’]|of)\s*" + _DESC + r"$|\b(?:s['’]empare|s['’]est emparée?|s['’]emparait)\s+(?:de|du|d['’])\s*" + _DESC + "$"),
         confidence=0.8, props=_money),
    Rule("passes-under-control", ACQUIRED, O, O,
         _r(r"\b(?:passe|est passée?|passera)\s+sous (?:le )?(?:contrôle|pavillon|giron)\s+(?:de|du|d['’])\s*" + _DESC + "$|"
            r"\bfalls? under the control of\s*$"), reverse=True, confidence=0.8, props=_money),
    Rule("acquisition-of", ACQUIRED, O, O,
         _r(r"^['’]s\s+(?:acquisition|purchase|takeover)\s+of\s*$"), confidence=0.8, props=_money),
    Rule("acquisition-of-by", ACQUIRED, O, O, _r(r"^\s*(?:par|by)\s*$"), reverse=True, confidence=0.8,
         before=_r(r"\b(?:rachat|acquisition|reprise|absorption|takeover|purchase)\s+(?:de|d['’]|du|of)\s*(?:la\s+|the\s+)?$"),
         props=_money),
    Rule("sold-to", ACQUIRED, O, O, _r(r"^\s*,?\s*(?:à|to)\s*" + _DESC + "$"), reverse=True, confidence=0.8,
         before=_r(rf"\b(?:a cédé|a vendu|cède|vend|sold|sells|has sold|(?:avait|a|had|has)\s+(?:revendu|vendu|cédé|sold))\s+"
                   rf"(?:(?!{_LINKS}\b)[\w’'-]+\s+){{0,3}}?(?:(?!{_LINKS}\b)[\w’'-]+\s*,\s*)?$"), props=_money),
    # --- INVESTED_IN
    Rule("takes-stake", INVESTED_IN, "*", O,
         _r(r"\b(?:a pris|prend|avait pris|took|takes|has taken|acquired|a acquis|bought)\s+(?:une|a|an)\s+(?:[\w%,.-]+\s+){0,2}?"
            r"(?:participation|stake)\s+(?:[\w-]+\s+){0,2}?(?:dans|in|au capital de|au capital d['’])\s*$|"
            r"\b(?:est entrée?|entre|sont entrés|est monté|took a seat|has entered)\s+(?:au|dans le)\s+capital\s+(?:de|d['’]|du)\s*$"),
         confidence=0.75, props=_money),
    Rule("invests", INVESTED_IN, "*", O,
         _r(r"\b(?:a|ont|avait|avons|ai|has|have|had)?\s*(?:investi|invested|injecté|placé)\s+(?:[\w’'$€£,.-]+\s+){0,6}?(?:dans|in|into)\s*$"),
         confidence=0.8, props=_money),
    Rule("leads-round", INVESTED_IN, "*", O,
         _r(r"\b(?:a mené|mène|a conduit|a (?:\w+\s+)?participé à|participe à|a (?:\w+\s+)?participé|led|co-led|joined|"
            r"participated in|also participated in)\s+(?:le|la|au|à la|the|a)?\s*"
            r"(?:tour de table|levée de fonds|levée|round|financement|funding round|(?:[\w-]+\s+){1,3}?round)\s+(?:[\w’'$€£,.-]+\s+){0,6}?(?:de|d['’]|of|in|for)\s*$"),
         confidence=0.8, props=_money),
    Rule("backs", INVESTED_IN, "*", O, _r(r"(?<!-)\b(?:backs|backed|a financé|finance|funded|a soutenu|soutient)\s*$"),
         confidence=0.7, props=_money),
    Rule("raised-from", INVESTED_IN, O, "*",
         _r(r"\b(?:a levé|lève|levé|lever|raised|raises|has raised|secured|closed|has closed|a bouclé|boucle|boucler|obtenu)\s+"
            r"(?:[^.;]|\.(?=\d)){0,80}?"
            r"(?:auprès d['’]|auprès de|auprès du|auprès des|from|led by|menée? par|emmenée? par|conduite? par|avec)\s*"
            r"(?:(?:l['’]|le|la|les|du|des|the|an?|its)\s*)?(?:(?!(?:et|and)\b)[a-zà-ÿ][\w’'-]*\s+){0,3}$"),
         reverse=True, confidence=0.8, max_words=28, props=_money),
    Rule("wrote-check", INVESTED_IN, "*", O, _r(r"^\s*(?:wrote|signed|cut|a signé|a fait)\s*$"), confidence=0.75,
         after=_r(r"^['’]s\s+(?:first|second|premier|first-ever)?\s*(?:check|cheque|chèque)"), props=_money),
    Rule("led-team-at", WORKS_AT, P, O,
         _r(r"\b(?:(?:previously|formerly|auparavant|once)\s+)?(?:led|headed|ran|a dirigé|dirigeait|a piloté)\s+"
            r"(?:(?!(?:the|la|le)\b)[\w-]+\s+){1,3}?(?:at|chez)\s*$"),
         confidence=0.7, props=lambda match, clause: {"former": True}),
    Rule("backed-by", INVESTED_IN, O, "*",
         _r(r"\b(?:backed by|soutenue? par|financée? par|funded by|tour de table mené par|round led by|"
            r"(?:levée|tour de table|round|financement)[^.;]{0,60}?(?:menée?|emmenée?|led|conduite?)\s+(?:par|by))\s*$"),
         reverse=True, confidence=0.75, max_words=20, props=_money),
    Rule("led-by-fund", INVESTED_IN, O, O, _r(r"\bled by\s*$"), reverse=True, confidence=0.7, max_words=20, props=_money),
    Rule("run-by", WORKS_AT, O, P,
         _r(r"^\s*,?\s*(?:(?:qui|which|that)\s+(?:est|is|was|était)\s+)?"
            r"(?![^,;.]*\b(?:round|tour|levée|financement|funding|série|series)\b)"
            r"(?:(?:the|a|an|la|le|une?|l['’])\s*[^,;.]{0,40}?\s+)?(?:dirigée?|présidée?|co-?dirigée?|pilotée?|led|run|headed|"
            r"managed|chaired)\s+(?:(?:depuis|since)\s+\d{4}\s+)?(?:par|by)\s*" + _LOWER + "$"),
         reverse=True, confidence=0.75, max_words=14),
    # --- MENTORED
    Rule("advises", MENTORED, P, P,
         _r(r"\b(?:a conseillé|conseille|conseillait|a coaché|coache|coachait|a mentoré|mentore|a guidé|guide|a parrainé|"
            r"parraine|advised|advises|mentored|mentors|coached|coaches|m['’]a conseillé|m['’]a coaché|took under (?:his|her) wing)\s*$"),
         confidence=0.8),
    Rule("advised-by", MENTORED, P, P,
         _r(r"\b(?:(?:a|avait|has|had)\s+(?:[\w’'-]+\s+){0,2}?(?:été|been)\s+|was |is |est |were )?"
            r"(?:conseillée?|coachée?|mentorée?|guidée?|parrainée?|accompagnée?|advised|mentored|coached|guided)\s+"
            r"(?:(?!(?:et|and)\b)[\w’'-]+\s+){0,4}?(?:par|by)\s*" + _LOWER + "$"),
         reverse=True, confidence=0.8, max_words=16),
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
            r"(?:was |were |been )?introduced to|(?:is|are|est|sont)\s+(?:friends?|amie?s?)\s+(?:with|avec)|"
            r"(?:connaît|connaissait|knows|knew|a fait la connaissance d['’]e?|s['’]est liée? d['’]amitié avec|"
            r"(?:est|is|was|était)\s+(?:un |une |an? |the |le |la )?(?:(?:vieil|vieille|old|close|proche|longtime|ancien|ancienne)\s+)?"
            r"(?:amie?|friend|camarade|classmate|roommate|colocataire)\s+(?:de|d['’]|of)))\s*$"),
         confidence=0.75),
    Rule("met-each-other", KNOWS, P, P, _r(r"^\s*(?:et|and)\s*$"), confidence=0.75,
         after=_r(r"^\s*(?:(?:have|has|had|ont|avaient)\s+(?:(?:already|déjà|long|longtemps)\s+)?)?(?:se sont rencontrés|se connaissent|se sont connus|ont travaillé ensemble|met|have known each other|"
                  r"worked together|are friends|sont amis|(?:avons|avions|ont|avaient)\s+(?:\w+\s+)?travaillé ensemble)")),
    Rule("introduced-to", KNOWS, P, P, _r(r"^\s*(?:to|à)\s*$"), confidence=0.7,
         before=_r(r"\b(?:introduced|introduces|présentée?|a présenté|présente)\s*$")),
)
_FOUNDER = re.compile(rf"^(?:(?:premier|first|seul|sole|principal)\s+)?(?:{FOUNDER_WORDS})\b", _I)
#: A "role" that is a stake ("actionnaire principal", "majority shareholder"): the holder invested in the organization.
_SHAREHOLDER = re.compile(rf"^(?:(?:principal|main|majority|minority|largest|biggest|major|premier|gros|plus gros|seul|"
                          rf"sole|lead)\s+)?(?:{SHAREHOLDER_WORDS})(?:\s+(?:principal|majoritaire|minoritaire|"
                          rf"unique|de référence))?$", _I)
_TYPE_OK = {P: {P}, O: {O}, "*": {P, O}}


def relations_between(left: int, right: int, left_type: str | None, right_type: str | None, between: str,
                      after: str = "", clause: str | None = None, before: str = "") -> list[Found]:
    """The relations the words ``between`` two mentions state (left mention first in the text).

    ``after`` is the rest of the sentence after the right mention; ``clause`` the text the
    negation check reads (defaults to ``between``).
    """
    found: list[Found] = []
    words = len(between.split())
    negated = is_negated(clause if clause is not None else between)
    if negated and is_negated(between) or _UNDONE.match(after):
        return found
    for rule in RULES:
        if (negated and not rule.local) or not _applies(rule, words, left_type, right_type):
            continue
        match = rule.pattern.search(between)
        before_match = rule.before.search(before) if rule.before is not None else None
        after_match = rule.after.search(after) if rule.after is not None else None
        if not match or (rule.after is not None and after_match is None) or (
                rule.before is not None and before_match is None):
            continue
        props = rule.props(match, (clause or between) + after) if rule.props else {}
        for extra, text in ((before_match, before), (after_match, after)):
            if extra is not None and rule.props is _role_props and "role" not in props:
                props = {**props, **_role_props(extra, text)}
        kind = rule.type
        if kind == WORKS_AT and _FOUNDER.match(props.get("role", "")) and not _AND_FOUNDER.match(props["role"]):
            kind, props = FOUNDED, {}
        elif kind == WORKS_AT and _SHAREHOLDER.match(props.get("role", "")):
            kind, props = INVESTED_IN, {}
        source, target = (right, left) if rule.reverse else (left, right)
        found.append(Found(kind, source, target, props, rule.confidence, rule.name))
        found.extend(_founder_and_role(found[-1]))
        break  # the first (most specific) rule that fires is the reading
    return found


#: Words right after a stated deal saying it did not happen ("X's purchase of Y fell through").
_UNDONE = re.compile(r"^\s*,?\s*(?:a échoué|ont échoué|n['’]a (?:jamais|pas) abouti|a été (?:annulée?|abandonnée?|bloquée?)|"
                     r"failed|fell through|collapsed|(?:was |has been |is |been )?(?:called off|cancell?ed|abandoned|blocked|scrapped|"
                     r"terminated)|"
                     r"did not (?:go through|close|happen)|never (?:closed|happened))", _I)


def _applies(rule: Rule, words: int, left_type: str | None, right_type: str | None) -> bool:
    """Whether a rule can read a pair of mentions of these types this many words apart."""
    if words > rule.max_words or left_type not in _TYPE_OK[rule.left] or right_type not in _TYPE_OK[rule.right]:
        return False
    return rule.type != ACQUIRED or left_type == O


_AND_FOUNDER = re.compile(rf"^(?P<role>.+?)\s+(?:et|and|&)\s+(?:{FOUNDER_WORDS})$|^(?:{FOUNDER_WORDS})\s+(?:et|and|&)\s+"
                          rf"(?P<role2>.+)$", _I)


def _founder_and_role(hit: Found) -> list[Found]:
    """"CEO and co-founder of X": besides the role, a FOUNDED relation."""
    match = _AND_FOUNDER.match(str(hit.props.get("role", ""))) if hit.type == WORKS_AT else None
    if not match:
        return []
    hit.props["role"] = match.group("role") or match.group("role2")
    return [Found(FOUNDED, hit.source, hit.target, {}, hit.confidence, hit.rule)]
