# The two commands of the README, and the ones around them.
VENV ?= .venv
PY := $(VENV)/bin/python
FG := $(VENV)/bin/foundergraph
# The embedded store of `make demo`: empty means the default one ($FOUNDERGRAPH_STORE, else
# ~/.local/share/foundergraph), the one every command reads without --store.
STORE ?=
STORE_OPTION = $(if $(STORE),--store $(STORE))

.PHONY: install demo test eval neo4j bench bench-full clean

install: $(VENV)/.installed
	@echo "foundergraph is installed in $(VENV)/bin; to have it on PATH: . $(VENV)/bin/activate"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

## The main job on the embedded default: seeds/ -> graph in the default store -> graph.html and an answer.
demo: install
	$(FG) ingest seeds/ $(STORE_OPTION)
	$(FG) viz $(STORE_OPTION) -o graph.html --force
	$(FG) path "Adam di Angello" "Mark Zuckerberg" $(STORE_OPTION)

## The whole test suite (starts its own Neo4j server).
test: install
	$(VENV)/bin/pytest

## Extraction on real text: the seeds, ../shared/eval/dev-real and the two public sets, with the shared scorers.
eval: install
	$(PY) -m bench.eval_real

## Neo4j 5.26 without Docker (Java 17 + Maven): Bolt on 127.0.0.1:7687, user neo4j, data kept in .neo4j/.
NEO4J_PORT ?= 7687
NEO4J_PASSWORD ?= foundergraph
neo4j:
	sh tests/neo4j_server/run.sh --port $(NEO4J_PORT) --data .neo4j --password '$(NEO4J_PASSWORD)'

## Benchmarks (scripts in bench/): each prints its table and appends it to BENCHMARKS.md. Quick: ~5 min.
bench: install
	$(PY) -m bench.bench_extraction
	$(PY) -m bench.bench_neo4j
	$(PY) -m bench.bench_paths
	$(PY) -m bench.bench_store
	$(PY) -m bench.bench_visual
	$(PY) -m bench.bench_cli

## The same at scale: 1,000 articles, 100k people / 1M relationships into Neo4j, paths on 1M people.
bench-full: install
	$(PY) -m bench.bench_extraction --full
	$(PY) -m bench.bench_neo4j --full
	$(PY) -m bench.bench_paths --full
	$(PY) -m bench.bench_store --full
	$(PY) -m bench.bench_visual

clean:
	rm -rf .pytest_cache $(STORE)
