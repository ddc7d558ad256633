"""The closed set of `error` kinds and the coded warnings of `document` records.

Like spaCy's `Errors.E1024`, every warning has a code and a message template, so users can
filter them (`jq 'select(.type == "document") | .warnings[] | select(.code == "W004")'`). The
README lists them; tests/core/test_records.py checks that it lists each one.
"""

from __future__ import annotations

from typing import Literal, get_args

ErrorKind = Literal[
    "NotFound",  # the path does not exist (or no longer does)
    "DanglingSymlink",  # a link whose target is missing
    "IsADirectory",  # a directory where a file was expected
    "PermissionDenied",  # the file cannot be read with these permissions
    "Unreadable",  # any other failure of the operating system to read it
    "BinaryFile",  # bytes that are not text
    "UndecodableText",  # a UTF-16 byte order mark on bytes that are not UTF-16
    "BadJsonLine",  # a line of a JSON Lines dump that is not a JSON object
    "MissingField",  # a JSON Lines article without any of the text fields
    "MissingDependency",  # an input format whose reader is not installed (warcio; the page readers in a broken install)
    "BadWarc",  # a WARC file that cannot be read to its end
]
ERROR_KINDS: tuple[str, ...] = get_args(ErrorKind)

WARNINGS = {
    "W001": "not valid UTF-8 (byte {byte}); decoded as cp1252",
    "W002": "the text has {nuls} NUL byte(s); they are kept so offsets stay true",
    "W003": "the document is empty or blank; no records",
    "W004": ("{chars:,} of {total:,} characters are boilerplate (navigation, share buttons, cookie or legal notices) "
             "and give no records; if this is an article, its text was not cut out of the page"),
    "W005": ("{sentences} sentences hold more than {limit} numbers each (tables or lists of digits, {numbers:,} "
             "numbers in all) and give no figures"),
    "W006": ("extracted in {sections} sections of at most {chars:,} characters: a change reported in two sections "
             "gives two records"),
    "W007": "the page has no main text ({words} words: only navigation, forms or scripts); check that it is an article page",
}
WarningCode = Literal["W001", "W002", "W003", "W004", "W005", "W006", "W007"]


def os_error_kind(exc: OSError) -> ErrorKind:
    """The error kind of an operating system failure to read a file."""
    if isinstance(exc, FileNotFoundError):
        return "NotFound"
    if isinstance(exc, IsADirectoryError):
        return "IsADirectory"
    if isinstance(exc, PermissionError):
        return "PermissionDenied"
    return "Unreadable"
