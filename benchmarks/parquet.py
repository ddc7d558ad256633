"""JSON Lines against Parquet over a corpus: the size of each output and the time of each run
(the same `extractor extract` at the same --jobs, once with --format jsonl, once with --format
parquet), the JSON Lines gzipped for reference, the Parquet size of each record type, the rows
of each type in both (they must agree), and the CPU seconds the Parquet writer alone takes (the
JSON Lines written again through `ParquetSink`: the runs' own times vary with the machine's load
more than that). Run by hand, report in notes:

    python3 benchmarks/parquet.py                 # ../shared/corpus/bbc, --jobs 2, into out/bench-parquet
    python3 benchmarks/parquet.py CORPUS --jobs 1 --out /tmp/x
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def timed(argv: list[str]) -> float:
    """Wall seconds of `python -m extractor ARGV` (exit status 0 or 1: some inputs may be errors)."""
    start = time.perf_counter()
    code = subprocess.call([sys.executable, "-m", "extractor", *argv], cwd=ROOT)
    if code not in (0, 1):
        raise SystemExit(f"extractor {' '.join(argv)} failed with exit status {code}")
    return time.perf_counter() - start


def sink_seconds(jsonl: Path, folder: Path) -> float:
    """CPU seconds of writing the records of `jsonl` to Parquet in `folder`, document by document."""
    from extractor.running.parquet import EXTRACT_TYPES, ParquetSink

    documents: list[list[str]] = []
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        if line.startswith(('{"type":"document"', '{"type":"error"')):
            documents.append([])
        documents[-1].append(line)
    start = time.process_time()
    with ParquetSink(folder, EXTRACT_TYPES) as sink:
        for lines in documents:
            sink.add_lines(lines)
    return time.process_time() - start


def megabytes(size: int) -> str:
    return f"{size / 1e6:8.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench-parquet")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} is not here; give a corpus folder")
    import pyarrow.parquet as pq

    shutil.rmtree(args.out, ignore_errors=True)
    jsonl, folder = args.out / "records.jsonl", args.out / "parquet"
    common = ["extract", str(args.corpus), "--mkdir", "-q", "--jobs", args.jobs]
    seconds_jsonl = timed([*common, "-o", str(jsonl)])
    seconds_parquet = timed([*common, "-o", str(folder), "--format", "parquet"])

    size_jsonl = jsonl.stat().st_size
    size_gzip = len(gzip.compress(jsonl.read_bytes(), compresslevel=6))
    files = sorted(folder.glob("*.parquet"))
    size_parquet = sum(f.stat().st_size for f in files)
    lines = Counter(json.loads(line)["type"] for line in jsonl.open(encoding="utf-8"))
    print(f"corpus {args.corpus} at --jobs {args.jobs}")
    print(f"JSON Lines  {megabytes(size_jsonl)}  {seconds_jsonl:6.1f} s   ({megabytes(size_gzip).strip()} gzipped)")
    print(f"Parquet     {megabytes(size_parquet)}  {seconds_parquet:6.1f} s   "
          f"({size_jsonl / size_parquet:.1f} times smaller, {len(files)} files)")
    agree = True
    for file in files:
        kind = file.stem
        rows = pq.ParquetFile(file).metadata
        agree &= rows.num_rows == lines.get(kind, 0)
        print(f"  {kind:<11} {megabytes(file.stat().st_size)}  {rows.num_rows:7,} rows in {rows.num_row_groups} row groups"
              f"  (JSON Lines: {lines.get(kind, 0):,})")
    again = args.out / "again"
    again.mkdir()
    print(f"the Parquet writer alone: {sink_seconds(jsonl, again):.2f} s of CPU for the same records; same bytes: "
          f"{all((again / f.name).read_bytes() == f.read_bytes() for f in files)}")
    if not agree:
        raise SystemExit("the row counts of the two outputs differ")


if __name__ == "__main__":
    main()
