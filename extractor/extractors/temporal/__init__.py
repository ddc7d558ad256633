"""Temporal expressions: detection with minimal spans and TIMEX3 normalization.

The rules are data: data/temporal_rules.tsv (one regular expression per rule, with an example
that tests/extractors/test_temporal.py replays), built from the tables in extractor/language/data (months, weekdays,
seasons, time units, number words, cues, temporal_words.tsv); no month or weekday name is written
in the code. By concern:

- `detect`: `scan(text)` finds candidate spans, independent of any reference date;
- `normalize`: the TIMEX3 type and value of one candidate (one handler per rule);
- `anchor`: `resolve(candidates, text, reference, tense_at)` normalizes left to right, keeping
  the last fully known date as the anchor for "that year", "a year earlier", "the same month";
- `reference`: the document's reference date, given or inferred from the text;
- `component`: the `timex` spaCy component (`nlp.add_pipe("timex")`).
"""

from extractor.extractors.temporal.anchor import TimexSpan, find_timexes, resolve
from extractor.extractors.temporal.component import TimexTagger, dates_of, timex_records, timexes_of
from extractor.extractors.temporal.detect import Candidate, scan
from extractor.extractors.temporal.normalize import TenseAt
from extractor.extractors.temporal.reference import infer_reference_date, reference_date

__all__ = ["Candidate", "TenseAt", "TimexSpan", "TimexTagger", "dates_of", "find_timexes", "infer_reference_date",
           "reference_date", "resolve", "scan", "timex_records", "timexes_of"]
