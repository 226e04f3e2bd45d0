"""The one model of the data: articles, entities, relations and their evidence.

Every stage speaks it: loaders produce an :class:`Extraction` per article, the
stores keep :class:`Entity` and :class:`Relation` records, queries and exports
read them back. Keys are stable across runs, so re-ingesting changes nothing.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable

PERSON = "Person"
ORGANIZATION = "Organization"
ENTITY_TYPES = (PERSON, ORGANIZATION)

FOUNDED = "FOUNDED"
WORKS_AT = "WORKS_AT"
INVESTED_IN = "INVESTED_IN"
ACQUIRED = "ACQUIRED"
MENTORED = "MENTORED"
KNOWS = "KNOWS"
RELATION_TYPES = (FOUNDED, WORKS_AT, INVESTED_IN, ACQUIRED, MENTORED, KNOWS)
#: Relation types whose direction carries no meaning.
UNDIRECTED_TYPES = frozenset({KNOWS})
#: The props each relation type may carry.
RELATION_PROPS = {
    FOUNDED: (),
    WORKS_AT: ("role", "former"),
    INVESTED_IN: ("amount", "currency", "round"),
    ACQUIRED: ("amount", "currency"),
    MENTORED: (),
    KNOWS: (),
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_LEADING_ARTICLE = re.compile(r"^(?:the|le|la|les|l)\s+")

#: The ways two people can know each other. FOUNDED and WORKS_AT mean "founded / worked at the same
#: organization"; INVESTED_IN means one invested in the other or in a company the other founded.
KNOWING_KINDS = (KNOWS, MENTORED, FOUNDED, WORKS_AT, INVESTED_IN)


def check_types(types: Iterable[str] | None) -> frozenset[str]:
    """The relation types as a set (None: all); ValueError naming the valid ones for anything else."""
    types = frozenset(RELATION_TYPES if types is None else types)
    unknown = types - set(RELATION_TYPES)
    if unknown:
        raise ValueError(f"unknown relation type {sorted(unknown)}; choose among {', '.join(RELATION_TYPES)}")
    return types


def best_relation_order(record: dict[str, Any]) -> tuple:
    """Sort key that puts the most trusted relation first (of relation records); type then source break ties."""
    return (-(record.get("confidence") or 0.0), record["type"], record["source"], record["target"])


def fold(text: str) -> str:
    """Fold case, accents and apostrophe variants: ``"L’Équipe"`` -> ``"l'equipe"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().translate(_APOSTROPHES)


@functools.lru_cache(maxsize=65536)
def entity_key(name: str) -> str:
    """The stable key of an entity name: folded, punctuation and leading article dropped.

    ``entity_key("LinkedIn") == entity_key("Linkedin") == "linkedin"``. A pure function of the name,
    cached: the extraction stages ask for the key of the same few names again and again.
    """
    folded = fold(name)
    folded = re.sub(r"[^\w\s.&'-]", " ", folded).replace("'", " ")
    folded = re.sub(r"\s+", " ", folded).strip(" .-")
    return _LEADING_ARTICLE.sub("", folded)


def normalize_text(text: str) -> str:
    """Unicode NFC, unified line endings and no trailing spaces: the text an article id hashes."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def article_id(text: str) -> str:
    """The id of an article: a hash of its normalized text, so a renamed copy is the same article."""
    collapsed = re.sub(r"\s+", " ", normalize_text(text))
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One article as read from disk, after boilerplate removal."""

    id: str
    path: str
    title: str
    language: str
    text: str = field(repr=False, default="")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "title": self.title, "language": self.language}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return cls(id=data["id"], path=data["path"], title=data.get("title", ""),
                   language=data.get("language", ""))


@dataclass
class Entity:
    """A person or an organization, known by a stable key and any number of aliases."""

    key: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    #: Articles that typed it each way, once they disagree ({} while every article agrees).
    type_votes: dict[str, int] = field(default_factory=dict)

    def vote_type(self, entity_type: str) -> bool:
        """Count one more article typing this entity ``entity_type``; True if the majority type changed.

        On a tie, Person: the type does not depend on the order articles came in.
        """
        votes = self.type_votes or {self.type: len(self.articles)}
        votes[entity_type] = votes.get(entity_type, 0) + 1
        self.type_votes = votes if len(votes) > 1 else {}
        leader = max(sorted(votes), key=lambda t: (votes[t], t == PERSON))
        changed, self.type = leader != self.type, leader
        return changed

    def add_alias(self, alias: str) -> None:
        """Remember another surface form of this entity (no duplicates, never the name itself)."""
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def to_dict(self) -> dict[str, Any]:
        data = {"key": self.key, "type": self.type, "name": self.name,
                "aliases": list(self.aliases), "articles": list(self.articles)}
        if self.type_votes:
            data["type_votes"] = dict(self.type_votes)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        return cls(key=data["key"], type=data["type"], name=data["name"],
                   aliases=list(data.get("aliases", [])), articles=list(data.get("articles", [])),
                   type_votes=dict(data.get("type_votes", {})))


@dataclass(frozen=True)
class Evidence:
    """Where a relation was read: the article, the sentence and its character offsets in the article text."""

    article_id: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "sentence": self.sentence,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Evidence":
        return cls(article_id=data["article_id"], sentence=data["sentence"],
                   start=int(data["start"]), end=int(data["end"]))


def distinct_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """The evidence once per place it was read (article, start, end), in order: what the stores write."""
    if len(evidence) <= 1:
        return evidence
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for ev in evidence:
        ident = (ev.article_id, ev.start, ev.end)
        if ident not in seen:
            seen.add(ident)
            unique.append(ev)
    return unique


@dataclass
class Relation:
    """A typed, directed link between two entity keys, with its props and evidence."""

    type: str
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity in a store: type and endpoints (sorted for undirected types)."""
        if self.type in UNDIRECTED_TYPES:
            a, b = sorted((self.source, self.target))
            return (self.type, a, b)
        return (self.type, self.source, self.target)

    def merge(self, other: "Relation") -> bool:
        """Fold another sighting of the same relation into this one; True if anything changed."""
        changed = False
        for name, value in other.props.items():
            if value is not None and name not in self.props:
                self.props[name] = value
                changed = True
        known = {(e.article_id, e.start, e.end) for e in self.evidence}
        for ev in other.evidence:
            if (ev.article_id, ev.start, ev.end) not in known:
                self.evidence.append(ev)
                known.add((ev.article_id, ev.start, ev.end))
                changed = True
        if other.confidence > self.confidence:
            self.confidence = other.confidence
            changed = True
        return changed

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "source": self.source, "target": self.target,
                "props": dict(self.props), "confidence": self.confidence,
                "evidence": [e.to_dict() for e in self.evidence]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Relation":
        return cls(type=data["type"], source=data["source"], target=data["target"],
                   props=dict(data.get("props", {})), confidence=float(data.get("confidence", 0.5)),
                   evidence=[Evidence.from_dict(e) for e in data.get("evidence", [])])


@dataclass
class Extraction:
    """What the loaders found in one article: the only thing passed from loaders to stores."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def entity(self, key: str) -> Entity | None:
        """The entity of this article with that key, if any."""
        return next((e for e in self.entities if e.key == key), None)

    def to_gold_shape(self) -> dict[str, Any]:
        """The JSON object ``foundergraph extract`` prints, in the shape of the gold annotations."""
        names = {e.key: e.name for e in self.entities}
        relations = []
        for rel in self.relations:
            for ev in rel.evidence[:1]:
                relations.append({
                    "type": rel.type, "source": names.get(rel.source, rel.source),
                    "target": names.get(rel.target, rel.target), "props": dict(rel.props),
                    "evidence": ev.sentence, "start": ev.start, "end": ev.end,
                    "confidence": round(rel.confidence, 3),
                })
        return {
            "article": self.article.path.replace("\\", "/").rsplit("/", 1)[-1],
            "entities": [{"name": e.name, "type": e.type, "aliases": list(e.aliases)}
                         for e in self.entities],
            "relations": relations,
        }
