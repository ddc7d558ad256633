"""Consolidation: what is read from the records of many documents: membership timelines
(`timeline`), scores against gold files (`evaluate`) and review pages (`show`)."""
