"""EntityIndex at a few thousand entities: its fuzzy match decides exactly as a brute-force scan would."""
from __future__ import annotations

import logging
import random

import pytest
from rapidfuzz import fuzz, process

from graph.model import ORGANIZATION, PERSON, Entity, entity_key
from graph.identity import FUZZY_UNSURE, EntityIndex, fuzzy_same

GIVEN = ["anne", "anna", "jean", "jean-marc", "marc", "paul", "lea", "tom", "camille", "yann", "sofia", "lucas"]
SYLLABLES = ["ber", "dan", "el", "fo", "gar", "is", "lo", "mar", "nel", "or", "pen", "ri", "sel", "tis", "ver", "zu"]
ORG_ENDINGS = ["", " labs", " ventures", " capital", " sas", " data"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word))
    return rng.choice([word[:i] + word[i + 1:], word[:i] + rng.choice("aeiourst") + word[i:],
                       word[:i] + rng.choice("aeiourst") + word[i + 1:]])


def _synthetic_entities(count: int, seed: int) -> list[Entity]:
    """Distinct people and organizations, with near spellings of earlier ones mixed in (typos,
    hyphens, squeezed spaces) so both merges and near misses happen."""
    rng = random.Random(seed)
    out: list[Entity] = []
    for _ in range(count):
        roll = rng.random()
        if out and roll < 0.25:
            base = rng.choice(out)
            key = base.key
            variant = rng.choice(["typo", "hyphen", "squeeze", "given"])
            if variant == "typo":
                words = key.split()
                words[-1] = _typo(rng, words[-1])
                key = " ".join(words)
            elif variant == "hyphen":
                key = key.replace("-", " ") if "-" in key else key.replace(" ", "-", 1)
            elif variant == "squeeze":
                key = key.replace(" ", "", 1)
            else:
                key = rng.choice(GIVEN) + " " + key.split()[-1]
            kind = base.type
        elif roll < 0.75:
            key = f"{rng.choice(GIVEN)} {_word(rng, rng.randint(1, 3))}"
            kind = PERSON
        else:
            key = _word(rng, rng.randint(1, 4)) + rng.choice(ORG_ENDINGS)
            kind = ORGANIZATION
        key = entity_key(key)
        if key:
            out.append(Entity(key=key, type=kind, name=key.title()))
    return out


def _brute_force_find(index: EntityIndex, entity: Entity) -> str | None:
    """The reference: same key, an alias key, else the one known key of the type that passes fuzzy_same."""
    if entity.key in index.entities:
        return entity.key
    for alias in [entity.name, *entity.aliases]:
        known = index._alias_keys.get(entity_key(alias))
        if known and index.entities[known].type == entity.type:
            return known
    candidates = [k for k, e in index.entities.items() if e.type == entity.type]
    near = process.extract(entity.key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_UNSURE, limit=None)
    same = [known for known, _, _ in near if fuzzy_same(entity.key, known, entity.type)]
    return same[0] if len(same) == 1 else None


@pytest.mark.parametrize("count,seed,level", [(3000, 7, logging.WARNING), (1500, 11, logging.INFO)])
def test_resolve_index_matches_brute_force_at_scale(caplog, count: int, seed: int, level: int) -> None:
    caplog.set_level(level, logger="graph.identity")
    entities = _synthetic_entities(count, seed)
    sample = set(random.Random(seed).sample(range(len(entities)), len(entities) // 5))
    index = EntityIndex()
    merged = 0
    for position, entity in enumerate(entities):
        expected = _brute_force_find(index, entity) if position in sample else None
        found = index.find(entity)
        if position in sample:
            assert found == expected, entity.key
            merged += found is not None and found != entity.key
        index.add(entity, f"a{position}")
    assert merged > 10  # the sample holds fuzzy merges, not only new entities
    assert len(index.entities) > count // 2
