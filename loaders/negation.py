"""What did not happen: negation, conditionals, wishes, rumours, negotiations, generic statements.

``non_factual(clause)`` names why a clause states no fact (or returns None),
so relation rules can drop what was denied, imagined, planned or declined.
Restrictive "ne ... que" ("je ne lui ai parlé qu'une fois") is not a negation.
"""
from __future__ import annotations

import functools
import logging
import re

logger = logging.getLogger(__name__)

_NEGATION = re.compile(
    r"\b(?:ne|n['’])\s*(?:[\w’'-]+\s+){0,4}?(?:pas|jamais|plus|guère|point|aucune?|rien|nullement)\b"
    r"|\b(?:not|never|no longer|n['’]t|nor|neither)\b|\bsans\s+(?:avoir|être)\b|\bwithout\b",
    re.IGNORECASE,
)
#: French conditional of any verb (-rais, -rait, -raient, -rions, -riez), minus nouns ending alike.
_FR_CONDITIONAL = re.compile(r"\b[a-zàâçéèêëîïôûùüÿœ]{2,}(?:rais|rait|raient|rions|riez)\b")
_NOT_CONDITIONAL = re.compile(r"(?:trai[st]|vrais|frais|rais)$")
_HYPOTHETICAL = re.compile(
    r"\bs['’]il\s+avait\b|\bsi\s+(?:j['’]|il\s|elle\s|ils\s|elles\s|nous\s|vous\s|on\s)\w*\s*(?:avai|étai)\w*|"
    r"\bif\s+(?:i|he|she|they|we|you|it)\s+(?:had|were|was)\b|\b(?:could|would|might|should|may)\b|"
    r"\bsi\s+tout\b|\bau cas où\b|\bin case\b|\bimaginez\b|\bimagine\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:on|l['’]on)\s+(?:y\s+)?(?:peut|pouvait|pourra|pourrait|doit|devrait)\b|\bon\s+y\s+\w+|"
    r"\b(?:you|one|anyone|anybody)\s+(?:can|could|may|might)\b|\bn['’]importe qui\b|\btout le monde peut\b",
    re.IGNORECASE,
)
_PLANS = re.compile(
    r"\b(?:en|entre en|entrée? en)\s+(?:négociations?|discussions?|pourparlers)\b|\bnégoci\w+|\bpourparlers\b|"
    r"\bdiscussions?\s+(?:pour|avec|en vue)\b|\benvisag\w+|\bprojett?\w*\s+de\b|\bsouhait\w+|\bveu(?:t|lent|x)\b|"
    r"\bvoul\w+|\bwanted to\b|\bpropos\w*\s+d['’e]|\boffered to\b|\boffers? to\b|\boffre de\b|\bprêts? à\b|"
    r"\bvoudr\w+|\bespèr\w+|\bcompte\s+(?:racheter|investir|acquérir)|\bserait en passe\b|\bsur le point de\b|"
    r"\bin talks\b|\btalks to\b|\bnegotiat\w+|\bconsider\w*\b|\bplans? to\b|\bplanning to\b|\bwants? to\b|"
    r"\bhopes? to\b|\baims? to\b|\bis set to\b|\bexpected to\b|\bwill\b|\bgoing to\b|\bintends? to\b|"
    r"\bva\s+(?:racheter|investir|rejoindre|acquérir|fonder|créer|lancer)\b",
    re.IGNORECASE,
)
_RUMOUR = re.compile(
    r"\brumeurs?\b|\bbruits? de couloir\b|\bselon des sources\b|\baurait\b|\bauraient\b|\bserait\b|\bseraient\b|"
    r"\brumou?r\w*|\breportedly\b|\ballegedly\b|\bsaid to be\b|\bpeut-être\b|\bperhaps\b|\bmaybe\b",
    re.IGNORECASE,
)
_DECLINED = re.compile(
    r"\b(?:a|ont|avait|avons|ai)\s+(?:refusé|décliné|rejeté|repoussé)|\brefus\w*|\bdéclin\w*|\brejet\w*|"
    r"\bdeclin\w+|\brefused\b|\bturned down\b|\brejected\b|\bpassed on\b|\bpeur de prendre\b|"
    r"\béchou\w+|\bfailed to\b|\bfell through\b|\btentative\b|\battempt\w*|\btent\w+ de\b|\bavort\w+",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"\?\s*$")


@functools.lru_cache(maxsize=4096)
def non_factual(clause: str) -> str | None:
    """Why ``clause`` states no fact: "negation", "conditional", "generic", "plan", "rumour",
    "declined", "question"; None when it reads as a plain fact (a pure function of the words, cached: the
    lexical rules read the same pairs' clauses once per pass)."""
    if _NEGATION.search(clause):
        return "negation"
    if any(not _NOT_CONDITIONAL.search(m.group(0).lower()) for m in _FR_CONDITIONAL.finditer(clause.lower())):
        return "conditional"
    if _HYPOTHETICAL.search(clause):
        return "conditional"
    if _GENERIC.search(clause):
        return "generic"
    if _DECLINED.search(clause):
        return "declined"
    if _PLANS.search(clause):
        return "plan"
    if _RUMOUR.search(clause):
        return "rumour"
    if _QUESTION.search(clause):
        return "question"
    return None


def is_negated(sentence: str) -> bool:
    """True when a sentence or clause is negated, hypothetical, planned, rumoured or declined."""
    reason = non_factual(sentence)
    if reason:
        logger.debug("no fact in %r (%s)", sentence[:80], reason)
    return reason is not None
