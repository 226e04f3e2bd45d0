"""What a read-only ``query`` may run: no administration command, and a plan that only reads.

Two checks, both before the query runs: :func:`admin_refusal` looks at the query's text (string
literals and comments left out, ``\\uXXXX`` escapes and backticks undone) for commands that act on
the server or on other sessions; :func:`plan_refusal` looks at the ``EXPLAIN`` of the query, which must
be of type ``"r"`` (read only) and hold no ``LoadCSV`` operator (which reads files or URLs).
"""
from __future__ import annotations

import re
from typing import Any

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")
_STRINGS_AND_COMMENTS = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|//[^\n]*|/\*.*?\*/", re.DOTALL)
#: Commands refused without ``--write``, with the words users know them by.
_ADMIN = [
    (re.compile(r"\bTERMINATE\b", re.I), "TERMINATE"),
    (re.compile(r"\bSHOW\s+(?:(?:CURRENT|ALL|POPULATED|USER|ROLE)\s+)?(?:USERS?|ROLES?|PRIVILEGES?|TRANSACTIONS?|"
                r"SETTINGS?|SERVERS?|DATABASES?|ALIAS(?:ES)?|SUPPORTED)\b", re.I), "SHOW (administration)"),
    (re.compile(r"\b(?:CREATE|ALTER|DROP|RENAME|GRANT|DENY|REVOKE|START|STOP|ENABLE|DEALLOCATE|REALLOCATE)\s+"
                r"(?:OR\s+REPLACE\s+)?(?:(?:COMPOSITE|STANDARD|IMMUTABLE)\s+)?(?:USER|ROLE|DATABASE|ALIAS|SERVER|"
                r"DATABASES|PRIVILEGE|ACCESS|TRAVERSE|READ|MATCH|WRITE|ALL)\b", re.I), "user or database administration"),
    (re.compile(r"\bdbms\s*\.", re.I), "dbms.* procedures"),
    (re.compile(r"\bdb\s*\.\s*clear", re.I), "db.clear* procedures"),
    (re.compile(r"\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", re.I), "CALL ... IN TRANSACTIONS"),
    (re.compile(r"\bLOAD\s+CSV\b", re.I), "LOAD CSV"),
]


def _plain_text(cypher: str) -> str:
    """The query as the parser reads it, without string literals, comments or backticks."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), cypher)
    text = _STRINGS_AND_COMMENTS.sub(" ", text)
    return text.replace("`", "")


def admin_refusal(cypher: str) -> str | None:
    """Why a read-only query is refused for what it says (an administration command), else None."""
    text = _plain_text(cypher)
    for pattern, what in _ADMIN:
        if pattern.search(text):
            return f"refused: {what} is not allowed in a read-only query; pass --write to run it"
    return None


def _operators(plan: Any) -> list[str]:
    if not isinstance(plan, dict):
        return []
    found = [str(plan.get("operatorType", ""))]
    for child in plan.get("children") or []:
        found += _operators(child)
    return found


def plan_refusal(query_type: str | None, plan: Any) -> str | None:
    """Why a query is refused from its ``EXPLAIN`` (its type and plan), else None."""
    if any(op.split("@")[0] == "LoadCSV" for op in _operators(plan)):
        return "refused: LOAD CSV reads files or URLs and is not allowed in a read-only query; pass --write to run it"
    if query_type != "r":
        kind = {"rw": "reads and writes", "w": "writes", "s": "changes the schema"}.get(query_type or "", "is not read-only")
        return f"refused: this query {kind}; pass --write to run it"
    return None


def explain_text(cypher: str) -> str:
    """The ``EXPLAIN`` of a query (a leading ``EXPLAIN`` or ``PROFILE`` of its own is replaced)."""
    return "EXPLAIN " + re.sub(r"^\s*(?:EXPLAIN|PROFILE)\b", "", cypher, flags=re.I)
