"""The data model: keys, article ids, relation identity and merging, the extract JSON shape."""
from __future__ import annotations

import pytest

from graph.model import (KNOWS, ORGANIZATION, PERSON, WORKS_AT, Article, Entity, Evidence, Extraction,
                         Relation, article_id, entity_key)


@pytest.mark.parametrize("a,b", [
    ("LinkedIn", "Linkedin"),
    ("Société Générale", "societe generale"),
    ("L’Atelier", "L'Atelier"),
    ("the Brightloop", "Brightloop"),
    ("Jean-Marc Éloi", "jean-marc eloi"),
])
def test_model_entity_key_folds_variants(a: str, b: str) -> None:
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize("a,b", [("Marc Petit", "Marc Petitjean"), ("Léa Dubois", "Paul Dubois")])
def test_model_entity_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert entity_key(a) != entity_key(b)


def test_model_article_id_ignores_whitespace_layout() -> None:
    assert article_id("Un titre\r\n\r\nUn texte.  ") == article_id("Un titre\n\nUn texte.")
    assert article_id("Un texte.") != article_id("Un autre texte.")


def test_model_knows_identity_is_undirected() -> None:
    assert Relation(KNOWS, "b", "a").key == Relation(KNOWS, "a", "b").key
    assert Relation(WORKS_AT, "b", "a").key != Relation(WORKS_AT, "a", "b").key


def test_model_relation_merge_dedupes_evidence_and_fills_props() -> None:
    ev1, ev2 = Evidence("x", "s1", 0, 2), Evidence("y", "s2", 5, 7)
    rel = Relation(WORKS_AT, "a", "b", {"role": "CTO"}, [ev1], 0.6)
    assert rel.merge(Relation(WORKS_AT, "a", "b", {"role": "CEO", "former": True}, [ev1, ev2], 0.8))
    assert rel.props == {"role": "CTO", "former": True}
    assert rel.evidence == [ev1, ev2] and rel.confidence == 0.8
    assert not rel.merge(Relation(WORKS_AT, "a", "b", {}, [ev2], 0.1))


def test_model_gold_shape_names_and_evidence() -> None:
    text = "Léa Dubois est CTO chez Brightloop."
    art = Article(id=article_id(text), path="dir/sub/a.fr.txt", title="", language="fr", text=text)
    extraction = Extraction(
        article=art,
        entities=[Entity("lea dubois", PERSON, "Léa Dubois", ["Dubois"]), Entity("brightloop", ORGANIZATION, "Brightloop")],
        relations=[Relation(WORKS_AT, "lea dubois", "brightloop", {"role": "CTO"},
                            [Evidence(art.id, text, 0, len(text))], 0.75)],
    )
    assert extraction.to_gold_shape() == {
        "article": "a.fr.txt",
        "entities": [{"name": "Léa Dubois", "type": PERSON, "aliases": ["Dubois"]},
                     {"name": "Brightloop", "type": ORGANIZATION, "aliases": []}],
        "relations": [{"type": WORKS_AT, "source": "Léa Dubois", "target": "Brightloop", "props": {"role": "CTO"},
                       "evidence": text, "start": 0, "end": len(text), "confidence": 0.75}],
    }
