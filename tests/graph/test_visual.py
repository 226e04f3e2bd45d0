"""The HTML page of graph/visual.py, read as text: offline, counts, filters, path, trimming."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from browser.samples import chain_store, hostile_store, star_store
from graph.errors import EntityNotFound
from graph.model import FOUNDED, KNOWS, WORKS_AT
from graph.visual import (MAX_EDGES, MAX_NODES, ViewOptions, VisualError, build_network, render_html, script_json,
                          select_view, trim, write_html)


class Page(HTMLParser):
    """Every tag and attribute of a page, and the text of each script and style element."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._open = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        self._open = None

    def handle_data(self, data):
        if self._open:
            self.raw[self._open][-1] += data


def page_data(html: str) -> dict:
    """The JSON data block the page script reads."""
    match = re.search(r'<script type="application/json" id="fg-data">(.*?)</script>', html, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.fixture
def hostile_graph(tmp_path: Path) -> nx.MultiDiGraph:
    return hostile_store(tmp_path / "hostile").to_networkx()


@pytest.fixture
def chain_graph(tmp_path: Path) -> nx.MultiDiGraph:
    return chain_store(tmp_path / "chain", length=5, extra=3).to_networkx()


@pytest.fixture
def star_graph(tmp_path: Path) -> nx.MultiDiGraph:
    return star_store(tmp_path / "star", hubs=3, leaves=20).to_networkx()


@pytest.mark.parametrize("sample", ["hostile_graph", "chain_graph", "star_graph"])
def test_visual_page_loads_nothing_from_the_network(sample: str, request: pytest.FixtureRequest) -> None:
    html = render_html(select_view(request.getfixturevalue(sample)))
    page = Page(html)
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            if name in ("src", "href", "action", "srcset", "poster", "data"):
                assert value is not None and value.startswith("data:"), (tag, name, value)
    assert [t for t, _ in page.tags if t in ("script", "link", "style", "iframe", "img", "object", "embed")] == \
        ["link", "style", "style", "script", "script", "script"]
    lowered = html.lower()
    assert not re.search(r"cdnjs|cdn\.|bootstrap|jsdelivr|cloudflare|unpkg|googleapis|@import", lowered)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", lowered)


@pytest.mark.parametrize("sample", ["hostile_graph", "star_graph"])
def test_visual_csp_allows_exactly_the_inline_scripts(sample: str, request: pytest.FixtureRequest) -> None:
    html = render_html(select_view(request.getfixturevalue(sample)))
    page = Page(html)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    hashes = re.findall(r"'sha256-([^']+)'", csp)
    executable = page.raw["script"][1:]  # the first one is the JSON data block
    assert sorted(hashes) == sorted(base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in executable)


@pytest.mark.parametrize("sample, nodes, edges", [("hostile_graph", 5, 6), ("chain_graph", 8, 4), ("star_graph", 63, 60)])
def test_visual_page_holds_every_node_and_edge(sample: str, nodes: int, edges: int,
                                               request: pytest.FixtureRequest) -> None:
    graph = request.getfixturevalue(sample)
    data = page_data(render_html(select_view(graph)))
    assert (len(data["nodes"]), len(data["edges"])) == (nodes, edges) == (graph.number_of_nodes(), graph.number_of_edges())
    assert {n["id"] for n in data["nodes"]} == set(graph)
    assert data["counts"] == {"nodes": nodes, "edges": edges, "all_nodes": nodes, "all_edges": edges}


@pytest.mark.parametrize("kind, directed", [(WORKS_AT, True), (KNOWS, False)])
def test_visual_edges_carry_type_color_and_direction(chain_graph: nx.MultiDiGraph, kind: str, directed: bool) -> None:
    data = page_data(render_html(select_view(chain_graph)))
    edge = next(e for e in data["edges"] if e["kind"] == kind)
    assert edge["label"] == kind and edge["arrows"]["to"]["enabled"] is directed
    assert {e["kind"]: e["color"]["color"] for e in data["edges"]}[kind] == \
        next(x["color"] for x in data["legend"]["edges"] if x["type"] == kind)


@pytest.mark.parametrize("hub, leaf", [("hub0", "hub0-p0")])
def test_visual_people_and_organizations_differ_and_size_grows_with_degree(star_graph, hub: str, leaf: str) -> None:
    nodes = {n["id"]: n for n in page_data(render_html(select_view(star_graph)))["nodes"]}
    assert nodes[hub]["shape"] != nodes[leaf]["shape"]
    assert nodes[hub]["color"]["background"] != nodes[leaf]["color"]["background"]
    assert nodes[hub]["size"] > nodes[leaf]["size"]


@pytest.mark.parametrize("name", ["Zoé “Zo” O'Brien 👩‍💻🚀"])
def test_visual_tooltips_carry_roles_companies_and_evidence(hostile_graph: nx.MultiDiGraph, name: str) -> None:
    data = page_data(render_html(select_view(hostile_graph)))
    zoe = next(n for n in data["nodes"] if n["label"] == name)
    assert zoe["tip"]["aliases"] == ["href=javascript:window.__pwned='alias2'"]
    assert any(r.startswith('<b onmouseover="window.__pwned=\'role\'">CTO</b> at Acme') and r.endswith("(former)")
               for r in zoe["tip"]["roles"])
    assert zoe["tip"]["companies"] and zoe["tip"]["companies"][0].startswith("Acme</script>")
    works = next(e for e in data["edges"] if e["kind"] == WORKS_AT)
    assert works["dashes"] is True
    assert [ev["title"] for ev in works["tip"]["evidence"]] == [next(
        a["title"] for a in hostile_graph.graph["articles"].values() if a["path"].startswith("articles/"))] * 2
    assert works["tip"]["evidence"][0]["path"].startswith("articles/<img")
    stored = next(d for _, _, d in hostile_graph.edges(data=True) if d["type"] == WORKS_AT)
    assert [ev["sentence"] for ev in works["tip"]["evidence"]] == [e["sentence"] for e in stored["evidence"]]


@pytest.mark.parametrize("text", ["</script>", "</SCRIPT >", "<!-- x", "a & b", "\u2028\u2029", "<img src=x onerror=1>", "🚀"])
def test_visual_script_json_cannot_break_out(text: str) -> None:
    encoded = script_json({"s": text})
    assert not set(encoded) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(encoded) == {"s": text}


def test_visual_render_is_utf8_file(hostile_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = write_html(select_view(hostile_graph, ViewOptions(title="Zoé 🚀")), tmp_path / "deep" / "g.html")
    raw = out.read_bytes()
    assert raw.decode("utf-8").startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in raw.decode("utf-8")
    assert "<title>Zoé 🚀</title>".encode("utf-8") in raw
    assert [p.name for p in out.parent.iterdir()] == ["g.html"]


@pytest.mark.parametrize("types, kinds", [(["FOUNDED"], {"FOUNDED"}), (["KNOWS", "MENTORED"], {"KNOWS", "MENTORED"})])
def test_visual_types_keep_only_those_relations(hostile_graph, types, kinds) -> None:
    view = select_view(hostile_graph, ViewOptions(types=types))
    assert {k for _, _, k in view.graph.edges(keys=True)} == kinds
    assert view.graph.number_of_nodes() == hostile_graph.number_of_nodes()


@pytest.mark.parametrize("types", [["FRIENDS_WITH"]])
def test_visual_unknown_type_is_an_error(hostile_graph, types) -> None:
    with pytest.raises(VisualError, match="FRIENDS_WITH"):
        select_view(hostile_graph, ViewOptions(types=types))


@pytest.mark.parametrize("hops, expected", [(0, {"p2"}), (1, {"p1", "p2", "p3"}), (2, {"p0", "p1", "p2", "p3", "p4"})])
def test_visual_around_keeps_the_neighbourhood(chain_graph, hops: int, expected: set[str]) -> None:
    view = select_view(chain_graph, ViewOptions(around="Person 2", hops=hops))
    assert set(view.graph) == expected and view.center == "p2"


@pytest.mark.parametrize("min_degree, expected", [(1, {"p0", "p1", "p2", "p3", "p4"}), (2, {"p1", "p2", "p3"})])
def test_visual_min_degree_drops_the_loosely_connected(chain_graph, min_degree: int, expected: set[str]) -> None:
    assert set(select_view(chain_graph, ViewOptions(min_degree=min_degree)).graph) == expected


@pytest.mark.parametrize("option", ["around", "path"])
def test_visual_unknown_name_raises_entity_not_found(chain_graph, option: str) -> None:
    options = ViewOptions(around="Nobody Here") if option == "around" else ViewOptions(path=("Person 0", "Nobody Here"))
    with pytest.raises(EntityNotFound, match="Nobody Here"):
        select_view(chain_graph, options)


@pytest.mark.parametrize("a, b, hops", [("Person 0", "Person 4", 4), ("Person 1", "Person 3", 2)])
def test_visual_path_highlights_the_hops(chain_graph, a: str, b: str, hops: int) -> None:
    view = select_view(chain_graph, ViewOptions(path=(a, b), min_degree=5))
    assert len(view.path_edges) == hops and set(view.path_nodes) <= set(view.graph)  # kept despite min-degree
    data = page_data(render_html(view))
    wide = [e for e in data["edges"] if e["width"] > 2]
    assert len(wide) == hops
    assert [h["source"] for h in data["path"]["hops"]][0] in (a, f"Person {int(a[-1]) + 1}")
    assert data["path"]["names"] == [a, b]
    on_path = {n["id"] for n in data["nodes"] if n.get("borderWidth") == 5}
    assert on_path == set(view.path_nodes)


@pytest.mark.parametrize("a, b", [("Person 0", "Org 1")])
def test_visual_path_without_connection_says_so(chain_graph, a: str, b: str) -> None:
    view = select_view(chain_graph, ViewOptions(path=(a, b)))
    assert view.path_edges == [] and view.notices == ["No chain of relations links Person 0 and Org 1."]
    assert "No chain of relations links Person 0 and Org 1." in render_html(view)


@pytest.mark.parametrize("max_nodes", [10, 21, 25])
def test_visual_trim_keeps_the_most_connected_part(star_graph, max_nodes: int) -> None:
    view = select_view(star_graph, ViewOptions(max_nodes=max_nodes))
    assert view.trimmed and view.graph.number_of_nodes() == max_nodes
    assert {"hub0", "hub1", "hub2"} <= set(view.graph)
    assert len(view.notices) == 1 and f"{max_nodes:,} nodes" in view.notices[0]
    html = render_html(view)
    assert 'class="fg-notice fg-trimmed"' in html
    assert page_data(html)["counts"]["nodes"] == max_nodes


@pytest.mark.parametrize("max_edges", [5, 30])
def test_visual_trim_bounds_edges_too(star_graph, max_edges: int) -> None:
    view = select_view(star_graph, ViewOptions(max_edges=max_edges))
    assert view.trimmed and view.graph.number_of_edges() <= max_edges


@pytest.mark.parametrize("keep", [["hub2-p19", "hub1-p3"]])
def test_visual_trim_always_keeps_pinned_nodes(star_graph, keep: list[str]) -> None:
    kept = trim(star_graph, max_nodes=5, max_edges=10_000, keep=keep)
    assert kept[:2] == keep and len(kept) == 5 and {"hub0", "hub1", "hub2"} <= set(kept)


@pytest.mark.parametrize("n", [MAX_NODES + 500])
def test_visual_large_graph_is_trimmed_to_the_documented_size(n: int) -> None:
    graph = nx.MultiDiGraph(articles={})
    for i in range(n):
        graph.add_node(f"n{i}", type="Person", name=f"N {i}", aliases=[], articles=[])
    for i in range(1, n):
        graph.add_edge(f"n{i}", f"n{i // 3}", key=FOUNDED, type=FOUNDED, props={}, confidence=0.5, evidence=[])
    view = select_view(graph)
    assert view.trimmed and view.graph.number_of_nodes() == MAX_NODES
    assert view.graph.number_of_edges() <= MAX_EDGES
    net = build_network(view)
    assert len(net.nodes) == MAX_NODES and len(net.edges) == view.graph.number_of_edges()
    assert "label" not in net.edges[0]  # too many edges to label them all


@pytest.mark.parametrize("name", ["Person 2"])
def test_visual_path_to_itself_is_one_node(chain_graph, name: str) -> None:
    view = select_view(chain_graph, ViewOptions(path=(name, name)))
    assert (view.path_nodes, view.path_edges, view.notices) == (["p2"], [], [])
