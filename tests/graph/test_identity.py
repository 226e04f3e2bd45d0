"""Identity across articles (graph/identity.py): no merge across numbers or different words, no guessing
between two candidates, and the same entities whatever order the articles come in."""
from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.identity import EntityIndex, better_name, fuzzy_same
from graph.model import (FOUNDED, KNOWS, ORGANIZATION, PERSON, WORKS_AT, Article, Entity, Evidence, Extraction,
                         Relation, entity_key)
from graph.store import GraphStore

GRAPH = Path(__file__).resolve().parents[2] / "graph"


@pytest.mark.parametrize("a,b,kind", [
    ("marie curie3", "marie curie37", PERSON),
    ("marie curie3", "marie curie37", ORGANIZATION),
    ("acme 2019", "acme 2020", ORGANIZATION),
    ("studio 54", "studio 45", ORGANIZATION),
    ("jean martin", "jean marton", PERSON),      # a letter for another: another surname
    ("jean dupont", "jean dupond", PERSON),
    ("claire morel", "claire moreau", PERSON),
    ("paul tissier", "paula tissier", PERSON),   # given names differ
    ("orvel labs", "orval labs", ORGANIZATION),
    ("zorva", "zorrva", ORGANIZATION),           # too short for a typo
])
def test_identity_fuzzy_never_joins_different_names(a: str, b: str, kind: str) -> None:
    assert fuzzy_same(a, b, kind) is False
    assert fuzzy_same(b, a, kind) is False


@pytest.mark.parametrize("a,b,kind", [
    ("paul tissier", "paul tisser", PERSON),         # a letter dropped in a long surname
    ("anne zuckerberg", "anne zuckerbreg", PERSON),  # two letters swapped
    ("jean-marc dupont", "jean marc dupont", PERSON),
    ("datahub", "data hub", ORGANIZATION),
    ("norvane capital", "norvane capitall", ORGANIZATION),
])
def test_identity_fuzzy_keeps_typo_and_spacing_tolerance(a: str, b: str, kind: str) -> None:
    assert fuzzy_same(a, b, kind) is True
    assert fuzzy_same(b, a, kind) is True


@pytest.mark.parametrize("first,second", [("Marie Curie3", "Marie Curie37"), ("Marie Curie37", "Marie Curie3")])
def test_identity_index_keeps_numbered_names_apart(first: str, second: str) -> None:
    index = EntityIndex()
    index.add(Entity(entity_key(first), PERSON, first), "a1")
    key, new = index.add(Entity(entity_key(second), PERSON, second), "a2")
    assert new and key == entity_key(second) and len(index.entities) == 2


def test_identity_index_reports_ambiguous_candidates_instead_of_guessing(caplog) -> None:
    index = EntityIndex()
    index.add(Entity("paul tissier", PERSON, "Paul Tissier"), "a1")
    index.add(Entity("paul tisiers", PERSON, "Paul Tisiers"), "a2")
    assert len(index.entities) == 2
    with caplog.at_level(logging.WARNING, logger="graph.identity"):
        key, new = index.add(Entity("paul tisier", PERSON, "Paul Tisier"), "a3")
    assert new and key == "paul tisier"
    assert "ambiguous" in caplog.text and "Paul Tissier" in caplog.text and "Paul Tisiers" in caplog.text


@pytest.mark.parametrize("a,b,best", [("Linkedin", "LinkedIn", "LinkedIn"), ("Frederic Roux", "Frédéric Roux",
                                                                            "Frédéric Roux")])
def test_identity_better_name_is_symmetric(a: str, b: str, best: str) -> None:
    assert better_name(a, b) == better_name(b, a) == best


def test_identity_graph_never_imports_loaders() -> None:
    for path in GRAPH.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n == "loaders" or n.startswith("loaders.") for n in names), path.name


def _extraction(article: str, entities: list[tuple[str, str]], relations: list[tuple[str, str, str, dict, float]]):
    text = f"Texte de l'article {article}."
    made = [Entity(entity_key(name), kind, name) for name, kind in entities]
    rels = [Relation(type=t, source=entity_key(s), target=entity_key(o), props=props,
                     evidence=[Evidence(article, text, 0, len(text))], confidence=conf)
            for t, s, o, props, conf in relations]
    return Extraction(article=Article(id=article, path=f"{article}.txt", title=article, language="fr", text=text),
                      entities=made, relations=rels)


ARTICLES = [
    _extraction("a1", [("Frederic Roux", PERSON), ("Linkedin", ORGANIZATION), ("Nova", PERSON)],
                [(WORKS_AT, "Frederic Roux", "Linkedin", {"role": "CEO"}, 0.7), (KNOWS, "Frederic Roux", "Nova", {}, 0.6)]),
    _extraction("a2", [("Frédéric Roux", PERSON), ("LinkedIn", ORGANIZATION), ("Nova", ORGANIZATION)],
                [(WORKS_AT, "Frédéric Roux", "LinkedIn", {"role": "CEO"}, 0.9)]),
    _extraction("a3", [("Marie Curie3", PERSON), ("Nova", ORGANIZATION), ("Paul Girard", PERSON)],
                [(FOUNDED, "Marie Curie3", "Nova", {}, 0.8), (KNOWS, "Paul Girard", "Marie Curie3", {}, 0.5)]),
    _extraction("a4", [("Marie Curie37", PERSON), ("LINKEDIN", ORGANIZATION), ("Nova", PERSON)],
                [(WORKS_AT, "Marie Curie37", "LINKEDIN", {}, 0.8), (KNOWS, "Marie Curie37", "Paul Girard", {}, 0.5)]),
]


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_identity_same_articles_in_two_orders_give_the_same_export(tmp_path: Path, fmt: str) -> None:
    exports = []
    for name, order in (("forward", ARTICLES), ("backward", ARTICLES[::-1]), ("shuffled", [ARTICLES[i] for i in (2, 0, 3, 1)])):
        store = GraphStore.open(tmp_path / name)
        for extraction in order:
            store.add(extraction)
        store.save()
        out = tmp_path / f"{name}.{fmt}"
        result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--store", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        exports.append(out.read_text(encoding="utf-8"))
    assert exports[0] == exports[1] == exports[2]
    store = GraphStore.open(tmp_path / "forward")
    assert store.entities["frederic roux"].name == "Frédéric Roux"
    assert store.entities["linkedin"].name == "LinkedIn"
    assert store.entities["nova"].type == PERSON  # two articles each way: a tie gives Person
    assert {"marie curie3", "marie curie37"} <= set(store.entities)
