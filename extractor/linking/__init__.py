"""Linking: which date dates a record (`dates`), which named thing takes part in an act
(`participants`), and merging repeated mentions into one record (`mentions`)."""
