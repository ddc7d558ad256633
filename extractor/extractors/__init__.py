"""The extractors, each a spaCy component: `temporal` (timex), `figures`, `membership`
(memberships) and `events`. They share only through the Doc (`core.context`) and `linking`."""
