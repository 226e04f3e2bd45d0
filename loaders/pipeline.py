"""The extraction stages as spaCy pipeline components, run over the Doc right after the parser and NER.

    mentions -> entity types -> coreference -> relations -> extraction record

Each stage is a component (:func:`spacy.language.Language.factory`) that reads what the stages before it
left on ``doc._.foundergraph_state`` and adds its own part; no stage calls back into an earlier one. The
last stage leaves the small record on ``doc._.foundergraph_found`` (entities and relations, with evidence
offsets) and drops the working state, so ``nlp.pipe`` over many texts keeps nothing heavy per doc and a
worker process sends back only records (:func:`loaders.extract.extract_articles`).

- **mentions** (:mod:`loaders.mentions`, :func:`loaders.parse_relations.slot_candidates`): names from NER
  and capitalized spans, plus the proper nouns that fill a trigger's slot;
- **entity types** (:mod:`loaders.entity_types`): votes from labels, words, context and the parse's slots;
  organization and person descriptors (:mod:`loaders.coref`);
- **coreference**: entities per article (:mod:`loaders.resolve`), descriptors resolved through the lexical
  rules' first reading, quotes and interview answers give first-person mentions to their speakers
  (:mod:`loaders.speakers`), pronouns and descriptions by salience (:mod:`loaders.salience`);
- **relations**: the dependency parse (:mod:`loaders.parse_relations`), the lexical rules between names
  (:mod:`loaders.pairs`), funding rounds (:mod:`loaders.funding`), merged one relation per fact;
- **extraction record**: sorted entities and relations on ``doc._.foundergraph_found``.

:func:`extraction_of` turns a doc into the :class:`~graph.model.Extraction` of its article (stamping the
article's id into the evidence), running the stages itself on a doc parsed without them.
"""
from __future__ import annotations

import bisect
import dataclasses
import logging
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.model import ACQUIRED, FOUNDED, INVESTED_IN, WORKS_AT, Article, Extraction, Relation
from loaders.coref import (is_founder_role, main_person_descriptors, org_descriptors, person_descriptors,
                           resolve_person_descriptors)
from loaders.entity_types import assign_types
from loaders.funding import funding_relations
from loaders.mentions import Mention, doc_text, find_mentions, token_mentions
from loaders.pairs import evidence, merge_relations, read_pairs
from loaders.parse_relations import Context, raiser_finder, read_relations, slot_candidates, slot_votes
from loaders.resolve import Resolution, resolve_mentions
from loaders.salience import salient_mentions
from loaders.sentences import sentences
from loaders.speakers import first_person_mentions, narrator_mentions, narrators, speaker_quotes, turn_labels

logger = logging.getLogger(__name__)

#: The components, in the order they run.
STAGES = ("foundergraph_mentions", "foundergraph_types", "foundergraph_coreference", "foundergraph_relations",
          "foundergraph_record")


@dataclass
class State:
    """What the stages pass on over one doc (``doc._.foundergraph_state``)."""

    text: str
    sents: list[Span]
    spans: list[tuple[int, int]]  # character offsets of each sentence
    starts: list[int]  # the first character of each sentence, for bisection
    mentions: list[Mention] = field(default_factory=list)
    slot_votes: dict[int, dict[str, float]] = field(default_factory=dict)
    resolution: Resolution | None = None
    lexical: list[Relation] = field(default_factory=list)  # the lexical rules' reading, kept by coreference
    relations: list[Relation] = field(default_factory=list)

    def sentence_of_char(self, position: int) -> int:
        """The number of the sentence holding a character offset."""
        return max(0, bisect.bisect_right(self.starts, position) - 1)


for _name, _default in (("foundergraph_state", None), ("foundergraph_found", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _state(doc: Doc) -> State:
    if doc._.foundergraph_state is None:
        sents = sentences(doc)
        spans = [(s.start_char, s.end_char) for s in sents]
        doc._.foundergraph_state = State(text=doc_text(doc), sents=sents, spans=spans, starts=[s for s, _ in spans])
    return doc._.foundergraph_state


def find_mentions_stage(doc: Doc) -> Doc:
    """Names (NER and capitalized spans) outside interview turn labels, and proper nouns filling a slot."""
    state = _state(doc)
    labels = turn_labels(state.text)
    mentions = [m for m in find_mentions(doc) if not any(s <= m.start < e for s, e in labels)]
    named = len(mentions)
    mentions += [m for m in slot_candidates(doc, token_mentions(doc, mentions))
                 if not any(s <= m.start < e for s, e in labels)]
    for mention in mentions[named:]:
        mention.sentence = state.sentence_of_char(mention.start)
    votes = slot_votes(doc, token_mentions(doc, mentions), state.sents)
    kept = list(range(named)) + [i for i in range(named, len(mentions)) if i in votes]  # candidates must fill a slot
    state.mentions = [mentions[i] for i in kept]
    state.slot_votes = {new: votes[old] for new, old in enumerate(kept) if old in votes}
    return doc


def type_entities_stage(doc: Doc) -> Doc:
    """Person or Organization for every name, by votes; descriptors of organizations and people."""
    state = _state(doc)
    assign_types(state.text, state.mentions, doc, state.slot_votes)
    state.mentions += org_descriptors(state.text, state.mentions, state.spans, doc)
    state.mentions += person_descriptors(state.text, state.mentions)
    return doc


def coreference_stage(doc: Doc) -> Doc:
    """Entities of the article and what every descriptor, first person, pronoun and description stands for."""
    state = _state(doc)
    text, spans, mentions = state.text, state.spans, state.mentions
    resolution = resolve_mentions(mentions)
    lexical = read_pairs(text, spans, mentions, resolution, only_pseudo=False)
    if resolve_person_descriptors(mentions, resolution.key_of, lexical):  # "le fondateur de X" -> who founded X
        resolution = resolve_mentions(mentions)
        lexical = read_pairs(text, spans, mentions, resolution, only_pseudo=False)
    described = main_person_descriptors(mentions, resolution.key_of, text=text)
    if described:  # "Le fondateur d'X, qui ...": the main person, just named, founded X
        resolution = resolve_mentions(mentions)
        lexical += [_described_relation(state, mentions, resolution, d) for d, _ in described]
    quotes = speaker_quotes(text, mentions)
    mentions += first_person_mentions(text, quotes, state.sentence_of_char)
    quoted = [(q.start, q.end) for q in quotes]
    mentions += narrator_mentions(text, narrators(text, mentions, quoted), quoted, state.sentence_of_char)
    resolution = resolve_mentions(mentions, resolution)  # (first persons are pseudo-mentions: the same entities)
    lexical += read_pairs(text, spans, mentions, resolution, only_pseudo=True)
    funded = {state.sentence_of_char(e.start): r.target for r in lexical if r.type == INVESTED_IN for e in r.evidence}
    lexical += funding_relations(text, spans, mentions, resolution, lambda s: evidence(text, *spans[s]), funded)
    covered = token_mentions(doc, mentions, lambda index: resolution.key_of(index) is not None)
    mentions += salient_mentions(doc, mentions, state.sents, covered)
    state.resolution = resolve_mentions(mentions, resolution)
    state.lexical = lexical
    return doc


def _described_relation(state: State, mentions: list[Mention], resolution: Resolution, descriptor: int) -> Relation:
    """The fact a resolved person descriptor states: "le fondateur de X" founded X, "the CEO of X" works there."""
    mention = mentions[descriptor]
    founder = is_founder_role(mention.role or "")
    start, end = state.spans[mention.sentence]
    return Relation(type=FOUNDED if founder else WORKS_AT, source=resolution.key_of(descriptor),
                    target=resolution.key_of(mention.about), props={} if founder else {"role": mention.role},
                    evidence=[evidence(state.text, start, end)], confidence=0.6)


def relations_stage(doc: Doc) -> Doc:
    """Relations from the parse, with the lexical rules' and the funding rounds', one per fact."""
    state = _state(doc)
    parsed = _parse_relations(doc, state)
    state.relations = merge_relations(_not_contradicted(state.lexical, parsed) + parsed)
    return doc


#: Facts with one doer per clause: when the parse names who founded or bought X in a sentence, a lexical reading
#: of that sentence naming someone else is the words between two names misread.
_ONE_DOER = frozenset({FOUNDED, ACQUIRED})


def _not_contradicted(lexical: list[Relation], parsed: list[Relation]) -> list[Relation]:
    """The lexical readings the parse does not contradict ("A, who met B in 2010, founded X": the words
    ", founded" between B and X read B as a founder; the parse says A)."""
    doers = {(r.type, r.target, e.start): set() for r in parsed if r.type in _ONE_DOER for e in r.evidence}
    for relation in parsed:
        for item in relation.evidence:
            if (relation.type, relation.target, item.start) in doers:
                doers[relation.type, relation.target, item.start].add(relation.source)
    return [r for r in lexical if not any(
        r.source not in doers.get((r.type, r.target, e.start), {r.source}) for e in r.evidence)]


def record_stage(doc: Doc) -> Doc:
    """The small record the doc keeps: entities and relations; the working state is dropped."""
    state = _state(doc)
    resolution = state.resolution if state.resolution is not None else resolve_mentions(state.mentions)
    entities = sorted(resolution.entities.values(), key=lambda e: e.key)
    doc._.foundergraph_found = (entities, state.relations)
    doc._.foundergraph_state = None
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("foundergraph_")]:
        del doc.user_data[key]  # the stages' per-doc caches (text, sentences, positions)
    logger.debug("%d entities, %d relations", len(entities), len(state.relations))
    return doc


_STAGE_FUNCTIONS = dict(zip(STAGES, (find_mentions_stage, type_entities_stage, coreference_stage, relations_stage,
                                     record_stage)))


def _register(name: str) -> None:
    stage = _STAGE_FUNCTIONS[name]

    @Language.factory(name)
    def make_stage(nlp: Language, name: str):  # noqa: ARG001 - spaCy passes the pipeline and the name
        return stage


for _stage_name in STAGES:
    if not Language.has_factory(_stage_name):
        _register(_stage_name)


def add_stages(nlp: Language) -> Language:
    """Add the extraction stages at the end of ``nlp`` (once)."""
    for name in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def run_stages(doc: Doc) -> Doc:
    """Run the stages on a doc a pipeline without them parsed."""
    for stage in _STAGE_FUNCTIONS.values():
        doc = stage(doc)
    return doc


def extraction_of(article: Article, doc: Doc) -> Extraction:
    """The extraction of ``article`` from ``doc``, the parse of its text (the stages run if they have not)."""
    if doc._.foundergraph_found is None:
        run_stages(doc)
    entities, relations = doc._.foundergraph_found
    for relation in relations:
        relation.evidence = [dataclasses.replace(e, article_id=article.id) for e in relation.evidence]
    for entity in entities:
        entity.articles = [article.id]
    logger.debug("%s: %d entities, %d relations", article.path, len(entities), len(relations))
    return Extraction(article=article, entities=list(entities), relations=list(relations))


def _parse_relations(doc: Doc, state: State) -> list[Relation]:
    """Relations read from the dependency parse (:mod:`loaders.parse_relations`), as evidenced relations."""
    mentions, resolution = state.mentions, state.resolution
    mention_at = token_mentions(doc, mentions, lambda index: resolution.key_of(index) is not None)

    def type_of(index: int) -> str | None:
        key = resolution.key_of(index)
        return resolution.entities[key].type if key else None

    descriptions = frozenset(i for i, m in enumerate(mentions) if m.source == "descriptor" and m.about is not None)
    context = Context(doc=doc, mention_at=mention_at, type_of=type_of, key_of=resolution.key_of,
                      descriptions=descriptions, also=_same_words(mentions, set(mention_at.values())))
    context.raiser = raiser_finder(context)
    found: list[Relation] = []
    for reading in read_relations(context, state.sents):
        source, target = resolution.key_of(reading.source), resolution.key_of(reading.target)
        if not source or not target or source == target:
            continue
        sentence = state.sentence_of_char(reading.trigger.idx)
        found.append(Relation(type=reading.type, source=source, target=target, props=reading.props,
                              evidence=[evidence(state.text, *state.spans[sentence])], confidence=reading.confidence))
    return found


def _same_words(mentions: list[Mention], placed: set[int]) -> dict[int, tuple[int, ...]]:
    """For each placed pronoun mention, the other pronoun mentions on the same words (a plural "they"
    resolved to each of the people it stands for)."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.source == "pronoun":
            by_span.setdefault((mention.start, mention.end), []).append(index)
    return {index: tuple(i for i in group if i != index)
            for group in by_span.values() if len(group) > 1 for index in group if index in placed}

