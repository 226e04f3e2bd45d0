"""graph.analysis on tiny named graphs: separation, knowing ties, k hops, introductions, brokers, summaries."""
from __future__ import annotations

import doctest

import networkx as nx
import pytest

import graph.analysis
import graph.index
import graph.synthetic
from graph import analysis
from graph.synthetic import build_store, startup_store


@pytest.fixture(scope="module")
def startup() -> nx.MultiDiGraph:
    return startup_store().to_networkx()


@pytest.mark.parametrize("module", [graph.analysis, graph.index, graph.synthetic])
def test_analysis_docstring_examples_run(module) -> None:
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0


@pytest.mark.parametrize("person, expected", [
    ("ada", {"bob": {("FOUNDED", "acme")}, "eve": {("INVESTED_IN", "acme")}}),
    ("cy", {"dee": {("WORKS_AT", "acme")}, "eve": {("KNOWS", None)}}),
    ("eve", {"cy": {("KNOWS", None)}, "fay": {("MENTORED", None)}, "ada": {("INVESTED_IN", "acme")},
             "bob": {("INVESTED_IN", "acme")}}),
    ("gus", {}),
    ("acme", {}),
])
def test_analysis_knowing_ties_by_kind(startup, person, expected) -> None:
    assert analysis.knowing_ties(startup, person) == expected


@pytest.mark.parametrize("kinds, expected", [
    (("KNOWS",), {"cy"}),
    (("MENTORED",), {"fay"}),
    (("INVESTED_IN",), {"ada", "bob"}),
    (("FOUNDED", "WORKS_AT"), set()),
])
def test_analysis_knowing_ties_respect_kinds(startup, kinds, expected) -> None:
    assert set(analysis.knowing_ties(startup, "eve", kinds)) == expected


@pytest.mark.parametrize("people, kinds", [
    (["ada"], analysis.KNOWING_KINDS), (["cy", "fay"], analysis.KNOWING_KINDS), (["eve"], ("INVESTED_IN",)),
    (["ada", "dee", "gus"], ("WORKS_AT", "MENTORED")),
])
def test_analysis_knowing_reach_is_the_union_of_ties(startup, people, kinds) -> None:
    union = set().union(*(analysis.knowing_ties(startup, p, kinds) for p in people))
    assert analysis.knowing_reach(startup, people, kinds) - set(people) == union - set(people)


@pytest.mark.parametrize("person, k, expected", [
    ("ada", 1, {"bob": 1, "eve": 1}),
    ("ada", 2, {"bob": 1, "eve": 1, "cy": 2, "fay": 2}),
    ("ada", 3, {"bob": 1, "eve": 1, "cy": 2, "fay": 2, "dee": 3}),
    ("gus", 3, {}),
])
def test_analysis_within_k_hops(startup, person, k, expected) -> None:
    found = analysis.within_k_hops(startup, person, k)
    assert found == expected
    assert list(found) == sorted(found, key=lambda key: (found[key], key))


def test_analysis_within_k_hops_rejects_zero(startup) -> None:
    with pytest.raises(ValueError):
        analysis.within_k_hops(startup, "ada", 0)


def test_analysis_unknown_kind_is_an_error(startup) -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        analysis.knowing_ties(startup, "ada", ("FRIENDS",))


@pytest.mark.parametrize("source, target, via_orgs, expected", [
    ("cy", "fay", False, ["cy", "eve", "fay"]),
    ("ada", "fay", False, None),
    ("ada", "fay", True, 3),
    ("ada", "acme", False, ["ada", "acme"]),
    ("acme", "fay", False, ["acme", "eve", "fay"]),
    ("gus", "ada", True, None),
    ("ada", "ada", False, ["ada"]),
])
def test_analysis_shortest_path_keys(startup, source, target, via_orgs, expected) -> None:
    found = analysis.shortest_path_keys(startup, source, target, via_orgs=via_orgs)
    if isinstance(expected, int):
        assert len(found) - 1 == expected
    else:
        assert found == expected


def test_analysis_all_shortest_paths_sorted(startup) -> None:
    assert analysis.all_shortest_path_keys(startup, "ada", "fay", via_orgs=True) == [
        ["ada", "acme", "bolt", "fay"], ["ada", "acme", "eve", "fay"]]
    assert analysis.all_shortest_path_keys(startup, "ada", "fay", via_orgs=True, limit=1) == [
        ["ada", "acme", "bolt", "fay"]]


@pytest.mark.parametrize("types, expected", [
    (("ACQUIRED", "WORKS_AT", "FOUNDED"), [["ada", "acme", "bolt", "fay"]]),
    (("KNOWS",), []),
])
def test_analysis_all_shortest_paths_by_type(startup, types, expected) -> None:
    assert analysis.all_shortest_path_keys(startup, "ada", "fay", via_orgs=True, types=types) == expected


def test_analysis_path_hops_carry_relation_and_evidence(startup) -> None:
    hops = analysis.path_hops(startup, ["ada", "acme", "eve", "fay"])
    assert [(h["source"], h["type"], h["target"]) for h in hops] == [
        ("ada", "FOUNDED", "acme"), ("eve", "INVESTED_IN", "acme"), ("eve", "MENTORED", "fay")]
    assert hops[1]["props"] == {"amount": 2, "currency": "EUR", "round": "seed"}
    assert all(h["evidence"] and h["evidence"][0]["article_id"] == "a1" for h in hops)


def test_analysis_knows_record_goes_from_lower_key(startup) -> None:
    (record,) = analysis.relations_between(startup, "eve", "cy")
    assert (record["source"], record["target"]) == ("cy", "eve")


def test_analysis_unknown_node_raises(startup) -> None:
    with pytest.raises(nx.NodeNotFound):
        analysis.shortest_path_keys(startup, "ada", "nobody")


@pytest.mark.parametrize("a, b, expected", [
    ("ada", "cy", [("eve", 1, 2)]),
    ("ada", "fay", [("eve", 1, 2)]),
    ("dee", "fay", [("cy", 2, 1)]),
    ("bob", "ada", [("eve", 1, 2)]),
    ("gus", "ada", []),
    ("eve", "fay", []),  # Eve's contacts reach Fay only through Eve
])
def test_analysis_introduction_candidates_ranked(startup, a, b, expected) -> None:
    found = analysis.introduction_candidates(startup, a, b)
    assert [(r["key"], r["distance_to_target"], r["score"]) for r in found] == expected


def test_analysis_introducers_rank_by_score_then_key() -> None:
    G = build_store([(n, "Person") for n in ("A", "B", "M1", "M2", "M3")], [
        ("KNOWS", "A", "M1"), ("KNOWS", "M1", "B"), ("KNOWS", "A", "M2"), ("MENTORED", "M2", "A"),
        ("KNOWS", "M2", "B"), ("KNOWS", "A", "M3"), ("KNOWS", "M3", "B")]).to_networkx()
    found = analysis.introduction_candidates(G, "a", "b")
    assert [(r["key"], r["score"]) for r in found] == [("m2", 3), ("m1", 2), ("m3", 2)]
    assert analysis.mutual_connections(G, "a", "b") == ["m1", "m2", "m3"]


def test_analysis_brokers_rank_people_on_chains(startup) -> None:
    ranked = analysis.brokers(startup, entity_type=None)
    assert ranked[0][0] == "acme"
    people = analysis.brokers(startup)
    assert people[0][0] == "eve" and all(startup.nodes[k]["type"] == "Person" for k, _ in people)
    assert "gus" not in dict(analysis.brokers(startup, top=100, entity_type=None))


def test_analysis_brokers_sampled_is_repeatable(startup) -> None:
    assert analysis.brokers(startup, sample=4, seed=3) == analysis.brokers(startup, sample=4, seed=3)


def test_analysis_communities_cover_linked_entities() -> None:
    G = build_store([(n, "Person") for n in ("A", "B", "C", "X", "Y", "Z", "Solo")], [
        ("KNOWS", "A", "B"), ("KNOWS", "B", "C"), ("KNOWS", "A", "C"),
        ("KNOWS", "X", "Y"), ("KNOWS", "Y", "Z"), ("KNOWS", "X", "Z"), ("KNOWS", "C", "X")]).to_networkx()
    assert analysis.communities(G, seed=1) == [["a", "b", "c"], ["x", "y", "z"]]


def test_analysis_entity_summary(startup) -> None:
    summary = analysis.entity_summary(startup, "acme")
    assert [f["key"] for f in summary["founders"]] == ["ada", "bob"]
    assert summary["employees"] == [{"key": "cy", "name": "Cy", "role": "CTO"},
                                    {"key": "dee", "name": "Dee", "former": True}]
    assert [i["key"] for i in summary["investors"]] == ["eve", "fund"]
    assert summary["acquired"] == [{"key": "bolt", "name": "Bolt", "amount": 10, "currency": "USD"}]
    assert summary["sources"] == [{"id": "a1", "title": "Article one", "path": "articles/a1.txt"}]
    eve = analysis.entity_summary(startup, "eve")
    assert [m["key"] for m in eve["mentees"]] == ["fay"] and [k["key"] for k in eve["knows"]] == ["cy"]


def test_analysis_statistics(startup) -> None:
    stats = analysis.statistics(startup)
    assert stats["entities_by_type"] == {"Person": 7, "Organization": 3}
    assert stats["relations"] == 10 and stats["relations_by_type"]["WORKS_AT"] == 3
    assert stats["components"] == 2 and stats["largest_component"] == 9 and stats["isolated"] == 1
    assert stats["most_connected"][0]["key"] == "acme"
