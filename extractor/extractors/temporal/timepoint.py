"""Calendar arithmetic behind TIMEX3 values: a `When` (a date at some granularity, parts may be
unknown) turns into a value string ("2025-07", "2025-FA", "XXXX-07") and an inclusive range."""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, replace
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class When:
    """A calendar point at a granularity. `year` None means unknown ("XXXX")."""

    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None  # quarter "Q3", half "H1", season "FA", week "W07", weekend "W07-WE"
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 20th century
    weekday: int | None = None  # ISO weekday when only the weekday is known
    daypart: str | None = None  # MO / AF / EV / NI
    clock: str | None = None  # "14:30"

    def value(self) -> str:
        """Return the TIMEX3 value string, with X for unknown parts."""
        year = "XXXX" if self.year is None else f"{self.year:04d}"
        g = self.granularity
        if g == "century":
            return f"{self.century:02d}"
        if g == "decade":
            return f"{self.decade:03d}"
        if g == "year":
            return year
        if g in ("half", "quarter", "season"):
            return f"{year}-{self.part}"
        if g == "month":
            return f"{year}-{'XX' if self.month is None else f'{self.month:02d}'}"
        if g == "week":
            return f"{year}-{self.part or 'WXX'}"
        if g == "day":
            if self.day is None and self.weekday is not None:
                base = f"{year}-WXX-{self.weekday}"
            else:
                month = "XX" if self.month is None else f"{self.month:02d}"
                day = "XX" if self.day is None else f"{self.day:02d}"
                base = f"{year}-{month}-{day}"
            if self.clock:
                return f"{base}T{self.clock}"
            if self.daypart:
                return f"{base}T{self.daypart}"
            return base
        raise ValueError(f"unknown granularity {g!r}")

    def date_range(self) -> tuple[date | None, date | None]:
        """Return the inclusive (first day, last day) the value covers, or (None, None) when a
        part is unknown."""
        g = self.granularity
        try:
            if g == "century" and self.century is not None:
                return date(self.century * 100, 1, 1), date(self.century * 100 + 99, 12, 31)
            if g == "decade" and self.decade is not None:
                return date(self.decade * 10, 1, 1), date(self.decade * 10 + 9, 12, 31)
            if self.year is None:
                return None, None
            y = self.year
            if g == "year":
                return date(y, 1, 1), date(y, 12, 31)
            if g == "quarter" and self.part:
                q = int(self.part[1])
                return date(y, 3 * q - 2, 1), month_end(y, 3 * q)
            if g == "half" and self.part:
                h = int(self.part[1])
                return date(y, 6 * h - 5, 1), month_end(y, 6 * h)
            if g == "season" and self.part:
                first, last = SEASON_MONTHS[self.part]
                return date(y, first, 1), month_end(y + (1 if last < first else 0), last)
            if g == "month" and self.month:
                return date(y, self.month, 1), month_end(y, self.month)
            if g == "week" and self.part and self.part[1:3].isdigit():
                week = int(self.part[1:3])
                monday = date.fromisocalendar(y, week, 1)
                if self.part.endswith("WE"):
                    return monday + timedelta(days=5), monday + timedelta(days=6)
                return monday, monday + timedelta(days=6)
            if g == "day" and self.month and self.day:
                d = date(y, self.month, self.day)
                return d, d
        except ValueError:
            return None, None
        return None, None


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def day_when(d: date) -> When:
    return When("day", d.year, d.month, d.day)


def week_when(d: date, weekend: bool = False) -> When:
    iso = d.isocalendar()
    part = f"W{iso.week:02d}" + ("-WE" if weekend else "")
    return When("week", iso.year, part=part)


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """Return (season year, season code) of a day; December to February belong to the winter of
    the December's year."""
    for code, (first, last) in SEASON_MONTHS.items():
        if first <= last and first <= d.month <= last:
            return d.year, code
    return (d.year if d.month == 12 else d.year - 1), "WI"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift(anchor: When, unit: str, amount: float) -> When | None:
    """Return `anchor` moved by `amount` units (day, week, month, quarter, year, decade), at the
    coarser of the anchor's and the unit's granularity; None when the anchor has no year."""
    if anchor.year is None or amount != int(amount):
        return None
    n = int(amount)
    if unit in ("day", "night") and anchor.granularity == "day" and anchor.month and anchor.day:
        return day_when(date(anchor.year, anchor.month, anchor.day) + timedelta(days=n))
    if unit in ("week", "fortnight"):
        days = 7 * n * (2 if unit == "fortnight" else 1)
        base = _anchor_day(anchor)
        return week_when(base + timedelta(days=days)) if base else None
    if unit == "month":
        if anchor.month is None:
            return None
        y, m = add_months(anchor.year, anchor.month, n)
        return When("month", y, m)
    if unit == "quarter" and anchor.granularity == "quarter" and anchor.part:
        index = anchor.year * 4 + int(anchor.part[1]) - 1 + n
        return When("quarter", index // 4, part=f"Q{index % 4 + 1}")
    if unit == "quarter" and anchor.month:
        y, m = add_months(anchor.year, anchor.month, 3 * n)
        return When("quarter", y, part=f"Q{quarter_of(m)}")
    if unit == "year":
        if anchor.granularity in ("quarter", "half", "season"):
            return replace(anchor, year=anchor.year + n)
        if anchor.granularity in ("month", "day"):
            return replace(anchor, year=anchor.year + n, weekday=None)
        return When("year", anchor.year + n)
    if unit == "decade":
        return When("decade", decade=(anchor.year + 10 * n) // 10)
    if unit == "century":
        return When("century", century=(anchor.year + 100 * n) // 100)
    return None


def _anchor_day(anchor: When) -> date | None:
    if anchor.year is None:
        return None
    if anchor.granularity == "day" and anchor.month and anchor.day:
        return date(anchor.year, anchor.month, anchor.day)
    if anchor.granularity == "week" and anchor.part and anchor.part[1:3].isdigit():
        return date.fromisocalendar(anchor.year, int(anchor.part[1:3]), 1)
    return None
