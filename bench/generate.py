"""Seeded generators of synthetic corpora and graphs for the benchmarks.

Graphs have a realistic shape: a heavy-tailed (power-law) degree distribution
from Chung–Lu sampling, and clustering from triadic closure (a share of the
links close a triangle), with people, organizations and the six relation types.
Corpora are articles written from French and English templates with invented
names, so the extractor meets the sentences it is built for at scale.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from graph.model import (ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON, WORKS_AT,
                         Article, Entity, Evidence, Extraction, Relation, article_id)

_FIRST = ["Léa", "Hugo", "Maya", "Noah", "Inès", "Tom", "Chloé", "Adam", "Sarah", "Louis", "Emma", "Yanis",
          "Clara", "Nils", "Zoé", "Omar", "Alice", "Victor", "Jade", "Samuel", "Priya", "Kenji", "Ana", "Lars"]
_LAST = ["Morel", "Garnier", "Faure", "Roussel", "Blanc", "Guerin", "Muller", "Henry", "Perrin", "Morin",
         "Mathieu", "Clement", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Okafor",
         "Tanaka", "Silva", "Novak", "Berg", "Kowalski"]
_SYLLABLES = ["neo", "lum", "vel", "tri", "zen", "kap", "sol", "mira", "dat", "fly", "orb", "nova", "pix", "qua"]
_SUFFIX = ["", "", " Labs", " Ventures", " Capital", " AI", " Partners", " Tech"]

FR_TEMPLATES = {
    FOUNDED: "{p} a fondé {o} en {year} avec une petite équipe.",
    WORKS_AT: "{p}, directeur technique de {o}, a présenté la nouvelle offre.",
    INVESTED_IN: "{o2} a investi {amount} millions d'euros dans {o}.",
    ACQUIRED: "{o} a été racheté par {o2} pour {amount} millions de dollars.",
    MENTORED: "{p2} a conseillé {p} pendant la création de l'entreprise.",
    KNOWS: "{p} a rencontré {p2} lors d'une conférence à Lyon.",
}
EN_TEMPLATES = {
    FOUNDED: "{p} founded {o} in {year} with a small team.",
    WORKS_AT: "{p}, the chief technology officer at {o}, presented the new product.",
    INVESTED_IN: "{o2} invested ${amount} million in {o}.",
    ACQUIRED: "{o} was acquired by {o2} for ${amount} million.",
    MENTORED: "{p2} mentored {p} while the company was being built.",
    KNOWS: "{p} met {p2} at a conference in Boston.",
}
FILLER = {
    "fr": ["Le marché reste très concurrentiel selon les analystes.",
           "L'entreprise compte aujourd'hui une trentaine de salariés.",
           "La croissance du secteur a ralenti au dernier trimestre.",
           "Les clients demandent des outils plus simples à utiliser."],
    "en": ["The market remains very competitive according to analysts.",
           "The company now employs about thirty people.",
           "Growth in the sector slowed in the last quarter.",
           "Customers are asking for simpler tools."],
}


def person_name(i: int) -> str:
    """A distinct invented person name for every index."""
    first, last = _FIRST[i % len(_FIRST)], _LAST[(i // len(_FIRST)) % len(_LAST)]
    serial = i // (len(_FIRST) * len(_LAST))
    return f"{first} {last}" + (f"-{_roman(serial)}" if serial else "")


def org_name(i: int) -> str:
    """A distinct invented organization name for every index."""
    a = _SYLLABLES[i % len(_SYLLABLES)]
    b = _SYLLABLES[(i // len(_SYLLABLES)) % len(_SYLLABLES)]
    serial = i // (len(_SYLLABLES) ** 2)
    return f"{a.capitalize()}{b}{serial if serial else ''}{_SUFFIX[i % len(_SUFFIX)]}"


def _roman(n: int) -> str:
    letters = "BCDFGHJKLMNPQRSTVWXZ"
    out = ""
    while n:
        n, r = divmod(n, len(letters))
        out += letters[r]
    return out or "B"


def synthetic_articles(count: int, seed: int = 7, sentences: int = 14, english_share: float = 0.3,
                       people: int = 2000, orgs: int = 400) -> list[tuple[str, str]]:
    """``count`` articles as ``(file name, text)``, each stating a few relations among invented names."""
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        lang = "en" if rng.random() < english_share else "fr"
        templates = EN_TEMPLATES if lang == "en" else FR_TEMPLATES
        lines = []
        for _ in range(sentences):
            if rng.random() < 0.5:
                lines.append(rng.choice(FILLER[lang]))
                continue
            kind = rng.choice(list(templates))
            lines.append(templates[kind].format(
                p=person_name(rng.randrange(people)), p2=person_name(rng.randrange(people)),
                o=org_name(rng.randrange(orgs)), o2=org_name(rng.randrange(orgs)),
                year=rng.randrange(2000, 2025), amount=rng.randrange(1, 90)))
        title = "Startups : les nouvelles du jour" if lang == "fr" else "Startup news of the day"
        articles.append((f"synthetic-{n:05d}.{lang}.txt", title + "\n\n" + " ".join(lines)))
    return articles


@dataclass
class SyntheticGraph:
    """Edges as parallel arrays over node ids; node ids < people are people, the rest organizations."""

    people: int
    orgs: int
    source: np.ndarray
    target: np.ndarray
    kind: np.ndarray  # index into RELATION_KINDS

    @property
    def nodes(self) -> int:
        return self.people + self.orgs


RELATION_KINDS = (KNOWS, MENTORED, WORKS_AT, FOUNDED, INVESTED_IN, ACQUIRED)


def _chung_lu(rng: np.random.Generator, n: int, m: int, exponent: float) -> tuple[np.ndarray, np.ndarray]:
    # Pareto weights, capped so that no hub holds more than a few thousand links at a million nodes.
    weights = np.minimum(rng.pareto(exponent - 1, n) + 1.0, 4 * np.sqrt(n))
    p = weights / weights.sum()
    return rng.choice(n, size=m, p=p), rng.choice(n, size=m, p=p)


def synthetic_graph(people: int, relations_per_person: float = 5.0, seed: int = 7,
                    exponent: float = 2.5, closure: float = 0.3) -> SyntheticGraph:
    """A people-and-organizations graph with about ``people * relations_per_person`` relations."""
    rng = np.random.default_rng(seed)
    orgs = max(1, people // 10)
    total = int(people * relations_per_person)
    social = int(total * 0.6)
    closed = int(social * closure)
    a, b = _chung_lu(rng, people, social - closed, exponent)
    # Triadic closure: for a random link (u, v) and a random link (v, w) add (u, w).
    order = np.argsort(a, kind="stable")
    starts = np.searchsorted(a[order], np.arange(people + 1))
    picks = rng.integers(0, len(a), closed)
    u, v = b[picks], a[picks]
    degree = starts[v + 1] - starts[v]
    offset = (rng.random(closed) * np.maximum(degree, 1)).astype(np.int64)
    w = b[order[np.minimum(starts[v] + offset, len(a) - 1)]]
    social_src = np.concatenate([a, u])
    social_dst = np.concatenate([b, w])
    social_kind = (rng.random(len(social_src)) < 0.15).astype(np.int64)  # MENTORED else KNOWS

    work = total - social
    person = rng.integers(0, people, work)
    org = people + _chung_lu(rng, orgs, work, exponent)[0]
    work_kind = rng.choice([2, 3, 4], size=work, p=[0.7, 0.2, 0.1])
    deals = max(1, orgs // 5)
    buyer = people + _chung_lu(rng, orgs, deals, exponent)[0]
    bought = people + rng.integers(0, orgs, deals)

    source = np.concatenate([social_src, person, buyer])
    target = np.concatenate([social_dst, org, bought])
    kind = np.concatenate([social_kind, work_kind, np.full(deals, 5)])
    keep = source != target
    return SyntheticGraph(people, orgs, source[keep], target[keep], kind[keep])


def node_key(graph: SyntheticGraph, node: int) -> str:
    return f"p{node}" if node < graph.people else f"o{node - graph.people}"


def to_extractions(graph: SyntheticGraph, per_article: int = 1000) -> list[Extraction]:
    """The graph as extractions of synthetic articles (one evidence sentence per relation)."""
    extractions = []
    for start in range(0, len(graph.source), per_article):
        stop = min(start + per_article, len(graph.source))
        text = f"synthetic article {start}-{stop}"
        art = Article(id=article_id(text), path=f"synthetic-{start}.txt", title=text, language="en", text=text)
        entities: dict[str, Entity] = {}
        relations = []
        for i in range(start, stop):
            s, t, k = int(graph.source[i]), int(graph.target[i]), RELATION_KINDS[int(graph.kind[i])]
            for node in (s, t):
                key = node_key(graph, node)
                if key not in entities:
                    is_person = node < graph.people
                    entities[key] = Entity(key=key, type=PERSON if is_person else ORGANIZATION,
                                           name=person_name(node) if is_person else org_name(node - graph.people))
            ev = Evidence(article_id=art.id, sentence=f"sentence {i}", start=0, end=len(text))
            relations.append(Relation(k, node_key(graph, s), node_key(graph, t), {}, [ev], 0.8))
        extractions.append(Extraction(article=art, entities=list(entities.values()), relations=relations))
    return extractions


def to_store(graph: SyntheticGraph, per_article: int = 1000):
    """The graph as an in-memory GraphStore built directly (no entity resolution: keys are given).

    What ``GraphStore.add`` would hold after ingesting :func:`to_extractions` (one evidence sentence per
    relation, KNOWS from the lower key to the higher), without its fuzzy matching, which is quadratic
    in the number of entities and would dominate at 100k people.
    """
    from graph.store import GraphStore
    from graph.identity import EntityIndex

    store = GraphStore("/nonexistent")
    entities: dict[str, Entity] = {}
    for extraction in to_extractions(graph, per_article):
        store.articles[extraction.article.id] = extraction.article
        for entity in extraction.entities:
            known = entities.get(entity.key)
            if known is None:
                entities[entity.key] = Entity(key=entity.key, type=entity.type, name=entity.name,
                                              articles=[extraction.article.id])
            elif known.articles[-1] != extraction.article.id:
                known.articles.append(extraction.article.id)
        for relation in extraction.relations:
            if relation.type == KNOWS and relation.source > relation.target:
                relation = Relation(relation.type, relation.target, relation.source, relation.props,
                                    relation.evidence, relation.confidence)
            known = store.relations.get(relation.key)
            if known is None:
                store.relations[relation.key] = relation
            else:
                known.merge(relation)
    store.index = EntityIndex(entities)
    return store
