"""graph.export: GraphML/GEXF read back by NetworkX, node-link JSON round trip, neo4j-admin CSV headers."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from graph import export
from graph.synthetic import build_store, startup_store

TRICKY = 'Zoë "Z" O\'Brien; \\ <b>&amp; 🚀'


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    """The startup graph plus a tricky name and two relations between the same pair (parallel edges)."""
    store = startup_store()
    extra = build_store([(TRICKY, "Person", ["Zoe; OB"]), ("Ada", "Person")],
                        [("KNOWS", "Ada", TRICKY), ("MENTORED", TRICKY, "Ada", {"confidence": 0.55})])
    store.index.entities.update({k: v for k, v in extra.entities.items() if k != "ada"})
    store.relations.update(extra.relations)
    return store.to_networkx()


def _edges(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, v, d.get("relation") or d["type"]) for u, v, d in G.edges(data=True)}


@pytest.mark.parametrize("fmt, read", [
    ("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
    ("gexf", nx.read_gexf),
])
def test_export_xml_formats_read_back_by_networkx(graph, tmp_path: Path, fmt, read) -> None:
    path = tmp_path / f"graph.{fmt}"
    assert export.export(graph, fmt, path) == [path]
    back = read(path)
    assert set(back.nodes) == set(graph.nodes)
    assert _edges(back) == _edges(graph)
    restored = export.unflatten(back)
    for node, data in graph.nodes(data=True):
        assert restored.nodes[node]["name"] == data["name"]
        assert restored.nodes[node]["aliases"] == data["aliases"]
        assert restored.nodes[node]["type"] == data["type"]
    for u, v, key, data in graph.edges(keys=True, data=True):
        got = restored.get_edge_data(u, v)[key]
        assert got["props"] == data["props"] and got["evidence"] == data["evidence"]
        assert got["confidence"] == pytest.approx(data["confidence"])


def test_export_graphml_has_flat_prop_columns(graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    export.export(graph, "graphml", path)
    back = nx.read_graphml(path, force_multigraph=True)
    (data,) = [d for u, v, d in back.edges(data=True) if (u, v) == ("cy", "acme")]
    assert data["role"] == "CTO" and data["label"] == "WORKS_AT" and data["mentions"] == 1
    assert back.nodes["acme"]["label"] == "Acme"


def test_export_json_round_trip(graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    export.export(graph, "json", path)
    back = export.read_json(path)
    assert nx.utils.graphs_equal(back, graph)
    assert back.graph["articles"] == graph.graph["articles"]


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_export_csv_in_neo4j_admin_format(graph, tmp_path: Path) -> None:
    written = export.export(graph, "csv", tmp_path / "import")
    names = {p.name for p in written}
    assert names == {"people.csv", "organizations.csv", "articles.csv", "relationships.csv", "mentions.csv"}
    people = _read(tmp_path / "import" / "people.csv")
    assert people[0][0] == "key:ID" and people[0][-1] == ":LABEL"
    assert {row[-1] for row in people[1:]} == {"Person"} and len(people) - 1 == 8
    tricky = next(row for row in people if row[1] == TRICKY)
    assert tricky[2] == "Zoe, OB"  # the array delimiter inside a value is replaced
    relationships = _read(tmp_path / "import" / "relationships.csv")
    header = relationships[0]
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    rows = [dict(zip(header, row)) for row in relationships[1:]]
    assert len(rows) == graph.number_of_edges()
    works = next(r for r in rows if r[":START_ID"] == "dee")
    assert works[":TYPE"] == "WORKS_AT" and works["former:boolean"] == "true" and works["mentions:int"] == "1"
    assert _read(tmp_path / "import" / "articles.csv")[0][0] == "id:ID(Article)"
    mentions = _read(tmp_path / "import" / "mentions.csv")
    assert mentions[0] == [":START_ID(Article)", ":END_ID", ":TYPE"] and len(mentions) - 1 == graph.number_of_nodes()


def test_export_unknown_format_is_an_error(graph, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export.export(graph, "dot", tmp_path / "g.dot")


def test_export_json_keeps_values_as_they_are(graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    export.export(graph, "json", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    link = next(l for l in data["links"] if l["source"] == "eve" and l["target"] == "acme")
    assert link["props"] == {"amount": 2, "currency": "EUR", "round": "seed"}
