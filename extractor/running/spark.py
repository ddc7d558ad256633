"""The Spark adapter (optional extra: `pip install 'newsfacts[spark]'`): the same records as the
CLI, one row per record, for archives that live on a cluster.

    from extractor.running.spark import extract_dataframe
    records = extract_dataframe(articles, text_col="text", id_col="url", published_col="date")
    records.select("record").write.text("out/")       # JSON Lines, as `extractor extract` writes

Call `use_this_python()` before creating your SparkSession when this Python is not the `python3`
on PATH (a virtual environment that is not activated): Spark starts its workers with that one.

Built on `mapInPandas`: each Python worker loads the model once and keeps it for every partition
it is given. Text columns may hold strings or bytes; bytes are decoded by the CLI's rules, so a
file that is not text becomes an `error` row, not a failed stage.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Iterator
from urllib.parse import unquote, urlparse

from extractor.core.pipeline import Extractor, Settings
from extractor.inputs.formats import Fields, Skipped, from_bytes
from extractor.inputs.sources import skip_reason
from extractor.running.batch import BATCH_DOCS, batches, finish

if TYPE_CHECKING:  # pyspark and pandas are optional: imported where they are used
    import pandas
    from pyspark.sql import DataFrame, SparkSession

RECORD_SCHEMA = "doc_id string, type string, record string"
_ENGINES: dict[str, Extractor] = {}  # per Python worker process: settings JSON -> loaded engine


def extract_dataframe(df: "DataFrame", text_col: str, id_col: str, published_col: str | None = None,
                      settings: Settings | None = None, source_col: str | None = None,
                      input_format: str = "text", fields: Fields = Fields()) -> "DataFrame":
    """One row per record of every input row: `doc_id`, `type` and `record`, the JSON line the
    CLI writes. `published_col` (date, timestamp or YYYY-MM-DD string; null for unknown) gives
    each article's reference date; `source_col` what records name as their source (default:
    the id). `input_format`: text (the default), html (the column holds pages), jsonl or warc (it
    holds whole files, split into documents here, on the executors), or auto (by the id's file
    name, as the CLI does). Rows of one input stay together and in order within a partition."""
    columns = [id_col, text_col] + [c for c in (published_col, source_col) if c]
    for column in columns:
        if column not in df.columns:
            raise ValueError(f"extract_dataframe: no column {column!r} in the DataFrame (it has {', '.join(df.columns)}).")
    names = {"id": id_col, "text": text_col, "published": published_col, "source": source_col}
    config = (settings or Settings()).model_dump_json()

    def run(frames: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:
        import pandas

        engine = _engine(config)
        for frame in frames:
            rows = frame.to_dict("records")
            out: dict[str, list[str]] = {"doc_id": [], "type": [], "record": []}
            items = (item for row in rows for item in _documents(row, names, input_format, fields)
                     if not isinstance(item, Skipped))
            for chunk in batches(items, BATCH_DOCS):
                for finished in finish(engine, chunk):
                    for line in finished.lines:
                        out["doc_id"].append(finished.doc_id)
                        out["type"].append(line[9:line.index('"', 9)])
                        out["record"].append(line)
            yield pandas.DataFrame(out, columns=["doc_id", "type", "record"])

    return df.select(*columns).mapInPandas(run, schema=RECORD_SCHEMA)


def _engine(config: str) -> Extractor:
    if config not in _ENGINES:
        _ENGINES[config] = Extractor(Settings.model_validate_json(config))
    return _ENGINES[config]


def _documents(row: dict, names: dict[str, str | None], input_format: str, fields: Fields):
    doc_id = str(row[names["id"]])
    value = row[names["text"]]
    data = value.encode("utf-8") if isinstance(value, str) else bytes(value) if value is not None else b""
    label = str(row[names["source"]]) if names["source"] else doc_id
    published = _iso_date(row[names["published"]]) if names["published"] else None
    return from_bytes(doc_id, label, data, input_format, fields, published)


def _iso_date(value) -> str | None:
    if value is None or value != value:  # None, NaN, NaT
        return None
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    return date.fromisoformat(text[:10]).isoformat() if text else None


def read_text_files(spark: "SparkSession", folder: str, glob: str | None = None,
                    skipped: Counter[str] | None = None) -> "DataFrame":
    """Every file under `folder` the CLI would read (`sources.skip_reason`: every known format, or
    those matching `glob`; the others counted in `skipped`), as bytes (Spark's binaryFile source), with the
    doc_id and source the CLI gives it: the path relative to `folder`, and `folder/that`.
    binaryFile leaves out empty files; the listing made here keeps them (as empty content), so
    every file gives a record."""
    from pyspark.sql import functions as F

    root = _local_path(spark, folder)
    listing = spark.createDataFrame(
        [(str(PurePosixPath(path).relative_to(root)), path) for path in _list_files(spark, root, glob, skipped)],
        "doc_id string, abs string")
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    files = (reader.option("pathGlobFilter", glob) if glob else reader).load(root)
    as_path = F.udf(_path_of, "string")
    contents = files.select(as_path("path").alias("abs"), "content")
    return (listing.join(contents, "abs", "left")
            .withColumn("content", F.coalesce(F.col("content"), F.lit(b"")))
            .withColumn("source", F.concat(F.lit(folder.rstrip("/") + "/"), F.col("doc_id")))
            .select("doc_id", "source", "content"))


def _list_files(spark: "SparkSession", root: str, glob: str | None, skipped: Counter[str] | None = None) -> list[str]:
    """The files under `root` that `sources.skip_reason` reads (the others counted in `skipped`),
    through Hadoop's FileSystem (local disks, HDFS, object stores alike)."""
    jvm = spark.sparkContext._jvm  # noqa: SLF001
    assert jvm is not None, "a live SparkContext has its JVM"
    path = jvm.org.apache.hadoop.fs.Path(root)
    found = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).listFiles(path, True)  # noqa: SLF001
    paths = []
    while found.hasNext():
        status = found.next()
        folders = PurePosixPath(_path_of(status.getPath().toString())).relative_to(root).parts[:-1]
        hidden = any(part.startswith(".") for part in folders) and not (glob or "").startswith(".")
        reason = "in a hidden folder" if hidden else skip_reason(status.getPath().getName(), glob)
        if reason is None:
            paths.append(_path_of(status.getPath().toString()))
        elif skipped is not None:
            skipped[reason] += 1
    return sorted(paths)


def _path_of(uri: str) -> str:
    return unquote(urlparse(uri).path) if "://" in uri or uri.startswith("file:") else uri


def _local_path(spark: "SparkSession", folder: str) -> str:
    """The absolute path Spark reports for files under `folder` (it resolves relative paths)."""
    jvm = spark.sparkContext._jvm  # noqa: SLF001
    assert jvm is not None, "a live SparkContext has its JVM"
    hadoop = jvm.org.apache.hadoop.fs.Path(folder)
    qualified = hadoop.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).makeQualified(hadoop)
    return _path_of(qualified.toString())


def use_this_python() -> None:
    """Make Spark start its Python workers (and driver) with the interpreter running this code,
    unless the user chose one (PYSPARK_PYTHON, PYSPARK_DRIVER_PYTHON). Spark's default is the
    `python3` on PATH, which lacks spaCy when the command was called by its path in a virtual
    environment that is not activated (cron jobs, schedulers). Call it before the SparkSession
    is created."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)


def run_job(input_folder: str, output_folder: str, master: str = "local[*]", settings: Settings | None = None,
            glob: str | None = None, published: dict[str, str] | None = None, input_format: str = "auto",
            fields: Fields = Fields(), skipped: Counter[str] | None = None, output_format: str = "jsonl") -> dict[str, int]:
    """Read text files under `input_folder`, extract, write JSON Lines under `output_folder`
    (Spark part files, in doc_id order, each document's records in the CLI's order), or with
    `output_format` "parquet" one Parquet folder per record type (`output_folder/membership/`,
    part files in the same order, the schema of `extractor.running.parquet.spark_schema`); return the
    number of records per type."""
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    use_this_python()
    spark = (SparkSession.builder.master(master).appName("extractor")
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        files = read_text_files(spark, input_folder, glob, skipped)
        if published:
            dates = spark.createDataFrame(list(published.items()), "doc_id string, published string")
            files = files.join(dates, "doc_id", "left")
        records = extract_dataframe(files, text_col="content", id_col="doc_id", source_col="source",
                                    published_col="published" if published else None, settings=settings,
                                    input_format=input_format, fields=fields)
        numbered = records.withColumn("n", F.monotonically_increasing_id())
        numbered.cache()
        if output_format == "parquet":
            write_parquet(numbered, output_folder)
        else:
            numbered.orderBy("doc_id", "n").select("record").write.mode("overwrite").text(output_folder)
        counts = {row["type"]: row["count"] for row in numbered.groupBy("type").count().collect()}
        numbered.unpersist()
        return counts
    finally:
        spark.stop()


def write_parquet(numbered: "DataFrame", output_folder: str) -> None:
    """Write the (doc_id, type, record, n) rows as one Parquet folder per record type under
    `output_folder` (each replaced), in doc_id and record order, every JSON field a typed column;
    a record that does not fit its schema fails the job rather than becoming nulls."""
    from pyspark.sql import functions as F

    from extractor.running.parquet import COMPRESSION, EXTRACT_TYPES, spark_schema

    for kind in EXTRACT_TYPES:
        rows = numbered.where(F.col("type") == kind).orderBy("doc_id", "n")
        typed = rows.select(F.from_json("record", spark_schema(kind), {"mode": "FAILFAST"}).alias("r")).select("r.*")
        typed.write.mode("overwrite").option("compression", COMPRESSION).parquet(str(Path(output_folder) / kind))


def record_lines(output_folder: str) -> list[str]:
    """The JSON lines a `run_job` wrote, in order (its part files in name order)."""
    lines: list[str] = []
    for part in sorted(Path(output_folder).glob("part-*")):
        lines += [line for line in part.read_text(encoding="utf-8").splitlines() if line]
    return lines
