"""The extraction components in a user's own spaCy pipeline: `nlp.add_pipe("memberships")`."""

from __future__ import annotations

import pytest
import spacy

import extractor.extractors.events  # noqa: F401  (registers timex, figures, memberships, events)
from extractor.nlp.model import installed_default_model


@pytest.fixture(scope="module")
def plain_nlp():
    """A fresh copy of the installed English model, with nothing of ours in it."""
    return spacy.load(installed_default_model())


@pytest.fixture(scope="module")
def user_nlp():
    nlp = spacy.load(installed_default_model())
    for name in ("timex", "figures", "memberships", "events"):
        nlp.add_pipe(name)
    return nlp


def test_components_are_registered_spacy_factories(plain_nlp):
    for name in ("gazetteer", "timex", "figures", "memberships", "events"):
        assert plain_nlp.has_factory(name)


def test_components_write_typed_records_in_a_user_pipeline(user_nlp):
    doc = user_nlp("Finland, Sweden and Norway joined NATO in March 2031. Exports rose 4% to $1.2 billion.")
    assert sorted(m.member.id for m in doc._.memberships) == ["FIN", "NOR", "SWE"]
    assert {m.date.value for m in doc._.memberships} == {"2031-03"}
    assert {f.kind for f in doc._.figures} >= {"percent", "money"}
    money = next(f for f in doc._.figures if f.kind == "money")
    assert money.value == 1_200_000_000 and money.unit == "USD"
    assert any(t.value == "2031-03" for t in doc._.timexes)


def test_components_read_countries_and_dates_in_a_user_pipeline(user_nlp):
    doc = user_nlp("Portugal and Spain joined the European Communities on 1 January 1986.")
    got = {(m.member.id, m.organization.id, m.action, m.date.value if m.date else None) for m in doc._.memberships}
    assert got == {("PRT", "EU", "join", "1986-01-01"), ("ESP", "EU", "join", "1986-01-01")}
    assert [(e.kind, e.date.value) for e in doc._.events] == [("accession", "1986-01-01")]
    spans = doc.spans["memberships"]
    assert [s.text for s in spans] == ["joined"] and len(spans[0]._.memberships) == 2
    assert [s._.events[0].kind for s in doc.spans["events"]] == ["accession"]


def test_components_spans_carry_their_records(user_nlp):
    doc = user_nlp("The bank cut its rate to 2.5% on Tuesday, 3 June 2025.")
    assert [s.text for s in doc.spans["figures"]] == ["2.5%"]
    assert doc.spans["figures"][0]._.figures[0].value == 2.5
    assert [s.text for s in doc.spans["timex"]] == ["Tuesday, 3 June 2025"]
    assert doc._.reference_date is not None  # inferred from the explicit date


def test_components_resolve_relative_dates_against_a_given_date(plain_nlp):
    from datetime import date

    from extractor.core.context import DocContext

    nlp = spacy.load(installed_default_model())
    nlp.add_pipe("memberships")
    doc = nlp.make_doc("Freedonia will join the WTO next month.")
    doc._.extractor = DocContext(published=date(2030, 4, 10))
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert doc._.reference_date == date(2030, 4, 10)
    assert any(t.value == "2030-05" for t in doc._.timexes)


def test_components_alone_need_no_other_component(plain_nlp):
    nlp = spacy.load(installed_default_model())
    nlp.add_pipe("events")  # runs the memberships, gazetteer and timex steps it reads itself
    doc = nlp("Poland joined NATO in March 1999.")
    assert [(e.kind, e.date.value) for e in doc._.events] == [("accession", "1999-03")]
    assert doc._.figures is None  # figures were not asked for


def test_components_events_read_memberships_from_the_doc_not_from_its_module():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(extractor.extractors.events.__file__).read_text(encoding="utf-8"))
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not [m for m in imported if m.startswith("extractor.extractors.membership")]


KINDS = {"joined": "accession", "left": "withdrawal", "was suspended from": "suspension"}


@pytest.mark.parametrize("members", [["Chile"], ["Chile", "Peru"], ["Chile", "Peru", "Ecuador"]])
@pytest.mark.parametrize("verb", list(KINDS))
@pytest.mark.parametrize("when", ["in March 2031", "on 4 May 2029"])
def test_components_events_of_membership_changes_name_whom_the_records_name(user_nlp, members, verb, when):
    listed = members[0] if len(members) == 1 else ", ".join(members[:-1]) + " and " + members[-1]
    doc = user_nlp(f"{listed} {verb} the World Trade Organization {when}.")
    assert len(doc._.memberships) == len(members)
    for m in doc._.memberships:
        events = [e for e in doc._.events if e.kind == KINDS[verb] and e.date.value == m.date.value]
        assert len(events) == 1, (m, doc._.events)
        named = {(p.kind, p.id, p.name) for p in events[0].participants}
        assert {(m.member.kind, m.member.id, m.member.name), (m.organization.kind, m.organization.id, m.organization.name)} <= named


@pytest.mark.parametrize("text, dates", [
    ("Moldova applied to join the European Union in March 2022. Moldova applied again in May 2023.",
     [{"2022-03"}, {"2023-05"}]),
    ("Gabon left OPEC in 1995. Gabon rejoined OPEC in 2016. Gabon left OPEC again in 2024.", [{"1995"}, {"2016"}, {"2024"}]),
])
def test_components_each_membership_span_carries_the_record_of_its_own_date(user_nlp, text, dates):
    doc = user_nlp(text)
    by_sentence: dict[int, set] = {}
    for span in doc.spans["memberships"]:
        by_sentence.setdefault(span.sent.start, set()).update(r.date.value for r in span._.memberships)
    assert list(by_sentence.values()) == dates


def _through_bytes(nlp, doc):
    return spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())


def _through_pickle(nlp, doc):
    import pickle

    return pickle.loads(pickle.dumps(doc))


def _through_docbin(nlp, doc):
    from spacy.tokens import DocBin

    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    return next(DocBin().from_bytes(stored).get_docs(nlp.vocab))


def _through_two_processes(nlp, doc):
    return list(nlp.pipe(["A first text with nothing in it.", doc.text], n_process=2))[1]


SERIALIZED = [
    ("Portugal and Spain joined the European Communities on 1 January 1986.", "memberships"),
    ("Exports rose 4% to $1.2 billion in March 2031, the ministry said.", "figures"),
    ("Poland joined NATO in March 1999 after years of talks.", "events"),
    ("Talks resumed on Tuesday, 3 June 2025.", "timex"),
]


@pytest.mark.parametrize("route", [_through_bytes, _through_pickle, _through_docbin, _through_two_processes],
                         ids=["to_bytes", "pickle", "DocBin", "n_process=2"])
@pytest.mark.parametrize("text, group", SERIALIZED, ids=[group for _, group in SERIALIZED])
def test_components_docs_survive_serialization_with_their_records(user_nlp, route, text, group):
    doc = user_nlp(text)
    back = route(user_nlp, doc)
    for name in ("timexes", "figures", "memberships", "events", "reference_date"):
        assert getattr(back._, name) == getattr(doc._, name), name
    assert getattr(doc._, {"timex": "timexes"}.get(group, group))  # the text gives records of its group
    assert [s.text for s in back.spans[group]] == [s.text for s in doc.spans[group]]
    assert [s._.get(group) for s in back.spans[group]] == [s._.get(group) for s in doc.spans[group]]
    assert back._.extractor is None  # the components' working context is not carried over


@pytest.mark.parametrize("text", ["Malta joined the European Union in May 2004.", "Oil fell 3% on Monday."])
def test_components_records_read_back_are_those_set(user_nlp, text):
    doc = user_nlp(text)
    assert doc._.memberships is doc._.memberships  # read once, then the same objects
    spans = doc.spans["memberships"] or doc.spans["figures"]
    group = "memberships" if doc.spans["memberships"] else "figures"
    assert all(r in getattr(doc._, group) for s in spans for r in s._.get(group))


@pytest.mark.parametrize("order, problems", [
    (("gazetteer", "timex", "figures", "memberships", "events"), {}),
    (("timex", "figures", "gazetteer", "memberships", "events"), {}),
    (("events",), {"events": ["doc._.memberships", "doc._.timexes"]}),
    (("figures",), {"figures": ["doc._.timexes"]}),
    (("timex", "events", "memberships"), {"events": ["doc._.memberships"]}),
    (("memberships",), {"memberships": ["doc.spans", "doc._.timexes"]}),
])
def test_components_pipe_analysis_shows_what_each_needs_before_it(order, problems):
    nlp = spacy.load(installed_default_model())
    for name in order:
        nlp.add_pipe(name)
    found = {name: sorted(missing) for name, missing in nlp.analyze_pipes()["problems"].items() if missing}
    assert found == {name: sorted(missing) for name, missing in problems.items()}


@pytest.mark.parametrize("name, assigns", [
    ("gazetteer", ["doc.spans"]),
    ("timex", ["doc._.timexes", "doc._.reference_date", "doc.spans"]),
    ("figures", ["doc._.figures", "doc.spans"]),
    ("memberships", ["doc._.memberships", "doc.spans"]),
    ("events", ["doc._.events", "doc.spans"]),
])
def test_components_declare_what_they_assign(plain_nlp, name, assigns):
    assert plain_nlp.get_factory_meta(name).assigns == assigns


@pytest.mark.parametrize("route", [_through_bytes, _through_pickle, _through_docbin], ids=["to_bytes", "pickle", "DocBin"])
@pytest.mark.parametrize("text", ["Poland joined NATO in March 1999. Exports rose 4% in May.",
                                  "Chile joined the OECD on 7 May 2010, a year after Estonia."])
def test_components_run_on_a_doc_read_back_after_timex(user_nlp, route, text):
    whole = user_nlp(text)
    with user_nlp.select_pipes(disable=["figures", "memberships", "events"]):
        tagged = user_nlp(text)
    back = route(user_nlp, tagged)
    for name in ("figures", "memberships", "events"):
        back = user_nlp.get_pipe(name)(back)
    assert (back._.timexes, back._.figures, back._.memberships, back._.events) == \
        (whole._.timexes, whole._.figures, whole._.memberships, whole._.events)


@pytest.mark.parametrize("text", ["Poland joined NATO in March 1999. Exports rose 4% in May.", "No facts here at all."])
def test_components_let_a_finished_doc_be_freed(user_nlp, text):
    """What the components share (the context, which holds spans of the Doc) lives and dies with
    the Doc: nothing outside keeps it, so a batch job's memory stays flat."""
    import gc
    import weakref

    doc = user_nlp(text)
    assert doc._.extractor is not None
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None


def test_components_copy_of_a_doc_has_no_context_of_the_original(user_nlp):
    doc = user_nlp("Poland joined NATO in March 1999.")
    copy = doc.copy()
    assert copy._.extractor is None and doc._.extractor is not None
    assert copy._.memberships == doc._.memberships
