"""Language data and its loaders: the tables under `data/` and `patterns/`, validated on load
(`lexicon`)."""
