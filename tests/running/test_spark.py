"""Spark gives the CLI's records. Runs in local mode; needs pyspark (the `spark` extra) and Java.
Where either is missing the tests skip with the reason, except in CI (CI=true), where that fails."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import ROOT, cli
from test_batch import ARTICLES


def _missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install 'newsfacts[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime (Spark needs Java 17)"
    return None


MISSING = _missing()
if MISSING and os.environ.get("CI") == "true":
    raise RuntimeError(f"the Spark tests cannot run in CI: {MISSING}; the CI machine must have them")
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


def _by_document(lines: list[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        grouped[json.loads(line)["doc_id"]].append(line)
    return dict(grouped)


def _cli_lines(folder: Path) -> list[str]:
    return cli("extract", str(folder), "-q", "-j", "1", text=True).stdout.splitlines()


def _spark_lines(folder: Path, out: Path) -> tuple[list[str], subprocess.CompletedProcess]:
    from extractor.running.spark import record_lines

    result = cli("spark", str(folder), str(out), "--master", "local[2]", text=True)
    return record_lines(str(out)), result


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spark-in")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "nested").mkdir()
    shutil.copy(ROOT / "fixtures" / "sco_article.txt", folder / "nested" / "sco_article.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "legacy.txt").write_bytes("Caf\u00e9 sales rose 4% in 2024.".encode("cp1252"))
    bbc = ROOT.parent / "shared" / "corpus" / "bbc"
    if bbc.is_dir():  # a sample of real news too, where it is here
        for n, path in enumerate(sorted(bbc.glob("*/*.txt"))[::150]):
            shutil.copy(path, folder / f"bbc-{n:02d}.txt")
    return folder


def test_spark_command_writes_the_records_the_cli_writes(folder, tmp_path):
    spark_lines, result = _spark_lines(folder, tmp_path / "out")
    assert result.returncode == 1, result.stderr  # the binary file is an error record, not a failed stage
    assert "error=1" in result.stderr
    cli = _by_document(_cli_lines(folder))
    spark = _by_document(spark_lines)
    assert spark == cli
    assert sorted(spark) == list(spark)  # written in doc_id order
    assert json.loads(spark["binary.txt"][0])["type"] == "error"
    assert json.loads(spark["nested/sco_article.txt"][0])["counts"]["membership"] == 10


def test_spark_extract_dataframe_takes_strings_and_dates(tmp_path):
    from pyspark.sql import SparkSession

    from extractor.running.spark import extract_dataframe, use_this_python

    use_this_python()  # this test's Python may not be the python3 on PATH
    spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        df = spark.createDataFrame(
            [("n1", "The talks ended on Tuesday with a deal worth $2 billion.", "2025-03-14"),
             ("n2", "Nothing dated here.", None)],
            "id string, body string, day string")
        rows = extract_dataframe(df, text_col="body", id_col="id", published_col="day").collect()
    finally:
        spark.stop()
    records = [json.loads(r["record"]) for r in rows]
    assert [r["type"] for r in records if r["doc_id"] == "n2"] == ["document"]
    head = next(r for r in records if r["doc_id"] == "n1" and r["type"] == "document")
    assert head["reference_date"] == "2025-03-14"
    event = next(r for r in records if r["type"] == "event")
    assert event["date"]["value"] == "2025-03-11"
    money = next(r for r in records if r["type"] == "figure")
    assert money["value"] == 2_000_000_000 and money["unit"] == "USD"


def test_spark_extract_dataframe_names_a_missing_column():
    from pyspark.sql import SparkSession

    from extractor.running.spark import extract_dataframe, use_this_python

    use_this_python()  # this test's Python may not be the python3 on PATH
    spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        df = spark.createDataFrame([("n1", "x")], "id string, body string")
        with pytest.raises(ValueError, match="no column 'text'"):
            extract_dataframe(df, text_col="text", id_col="id")
    finally:
        spark.stop()


def test_spark_command_by_path_uses_its_own_python_not_the_one_on_path(tmp_path):
    """Regression (#12): the entry script called by path, as cron does, with no environment on
    PATH: Spark's workers must not start the `python3` found there."""
    script = Path(sys.executable).parent / "extractor"
    if not script.exists():
        pytest.skip(f"no entry script beside {sys.executable} (the package is not installed with pip)")
    decoy = tmp_path / "bin"
    decoy.mkdir()
    for name in ("python", "python3"):  # what PATH offers fails loudly if Spark picks it
        (decoy / name).write_text("#!/bin/sh\necho 'the python3 on PATH was used' >&2\nexit 3\n")
        (decoy / name).chmod(0o755)
    venv_bin = str(Path(sys.executable).parent)
    path = [decoy] + [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != venv_bin]
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(str(p) for p in path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Finland became the 31st member of NATO in April 2023.", encoding="utf-8")
    result = subprocess.run([str(script), "spark", str(tmp_path / "in"), str(tmp_path / "out"), "--master", "local[1]"],
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    from extractor.running.spark import record_lines

    types = [json.loads(line)["type"] for line in record_lines(str(tmp_path / "out"))]
    assert types.count("membership") == 1 and types[0] == "document"


def test_spark_reads_pages_dumps_and_archives_as_the_cli_does(tmp_path):
    """#14: HTML pages, a gzipped JSON Lines dump and a WARC file, split into documents on the
    executors, give the CLI's records document by document."""
    pytest.importorskip("warcio", reason="the warc extra is not installed")
    pytest.importorskip("trafilatura", reason="the html extra is not installed")
    from input_documents import ARTICLE, dump, page, warc

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.html").write_text(page(ARTICLE), encoding="utf-8")
    dump(folder)
    warc(folder / "crawl.warc.gz", [("https://news.example.com/a", "text/html", page(ARTICLE[1:]).encode()),
                                     ("https://news.example.com/x.png", "image/png", bytes(64))])
    spark_lines, result = _spark_lines_of(folder, tmp_path / "out", "*")
    assert result.returncode == 1, result.stderr  # the dump's bad lines are error records
    cli_lines = cli("extract", str(folder), "-q", "-j", "1", "--glob", "*", text=True).stdout.splitlines()
    strip = lambda lines: {k: [json.dumps({f: v for f, v in json.loads(x).items() if f != "source"}) for x in v]  # noqa: E731
                           for k, v in _by_document(lines).items()}
    assert strip(spark_lines) == strip(cli_lines)
    assert len(_by_document(spark_lines)) == 8  # 1 page + 6 dump lines (3 errors) + 1 archived page


def _spark_lines_of(folder: Path, out: Path, glob: str):
    from extractor.running.spark import record_lines

    result = cli("spark", str(folder), str(out), "--master", "local[2]", "--glob", glob, text=True)
    return record_lines(str(out)), result


def test_spark_parquet_gives_the_rows_of_extract_parquet(tmp_path):
    """#25: `spark --format parquet` writes a folder of part files per record type holding the
    rows `extract --format parquet` writes, in the same order."""
    pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
    from extractor.running.parquet import EXTRACT_TYPES, read_rows

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "e.txt"):
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    result = cli("spark", str(folder), str(tmp_path / "spark"), "--master", "local[2]", "--format", "parquet", text=True)
    assert result.returncode == 1, result.stderr  # the binary file is an error row
    made = cli("extract", str(folder), "-o", str(tmp_path / "cli"), "--mkdir", "--format", "parquet", "-q", "-j", "1", text=True)
    assert made.returncode == 1, made.stderr
    for record_type in EXTRACT_TYPES:
        assert read_rows(tmp_path / "spark" / record_type) == read_rows(tmp_path / "cli" / f"{record_type}.parquet"), record_type
    assert len(read_rows(tmp_path / "spark" / "membership")) == 1 and len(read_rows(tmp_path / "spark" / "error")) == 1
