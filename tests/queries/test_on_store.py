"""Same question, same answer: the store-backed forms (queries/on_store.py), which read only the part of
the store a question needs, against the NetworkX forms on the whole graph, on a generated store of a
few thousand entities and on the seeds."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from graph import analysis
from graph.errors import EntityNotFound
from graph.model import KNOWS, MENTORED, Relation
from graph.neighbourhood import Neighbourhood
from graph.store import GraphStore
from graph.synthetic import synthetic_store
from queries import on_networkx, on_store

PEOPLE, ORGANIZATIONS = 2000, 300
KINDS = [analysis.KNOWING_KINDS, (KNOWS,), ("FOUNDED", "INVESTED_IN"), ("WORKS_AT", MENTORED)]


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> tuple[Path, object]:
    """(folder of a saved generated store, the NetworkX graph of all of it)."""
    folder = tmp_path_factory.mktemp("generated-store")
    store = synthetic_store(people=PEOPLE, organizations=ORGANIZATIONS, seed=11)
    store.directory, store.path = folder, folder / "graph.db"
    store.save()
    return folder, store.to_networkx()


def _names(seed: int, count: int, prefix: str = "person", total: int = PEOPLE) -> list[str]:
    rng = random.Random(seed)
    return [f"{prefix} {rng.randrange(total)}" for _ in range(count)]


@pytest.mark.parametrize("question", ["mentors", "mentees", "portfolio", "colleagues", "person"])
def test_on_store_person_questions_match_networkx(saved, question: str) -> None:
    folder, G = saved
    answers = []
    for name in _names(seed=len(question), count=40):
        answer = getattr(on_store, question)(GraphStore.open(folder), name)
        assert answer == getattr(on_networkx, question)(G, name), name
        answers.append(answer)
    assert any(answers)  # not vacuous


@pytest.mark.parametrize("question", ["investors", "founders", "acquisitions", "person", "portfolio"])
def test_on_store_organization_questions_match_networkx(saved, question: str) -> None:
    folder, G = saved
    for name in _names(seed=3, count=40, prefix="org", total=ORGANIZATIONS):
        assert getattr(on_store, question)(GraphStore.open(folder), name) == getattr(on_networkx, question)(G, name)


@pytest.mark.parametrize("kinds", KINDS)
def test_on_store_who_knows_matches_networkx(saved, kinds) -> None:
    folder, G = saved
    sizes = []
    for name in _names(seed=5, count=15):
        for hops in (1, 2, 3):
            answer = on_store.who_knows(GraphStore.open(folder), name, hops, kinds)
            assert answer == on_networkx.who_knows(G, name, hops, kinds), (name, hops)
            sizes.append(len(answer))
    assert max(sizes) > (10 if kinds == analysis.KNOWING_KINDS else 0)


@pytest.mark.parametrize("kinds", KINDS)
def test_on_store_introducers_match_networkx(saved, kinds) -> None:
    folder, G = saved
    found = 0
    for a, b in zip(_names(seed=7, count=20), _names(seed=8, count=20)):
        answer = on_store.introducers(GraphStore.open(folder), a, b, kinds)
        assert answer == on_networkx.introducers(G, a, b, kinds), (a, b)
        found += bool(answer)
    assert found or kinds != analysis.KNOWING_KINDS


def test_on_store_figures_match_networkx(saved) -> None:
    folder, G = saved
    assert on_store.stats(GraphStore.open(folder)) == on_networkx.stats(G)
    assert on_store.statistics(GraphStore.open(folder)) == analysis.statistics(G)


def test_on_store_seeds_match_networkx(seeds_store_dir: Path) -> None:
    seeds_store = seeds_store_dir
    G = GraphStore.open(seeds_store).to_networkx()
    people = sorted(n for n, d in G.nodes(data=True) if d["type"] == "Person")
    for name in [G.nodes[n]["name"] for n in people]:
        store = GraphStore.open(seeds_store)
        assert on_store.person(store, name) == on_networkx.person(G, name)
        assert on_store.who_knows(store, name, 3) == on_networkx.who_knows(G, name, 3)
        assert on_store.colleagues(store, name) == on_networkx.colleagues(G, name)
    assert on_store.statistics(GraphStore.open(seeds_store)) == analysis.statistics(G)


@pytest.mark.parametrize("typed", ["person 12", "PÉRSON 12", "P. 10", "p. 10"])
def test_on_store_finds_names_like_networkx(saved, typed: str) -> None:
    folder, G = saved
    assert on_store.find(GraphStore.open(folder), typed) == on_networkx.find(G, typed)


def test_on_store_unknown_name_suggests_like_networkx(saved) -> None:
    folder, G = saved
    with pytest.raises(EntityNotFound) as offline:
        on_networkx.mentors(G, "Persn 1234")
    with pytest.raises(EntityNotFound) as stored:
        on_store.mentors(GraphStore.open(folder), "Persn 1234")
    assert str(stored.value) == str(offline.value) and "did you mean" in str(stored.value)


def test_neighbourhood_loads_only_what_the_question_reads(saved) -> None:
    folder, G = saved
    store = GraphStore.open(folder)
    hood = Neighbourhood(store.file())
    hood.complete(["person 7"])
    assert set(hood.graph.edges(keys=True)) == set(G.in_edges("person 7", keys=True)) | set(
        G.out_edges("person 7", keys=True))
    assert hood.graph.number_of_nodes() < G.number_of_nodes() / 50
    assert all(hood.graph.nodes[n] == G.nodes[n] for n in hood.graph)
    evidence_ids = {e["article_id"] for *_, d in hood.graph.edges(keys=True, data=True) for e in d["evidence"]}
    entity_ids = {a for _, d in hood.graph.nodes(data=True) for a in d["articles"]}
    assert set(hood.graph.graph["articles"]) == evidence_ids | entity_ids


def test_on_store_answers_unsaved_changes_from_memory(saved) -> None:
    folder, G = saved
    assert not G.has_edge("person 3", "person 4", MENTORED)
    store = GraphStore.open(folder)
    mentor = Relation(MENTORED, "person 3", "person 4")
    store.relations[mentor.key] = mentor  # not saved
    assert "person 3" in {r["source"] for r in on_store.mentors(store, "person 4")}
    assert "person 3" not in {r["source"] for r in on_store.mentors(GraphStore.open(folder), "person 4")}
