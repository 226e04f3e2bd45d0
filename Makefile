# The two commands of the README, and the ones around them.
VENV ?= .venv
PY := $(VENV)/bin/python
FG := $(VENV)/bin/foundergraph
STORE ?= .foundergraph

.PHONY: install demo test neo4j bench bench-full clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

## The main job on the embedded default: seeds/ -> graph -> an answer.
demo: install
	$(FG) ingest seeds/ --store $(STORE)
	$(FG) path "Ashay Kothani" "Linkedin" --store $(STORE)

## The whole test suite (starts its own Neo4j server).
test: install
	$(VENV)/bin/pytest

clean:
	rm -rf $(STORE) .pytest_cache
