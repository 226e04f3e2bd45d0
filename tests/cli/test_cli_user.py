"""The CLI as a new user meets it (issue 13): the README's examples after `make demo`, one meaning of a
path, errors that say what is wrong, pipes into `head`, readable values."""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.synthetic import build_store, startup_store

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = {"path", "who-knows", "intro", "person", "stats", "mentors", "investors", "portfolio", "founders",
             "acquisitions", "colleagues", "brokers", "communities", "export"}


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(cli, list(args))


def run(*args: str, env: dict[str, str], cwd: Path = ROOT, **options) -> subprocess.CompletedProcess:
    """``foundergraph ARGS`` in a fresh interpreter (the code of this checkout)."""
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from foundergraph.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, text=True, timeout=300, **options)


@pytest.fixture
def startup(tmp_path: Path) -> Path:
    folder = tmp_path / "startup"
    startup_store(str(folder)).save()
    return folder


# -- the README works as typed ----------------------------------------------------------------------
def _readme_questions() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            words = shlex.split(line, comments=True) if line.startswith("foundergraph ") else []
            if words and words[1] in QUESTIONS and "--neo4j" not in words:
                lines.append(line)
    return lines


def _demo_ingest() -> list[str]:
    """The ingest line of ``make demo``, with make's variables for the defaults."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    line = next(ln.strip() for ln in recipe.splitlines() if " ingest " in ln)
    return shlex.split(line.replace("$(FG)", "foundergraph").replace("$(STORE_OPTION)", ""))[1:]


def test_cli_readme_questions_answer_from_the_demo_graph(tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("FOUNDERGRAPH_STORE", "XDG_DATA_HOME", "NEO4J_URI")}
    env["HOME"] = str(home)
    ingest = run(*_demo_ingest(), "-q", env=env, capture_output=True)
    assert ingest.returncode == 0, ingest.stderr
    questions = _readme_questions()
    assert len(questions) >= 10
    for line in questions:
        done = run(*shlex.split(line, comments=True)[1:], env=env, cwd=work, capture_output=True)
        assert done.returncode == 0, (line, done.stderr)
        assert done.stdout.strip() and "no path between" not in done.stdout and "nobody" not in done.stdout, line
        assert "empty" not in done.stderr, line


@pytest.mark.parametrize("args", [["stats"], ["brokers"], ["communities"], ["path", "Ada", "Bob"], ["person", "Ada"]])
def test_cli_read_commands_name_the_empty_store_they_read(runner: CliRunner, tmp_path: Path, args) -> None:
    empty = tmp_path / "nothing-here"
    result = invoke(runner, *args, "--store", str(empty))
    assert f"the store in {empty} is empty" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# -- one meaning of a path ----------------------------------------------------------------------------
def test_cli_path_without_people_chain_shows_the_organizations_flag(runner: CliRunner, startup: Path) -> None:
    result = invoke(runner, "path", "Ada", "Fay", "--store", str(startup))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "no path between Ada and Fay through people only",
        "through organizations: 3 degrees (add --via-orgs to see the chain)"]


@pytest.mark.parametrize("args", [["Ada", "Fay"], ["Ada", "Fay", "--via-orgs"], ["Dee", "Fay", "--via-orgs"],
                                  ["Cy", "Fay"], ["Ada", "Bolt", "--via-orgs", "--types", "FOUNDED,ACQUIRED"]])
def test_cli_viz_path_draws_the_chain_path_gives(runner: CliRunner, startup: Path, tmp_path: Path, args) -> None:
    answer = json.loads(invoke(runner, "path", *args, "--store", str(startup), "--json").stdout)
    page = tmp_path / "g.html"
    result = invoke(runner, "viz", "--path", *args[:2], *args[2:], "--store", str(startup), "-o", str(page))
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="fg-data">(.*?)</script>', html, re.S).group(1))
    drawn = [(h["type"], {h["source"], h["target"]}) for h in data["path"]["hops"]]
    expected = [(h["type"], {h["source_name"], h["target_name"]}) for h in (answer["paths"] or [{"hops": []}])[0]["hops"]]
    assert drawn == expected
    if answer["degrees"] is None and "--via-orgs" not in args:
        assert "add --via-orgs" in result.stderr


# -- clear errors ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("args, message", [
    (["investors", "Ada"], "'Ada' is a person; investors answers for organizations: try portfolio"),
    (["founders", "Eve"], "'Eve' is a person; founders answers for organizations: try person"),
    (["acquisitions", "Cy"], "'Cy' is a person; acquisitions answers for organizations: try portfolio"),
    (["mentors", "Acme"], "'Acme' is an organization; mentors answers for people: try person"),
    (["colleagues", "Acme"], "'Acme' is an organization; colleagues answers for people: try person"),
    (["who-knows", "Bolt"], "'Bolt' is an organization; who-knows answers for people: try person"),
])
def test_cli_name_of_the_wrong_type_says_so(runner: CliRunner, startup: Path, args: list[str], message: str) -> None:
    result = invoke(runner, *args, "--store", str(startup))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"Error: {message}\n"


@pytest.mark.parametrize("names", [["Ada", "Ada"], ["Ada", "ada"]])
def test_cli_intro_to_oneself_is_refused(runner: CliRunner, startup: Path, names: list[str]) -> None:
    result = invoke(runner, "intro", *names, "--store", str(startup))
    assert result.exit_code == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "same person" in result.stderr


def test_cli_broken_pipe_ends_quietly(startup: Path) -> None:
    env = {**os.environ, "FOUNDERGRAPH_STORE": str(startup)}
    env.pop("NEO4J_URI", None)
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the command writes: `foundergraph stats | head -0`
    try:
        done = run("stats", env=env, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert done.returncode == 0 and done.stderr == ""


def test_cli_person_counts_the_articles_that_mention_it(runner: CliRunner, startup: Path) -> None:
    result = invoke(runner, "person", "Gus", "--store", str(startup))  # mentioned in a1, no relation
    assert result.exit_code == 0
    assert result.output.splitlines()[1:] == ["  sources: 1", "    a1.txt: Article one"]
    assert [s["id"] for s in json.loads(invoke(runner, "person", "Gus", "--store", str(startup), "--json").stdout)
            ["sources"]] == ["a1"]


# -- readable values --------------------------------------------------------------------------------
@pytest.fixture
def deals(tmp_path: Path) -> Path:
    folder = tmp_path / "deals"
    build_store([("Ada", "Person"), ("Eve", "Person"), ("Acme", "Organization"), ("Fund", "Organization")], [
        ("INVESTED_IN", "Fund", "Acme", {"amount": 3000000.0, "currency": "EUR", "round": "seed"}),
        ("INVESTED_IN", "Eve", "Acme", {"amount": 12000000.0, "currency": "USD"}),
        ("WORKS_AT", "Ada", "Acme", {"role": "CTO", "former": True}),
    ], str(folder)).save()
    return folder


def test_cli_text_shows_amounts_and_former_as_people_write_them(runner: CliRunner, deals: Path) -> None:
    text = invoke(runner, "investors", "Acme", "--store", str(deals)).output
    assert "Eve -[INVESTED_IN $12M]-> Acme" in text and "Fund -[INVESTED_IN 3 M EUR, seed]-> Acme" in text
    person = invoke(runner, "person", "Acme", "--store", str(deals)).output
    assert "  employees: Ada (CTO, former)" in person and "Eve ($12M)" in person
    assert "amount=" not in text + person and "True" not in text + person
    raw = json.loads(invoke(runner, "investors", "Acme", "--store", str(deals), "--json").stdout)
    assert [r["props"] for r in raw] == [{"amount": 12000000.0, "currency": "USD"},
                                         {"amount": 3000000.0, "currency": "EUR", "round": "seed"}]
    path = invoke(runner, "path", "Ada", "Acme", "--store", str(deals)).output
    assert "Ada -[WORKS_AT CTO (former)]-> Acme" in path


@pytest.mark.parametrize("args, header", [
    (["who-knows", "Ada"], "hops  name"),
    (["intro", "Ada", "Cy"], "rank  name  ties with Ada  ties with Cy  hops to Cy"),
    (["colleagues", "Cy"], "name  relation  organization"),
    (["brokers"], "betweenness  name"),
    (["stats"], "relations  name"),
])
def test_cli_tables_have_a_header_row(runner: CliRunner, startup: Path, args: list[str], header: str) -> None:
    result = invoke(runner, *args, "--store", str(startup))
    assert result.exit_code == 0 and header in result.output.splitlines()
