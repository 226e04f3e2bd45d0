"""Language of an article: French or English, which chooses the spaCy pipeline."""
from __future__ import annotations

from py3langid.langid import classify, set_languages

SUPPORTED = ("fr", "en")
set_languages(list(SUPPORTED))


def detect_language(text: str, default: str = "fr") -> str:
    """``"fr"`` or ``"en"`` for a text; ``default`` when the text has no letters."""
    if not any(c.isalpha() for c in text):
        return default
    language, _score = classify(text[:5000])
    return language if language in SUPPORTED else default
