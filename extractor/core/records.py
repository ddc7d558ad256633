"""Every record the extractor writes: one frozen pydantic model per line type.

A JSON line is one of the models in `Record`, told apart by its `type` field. The JSON Schema
of a line (`extractor schema`) is generated from `Record`; `schema/record.schema.json` is the
checked-in copy and a test fails when it is stale.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from extractor.core.errors import WARNINGS, ErrorKind, WarningCode

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
FigureKind = Literal["money", "percent", "count", "ordinal", "fraction", "quantity"]
Qualifier = Literal["approx", "over", "under", "at_least", "at_most", "nearly"]
MembershipAction = Literal["join", "leave", "suspend", "readmit", "apply", "found", "expel"]
MembershipStatus = Literal[
    "member", "founding_member", "observer", "dialogue_partner", "candidate", "associate"
]
EventStatus = Literal["past", "ongoing", "scheduled"]
# every kind of data/event_triggers.tsv (but "none") and of events.MEMBERSHIP_EVENT_KIND; a test
# checks that the table and this list agree, and events.triggers() refuses a kind missing here
EventKind = Literal[
    "accession", "acquisition", "agreement", "application", "appointment", "arrest", "attack", "bid",
    "briefing", "ceremony", "closure", "conference", "coup", "crisis", "death", "decision", "election",
    "expulsion", "forum", "founding", "invasion", "kidnapping", "killing", "launch", "loan", "match",
    "meeting", "merger", "other", "presidency", "protest", "ratification", "readmission", "referendum",
    "release", "resignation", "ruling", "sale", "session", "strike", "summit", "suspension", "talks",
    "tour", "visit", "vote", "war", "withdrawal",
]
EntityKind = Literal["country", "organization"]
# the kinds of an event's participants: registered ones (an id) and names NER found (no id)
ReferenceSource = Literal["given", "inferred"]  # how a document's reference date was found
ParticipantKind = Literal["country", "organization", "person", "group", "body", "place"]
REGISTERED_KINDS: tuple[str, ...] = ("country", "organization")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Model):
    """A sentence of the original text: `text == source[start:end]`."""

    text: str
    start: int
    end: int


class DateValue(_Model):
    """A date as every record gives it: the TIMEX3 value (its precision kept: "2001" is a year)
    and the inclusive range of days it covers. The shape of every `date` field; `DateRef` adds
    where the text said it."""

    value: str | None = Field(description="TIMEX3 value, e.g. 2024, 2025-07, 2025-FA, XXXX-07")
    start_date: str | None = Field(description="first day of the range, YYYY-MM-DD")
    end_date: str | None = Field(description="last day of the range (inclusive), YYYY-MM-DD")

    @classmethod
    def of(cls, date: "DateValue") -> "DateValue":
        """Return just the date of `date` (a DateRef, a Boundary), without its text or sources."""
        return cls(value=date.value, start_date=date.start_date, end_date=date.end_date)

    @classmethod
    def day(cls, iso: str) -> "DateValue":
        """Return the date of one day, YYYY-MM-DD."""
        return cls(value=iso, start_date=iso, end_date=iso)


class DateRef(DateValue):
    """A temporal expression as the value of a record's `date`: the date and the text it was read from."""

    text: str
    start: int
    end: int


class Entity(_Model):
    """An organization or a member: `id` is ISO 3166-1 alpha-3 for countries, a registry key
    ("SCO", "NATO", "EU") for organizations."""

    name: str
    id: str
    kind: EntityKind


class Participant(_Model):
    """An actor of an event. `country` and `organization` carry an `id` as an `Entity` does
    (ISO 3166-1 alpha-3, a registry key); the others are names NER found, with `id` null:
    `person`, `group` (a nationality, religious or political group: "Kurds"), `body` (an
    organization the registry lacks: a company, a party, an army), `place` (a city or region
    that acts: "Moscow and Kyiv signed")."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra={
        "if": {"properties": {"kind": {"enum": list(REGISTERED_KINDS)}}},
        "then": {"properties": {"id": {"type": "string"}}},
        "else": {"properties": {"id": {"type": "null"}}},
    })
    name: str
    id: str | None = Field(description="ISO 3166-1 alpha-3 (country), registry key (organization), else null")
    kind: ParticipantKind

    @model_validator(mode="after")
    def _id_only_when_registered(self) -> "Participant":
        registered = self.kind in REGISTERED_KINDS
        if registered and self.id is None:
            raise ValueError(f"a {self.kind} participant needs its id (ISO 3166-1 alpha-3 or registry key); "
                             f"{self.name!r} has none: give it, or use kind body/place")
        if not registered and self.id is not None:
            raise ValueError(f"a {self.kind} participant has no id (only countries and organizations do); "
                             f"drop id {self.id!r} of {self.name!r}")
        return self


class DocumentWarning(_Model):
    """Something the reader of a document's records should know (extractor/core/errors.py lists them)."""

    code: WarningCode
    message: str

    @classmethod
    def of(cls, code: WarningCode, **values) -> "DocumentWarning":
        """The warning `code` with its message filled in from `values`."""
        return cls(code=code, message=WARNINGS[code].format(**values))


class Document(_Model):
    type: Literal["document"] = "document"
    doc_id: str
    source: str
    sha256: str
    chars: int
    encoding: str
    reference_date: str | None
    reference_date_source: ReferenceSource | None
    reference_date_rule: str | None = Field(
        default=None, description="which rule inferred the date (dateline, caption, latest_past)"
    )
    title: str | None = Field(default=None, description="the page's or the dump's title, when the input had one")
    url: str | None = Field(default=None, description="the page's URL, when the input gave one")
    text: str | None = Field(
        default=None, description="with --include text: the text every offset indexes (for HTML, the extracted main text)"
    )
    boilerplate_chars: int = Field(
        default=0, description="characters labelled boilerplate (navigation, share buttons, cookie notices): no record comes from them"
    )
    counts: dict[str, int] = Field(
        description="records found, by type: timex, figure, membership, event (timex counted with or without --include timex)"
    )
    lines: int = Field(
        description="record lines that follow this one: the counts less the timex records when --include timex is not given"
    )
    warnings: list[DocumentWarning]


class Error(_Model):
    type: Literal["error"] = "error"
    doc_id: str
    source: str
    error: ErrorKind = Field(description="what kind of failure (a closed set: extractor/core/errors.py)")
    message: str = Field(description="what is wrong and what to do")


class Timex(_Model):
    type: Literal["timex"] = "timex"
    doc_id: str
    text: str
    start: int
    end: int
    timex_type: TimexType
    value: str
    start_date: str | None
    end_date: str | None
    anchored: bool = Field(
        default=False, description="true when the value needed the reference date or context"
    )


class Figure(_Model):
    type: Literal["figure"] = "figure"
    doc_id: str
    text: str
    start: int
    end: int
    value: float
    kind: FigureKind
    unit: str | None = Field(description="money: ISO 4217 code; quantity: pint's canonical unit name "
                             "('kilometer / hour', 'degree_Celsius'); count and ordinal: the counted noun's lemma")
    dimension: str | None = Field(default=None, description="quantity: what the unit measures (length, energy, speed, ...)")
    si_value: float | None = Field(default=None, description="quantity: the value in SI base units (250 °C -> 523.15)")
    si_unit: str | None = Field(default=None, description="quantity: the SI base unit of si_value ('kelvin', 'meter / second')")
    qualifier: Qualifier | None
    subject: str | None
    date: DateRef | None
    evidence: Evidence


class Membership(_Model):
    type: Literal["membership"] = "membership"
    doc_id: str
    organization: Entity
    member: Entity
    action: MembershipAction
    status: MembershipStatus | None
    date: DateRef | None
    ordinal: int | None
    trigger: str
    evidence: Evidence
    mentions: list[Evidence] = Field(default_factory=list)


class Event(_Model):
    type: Literal["event"] = "event"
    doc_id: str
    trigger: str
    kind: EventKind
    date: DateRef
    location: str | None
    participants: list[Participant] = Field(
        description="the actors of the event's own clause: subject or agent, object, with/between/against complements, "
                    "possessors of a nominal trigger; members and organization of a membership change"
    )
    status: EventStatus
    evidence: Evidence
    mentions: list[Evidence] = Field(default_factory=list)


class Candidate(_Model):
    """With --explain: one (member, organization) pair the membership candidate stage read near a
    cue, and what became of it: `outcome` "record", or the reason that rejected it."""

    type: Literal["candidate"] = "candidate"
    doc_id: str
    member: Entity
    organization: Entity | None
    cue: str
    cue_start: int
    action: MembershipAction
    status: MembershipStatus | None
    outcome: str = Field(description="record, or the reason it is none (extractor/extractors/membership/candidates.py REASONS)")
    evidence: Evidence


# ---------------------------------------------------------------- timeline records (extractor timeline)

TimelineStatus = Literal[
    "founding_member", "member", "observer", "dialogue_partner", "candidate", "associate", "applicant",
    "suspended", "left",
]


class Citation(_Model):
    """Where a timeline entry comes from: a document and the sentence in it."""

    doc_id: str
    text: str
    start: int
    end: int


class ConflictSide(DateValue):
    """One date sources give for a change, and the sources that give it."""

    sources: list[Citation]


class Boundary(DateValue):
    """One end of a status interval: the date (the most precise the sources give, the earliest of
    equally precise ones; None: they give none), the other dates sources give for the same change,
    and the sources of the date."""

    alternatives: list[ConflictSide] = Field(
        default_factory=list, description="other dates sources give for the same change, each with its sources: see the conflict record")
    sources: list[Citation] = Field(description="the sources that give `value` (and those that give no date)")


class Interval(_Model):
    type: Literal["interval"] = "interval"
    organization: Entity
    member: Entity
    status: TimelineStatus
    from_: Boundary = Field(alias="from")
    to: Boundary | None = Field(description="None: still so, as far as the records tell")
    sources: list[Citation]
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Count(_Model):
    type: Literal["count"] = "count"
    organization: Entity
    date: DateValue = Field(description="the count holds at the end of that period (end_date)")
    status: Literal["member", "observer", "dialogue_partner", "candidate", "associate", "suspended"]
    number: int
    members: list[str] = Field(description="ids of the members counted")
    undated: list[str] = Field(description="ids known to have this status at some time, not when: the count may miss them")


class Conflict(_Model):
    type: Literal["conflict"] = "conflict"
    organization: Entity
    member: Entity
    about: str = Field(description="what the sources disagree on, e.g. 'date of join'")
    sides: list[ConflictSide]


class Check(_Model):
    type: Literal["check"] = "check"
    organization: Entity
    date: DateValue | None = Field(description="when the statement holds: its own date, else its document's reference date")
    status: Literal["member", "observer", "dialogue_partner", "candidate", "associate"]
    stated: int
    reconstructed: int | None
    result: Literal["consistent", "contradiction", "unverifiable"]
    reason: str
    evidence: Citation


Record = Annotated[
    Union[Document, Error, Timex, Figure, Membership, Event, Candidate, Interval, Count, Conflict, Check],
    Field(discriminator="type"),
]
RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)
MODELS: dict[str, type[BaseModel]] = {model.model_fields["type"].default: model for model in get_args(get_args(Record)[0])}
RECORD_TYPES = ("document", "error", "timex", "figure", "membership", "event")  # what `extract` writes
TIMELINE_TYPES = ("interval", "count", "conflict", "check")  # what `timeline` writes


def to_json_line(record: BaseModel) -> str:
    """Return the record as one compact JSON line (no newline), keys in model order."""
    return record.model_dump_json(by_alias=True)


def parse_line(line: str) -> BaseModel:
    """Return the record a JSON line holds; raises pydantic.ValidationError when it is not one."""
    return RECORD_ADAPTER.validate_json(line)


def json_schema() -> dict:
    """Return the JSON Schema of one output line."""
    schema = RECORD_ADAPTER.json_schema()
    schema["title"] = "extractor record"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def json_schema_text() -> str:
    """Return the JSON Schema as the text checked in at schema/record.schema.json."""
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


def shifted(record: BaseModel, offset: int) -> BaseModel:
    """The same record with every character offset (`start`/`end` of the record, its date, its
    evidence and mentions) moved by `offset`: for text extracted in sections."""

    def move(value):
        if isinstance(value, dict):
            return {k: (v + offset if k in ("start", "end") and isinstance(v, int) else move(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [move(v) for v in value]
        return value

    return type(record).model_validate(move(record.model_dump()))
