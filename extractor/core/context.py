"""What the extraction components read and write on a Doc, beside the spaCy annotations.

The components (`timex`, `figures`, `memberships`, `events`) share one `DocContext` per Doc
(`doc._.extractor`): what the cheap steps found before the model ran (layout, candidate
expressions, number candidates), the reference date, and what earlier components wrote. Run
inside `extractor extract`, the pipeline fills it before the components run; added to a user's own
spaCy pipeline, the first component to need it computes it from the Doc's text.

The results are typed extensions:

- `doc._.timexes`: list of `TimexSpan` (every temporal expression, normalized);
- `doc._.figures`, `doc._.memberships`, `doc._.events`: lists of records (`extractor.core.records`);
- `doc._.reference_date`: the date relative expressions were resolved against, or None;
- `doc.spans["timex" | "figures" | "memberships" | "events"]`: where they were read (the
  expression, the figure, the trigger word); each span carries what was read there in the
  extension of the same name (`span._.memberships`: a trigger can give one per member).

A Doc that went through the components stays serializable (`doc.to_bytes()`, pickle,
`DocBin(store_user_data=True)`, `nlp.pipe(texts, n_process=2)`): the DocContext, which holds
tokens and spans, lives outside `doc.user_data` (in `doc.user_hooks`, which `to_bytes` leaves
out and a pickle writes as empty) and is not carried over; the records and the reference date are kept in `doc.user_data` as JSON and plain
values (under ("extractor", name) keys) and read back as objects, once per Doc.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Callable
from weakref import ref

from pydantic import TypeAdapter

from spacy.tokens import Doc, Span

from extractor.nlp.layout import classify_lines, spans_of
from extractor.nlp.spans import Spans
from extractor.nlp.syntax import text_of

if TYPE_CHECKING:  # the components import this module: their types only
    import re

    from extractor.linking.dates import DateIndex, DatedChange
    from extractor.extractors.membership.candidates import Candidate, EventCue
    from extractor.extractors.membership.frames import MembershipMention
    from extractor.core.records import DocumentWarning, ReferenceSource
    from extractor.extractors.temporal.detect import Candidate as TimexCandidate

@dataclass
class DocContext:
    """A document's context for the extraction components (see the module docstring)."""

    doc_id: str = "-"
    published: date | None = None  # the given reference date, if any
    published_rule: str | None = None  # how it was given ("page_metadata", "metadata", None)
    boilerplate: Spans = field(default_factory=lambda: Spans([]))
    captions: list[tuple[int, int]] = field(default_factory=list)
    timex_candidates: list[TimexCandidate] | None = None  # temporal.scan of the text outside boilerplate
    numbers: list[tuple[str, re.Match[str]]] | None = None  # figures.candidates of the text
    # written by the components
    reference_source: ReferenceSource | None = None
    reference_rule: str | None = None
    dates: DateIndex | None = None  # written by `timex`
    membership_mentions: list[MembershipMention] | None = None  # written by `memberships`
    membership_candidates: list[Candidate] | None = None  # each with its outcome
    membership_event_cues: list[EventCue] | None = None  # dated changes of unnamed members
    membership_changes: list[DatedChange] | None = None  # written by `memberships`: what `events` reads of it
    membership_words_read: frozenset[int] = frozenset()  # token indices `memberships` read as a change's words
    warnings: list[DocumentWarning] = field(default_factory=list)  # written by any component


STORE = "extractor"  # the first element of the user_data keys the extensions keep their values under
HOOK = "extractor"  # the key of the Doc's `user_hooks` entry that holds its Attached state


def _user_data(doc: Doc) -> dict[Any, Any]:
    """`doc.user_data`, whose keys here are tuples, as spaCy's own extensions' are (its stubs say str)."""
    return doc.user_data


class Attached:
    """What lives with one Doc and is not written with it: its DocContext and the objects its
    extensions were set to (name -> (stored form, object)). Kept in `doc.user_hooks`, so it dies
    with the Doc (a table keyed weakly by the Doc kept every Doc alive: the context holds its
    spans); a pickle writes it empty, and a copy of the Doc (`Doc.copy` copies the hooks) does not
    see the original's (`owner`)."""

    def __init__(self, owner: Doc | None = None):
        self.owner = ref(owner) if owner is not None else None
        self.context: DocContext | None = None
        self.live: dict[str, tuple[Any, Any]] = {}

    def __reduce__(self):
        return (Attached, ())


def attached(doc: Doc) -> Attached:
    """The Doc's Attached state, made the first time it is asked for."""
    hooks: dict[str, Any] = doc.user_hooks  # spaCy's stubs say its values are callables: this one is not
    state = hooks.get(HOOK)
    if not isinstance(state, Attached) or state.owner is None or state.owner() is not doc:
        state = hooks[HOOK] = Attached(doc)
    return state
TIMEX_FIELDS = ("start", "end", "text", "timex_type", "value", "start_date", "end_date", "anchored")


@dataclass(frozen=True)
class Codec:
    """How an extension's value is kept in `doc.user_data`: `dump` gives a value msgpack and pickle
    can write, `load` gives the object back."""

    dump: Callable[[Any], Any]
    load: Callable[[Any], Any]


@cache
def _records_adapter() -> TypeAdapter:
    from extractor.core.records import Record  # noqa: PLC0415  (records is the heaviest import of this module)

    return TypeAdapter(list[Record])


def _dump_records(records: list) -> bytes:
    return _records_adapter().dump_json(records, by_alias=True)


def _load_records(stored: bytes) -> list:
    return _records_adapter().validate_json(stored)


def _dump_timexes(timexes: list) -> list[list]:
    return [[getattr(t, name) for name in TIMEX_FIELDS] for t in timexes]


def _load_timexes(rows: list) -> list:
    from extractor.extractors.temporal.anchor import TimexSpan  # noqa: PLC0415  (temporal imports this module)

    return [TimexSpan(*row) for row in rows]  # `when`, the parsed form, is not kept


CODECS: dict[str, Codec] = {
    "timexes": Codec(_dump_timexes, _load_timexes),
    "figures": Codec(_dump_records, _load_records),
    "memberships": Codec(_dump_records, _load_records),
    "events": Codec(_dump_records, _load_records),
    "reference_date": Codec(date.isoformat, date.fromisoformat),
}
SPAN_GROUPS = {"timex": "timexes", "figures": "figures", "memberships": "memberships", "events": "events"}
# span group -> the Doc extension whose records its spans carry


def stored_value(doc: Doc, name: str) -> Any:
    """The extension `name` of `doc` (None when unset): the object it was set to, or, on a Doc
    read back from bytes or a pickle, the object rebuilt from `doc.user_data`."""
    stored = _user_data(doc).get((STORE, name))
    if stored is None:
        return None
    live = attached(doc).live
    kept = live.get(name)
    if kept is not None and kept[0] is stored:
        return kept[1]
    value = CODECS[name].load(stored)
    live[name] = (stored, value)
    return value


def store_value(doc: Doc, name: str, value: Any) -> None:
    """Set the extension `name` of `doc` to `value` (None unsets it), kept in `doc.user_data` in
    its serializable form. Set a new list rather than changing the one read: a change made in
    place is not written."""
    if value is None:
        _user_data(doc).pop((STORE, name), None)
        attached(doc).live.pop(name, None)
        return
    stored = CODECS[name].dump(value)
    _user_data(doc)[(STORE, name)] = stored
    attached(doc).live[name] = (stored, value)


def _context_getter(doc: Doc) -> DocContext | None:
    return attached(doc).context


def _context_setter(doc: Doc, context: DocContext | None) -> None:
    attached(doc).context = context


def span_records(span: Span, group: str) -> list | None:
    """What `write_spans` put at `span` in the span group `group` (records of the Doc's extension
    SPAN_GROUPS[group]), or None."""
    index = _user_data(span.doc).get((STORE, "spans", group))
    positions = index.get(f"{span.start_char}:{span.end_char}") if index else None
    if positions is None:
        return None
    records = stored_value(span.doc, SPAN_GROUPS[group])
    return [records[i] for i in positions]


def _register_extensions() -> None:
    """doc._.extractor (the DocContext), doc._.timexes / figures / memberships / events /
    reference_date, and span._.timex / figures / memberships / events (read only)."""
    if not Doc.has_extension("extractor"):
        Doc.set_extension("extractor", getter=_context_getter, setter=_context_setter)
    for name in CODECS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=partial(stored_value, name=name), setter=partial(_store_from_setter, name=name))
    for group in SPAN_GROUPS:  # a trigger can be in two groups: one extension per group keeps them apart
        if not Span.has_extension(group):
            Span.set_extension(group, getter=partial(span_records, group=group))


def _store_from_setter(doc: Doc, value: Any, name: str) -> None:
    store_value(doc, name, value)


_register_extensions()


def context_of(doc: Doc) -> DocContext:
    """The Doc's context, made from its text (layout only) the first time it is asked for. On a
    Doc read back (bytes, pickle, another process) that has timexes but no context, the timexes
    are tagged again against the reference date it had: later components read the parsed dates,
    which are not kept."""
    if doc._.extractor is None:
        blocks = classify_lines(text_of(doc))
        doc._.extractor = DocContext(published=doc._.reference_date if doc._.timexes is not None else None,
                                     boilerplate=Spans(spans_of(blocks, "boilerplate")),
                                     captions=spans_of(blocks, "caption"))
        store_value(doc, "timexes", None)
    return doc._.extractor


def write_spans(doc: Doc, key: str, found: list[tuple[int, int, str, Any]]) -> None:
    """doc.spans[key]: one span per place (start char, end char) with its label; the extension
    named `key` of each span gives the records read there, in order. Every record must be one of
    the Doc's SPAN_GROUPS[key] extension, set before."""
    records = stored_value(doc, SPAN_GROUPS[key]) or []
    position = {id(r): i for i, r in enumerate(records)}
    spans: dict[tuple[int, int], Span] = {}
    index: dict[str, list[int]] = {}
    for start, end, label, record in found:
        span = spans.get((start, end)) or doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None:
            continue
        if id(record) not in position:
            raise ValueError(f"write_spans: a record for doc.spans[{key!r}] is not in doc._.{SPAN_GROUPS[key]}: "
                             f"set doc._.{SPAN_GROUPS[key]} to the list of records first")
        spans.setdefault((start, end), span)
        index.setdefault(f"{span.start_char}:{span.end_char}", []).append(position[id(record)])
    _user_data(doc)[(STORE, "spans", key)] = index
    doc.spans[key] = list(spans.values())
