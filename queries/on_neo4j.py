"""The question library on Neo4j: runs the named queries of :mod:`queries.cypher` and returns plain records.

Each function takes a connected store (anything with ``run_read(cypher, params) -> list[dict]``, such as
``graph.neo4j_store.Neo4jStore``) and has the signature and the records of its twin in
:mod:`queries.on_networkx`. Every value reaches Neo4j as a query parameter.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable, Protocol

from graph import analysis
from graph.analysis import DEFAULT_KNOWING, Tie
from graph.model import ORGANIZATION, PERSON, RELATION_PROPS, RELATION_TYPES, entity_key
from queries import cypher
from graph.lookup import Candidate, of_type, resolve

Record = dict[str, Any]


class ReadsCypher(Protocol):
    def run_read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]: ...


def _type_of(labels: list[str]) -> str:
    return PERSON if PERSON in labels else ORGANIZATION if ORGANIZATION in labels else ""


def find(db: ReadsCypher, name: str, entity_type: str | None = None) -> str:
    """The key of the entity called ``name`` (see :func:`graph.lookup.resolve`); a name of the other type
    raises :class:`graph.errors.WrongEntityType`."""
    def typed(wanted_type: str | None) -> str:
        rows = db.run_read(cypher.ENTITY_BY_KEY, {"key": entity_key(name)})
        if rows and (not wanted_type or wanted_type in rows[0]["labels"]):
            return rows[0]["key"]
        rows = db.run_read(cypher.ENTITY_NAMES, {"label": wanted_type})
        return resolve(name, (Candidate(r["key"], _type_of(r["labels"]), r["name"] or r["key"], tuple(r["aliases"]))
                              for r in rows))

    return of_type(typed, lambda key: _entity(db, key)["type"], name, entity_type)


def _entity(db: ReadsCypher, key: str) -> Record:
    row = db.run_read(cypher.ENTITY_BY_KEY, {"key": key})[0]
    return {"key": key, "name": row["name"], "type": _type_of(row["labels"])}


def relation_record(rel: Record) -> Record:
    """A relationship as returned by the queries (``type``, endpoints, ``properties``) → the shared record."""
    rtype, stored = rel["type"], rel["properties"]
    props = {k: stored[k] for k in RELATION_PROPS.get(rtype, ()) if stored.get(k) is not None}
    sentences = stored.get("evidence") or []
    articles = stored.get("evidence_articles") or [None] * len(sentences)
    starts = stored.get("evidence_starts") or [None] * len(sentences)
    ends = stored.get("evidence_ends") or [None] * len(sentences)
    evidence = sorted(({"article_id": a, "sentence": s, "start": st, "end": en}
                       for a, s, st, en in zip(articles, sentences, starts, ends)),
                      key=lambda e: (e["article_id"] or "", e["start"] if e["start"] is not None else -1,
                                     e["end"] if e["end"] is not None else -1, e["sentence"]))
    return {"type": rtype, "source": rel["source"], "source_name": rel["source_name"], "target": rel["target"],
            "target_name": rel["target_name"], "props": props, "confidence": stored.get("confidence"),
            "evidence": evidence}


def separation(db: ReadsCypher, a: str, b: str, *, all_paths: bool = False, via_orgs: bool = False,
               types: Iterable[str] | None = None, limit: int = 100) -> Record:
    """Degrees of separation between the entities named ``a`` and ``b`` (SHORTEST_PATH, ALL_SHORTEST_PATHS)."""
    types = sorted(analysis.check_types(types))
    source, target = find(db, a), find(db, b)
    if source == target:
        chains = [[source]]
    else:
        query = cypher.ALL_SHORTEST_PATHS if all_paths else cypher.SHORTEST_PATH
        rows = db.run_read(query, {"source": source, "target": target, "types": types, "via_orgs": via_orgs})
        chains = sorted({tuple(r["keys"]) for r in rows})
        chains = [list(c) for c in (chains[:limit] if all_paths else chains[:1])]
    pairs = sorted({(x, y) for keys in chains for x, y in zip(keys, keys[1:])})
    best: dict[tuple[str, str], Record] = {}
    if pairs:
        for row in db.run_read(cypher.HOP_RELATIONS, {"pairs": [list(p) for p in pairs], "types": types}):
            record = relation_record(row["relation"])
            pair = (row["left"], row["right"])
            if pair not in best or analysis.best_relation_order(record) < analysis.best_relation_order(best[pair]):
                best[pair] = record
    return {"source": _entity(db, source), "target": _entity(db, target),
            "degrees": len(chains[0]) - 1 if chains else None,
            "paths": [{"keys": keys, "hops": [best[(x, y)] for x, y in zip(keys, keys[1:])]} for keys in chains]}


def _knowing_step(db: ReadsCypher, kinds: Iterable[str], names: dict[str, str]):
    """One BFS level as one KNOWING_STEP query: each frontier person's ties; remembers the names seen."""
    kinds = sorted(analysis.check_kinds(kinds))

    def ties(frontier: list[str]) -> dict[str, dict[str, set[Tie]]]:
        found: dict[str, dict[str, set[Tie]]] = {p: defaultdict(set) for p in frontier}
        for row in db.run_read(cypher.KNOWING_STEP, {"keys": frontier, "kinds": kinds}):
            found[row["person"]][row["other"]].add((row["kind"], row["via"]))
            names[row["other"]] = row["name"]
        return found
    return ties


def _knowing_reach(db: ReadsCypher, kinds: Iterable[str], names: dict[str, str]):
    """One BFS level as one KNOWING_REACH query; remembers the names seen."""
    kinds = sorted(analysis.check_kinds(kinds))

    def reach(frontier: list[str]) -> dict[str, set[str]]:
        rows = db.run_read(cypher.KNOWING_REACH, {"keys": frontier, "kinds": kinds})
        names.update((r["key"], r["name"]) for r in rows)
        return {"": {r["key"] for r in rows}}
    return reach


def who_knows(db: ReadsCypher, name: str, hops: int = 2, kinds: Iterable[str] = DEFAULT_KNOWING) -> list[Record]:
    """The people within ``hops`` of the person named ``name``: KNOWING_REACH run once per hop."""
    if hops < 1:
        raise ValueError("k must be at least 1")
    person = find(db, name, PERSON)
    names: dict[str, str] = {}
    distance = analysis.bfs_levels(_knowing_reach(db, kinds, names), person, hops)
    distance.pop(person)
    return [{"key": k, "name": names.get(k, k), "distance": d}
            for k, d in sorted(distance.items(), key=lambda item: (item[1], item[0]))]


def introducers(db: ReadsCypher, a: str, b: str, kinds: Iterable[str] = DEFAULT_KNOWING,
                max_hops: int = 4) -> list[Record]:
    """Who can introduce ``a`` to ``b``, ranked like :func:`graph.analysis.rank_introducers`."""
    source, target = find(db, a, PERSON), find(db, b, PERSON)
    names: dict[str, str] = {}
    step = _knowing_step(db, kinds, names)
    ties_a, ties_b = step([source])[source], step([target])[target]
    distance_to_b = analysis.bfs_levels(_knowing_reach(db, kinds, names), target, max_hops, avoid={source})
    ranked = analysis.rank_introducers(ties_a, distance_to_b, ties_b, source, target)
    for record in ranked:
        record["name"] = names.get(record["key"], record["key"])
    return ranked


def _relations(db: ReadsCypher, query: str, key: str) -> list[Record]:
    found = [relation_record(row["relation"]) for row in db.run_read(query, {"key": key})]
    return sorted(found, key=lambda r: (r["source"], r["target"]))


def mentors(db: ReadsCypher, name: str) -> list[Record]:
    """MENTORS: the MENTORED relations into the person named ``name``."""
    return _relations(db, cypher.MENTORS, find(db, name, PERSON))


def mentees(db: ReadsCypher, name: str) -> list[Record]:
    """MENTEES: the MENTORED relations out of the person named ``name``."""
    return _relations(db, cypher.MENTEES, find(db, name, PERSON))


def investors(db: ReadsCypher, company: str) -> list[Record]:
    """INVESTORS: the INVESTED_IN relations into the organization named ``company``."""
    return _relations(db, cypher.INVESTORS, find(db, company, ORGANIZATION))


def portfolio(db: ReadsCypher, investor: str) -> list[Record]:
    """PORTFOLIO: the INVESTED_IN relations out of the investor named ``investor``."""
    return _relations(db, cypher.PORTFOLIO, find(db, investor))


def acquisitions(db: ReadsCypher, company: str) -> list[Record]:
    """ACQUISITIONS: ACQUIRED relations by and of the organization named ``company``."""
    return _relations(db, cypher.ACQUISITIONS, find(db, company, ORGANIZATION))


def founders(db: ReadsCypher, company: str) -> list[Record]:
    """FOUNDERS: the FOUNDED relations into the organization named ``company``."""
    return _relations(db, cypher.FOUNDERS, find(db, company, ORGANIZATION))


def colleagues(db: ReadsCypher, name: str) -> list[Record]:
    """COLLEAGUES: people who founded or work at an organization the person founded or works at."""
    rows = db.run_read(cypher.COLLEAGUES, {"key": find(db, name, PERSON)})
    return sorted((dict(r) for r in rows),
                  key=lambda r: (r["key"], r["organization"], r["relation"], r["their_relation"]))


def person(db: ReadsCypher, name: str) -> Record:
    """The summary of the entity named ``name`` (ENTITY_RELATIONS, ARTICLES)."""
    key = find(db, name)
    entity = _entity(db, key)
    mentioned = db.run_read(cypher.ENTITY_BY_KEY, {"key": key})[0]["articles"]
    relations = sorted((relation_record(r["relation"]) for r in db.run_read(cypher.ENTITY_RELATIONS, {"key": key})),
                       key=lambda r: (r["type"], r["source"], r["target"]))
    ids = sorted({e["article_id"] for r in relations for e in r["evidence"] if e["article_id"]} | set(mentioned))
    return analysis.summarize_relations(key, entity["name"], entity["type"], relations, articles(db, ids), mentioned)


def articles(db: ReadsCypher, ids: list[str]) -> dict[str, Record]:
    """ARTICLES: the articles with these ids, by id (``{id, path, title, language}``)."""
    return {r["id"]: dict(r) for r in db.run_read(cypher.ARTICLES, {"ids": list(ids)})} if ids else {}


def stats(db: ReadsCypher) -> Record:
    """ENTITY_COUNTS and RELATION_COUNTS: articles, entities by type, relations by type."""
    counts = db.run_read(cypher.ENTITY_COUNTS, {})[0]
    by_relation = {r["type"]: r["count"] for r in db.run_read(cypher.RELATION_COUNTS, {})}
    by_type = {PERSON: counts["people"], ORGANIZATION: counts["organizations"]}
    relations_by_type = {t: by_relation.get(t, 0) for t in RELATION_TYPES}
    return {"articles": counts["articles"], "entities": sum(by_type.values()), "entities_by_type": by_type,
            "relations": sum(relations_by_type.values()), "relations_by_type": relations_by_type}
