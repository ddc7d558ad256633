"""A text with layers of marks as HTML: every layer's span covers exactly `text[start:end]`.

Layers may nest or overlap (a figure inside an event's sentence, a timex inside a membership's
evidence, two records read at one word). Elements are opened outermost first (longer spans, then
lower ranks) and closed in order; where a span ends inside another that began after it, the inner
element is closed and reopened after the end as a fragment, so the HTML stays well formed and the
fragments of a span still cover its characters and no others.

Text is escaped everywhere; characters an HTML parser would change are written as character
references so the DOM holds the same characters as the text: CR (a parser turns CRLF into LF) and
other C0 controls as `&#13;`-style references; NUL, which a parser drops, as U+FFFD (one character,
so offsets still line up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UNSAFE = re.compile(r"[&<>\"'\x00-\x08\x0b\x0d-\x1f\x7f]")
_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "\x00": "\ufffd"}


def escape_text(text: str) -> str:
    """`text` as HTML character data (or an attribute value) the browser reads back unchanged."""
    return _UNSAFE.sub(lambda m: _REFERENCES.get(m.group()) or f"&#{ord(m.group())};", text)


def attribute(value: str) -> str:
    """A quoted attribute value."""
    return '"' + escape_text(value) + '"'


@dataclass
class Layer:
    """One element over text[start:end]: `tag` and its attributes; `first` holds the attributes
    only its first fragment gets (an id, a tabindex). `rank` orders layers that start and end at
    the same place: lower is outer."""

    start: int
    end: int
    rank: int
    tag: str
    attributes: dict[str, str]
    first: dict[str, str] = field(default_factory=dict)

    def open_tag(self, first: bool) -> str:
        attributes = {**self.attributes, **(self.first if first else {})}
        if not first:
            attributes["class"] = (attributes.get("class", "") + " frag").strip()
        return f"<{self.tag}" + "".join(f" {k}={attribute(v)}" for k, v in attributes.items()) + ">"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


def marked_up(text: str, layers: list[Layer]) -> str:
    """`text` escaped, with every layer as an element (or fragments) around exactly its span.
    Layers outside the text or empty are left out: `placed` tells which stay."""
    layers = sorted(placed(text, layers), key=lambda l: (l.start, -l.end, l.rank))
    ends: dict[int, list[int]] = {}
    for index, layer in enumerate(layers):
        ends.setdefault(layer.end, []).append(index)
    points = sorted({0, len(text), *(l.start for l in layers), *ends})
    out: list[str] = []
    stack: list[int] = []  # indexes of the open layers, outermost first
    opened: set[int] = set()
    next_layer = 0
    for point, following in zip(points, points[1:] + [None]):
        closing = set(ends.get(point, ()))
        if closing:
            cut = min(stack.index(i) for i in closing)  # close down to the outermost one ending here
            reopen = [i for i in stack[cut:] if i not in closing]
            out.extend(layers[i].close_tag() for i in reversed(stack[cut:]))
            del stack[cut:]
            for i in reopen:
                out.append(layers[i].open_tag(first=False))
                stack.append(i)
        while next_layer < len(layers) and layers[next_layer].start == point:
            out.append(layers[next_layer].open_tag(first=next_layer not in opened))
            opened.add(next_layer)
            stack.append(next_layer)
            next_layer += 1
        if following is not None:
            out.append(escape_text(text[point:following]))
    return "".join(out)


def placed(text: str, layers: list[Layer]) -> list[Layer]:
    """The layers with a span inside the text, not empty."""
    return [l for l in layers if 0 <= l.start < l.end <= len(text)]


def plain(value: object) -> str:
    """A field value as text: numbers without a needless .0, None as an empty string."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    return str(value)


def element(tag: str, content: str, **attributes: str) -> str:
    """`<tag attributes>content</tag>`; `content` is HTML already, attribute values are escaped
    (`class_` for class)."""
    attrs = "".join(f" {k.rstrip('_').replace('_', '-')}={attribute(v)}" for k, v in attributes.items())
    return f"<{tag}{attrs}>{content}</{tag}>"
