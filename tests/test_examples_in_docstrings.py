"""The examples in the modules' docstrings run and give what they show."""
from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(".".join(path.relative_to(ROOT).with_suffix("").parts)
                 for package in ("graph", "queries", "loaders", "foundergraph")
                 for path in (ROOT / package).rglob("*.py") if ">>> " in path.read_text(encoding="utf-8"))


def test_some_modules_have_examples() -> None:
    assert len(MODULES) >= 4, MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    failed, tried = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert tried and not failed, f"{failed} of {tried} examples failed in {name}"
