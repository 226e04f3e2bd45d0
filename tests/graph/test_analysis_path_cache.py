"""graph.analysis: the cached entity graph of path searches gives the paths a fresh build gives."""
from __future__ import annotations

import random

import networkx as nx
import pytest

from graph import analysis
from graph.model import Relation
from graph.synthetic import startup_store, synthetic_store


@pytest.fixture(scope="module")
def generated() -> nx.MultiDiGraph:
    return synthetic_store(people=1500, organizations=200, seed=9).to_networkx()


def fresh_path(G, source, target, via_orgs, types):
    """What shortest_path_keys gave before the cache: a new entity graph for every call."""
    H = analysis.entity_graph(G, types, via_orgs=via_orgs, endpoints=(source, target))
    try:
        return nx.shortest_path(H, source, target)
    except nx.NetworkXNoPath:
        return None


@pytest.mark.parametrize("via_orgs, types", [(False, None), (True, None), (False, ("KNOWS", "MENTORED")),
                                             (True, ("WORKS_AT", "FOUNDED"))])
def test_analysis_cached_paths_equal_fresh_paths(generated, via_orgs, types) -> None:
    rng = random.Random(f"{via_orgs}{types}")
    keys = sorted(generated.nodes)
    for _ in range(60):
        a, b = rng.choice(keys), rng.choice(keys)  # people and organizations as endpoints
        assert analysis.shortest_path_keys(generated, a, b, via_orgs=via_orgs, types=types) == \
            fresh_path(generated, a, b, via_orgs, types)


@pytest.mark.parametrize("via_orgs", [False, True])
def test_analysis_cached_all_paths_equal_fresh(generated, via_orgs) -> None:
    rng = random.Random(via_orgs)
    keys = sorted(generated.nodes)
    for _ in range(20):
        a, b = rng.choice(keys), rng.choice(keys)
        H = analysis.entity_graph(generated, via_orgs=via_orgs, endpoints=(a, b))
        try:
            expected = sorted(nx.all_shortest_paths(H, a, b)) if a != b else [[a]]
        except nx.NetworkXNoPath:
            expected = []
        assert analysis.all_shortest_path_keys(generated, a, b, via_orgs=via_orgs) == expected


@pytest.mark.parametrize("source, target", [("ada", "gus")])
def test_analysis_path_cache_follows_graph_changes(source, target) -> None:
    store = startup_store()
    G = store.to_networkx()
    assert analysis.shortest_path_keys(G, source, target, via_orgs=True) is None
    G.add_edge(source, target, key="KNOWS", **Relation("KNOWS", source, target).to_dict())
    assert analysis.shortest_path_keys(G, source, target, via_orgs=True) == [source, target]
    G.remove_edge(source, target, key="KNOWS")
    assert analysis.shortest_path_keys(G, source, target, via_orgs=True) is None
    G.nodes[source]["type"] = "Organization"  # same counts: the cache must be told
    analysis.forget_path_graphs(G)
    assert analysis.shortest_path_keys(G, source, "acme") == fresh_path(G, source, "acme", False, None)


@pytest.mark.parametrize("via_orgs", [False, True])
def test_analysis_path_graph_is_read_only(via_orgs) -> None:
    G = startup_store().to_networkx()
    H = analysis.path_graph(G, via_orgs=via_orgs, endpoints=("acme",))
    with pytest.raises(nx.NetworkXError):
        H.add_edge("ada", "gus")
    analysis.forget_path_graphs(G)
    assert analysis.path_graph(G) is not H
