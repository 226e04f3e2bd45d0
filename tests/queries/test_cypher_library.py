"""queries.cypher: every question is named, commented, parameterized and has its NetworkX twin."""
from __future__ import annotations

import inspect
import re

import pytest

from queries import cypher, on_neo4j, on_networkx

QUESTIONS = ["find", "separation", "who_knows", "introducers", "mentors", "mentees", "investors", "portfolio",
             "acquisitions", "founders", "colleagues", "person", "articles", "stats"]


@pytest.mark.parametrize("name", sorted(cypher.QUERIES))
def test_cypher_library_queries_are_commented_and_parameterized(name: str) -> None:
    text = cypher.get(name)
    assert text.startswith("//"), "each query opens with a comment saying what it answers"
    assert "%s" not in text and "{0}" not in text
    params = set(re.findall(r"\$([a-z_]+)", text))
    documented = set(re.findall(r"\$([a-z_]+)", "\n".join(l for l in text.splitlines() if l.startswith("//"))))
    assert params <= documented | {"key", "keys", "kinds", "types", "source", "target", "via_orgs", "pairs",
                                   "ids", "label"}


def test_cypher_library_get_unknown_name() -> None:
    with pytest.raises(KeyError, match="no query named"):
        cypher.get("DROP_EVERYTHING")


@pytest.mark.parametrize("question", QUESTIONS)
def test_cypher_library_both_forms_share_signatures(question: str) -> None:
    offline, online = getattr(on_networkx, question), getattr(on_neo4j, question)
    left = list(inspect.signature(offline).parameters.values())[1:]
    right = list(inspect.signature(online).parameters.values())[1:]
    assert [(p.name, p.default, p.kind) for p in left] == [(p.name, p.default, p.kind) for p in right]


def test_cypher_library_runs_only_named_queries() -> None:
    source = inspect.getsource(on_neo4j)
    calls = re.findall(r"db\.run_read\(([^,]+),", source)
    assert calls and all(re.fullmatch(r"cypher\.[A-Z_]+|query", c) for c in calls), calls
    assert "query = cypher.ALL_SHORTEST_PATHS if all_paths else cypher.SHORTEST_PATH" in source
