"""`extractor show`: screenshots of review pages for a person to look at, and the time and size of
the pages of the whole BBC corpus.

    python3 benchmarks/show.py

Writes out/show/fixture/ (the golden fixture's pages) and out/show/bbc3/ (three BBC articles:
figures, memberships with their timeline, events), with a screenshot of each page and index in
out/show/*.png (where Chromium is installed). Then times `extractor show` over the records of
the 1,808 BBC articles (out/bbc.jsonl; extracted first when absent, with --include text,timex
and --jobs 2, about a minute) into out/show/bbc/, on one core, and prints the seconds, the bytes
of the pages and of the texts they show, and their ratio.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out"
BBC = ROOT.parent / "shared" / "corpus" / "bbc"
ARTICLES = ("business/001.txt", "business/320.txt", "sport/371.txt")  # figures; six memberships; fourteen events
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def extractor(*args: str) -> tuple[float, float]:
    """Run `python -m extractor ARGS`; return its wall and CPU seconds (user + system)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "extractor", *args], cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"extractor {' '.join(args)} failed with exit status {os.waitstatus_to_exitcode(status)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def screenshot(page: Path, png: Path) -> None:
    """A 1400 x 1600 screenshot of `page` (a file), or a line saying why there is none."""
    browser = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        print(f"  no screenshot of {page.name}: no Chromium installed (apt-get install chromium)")
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
                        f"--user-data-dir={profile}", "--window-size=1400,1600", f"--screenshot={png}", page.as_uri()],
                       capture_output=True, timeout=180, check=True)
    print(f"  {png.relative_to(ROOT)}")


def shoot_site(folder: Path, name: str) -> None:
    screenshot(folder / "index.html", OUT / "show" / f"{name}-index.png")
    for page in sorted((folder / "docs").glob("*.html")):
        screenshot(page, OUT / "show" / f"{name}-{page.stem}.png")


def main() -> None:
    (OUT / "show").mkdir(parents=True, exist_ok=True)
    print("the fixture:")
    extractor("show", "fixtures/sco_article.txt", "-o", str(OUT / "show" / "fixture"), "-q")
    shoot_site(OUT / "show" / "fixture", "fixture")
    if not BBC.is_dir():
        print(f"{BBC} is not here (a fresh clone has no ../shared): no BBC pages, no timing")
        return
    print("three BBC articles:")
    extractor("show", *(str(BBC / a) for a in ARTICLES), "-o", str(OUT / "show" / "bbc3"), "-q", "--jobs", "1")
    shoot_site(OUT / "show" / "bbc3", "bbc3")
    records = OUT / "bbc.jsonl"
    if not records.exists():
        print("extracting the BBC corpus once (out/bbc.jsonl) ...")
        extractor("extract", str(BBC), "-o", str(records), "--include", "text,timex", "-q", "--jobs", "2")
    wall, cpu = extractor("show", str(records), "-o", str(OUT / "show" / "bbc"), "-q")
    texts = [json.loads(line).get("text") or "" for line in records.open(encoding="utf-8") if line.startswith('{"type":"document"')]
    text_bytes = sum(len(t.encode("utf-8")) for t in texts)
    page_bytes = sum(p.stat().st_size for p in (OUT / "show" / "bbc").rglob("*.html"))
    print(f"show over {len(texts)} BBC documents ({records.relative_to(ROOT)}): {wall:.1f} s wall, {cpu:.1f} s CPU, one process; "
          f"pages {page_bytes:,} bytes for {text_bytes:,} bytes of text ({page_bytes / text_bytes:.1f} times)")


if __name__ == "__main__":
    main()
