"""Fixtures of the query tests: the seeds ingested into an embedded store."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli


@pytest.fixture(scope="session")
def seeds_store_dir(tmp_path_factory, seeds_dir: Path) -> Path:
    """A store folder holding the seeds, ingested through the CLI (into the embedded store, even when
    NEO4J_URI points the suite at a server)."""
    folder = tmp_path_factory.mktemp("seeds-store")
    result = CliRunner().invoke(cli, ["ingest", str(seeds_dir), "--store", str(folder), "-q"], env={"NEO4J_URI": None})
    assert result.exit_code == 0, result.output
    return folder
