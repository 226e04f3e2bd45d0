"""Entity typing: votes from NER labels, name suffixes and context decide Person vs Organization."""
from __future__ import annotations

import pytest

from graph.model import ORGANIZATION, PERSON
from loaders.entity_types import PLACE, assign_types, mention_votes
from loaders.extract import extract_text
from loaders.mentions import Mention


def mention(text: str, whole: str, label: str) -> Mention:
    start = whole.index(text)
    return Mention(text=text, type=None, start=start, end=start + len(text), sentence=0, label=label)


@pytest.mark.parametrize("whole,name,label,winner", [
    ("Le jeune patron de Zorblat racheté par Megacorp.", "Zorblat", "PER", ORGANIZATION),
    ("Zorblat racheté par Megacorp.", "Megacorp", "PER", ORGANIZATION),
    ("Il travaille chez Plimco depuis 2010.", "Plimco", "PER", ORGANIZATION),
    ("Jean Vidal, CEO d'Orvel, a parlé.", "Orvel", "PER", ORGANIZATION),
    ("Hugo, fondateur de Tavolo, sourit.", "Tavolo", "PER", ORGANIZATION),
    ("Zorblat's founder is here.", "Zorblat", "PER", ORGANIZATION),
    ("Zorblat comptait des dizaines de milliers d'utilisateurs.", "Zorblat", "PER", ORGANIZATION),
    ("Zorblat a maintenant un employé.", "Zorblat", "PER", ORGANIZATION),
    ("Ils ont investi dans Brevo l'an dernier.", "Brevo", "", ORGANIZATION),
    ("Norvane Ventures mène le tour.", "Norvane Ventures", "LOC", ORGANIZATION),
    ("Certains utilisent zorbox.com chaque jour.", "zorbox.com", "", ORGANIZATION),
    ("Yanis, expert digital pour Orvel, écrit.", "Yanis", "MISC", PERSON),
    ("Avec Dana Whitfield ancienne vice-présidente de Orvel.", "Dana Whitfield", "", PERSON),
    ("Je salue M. Ferrand ce matin.", "Ferrand", "", PERSON),
    ("Dana Whitfield, 42 ans, dirige Orvel.", "Dana Whitfield", "", PERSON),
    ("Tom Reyes founded Quibbly in 2012.", "Tom Reyes", "", PERSON),
    ("He met Rachel Stone there.", "Rachel Stone", "", PERSON),
])
def test_typing_context_votes_decide(whole: str, name: str, label: str, winner: str) -> None:
    votes = mention_votes(whole, mention(name, whole, label))
    loser = PERSON if winner == ORGANIZATION else ORGANIZATION
    assert votes.get(winner, 0) > votes.get(loser, 0)


@pytest.mark.parametrize("whole,names,expected", [
    # one weak PER tag loses to two organization cues elsewhere in the article
    ("Zorblat est née à Lyon. Zorblat a levé 2 M€. Le patron de Zorblat sourit.",
     [("Zorblat", "PER")], {"zorblat": ORGANIZATION}),
    # a surname alone votes with the full name
    ("Jean Nahon parle. Nahon sourit.", [("Jean Nahon", "PER"), ("Nahon", "MISC")],
     {"jean nahon": PERSON, "nahon": PERSON}),
    # a place stays out of the entities
    ("Il vit à Lyon.", [("Lyon", "LOC")], {}),
])
def test_typing_votes_across_mentions(whole: str, names: list, expected: dict) -> None:
    mentions = []
    position = 0
    for text, label in names:
        for _ in range(whole.count(text)):
            start = whole.index(text, position)
            mentions.append(Mention(text=text, type=None, start=start, end=start + len(text), sentence=0, label=label))
            position = start + 1
        position = 0
    types = assign_types(whole, mentions)
    assert types == expected


@pytest.mark.parametrize("text,name,expected", [
    ("Pour le jeune patron de Zorblat racheté par Megacorp, la vie est belle.", "Zorblat", "Organization"),
    ("Aux portes ouvertes à Tolbiac ou à Harvard, on peut croiser du monde.", "Harvard", "Organization"),
    ("Dana Whitfield, ancienne vice-présidente de Norvane Ventures, écrit un livre.", "Norvane Ventures", "Organization"),
    ("Jane Holloway joined Nexaro in 2020.", "Jane Holloway", "Person"),
])
def test_typing_end_to_end(nlp_fr, text: str, name: str, expected: str) -> None:
    entities = {e.name: e.type for e in extract_text(text, nlp_fr).entities}
    assert entities.get(name) == expected


@pytest.mark.parametrize("text,place", [
    ("Elle a déménagé à Lyon, en France, en décembre.", "Lyon"),
    ("Il est retourné en Russie pour obtenir un visa.", "Russie"),
])
def test_typing_places_are_not_entities(nlp_fr, text: str, place: str) -> None:
    assert place not in {e.name for e in extract_text(text, nlp_fr).entities}


def test_typing_place_constant_is_not_an_entity_type() -> None:
    assert PLACE not in (PERSON, ORGANIZATION)
