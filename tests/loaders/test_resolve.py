"""Resolution: mentions to entities inside an article, and a conservative fuzzy match across articles."""
from __future__ import annotations

import logging

import pytest

from graph.model import ORGANIZATION, PERSON, Entity, entity_key
from loaders.mentions import Mention
from graph.identity import EntityIndex, fuzzy_same
from loaders.resolve import resolve_mentions


def mentions_of(*items: tuple[str, str]) -> list[Mention]:
    out, position = [], 0
    for text, kind in items:
        out.append(Mention(text=text, type=kind, start=position, end=position + len(text), sentence=0, label="PER"))
        position += len(text) + 1
    return out


@pytest.mark.parametrize("a,b,kind,same", [
    ("jean-marc dupont", "jean marc dupont", PERSON, True),
    ("paul tissier", "paul tisser", PERSON, True),
    ("anne martin", "anna martin", PERSON, False),
    ("marc dupont", "marc durand", PERSON, False),
    ("marc dupont", "luc dupont", PERSON, False),
    ("dupont", "dupond", PERSON, False),
    ("datahub", "data hub", ORGANIZATION, True),
    ("norvane capital", "norvane capitall", ORGANIZATION, True),
    ("zorva", "zorrva", ORGANIZATION, False),
    ("acme labs", "acme lab", ORGANIZATION, False),
    ("orvel", "orval", ORGANIZATION, False),
])
def test_resolve_fuzzy_same_is_conservative(a: str, b: str, kind: str, same: bool) -> None:
    assert fuzzy_same(a, b, kind) is same


@pytest.mark.parametrize("known,new,joins", [
    (Entity("paul tissier", PERSON, "Paul Tissier"), Entity("paul tisser", PERSON, "Paul Tisser"), True),
    (Entity("datahub", ORGANIZATION, "DataHub"), Entity("data hub", ORGANIZATION, "Data Hub"), True),
    (Entity("anne martin", PERSON, "Anne Martin"), Entity("anna martin", PERSON, "Anna Martin"), False),
    (Entity("orvel", ORGANIZATION, "Orvel"), Entity("orvel", ORGANIZATION, "ORVEL"), True),
    (Entity("kibo", ORGANIZATION, "Kibo", aliases=["Kibo SAS"]),
     Entity("kibo sas", ORGANIZATION, "Kibo SAS"), True),
    (Entity("jordan", PERSON, "Jordan"), Entity("jordan", ORGANIZATION, "Jordan"), True),  # same key
    (Entity("paul tissier", PERSON, "Paul Tissier"), Entity("paul tissier sa", ORGANIZATION, "Paul Tissier SA"), False),
])
def test_resolve_index_joins_same_and_keeps_apart_different(known: Entity, new: Entity, joins: bool) -> None:
    index = EntityIndex()
    index.add(known, "a1")
    key, is_new = index.add(new, "a2")
    assert (key == known.key and not is_new) is joins


@pytest.mark.parametrize("known,new_name", [(Entity("datahub", ORGANIZATION, "DataHub"), "Data Hub")])
def test_resolve_index_logs_unsure_merges(caplog, known: Entity, new_name: str) -> None:
    index = EntityIndex()
    index.add(known, "a1")
    with caplog.at_level(logging.WARNING, logger="graph.identity"):
        key, _ = index.add(Entity(entity_key(new_name), known.type, new_name), "a2")
    assert key == known.key
    assert "unsure merge" in caplog.text and new_name in caplog.text


@pytest.mark.parametrize("items,expected", [
    ([("Jean Varlet", PERSON), ("Varlet", PERSON)], {"jean varlet": ["Jean Varlet", "Varlet"]}),
    ([("Datahub", ORGANIZATION), ("DataHub", ORGANIZATION)], {"datahub": ["DataHub", "Datahub"]}),
    ([("Marc Dupont", PERSON), ("Luc Dupont", PERSON), ("Dupont", PERSON)],
     {"marc dupont": ["Marc Dupont"], "luc dupont": ["Luc Dupont"], "dupont": ["Dupont"]}),
])
def test_resolve_mentions_inside_article(items, expected) -> None:
    resolution = resolve_mentions(mentions_of(*items))
    got = {k: sorted([e.name, *e.aliases]) for k, e in resolution.entities.items()}
    assert got == {k: sorted(v) for k, v in expected.items()}


@pytest.mark.parametrize("source", ["descriptor", "first_person"])
def test_resolve_pseudo_mentions_follow_what_they_stand_for(source: str) -> None:
    mentions = mentions_of(("Yann Morel", PERSON), ("je", PERSON))
    mentions[1].source, mentions[1].refers_to = source, 0
    resolution = resolve_mentions(mentions)
    assert list(resolution.entities) == ["yann morel"]
    assert resolution.key_of(1) == "yann morel"


@pytest.mark.parametrize("kind", [None])
def test_resolve_untyped_mentions_are_not_entities(kind) -> None:
    resolution = resolve_mentions(mentions_of(("Lyon", kind)))
    assert resolution.entities == {}


@pytest.mark.parametrize("items,expected", [
    ([("Harbor Crest Ventures", ORGANIZATION), ("Harbor Crest", ORGANIZATION)],
     {"harbor crest ventures": ["Harbor Crest Ventures", "Harbor Crest"]}),
    ([("Tallwood Capital", ORGANIZATION), ("Tallwood", ORGANIZATION)], {"tallwood capital": ["Tallwood Capital", "Tallwood"]}),
    # two longer names fit: the short one stays apart
    ([("Orvel Capital", ORGANIZATION), ("Orvel Ventures", ORGANIZATION), ("Orvel", ORGANIZATION)],
     {"orvel capital": ["Orvel Capital"], "orvel ventures": ["Orvel Ventures"], "orvel": ["Orvel"]}),
    # a longer name that is not the short one plus an ending stays apart
    ([("Orvel Data Europe", ORGANIZATION), ("Orvel", ORGANIZATION)], {"orvel data europe": ["Orvel Data Europe"], "orvel": ["Orvel"]}),
    # the company and its lab share the short name: it could be either, so it stays apart
    ([("Orvel Security", ORGANIZATION), ("Orvel Labs", ORGANIZATION), ("Orvel", ORGANIZATION)],
     {"orvel security": ["Orvel Security"], "orvel labs": ["Orvel Labs"], "orvel": ["Orvel"]}),
])
def test_resolve_short_organization_names_join_the_full_name(items, expected) -> None:
    test_resolve_mentions_inside_article(items, expected)
