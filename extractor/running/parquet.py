"""Parquet output (the `parquet` extra: `pip install 'newsfacts[parquet]'`): one file per record
type, `DIR/document.parquet`, `DIR/figure.parquet`, ..., for DuckDB, pandas, Polars and Spark.

Each file's Arrow schema is derived from the record's pydantic model (`arrow_schema`), so the
columns are the JSON fields with the same names and nesting: str -> string, int -> int64,
float -> float64, bool -> bool, a closed set of values (Literal) -> dictionary-encoded string,
a nested model (an entity, a date, evidence) -> struct, list[X] -> list, dict[str, int]
(`counts`) -> map<string, int64>, Optional -> nullable. Dates stay the ISO strings the JSON
output writes ("2024" is a year, "2025-FA" a season: TIMEX3 values are not dates; `start_date`
and `end_date` are YYYY-MM-DD strings, cast with `::DATE` in DuckDB).

`ParquetSink` takes each document's records as it finishes and writes them as row groups every
GROUP_DOCS documents (or GROUP_ROWS rows), so memory stays flat on any number of documents. The
row groups depend on the input order alone, so the bytes do not depend on --jobs. Files are
written under a hidden temporary name and renamed when the sink is closed: a file with the
final name is always whole. A type with no records gets a file with its schema and no rows.
"""

from __future__ import annotations

import json
import os
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Literal, Sequence

from pydantic import BaseModel

from extractor.core.records import MODELS, RECORD_TYPES, TIMELINE_TYPES

if TYPE_CHECKING:  # pyarrow is optional: imported where it is used
    import pyarrow
    import pyarrow.parquet

INSTALL = "pip install 'newsfacts[parquet]'"
EXTRACT_TYPES = RECORD_TYPES + ("candidate",)  # the files `extract` writes, every one on every run (`timeline`: TIMELINE_TYPES)
GROUP_DOCS = 512  # documents per row group: 256 made the BBC output 10% larger, 1000 6% smaller
GROUP_ROWS = 20_000  # rows buffered (all types together) before a row group is written anyway: about 50 MB
COMPRESSION = "zstd"  # read by DuckDB, pandas, Polars and Spark; smaller than snappy here


class MissingPyarrow(ImportError):
    """pyarrow is not installed; the message says how to install it."""


def require_pyarrow():
    """Return the pyarrow module, or raise MissingPyarrow naming the extra to install."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise MissingPyarrow(f"Parquet output needs pyarrow, which is not installed ({exc}); install it with "
                             f"`{INSTALL}` (in a checkout: `make setup`), or write JSON Lines (--format jsonl).") from exc
    return pyarrow


# ---------------------------------------------------------------- schemas


def arrow_schema(record_type: str) -> "pyarrow.Schema":
    """The Arrow schema of the Parquet file of `record_type` ("document", "figure", "interval", ...)."""
    if record_type not in MODELS:
        raise ValueError(f"{record_type!r} is not a record type; give one of {', '.join(MODELS)}")
    pa = require_pyarrow()
    return pa.schema(_fields(MODELS[record_type]))


def _fields(model: type[BaseModel]) -> list["pyarrow.Field"]:
    """One Arrow field per model field, named as the JSON output names it (its alias: `from`)."""
    pa = require_pyarrow()
    fields = []
    for name, info in model.model_fields.items():
        arrow_type, nullable = arrow_type_of(info.annotation)
        fields.append(pa.field(info.alias or name, arrow_type, nullable=nullable))
    return fields


def arrow_type_of(annotation) -> tuple["pyarrow.DataType", bool]:
    """The Arrow type of a field annotation, and whether the field may be null (Optional)."""
    pa = require_pyarrow()
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        present = [a for a in args if a is not type(None)]
        if len(present) != 1:
            raise TypeError(f"no Arrow type for the union {annotation!r}: only X | None is supported")
        return arrow_type_of(present[0])[0], True
    if origin is Literal:
        if not all(isinstance(a, str) for a in args):
            raise TypeError(f"no Arrow type for {annotation!r}: only Literals of strings are supported")
        return pa.dictionary(pa.int32(), pa.string()), False
    if origin is list:
        item, item_nullable = arrow_type_of(args[0])
        return pa.list_(pa.field("element", item, nullable=item_nullable)), False
    if origin is dict:
        key, _ = arrow_type_of(args[0])
        value, _ = arrow_type_of(args[1])
        return pa.map_(key, value), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation)), False
    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in scalars:
        return scalars[annotation], False
    raise TypeError(f"no Arrow type for the annotation {annotation!r}: add it to extractor.running.parquet.arrow_type_of")


def spark_schema(record_type: str):
    """The Spark StructType of `record_type`: the Arrow schema with dictionary-encoded strings as
    plain strings (Spark's Parquet writer dictionary-encodes repeated values by itself)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    pa = require_pyarrow()
    return from_arrow_schema(pa.schema([_undictionary(f) for f in arrow_schema(record_type)]))


def _undictionary(field: "pyarrow.Field") -> "pyarrow.Field":
    """`field` with every dictionary type inside it replaced by its value type."""
    pa = require_pyarrow()
    kind = field.type
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    elif pa.types.is_struct(kind):
        kind = pa.struct([_undictionary(kind.field(i)) for i in range(kind.num_fields)])
    elif pa.types.is_map(kind):
        kind = pa.map_(_undictionary(kind.key_field).type, _undictionary(kind.item_field).type)
    elif pa.types.is_list(kind):
        kind = pa.list_(_undictionary(kind.value_field))
    return field.with_type(kind)


# ---------------------------------------------------------------- writing


class ParquetSink:
    """Writes records to `folder/TYPE.parquet`, one file for each of `record_types` (with no
    rows when a type has none), in row groups of GROUP_DOCS documents or GROUP_ROWS rows. Use
    as a context manager, or call `close()`: until then the files have their temporary names."""

    def __init__(self, folder: Path, record_types: Sequence[str], group_docs: int = GROUP_DOCS,
                 group_rows: int = GROUP_ROWS):
        require_pyarrow()
        self.folder = Path(folder)
        self.schemas = {t: arrow_schema(t) for t in record_types}
        self.group_docs, self.group_rows = group_docs, group_rows
        self._rows: dict[str, list[dict]] = {t: [] for t in record_types}
        self._writers: dict[str, "pyarrow.parquet.ParquetWriter"] = {}
        self._docs = self._buffered = 0
        self.row_groups = 0  # row groups written, all files together
        self.closed = False

    def path(self, record_type: str) -> Path:
        """Where the file of `record_type` is once the sink is closed."""
        return self.folder / f"{record_type}.parquet"

    def _partial(self, record_type: str) -> Path:
        return self.folder / f".{record_type}.parquet.partial"

    def add(self, rows: Iterable[dict]) -> None:
        """Take one document's records (JSON objects, as the JSON Lines output has them); a row
        group is written once enough documents or rows are buffered."""
        for row in rows:
            kind = row.get("type")
            if kind not in self._rows:
                raise ValueError(f"a {kind!r} record cannot be written here: this output holds {', '.join(self._rows)}")
            self._rows[kind].append(row)
            self._buffered += 1
        self._docs += 1
        if self._docs >= self.group_docs or self._buffered >= self.group_rows:
            self.flush()

    def add_lines(self, lines: Iterable[str]) -> None:
        """Take one document's JSON lines (what batch.Finished holds)."""
        self.add(json.loads(line) for line in lines)

    def flush(self) -> None:
        """Write what is buffered: one row group in each file that has rows buffered."""
        pq = require_pyarrow().parquet
        for kind, rows in self._rows.items():
            if not rows:
                continue
            table = require_pyarrow().Table.from_pylist(rows, schema=self.schemas[kind])
            if kind not in self._writers:
                self._writers[kind] = pq.ParquetWriter(self._partial(kind), self.schemas[kind], compression=COMPRESSION)
            self._writers[kind].write_table(table, row_group_size=len(rows))
            self.row_groups += 1
            rows.clear()
        self._docs = self._buffered = 0

    def close(self) -> None:
        """Write what is left, close every file and give it its final name; a type with no
        records gets a file with its schema and no rows."""
        if self.closed:
            return
        self.flush()
        pq = require_pyarrow().parquet
        for kind, schema in self.schemas.items():
            if kind in self._writers:
                self._writers.pop(kind).close()
            else:
                pq.write_table(schema.empty_table(), self._partial(kind), compression=COMPRESSION)
            os.replace(self._partial(kind), self.path(kind))
        self.closed = True

    def discard(self) -> None:
        """Close every file and remove it, leaving the files of an earlier run as they were (a failed run)."""
        for kind in list(self._writers):
            self._writers.pop(kind).close()
        for kind in self.schemas:
            self._partial(kind).unlink(missing_ok=True)
        self.closed = True

    def __enter__(self) -> "ParquetSink":
        return self

    def __exit__(self, kind, *exc) -> None:
        if kind is None or issubclass(kind, KeyboardInterrupt):
            self.close()
        else:
            self.discard()


def write_records(folder: Path, records: Iterable[BaseModel], record_types: Sequence[str]) -> None:
    """Write pydantic records (a timeline's) to `folder/TYPE.parquet`, one file per type of `record_types`."""
    with ParquetSink(folder, record_types) as sink:
        for record in records:
            sink.add([record.model_dump(mode="json", by_alias=True)])


def read_rows(path: Path) -> list[dict]:
    """The rows of a Parquet file this module wrote (or of a folder of part files Spark wrote,
    in name order), as the JSON Lines output has them (maps as objects)."""
    pa = require_pyarrow()
    path = Path(path)
    files = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
    rows = []
    for file in files:
        table = pa.parquet.read_table(file)
        rows += [_as_json(row, pa.struct(list(table.schema))) for row in table.to_pylist()]
    return rows


def _as_json(value, kind: "pyarrow.DataType"):
    """`value` (from to_pylist) with maps, which come back as lists of pairs, made objects again."""
    pa = require_pyarrow()
    if value is None:
        return None
    if pa.types.is_map(kind):
        return {k: _as_json(v, kind.item_type) for k, v in value}
    if pa.types.is_struct(kind):
        return {kind.field(i).name: _as_json(value[kind.field(i).name], kind.field(i).type) for i in range(kind.num_fields)}
    if pa.types.is_list(kind):
        return [_as_json(v, kind.value_type) for v in value]
    return value
