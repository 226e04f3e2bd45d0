"""Shared fixtures: real seeds, real spaCy pipelines, throwaway stores, the CLI runner."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from loaders.nlp import load_model

pytest_plugins = ["neo4j_fixture"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(autouse=True)
def own_default_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty default store of its own: a store the user filled (``make demo``) must neither
    leak into a test nor be written by one."""
    store = tmp_path_factory.mktemp("default-store")
    monkeypatch.setenv("FOUNDERGRAPH_STORE", str(store))
    return store


@pytest.fixture(scope="session")
def nlp_fr():
    """The French pipeline the product uses by default, loaded once for the whole run."""
    return load_model("fr_core_news_md")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    path = SHARED_EVAL / "seeds-gold.jsonl"
    if not path.exists():
        pytest.fail(f"gold annotations not found at {path}: run the tests with ../shared beside the repo")
    return path


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """An empty store folder."""
    return tmp_path / "store"


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner on the embedded store: a NEO4J_URI in the caller's environment would switch to Neo4j."""
    return CliRunner(env={"NEO4J_URI": None})


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A copy of seeds/ that a test may change."""
    target = tmp_path / "articles"
    shutil.copytree(SEEDS, target)
    return target
