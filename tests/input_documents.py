"""Input documents built for the tests of formats (tests/inputs) and of Spark (tests/running): a news
page as sites serve it, a JSON Lines dump with bad lines, a WARC archive."""

from __future__ import annotations

import gzip
import html
import io
import json
from pathlib import Path


ARTICLE = [
    "Cyprus joined the European Union in May 2004, becoming one of its 25 member states.",
    "Its exports to the bloc rose 14% to $3.2 billion in the following year, officials said on Monday.",
    "The government expects growth of nearly 4% this year, according to the finance ministry's latest forecast.",
]


def page(paragraphs: list[str], published: str | None = "2025-03-14T09:30:00Z", title: str = "Cyprus: two decades in the EU",
         caption: str | None = "Ministers meet in Brussels, March 3, 2025. /AFP") -> str:
    """A news page as sites serve them: navigation, a cookie banner, share buttons, a footer."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    figure = f"<figure><img src='a.jpg'><figcaption>{html.escape(caption)}</figcaption></figure>" if caption else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><title>{html.escape(title)} | Daily Planet</title>{meta}
<link rel="canonical" href="https://news.example.com/2025/cyprus"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. By continuing you accept our privacy policy. Offer ends 2026: 50% off.</div>
<article>
<h1>{html.escape(title)}</h1>
{figure}
{body}
</article>
<div class="share">Share on Facebook Share on Twitter Email</div>
<footer>Copyright 2025 Daily Planet. All rights reserved. Subscribe to our newsletter for $1 a week.</footer>
</body></html>"""


def dump(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"url": "https://a.example/1", "title": "One", "date_publish": "Thu, 24 Aug 2023",
                    "maintext": "Freedonia applied to join the African Union on Monday."}),
        "{this is not json",
        json.dumps({"url": "https://a.example/3", "title": "No text here"}),
        json.dumps({"id": "n4", "text": "Sales rose 12% in July.", "published": "24.08.2023"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"url": "https://a.example/1", "maintext": "A second story under the same URL: prices fell 3%."}),
    ]
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path


def warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warc_record("crawl.warc.gz", "warcinfo", warc_headers_dict={}))
        for uri, content_type, body in pages:
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
