"""Graphs for the visual tests, built from the data model directly (no spaCy).

``hostile_store`` holds article-derived text that tries every way into the page: ``<script>``,
``</script>``, ``<img src=x onerror=...>``, ``href``, quotes, emoji and U+2028 in names, aliases,
roles, evidence sentences, article titles and paths. Every payload that could run sets
``window.__pwned``, so a browser test only has to check that it stayed undefined.
"""
from __future__ import annotations

from pathlib import Path

from graph.model import (ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON, WORKS_AT,
                         Article, Entity, Evidence, Extraction, Relation, article_id)
from graph.store import GraphStore

PAYLOADS = [
    '<script>window.__pwned="script"</script>',
    '</script><script>window.__pwned="close-script"</script>',
    '<img src=x onerror="window.__pwned=\'img\';alert(1)">',
    '<a href="javascript:window.__pwned=\'href\'">click</a>',
    "\"'><svg onload=window.__pwned='svg'>",
    '<!--<script>window.__pwned="comment"</script>-->',
    "href=https://evil.example/x.js",
]

EMOJI_NAME = "Zoé “Zo” O'Brien 👩‍💻🚀"
IMG_NAME = '<img src=x onerror="window.__pwned=\'name\'">'
SCRIPT_ORG = 'Acme</script><script>window.__pwned="org"</script>'
HREF_ORG = '<a href="https://evil.example/">Evil "Corp" & Co</a>'
SENTENCE = ('Selon elle, "</script><script>window.__pwned=\'ev\'</script>" et <img src=x onerror="window.__pwned=\'ev2\'"> '
            "— href=\"javascript:alert(1)\" 🚀\u2028fin.")


def _extraction(text: str, title: str, path: str, entities: list[Entity],
                relations: list[tuple[str, str, str, dict]]) -> Extraction:
    article = Article(id=article_id(text), path=path, title=title, language="fr", text=text)
    evidence = [Evidence(article_id=article.id, sentence=SENTENCE if i == 0 else f"{text} [{i}]",
                         start=0, end=len(text)) for i in range(2)]
    return Extraction(article=article, entities=entities,
                      relations=[Relation(kind, a, b, props, list(evidence), 0.9) for kind, a, b, props in relations])


def hostile_extractions() -> list[Extraction]:
    """Two articles whose every text field carries a payload."""
    people = [
        Entity("</script><script>window.__pwned='key'</script>", PERSON, IMG_NAME,
               aliases=["\"><svg onload=window.__pwned='alias'>", "Zoé 👩‍💻"]),
        Entity("zoe obrien", PERSON, EMOJI_NAME, aliases=["href=javascript:window.__pwned='alias2'"]),
        Entity("lea", PERSON, "Léa \u2028Dubois"),
    ]
    orgs = [
        Entity("acme", ORGANIZATION, SCRIPT_ORG),
        Entity("evil corp", ORGANIZATION, HREF_ORG, aliases=["<b>Evil</b>"]),
    ]
    first = _extraction(
        text="Premier article, texte 1.", title=PAYLOADS[0] + ' "Titre" 🚀',
        path='articles/<img src=x onerror="window.__pwned=\'path\'">.txt',
        entities=people + orgs,
        relations=[
            (FOUNDED, people[0].key, "acme", {}),
            (WORKS_AT, "zoe obrien", "acme", {"role": '<b onmouseover="window.__pwned=\'role\'">CTO</b>', "former": True}),
            (INVESTED_IN, "evil corp", "acme", {"amount": "<script>1</script>", "currency": "€", "round": "série A"}),
            (KNOWS, "zoe obrien", people[0].key, {}),
        ])
    second = _extraction(
        text="Deuxième article, texte 2.", title=PAYLOADS[3], path="news/évian & co.md",
        entities=[people[1], people[2], orgs[1]],
        relations=[
            (MENTORED, "zoe obrien", "lea", {}),
            (ACQUIRED, "evil corp", "acme", {"amount": 12, "currency": "USD"}),
        ])
    second.entities.append(orgs[0])
    return [first, second]


def hostile_store(directory: Path) -> GraphStore:
    """A saved store holding :func:`hostile_extractions`."""
    store = GraphStore.open(directory)
    for extraction in hostile_extractions():
        store.add(extraction)
    store.save()
    return store


def chain_store(directory: Path, length: int = 5, extra: int = 3) -> GraphStore:
    """A chain of people p0 - p1 - ... linked by KNOWS and WORKS_AT, plus ``extra`` isolated companies.

    ``p0`` to ``p{length-1}`` have a path of ``length - 1`` hops.
    """
    text = "Une chaîne de relations."
    article = Article(id=article_id(text), path="chain.txt", title="Chain", language="fr", text=text)
    ev = Evidence(article_id=article.id, sentence=text, start=0, end=len(text))
    people = [Entity(f"p{i}", PERSON, f"Person {i}") for i in range(length)]
    orgs = [Entity(f"o{i}", ORGANIZATION, f"Org {i}") for i in range(extra)]
    relations = [Relation(KNOWS if i % 2 else WORKS_AT, f"p{i}", f"p{i + 1}", {}, [ev], 0.8) for i in range(length - 1)]
    store = GraphStore.open(directory)
    store.add(Extraction(article=article, entities=people + orgs, relations=relations))
    store.save()
    return store


def star_store(directory: Path, hubs: int = 3, leaves: int = 20) -> GraphStore:
    """``hubs`` organizations, each FOUNDED by its own ``leaves`` people: hubs have the highest degree."""
    text = "Des étoiles."
    article = Article(id=article_id(text), path="stars.txt", title="Stars", language="fr", text=text)
    ev = Evidence(article_id=article.id, sentence=text, start=0, end=len(text))
    entities, relations = [], []
    for h in range(hubs):
        entities.append(Entity(f"hub{h}", ORGANIZATION, f"Hub {h}"))
        for leaf in range(leaves):
            entities.append(Entity(f"hub{h}-p{leaf}", PERSON, f"Founder {h}.{leaf}"))
            relations.append(Relation(FOUNDED, f"hub{h}-p{leaf}", f"hub{h}", {}, [ev], 0.7))
    store = GraphStore.open(directory)
    store.add(Extraction(article=article, entities=entities, relations=relations))
    store.save()
    return store
