"""The language processing every extractor stands on: the spaCy model (`model`), the cascade that
parses only what can yield a record (`cascade`, `rulecache`), layout (`layout`), the gazetteer of
organizations and countries (`entities`), modality (`modality`), readers of a parse (`syntax`)
and sets of character spans (`spans`)."""
