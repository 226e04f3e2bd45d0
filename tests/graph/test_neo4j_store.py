"""Neo4jStore against a real Neo4j server: schema, ingest, idempotence, concurrency, push/pull, strings."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from graph.errors import Neo4jError
from graph.model import (KNOWS, ORGANIZATION, PERSON, Article, Entity, Evidence, Extraction, Relation,
                         RELATION_TYPES, WORKS_AT)
from graph.neo4j_store import Neo4jStore, ingest_into_neo4j
from loaders.extract import extract_articles
from loaders.read import discover, read_article
from neo4j_fixture import canonical, embedded, synthetic_extractions

RELATIONS = "MATCH (:Person|Organization)-[r]->(:Person|Organization) "


@pytest.fixture(scope="module")
def seed_extractions(seeds_dir: Path) -> list[Extraction]:
    return list(extract_articles([read_article(p) for p in discover([seeds_dir])]))


def counts(store: Neo4jStore) -> dict[str, int]:
    """Every count that would change if anything were added or doubled."""
    row = store.run_read("""
        CALL () { MATCH (a:Article) RETURN count(a) AS articles }
        CALL () { MATCH (p:Person) RETURN count(p) AS people }
        CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
        CALL () { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions }
        CALL () { """ + RELATIONS + """RETURN count(r) AS relations, coalesce(sum(size(r.evidence)), 0) AS evidence,
                  coalesce(sum(r.mentions), 0) AS mention_total }
        CALL () { MATCH (n) WHERE n:Person OR n:Organization
                  RETURN coalesce(sum(size(n.aliases)), 0) AS aliases, coalesce(sum(size(n.articles)), 0) AS entity_articles }
        RETURN *""")[0]
    return dict(row)


def embedded_counts(store) -> dict[str, int]:
    return {
        "articles": len(store.articles),
        "people": sum(e.type == PERSON for e in store.entities.values()),
        "organizations": sum(e.type != PERSON for e in store.entities.values()),
        "mentions": sum(len(e.articles) for e in store.entities.values()),
        "relations": len(store.relations),
        "evidence": sum(len(r.evidence) for r in store.relations.values()),
        "mention_total": sum(len(r.evidence) for r in store.relations.values()),
        "aliases": sum(len(e.aliases) for e in store.entities.values()),
        "entity_articles": sum(len(e.articles) for e in store.entities.values()),
    }


@pytest.mark.parametrize("times", [1, 2])
def test_neo4j_store_ensure_schema_creates_the_constraints(neo4j_store: Neo4jStore, times: int) -> None:
    for _ in range(times):
        neo4j_store.ensure_schema()
    found = {(c["label"], tuple(c["properties"])) for c in neo4j_store.constraints()}
    assert found == {("Person", ("key",)), ("Organization", ("key",)), ("Article", ("id",))}


@pytest.mark.parametrize("batch_size", [1000])
def test_neo4j_store_ingest_seeds_matches_the_embedded_store(neo4j_store: Neo4jStore, seed_extractions,
                                                             tmp_path: Path, batch_size: int) -> None:
    neo4j_store.batch_size = batch_size
    summary = ingest_into_neo4j(seed_extractions, neo4j_store)
    reference = embedded(seed_extractions, tmp_path)
    assert counts(neo4j_store) == embedded_counts(reference)
    assert summary.articles_added == len(reference.articles) == summary.articles_total
    assert summary.entities_added == len(reference.entities) == summary.entities_total
    assert summary.relations_added == len(reference.relations) == summary.relations_total
    assert canonical(neo4j_store.pull()) == canonical(reference)


@pytest.mark.parametrize("batch_size,articles", [(1, 6), (7, 40), (1000, 40)])
def test_neo4j_store_ingest_synthetic_matches_the_embedded_store(neo4j_store: Neo4jStore, tmp_path: Path,
                                                                 batch_size: int, articles: int) -> None:
    extractions = synthetic_extractions(articles)
    neo4j_store.batch_size = batch_size
    summary = neo4j_store.add_extractions(extractions)
    reference = embedded(extractions, tmp_path)
    assert counts(neo4j_store) == embedded_counts(reference)
    assert summary.relations_added == len(reference.relations)
    assert summary.evidence_added == sum(len(r.evidence) for r in reference.relations.values())
    assert canonical(neo4j_store.pull()) == canonical(reference)


@pytest.mark.parametrize("source", ["seeds", "synthetic"])
def test_neo4j_store_reingest_changes_no_count(neo4j_store: Neo4jStore, seed_extractions, source: str) -> None:
    extractions = seed_extractions if source == "seeds" else synthetic_extractions(30)
    neo4j_store.add_extractions(extractions)
    before = counts(neo4j_store)
    summary = neo4j_store.add_extractions(extractions)
    assert counts(neo4j_store) == before
    assert (summary.articles_added, summary.entities_added, summary.relations_added, summary.evidence_added) == (0, 0, 0, 0)
    assert summary.articles_skipped == len({e.article.id for e in extractions})


@pytest.mark.parametrize("articles", [60])
def test_neo4j_store_every_relationship_has_its_provenance(neo4j_store: Neo4jStore, articles: int) -> None:
    neo4j_store.add_extractions(synthetic_extractions(articles))
    rows = neo4j_store.run_read(RELATIONS + "RETURN type(r) AS type, startNode(r).key AS source, "
                                "endNode(r).key AS target, properties(r) AS p")
    assert {r["type"] for r in rows} == set(RELATION_TYPES)
    for row in rows:
        p = row["p"]
        assert p["evidence"], row
        assert len(p["evidence"]) == len(p["evidence_articles"]) == len(p["evidence_starts"]) \
            == len(p["evidence_ends"]) == p["mentions"]
        assert p["articles"] == list(dict.fromkeys(p["evidence_articles"]))
        assert isinstance(p["confidence"], float)
        assert p["first_seen"] <= p["last_seen"]
        if row["type"] == KNOWS:
            assert row["source"] < row["target"]
    duplicates = neo4j_store.run_read(RELATIONS.replace("[r]", "[r]") + "WITH type(r) AS t, startNode(r) AS s, "
                                      "endNode(r) AS e, count(*) AS n WHERE n > 1 RETURN count(*) AS dup")
    assert duplicates == [{"dup": 0}]


@pytest.mark.parametrize("workers", [2, 3])
def test_neo4j_store_concurrent_ingests_create_no_duplicates(neo4j_settings, neo4j_store: Neo4jStore,
                                                             tmp_path: Path, workers: int) -> None:
    extractions = synthetic_extractions(60, seed=workers)
    neo4j_store.ensure_schema()
    # Each worker ingests overlapping slices in a different order, in small batches.
    slices = [extractions[i * 10:] if i % 2 == 0 else list(reversed(extractions[:50 + i])) for i in range(workers)]
    errors: list[BaseException] = []

    def ingest(part: list[Extraction]) -> None:
        try:
            with Neo4jStore.from_settings(neo4j_settings, batch_size=5, max_retry_time=60) as store:
                store.add_extractions(part)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(part,)) for part in slices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    neo4j_store.add_extractions(extractions)  # whatever a worker skipped or lost would be added here
    reference = embedded(extractions, tmp_path)
    assert counts(neo4j_store) == embedded_counts(reference)
    # Props keep the first value seen, and "first" depends on the workers' order: compare the rest.
    pulled, expected = canonical(neo4j_store.pull()), canonical(reference)
    for data in (pulled, expected):
        for relation in data["relations"]:
            relation["props"] = sorted(relation["props"])
    assert pulled == expected


@pytest.mark.parametrize("articles", [25])
def test_neo4j_store_push_pull_round_trip(neo4j_store: Neo4jStore, tmp_path: Path, articles: int) -> None:
    reference = embedded(synthetic_extractions(articles), tmp_path / "a")
    summary = neo4j_store.push(reference)
    assert (summary.articles_added, summary.entities_added, summary.relations_added) == \
        (len(reference.articles), len(reference.entities), len(reference.relations))
    again = neo4j_store.push(reference)
    assert (again.articles_added, again.entities_added, again.relations_added, again.evidence_added) == (0, 0, 0, 0)
    pulled = neo4j_store.pull()
    assert canonical(pulled) == canonical(reference)
    assert counts(neo4j_store) == embedded_counts(reference)


NASTY = [
    'Jean "Johnny" O\'Neil',
    "back\\slash \\n \\u0041 C:\\temp\\",
    "Robert'); MATCH (n) DETACH DELETE n; //",
    "} RETURN 1 UNION MATCH (x) SET x.pwned = true RETURN {",
    "Zoë 🚀 Ünïcødé 創業者 👩‍💻",
    "`backtick` $param ${x} {{braces}}",
    "line one\nline two\ttab\r\n",
]


@pytest.mark.parametrize("nasty", NASTY)
def test_neo4j_store_stores_nasty_strings_verbatim(neo4j_store: Neo4jStore, nasty: str) -> None:
    article = Article(id="nasty", path=f"/tmp/{nasty}.txt", title=nasty, language="en")
    person = Entity(key="nasty person", type=PERSON, name=nasty, aliases=[nasty + " alias"], articles=["nasty"])
    org = Entity(key="nasty org", type=ORGANIZATION, name="Org " + nasty, articles=["nasty"])
    relation = Relation(type=WORKS_AT, source="nasty person", target="nasty org", props={"role": nasty},
                        evidence=[Evidence("nasty", nasty, 0, len(nasty))], confidence=0.9)
    neo4j_store.add_extractions([Extraction(article=article, entities=[person, org], relations=[relation])])
    pulled = neo4j_store.pull()
    assert pulled.articles["nasty"].title == nasty and pulled.articles["nasty"].path == f"/tmp/{nasty}.txt"
    assert pulled.entities["nasty person"].name == nasty
    assert pulled.entities["nasty person"].aliases == [nasty + " alias"]
    stored = pulled.relations[(WORKS_AT, "nasty person", "nasty org")]
    assert stored.props == {"role": nasty}
    assert [e.sentence for e in stored.evidence] == [nasty]
    assert neo4j_store.run_read("MATCH (n) WHERE n.pwned IS NOT NULL RETURN n") == []
    assert neo4j_store.run_read("MATCH (p:Person) WHERE p.name = $name RETURN p.key AS key",
                                {"name": nasty}) == [{"key": "nasty person"}]


@pytest.mark.parametrize("first,second", [(PERSON, ORGANIZATION), (ORGANIZATION, PERSON)])
def test_neo4j_store_entity_keeps_its_first_label(neo4j_store: Neo4jStore, tmp_path: Path,
                                                  first: str, second: str) -> None:
    extractions = [Extraction(article=Article(id=f"a{i}", path=f"a{i}.txt", title="", language="en"),
                              entities=[Entity(key="mercury", type=kind, name="Mercury", articles=[f"a{i}"])])
                   for i, kind in enumerate((first, second))]
    neo4j_store.add_extractions(extractions)
    rows = neo4j_store.run_read("MATCH (n {key: 'mercury'}) RETURN labels(n) AS labels, n.articles AS articles")
    assert rows == [{"labels": [first], "articles": ["a0", "a1"]}]
    # the embedded store breaks a tie the same way in any order (Person); Neo4j keeps the label first written
    assert embedded(extractions, tmp_path).entities["mercury"].type == PERSON


@pytest.mark.parametrize("query", ["CREATE (:Intruder)", "MATCH (n) DETACH DELETE n"])
def test_neo4j_store_run_read_refuses_writes(neo4j_store: Neo4jStore, query: str) -> None:
    neo4j_store.add_extractions(synthetic_extractions(2))
    before = counts(neo4j_store)
    with pytest.raises(Neo4jError, match="--write"):
        neo4j_store.run_read(query)
    assert counts(neo4j_store) == before
