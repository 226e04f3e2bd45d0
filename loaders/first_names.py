"""Given names, from the ``gender-guesser`` package's dictionary (about 40,000 names from many countries).

Used as evidence, never as a verdict: a mention that opens with a given name ("Jeanne Roe") leans
towards Person, and the name's usual gender lets coreference match "il"/"elle", "he"/"she".
"""
from __future__ import annotations

import functools

MALE, FEMALE = "male", "female"


@functools.lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as detector  # loads its dictionary once, on first use

    return detector.Detector(case_sensitive=False)


@functools.lru_cache(maxsize=65536)
def given_name_gender(word: str) -> str | None:
    """``"male"``, ``"female"``, ``"any"`` for a known given name (case-insensitive), else None."""
    if len(word) < 2 or not word[:1].isalpha():
        return None
    answer = _detector().get_gender(word.split("-")[0])
    if answer in ("male", "mostly_male"):
        return MALE
    if answer in ("female", "mostly_female"):
        return FEMALE
    return "any" if answer == "andy" else None


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a known given name."""
    return given_name_gender(word) is not None
