"""A neighbourhood of a saved store draws the same page as the whole graph for a view around one entity."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.neighbourhood import around
from graph.store import GraphStore
from graph.synthetic import synthetic_store
from graph.visual import ViewOptions, render_html, select_view
from graph.lookup import Key


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("viz-store")
    store = synthetic_store(people=1500, organizations=200, seed=5)
    store.directory, store.path = folder, folder / "graph.db"
    store.save()
    return folder, store.to_networkx()


@pytest.mark.parametrize("center,hops,types", [
    ("person 3", 1, None), ("person 3", 2, None), ("org 0", 1, None), ("org 5", 2, ("FOUNDED", "WORKS_AT")),
    ("person 40", 3, ("KNOWS", "MENTORED")), ("person 41", 0, None),
])
def test_view_around_an_entity_is_the_same_from_its_neighbourhood(saved, center: str, hops: int, types) -> None:
    folder, G = saved
    part = around(GraphStore.open(folder).file(), center, hops, types)
    assert part.number_of_nodes() < G.number_of_nodes()
    options = ViewOptions(around=Key(center), hops=hops, types=types, max_nodes=300, max_edges=900)
    whole_view, part_view = select_view(G, options), select_view(part, options)
    assert sorted(part_view.graph.edges(keys=True)) == sorted(whole_view.graph.edges(keys=True))
    assert part_view.notices == whole_view.notices
    assert render_html(part_view) == render_html(whole_view)
