"""Reading news as it comes: encodings, bad files, and one record per input."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import cli
from extractor.inputs.sources import Source, decode_bytes, iter_sources, read_source, ReadFailure


@pytest.mark.parametrize("data, text, encoding", [
    ("Café opens.".encode("utf-8"), "Café opens.", "utf-8"),
    (b"\xef\xbb\xbf" + "Café".encode("utf-8"), "Café", "utf-8-sig"),
    ("Café".encode("utf-16"), "Café", "utf-16"),
    ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "Café “quoted”", "cp1252"),
])
def test_sources_decode_by_bom_then_utf8_then_cp1252(data, text, encoding):
    decoded, used, warnings = decode_bytes(data)
    assert (decoded, used) == (text, encoding)
    assert bool(warnings) == (encoding == "cp1252")


def test_sources_binary_file_is_an_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 10)
    result = read_source(Source("image.txt", path))
    assert isinstance(result, ReadFailure) and result.error == "BinaryFile" and "text" in result.message


def test_sources_nul_byte_in_text_is_kept_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Prices rose\x00 5% in 2024.")
    result = read_source(Source("a.txt", path))
    assert result.text == "Prices rose\x00 5% in 2024." and [w.code for w in result.warnings] == ["W002"]


def test_sources_directory_walk_is_sorted_and_relative(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "skip.md").write_text("x")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    ids = [s.doc_id for s in iter_sources([str(tmp_path)])]
    assert ids == ["a.txt", "b/2.txt"]


def test_sources_missing_path_and_dangling_link_are_errors(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(iter_sources([str(tmp_path / "missing.txt"), str(tmp_path)]))
    assert isinstance(items[0], ReadFailure) and items[0].error == "NotFound"
    dangling = read_source(items[1])
    assert isinstance(dangling, ReadFailure) and dangling.error == "DanglingSymlink"


def test_cli_every_input_yields_one_document_or_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "latin.txt").write_bytes("Na\u00efve prices rose 5% in 2004.".encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes("Sales rose 3% in 2003.".encode("utf-16"))
    (tmp_path / "binary.txt").write_bytes(os.urandom(2000) + b"\x00" * 500)
    result = cli("extract", str(tmp_path), str(tmp_path / "nope.txt"))
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    heads = [(r["doc_id"], r["type"]) for r in lines if r["type"] in ("document", "error")]
    assert heads == [("binary.txt", "error"), ("blank.txt", "document"), ("empty.txt", "document"),
                     ("latin.txt", "document"), ("utf16.txt", "document"), ("nope.txt", "error")]
    assert result.returncode == 1
    latin = next(r for r in lines if r["doc_id"] == "latin.txt" and r["type"] == "document")
    assert latin["encoding"] == "cp1252" and [w["code"] for w in latin["warnings"]] == ["W001"]


def test_cli_stdin_and_published(tmp_path):
    result = cli("extract", "-", "--published", "2025-03-14", stdin=b"The summit was held on Tuesday in Rome.")
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert records[0]["doc_id"] == "-" and records[0]["reference_date"] == "2025-03-14"
    assert result.returncode == 0


def test_cli_invalid_published_is_a_usage_error_naming_the_value():
    result = cli("extract", "-", "--published", "2025-02-30", stdin=b"x")
    assert result.returncode == 2 and b"2025-02-30" in result.stderr


def test_cli_broken_pipe_stops_quietly(tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02d}.txt").write_text("Exports rose 4% in 2021 to $3bn.\n" * 20)
    cmd = f"{sys.executable} -m extractor extract {tmp_path} | head -n 1"
    result = subprocess.run(cmd, shell=True, capture_output=True)
    assert result.stdout.count(b"\n") == 1 and b"Traceback" not in result.stderr
