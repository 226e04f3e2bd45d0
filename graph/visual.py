"""The interactive graph: one self-contained, offline, injection-safe HTML page built with pyvis.

Two steps, both plain functions:

1. :func:`select_view` picks what to draw from the store's MultiDiGraph: relation types
   (``types``), a neighbourhood (``around`` within ``hops``), a minimum degree, the hops of a
   shortest path (``path``, always drawn in full), and, above :data:`MAX_NODES` nodes or
   :data:`MAX_EDGES` edges, a trim to the most connected part (the nodes of highest degree),
   reported in :attr:`View.notices`.
2. :func:`render_html` turns a :class:`View` into the page; :func:`write_html` writes it as UTF-8.

Why not ``pyvis.Network.write_html``: pyvis 0.3.2 still loads Bootstrap from a CDN with
``cdn_resources="in_line"`` (the page breaks offline), injects its heading, its select-menu node
ids and any ``title`` containing "href" into the page unescaped (article text would run as
script), ``from_nx`` is quadratic, and ``write_html`` writes with the platform's default encoding.
So pyvis's :class:`~pyvis.network.Network` is used for what it does well — holding the node and
edge lists (assigned directly, never through ``from_nx``) and the vis-network options — and the
page comes from our own Jinja2 template (``graph/templates/graph.html``) with autoescape on:

- vis-network 9.1.2's JS and CSS are read from the pyvis package (``pyvis/lib/vis-9.1.2``) and
  inlined; there is no ``src=`` or ``href=`` to anything but ``data:``, and a Content-Security-Policy
  (``default-src 'none'``, scripts allowed only by their SHA-256) makes the browser refuse any
  request or any script that is not ours, should one ever slip in.
- Every text that comes from an article (names, aliases, evidence sentences, titles, paths) is only
  ever in the JSON data block: ``json.dumps`` then ``<``, ``>``, ``&``, U+2028 and U+2029 escaped
  as ``\\uXXXX``, inside ``<script type="application/json">``, so ``</script>`` cannot close it. The
  page script (``graph/templates/graph.js``) builds tooltips, the legend and the path panel as DOM
  elements with ``textContent``; vis-network draws labels on a canvas and shows tooltip elements
  as given. Nothing is ever parsed as HTML.
- The layout runs a bounded stabilization, then physics is switched off, so the graph stops moving.
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import jinja2
from markupsafe import Markup
import networkx as nx
import pyvis
from pyvis.network import Network

from graph.errors import FoundergraphError
from graph.model import (ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON,
                         RELATION_TYPES, UNDIRECTED_TYPES, WORKS_AT, best_relation_order)
from graph.index import GraphIndex
from graph.lookup import find_entity

logger = logging.getLogger(__name__)

#: Above this many nodes the page would take minutes to lay out: the view is trimmed to the
#: ``MAX_NODES`` nodes of highest degree (the path's nodes are always kept).
MAX_NODES = 1500
#: Above this many edges the view is trimmed the same way, until it has at most this many.
MAX_EDGES = 5000
#: Edge labels are drawn only up to this many edges (colors and the legend tell types apart beyond).
MAX_EDGE_LABELS = 400
#: At most this many evidence sentences per relation go into the page (the count says how many more).
MAX_EVIDENCE = 5

VIS_VERSION = "9.1.2"
TEMPLATES = Path(__file__).resolve().parent / "templates"

NODE_STYLE = {
    PERSON: {"shape": "dot", "color": "#4e79a7", "border": "#2b4a6b", "label": "Person"},
    ORGANIZATION: {"shape": "square", "color": "#f28e2b", "border": "#a85a12", "label": "Organization"},
}
EDGE_COLORS = {
    FOUNDED: "#d62728",
    WORKS_AT: "#17becf",
    INVESTED_IN: "#2ca02c",
    ACQUIRED: "#9467bd",
    MENTORED: "#bcbd22",
    KNOWS: "#7f7f7f",
}
PATH_COLOR = "#ffb000"
FADED = "rgba(180,180,180,0.35)"


class VisualError(FoundergraphError):
    """The page cannot be built (e.g. pyvis's bundled vis-network is missing)."""


@dataclass
class ViewOptions:
    """What to draw: every field is optional and they combine (types, then around, then min-degree)."""

    around: str | None = None
    hops: int = 1
    path: tuple[str, str] | None = None
    via_orgs: bool = False  # as ``foundergraph path --via-orgs``: the chain may pass through organizations
    types: Sequence[str] | None = None
    min_degree: int = 0
    max_nodes: int = MAX_NODES
    max_edges: int = MAX_EDGES
    title: str = "foundergraph"


@dataclass
class View:
    """The part of the graph to draw, with the path to highlight and notices for the reader."""

    graph: nx.MultiDiGraph
    full: nx.MultiDiGraph
    path_nodes: list[str] = field(default_factory=list)
    path_edges: list[tuple[str, str, str]] = field(default_factory=list)
    path_names: tuple[str, str] | None = None
    center: str | None = None
    notices: list[str] = field(default_factory=list)
    trimmed: bool = False
    title: str = "foundergraph"


# -- choosing what to draw ---------------------------------------------------------------------
def _best_edge(graph: nx.MultiDiGraph, a: str, b: str) -> tuple[str, str, str]:
    """The most trusted relation between two adjacent nodes, either direction: the hop ``foundergraph path``
    shows (:func:`graph.model.best_relation_order`)."""
    candidates = [(a, b, k, d) for k, d in graph.get_edge_data(a, b, default={}).items()]
    candidates += [(b, a, k, d) for k, d in graph.get_edge_data(b, a, default={}).items()]
    u, v, k, _ = min(candidates, key=lambda c: best_relation_order(
        {"confidence": c[3].get("confidence"), "type": c[2], "source": c[0], "target": c[1]}))
    return u, v, k


def _filter_types(graph: nx.MultiDiGraph, types: Iterable[str]) -> nx.MultiDiGraph:
    wanted = set(types)
    unknown = wanted - set(RELATION_TYPES)
    if unknown:
        raise VisualError(f"unknown relation type {', '.join(sorted(unknown))}; "
                          f"choose from {', '.join(RELATION_TYPES)}")
    kept = nx.MultiDiGraph(**graph.graph)
    kept.add_nodes_from(graph.nodes(data=True))
    kept.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if d.get("type", k) in wanted)
    return kept


def _degrees(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Number of relations touching each node, whatever their direction."""
    return dict(graph.degree())


def trim(graph: nx.MultiDiGraph, max_nodes: int, max_edges: int, keep: Iterable[str] = ()) -> list[str]:
    """The most connected part that fits: nodes by degree (highest first, ``keep`` before all), cut
    at the longest prefix with at most ``max_nodes`` nodes and ``max_edges`` edges between them."""
    degree = _degrees(graph)
    pinned = [n for n in dict.fromkeys(keep) if n in graph]
    pinned_set = set(pinned)
    ranked = pinned + sorted((n for n in graph if n not in pinned_set), key=lambda n: (-degree[n], str(n)))
    rank = {n: i for i, n in enumerate(ranked)}
    # An edge is drawn once both ends are in: it appears at the rank of its later end.
    appears = sorted(max(rank[u], rank[v]) for u, v in graph.edges())
    limit = min(max_nodes, len(ranked))
    if len(appears) > max_edges:
        limit = min(limit, appears[max_edges])  # first prefix length that would exceed max_edges
    limit = max(limit, len(pinned))
    return ranked[:limit]


def select_view(graph: nx.MultiDiGraph, options: ViewOptions | None = None) -> View:
    """What to draw from ``graph`` (a store's MultiDiGraph), following ``options``.

    Raises :class:`~graph.errors.EntityNotFound` for an unknown ``around`` or ``path`` name.
    """
    options = options or ViewOptions()
    view = View(graph=graph, full=graph, title=options.title)
    work = _filter_types(graph, options.types) if options.types else graph
    undirected = work.to_undirected(as_view=True)
    pinned: list[str] = []

    if options.path:  # the chain `foundergraph path` gives for the same options: the same index and search
        a, b = (find_entity(work, name) for name in options.path)
        view.path_names = (work.nodes[a].get("name", a), work.nodes[b].get("name", b))
        index = GraphIndex.from_networkx(graph)
        chain = index.shortest_path(a, b, via_orgs=options.via_orgs, types=options.types)
        if chain is None:
            view.path_nodes = [a, b] if a != b else [a]
            wider = None if options.via_orgs else index.distance(a, b, via_orgs=True, types=options.types)
            view.notices.append(
                f"No chain of relations links {view.path_names[0]} and {view.path_names[1]}"
                + ("." if wider is None else f" through people only; through organizations: {wider} degrees "
                                             "(add --via-orgs to see the chain)."))
        else:
            view.path_nodes = chain
            view.path_edges = [_best_edge(work, u, v) for u, v in zip(view.path_nodes, view.path_nodes[1:])]
        pinned += view.path_nodes

    nodes: set[str] = set(work)
    if options.around:
        view.center = find_entity(work, options.around)
        nodes = set(nx.single_source_shortest_path_length(undirected, view.center, cutoff=max(options.hops, 0)))
        pinned.insert(0, view.center)
    if options.min_degree > 0:
        degree = _degrees(work.subgraph(nodes))
        nodes = {n for n in nodes if degree[n] >= options.min_degree}
    sub = work.subgraph(nodes | set(pinned))  # the path is always drawn in full, the center always kept

    if sub.number_of_nodes() > options.max_nodes or sub.number_of_edges() > options.max_edges:
        kept = trim(sub, options.max_nodes, options.max_edges, keep=pinned)
        view.notices.append(
            f"The graph has {sub.number_of_nodes():,} nodes and {sub.number_of_edges():,} relations, more than a "
            f"browser lays out quickly (limits: {options.max_nodes:,} nodes, {options.max_edges:,} relations): "
            f"showing its most connected part, {len(kept):,} nodes. Narrow it with --around, --types or --min-degree."
        )
        view.trimmed = True
        sub = work.subgraph(kept)
    view.graph = nx.MultiDiGraph(sub)
    view.graph.graph.update(graph.graph)
    return view


# -- what each node and edge says --------------------------------------------------------------
def _props_text(props: dict[str, Any]) -> list[list[str]]:
    return [[str(k), "yes" if v is True else "no" if v is False else str(v)]
            for k, v in props.items() if v not in (None, "")]


def _role_line(data: dict[str, Any], other: str, outgoing: bool) -> str:
    """One line about a relation, seen from one of its ends: ``CEO at Orange (former)``."""
    kind, props = data.get("type"), data.get("props", {}) or {}
    former = " (former)" if props.get("former") else ""
    if kind == WORKS_AT:
        return (f"{props['role']} at {other}" if props.get("role") and outgoing else
                f"works at {other}" if outgoing else f"employs {other}" + (f" ({props['role']})" if props.get("role") else "")) + former
    if kind == FOUNDED:
        return f"founder of {other}" if outgoing else f"founded by {other}"
    if kind == INVESTED_IN:
        detail = " ".join(str(props[p]) for p in ("round", "amount", "currency") if props.get(p))
        line = f"investor in {other}" if outgoing else f"backed by {other}"
        return f"{line} ({detail})" if detail else line
    if kind == ACQUIRED:
        return f"acquired {other}" if outgoing else f"acquired by {other}"
    if kind == MENTORED:
        return f"mentor of {other}" if outgoing else f"mentored by {other}"
    if kind == KNOWS:
        return f"knows {other}"
    return f"{kind} {other}"


def _node_facts(full: nx.MultiDiGraph) -> dict[str, dict[str, list[str]]]:
    """Per node, from the whole graph (or every node's own relations): its roles and the companies it is tied
    to, each sorted."""
    facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"roles": [], "companies": []})
    name = {n: d.get("name", n) for n, d in full.nodes(data=True)}
    kind = {n: d.get("type") for n, d in full.nodes(data=True)}
    for u, v, data in full.edges(data=True):
        facts[u]["roles"].append(_role_line(data, name[v], outgoing=True))
        facts[v]["roles"].append(_role_line(data, name[u], outgoing=False))
        for me, other in ((u, v), (v, u)):
            if kind.get(other) == ORGANIZATION and name[other] not in facts[me]["companies"]:
                facts[me]["companies"].append(name[other])
    for fact in facts.values():  # in an order that does not depend on how the graph was loaded
        fact["roles"].sort(key=str.casefold)
        fact["companies"].sort(key=str.casefold)
    return facts


def _article_ref(articles: dict[str, dict[str, Any]], article_id: str) -> dict[str, str]:
    article = articles.get(article_id) or {}
    return {"title": str(article.get("title") or ""), "path": str(article.get("path") or article_id)}


def _node_size(degree: int) -> float:
    return round(min(12 + 7 * math.sqrt(degree), 48), 1)


def build_network(view: View) -> Network:
    """A pyvis Network holding the view's nodes, edges and vis-network options (lists assigned directly)."""
    graph, articles = view.graph, view.full.graph.get("articles", {})
    degree = _degrees(graph)
    facts = _node_facts(view.full)
    full_degree = _degrees(view.full)
    on_path = set(view.path_nodes)
    path_edges = set(view.path_edges)
    highlight = bool(view.path_nodes)

    nodes = []
    for key, data in graph.nodes(data=True):
        style = NODE_STYLE.get(data.get("type"), NODE_STYLE[ORGANIZATION])
        color = style["color"]
        node: dict[str, Any] = {
            "id": key, "label": str(data.get("name", key)), "shape": style["shape"],
            "size": _node_size(degree[key]),
            "color": {"background": color, "border": style["border"],
                      "highlight": {"background": color, "border": "#000000"},
                      "hover": {"background": color, "border": "#000000"}},
            "tip": {
                "name": str(data.get("name", key)), "type": str(data.get("type", "")),
                "aliases": [str(a) for a in data.get("aliases", [])],
                "roles": facts[key]["roles"][:12], "more_roles": max(len(facts[key]["roles"]) - 12, 0),
                "companies": facts[key]["companies"][:12], "relations": full_degree.get(key, 0),
                "articles": [_article_ref(articles, a) for a in data.get("articles", [])][:8],
            },
        }
        if highlight and key in on_path:
            node["borderWidth"] = 5
            node["color"]["border"] = PATH_COLOR
            node["font"] = {"size": 18, "bold": True}
        elif highlight:
            node["color"] = {"background": FADED, "border": FADED}
            node["font"] = {"color": "#999999"}
        if key == view.center:
            node["borderWidth"] = 5
        nodes.append(node)

    names = {n: str(d.get("name", n)) for n, d in graph.nodes(data=True)}
    pair_count: dict[frozenset, int] = defaultdict(int)
    labels = graph.number_of_edges() <= MAX_EDGE_LABELS
    edges = []
    for i, (u, v, k, data) in enumerate(sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))):
        kind = data.get("type", k)
        color = EDGE_COLORS.get(kind, "#555555")
        props = data.get("props", {}) or {}
        evidence = data.get("evidence", []) or []
        pair = frozenset((u, v))
        nth = pair_count[pair]
        pair_count[pair] += 1
        directed = kind not in UNDIRECTED_TYPES
        edge: dict[str, Any] = {
            "id": f"e{i}", "from": u, "to": v, "kind": kind,
            "label": kind if labels else None,
            "color": {"color": color, "highlight": color, "hover": color},
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.7}},
            "width": 2,
            "dashes": bool(props.get("former")),
            "smooth": {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                       "roundness": 0.08 + 0.12 * ((nth + 1) // 2)} if nth else {"enabled": False},
            "tip": {
                "type": kind, "source": names[u], "target": names[v], "directed": directed,
                "props": _props_text(props), "confidence": round(float(data.get("confidence", 0) or 0), 2),
                "evidence": [{"sentence": str(e.get("sentence", "")), **_article_ref(articles, e.get("article_id", ""))}
                             for e in evidence[:MAX_EVIDENCE]],
                "more_evidence": max(len(evidence) - MAX_EVIDENCE, 0),
            },
        }
        if edge["label"] is None:
            del edge["label"]
        if highlight and (u, v, k) in path_edges:
            edge["width"] = 6
            edge["color"] = {"color": color, "highlight": color, "hover": color}
            edge["shadow"] = {"enabled": True, "color": PATH_COLOR, "size": 12, "x": 0, "y": 0}
        elif highlight:
            edge["color"] = {"color": FADED, "highlight": color, "hover": color}
            edge["font"] = {"color": "#bbbbbb"}
        edges.append(edge)

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.nodes, net.edges = nodes, edges  # never from_nx: it is quadratic
    net.node_ids = [n["id"] for n in nodes]
    net.options = _vis_options(len(nodes), len(edges))
    return net


def _vis_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options: a bounded stabilization (fewer iterations on big graphs), then physics off."""
    iterations = int(max(100, min(1000, 150_000 / max(n_nodes, 1))))
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 150},
        "nodes": {"font": {"size": 15, "face": "sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "borderWidth": 2},
        "edges": {"font": {"size": 12, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff",
                           "color": "#333333"},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": {"enabled": True, "bindToWindow": False}, "hideEdgesOnDrag": n_edges > 2000},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "centralGravity": 0.012, "springLength": 130,
                                 "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
        },
    }


# -- the page ----------------------------------------------------------------------------------
def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028, U+2029 in clear."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis, and our page script and style."""
    lib = Path(pyvis.__file__).resolve().parent / "lib" / f"vis-{VIS_VERSION}"
    try:
        assets = {
            "vis_js": (lib / "vis-network.min.js").read_text(encoding="utf-8"),
            "vis_css": (lib / "vis-network.css").read_text(encoding="utf-8"),
            "app_js": (TEMPLATES / "graph.js").read_text(encoding="utf-8"),
            "app_css": (TEMPLATES / "graph.css").read_text(encoding="utf-8"),
        }
    except OSError as exc:
        raise VisualError(f"cannot read the page assets ({exc}); reinstall foundergraph and pyvis==0.3.2") from None
    for name, text in assets.items():
        closing = "</style" if name.endswith("css") else "</script"
        if closing in text.lower() or "<!--" in text:
            raise VisualError(f"{name} cannot be inlined: it contains {closing!r} or '<!--'")
    return assets


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("graph.html")


def render_html(view: View) -> str:
    """The whole page for ``view``: self-contained, no network, article text only in escaped JSON."""
    # a graph that is only part of a store says how big the store is (graph.neighbourhood)
    all_nodes, all_edges = view.full.graph.get("store_size") or (view.full.number_of_nodes(),
                                                                  view.full.number_of_edges())
    net = build_network(view)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    # the page does not depend on the order the graph was loaded in (a store's neighbourhood or the whole graph)
    nodes = sorted(nodes, key=lambda n: str(n["id"]))
    edges = sorted(edges, key=lambda e: (str(e["from"]), str(e["to"]), str(e.get("kind", "")), json.dumps(e, sort_keys=True)))
    assets = _assets()
    used = sorted({e["kind"] for e in edges}, key=lambda t: RELATION_TYPES.index(t) if t in RELATION_TYPES else 99)
    data = {
        "nodes": nodes, "edges": edges, "options": json.loads(options),
        "legend": {
            "nodes": [{"type": t, "label": s["label"], "color": s["color"], "shape": s["shape"]}
                      for t, s in NODE_STYLE.items()],
            "edges": [{"type": t, "color": EDGE_COLORS.get(t, "#555555"), "directed": t not in UNDIRECTED_TYPES}
                      for t in used],
        },
        "path": {
            "names": list(view.path_names) if view.path_names else None,
            "hops": [{"source": view.graph.nodes[u].get("name", u), "target": view.graph.nodes[v].get("name", v),
                      "type": k} for u, v, k in view.path_edges],
        },
        "counts": {"nodes": len(nodes), "edges": len(edges),
                   "all_nodes": all_nodes, "all_edges": all_edges},
        "notices": view.notices,
        "path_color": PATH_COLOR,
    }
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(assets['vis_js'])} {_csp_hash(assets['app_js'])}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    return _template().render(
        title=view.title, csp=csp, notices=view.notices, trimmed=view.trimmed,
        vis_css=Markup(assets["vis_css"]),
        app_css=Markup(assets["app_css"]),
        vis_js=Markup(assets["vis_js"]),
        app_js=Markup(assets["app_js"]),
        data_json=Markup(script_json(data)),
    )


def write_html(view: View, output: Path | str) -> Path:
    """Render ``view`` and write it to ``output`` as UTF-8 (temp file then rename)."""
    output = Path(output)
    html = render_html(view)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.tmp")
    tmp.write_text(html, encoding="utf-8", errors="replace", newline="\n")
    tmp.replace(output)
    logger.info("wrote %s (%d nodes, %d edges)", output, view.graph.number_of_nodes(), view.graph.number_of_edges())
    return output
