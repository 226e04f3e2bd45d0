"""Entity resolution: mentions to entities inside an article, and entities across articles.

Inside an article, variants of case, accents and apostrophes share a key, and
a lone surname (or first name) joins the one person the article names in
full with it. When two people share that name, the lone mention stays
unresolved rather than merging them. Across articles, entities meet on their
key or on any alias's key.
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.model import PERSON, Entity, entity_key
from loaders.mentions import Mention

logger = logging.getLogger(__name__)


@dataclass
class Resolution:
    """The entities of one article and which entity key each mention resolved to."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mention_keys: dict[int, str] = field(default_factory=dict)  # index in the mention list -> entity key

    def key_of(self, index: int) -> str | None:
        return self.mention_keys.get(index)


def _display_name(forms: Counter) -> str:
    """The most frequent surface form; on a tie, the one with more inner capitals ("LinkedIn")."""
    return max(forms, key=lambda f: (forms[f], sum(c.isupper() for c in f[1:]), len(f)))


def resolve_mentions(mentions: list[Mention]) -> Resolution:
    """Group an article's mentions into entities (one per key), joining lone names to full names."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        key = entity_key(mention.text)
        if key:
            by_key[key].append(index)

    full_names = [k for k in by_key if len(k.split()) >= 2 and _vote_type(mentions, by_key[k]) == PERSON]
    target_of: dict[str, str] = {}
    for key in by_key:
        if len(key.split()) != 1 or _vote_type(mentions, by_key[key]) != PERSON:
            continue
        candidates = [full for full in full_names if key in (full.split()[-1], full.split()[0])]
        if len(candidates) == 1:
            target_of[key] = candidates[0]
        elif len(candidates) > 1:
            logger.info("left %r unresolved: it could be any of %s", key, ", ".join(candidates))

    resolution = Resolution()
    groups: dict[str, list[int]] = defaultdict(list)
    for key, indexes in by_key.items():
        groups[target_of.get(key, key)].extend(indexes)
    for key, indexes in groups.items():
        own = Counter(mentions[i].text for i in indexes if entity_key(mentions[i].text) == key)
        forms = Counter(mentions[i].text for i in indexes)
        entity = Entity(key=key, type=_vote_type(mentions, indexes), name=_display_name(own or forms))
        for form in forms:
            entity.add_alias(form)
        resolution.entities[key] = entity
        resolution.mention_keys.update({i: key for i in indexes})
    return resolution


def _vote_type(mentions: list[Mention], indexes: list[int]) -> str:
    votes = Counter(mentions[i].type for i in indexes)
    return max(sorted(votes), key=votes.__getitem__)


class EntityIndex:
    """Resolves entities across articles: a new entity joins a known one sharing its key or an alias key."""

    def __init__(self, entities: dict[str, Entity] | None = None) -> None:
        self.entities: dict[str, Entity] = {}
        self._alias_keys: dict[str, str] = {}
        for entity in (entities or {}).values():
            self._index(entity)

    def _index(self, entity: Entity) -> None:
        self.entities[entity.key] = entity
        for alias in [entity.name, *entity.aliases]:
            self._alias_keys.setdefault(entity_key(alias), entity.key)

    def find(self, entity: Entity) -> str | None:
        """The key of the known entity this one is, if any."""
        if entity.key in self.entities:
            return entity.key
        for alias in [entity.name, *entity.aliases]:
            known = self._alias_keys.get(entity_key(alias))
            if known:
                return known
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
            stored.articles.append(article_id)
        self._index(stored)
        return known, False
