"""Entity resolution: mentions to entities inside an article, and entities across articles.

Inside an article, variants of case, accents and apostrophes share a key, and
a lone surname (or first name) joins the one person the article names in
full with it. When two people share that name, the lone mention stays
unresolved rather than merging them. Across articles, entities meet in
:class:`graph.identity.EntityIndex`.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from graph.model import ORGANIZATION, PERSON, Entity, entity_key
from loaders.lexicon import ORG_SUFFIXES
from loaders.mentions import Mention

logger = logging.getLogger(__name__)


@dataclass
class Resolution:
    """The entities of one article and which entity key each mention resolved to."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mention_keys: dict[int, str] = field(default_factory=dict)  # index in the mention list -> entity key

    refers: dict[int, int] = field(default_factory=dict)  # pseudo-mention index -> index it stands for
    #: (index, text, type) of every mention the entities come from: all that ``entities`` and ``mention_keys`` depend on
    named: tuple[tuple[int, str, str], ...] = ()

    def key_of(self, index: int) -> str | None:
        """The entity key of a mention, following pseudo-mentions to what they stand for."""
        if index not in self.refers:  # (most mentions: no chain to follow)
            return self.mention_keys.get(index)
        seen = set()
        while index in self.refers and index not in seen:
            seen.add(index)
            index = self.refers[index]
        return self.mention_keys.get(index)


def _tally(items: Iterable[str]) -> dict[str, int]:
    """How many times each item comes, in order of first sight (a ``Counter`` without its per-call overhead:
    the stages resolve an article's mentions several times)."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _display_name(forms: dict[str, int]) -> str:
    """The most frequent surface form; on a tie, the one with more inner capitals ("DataHub")."""
    if len(forms) == 1:  # (most names: one form, nothing to weigh)
        return next(iter(forms))
    return max(forms, key=lambda f: (forms[f], sum(c.isupper() for c in f[1:]), len(f)))


def resolve_mentions(mentions: list[Mention], previous: Resolution | None = None) -> Resolution:
    """Group an article's mentions into entities (one per key), joining lone names to full names.

    ``previous``, a resolution of the same article's mentions before pseudo-mentions were added: its entities are
    taken as they are when the named mentions are the same (the coreference stage resolves several times).
    """
    named = tuple((index, mention.text, mention.type) for index, mention in enumerate(mentions)
                  if not (mention.is_pseudo or mention.type is None or mention.source == "turn"))
    if previous is not None and previous.named == named:
        resolution = Resolution(entities=dict(previous.entities), mention_keys=dict(previous.mention_keys),
                                named=named)
    else:
        resolution = _named_entities(mentions)
        resolution.named = named
    resolution.refers.update({i: m.refers_to for i, m in enumerate(mentions) if m.refers_to is not None})
    return resolution


def _named_entities(mentions: list[Mention]) -> Resolution:
    """The entities of the named mentions and each one's key (no pseudo-mention followed yet)."""
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
        own = _tally(mentions[i].text for i in indexes if own_key[i] == key)
        forms = _tally(mentions[i].text for i in indexes)
        entity = Entity(key=key, type=_vote_type(mentions, indexes), name=_display_name(own or forms))
        for form in forms:
            entity.add_alias(form)
        resolution.entities[key] = entity
        resolution.mention_keys.update({i: key for i in indexes})
    return resolution


#: Organization suffixes as they end a key ("ventures", "inc"), folded once.
_KEY_SUFFIXES = frozenset(s.lower().rstrip(".") for s in ORG_SUFFIXES)


def _short_org_names(orgs: list[str]) -> dict[str, str]:
    """Organization keys that are a longer name without its ending ("tall oak" for "tall oak
    ventures", "acme" for "acme health") -> that longer key, when no other longer name starts the same way."""
    suffixes = _KEY_SUFFIXES
    out: dict[str, str] = {}
    for key in orgs:
        starting = [k for k in orgs if k.startswith(key + " ")]
        longer = [k for k in starting if all(w in suffixes for w in k[len(key) + 1:].split())]
        if len(longer) == 1 and len(starting) == 1:  # "Acme" beside "Acme Labs" and "Acme Security": either one
            out[key] = longer[0]
    return out


def _vote_type(mentions: list[Mention], indexes: list[int]) -> str:
    votes = _tally(mentions[i].type for i in indexes if mentions[i].type)
    return max(sorted(votes), key=votes.__getitem__)
