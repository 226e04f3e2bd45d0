"""What the command loads: questions on the embedded store import neither spaCy, the loaders, pyvis nor the
Neo4j driver; ``--help`` imports the command table only; nothing in graph/ imports loaders/ or queries/."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from foundergraph.cli import COMMANDS, cli
from graph.synthetic import startup_store

ROOT = Path(__file__).resolve().parents[2]
#: Run the CLI in a fresh interpreter, then print the top-level packages it imported.
PROBE = """
import sys
from foundergraph.cli import main
try:
    main()
except SystemExit:
    pass
print("MODULES " + " ".join(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""
NEVER_FOR_QUESTIONS = {"spacy", "loaders", "pyvis", "neo4j", "thinc", "jinja2"}


def loaded(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=env)
    line = [ln for ln in done.stderr.splitlines() if ln.startswith("MODULES ")][-1]
    return done, set(line.split()[1:])


@pytest.fixture(scope="module")
def startup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("imports") / "startup"
    startup_store(str(folder)).save()
    return folder


def test_cli_help_imports_only_click_and_the_command_table() -> None:
    done, modules = loaded("--help")
    assert done.returncode == 0 and "who-knows" in done.stdout
    assert not modules & (NEVER_FOR_QUESTIONS | {"networkx", "numpy", "scipy", "rapidfuzz", "sqlite3"})
    assert "foundergraph" in modules and "click" in modules


@pytest.mark.parametrize("args", [
    ["path", "Ada", "Fay", "--via-orgs"], ["path", "Ada", "Fay"], ["person", "Acme"], ["who-knows", "Ada"],
    ["intro", "Ada", "Cy"], ["mentors", "Eve"], ["investors", "Acme"], ["portfolio", "Eve"], ["founders", "Acme"],
    ["acquisitions", "Bolt"], ["colleagues", "Cy"], ["stats"], ["investors", "Ada"],
])
def test_cli_questions_on_the_store_import_no_spacy_pyvis_or_neo4j(startup: Path, args: list[str]) -> None:
    done, modules = loaded(*args, "--store", str(startup))
    assert "Traceback" not in done.stderr
    assert not modules & NEVER_FOR_QUESTIONS, sorted(modules & NEVER_FOR_QUESTIONS)


def test_cli_path_reads_the_index_without_networkx_or_scipy(startup: Path) -> None:
    done, modules = loaded("path", "Cy", "Fay", "--store", str(startup), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["degrees"] == 2
    assert not modules & {"networkx", "scipy"}, sorted(modules & {"networkx", "scipy"})


def test_cli_command_table_matches_the_commands() -> None:
    ctx = click.Context(cli)
    for name, (_module, summary) in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
        assert command.get_short_help_str(limit=500) == summary, name
    assert set(COMMANDS) == set(cli.list_commands(ctx))


def test_cli_export_formats_are_the_exporters() -> None:
    from foundergraph.cli.ask import EXPORT_FORMATS
    from graph.export import FORMATS
    assert EXPORT_FORMATS == FORMATS


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "graph").rglob("*.py")), ids=lambda p: p.name)
def test_cli_graph_imports_neither_loaders_nor_queries(path: Path) -> None:
    assert not _imports(path) & {"loaders", "queries", "foundergraph"}
