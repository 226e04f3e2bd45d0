"""From parsed article to :class:`~graph.model.Extraction`: mentions, types, coreference, relations, evidence.

Steps: name mentions (:mod:`loaders.mentions`) and proper nouns that fill a trigger's slot,
typed by votes (:mod:`loaders.entity_types`, with the parse's slot votes from
:mod:`loaders.parse_relations`); organization descriptors (:mod:`loaders.coref`);
entities (:mod:`loaders.resolve`); a first pass of relation rules
(:mod:`loaders.relations`) over each sentence; person descriptors resolved
through those relations; quotes and interview turns give first-person
pseudo-mentions to their speakers (:mod:`loaders.speakers`); a second pass
reads what speakers say about themselves; round cues (:mod:`loaders.funding`) add
the investors named apart from the raise; pronouns and descriptions are resolved by
salience (:mod:`loaders.salience`) and the dependency parse is read for relations
(:mod:`loaders.parse_relations`). Each relation keeps its sentences as evidence;
repeated sightings raise its confidence.
"""
from __future__ import annotations

import bisect
import logging
import multiprocessing
import re
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from graph.model import FOUNDED, INVESTED_IN, WORKS_AT, Article, Evidence, Extraction, Relation, article_id
from loaders.coref import org_descriptors, person_descriptors, resolve_person_descriptors
from loaders.entity_types import assign_types
from loaders.funding import funding_relations
from loaders.mentions import Mention, find_mentions
from loaders.language import detect_language
from loaders.nlp import load_model, model_name_for, pipeline_for
from loaders.parse_relations import Context, raiser_finder, read_relations, slot_candidates, slot_votes
from loaders.relations import relations_between
from loaders.resolve import Resolution, resolve_mentions
from loaders.salience import salient_mentions
from loaders.sentences import sentences
from loaders.speakers import first_person_mentions, speaker_quotes, turn_labels

logger = logging.getLogger(__name__)

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
_GENERIC_ROLES = {"patron", "patronne", "boss", "dirigeant", "dirigeante"}


def _evidence(article: Article, start: int, end: int) -> Evidence:
    text = article.text[start:end]
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    return Evidence(article_id=article.id, sentence=text[lead:trail], start=start + lead, end=start + trail)


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts (after the last ";", "mais", "but"... before it)."""
    start = max(sentence_start, position - PAIR_WINDOW)  # no rule reads farther back
    window = text[start:position]
    cut = max((window.rfind(b) + len(b) for b in _CLAUSE_BREAKS if b in window), default=0)
    return start + cut


def _read_pairs(article: Article, spans: list[tuple[int, int]], mentions: list[Mention], resolution: Resolution,
                only_pseudo: bool) -> list[Relation]:
    """Run the relation rules over every ordered pair of mentions in each sentence."""
    text = article.text
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
                for hit in relations_between(left, right, lt, rt, between, after=after, clause=clause,
                                             before=before):
                    evidence = [_evidence(article, s_start, s_end)]
                    for source_i, target_i in _with_conjuncts(text, mentions, indexes, hit.source, hit.target,
                                                              resolution, hit.type in _MIXED_SOURCES,
                                                              hit.rule in _TIGHT_TARGETS or "(" in between):
                        source, target = resolution.key_of(source_i), resolution.key_of(target_i)
                        if source and target and source != target:
                            found.append(Relation(type=hit.type, source=source, target=target,
                                                  props=dict(hit.props), evidence=list(evidence),
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


def _merge(relations: Iterable[Relation]) -> list[Relation]:
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
                    and str(r.props.get("role", "")).lower() in _GENERIC_ROLES | {""})]


def _token_mentions(doc: Doc, mentions: list[Mention], keep=lambda index: True) -> dict[int, int]:
    """Token index -> the mention covering it (a name rather than a pronoun or descriptor on overlap)."""
    mention_at: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        if not keep(index) or mention.source == "turn":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            known = mention_at.get(token.i)
            if known is None or (mentions[known].is_pseudo and not mention.is_pseudo):
                mention_at[token.i] = index
    return mention_at


def _same_words(mentions: list[Mention], placed: set[int]) -> dict[int, tuple[int, ...]]:
    """For each placed pronoun mention, the other pronoun mentions on the same words (a plural "they"
    resolved to each of the people it stands for)."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.source == "pronoun":
            by_span.setdefault((mention.start, mention.end), []).append(index)
    return {index: tuple(i for i in group if i != index)
            for group in by_span.values() if len(group) > 1 for index in group if index in placed}


def _parse_pass(article: Article, doc: Doc, sents, spans, mentions: list[Mention], resolution: Resolution,
                sentence_of_char) -> list[Relation]:
    """Relations read from the dependency parse (:mod:`loaders.parse_relations`), as evidenced relations."""
    mention_at = _token_mentions(doc, mentions, lambda index: resolution.key_of(index) is not None)

    def type_of(index: int) -> str | None:
        key = resolution.key_of(index)
        return resolution.entities[key].type if key else None

    descriptions = frozenset(i for i, m in enumerate(mentions) if m.source == "descriptor" and m.about is not None)
    context = Context(doc=doc, mention_at=mention_at, type_of=type_of, key_of=resolution.key_of,
                      descriptions=descriptions, also=_same_words(mentions, set(mention_at.values())))
    context.raiser = raiser_finder(context)
    found: list[Relation] = []
    for reading in read_relations(context, sents):
        source, target = resolution.key_of(reading.source), resolution.key_of(reading.target)
        if not source or not target or source == target:
            continue
        sentence = sentence_of_char(reading.trigger.idx)
        found.append(Relation(type=reading.type, source=source, target=target, props=reading.props,
                              evidence=[_evidence(article, *spans[sentence])], confidence=reading.confidence))
    return found


def extract_doc(article: Article, doc: Doc) -> Extraction:
    """Entities and relations of one article whose text ``doc`` is the parse of."""
    text = article.text
    sents = sentences(doc)
    spans = [(s.start_char, s.end_char) for s in sents]
    starts = [s for s, _ in spans]

    def sentence_of_char(position: int) -> int:
        return max(0, bisect.bisect_right(starts, position) - 1)

    labels = turn_labels(text)
    mentions = [m for m in find_mentions(doc) if not any(s <= m.start < e for s, e in labels)]
    named = len(mentions)
    mentions += [m for m in slot_candidates(doc, _token_mentions(doc, mentions))
                 if not any(s <= m.start < e for s, e in labels)]
    for mention in mentions[named:]:
        mention.sentence = sentence_of_char(mention.start)
    votes = slot_votes(doc, _token_mentions(doc, mentions), sents)
    kept = list(range(named)) + [i for i in range(named, len(mentions)) if i in votes]
    mentions = [mentions[i] for i in kept]
    assign_types(text, mentions, doc, {new: votes[old] for new, old in enumerate(kept) if old in votes})
    mentions += org_descriptors(text, mentions, spans)
    mentions += person_descriptors(text, mentions)
    resolution = resolve_mentions(mentions)
    plain = _read_pairs(article, spans, mentions, resolution, only_pseudo=False)
    if resolve_person_descriptors(mentions, resolution.key_of, plain):
        resolution = resolve_mentions(mentions)
        plain = _read_pairs(article, spans, mentions, resolution, only_pseudo=False)
    quotes = speaker_quotes(text, mentions)
    mentions += first_person_mentions(text, quotes, sentence_of_char)
    resolution = resolve_mentions(mentions)
    spoken = _read_pairs(article, spans, mentions, resolution, only_pseudo=True)
    funded = {sentence_of_char(e.start): r.target for r in plain + spoken if r.type == INVESTED_IN for e in r.evidence}
    rounds = funding_relations(text, spans, mentions, resolution, lambda s: _evidence(article, *spans[s]), funded)
    covered = _token_mentions(doc, mentions, lambda index: resolution.key_of(index) is not None)
    mentions += salient_mentions(doc, mentions, sents, covered)
    resolution = resolve_mentions(mentions)
    parsed = _parse_pass(article, doc, sents, spans, mentions, resolution, sentence_of_char)
    relations = _merge(plain + spoken + rounds + parsed)
    entities = sorted(resolution.entities.values(), key=lambda e: e.key)
    for entity in entities:
        entity.articles = [article.id]
    logger.debug("%s: %d entities, %d relations", article.path, len(entities), len(relations))
    return Extraction(article=article, entities=entities, relations=relations)


def extract_text(text: str, nlp: Language | None = None, path: str = "text.txt", language: str | None = None) -> Extraction:
    """Extract a bare text (tests, notebooks, one-off checks), with ``nlp`` or else the pipeline of the
    text's language, as an ingest would choose it."""
    language = language or detect_language(text)
    nlp = nlp or pipeline_for(language)
    article = Article(id=article_id(text), path=path, title="", language=language, text=text)
    return extract_doc(article, nlp(text))


def extract_articles(articles: Iterable[Article], model: str | None = None,
                     batch_size: int = 8, n_process: int = 1) -> Iterator[Extraction]:
    """Extract every article (the input is read first), yielding each extraction in input order as it is ready.

    Articles are grouped by pipeline (:func:`loaders.nlp.model_name_for`) and each group goes through
    one ``nlp.pipe`` stream, ``batch_size`` texts at a time. With ``n_process`` above 1, that many
    worker processes each load the pipeline once and run both the parse and the rules on chunks of
    ``batch_size`` articles, so only the entities and relations cross processes. Results come back
    in input order as they are ready (an article of a later group waits for the earlier ones).
    """
    articles = list(articles)
    groups: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        groups.setdefault(model_name_for(article.language, model), []).append(index)
    ready: dict[int, Extraction] = {}
    next_out = 0
    for name, indexes in groups.items():
        group = [articles[i] for i in indexes]
        for index, extraction in zip(indexes, _extract_group(name, group, batch_size, n_process)):
            ready[index] = extraction
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1


def _extract_group(name: str, articles: list[Article], batch_size: int, n_process: int) -> Iterator[Extraction]:
    """Extractions of articles that share the pipeline ``name``, in order."""
    if n_process <= 1 or len(articles) <= batch_size:
        nlp = load_model(name)
        for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
            yield extract_doc(article, doc)
        return
    load_model(name)  # forked workers inherit the loaded pipeline
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunks = [articles[i:i + batch_size] for i in range(0, len(articles), batch_size)]
    with context.Pool(n_process, initializer=_init_worker, initargs=(name,)) as pool:
        for chunk, found in zip(chunks, pool.imap(_extract_chunk, ((name, chunk) for chunk in chunks))):
            for article, (entities, relations) in zip(chunk, found):
                yield Extraction(article=article, entities=entities, relations=relations)


def _init_worker(name: str) -> None:
    load_model(name)


def _extract_chunk(task: tuple[str, list[Article]]) -> list[tuple[list, list]]:
    """Worker side: parse and extract a chunk; only entities and relations go back."""
    name, articles = task
    nlp = load_model(name)
    out = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        extraction = extract_doc(article, doc)
        out.append((extraction.entities, extraction.relations))
    return out
