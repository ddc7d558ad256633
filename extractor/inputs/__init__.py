"""Inputs: walking paths, reading and decoding bytes (`sources`), and the formats that hold
documents (`formats`: text, saved pages, JSON Lines dumps, WARC archives)."""
