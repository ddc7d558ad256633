"""Extract the same inputs with two checkouts and compare the records byte for byte: a
refactoring that should change nothing is proven by this, not by the tests alone.

    python3 benchmarks/compare_records.py --before ../main              # this checkout against ../main
    python3 benchmarks/compare_records.py --before ../main --bbc all     # the whole BBC corpus, not a sample
    python3 benchmarks/compare_records.py --before ../main --keep out/   # keep the outputs (and reuse them)
    python3 benchmarks/compare_records.py --before ../main --keep out/ --before-only  # the 'before' side now, compare later

Each side runs `python -m extractor extract ... -q --jobs N` with PYTHONPATH and the working
folder set to its checkout, over: the golden fixture, news-dev and TimeBank (../shared/data, with
their publication dates and `--include timex`) and a sample of ../shared/corpus/bbc (every n-th
file in name order; `--bbc all` for all of them). Inputs in ../shared that are absent are skipped
with a line saying so. Exit status 0 when every output is the same, 1 when one differs (the first
differing line is printed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def bbc_sample(corpus: Path, size: int | None) -> list[Path]:
    """`size` articles of the BBC corpus spread evenly over it (every n-th file in name order),
    all of them when `size` is None."""
    files = sorted(p for p in corpus.rglob("*.txt") if p.name != "README.TXT")
    if size is None or size >= len(files):
        return files
    step = len(files) / size
    return [files[int(i * step)] for i in range(size)]


def datasets(bbc: int | None, shared: Path = SHARED) -> dict[str, list[str]]:
    """name -> the `extractor extract` arguments that read it (inputs and options)."""
    found = {"fixture": [str(ROOT / "fixtures" / "sco_article.txt"), "--published", "2025-07-25", "--include", "timex"]}
    data = shared / "data"
    if (data / "news-dev" / "docs").is_dir():
        found["news-dev"] = [str(data / "news-dev" / "docs"), "--published-from", str(data / "news-dev" / "published.tsv"),
                             "--include", "timex"]
    if (data / "timebank" / "docs").is_dir():
        found["timebank"] = [str(data / "timebank" / "docs"), "--published-from", str(data / "timebank" / "docs" / "dct.tsv"),
                             "--include", "timex"]
    corpus = shared / "corpus" / "bbc"
    if corpus.is_dir():
        found["bbc"] = [*map(str, bbc_sample(corpus, bbc)), "--include", "timex"]
    missing = {"news-dev", "timebank", "bbc"} - set(found)
    if missing:
        print(f"skipped (not under {shared}): {', '.join(sorted(missing))}", file=sys.stderr)
    return found


def extract(checkout: Path, args: list[str], out: Path, jobs: int) -> None:
    """Run the extractor of `checkout` (its own code first on the path) over `args` into `out`."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    subprocess.run([sys.executable, "-m", "extractor", "extract", *args, "-q", "--jobs", str(jobs), "-o", str(out)],
                   check=True, cwd=checkout, env=env)


def first_difference(a: Path, b: Path) -> str | None:
    """None when the files are the same bytes, else where they first differ."""
    left, right = a.read_bytes(), b.read_bytes()
    if left == right:
        return None
    lines_a, lines_b = left.splitlines(), right.splitlines()
    for n, (x, y) in enumerate(zip(lines_a, lines_b), start=1):
        if x != y:
            return f"line {n}:\n  before {x[:300]!r}\n  after  {y[:300]!r}"
    return f"line counts differ: {len(lines_a)} before, {len(lines_b)} after"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the checkout to compare with (e.g. ../main)")
    parser.add_argument("--after", type=Path, default=ROOT, help="the checkout under test (default: this one)")
    parser.add_argument("--bbc", default="300", help="how many BBC articles, or 'all' (default: 300)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="+", help="only these datasets (fixture, news-dev, timebank, bbc)")
    parser.add_argument("--keep", type=Path, help="write the outputs here and reuse a 'before' output found there")
    parser.add_argument("--before-only", action="store_true", help="with --keep: only write the 'before' outputs")
    options = parser.parse_args()
    size = None if options.bbc == "all" else int(options.bbc)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="compare_records."))
    folder.mkdir(parents=True, exist_ok=True)
    different = 0
    for name, args in datasets(size).items():
        if options.only and name not in options.only:
            continue
        label = f"{name}-all" if name == "bbc" and size is None else name
        before, after = folder / f"{label}.before.jsonl", folder / f"{label}.after.jsonl"
        if not (options.keep and before.exists()):
            extract(options.before.resolve(), args, before, options.jobs)
        if options.before_only:
            continue
        extract(options.after.resolve(), args, after, options.jobs)
        diff = first_difference(before, after)
        lines = len(after.read_bytes().splitlines())
        print(f"{name}: {'same' if diff is None else 'DIFFERENT'} ({lines} lines, {after.stat().st_size} bytes)")
        if diff is not None:
            different += 1
            print(diff)
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
