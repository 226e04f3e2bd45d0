"""A seeded random store of people, organizations and all six relation types, for tests at scale.

Small enough to read, fast enough for 100k people (a couple of seconds), and every relation has props,
a confidence and one evidence sentence, so every question has something to answer. Keys are the
names' keys (``"person 17"``), so the generated names can be typed into queries.

>>> store = synthetic_store(people=50, organizations=10, seed=1)
>>> len(store.entities), len(store.relations) > 50
(60, True)
"""
from __future__ import annotations

import random

from graph.model import (ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON, WORKS_AT, Article,
                         Entity, Evidence, Relation)
from graph.store import GraphStore
from graph.identity import EntityIndex

ROLES = ("CEO", "CTO", "engineer", "designer", None)


def synthetic_store(people: int = 2000, organizations: int = 300, seed: int = 7, articles: int = 40,
                    directory: str | None = None) -> GraphStore:
    """A store of ``people`` persons and ``organizations`` organizations linked at random (seeded).

    Per person, on average: 0.8 WORKS_AT, 0.9 KNOWS, 0.2 MENTORED, 0.1 INVESTED_IN; per organization
    about 1.3 founders, 0.3 INVESTED_IN from another organization and 0.05 ACQUIRED. Organizations are
    picked with a skew, so a few are large.
    """
    rng = random.Random(seed)
    store = GraphStore(directory or "/nonexistent-synthetic-store")
    article_ids = [f"synthetic{i:04d}" for i in range(articles)]
    store.articles = {a: Article(id=a, path=f"synthetic/{a}.txt", title=f"Synthetic article {i}", language="en")
                      for i, a in enumerate(article_ids)}
    person_keys = [f"person {i}" for i in range(people)]
    org_keys = [f"org {i}" for i in range(organizations)]
    entities = {}
    for i, key in enumerate(person_keys):
        entities[key] = Entity(key=key, type=PERSON, name=f"Person {i}", aliases=[f"P. {i}"] if i % 10 == 0 else [],
                               articles=[article_ids[i % articles]])
    for i, key in enumerate(org_keys):
        entities[key] = Entity(key=key, type=ORGANIZATION, name=f"Org {i}", articles=[article_ids[i % articles]])
    store.index = EntityIndex()
    store.index.entities = entities  # names are unique: skip alias indexing (a second per 100k entities)

    def org() -> str:
        return org_keys[min(int(rng.paretovariate(1.2)) - 1, organizations - 1) if rng.random() < 0.5
                        else rng.randrange(organizations)]

    def person() -> str:
        return person_keys[rng.randrange(people)]

    def add(rtype: str, source: str, target: str, props: dict | None = None) -> None:
        if source == target:
            return
        relation = Relation(rtype, source, target, props=props or {}, confidence=round(rng.uniform(0.3, 0.95), 2))
        if relation.key in store.relations:
            return
        article = rng.choice(article_ids)
        start = rng.randrange(10_000)
        sentence = f"{entities[source].name} {rtype.lower().replace('_', ' ')} {entities[target].name}."
        relation.evidence.append(Evidence(article, sentence, start, start + len(sentence)))
        store.relations[relation.key] = relation

    for key in person_keys:
        if rng.random() < 0.8:
            role = rng.choice(ROLES)
            props = {"role": role} if role else {}
            if rng.random() < 0.3:
                props["former"] = True
            add(WORKS_AT, key, org(), props)
        if rng.random() < 0.9:
            other = person()
            source, target = sorted((key, other))
            add(KNOWS, source, target)
        if rng.random() < 0.2:
            add(MENTORED, key, person())
        if rng.random() < 0.1:
            add(INVESTED_IN, key, org() if rng.random() < 0.8 else person(),
                {"amount": rng.choice([1, 2.5, 10]), "currency": "EUR", "round": rng.choice(["seed", "A"])})
    for key in org_keys:
        for _ in range(rng.choice((0, 1, 1, 2, 2))):
            add(FOUNDED, person(), key)
        if rng.random() < 0.3:
            add(INVESTED_IN, org(), key, {"amount": rng.choice([5, 20]), "currency": "USD"})
        if rng.random() < 0.05:
            add(ACQUIRED, org(), key, {"amount": 100, "currency": "USD"})
    return store


def build_store(entities: list[tuple[str, str]] | list[tuple[str, str, list[str]]],
                relations: list[tuple], directory: str | None = None) -> GraphStore:
    """A small store from ``(name, type[, aliases])`` and ``(type, source name, target name[, props])``.

    Keys are the names' keys; each relation gets one evidence sentence in article ``"a1"`` and
    confidence 0.8 (or ``props.pop("confidence")``).

    >>> store = build_store([("Ada", "Person"), ("Acme", "Organization")], [("FOUNDED", "Ada", "Acme")])
    >>> sorted(store.relations)
    [('FOUNDED', 'ada', 'acme')]
    """
    from graph.model import entity_key

    store = GraphStore(directory or "/nonexistent-built-store")
    store.articles = {"a1": Article(id="a1", path="articles/a1.txt", title="Article one", language="en")}
    built = {}
    for spec in entities:
        name, etype, aliases = (*spec, [])[:3]
        built[entity_key(name)] = Entity(key=entity_key(name), type=etype, name=name, aliases=list(aliases),
                                         articles=["a1"])
    store.index = EntityIndex(built)
    offset = 0
    for spec in relations:
        rtype, source, target, props = (*spec, {})[:4]
        props = dict(props)
        confidence = props.pop("confidence", 0.8)
        sentence = f"{source} {rtype} {target}."
        relation = Relation(rtype, entity_key(source), entity_key(target), props=props, confidence=confidence,
                            evidence=[Evidence("a1", sentence, offset, offset + len(sentence))])
        offset += len(sentence) + 1
        store.relations[relation.key] = relation
    return store


def startup_store(directory: str | None = None) -> GraphStore:
    """A tiny named graph for tests and examples.

    Acme was founded by Ada and Bob; Cy (CTO) and Dee (formerly) work there; Eve and the Fund invested
    in it; Acme bought Bolt, where Fay works; Eve knows Cy and mentored Fay; Gus knows nobody.
    """
    people = [(name, "Person") for name in ("Ada", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus")]
    orgs = [(name, "Organization") for name in ("Acme", "Bolt", "Fund")]
    return build_store(people + orgs, [
        ("FOUNDED", "Ada", "Acme"), ("FOUNDED", "Bob", "Acme"),
        ("WORKS_AT", "Cy", "Acme", {"role": "CTO"}), ("WORKS_AT", "Dee", "Acme", {"former": True}),
        ("INVESTED_IN", "Eve", "Acme", {"amount": 2, "currency": "EUR", "round": "seed"}),
        ("INVESTED_IN", "Fund", "Acme"), ("ACQUIRED", "Acme", "Bolt", {"amount": 10, "currency": "USD"}),
        ("KNOWS", "Eve", "Cy"), ("MENTORED", "Eve", "Fay"), ("WORKS_AT", "Fay", "Bolt"),
    ], directory)
