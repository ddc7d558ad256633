"""Time and peak memory of `extractor extract` on inputs that once took quadratic time (#12), at
two sizes each, so the growth rate shows: linear work doubles when the input doubles.

    python3 benchmarks/hostile.py [--scale 1.0]

Prints one line per input: characters, seconds, peak RSS, characters per second, and the ratio
of the time at full size to the time at half size (about 2 for linear work, 4 for quadratic).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = "Finland joined NATO in April 2023. Exports rose 12% to $4.5 billion in 2024. "


def shapes(scale: float) -> dict[str, callable]:
    rng = random.Random(12)
    return {
        "word with no space (3 MB)": lambda f: "x" * int(3_000_000 * scale * f),
        "punctuation (1 MB)": lambda f: NEWS + "!?.,;" * int(200_000 * scale * f),
        "numbers in a row (200,000)": lambda f: " ".join(str(rng.randint(0, 99_999)) for _ in range(int(200_000 * scale * f))),
        "mixed scripts (1 MB)": lambda f: ("Новости дня. 北京市场。 🌍📈 " + NEWS + "الأخبار العاجلة. 😀 ") * int(9_000 * scale * f),
        "share buttons on one line (1 MB)": lambda f: ("Share this on Facebook. " + NEWS) * int(10_000 * scale * f),
    }


def measure(text: str, folder: Path) -> tuple[float, int]:
    """Seconds and peak RSS (MB) of one `extractor extract` process over `text`."""
    path = folder / "input.txt"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(path), "-q", "-j", "1",
                              "-o", str(folder / "out.jsonl")], cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise SystemExit(f"extractor failed with exit status {child.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input's size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        load, idle = measure("", folder)
        print(f"model load and an empty input: {load:.1f} s, peak {idle} MB (taken off the times below)")
        for name, make in shapes(args.scale).items():
            half_text, full_text = make(0.5), make(1.0)
            half, _ = measure(half_text, folder)
            full, peak = measure(full_text, folder)
            half, full = max(half - load, 0.01), max(full - load, 0.01)
            print(f"{name:36} {len(full_text):>10,} chars {full:7.1f} s  peak {peak:5} MB "
                  f"{len(full_text) / full:>10,.0f} chars/s  full/half time {full / half:4.2f}")


if __name__ == "__main__":
    main()
