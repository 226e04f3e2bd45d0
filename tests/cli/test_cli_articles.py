"""The article commands through the real CLI: exit codes, output, stored state."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from foundergraph.cli import cli
from graph.store import GraphStore
from loaders.read import read_article


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_cli_ingest_twice_adds_nothing_the_second_time(runner: CliRunner, seeds_dir: Path, store_dir: Path) -> None:
    first = invoke(runner, "ingest", str(seeds_dir), "--store", str(store_dir), "-q")
    assert first.exit_code == 0, first.output
    assert "articles: 3 added, 0 already stored, 0 skipped" in first.stdout
    stored = GraphStore.open(store_dir)
    assert len(stored.articles) == 3 and stored.entities and stored.relations
    saved = (store_dir / "graph.db").read_bytes()

    second = invoke(runner, "ingest", str(seeds_dir), "--store", str(store_dir), "-q")
    assert second.exit_code == 0
    assert "articles: 0 added, 3 already stored, 0 skipped" in second.stdout
    assert "relations: 0 added, 0 evidence sentences" in second.stdout
    assert (store_dir / "graph.db").read_bytes() == saved


def test_cli_ingest_renamed_copy_is_the_same_article(runner: CliRunner, articles_dir: Path, store_dir: Path) -> None:
    invoke(runner, "ingest", str(articles_dir), "--store", str(store_dir), "-q")
    original = next(articles_dir.glob("*.txt"))
    (articles_dir / "copy-with-another-name.txt").write_bytes(original.read_bytes())
    result = invoke(runner, "ingest", str(articles_dir), "--store", str(store_dir), "-q")
    assert "articles: 0 added, 4 already stored" in result.stdout


def test_cli_ingest_uses_store_from_environment(runner: CliRunner, seeds_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "from-env"
    result = runner.invoke(cli, ["ingest", str(seeds_dir / "chatroulette-founder-story.fr.txt"), "-q"],
                           env={"FOUNDERGRAPH_STORE": str(target)})
    assert result.exit_code == 0 and (target / "graph.db").exists()


def test_cli_ingest_reports_bad_files_and_goes_on(runner: CliRunner, seeds_dir: Path, tmp_path: Path,
                                                  store_dir: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_bytes((seeds_dir / "chatroulette-founder-story.fr.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.html").write_bytes(bytes(range(256)) * 8)
    (folder / "slides.pdf").write_bytes(b"%PDF-1.4")
    result = invoke(runner, "ingest", str(folder), "--store", str(store_dir), "-q")
    assert result.exit_code == 0
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 3
    assert "articles: 1 added, 0 already stored, 3 skipped" in result.stdout


@pytest.mark.parametrize("files", [{"empty.txt": b""}, {"a.pdf": b"%PDF", "b.txt": b"  \n"}])
def test_cli_ingest_nothing_readable_fails(runner: CliRunner, tmp_path: Path, store_dir: Path, files: dict) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    result = runner.invoke(cli, ["ingest", str(folder), "--store", str(store_dir), "-q"])
    assert result.exit_code == 1
    assert "Error: no article could be read" in result.stderr
    assert "Traceback" not in result.output and not (store_dir / "graph.db").exists()


def test_cli_missing_path_is_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["ingest", str(tmp_path / "nope"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope'}: no such file or directory"


def test_cli_corrupt_store_is_reported_and_kept(runner: CliRunner, seeds_dir: Path, store_dir: Path) -> None:
    store_dir.mkdir()
    (store_dir / "graph.json").write_text("{broken", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(seeds_dir), "--store", str(store_dir), "-q"])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "not a readable foundergraph store" in result.stderr
    assert (store_dir / "graph.json").read_text(encoding="utf-8") == "{broken"


def test_cli_extract_prints_gold_shaped_json(runner: CliRunner, seeds_dir: Path) -> None:
    result = invoke(runner, "extract", str(seeds_dir), "-q")
    assert result.exit_code == 0
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(o["article"] for o in objects) == sorted(p.name for p in seeds_dir.iterdir())
    for obj in objects:
        text = read_article(seeds_dir / obj["article"]).text
        names = {e["name"] for e in obj["entities"]}
        assert all(e["type"] in ("Person", "Organization") for e in obj["entities"])
        for rel in obj["relations"]:
            assert rel["source"] in names and rel["target"] in names
            assert text[rel["start"]:rel["end"]] == rel["evidence"]
            assert 0 < rel["confidence"] <= 1


def test_cli_extract_with_two_jobs_prints_what_one_process_does(runner: CliRunner) -> None:
    # 14 articles: more than one chunk of 8, so the worker pool runs the pipeline and sends back records
    articles = Path(__file__).resolve().parents[1] / "loaders" / "data" / "dev"
    one = invoke(runner, "extract", str(articles), "-q")
    two = invoke(runner, "extract", str(articles), "-q", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    lines = one.stdout.splitlines()
    assert len(lines) == len(list(articles.iterdir())) and two.stdout.splitlines() == lines


def test_cli_eval_prints_the_scorers_figures(runner: CliRunner, seeds_dir: Path, gold_path: Path,
                                            tmp_path: Path) -> None:
    predicted = tmp_path / "predicted.jsonl"
    predicted.write_text(invoke(runner, "extract", str(seeds_dir), "-q").stdout, encoding="utf-8")
    scorer = subprocess.run([sys.executable, str(gold_path.parent / "score.py"), str(gold_path), str(predicted)],
                            capture_output=True, text=True, check=True)
    ours = invoke(runner, "eval", "--gold", str(gold_path), str(seeds_dir), "-q")
    assert ours.exit_code == 0
    assert ours.stdout.strip() == scorer.stdout.strip()


def test_cli_eval_bad_gold_file_is_one_line(runner: CliRunner, seeds_dir: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article": "a.txt"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(cli, ["eval", "--gold", str(gold), str(seeds_dir), "-q"])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {gold}:2: not JSON")


def test_cli_path_unknown_name_suggests(runner: CliRunner, seeds_dir: Path, store_dir: Path) -> None:
    invoke(runner, "ingest", str(seeds_dir), "--store", str(store_dir), "-q")
    graph = GraphStore.open(store_dir).to_networkx()
    name = next(data["name"] for _, data in graph.nodes(data=True) if len(data["name"]) > 6)
    result = runner.invoke(cli, ["path", name[:-1] + "x", name, "--store", str(store_dir)])
    assert result.exit_code == 1
    assert "did you mean" in result.stderr and name in result.stderr


def test_cli_path_prints_hops_with_evidence(runner: CliRunner, seeds_dir: Path, store_dir: Path) -> None:
    invoke(runner, "ingest", str(seeds_dir), "--store", str(store_dir), "-q")
    store = GraphStore.open(store_dir)
    relation = next(iter(store.relations.values()))
    a, b = store.entities[relation.source].name, store.entities[relation.target].name
    result = invoke(runner, "path", a, b, "--store", str(store_dir), "--json")
    data = json.loads(result.stdout)
    assert data["degrees"] == 1
    assert data["paths"][0]["hops"][0]["evidence"][0]["sentence"] == relation.evidence[0].sentence


def test_cli_every_command_has_help_with_example() -> None:
    for name, command in cli.commands.items():
        if isinstance(command, type(cli)):
            continue
        assert command.help and "Example:" in command.help, name


def test_cli_two_ingests_at_once_lose_and_double_nothing(seeds_dir: Path, tmp_path: Path) -> None:
    seeds = sorted(seeds_dir.iterdir())
    halves = {"first": seeds[:2], "second": seeds[1:]}  # overlapping on one article
    for name, files in halves.items():
        (tmp_path / name).mkdir()
        for path in files:
            (tmp_path / name / path.name).write_bytes(path.read_bytes())
    reference, shared = tmp_path / "reference", tmp_path / "shared"
    command = [sys.executable, "-c", "from foundergraph.cli import main; main()", "ingest", "-q"]
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    subprocess.run([*command, str(seeds_dir), "--store", str(reference)], check=True, env=env, capture_output=True)
    runs = [subprocess.Popen([*command, str(tmp_path / name), "--store", str(shared)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in halves]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    merged, alone = GraphStore.open(shared).to_dict(), GraphStore.open(reference).to_dict()
    assert [a["id"] for a in merged["articles"]] == [a["id"] for a in alone["articles"]]
    assert len(merged["entities"]) == len(alone["entities"])
    assert sorted((r["type"], r["source"], r["target"], len(r["evidence"])) for r in merged["relations"]) == \
        sorted((r["type"], r["source"], r["target"], len(r["evidence"])) for r in alone["relations"])


@pytest.mark.parametrize("args", [["path", "Léa", "Marc"], ["stats"], ["person", "Léa"], ["ingest", "SEEDS", "-q"]])
def test_cli_foreign_database_is_reported_and_kept(runner: CliRunner, seeds_dir: Path, store_dir: Path,
                                                   args: list[str]) -> None:
    store_dir.mkdir()
    content = b"SQLite format 3\x00" + bytes(range(256)) * 16
    (store_dir / "graph.db").write_bytes(content)
    args = [str(seeds_dir) if a == "SEEDS" else a for a in args]
    result = runner.invoke(cli, [*args, "--store", str(store_dir)])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "foundergraph store" in result.stderr
    assert "Traceback" not in result.output
    assert (store_dir / "graph.db").read_bytes() == content
