"""queries.on_networkx and queries.separation on the tiny startup graph: the records each question returns."""
from __future__ import annotations

import doctest
import random

import pytest

import queries.on_networkx
from graph.errors import EntityNotFound, WrongEntityType
from graph.synthetic import startup_store, synthetic_store
from queries import on_networkx as Q, separation as indexed


@pytest.fixture(scope="module")
def store():
    return startup_store()


@pytest.fixture(scope="module")
def G(store):
    return store.to_networkx()


def test_on_networkx_docstring_examples_run() -> None:
    failures, tried = doctest.testmod(queries.on_networkx)
    assert tried > 0 and failures == 0


def _pairs(records, left="source", right="target"):
    return [(r[left], r[right]) for r in records]


@pytest.mark.parametrize("question, name, expected", [
    ("mentors", "Fay", [("eve", "fay")]),
    ("mentees", "Eve", [("eve", "fay")]),
    ("mentors", "Eve", []),
    ("investors", "Acme", [("eve", "acme"), ("fund", "acme")]),
    ("portfolio", "Fund", [("fund", "acme")]),
    ("portfolio", "eve", [("eve", "acme")]),
    ("acquisitions", "Bolt", [("acme", "bolt")]),
    ("acquisitions", "Acme", [("acme", "bolt")]),
    ("founders", "acme", [("ada", "acme"), ("bob", "acme")]),
    ("founders", "Bolt", []),
])
def test_on_networkx_relation_questions(G, question, name, expected) -> None:
    assert _pairs(getattr(Q, question)(G, name)) == expected


def test_on_networkx_relation_record_shape(G) -> None:
    (record,) = Q.investors(G, "Acme")[:1]
    assert record == {"type": "INVESTED_IN", "source": "eve", "source_name": "Eve", "target": "acme",
                      "target_name": "Acme", "props": {"amount": 2, "currency": "EUR", "round": "seed"},
                      "confidence": 0.8, "evidence": [{"article_id": "a1", "sentence": "Eve INVESTED_IN Acme.",
                                                       "start": record["evidence"][0]["start"],
                                                       "end": record["evidence"][0]["end"]}]}


@pytest.mark.parametrize("question, name, entity", [
    ("mentors", "Acme", "Person"), ("investors", "Eve", "Organization"), ("founders", "Ada", "Organization"),
    ("who_knows", "Acme", "Person"), ("colleagues", "Fund", "Person"),
])
def test_on_networkx_questions_check_the_entity_type(G, question, name, entity) -> None:
    with pytest.raises(WrongEntityType) as caught:
        getattr(Q, question)(G, name)
    assert caught.value.wanted == entity


def test_on_networkx_colleagues(G) -> None:
    assert [(r["key"], r["organization"], r["relation"], r["their_relation"]) for r in Q.colleagues(G, "Ada")] == [
        ("bob", "acme", "FOUNDED", "FOUNDED"), ("cy", "acme", "FOUNDED", "WORKS_AT"),
        ("dee", "acme", "FOUNDED", "WORKS_AT")]


@pytest.mark.parametrize("hops, kinds, expected", [
    (1, ("KNOWS", "MENTORED", "FOUNDED", "WORKS_AT", "INVESTED_IN"), [("bob", 1), ("eve", 1)]),
    (2, ("KNOWS", "MENTORED", "FOUNDED", "WORKS_AT", "INVESTED_IN"), [("bob", 1), ("eve", 1), ("cy", 2), ("fay", 2)]),
    (3, ("FOUNDED",), [("bob", 1)]),
])
def test_on_networkx_who_knows(G, hops, kinds, expected) -> None:
    assert [(r["key"], r["distance"]) for r in Q.who_knows(G, "Ada", hops, kinds)] == expected


def test_on_networkx_introducers(G) -> None:
    assert Q.introducers(G, "Ada", "Cy") == [{"key": "eve", "name": "Eve", "distance_to_target": 1, "score": 2,
                                             "ties_with_source": ["INVESTED_IN"], "ties_with_target": ["KNOWS"]}]


@pytest.mark.parametrize("a, b, options, degrees, paths", [
    ("Cy", "Fay", {}, 2, [["cy", "eve", "fay"]]),
    ("Ada", "Fay", {}, None, []),
    ("Ada", "Fay", {"via_orgs": True, "all_paths": True}, 3,
     [["ada", "acme", "bolt", "fay"], ["ada", "acme", "eve", "fay"]]),
    ("Ada", "Ada", {}, 0, [["ada"]]),
    ("Gus", "Ada", {"via_orgs": True}, None, []),
])
def test_on_networkx_separation(G, store, a, b, options, degrees, paths) -> None:
    answer = Q.separation(G, a, b, **options)
    assert answer["degrees"] == degrees and [p["keys"] for p in answer["paths"]] == paths
    assert indexed.separation(store, a, b, **options) == answer
    for path in answer["paths"]:
        assert len(path["hops"]) == len(path["keys"]) - 1
        assert all(h["evidence"] for h in path["hops"])


def test_on_networkx_separation_unknown_name(G, store) -> None:
    with pytest.raises(EntityNotFound, match="did you mean"):
        Q.separation(G, "Ada", "Fey")
    with pytest.raises(EntityNotFound, match="did you mean"):
        indexed.separation(store, "Adda", "Fay")


def test_on_networkx_person_and_stats(G) -> None:
    summary = Q.person(G, "Cy")
    assert summary["works_at"] == [{"key": "acme", "name": "Acme", "role": "CTO"}]
    assert [k["key"] for k in summary["knows"]] == ["eve"]
    assert Q.stats(G)["entities_by_type"] == {"Person": 7, "Organization": 3}


@pytest.mark.parametrize("all_paths, via_orgs", [(False, False), (False, True), (True, False), (True, True)])
def test_on_networkx_indexed_separation_matches_on_generated_graph(all_paths, via_orgs) -> None:
    store = synthetic_store(people=1500, organizations=200, seed=19)
    G = store.to_networkx()
    rng = random.Random(4)
    for _ in range(15):
        a, b = f"person {rng.randrange(1500)}", f"Person {rng.randrange(1500)}"
        offline = Q.separation(G, a, b, all_paths=all_paths, via_orgs=via_orgs)
        fast = indexed.separation(store, a, b, all_paths=all_paths, via_orgs=via_orgs)
        if all_paths:
            assert fast == offline
        else:
            assert fast["degrees"] == offline["degrees"]
            for path in fast["paths"]:
                keys = path["keys"]
                assert [{h["source"], h["target"]} for h in path["hops"]] == [{x, y} for x, y in zip(keys, keys[1:])]


@pytest.mark.parametrize("call", [
    lambda G, store: Q.separation(G, "Ada", "Fay", types=("FRIENDS",)),
    lambda G, store: indexed.separation(store, "Ada", "Fay", types=("FRIENDS",)),
    lambda G, store: Q.who_knows(G, "Ada", 2, ("FRIENDS",)),
    lambda G, store: Q.who_knows(G, "Ada", 0),
])
def test_on_networkx_bad_parameters_are_value_errors(G, store, call) -> None:
    with pytest.raises(ValueError):
        call(G, store)
