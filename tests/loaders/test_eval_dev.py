"""Generalization bar: invented French and English articles (tests/loaders/data/dev/) the rules were not written from.

These articles were written by the team, so they are a regression guard for the traps they hold, not a
target: the extractor is tuned and judged on real text (``python -m bench.eval_real``, README). Figures
with the dependency-parse relation stage and the English pipeline (``foundergraph eval --gold
tests/loaders/data/dev-gold.jsonl tests/loaders/data/dev/``): entities F1 0.99, relations F1 0.88
(P 0.91, R 0.85), nothing forbidden. The bar sits a little below, so a regression shows.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli

DEV = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def figures() -> dict:
    result = CliRunner().invoke(cli, ["eval", "--gold", str(DEV / "dev-gold.jsonl"), str(DEV / "dev"), "--json", "-q"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("part,minimum", [("relations", 0.86), ("entities", 0.95)])
def test_eval_dev_f1_meets_the_bar(figures: dict, part: str, minimum: float) -> None:
    assert figures[part]["f1"] >= minimum, figures[part]


@pytest.mark.parametrize("part,minimum", [("relations", 0.90), ("entities", 0.95)])
def test_eval_dev_precision_meets_the_bar(figures: dict, part: str, minimum: float) -> None:
    assert figures[part]["p"] >= minimum, figures[part]


@pytest.mark.parametrize("counter,maximum", [("negative_relations_produced", 0), ("negative_entities_produced", 0)])
def test_eval_dev_produces_nothing_forbidden(figures: dict, counter: str, maximum: int) -> None:
    assert figures[counter] <= maximum
