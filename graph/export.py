"""Export the graph: GraphML and GEXF (Gephi, Cytoscape), node-link JSON, and CSV for ``neo4j-admin import``.

GraphML and GEXF only hold scalar attributes, so lists and dicts (aliases, articles, props, evidence)
are written as JSON strings and relation props are also flattened into their own columns (``role``,
``amount``...). Node-link JSON keeps every value as it is. The CSV export writes the header format of
``neo4j-admin database import full``: ``people.csv`` and ``organizations.csv`` (``key:ID``, ``:LABEL``),
``articles.csv`` (``id:ID(Article)``) and one ``relationships.csv`` (``:START_ID``, ``:END_ID``,
``:TYPE``), arrays separated by ``;`` (import with ``--array-delimiter=";"``)::

    neo4j-admin database import full --array-delimiter=";" --nodes=people.csv --nodes=organizations.csv \\
        --nodes=articles.csv --relationships=relationships.csv --relationships=mentions.csv neo4j

The properties match those ``graph.neo4j_store`` writes, so an imported database answers the queries
of :mod:`queries.cypher`.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from graph import outputs
from graph.model import ORGANIZATION, PERSON, RELATION_PROPS

FORMATS = ("graphml", "gexf", "json", "csv")
#: The files ``--format csv`` writes in its folder.
CSV_FILES = ("people.csv", "organizations.csv", "articles.csv", "relationships.csv", "mentions.csv")
_ALL_PROPS = sorted({p for props in RELATION_PROPS.values() for p in props})


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes: lists/dicts as JSON strings, relation props as their own columns.

    Every node has the same attributes and every edge the same ones (empty strings when absent), as
    GraphML and GEXF declare one type per attribute.
    """
    flat = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        flat.add_node(node, label=data.get("name", node), type=data.get("type", ""), name=data.get("name", node),
                      aliases=_scalar(data.get("aliases", [])), articles=_scalar(data.get("articles", [])))
    for u, v, key, data in G.edges(keys=True, data=True):
        props = data.get("props", {})
        columns = {p: str(props[p]).lower() if isinstance(props.get(p), bool) else str(_scalar(props.get(p)))
                   for p in _ALL_PROPS}
        evidence = data.get("evidence", [])
        flat.add_edge(u, v, key=key, type=data.get("type", key), label=data.get("type", key),
                      confidence=float(data.get("confidence", 0.0)), props=_scalar(props),
                      evidence=_scalar(evidence), mentions=len(evidence), **columns)
    return flat


def unflatten(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The inverse of :func:`flat_graph` for a graph read back from GraphML or GEXF."""
    out = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        out.add_node(node, type=data.get("type", ""), name=data.get("name", node),
                     aliases=json.loads(data.get("aliases") or "[]"), articles=json.loads(data.get("articles") or "[]"))
    for u, v, data in G.edges(data=True):
        rtype = data.get("relation") or data.get("type") or data.get("label")
        out.add_edge(u, v, key=rtype, type=rtype, props=json.loads(data.get("props") or "{}"),
                     confidence=float(data.get("confidence", 0.0)), evidence=json.loads(data.get("evidence") or "[]"))
    return out


def write_graphml(G: nx.MultiDiGraph, path: Path) -> None:
    _atomic(path, lambda tmp: nx.write_graphml(flat_graph(G), tmp, encoding="utf-8"))


def write_gexf(G: nx.MultiDiGraph, path: Path) -> None:
    flat = flat_graph(G)
    for u, v, key, data in flat.edges(keys=True, data=True):
        data["id"] = f"{key}:{u}->{v}"  # GEXF edge ids are unique across the graph
        data["relation"] = data.pop("type")  # GEXF's own edge "type" means directed/undirected
    _atomic(path, lambda tmp: nx.write_gexf(flat, tmp, encoding="utf-8"))


def write_json(G: nx.MultiDiGraph, path: Path) -> None:
    data = nx.node_link_data(G, edges="links")
    _atomic(path, lambda tmp: tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"))


def read_json(path: Path) -> nx.MultiDiGraph:
    """Read a node-link JSON export back as the MultiDiGraph it was written from."""
    return nx.node_link_graph(json.loads(Path(path).read_text(encoding="utf-8")), edges="links")


def _array(values: list[Any]) -> str:
    return ";".join(str(v).replace(";", ",") for v in values)


def write_csv(G: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """The ``neo4j-admin database import`` files in ``folder``; returns their paths.

    Entities share the ``key`` id space, articles have their own (``Article``).
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def table(name: str, header: list[str], rows: list[list[Any]]) -> None:
        def write(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(header)
                writer.writerows(rows)
        _atomic(folder / name, write)
        written.append(folder / name)

    header = ["key:ID", "name", "aliases:string[]", "articles:string[]", ":LABEL"]
    for label, name in ((PERSON, "people.csv"), (ORGANIZATION, "organizations.csv")):
        rows = [[n, d.get("name", n), _array(d.get("aliases", [])), _array(d.get("articles", [])), label]
                for n, d in sorted(G.nodes(data=True)) if d.get("type") == label]
        table(name, header, rows)
    articles = G.graph.get("articles", {})
    table("articles.csv", ["id:ID(Article)", "path", "title", "language", ":LABEL"],
          [[a["id"], a.get("path", ""), a.get("title", ""), a.get("language", ""), "Article"]
           for _, a in sorted(articles.items())])
    rel_header = [":START_ID", ":END_ID", ":TYPE", "role", "former:boolean", "amount", "currency", "round",
                  "confidence:double", "mentions:int", "articles:string[]", "evidence:string[]",
                  "evidence_articles:string[]", "evidence_starts:int[]", "evidence_ends:int[]"]
    rows = []
    for u, v, key, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        props, evidence = d.get("props", {}), d.get("evidence", [])
        former = props.get("former")
        rows.append([u, v, key, props.get("role", ""), "" if former is None else str(bool(former)).lower(),
                     props.get("amount", ""), props.get("currency", ""), props.get("round", ""),
                     d.get("confidence", ""), len(evidence), _array(sorted({e["article_id"] for e in evidence})),
                     _array([e["sentence"] for e in evidence]), _array([e["article_id"] for e in evidence]),
                     _array([e["start"] for e in evidence]), _array([e["end"] for e in evidence])])
    table("relationships.csv", rel_header, rows)
    mentions = [[a, n, "MENTIONS"] for n, d in sorted(G.nodes(data=True)) for a in d.get("articles", [])
                if a in articles]
    table("mentions.csv", [":START_ID(Article)", ":END_ID", ":TYPE"], mentions)
    return written


def canonical(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` in which order says nothing: nodes by key, edges by (source, target, type), aliases and
    articles sorted, evidence by (article, start, end), articles by id. The same graph reached through
    articles ingested in another order is written the same."""
    out = nx.MultiDiGraph()
    out.graph.update(G.graph)
    if isinstance(G.graph.get("articles"), dict):
        out.graph["articles"] = dict(sorted(G.graph["articles"].items()))
    for node in sorted(G.nodes, key=str):
        data = dict(G.nodes[node])
        for name in ("aliases", "articles"):
            if isinstance(data.get(name), list):
                data[name] = sorted(data[name], key=str)
        out.add_node(node, **data)
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        data = dict(data)
        if isinstance(data.get("evidence"), list):
            data["evidence"] = sorted(data["evidence"], key=lambda e: (str(e.get("article_id")), e.get("start") or 0,
                                                                       e.get("end") or 0, str(e.get("sentence"))))
        out.add_edge(u, v, key=key, **data)
    return out


def export(G: nx.MultiDiGraph, fmt: str, path: Path) -> list[Path]:
    """Write ``G`` in ``fmt`` (one of :data:`FORMATS`) to ``path`` (a folder for csv), in the order of
    :func:`canonical`; returns the files."""
    path = Path(path)
    G = canonical(G)
    if fmt == "graphml":
        write_graphml(G, path)
    elif fmt == "gexf":
        write_gexf(G, path)
    elif fmt == "json":
        write_json(G, path)
    elif fmt == "csv":
        return write_csv(G, path)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose among {', '.join(FORMATS)}")
    return [path]


def write_export(G: nx.MultiDiGraph, fmt: str, path: Path, force: bool = False,
                 store_dir: Path | None = None) -> list[Path]:
    """:func:`export` behind the checks of :mod:`graph.outputs` (nothing replaced unless ``force``, nothing
    written through a link, into a device or inside a store folder); ``-`` writes to standard output."""
    path = Path(path)
    if fmt == "csv":
        if outputs.is_stdout(path):
            raise outputs.OutputError("--format csv writes a folder of files: give -o FOLDER, not -")
        outputs.check_folder(path, list(CSV_FILES), force, store_dir)
        return export(G, fmt, path)
    outputs.write_file(path, lambda tmp: export(G, fmt, tmp), force, store_dir)
    return [] if outputs.is_stdout(path) else [path]
