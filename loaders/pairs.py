"""Relations read from the words between two names: the lexical rules of :mod:`loaders.relations`
run over the pairs of mentions of each sentence, widened to coordinated names ("auprès de A et B").

The parse (:mod:`loaders.parse_relations`) is the main reader; these rules stay where the parse cannot
serve: names the parser cut or misattached, and the words of a clause read as one ("X, ancien PDG de Y").
Only pairs at most :data:`PAIR_WINDOW` characters apart are read, so a list of a thousand names costs
in proportion to its length.
"""
from __future__ import annotations

import re
from typing import Iterable

from graph.model import FOUNDED, INVESTED_IN, WORKS_AT, Evidence, Relation
from loaders.mentions import Mention
from loaders.relations import relations_between
from loaders.resolve import Resolution

_CLAUSE_BREAKS = (";", " mais ", " but ", " – ", " — ", "? ", "! ", "»", "”", '," ', '." ', '" ')
_CONJUNCTION = re.compile(r"^\s*(?:(?:en|in|dès|depuis|since)\s+\d{4}\s*)?(?:,|(?:,?\s*(?:et|and|&|ainsi que|as well as|puis))\s*"
                          r"(?:(?:de|d['’]|du|des|from|with|by|par|auprès d['’]|auprès de)\s*)?"
                          r"(?:(?:l['’]|le|la|les|the)\s*)?(?:(?!(?:of|de|du|des|d|at|chez|from|in|for|pour|by|par|qui|who|à|au|aux|to|et|"
                          r"and|with|avec)\b)[a-zà-ÿ][\w-]*\s+){0,2})\s*$", re.IGNORECASE)
#: Relation types whose source may be a person or an organization: their conjuncts may mix both.
_MIXED_SOURCES = {INVESTED_IN}
#: Rules whose organization is bound to the title right after it ("A and B partner C": C works at B only).
_TIGHT_TARGETS = {"org-title-person", "org-possessive-person"}
_NEW_SUBJECT = re.compile(r"(?:[,;]|\bet\b|\band\b|\bmais\b|\bbut\b|\bpuis\b|\bthen\b)\s*"
                          r"(?:je|j['’]|il|elle|ils|elles|nous|I|he|she|they|we)\b(?!['’])", re.IGNORECASE)
#: The farthest apart (in characters) two mentions can be for a lexical rule to read them: the longest
#: rule spans 30 words.
PAIR_WINDOW = 300
_COMPLEMENT = re.compile(r"\b[a-zà-ÿ][\w-]*\s+(?:de|du|des|d['’]|of)\s*$", re.IGNORECASE)
_GENERIC_ROLES = {"patron", "patronne", "boss", "dirigeant", "dirigeante"}
#: A role that only says founder ("site co-founder"): the FOUNDED relation says it already.
_FOUNDER_ROLE = re.compile(r"^(?:[\w-]+\s+)?(?:co-?)?(?:founder|fondat(?:eur|rice)|créat(?:eur|rice))s?$", re.IGNORECASE)


def evidence(text: str, start: int, end: int, article_id: str = "") -> Evidence:
    """The evidence of the sentence ``text[start:end]``, its edges' spaces trimmed (the article id is
    stamped when the extraction meets its article, see :func:`loaders.pipeline.extraction_of`)."""
    sentence = text[start:end]
    lead = len(sentence) - len(sentence.lstrip())
    trail = len(sentence.rstrip())
    return Evidence(article_id=article_id, sentence=sentence[lead:trail], start=start + lead, end=start + trail)


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts (after the last ";", "mais", "but"... before it)."""
    start = max(sentence_start, position - PAIR_WINDOW)  # no rule reads farther back
    window = text[start:position]
    cut = max((window.rfind(b) + len(b) for b in _CLAUSE_BREAKS if b in window), default=0)
    return start + cut


def read_pairs(text: str, spans: list[tuple[int, int]], mentions: list[Mention], resolution: Resolution,
               only_pseudo: bool) -> list[Relation]:
    """Run the lexical relation rules over the ordered pairs of mentions of each sentence, at most
    :data:`PAIR_WINDOW` characters apart (``only_pseudo``: pairs with a first-person mention only)."""
    found: list[Relation] = []
    by_sentence: dict[int, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_sentence.setdefault(mention.sentence, []).append(index)
    for sentence, indexes in by_sentence.items():
        s_start, s_end = spans[sentence]
        indexes = sorted(indexes, key=lambda i: mentions[i].start)
        for a, left in enumerate(indexes):
            for b in range(a + 1, len(indexes)):
                right = indexes[b]
                lm, rm = mentions[left], mentions[right]
                if rm.start - lm.end > PAIR_WINDOW:
                    break  # no rule reads that far: the work stays linear in the names of a long list
                if only_pseudo and not (lm.source == "first_person" or rm.source == "first_person"):
                    continue
                if rm.start < lm.end:
                    continue
                lk, rk = resolution.key_of(left), resolution.key_of(right)
                if lk is None or rk is None or lk == rk:
                    continue
                between = text[lm.end:rm.start]
                if _person_between(mentions, indexes[a + 1:b], lm, rm, resolution, between):
                    continue
                if "(" in between and between.split("(", 1)[0].strip(" ,"):
                    continue  # a parenthesis speaks of the name right before it: "A, B (acquired by C)"
                after = text[rm.end:min(s_end, rm.end + PAIR_WINDOW)]
                clause = text[_clause_start(text, s_start, lm.start):rm.end]
                lt, rt = resolution.entities[lk].type, resolution.entities[rk].type
                before = text[max(s_start, lm.start - PAIR_WINDOW):lm.start]
                complement = bool(_COMPLEMENT.search(before)) and between.lstrip().startswith(",")
                for hit in relations_between(left, right, lt, rt, between, after=after, clause=clause,
                                             before=before):
                    if complement and hit.source == left and lt == "Person":
                        continue  # "A, une amie de B, a rejoint C": B is the complement of a noun, not the subject
                    found_in = [evidence(text, s_start, s_end)]
                    for source_i, target_i in _with_conjuncts(text, mentions, indexes, hit.source, hit.target,
                                                              resolution, hit.type in _MIXED_SOURCES,
                                                              hit.rule in _TIGHT_TARGETS or "(" in between):
                        source, target = resolution.key_of(source_i), resolution.key_of(target_i)
                        if source and target and source != target:
                            found.append(Relation(type=hit.type, source=source, target=target,
                                                  props=dict(hit.props), evidence=list(found_in),
                                                  confidence=hit.confidence if (source_i, target_i) == (
                                                      hit.source, hit.target) else hit.confidence * 0.9))
    return found


def _conjuncts(text: str, mentions: list[Mention], indexes: list[int], index: int,
               resolution: Resolution, any_type: bool = False) -> list[int]:
    """The mention and those coordinated with it ("A, B et C", "A and B"), same entity type only unless
    ``any_type`` (investors: "auprès du fonds A et de l'investisseur B")."""
    order = sorted(indexes, key=lambda i: mentions[i].start)
    position = order.index(index)
    kind = resolution.entities[resolution.key_of(index)].type if resolution.key_of(index) else None
    group = [index]
    for step in (1, -1):
        current = position
        while 0 <= current + step < len(order):
            a, b = sorted((order[current], order[current + step]), key=lambda i: mentions[i].start)
            gap = text[mentions[a].end:mentions[b].start]
            other = order[current + step]
            key = resolution.key_of(other)
            if not _CONJUNCTION.match(gap) or key is None or (resolution.entities[key].type != kind and not any_type):
                break
            group.append(other)
            current += step
    return group


def _with_conjuncts(text: str, mentions: list[Mention], indexes: list[int], source: int, target: int,
                    resolution: Resolution, mixed_sources: bool = False, tight_target: bool = False) -> list[tuple[int, int]]:
    """The pair a rule read, plus the pairs its coordinated mentions make ("auprès de A et B");
    ``tight_target``: the target is bound to its own words ("A and B partner C": C is at B only)."""
    targets = [target] if tight_target else _conjuncts(text, mentions, indexes, target, resolution)
    return [(s, t) for s in _conjuncts(text, mentions, indexes, source, resolution, mixed_sources) for t in targets]


def _person_between(mentions: list[Mention], indexes: list[int], lm: Mention, rm: Mention,
                    resolution: Resolution, between: str = "") -> bool:
    """True when another person is named between the two mentions (the nearer one is the subject),
    or a new clause opens with a personal pronoun ("X mentored me, and I met Y")."""
    if lm.type != "Person":
        return False
    for i in indexes:  # the cheap test first: in a long list of people it settles almost every pair
        m = mentions[i]
        if lm.end <= m.start and m.end <= rm.start and m.source not in ("descriptor",):
            key = resolution.key_of(i)
            if key and resolution.entities[key].type == "Person":
                return True
    return bool(_NEW_SUBJECT.search(between))


def merge_relations(relations: Iterable[Relation]) -> list[Relation]:
    """One relation per key; each further sighting in another sentence raises the confidence."""
    merged: dict[tuple[str, str, str], Relation] = {}
    for relation in relations:
        known = merged.get(relation.key)
        if known is None:
            merged[relation.key] = relation
            continue
        before = len(known.evidence)
        known.merge(relation)
        if len(known.evidence) > before:
            known.confidence = min(0.99, known.confidence + (1 - known.confidence) * 0.3)
    founded = {(r.source, r.target) for r in merged.values() if r.type == FOUNDED}
    return [r for r in merged.values()
            if not (r.type == WORKS_AT and (r.source, r.target) in founded
                    and (str(r.props.get("role", "")).lower() in _GENERIC_ROLES | {""}
                         or _FOUNDER_ROLE.search(str(r.props.get("role", "")))))]
