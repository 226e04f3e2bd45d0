"""Entity resolution: mentions to entities inside an article, and entities across articles.

Inside an article, variants of case, accents and apostrophes share a key, and
a lone surname (or first name) joins the one person the article names in
full with it. When two people share that name, the lone mention stays
unresolved rather than merging them. Across articles, entities meet on their
key or on any alias's key.
"""
from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from graph.model import ENTITY_TYPES, ORGANIZATION, PERSON, Entity, entity_key
from loaders.lexicon import ORG_SUFFIXES
from loaders.mentions import Mention

logger = logging.getLogger(__name__)


@dataclass
class Resolution:
    """The entities of one article and which entity key each mention resolved to."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mention_keys: dict[int, str] = field(default_factory=dict)  # index in the mention list -> entity key

    refers: dict[int, int] = field(default_factory=dict)  # pseudo-mention index -> index it stands for

    def key_of(self, index: int) -> str | None:
        """The entity key of a mention, following pseudo-mentions to what they stand for."""
        seen = set()
        while index in self.refers and index not in seen:
            seen.add(index)
            index = self.refers[index]
        return self.mention_keys.get(index)


def _display_name(forms: Counter) -> str:
    """The most frequent surface form; on a tie, the one with more inner capitals ("DataHub")."""
    return max(forms, key=lambda f: (forms[f], sum(c.isupper() for c in f[1:]), len(f)))


def resolve_mentions(mentions: list[Mention]) -> Resolution:
    """Group an article's mentions into entities (one per key), joining lone names to full names."""
    by_key: dict[str, list[int]] = defaultdict(list)
    own_key: dict[int, str] = {}  # mention index -> entity_key of its own text
    for index, mention in enumerate(mentions):
        if mention.is_pseudo or mention.type is None or mention.source == "turn":
            continue
        key = entity_key(mention.text)
        if key:
            by_key[key].append(index)
            own_key[index] = key

    types = {key: _vote_type(mentions, indexes) for key, indexes in by_key.items()}
    full_names = [(k, k.split()) for k in by_key if len(k.split()) >= 2 and types[k] == PERSON]
    target_of: dict[str, str] = {}
    for key in by_key:
        if types[key] != PERSON or len(key.split()) != 1:
            continue
        candidates = [full for full, words in full_names if key in (words[-1], words[0])]
        if len(candidates) == 1:
            target_of[key] = candidates[0]
        elif len(candidates) > 1:
            logger.info("left %r unresolved: it could be any of %s", key, ", ".join(candidates))

    target_of.update(_short_org_names([k for k in by_key if types[k] == ORGANIZATION]))
    resolution = Resolution()
    groups: dict[str, list[int]] = defaultdict(list)
    for key, indexes in by_key.items():
        groups[target_of.get(key, key)].extend(indexes)
    for key, indexes in groups.items():
        own = Counter(mentions[i].text for i in indexes if own_key[i] == key)
        forms = Counter(mentions[i].text for i in indexes)
        entity = Entity(key=key, type=_vote_type(mentions, indexes), name=_display_name(own or forms))
        for form in forms:
            entity.add_alias(form)
        resolution.entities[key] = entity
        resolution.mention_keys.update({i: key for i in indexes})
    resolution.refers.update({i: m.refers_to for i, m in enumerate(mentions) if m.refers_to is not None})
    return resolution


def _short_org_names(orgs: list[str]) -> dict[str, str]:
    """Organization keys that are a longer name without its ending ("tall oak" for "tall oak
    ventures", "acme" for "acme health") -> that longer key, when only one longer name fits."""
    suffixes = {s.lower().rstrip(".") for s in ORG_SUFFIXES}
    out: dict[str, str] = {}
    for key in orgs:
        longer = [k for k in orgs if k.startswith(key + " ") and all(w in suffixes for w in k[len(key) + 1:].split())]
        if len(longer) == 1:
            out[key] = longer[0]
    return out


def _vote_type(mentions: list[Mention], indexes: list[int]) -> str:
    votes = Counter(mentions[i].type for i in indexes if mentions[i].type)
    return max(sorted(votes), key=votes.__getitem__)


#: rapidfuzz ratios (0-100): at or above SURE two keys are spelling variants; between UNSURE and SURE a
#: merge also needs the structural checks of :func:`fuzzy_same` and is logged as unsure.
FUZZY_SURE = 95.0
FUZZY_UNSURE = 88.0
_SQUEEZE = re.compile(r"[\s-]")


def fuzzy_same(a: str, b: str, entity_type: str) -> bool:
    """Whether two entity keys are spellings of one name, conservatively.

    People need the same given names (hyphens aside: "jean-marc dupont" = "jean marc dupont") and a
    surname at most a typo away ("tissier" = "tisser"); different given names never merge ("anne
    martin" != "anna martin"). Organizations need a ratio of at least :data:`FUZZY_SURE`, or the same
    letters once spaces and hyphens are dropped ("data hub" = "datahub"). Keys under 5 letters never
    merge fuzzily.
    """
    if min(len(a), len(b)) < 5:
        return False
    ratio = fuzz.ratio(a, b)
    if entity_type == PERSON:
        if a.replace("-", " ").split() == b.replace("-", " ").split():
            return True
        words_a, words_b = a.split(), b.split()
        if len(words_a) != len(words_b) or len(words_a) < 2 or words_a[:-1] != words_b[:-1]:
            return False
        return fuzz.ratio(words_a[-1], words_b[-1]) >= 85 and ratio >= FUZZY_UNSURE
    return ratio >= FUZZY_SURE or (ratio >= FUZZY_UNSURE and _SQUEEZE.sub("", a) == _SQUEEZE.sub("", b))


class EntityIndex:
    """Resolves entities across articles: a new entity joins a known one sharing its key or an alias key.

    Fuzzy candidates are kept per type, in the order they came, and updated as entities are added:
    a list of keys per type (what :func:`rapidfuzz.process.extractOne` scans) and, for people, keys
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
        """A known entity of the same type whose key is a near spelling of this one's (see :func:`fuzzy_same`):
        the best-scoring known key (the first one on a tie) when it passes :func:`fuzzy_same`."""
        candidates = self._keys_by_type.get(entity.type)
        if not candidates or not self._could_join(entity):
            return None
        best = process.extractOne(entity.key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_UNSURE)
        if best is None:
            return None
        known, score, _ = best
        if fuzzy_same(entity.key, known, entity.type):
            if score < FUZZY_SURE:
                logger.warning("unsure merge: %r joined %r (similarity %.0f)", entity.name,
                               self.entities[known].name, score)
            return known
        logger.info("kept apart: %r and %r (similarity %.0f)", entity.name, self.entities[known].name, score)
        return None

    def add(self, entity: Entity, article_id: str) -> tuple[str, bool]:
        """Add or merge an entity; returns its key in the index and whether it is new."""
        known = self.find(entity)
        if known is None:
            stored = Entity(key=entity.key, type=entity.type, name=entity.name,
                            aliases=list(entity.aliases), articles=[article_id])
            self._index(stored)
            return stored.key, True
        stored = self.entities[known]
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
    ("g", word count, *given names). :func:`fuzzy_same` joins two people only when they share one."""
    blocks: list[tuple[str, ...]] = [("w", *key.replace("-", " ").split())]
    words = key.split()
    if len(words) >= 2:
        blocks.append(("g", str(len(words)), *words[:-1]))
    return blocks
