"""extractor: news articles in, structured and verifiable facts out (JSON Lines)."""

