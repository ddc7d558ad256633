"""Where the time of an extraction goes: cProfile over `extract_batch` on a slice of a corpus, one
process (what `extractor extract --jobs 1` runs), the model loaded before the clock starts.
Run by hand, report in notes:

    python3 benchmarks/where_time_goes.py                        # 200 BBC business files
    python3 benchmarks/where_time_goes.py --files 400 --top 40 --sort tottime
    python3 benchmarks/where_time_goes.py --files 300 --plain   # CPU seconds only, no profiler
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc" / "business"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", choices=["cumulative", "tottime"], default="cumulative")
    parser.add_argument("--plain", action="store_true", help="time without the profiler (its overhead skews Python-heavy steps)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus} is not a folder; pass --corpus PATH to a folder of .txt articles.")

    from extractor.running.batch import batches
    from extractor.core.pipeline import Extractor, Settings
    from extractor.inputs.sources import iter_sources, read_source

    engine = Extractor(Settings())
    sources = list(iter_sources([str(args.corpus)]))[: args.files]
    items = [read_source(s) if not hasattr(s, "error") else s for s in sources]
    engine.extract_batch(items[:2])  # warm the caches (tables, patterns) outside the profile
    profile = cProfile.Profile()
    start, cpu = time.perf_counter(), time.process_time()
    if not args.plain:
        profile.enable()
    for batch in batches(items, 32):
        engine.extract_batch(batch)
    profile.disable()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{len(items)} documents from {args.corpus}: {wall:.1f} s wall, {cpu:.1f} s CPU"
          f"{'' if args.plain else ' (profiled)'}")
    if args.plain:
        return
    text = io.StringIO()
    pstats.Stats(profile, stream=text).strip_dirs().sort_stats(args.sort).print_stats(args.top)
    print(text.getvalue())


if __name__ == "__main__":
    main()
