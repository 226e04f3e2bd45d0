"""graph.lookup: exact key first, then names and aliases (case, accents), then "did you mean"."""
from __future__ import annotations

import pytest

from graph.errors import EntityNotFound, WrongEntityType
from graph.synthetic import build_store
from graph.lookup import Candidate, find_entity, resolve


@pytest.fixture(scope="module")
def graph():
    return build_store([("Éloïse Durand", "Person", ["E. Durand"]), ("Linkedin", "Organization", ["LinkedIn Corp"]),
                        ("Durand", "Organization"), ("Marc Durand", "Person")], []).to_networkx()


@pytest.mark.parametrize("typed, entity_type, expected", [
    ("Éloïse Durand", None, "eloise durand"),
    ("eloise durand", None, "eloise durand"),
    ("ELOÏSE  DURAND", None, "eloise durand"),
    ("E. Durand", None, "eloise durand"),
    ("LinkedIn", None, "linkedin"),
    ("linkedin corp", "Organization", "linkedin"),
    ("Durand", None, "durand"),
])
def test_lookup_finds_by_key_name_or_alias(graph, typed, entity_type, expected) -> None:
    assert find_entity(graph, typed, entity_type) == expected


@pytest.mark.parametrize("typed, entity_type, suggestion", [
    ("Eloise Durant", None, "Éloïse Durand"),
    ("Linkdin", None, "Linkedin"),
    ("Linkdin", "Person", None),
])
def test_lookup_unknown_name_suggests_close_matches(graph, typed, entity_type, suggestion) -> None:
    with pytest.raises(EntityNotFound) as caught:
        find_entity(graph, typed, entity_type)
    if suggestion:
        assert suggestion in caught.value.suggestions
        assert "did you mean" in str(caught.value)
    assert len(caught.value.suggestions) <= 3


@pytest.mark.parametrize("typed, entity_type, actual", [
    ("Linkedin", "Person", "Organization"),
    ("LinkedIn Corp", "Person", "Organization"),
    ("Éloïse Durand", "Organization", "Person"),
])
def test_lookup_name_of_the_other_type_says_so(graph, typed, entity_type, actual) -> None:
    with pytest.raises(WrongEntityType) as caught:
        find_entity(graph, typed, entity_type)
    assert (caught.value.actual, caught.value.wanted) == (actual, entity_type)


@pytest.mark.parametrize("typed", ["", "   ", "!!"])
def test_lookup_empty_name_is_not_found(graph, typed) -> None:
    with pytest.raises(EntityNotFound):
        find_entity(graph, typed)


@pytest.mark.parametrize("candidates, expected", [
    ([Candidate("b", "Person", "Ann"), Candidate("a", "Person", "Ann")], "a"),
    ([Candidate("zed", "Person", "Zed", ("Ann",)), Candidate("ann", "Person", "Someone")], "ann"),
])
def test_lookup_resolve_prefers_key_then_smallest_key(candidates, expected) -> None:
    assert resolve("Ann", candidates) == expected
