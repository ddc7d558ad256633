"""Scoring predictions against gold files.

- `score_timex`: TempEval-3 measures on TimeBank-style gold (strict span, relaxed span with
  one-to-one overlap matching, value = relaxed match with the exact value), DATE+TIME and all.
- `score_news`: news-dev GUIDELINES section 7: membership (lenient, strict), event and figure
  P/R/F1 with maximum one-to-one matching per document and key collapsing.

Both check their inputs first (`read_gold`, `read_records`): a file that is not in its format
raises InputFormatError naming the file, the line and the missing key.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from extractor.nlp.entities import country_names, organization_ids_by_surface


# The keys a gold document must have, and those of each item of its lists (a.b: key b of the object at a).
GOLD_KEYS: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "news": (("doc_id", "memberships", "events", "figures"),
             {"memberships": ("organization", "member", "action"), "events": ("kind",), "figures": ("value", "kind")}),
    "timex": (("doc_id", "timexes"), {"timexes": ("start", "end", "type", "value")}),
}
# The keys a record of each scored type must have (records `extract` wrote).
RECORD_KEYS = {
    "membership": ("doc_id", "organization.id", "member.id", "action"),
    "event": ("doc_id", "kind"),
    "figure": ("doc_id", "kind", "value"),
    "timex": ("doc_id", "start", "end", "timex_type", "value"),
    "candidate": ("doc_id", "member.id", "outcome"),
}


class InputFormatError(ValueError):
    """A gold or predictions file that is not in its format: the message names the file, the line and the key."""

    def __init__(self, path: Path, message: str):
        super().__init__(message)
        self.path = path


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    """(line number, object) for every non-blank line; InputFormatError for an unreadable file or
    a line that is not a JSON object."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFormatError(path, f"{path} could not be read: {getattr(exc, 'strerror', None) or exc}.") from exc
    found = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            raise InputFormatError(path, f"{path} line {number} is not JSON ({exc}).") from exc
        if not isinstance(value, dict):
            raise InputFormatError(path, f"{path} line {number} is not a JSON object.")
        found.append((number, value))
    return found


def _missing_key(value: dict, keys: Iterable[str]) -> str | None:
    """The first of `keys` (a.b: key b of the object at a) that `value` lacks, or None."""
    for key in keys:
        here: object = value
        for part in key.split("."):
            if not isinstance(here, dict) or part not in here:
                return key
            here = here[part]
    return None


def read_gold(path: Path, kind: str) -> dict[str, dict]:
    """The gold documents of `path` by doc_id; InputFormatError naming the line and the missing
    key when a line is not a gold document of `kind` (GOLD_KEYS)."""
    keys, items = GOLD_KEYS[kind]
    docs: dict[str, dict] = {}
    for number, doc in _read_jsonl(path):
        missing = _missing_key(doc, keys)
        if missing:
            raise InputFormatError(path, f"{path} line {number} is not a {kind} gold document: it has no {missing!r} "
                                   f"(a gold line has {', '.join(keys)}; see extractor evaluate {kind} -h).")
        for name, item_keys in items.items():
            listed = doc[name]
            if not isinstance(listed, list):
                raise InputFormatError(path, f"{path} line {number}: {name!r} is not a list.")
            for index, item in enumerate(listed):
                missing = _missing_key(item, item_keys) if isinstance(item, dict) else item_keys[0]
                if missing:
                    raise InputFormatError(path, f"{path} line {number}: item {index + 1} of {name!r} has no {missing!r} "
                                           f"(each has {', '.join(item_keys)}; see extractor evaluate {kind} -h).")
        docs[doc["doc_id"]] = doc
    return docs


def read_records(path: Path, types: Iterable[str]) -> list[dict]:
    """The records of `types` in a file `extract` wrote; InputFormatError naming the line and
    the key when a line is not such a record (RECORD_KEYS)."""
    wanted = set(types)
    records = []
    for number, record in _read_jsonl(path):
        if "type" not in record:
            raise InputFormatError(path, f"{path} line {number} is not a record: it has no 'type'; pass the JSON Lines "
                                   "`extractor extract` wrote.")
        if record["type"] not in wanted:
            continue
        missing = _missing_key(record, RECORD_KEYS[record["type"]])
        if missing:
            raise InputFormatError(path, f"{path} line {number}: a {record['type']} record without {missing!r}; pass the "
                                   "JSON Lines `extractor extract` wrote.")
        records.append(record)
    return records


@dataclass(frozen=True)
class Score:
    """Counts of one measure: true positives, predictions, gold items; P, R and F1 from them."""

    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<22} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}  "
                f"(tp={self.tp} pred={self.pred} gold={self.gold})")


@dataclass
class Report:
    """Named scores, and the lines of a readable report (with the misses, for news)."""

    scores: dict[str, Score] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(self.lines)


L = TypeVar("L")
R = TypeVar("R")


def max_matching(left: list[L], right: list[R], ok: Callable[[L, R], bool]) -> list[tuple[int, int]]:
    """Maximum bipartite matching (Kuhn's algorithm): pairs (i, j) with ok(left[i], right[j])."""
    edges = [[j for j, b in enumerate(right) if ok(a, b)] for a in left]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


# ---------------------------------------------------------------- timex


def timex_report(gold_path: Path, pred_path: Path) -> Report:
    """Scores named "<types>.<measure>": types `date_time` (DATE and TIME) or `all`; measure
    `strict` (same span), `relaxed` (overlapping spans, one to one) or `value` (relaxed and the
    same value)."""
    gold_docs = read_gold(gold_path, "timex")
    preds: dict[str, list[dict]] = defaultdict(list)
    for r in read_records(pred_path, ("timex",)):
        preds[_doc_key(r["doc_id"])].append(r)
    report = Report()
    for label, name, types in (("DATE+TIME", "date_time", {"DATE", "TIME"}), ("all types", "all", {"DATE", "TIME", "DURATION", "SET"})):
        totals = {"strict": 0, "relaxed": 0, "value": 0, "gold": 0, "pred": 0}
        for doc_id, doc in gold_docs.items():
            gold = [t for t in doc["timexes"] if t["type"] in types]
            pred = [t for t in preds.get(_doc_key(doc_id), []) if t["timex_type"] in types]
            totals["gold"] += len(gold)
            totals["pred"] += len(pred)
            totals["strict"] += len(max_matching(gold, pred, lambda g, p: (g["start"], g["end"]) == (p["start"], p["end"])))
            overlap = lambda g, p: g["start"] < p["end"] and p["start"] < g["end"]  # noqa: E731
            totals["relaxed"] += len(max_matching(gold, pred, overlap))
            totals["value"] += len(max_matching(gold, pred, lambda g, p: overlap(g, p) and g["value"] == p["value"]))
        report.lines.append(f"{label}:")
        for measure in ("strict", "relaxed", "value"):
            score = Score(totals[measure], totals["pred"], totals["gold"])
            report.scores[f"{name}.{measure}"] = score
            report.lines.append("  " + score.line(f"{measure} F1"))
    return report


def score_timex(gold_path: Path, pred_path: Path) -> str:
    return timex_report(gold_path, pred_path).text()


def _doc_key(doc_id: str) -> str:
    name = doc_id.rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".txt") else name


# ---------------------------------------------------------------- news


def _norm_id(value: str | None) -> str:
    """Organization / member ids as the guidelines normalise them: case, punctuation, aliases,
    country names to ISO3."""
    if value is None:
        return ""
    text = str(value).strip()
    org_id = organization_ids_by_surface().get(text.lower())
    if org_id is not None:
        return org_id
    names = country_names()
    if text in names:
        return names[text][0]
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _year(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d{4}|X{4})", value)
    return m.group(1) if m else None


def _date_ok(gold: str | None, pred: str | None, whole: bool) -> bool:
    """Gold X is a wildcard; without `whole` only the year is compared (when both give one)."""
    if gold is None or pred is None:
        return gold is None and pred is None if whole else True
    if whole:
        return _value_ok(gold, pred)
    gy, py = _year(gold), _year(pred)
    if gy is None or py is None or gy == "XXXX":
        return True
    return gy == py


def _value_ok(gold: str, pred: str) -> bool:
    if gold == pred:
        return True
    m = re.fullmatch(r"(\d{4}|XXXX)-WXX-(\d)", gold)
    if m and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pred):
        from datetime import date

        d = date.fromisoformat(pred)
        return (m.group(1) == "XXXX" or int(m.group(1)) == d.year) and d.isoweekday() == int(m.group(2))
    if len(gold) != len(pred):
        if re.fullmatch(r"\d{3}", gold) and re.fullmatch(r"\d{3}X", pred):
            return pred.startswith(gold)
        if re.fullmatch(r"\d{3}X", gold) and re.fullmatch(r"\d{3}", pred):
            return gold.startswith(pred)  # "199X" = "199": the decade either way
        return False
    return all(g == p or g == "X" for g, p in zip(gold, pred))


EVENT_ALIASES = {"admission": "accession", "membership": "accession", "join": "accession", "entry": "accession"}


def _lemma(word: str) -> str:
    word = (word or "").lower()
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _collapse(preds: list[dict], gold: list[dict], key: Callable[[dict], tuple]) -> list[dict]:
    """Predictions sharing a key are kept up to the number of gold records with that key (min 1)."""
    gold_count: dict[tuple, int] = defaultdict(int)
    for g in gold:
        gold_count[key(g)] += 1
    kept: list[dict] = []
    used: dict[tuple, int] = defaultdict(int)
    for p in preds:
        k = key(p)
        if used[k] < max(1, gold_count.get(k, 0)):
            used[k] += 1
            kept.append(p)
    return kept


def _score_kind(gold_by_doc, pred_by_doc, ok, key, docs: Iterable[str], precision_docs: set[str] | None = None):
    tp = n_pred = n_gold = 0
    misses, false = [], []
    for doc_id in docs:
        gold = gold_by_doc.get(doc_id, [])
        required = [g for g in gold if not g.get("optional")]
        optional = [g for g in gold if g.get("optional")]
        preds = _collapse(pred_by_doc.get(doc_id, []), gold, key)
        pairs = max_matching(required, preds, ok)
        matched = {j for _, j in pairs}
        rest = [p for j, p in enumerate(preds) if j not in matched]
        opt_pairs = max_matching(optional, rest, ok)
        dropped = {j for _, j in opt_pairs}
        unmatched = [p for j, p in enumerate(rest) if j not in dropped]
        tp += len(pairs)
        n_gold += len(required)
        if precision_docs is None or doc_id in precision_docs:
            n_pred += len(pairs) + len(unmatched)
            false += [(doc_id, p) for p in unmatched]
        hit = {i for i, _ in pairs}
        misses += [(doc_id, g) for i, g in enumerate(required) if i not in hit]
    return tp, n_pred, n_gold, misses, false


NEWS_MEASURES = ("membership", "membership_strict", "event", "figure")


def source_of(doc_id: str) -> str:
    """The collection a news-dev document comes from: its name up to the first _ (bbc, silver, timebank)."""
    return doc_id.split("_", 1)[0]


def news_report(gold_path: Path, pred_path: Path, explain: bool = False) -> Report:
    """Scores named after NEWS_MEASURES (and figure:<kind>), then the same per source
    ("silver/membership"), following the news-dev GUIDELINES section 7. With `explain`, every
    missed membership with the stage where it was lost (read from the `candidate` records of
    `extract --explain`) and every false one with the cue that made it, and the counts per stage."""
    gold_docs = read_gold(gold_path, "news")
    preds: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    candidates: dict[str, list[dict]] = defaultdict(list)
    for r in read_records(pred_path, ("membership", "event", "figure", "candidate")):
        if r.get("type") == "candidate":
            candidates[r["doc_id"].rsplit("/", 1)[-1]].append(r)
            continue
        doc = r.get("doc_id", "").rsplit("/", 1)[-1]
        if doc in gold_docs:
            preds[r["type"]][doc].append(_flatten(r))
    docs = sorted(gold_docs)
    exhaustive = {d for d, g in gold_docs.items() if g.get("figures_exhaustive")}

    def m_ok(strict):
        def ok(g, p):
            same = (_norm_id(g["organization"]) == _norm_id(p["organization"]) and _norm_id(g["member"]) == _norm_id(p["member"])
                    and g["action"] == p["action"])
            if not same:
                return False
            if strict:
                return g.get("status") == p.get("status") and _date_ok(g.get("date"), p.get("date"), whole=True)
            return _date_ok(g.get("date"), p.get("date"), whole=False)
        return ok

    def m_key(strict):
        def key(r):
            base = (_norm_id(r["organization"]), _norm_id(r["member"]), r["action"], _year(r.get("date")))
            return base + ((r.get("status"), r.get("date")) if strict else ())
        return key

    def e_ok(g, p):
        if not _date_ok(g.get("date"), p.get("date"), whole=True):
            return False
        if _lemma(g.get("trigger")) == _lemma(p.get("trigger")):
            return True
        gk, pk = EVENT_ALIASES.get(g["kind"], g["kind"]), EVENT_ALIASES.get(p["kind"], p["kind"])
        return gk == pk and gk != "other"

    def f_ok(g, p):
        gv, pv = float(g["value"]), float(p["value"])
        return g["kind"] == p["kind"] and abs(gv - pv) <= 1e-6 * max(abs(gv), abs(pv), 1e-12)

    gold_by = {kind: {d: gold_docs[d][kind + "s"] for d in docs} for kind in ("membership", "event", "figure")}
    measures = {
        "membership": ("membership", m_ok(False), m_key(False), None),
        "membership_strict": ("membership", m_ok(True), m_key(True), None),
        "event": ("event", e_ok, lambda r: (r.get("date"), _lemma(r.get("trigger")), r["kind"]), None),
        "figure": ("figure", f_ok, lambda r: (r["kind"], round(float(r["value"]), 6), r.get("start")), exhaustive),
    }
    report = Report()
    for name, (kind, ok, key, prec_docs) in measures.items():
        tp, n_pred, n_gold, misses, false = _score_kind(gold_by[kind], preds[kind], ok, key, docs, prec_docs)
        report.scores[name] = Score(tp, n_pred, n_gold)
        report.lines.append(report.scores[name].line(name))
        if kind == "figure":
            for fkind in ("money", "percent", "count", "ordinal", "fraction", "quantity"):
                g_k = {d: [g for g in v if g["kind"] == fkind] for d, v in gold_by[kind].items()}
                p_k = {d: [p for p in v if p["kind"] == fkind] for d, v in preds[kind].items()}
                tpk, npk, ngk, _, _ = _score_kind(g_k, p_k, ok, key, docs, prec_docs)
                if ngk or npk:
                    report.scores[f"figure:{fkind}"] = Score(tpk, npk, ngk)
                    report.lines.append("  " + report.scores[f"figure:{fkind}"].line(f"figure:{fkind}"))
        for doc_id, g in misses:
            report.lines.append(f"    FN {doc_id}: {_show(g)}")
        for doc_id, p in false:
            report.lines.append(f"    FP {doc_id}: {_show(p)}")
        if explain and name == "membership":
            report.lines += _explained(misses, false, preds["membership"], candidates)
    for source in sorted({source_of(d) for d in docs}):
        mine = [d for d in docs if source_of(d) == source]
        for name, (kind, ok, key, prec_docs) in measures.items():
            tp, n_pred, n_gold, _, _ = _score_kind(gold_by[kind], preds[kind], ok, key, mine, prec_docs)
            if n_gold or n_pred:
                report.scores[f"{source}/{name}"] = Score(tp, n_pred, n_gold)
                report.lines.append(report.scores[f"{source}/{name}"].line(f"{source}/{name}"))
    report.lines.append(" ".join(f"{name}_f1={report.scores[name].f1:.3f}" for name in NEWS_MEASURES))
    return report


def score_news(gold_path: Path, pred_path: Path, explain: bool = False) -> str:
    return news_report(gold_path, pred_path, explain).text()


def _explained(misses, false, preds: dict[str, list[dict]], candidates: dict[str, list[dict]]) -> list[str]:
    """Lines of `--explain`: each missed membership with the stage where it was lost, each false
    one with its cue and how it was made, then the counts per stage."""
    if not any(candidates.values()):
        return ["  explain: the predictions hold no candidate records; write them with `extractor extract --explain`"]
    lines: list[str] = []
    stages: Counter[str] = Counter()
    made: Counter[str] = Counter()
    for doc_id, g in misses:
        stage = miss_stage(g, preds.get(doc_id, []), candidates.get(doc_id, []))
        stages[stage] += 1
        lines.append(f"    MISSED at {stage}: {doc_id}: {_show(g)}")
    for doc_id, p in false:
        how = "candidate" if any(c["outcome"] == "record" and _norm_id(c["member"]["id"]) == _norm_id(p["member"])
                                 and c["organization"] and _norm_id(c["organization"]["id"]) == _norm_id(p["organization"])
                                 for c in candidates.get(doc_id, [])) else "frame"
        made[f"{how} cue '{(p.get('trigger') or '').lower()}'"] += 1
        lines.append(f"    FALSE from {how} cue '{p.get('trigger')}': {doc_id}: {_show(p)}")
    lines.append("  missed memberships by stage: " + ", ".join(f"{k}={n}" for k, n in stages.most_common()))
    lines.append("  false memberships by cue: " + ", ".join(f"{k}={n}" for k, n in made.most_common()))
    return lines


def _overlaps(record: dict, gold: dict) -> bool:
    """Does the record's evidence sentence overlap the gold's (or one of its later mentions)?"""
    spans = [record.get("evidence") or {}, *record.get("mentions", [])]
    return any(isinstance(e, dict) and "start" in e and e["start"] < gold["evidence_end"] and gold["evidence_start"] < e["end"]
               for e in spans)


def miss_stage(gold: dict, preds: list[dict], candidates: list[dict]) -> str:
    """Where a gold membership was lost: no candidate (its member never named in a sentence with a
    cue), another or no organization, rejected by a reason, read by a frame as another change, or
    found with a wrong action or date."""
    member, org = _norm_id(gold["member"]), _norm_id(gold["organization"])
    if "evidence_start" in gold:  # what was read in the gold's own sentence
        preds = [p for p in preds if _overlaps(p, gold)]
        candidates = [c for c in candidates if _overlaps(c, gold)]
    found = [p for p in preds if _norm_id(p["member"]) == member and _norm_id(p["organization"]) == org]
    if found:
        return "wrong date" if any(p["action"] == gold["action"] for p in found) else "wrong action"
    mine = [c for c in candidates if _norm_id(c["member"]["id"]) == member]
    if not mine:
        return "no candidate"
    with_org = [c for c in mine if c["organization"] and _norm_id(c["organization"]["id"]) == org]
    if not with_org:
        return "no organization" if all(c["organization"] is None for c in mine) else "another organization"
    reasons = Counter(c["outcome"] for c in with_org if c["outcome"] not in ("record", "frame"))
    if reasons:
        return f"rejected by {reasons.most_common(1)[0][0]}"
    return "read as another change"


def _flatten(r: dict) -> dict:
    """A predicted record in the gold's shape."""
    out = dict(r)
    if r["type"] == "membership":
        out["organization"] = r["organization"]["id"]
        out["member"] = r["member"]["id"]
    if isinstance(r.get("date"), dict):
        out["date"] = r["date"]["value"]
    return out


def _show(r: dict) -> str:
    keys = ("organization", "member", "action", "status", "date", "kind", "trigger", "text", "value", "unit")
    parts = [f"{k}={r[k]}" for k in keys if k in r and r[k] is not None]
    evidence = r.get("evidence")
    if isinstance(evidence, dict):
        evidence = evidence.get("text")
    return " ".join(parts) + (f" | {evidence[:110]}" if evidence else "")
