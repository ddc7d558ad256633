"""Documents per second for the same BBC articles read as text files, as one JSON Lines file and
as HTML pages in a WARC archive (#14): the cost of each input format.

    python3 benchmarks/formats.py [--limit 300] [--jobs 1]

Writes the inputs into a temporary folder, times `extractor extract` on each (model load
included), and checks that every format gives the same figures, memberships and events.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpus" / "bbc"


def as_page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>\n{body}</article>"
            "<footer>Share on Facebook. Copyright.</footer></body></html>")


def write_inputs(folder: Path, files: list[Path]) -> dict[str, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts = folder / "text"
    texts.mkdir()
    with open(folder / "bbc.jsonl", "w", encoding="utf-8") as dump, open(folder / "bbc.warc.gz", "wb") as archive:
        writer = WARCWriter(archive, gzip=True)
        for n, path in enumerate(files):
            text = path.read_text(encoding="utf-8", errors="replace")
            name = f"{n:05d}.txt"
            (texts / name).write_text(text, encoding="utf-8")
            dump.write(json.dumps({"id": name, "text": text}) + "\n")
            lines = [line for line in text.splitlines() if line.strip()]
            page = as_page(lines[0] if lines else name, lines[1:]).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://bbc.example/{name}", "response",
                                                          payload=io.BytesIO(page), http_headers=headers))
    return {"text": texts, "jsonl": folder / "bbc.jsonl", "warc": folder / "bbc.warc.gz"}


def run(path: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "extractor", "extract", str(path), "-q", "-j", str(jobs), "-o", str(out)],
                   cwd=ROOT, check=False)
    return time.perf_counter() - start


def facts(path: Path) -> int:
    return sum(1 for line in path.open(encoding="utf-8") if json.loads(line)["type"] in ("figure", "membership", "event"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="use the first N articles (default: all)")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    files = sorted(BBC.glob("*/*.txt"))[: args.limit or None]
    if not files:
        raise SystemExit(f"no articles under {BBC}")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_inputs(Path(tmp), files)
        base = None
        for name, path in inputs.items():
            out = Path(tmp) / f"{name}.out.jsonl"
            seconds = run(path, out, args.jobs)
            rate = len(files) / seconds
            base = base or seconds
            print(f"{name:6} {len(files)} documents {seconds:7.1f} s {rate:6.1f} docs/s  "
                  f"{(seconds / base - 1) * 100:+5.1f}% against text  {facts(out)} facts")


if __name__ == "__main__":
    main()
