"""Extraction measured on real text: the seeds, dev-real and the two public sets, with the shared scorers.

    python -m bench.eval_real                 # every set, one summary line each
    python -m bench.eval_real dev-real --details --out /tmp/eval   # per-item misses in /tmp/eval/dev-real.txt

Every article is parsed afresh, as ``foundergraph extract`` does (a DocBin cache of the parses was
tried and dropped: English docs read back from it gave other relations). The figures are those of
``../shared/eval/score.py`` and ``score_pairs.py``, run as they are.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph.errors import InputError
from graph.model import Article
from loaders.extract import extract_doc
from loaders import nlp as nlp_module
from loaders.nlp import load_model, model_name_for
from loaders.read import discover, read_article

ROOT = Path(__file__).resolve().parent.parent


def sets(shared: Path) -> dict[str, tuple[Path, Path, str]]:
    """name -> (articles folder, gold file, scorer)."""
    ev = shared / "eval"
    return {
        "seeds": (ROOT / "seeds", ev / "seeds-gold.jsonl", "score.py"),
        "dev-real": (ev / "dev-real" / "articles", ev / "dev-real" / "gold.jsonl", "score.py"),
        "fire-dev": (ev / "public" / "fire-dev" / "texts", ev / "public" / "fire-dev" / "pairs.jsonl", "score_pairs.py"),
        "conll04-train": (ev / "public" / "conll04-train" / "texts", ev / "public" / "conll04-train" / "pairs.jsonl",
                          "score_pairs.py"),
    }


def _articles(folder: Path) -> list[Article]:
    found = []
    for path in discover([folder]):
        try:
            found.append(read_article(path))
        except InputError:
            continue
    return found


def parsed(articles: list[Article], model: str | None) -> list:
    """The docs of ``articles``, each parsed by the pipeline of its language."""
    docs: list = [None] * len(articles)
    groups: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(model_name_for(article.language, model), []).append(i)
    for name, indexes in groups.items():
        nlp = load_model(name)
        for i, doc in zip(indexes, nlp.pipe((articles[i].text for i in indexes), batch_size=8)):
            docs[i] = doc
    return docs


def run_set(name: str, folder: Path, gold: Path, scorer: Path, out: Path, model: str | None, details: bool) -> str:
    """Extract one set, score it, and return the scorer's last line (its whole output goes to ``out``)."""
    articles = _articles(folder)
    docs = parsed(articles, model)
    pred = out / f"{name}.jsonl"
    with pred.open("w", encoding="utf-8") as stream:
        for article, doc in zip(articles, docs):
            stream.write(json.dumps(extract_doc(article, doc).to_gold_shape(), ensure_ascii=False) + "\n")
    line = _score(scorer, gold, pred, out / f"{name}.txt", details)
    if scorer.name == "score.py" and len({a.language for a in articles}) > 1:
        for language in sorted({a.language for a in articles}):
            names = {Path(a.path).name for a in articles if a.language == language}
            subset_gold, subset_pred = out / f"{name}-{language}-gold.jsonl", out / f"{name}-{language}.jsonl"
            for source, target in ((gold, subset_gold), (pred, subset_pred)):
                kept = [row for row in source.read_text(encoding="utf-8").splitlines()
                        if row.strip() and Path(json.loads(row).get("article", "")).name in names]
                target.write_text("\n".join(kept) + "\n", encoding="utf-8")
            line += f"\n  {language} ({len(names)} articles): " + _score(
                scorer, subset_gold, subset_pred, out / f"{name}-{language}.txt", details)
    return line


def _score(scorer: Path, gold: Path, pred: Path, report: Path, details: bool) -> str:
    """Run a shared scorer; its whole output goes to ``report``, its last line is returned."""
    command = [sys.executable, str(scorer), str(gold), str(pred)] + (["--details"] if details else [])
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    report.write_text(result.stdout + result.stderr, encoding="utf-8")
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return lines[-1] if lines else result.stderr.strip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="sets to run (default: all)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=None, help="folder for predictions and scorer output")
    parser.add_argument("--model", default=None, help="one spaCy pipeline for every article")
    parser.add_argument("--french-model", default=None, help="the pipeline for French articles only "
                        "(English keeps its own), e.g. fr_core_news_sm")
    parser.add_argument("--details", action="store_true", help="scorer details in the output files")
    args = parser.parse_args(argv)
    if args.french_model:
        nlp_module.MODELS["fr"] = (args.french_model,)
        nlp_module._installed_model.cache_clear()
    available = sets(args.shared)
    names = args.names or list(available)
    out = args.out or Path(tempfile.mkdtemp(prefix="foundergraph-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        if name not in available:
            sys.exit(f"unknown set {name!r}: choose among {', '.join(available)}")
        folder, gold, scorer = available[name]
        if not gold.exists():
            print(f"{name:14} skipped: {gold} not found")
            continue
        started = time.perf_counter()
        line = run_set(name, folder, gold, args.shared / "eval" / scorer, out, args.model, args.details)
        print(f"{name:14} {line}   ({time.perf_counter() - started:.0f} s)")
    print(f"predictions and scorer output: {out}")


if __name__ == "__main__":
    main()
