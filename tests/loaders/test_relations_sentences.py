"""Relations read end to end from invented French and English sentences on the real French pipeline."""
from __future__ import annotations

import pytest

from loaders.extract import extract_text


def triples(extraction) -> set[tuple[str, str, str]]:
    names = {e.key: e.name for e in extraction.entities}
    return {(r.type, names[r.source], names[r.target]) for r in extraction.relations}


@pytest.mark.parametrize("text,expected,forbidden", [
    # "A and B partner C": C is a partner at B only
    ("Swiftly had raised $8 million from Seedhouse and Atomia partner Lena Brandt.",
     ("WORKS_AT", "Lena Brandt", "Atomia"), ("WORKS_AT", "Lena Brandt", "Seedhouse")),
    # a year between the verb and the descriptor
    ("Skylo avait racheté en 2022 la start-up Aerova pour un montant non divulgué.",
     ("ACQUIRED", "Skylo", "Aerova"), None),
])
def test_relations_sentences_bound_titles_and_dated_deals(nlp_fr, text: str, expected: tuple, forbidden) -> None:
    found = triples(extract_text(text))
    assert expected in found and forbidden not in found, found


@pytest.mark.parametrize("text,expected", [
    ("Camille Vernet, cofondatrice de Zorblat, a rencontré Hugo Marchal en 2019.",
     {("FOUNDED", "Camille Vernet", "Zorblat"), ("KNOWS", "Camille Vernet", "Hugo Marchal")}),
    ("Hugo Marchal, directeur financier chez Plimco, a quitté l'entreprise.",
     {("WORKS_AT", "Hugo Marchal", "Plimco")}),
    ("Inès Garnier, ancienne directrice marketing de Tavolo, a rejoint Brindle en 2021.",
     {("WORKS_AT", "Inès Garnier", "Tavolo"), ("WORKS_AT", "Inès Garnier", "Brindle")}),
    ("La startup lyonnaise Quillon a levé 9,5 M€ auprès de Norvane Capital et Estrel Partners.",
     {("INVESTED_IN", "Norvane Capital", "Quillon"), ("INVESTED_IN", "Estrel Partners", "Quillon")}),
    ("Zorblat a été rachetée par Megacorp pour 25 millions de dollars.", {("ACQUIRED", "Megacorp", "Zorblat")}),
    ("Megacorp a racheté Plimco en 2020.", {("ACQUIRED", "Megacorp", "Plimco")}),
    ("Le rachat de Brevo par Orvel a été annoncé hier.", {("ACQUIRED", "Orvel", "Brevo")}),
    ("Orvel a cédé Brevo à Kestrel Group pour 12 M€.", {("ACQUIRED", "Kestrel Group", "Brevo")}),
    ("Camille Vernet a été conseillée par Paul Dorsan pendant deux ans.",
     {("MENTORED", "Paul Dorsan", "Camille Vernet")}),
    ("Paul Dorsan a conseillé Camille Vernet sur sa levée de fonds.", {("MENTORED", "Paul Dorsan", "Camille Vernet")}),
    ("Zorblat, fondée par Camille Vernet et Hugo Marchal, emploie 40 salariés.",
     {("FOUNDED", "Camille Vernet", "Zorblat"), ("FOUNDED", "Hugo Marchal", "Zorblat")}),
    ("Camille Vernet et Hugo Marchal se sont rencontrés à Lyon.", {("KNOWS", "Camille Vernet", "Hugo Marchal")}),
    ("Paul Tissier a travaillé avec Sonia Blaise chez Orvel.",
     {("KNOWS", "Paul Tissier", "Sonia Blaise"), ("WORKS_AT", "Sonia Blaise", "Orvel")}),
    ("Marion Leclerc a cofondé Brevo. La jeune pousse a levé 3 millions d'euros auprès de Kestrel Ventures.",
     {("FOUNDED", "Marion Leclerc", "Brevo"), ("INVESTED_IN", "Kestrel Ventures", "Brevo")}),
    ("Jane Holloway, CEO of Brightwater, met Tom Reyes in 2018.",
     {("WORKS_AT", "Jane Holloway", "Brightwater"), ("KNOWS", "Jane Holloway", "Tom Reyes")}),
    ("Quibbly was acquired by Nexaro for $10 million.", {("ACQUIRED", "Nexaro", "Quibbly")}),
    ("Brightwater raised €20M from Halcyon Ventures in a Series A round.",
     {("INVESTED_IN", "Halcyon Ventures", "Brightwater")}),
    ("Tom Reyes was mentored by Jane Holloway.", {("MENTORED", "Jane Holloway", "Tom Reyes")}),
    ("Owen Pike founded Trellis in 2016. The company was acquired by Vandom in 2021.",
     {("FOUNDED", "Owen Pike", "Trellis"), ("ACQUIRED", "Vandom", "Trellis")}),
    ("Jane Holloway is the chief technology officer at Brightwater.", {("WORKS_AT", "Jane Holloway", "Brightwater")}),
    ("Quibbly, backed by Halcyon Ventures, has 30 employees.", {("INVESTED_IN", "Halcyon Ventures", "Quibbly")}),
    ("Tom Reyes was introduced to Jane Holloway by a friend.", {("KNOWS", "Tom Reyes", "Jane Holloway")}),
])
def test_relations_sentences_read_the_stated_facts(nlp_fr, text: str, expected: set) -> None:
    assert expected <= triples(extract_text(text))


@pytest.mark.parametrize("text", [
    "Megacorp est en négociations pour racheter Tavolo.",
    "Megacorp n'a pas racheté Tavolo.",
    "Selon des rumeurs, Megacorp rachèterait Tavolo.",
    "Camille Vernet n'a jamais rencontré Paul Dorsan.",
    "On peut rencontrer Paul Dorsan dans les couloirs du salon.",
    "Hugo Marchal aurait rencontré Paul Dorsan si le salon avait eu lieu.",
    "Nexaro is in talks to acquire Brightwater.",
    "Nexaro could have bought Quibbly.",
    "Jane Holloway declined an offer to invest in Quibbly.",
    "J'ai rencontré Paul Tissier et Sonia Blaise.",  # an unnamed narrator knows nobody in the graph
    "Il y avait une citation de Marc Leroy dans le discours de Paul Tissier.",
])
def test_relations_sentences_extract_nothing_from_traps(nlp_fr, text: str) -> None:
    assert triples(extract_text(text)) == set()


@pytest.mark.parametrize("text,relation_type,props", [
    ("Inès Garnier, ancienne directrice marketing de Tavolo, vit à Lyon.", "WORKS_AT",
     {"role": "directrice marketing", "former": True}),
    ("Jane Holloway, former VP of sales at Brightwater, lives in Boston.", "WORKS_AT",
     {"role": "VP of sales", "former": True}),
    ("Zorblat a été rachetée par Megacorp pour 25 millions de dollars.", "ACQUIRED",
     {"amount": 25_000_000.0, "currency": "USD"}),
    ("Brightwater raised €20M from Halcyon Ventures in a Series A round.", "INVESTED_IN",
     {"amount": 20_000_000.0, "currency": "EUR", "round": "Series A"}),
])
def test_relations_sentences_keep_props(nlp_fr, text: str, relation_type: str, props: dict) -> None:
    relation = next(r for r in extract_text(text).relations if r.type == relation_type)
    assert relation.props == props
