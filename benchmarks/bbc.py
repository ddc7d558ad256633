"""Time the whole CLI over a corpus at --jobs 1 and 2, against a bare spaCy `nlp.pipe` over the
same texts, in one run (wall and CPU seconds: the CLI's CPU counts every process it started, the
model load too; the bare run's only its nlp.pipe); and the share of the temporal layer. Run by
hand, report in notes:

    python3 benchmarks/bbc.py                      # ../shared/corpus/bbc, once
    python3 benchmarks/bbc.py --copies 10 --no-bare --jobs 1 2  # ten copies: memory must stay flat
    python3 benchmarks/bbc.py --only temporal      # just the temporal share

Peak RSS is the largest of the processes a run started (the CLI, or each worker), read from
getrusage in a wrapper process per run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"

# Runs `argv`, then prints its wall time, the peak RSS of its process tree (KiB), its exit
# status and the CPU seconds (user + system) of the whole tree.
WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - start, usage.ru_maxrss, code, usage.ru_utime + usage.ru_stime)
"""

# A bare model run: load, then time nlp.pipe alone over the texts listed in a file.
BARE = """
import json, resource, sys, time
import spacy
from extractor.inputs.sources import iter_sources, read_source
from extractor.nlp.model import installed_default_model
paths = json.load(open(sys.argv[1]))
texts = [r.text for r in (read_source(s) for s in iter_sources(paths)) if hasattr(r, "text")]
nlp = spacy.load(installed_default_model())
start, cpu = time.perf_counter(), time.process_time()
for _ in nlp.pipe(texts):
    pass
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, 0, time.process_time() - cpu)
"""


def measure(argv: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MB, CPU seconds) of running `argv`."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *argv], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, rss_kib, code, cpu = out.stdout.split()[-4:]
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed with exit status {code}")
    return float(seconds), int(rss_kib) / 1024, float(cpu)


def corpus_copies(corpus: Path, copies: int, scratch: Path) -> Path:
    if copies == 1:
        return corpus
    target = scratch / "copies"
    for n in range(copies):
        shutil.copytree(corpus, target / f"copy{n:02d}")
    return target


def count(corpus: Path) -> tuple[int, int]:
    from extractor.inputs.sources import iter_sources, read_source

    docs = words = 0
    for source in iter_sources([str(corpus)]):
        raw = read_source(source) if not hasattr(source, "error") else source
        docs += 1
        words += len(raw.text.split()) if hasattr(raw, "text") else 0
    return docs, words


def temporal_share(corpus: Path) -> tuple[float, float]:
    """Seconds in the temporal layer (scan + resolve) and in everything else, one process."""
    from extractor.core import pipeline
    from extractor.extractors import temporal
    from extractor.extractors.temporal import component
    from extractor.running.batch import batches
    from extractor.inputs.sources import iter_sources, read_source

    spent = {"temporal": 0.0}

    def timed(function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent["temporal"] += time.perf_counter() - start
        return wrapper

    pipeline.temporal.scan = timed(temporal.scan)
    component.resolve = timed(temporal.resolve)  # what the `timex` component calls
    engine = pipeline.Extractor(pipeline.Settings())
    items = [read_source(s) if not hasattr(s, "error") else s for s in iter_sources([str(corpus)])]
    start = time.perf_counter()
    for batch in batches(items, 32):
        engine.extract_batch(batch)
    total = time.perf_counter() - start
    return spent["temporal"], total - spent["temporal"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--only", choices=["cli", "temporal"], default=None)
    parser.add_argument("--no-bare", action="store_true", help="leave out the bare model run (slow on --copies 10)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus} is not a folder; pass --corpus PATH to a folder of .txt articles.")

    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        corpus = corpus_copies(args.corpus, args.copies, scratch)
        docs, words = count(corpus)
        print(f"corpus: {corpus} ({docs} documents, {words} words, {args.copies} cop{'y' if args.copies == 1 else 'ies'})")
        if args.only in (None, "cli"):
            rows = []
            listing = scratch / "paths.json"
            listing.write_text(json.dumps([str(corpus)]))
            if not args.no_bare:
                seconds, rss, cpu = measure([sys.executable, "-c", BARE, str(listing)])
                rows.append(("bare nlp.pipe (model loaded, not timed)", seconds, rss, cpu))
            for jobs in args.jobs:
                out = scratch / f"out-{jobs}.jsonl"
                seconds, rss, cpu = measure([sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out),
                                             "-j", str(jobs), "-q"])
                rows.append((f"extractor extract --jobs {jobs} (whole CLI)", seconds, rss, cpu))
            bare = rows[0] if not args.no_bare else None
            print(f"{'run':44} {'seconds':>8} {'CPU s':>8} {'docs/s':>8} {'words/s':>9} {'peak RSS MB':>12} "
                  f"{'vs bare (CPU)':>14} {'vs bare (wall)':>15}")
            for name, seconds, rss, cpu in rows:
                by_cpu = f"{bare[3] / cpu:13.2f}x" if bare else f"{'-':>14}"
                by_wall = f"{bare[1] / seconds:14.2f}x" if bare else f"{'-':>15}"
                print(f"{name:44} {seconds:8.1f} {cpu:8.1f} {docs / seconds:8.1f} {words / seconds:9.0f} {rss:12.0f} "
                      f"{by_cpu} {by_wall}")
        if args.only in (None, "temporal"):
            temporal_seconds, rest = temporal_share(corpus)
            print(f"temporal layer: {temporal_seconds:.1f} s, the rest of the pipeline: {rest:.1f} s "
                  f"-> adds {100 * temporal_seconds / rest:.1f}%")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
