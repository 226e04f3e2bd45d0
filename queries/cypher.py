"""The question library in Cypher: one named, parameterized query per question, readable on its own.

Paste any of them into Neo4j Browser after setting its parameters (``:param key => 'ada lovelace'``).
User text only ever reaches a query as a parameter, never inside the query text. The schema they read
is the one ``graph.neo4j_store`` writes: ``(:Person|:Organization {key, name, aliases, articles})``,
``(:Article {id, path, title, language})-[:MENTIONS]->(entity)``, and one relationship per
(type, source, target) among FOUNDED, WORKS_AT, INVESTED_IN, ACQUIRED, MENTORED, KNOWS (KNOWS stored
from the lower key to the higher) with flattened props (``role``, ``former``, ``amount``, ``currency``,
``round``), ``confidence``, ``evidence`` (sentences) parallel to ``evidence_articles``,
``evidence_starts``, ``evidence_ends``.

Each query's NetworkX twin lives in :mod:`queries.on_networkx`; :mod:`queries.on_neo4j` runs these.
"""
from __future__ import annotations

#: The return shape of a relationship ``r`` shared by most queries below.
_RELATION = """{type: type(r), source: startNode(r).key, source_name: startNode(r).name,
          target: endNode(r).key, target_name: endNode(r).name, properties: properties(r)}"""

ENTITY_BY_KEY = """
// An entity by its exact key. $key: entity key
CALL () { MATCH (n:Person {key: $key}) RETURN n UNION MATCH (n:Organization {key: $key}) RETURN n }
RETURN n.key AS key, n.name AS name, labels(n) AS labels, coalesce(n.aliases, []) AS aliases,
       coalesce(n.articles, []) AS articles
"""

ENTITY_NAMES = """
// Every entity's key, name and aliases: what a typed name is matched against. $label: Person, Organization or null
MATCH (n:Person|Organization)
WHERE $label IS NULL OR $label IN labels(n)
RETURN n.key AS key, n.name AS name, labels(n) AS labels, coalesce(n.aliases, []) AS aliases
ORDER BY key
"""

SHORTEST_PATH = """
// Degrees of separation: one shortest chain of relations between two entities, any direction.
// $source, $target: entity keys; $types: relation types that may be hops;
// $via_orgs: may the chain pass through organizations (false: only people in between)?
// (The anchors are looked up per label: a `:Person|Organization` anchor makes the planner skip the
// bidirectional search and costs seconds on a few thousand nodes.)
CALL () { MATCH (a:Person {key: $source}) RETURN a UNION MATCH (a:Organization {key: $source}) RETURN a }
CALL () { MATCH (b:Person {key: $target}) RETURN b UNION MATCH (b:Organization {key: $target}) RETURN b }
MATCH p = ANY SHORTEST (a)((x)-[r]-(y) WHERE type(r) IN $types AND ($via_orgs OR y:Person OR y.key = $target))+(b)
RETURN [n IN nodes(p) | n.key] AS keys
"""

ALL_SHORTEST_PATHS = """
// Degrees of separation, every shortest chain. Same parameters as SHORTEST_PATH.
CALL () { MATCH (a:Person {key: $source}) RETURN a UNION MATCH (a:Organization {key: $source}) RETURN a }
CALL () { MATCH (b:Person {key: $target}) RETURN b UNION MATCH (b:Organization {key: $target}) RETURN b }
MATCH p = ALL SHORTEST (a)((x)-[r]-(y) WHERE type(r) IN $types AND ($via_orgs OR y:Person OR y.key = $target))+(b)
RETURN DISTINCT [n IN nodes(p) | n.key] AS keys
"""

HOP_RELATIONS = """
// Every relation between consecutive entities of a chain. $pairs: [[key, key], ...]; $types: relation types
UNWIND $pairs AS pair
CALL (pair) { MATCH (a:Person {key: pair[0]}) RETURN a UNION MATCH (a:Organization {key: pair[0]}) RETURN a }
MATCH (a)-[r]-(b)
WHERE b.key = pair[1] AND type(r) IN $types
RETURN pair[0] AS left, pair[1] AS right, """ + _RELATION + """ AS relation
"""

KNOWING_STEP = """
// Who knows whom, one hop: the people each given person knows directly, and how.
// $keys: person keys; $kinds: the ties that count, among KNOWS, MENTORED, FOUNDED (founded the same
// organization), WORKS_AT (works at the same organization), INVESTED_IN (invested in the other or in a
// company the other founded). Run it k times on the new people to walk k hops.
UNWIND $keys AS key
MATCH (p:Person {key: key})
CALL (p) {
  MATCH (p)-[r:KNOWS|MENTORED|INVESTED_IN]-(q:Person)
  WHERE type(r) IN $kinds AND q <> p
  RETURN q, type(r) AS kind, null AS via
  UNION
  MATCH (p)-[r:FOUNDED|WORKS_AT]->(o:Organization)<-[s:FOUNDED|WORKS_AT]-(q:Person)
  WHERE type(r) IN $kinds AND type(s) = type(r) AND q <> p
  RETURN q, type(r) AS kind, o.key AS via
  UNION
  MATCH (p)-[r:INVESTED_IN|FOUNDED]->(o:Organization)<-[s:INVESTED_IN|FOUNDED]-(q:Person)
  WHERE 'INVESTED_IN' IN $kinds AND type(r) <> type(s) AND q <> p
  RETURN q, 'INVESTED_IN' AS kind, o.key AS via
}
RETURN p.key AS person, q.key AS other, q.name AS name, kind, via
"""

KNOWING_REACH = """
// Who knows whom, one BFS level: everyone a set of people knows directly (the set itself may come back).
// $keys: person keys; $kinds: the ties that count (as in KNOWING_STEP). Each organization is expanded
// once per kind, so a level costs the relationships it touches. Run it k times on the new people to walk k hops.
CALL () {
  UNWIND $keys AS key
  MATCH (:Person {key: key})-[r:KNOWS|MENTORED|INVESTED_IN]-(q:Person)
  WHERE type(r) IN $kinds
  RETURN q
  UNION
  // co-founders and colleagues: related to the same organization by the same type
  UNWIND $keys AS key
  MATCH (:Person {key: key})-[r:FOUNDED|WORKS_AT]->(o:Organization)
  WHERE type(r) IN $kinds
  WITH DISTINCT o, type(r) AS kind
  MATCH (o)<-[s:FOUNDED|WORKS_AT]-(q:Person)
  WHERE type(s) = kind
  RETURN q
  UNION
  // investors and founders of the same company
  UNWIND $keys AS key
  MATCH (:Person {key: key})-[r:FOUNDED|INVESTED_IN]->(o:Organization)
  WHERE 'INVESTED_IN' IN $kinds
  WITH DISTINCT o, type(r) AS kind
  MATCH (o)<-[s:FOUNDED|INVESTED_IN]-(q:Person)
  WHERE type(s) <> kind
  RETURN q
}
RETURN DISTINCT q.key AS key, q.name AS name
"""

MENTORS = """
// The mentors of a person. $key: person key
MATCH (m)-[r:MENTORED]->(:Person {key: $key})
RETURN """ + _RELATION + """ AS relation ORDER BY m.key
"""

MENTEES = """
// The people a person mentored. $key: person key
MATCH (:Person {key: $key})-[r:MENTORED]->(m)
RETURN """ + _RELATION + """ AS relation ORDER BY m.key
"""

INVESTORS = """
// Who invested in a company. $key: organization key
MATCH (i)-[r:INVESTED_IN]->(:Organization {key: $key})
RETURN """ + _RELATION + """ AS relation ORDER BY i.key
"""

PORTFOLIO = """
// What an investor (person or organization) invested in. $key: entity key
CALL () { MATCH (n:Person {key: $key}) RETURN n UNION MATCH (n:Organization {key: $key}) RETURN n }
MATCH (n)-[r:INVESTED_IN]->(c)
RETURN """ + _RELATION + """ AS relation ORDER BY c.key
"""

ACQUISITIONS = """
// Acquisitions by a company and of it. $key: organization key
MATCH (c:Organization {key: $key})-[r:ACQUIRED]-(other)
RETURN """ + _RELATION + """ AS relation ORDER BY startNode(r).key, endNode(r).key
"""

FOUNDERS = """
// The founders of an organization. $key: organization key
MATCH (f)-[r:FOUNDED]->(:Organization {key: $key})
RETURN """ + _RELATION + """ AS relation ORDER BY f.key
"""

COLLEAGUES = """
// A person's colleagues: people who founded or work at an organization the person founded or works at.
// $key: person key
MATCH (p:Person {key: $key})-[r1:FOUNDED|WORKS_AT]->(o:Organization)<-[r2:FOUNDED|WORKS_AT]-(q:Person)
WHERE q <> p
RETURN q.key AS key, q.name AS name, o.key AS organization, o.name AS organization_name,
       type(r1) AS relation, type(r2) AS their_relation
ORDER BY key, organization, relation, their_relation
"""

ENTITY_RELATIONS = """
// Every relation touching an entity: what a per-person summary is built from. $key: entity key
CALL () { MATCH (n:Person {key: $key}) RETURN n UNION MATCH (n:Organization {key: $key}) RETURN n }
MATCH (n)-[r:FOUNDED|WORKS_AT|INVESTED_IN|ACQUIRED|MENTORED|KNOWS]-()
RETURN """ + _RELATION + """ AS relation
"""

ARTICLES = """
// Articles by id. $ids: article ids
MATCH (a:Article) WHERE a.id IN $ids
RETURN a.id AS id, a.path AS path, a.title AS title, a.language AS language
"""

ENTITY_COUNTS = """
// Counts of articles and entities by label.
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (p:Person) RETURN count(p) AS people }
CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
RETURN articles, people, organizations
"""

RELATION_COUNTS = """
// Counts of relations by type.
MATCH (:Person|Organization)-[r:FOUNDED|WORKS_AT|INVESTED_IN|ACQUIRED|MENTORED|KNOWS]->(:Person|Organization)
RETURN type(r) AS type, count(r) AS count
"""

#: Every query by name.
QUERIES: dict[str, str] = {name: text.strip() for name, text in globals().items()
                           if name.isupper() and not name.startswith("_") and isinstance(text, str)}


def get(name: str) -> str:
    """The text of the named query (``get("MENTORS")``)."""
    try:
        return QUERIES[name]
    except KeyError:
        raise KeyError(f"no query named {name!r}; known: {', '.join(sorted(QUERIES))}") from None
