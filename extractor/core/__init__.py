"""The core flow: the records (`records`), the error kinds and warning codes (`errors`), what the
components share on a Doc (`context`) and the flow from decoded documents to records (`pipeline`)."""
