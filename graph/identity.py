"""Identity across articles: which stored entity a newly extracted one is.

:class:`EntityIndex` joins an entity to a known one sharing its key or an alias key, or to the one known
entity a conservative fuzzy match (:func:`fuzzy_same`) allows: same digits, same words but for one typo
(a letter dropped, doubled or two letters swapped) in a long word, and for people the same given names.
A name with two fuzzy candidates joins neither (reported as ambiguous). The display name of a merged
entity is the best of the names its articles gave it (:func:`better_name`), whatever the order they came in.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict

from rapidfuzz import fuzz, process

from graph.model import ENTITY_TYPES, PERSON, Entity, entity_key

logger = logging.getLogger(__name__)


#: rapidfuzz ratios (0-100): candidates under UNSURE are not considered; a merge under SURE is logged as unsure.
FUZZY_SURE = 95.0
FUZZY_UNSURE = 88.0
#: A typo is tolerated only in words at least this long ("tisser" = "tissier", never "zorva" = "zorrva").
TYPO_MIN_LETTERS = 6
_SQUEEZE = re.compile(r"[\s-]")
_DIGITS = re.compile(r"\d+")


def _one_typo(a: str, b: str) -> bool:
    """Whether two different words are one typo apart: a letter dropped or doubled, or two neighbours
    swapped, in a word of at least :data:`TYPO_MIN_LETTERS` letters. A letter replaced by another makes
    another word ("orvel" / "orval", "anne" / "anna")."""
    if min(len(a), len(b)) < TYPO_MIN_LETTERS or _DIGITS.search(a + b):
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def fuzzy_same(a: str, b: str, entity_type: str) -> bool:
    """Whether two entity keys are spellings of one name, conservatively.

    Never when their numbers differ ("marie curie3" / "marie curie37"). Keys that are the same words
    once hyphens are spaces are the same ("jean-marc dupont" = "jean marc dupont"); so are organizations
    with the same letters once spaces and hyphens are dropped ("data hub" = "datahub"). Otherwise the
    words must be the same but one, and that one a typo away (:func:`_one_typo`); for people that word
    must be the surname: different given names never merge ("anne martin" != "anna martin"). Keys under
    5 letters never merge fuzzily.
    """
    if min(len(a), len(b)) < 5 or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    words_a, words_b = a.replace("-", " ").split(), b.replace("-", " ").split()
    if words_a == words_b:
        return True
    if entity_type != PERSON and _SQUEEZE.sub("", a) == _SQUEEZE.sub("", b):
        return True
    if len(words_a) != len(words_b) or fuzz.ratio(a, b) < FUZZY_UNSURE:
        return False
    different = [i for i in range(len(words_a)) if words_a[i] != words_b[i]]
    if len(different) != 1 or (entity_type == PERSON and (len(words_a) < 2 or different[0] != len(words_a) - 1)):
        return False
    return _one_typo(words_a[different[0]], words_b[different[0]])


_INNER_CAPITALS = re.compile(r"(?<=\w)[A-Z]")


def better_name(a: str, b: str) -> str:
    """The display name to keep of two names of one entity, whatever order they came in: one not all in
    capitals, then the one with more inner capitals ("LinkedIn"), then more accents ("Frédéric"), then
    the longer, then the first in alphabetical order."""
    def rank(name: str) -> tuple:
        return (name.isupper(), -len(_INNER_CAPITALS.findall(name)), -sum(ord(c) > 127 for c in name), -len(name),
                name)
    return min(a, b, key=rank)


class EntityIndex:
    """Resolves entities across articles: a new entity joins a known one sharing its key or an alias key.

    Fuzzy candidates are kept per type, in the order they came, and updated as entities are added:
    a list of keys per type (what :func:`rapidfuzz.process.extract` scans) and, for people, keys
    by their words and by their given names (:func:`_person_blocks`), the only keys :func:`fuzzy_same`
    can join a person to: a person sharing none of them with a known one skips the scan.
    """

    def __init__(self, entities: dict[str, Entity] | None = None, alias_keys: dict[str, str] | None = None) -> None:
        """Index ``entities`` in their order. ``alias_keys`` (name or alias key -> entity key) may give what
        indexing them would compute, as a store keeps it: the first entity naming a key keeps it."""
        self.entities: dict[str, Entity] = {}
        self._alias_keys: dict[str, str] = dict(alias_keys or {})
        self._keys_by_type: dict[str, list[str]] = defaultdict(list)
        self._people_by_block: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for entity in (entities or {}).values():
            self._index(entity, aliases=alias_keys is None)

    def _index(self, entity: Entity, aliases: bool = True) -> None:
        if entity.key not in self.entities:
            self._keys_by_type[entity.type].append(entity.key)
            if entity.type == PERSON:
                for block in _person_blocks(entity.key):
                    self._people_by_block[block].append(entity.key)
        self.entities[entity.key] = entity
        if aliases:
            for alias in [entity.name, *entity.aliases]:
                self._alias_keys.setdefault(entity_key(alias), entity.key)

    def find(self, entity: Entity) -> str | None:
        """The key of the known entity this one is, if any: same key, an alias key, or a safe fuzzy match."""
        if entity.key in self.entities:
            return entity.key
        for alias in [entity.name, *entity.aliases]:
            known = self._alias_keys.get(entity_key(alias))
            if known and self.entities[known].type == entity.type:
                return known
        return self._fuzzy(entity)

    def _could_join(self, entity: Entity) -> bool:
        """False when no known person can pass :func:`fuzzy_same` with this one (checked on its blocks only)."""
        if entity.type != PERSON or logger.isEnabledFor(logging.INFO):
            return True
        same_words, *same_given_names = _person_blocks(entity.key)
        if any(fuzzy_same(entity.key, known, PERSON) for known in self._people_by_block.get(same_words, ())):
            return True
        for block in same_given_names:  # fuzzy_same needs a ratio of FUZZY_UNSURE there: rapidfuzz filters first
            near = process.extract(entity.key, self._people_by_block.get(block, ()), scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_UNSURE, limit=None)
            if any(fuzzy_same(entity.key, known, PERSON) for known, _, _ in near):
                return True
        return False

    def _fuzzy(self, entity: Entity) -> str | None:
        """The one known entity of the same type whose key is a near spelling of this one's (see
        :func:`fuzzy_same`); None when there is none, or more than one (reported: no guessing)."""
        candidates = self._keys_by_type.get(entity.type)
        if not candidates or not self._could_join(entity):
            return None
        near = process.extract(entity.key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_UNSURE, limit=None)
        same = [(known, score) for known, score, _ in near if fuzzy_same(entity.key, known, entity.type)]
        if len(same) > 1:
            logger.warning("ambiguous: %r could be any of %s; kept apart", entity.name,
                           ", ".join(repr(self.entities[k].name) for k, _ in same))
            return None
        if not same:
            if near:
                logger.info("kept apart: %r and %r (similarity %.0f)", entity.name, self.entities[near[0][0]].name,
                            near[0][1])
            return None
        known, score = same[0]
        if score < FUZZY_SURE:
            logger.warning("unsure merge: %r joined %r (similarity %.0f)", entity.name, self.entities[known].name, score)
        return known

    def add(self, entity: Entity, article_id: str) -> tuple[str, bool]:
        """Add or merge an entity; returns its key in the index and whether it is new."""
        known = self.find(entity)
        if known is None:
            stored = Entity(key=entity.key, type=entity.type, name=entity.name,
                            aliases=list(entity.aliases), articles=[article_id])
            self._index(stored)
            return stored.key, True
        stored = self.entities[known]
        name = better_name(stored.name, entity.name)
        if name != stored.name:
            stored.name, previous_name = name, stored.name
            stored.aliases = [a for a in stored.aliases if a != name]
            stored.add_alias(previous_name)
        for alias in [entity.name, *entity.aliases]:
            stored.add_alias(alias)
        if article_id not in stored.articles:
            previous = stored.type
            if entity.type in ENTITY_TYPES and stored.vote_type(entity.type):
                logger.info("%r is now a %s: most articles type it so", stored.name, stored.type)
                self._move_type(stored, previous)
            stored.articles.append(article_id)
        self._index(stored)
        return known, False

    def _move_type(self, entity: Entity, previous: str) -> None:
        """Re-file an entity whose type changed in the per-type fuzzy candidates."""
        if entity.key in self._keys_by_type[previous]:
            self._keys_by_type[previous].remove(entity.key)
        self._keys_by_type[entity.type].append(entity.key)
        for block in _person_blocks(entity.key):
            if previous == PERSON and entity.key in self._people_by_block[block]:
                self._people_by_block[block].remove(entity.key)
            elif entity.type == PERSON:
                self._people_by_block[block].append(entity.key)


def _person_blocks(key: str) -> list[tuple[str, ...]]:
    """The blocks of a person key: ("w", *words once hyphens are spaces) and, for two words or more,
    ("g", word count, *given names), words also split at hyphens. :func:`fuzzy_same` joins two people only
    when they share one."""
    words = key.replace("-", " ").split()
    blocks: list[tuple[str, ...]] = [("w", *words)]
    if len(words) >= 2:
        blocks.append(("g", str(len(words)), *words[:-1]))
    return blocks
