"""`extractor show` pages in a real browser: headless Chromium opens them, a checking script reads
the DOM (every record's mark covers its text, the filter hides a type, a mark shows its fields
when it is the target of a link from the side list, by the rule that shows them on hover and focus), and a screenshot is taken. Skips, saying why, where no Chromium is installed (`.ci/run`
installs Debian's `chromium` when it can)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from extractor.consolidation.show import PAGES, page_names, write_site
from extractor.consolidation.show.fields import SHOWN_TYPES, span_of
from extractor.inputs.sources import decode_document
from conftest import ROOT

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
HOSTILE = ('Spain joined NATO in 1982. <script>document.title="pwned"</script> '
           '"><img src=x onerror="document.title=\'pwned\'"> Prices rose 4% in 2023.\n')
# Appended to a copy of a page (its Content-Security-Policy taken out so that this script may
# run): writes what the DOM holds into <pre id="check"> for --dump-dom.
CHECK = """<script>
(function () {
  var out = {marks: {}, text: document.getElementById("text").textContent, hide: document.body.getAttribute("data-hide"),
             background: {}, list: {}, tip: {}, images: document.querySelectorAll("img").length, title: document.title};
  document.querySelectorAll("mark").forEach(function (m) {
    m.getAttribute("data-r").split(" ").forEach(function (n) {
      if (m.parentElement.closest('mark[data-r~="' + n + '"]')) return;  // nested in its own record's mark: counted there
      out.marks[n] = (out.marks[n] || "") + m.textContent;
    });
  });
  ["timex", "figure", "membership", "event"].forEach(function (t) {
    var mark = document.querySelector("mark." + t + "[id]"), list = document.querySelector(".list-" + t);
    if (mark) {
      out.background[t] = getComputedStyle(mark).backgroundColor;
      location.hash = "#" + mark.id;  // a headless page never has the focus: :target shares the :focus and :hover rule
      var after = getComputedStyle(mark, "::after");
      out.tip[t] = {display: after.display, content: after.content, tip: mark.getAttribute("data-tip")};
    }
    if (list) out.list[t] = getComputedStyle(list).display;
  });
  var pre = document.createElement("pre");
  pre.id = "check";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


@pytest.fixture(scope="module")
def browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium here (looked for " + ", ".join(BROWSERS) + "): install Debian's `chromium` "
                "(`apt-get install chromium`, as .ci/run does when it can); the HTML itself is tested in test_show.py")


def _chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([browser, "--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run",
                             f"--user-data-dir={profile}", "--hide-scrollbars", *args],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def _checked(browser: str, page: Path, tmp_path: Path, fragment: str = "") -> dict:
    """What the checking script found in `page` opened in Chromium (at `#fragment`)."""
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    probe = page.with_name("probe-" + page.name)
    probe.write_text(html.replace("</body>", CHECK + "</body>"), encoding="utf-8")
    dumped = _chromium(browser, tmp_path / "profile", "--dump-dom", probe.as_uri() + fragment).stdout
    check = lxml.html.fromstring(dumped).get_element_by_id("check")
    return json.loads(check.text_content())


def _site(engine, folder: Path, doc_id: str, text: str, published: str | None) -> tuple[Path, list]:
    records = engine.extract(decode_document(doc_id, doc_id, text.encode("utf-8"), published))
    records = [records[0].model_copy(update={"text": text}), *records[1:]]
    write_site(records, folder)
    return folder / PAGES / page_names([doc_id])[0], records


@pytest.fixture(scope="module")
def fixture_page(engine, tmp_path_factory):
    text = (ROOT / "fixtures" / "sco_article.txt").read_text(encoding="utf-8")
    page, records = _site(engine, tmp_path_factory.mktemp("site"), "sco_article.txt", text, None)
    return page, records, text


def test_show_browser_every_record_has_its_mark_at_its_text(browser, fixture_page, tmp_path):
    page, records, text = fixture_page
    found = _checked(browser, page, tmp_path)
    assert found["text"] == text
    shown = [r for r in records[1:] if r.type in SHOWN_TYPES]
    expected = {str(n): text[slice(*span_of(r, text))] for n, r in enumerate(shown, start=1)}
    assert found["marks"] == expected
    assert found["hide"] == "" and set(found["background"]) == set(SHOWN_TYPES)
    assert all(colour != "rgba(0, 0, 0, 0)" for colour in found["background"].values())
    assert all(display != "none" for display in found["list"].values())


def test_show_browser_targeted_mark_shows_its_fields(browser, fixture_page, tmp_path):
    page, _, _ = fixture_page
    found = _checked(browser, page, tmp_path)
    for kind in SHOWN_TYPES:
        tip = found["tip"][kind]
        assert tip["display"] != "none" and _css_string(tip["content"]) == tip["tip"], kind


def _css_string(value: str) -> str:
    """The text of a computed CSS string ('"a\\a b"' is 'a', a newline, 'b')."""
    assert value[0] == value[-1] == '"', value
    return re.sub(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)", lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), value[1:-1])


def test_show_browser_filter_hides_a_type(browser, fixture_page, tmp_path):
    page, _, _ = fixture_page
    found = _checked(browser, page, tmp_path, "#hide=figure,timex")
    assert found["hide"] == "timex figure"
    for kind in SHOWN_TYPES:
        hidden = kind in ("figure", "timex")
        assert (found["background"][kind] == "rgba(0, 0, 0, 0)") is hidden, kind
        assert (found["list"][kind] == "none") is hidden, kind
        assert (found["tip"][kind]["display"] == "none") is hidden, kind


def test_show_browser_hostile_article_runs_nothing(browser, engine, tmp_path):
    page, records = _site(engine, tmp_path, "hostile.txt", HOSTILE, "2025-07-25")
    found = _checked(browser, page, tmp_path)
    assert found["images"] == 0 and found["title"] != "pwned"
    assert found["text"] == HOSTILE
    assert {r.type for r in records} >= {"membership", "figure"}


def test_show_browser_takes_a_screenshot(browser, fixture_page, tmp_path):
    page, _, _ = fixture_page
    shot = tmp_path / "page.png"
    _chromium(browser, tmp_path / "profile", "--window-size=1280,1400", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000  # a blank page of this size is a few kB
