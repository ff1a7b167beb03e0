"""Reading documents: text files, directories, JSON Lines corpora and stdin."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from conflict_kg.extract import DocumentError, InputError, read_documents
from conflict_kg.extract._documents import date_from_name, parse_jsonl, stdin_id


def test_text_file_takes_name_and_date_from_file_name(tmp_path):
    """A .txt article's id is its file name; a date in the name is its publication date."""
    path = tmp_path / "taiz-2017-02-11.txt"
    path.write_text("Houthi fighters shelled Taiz.", encoding="utf-8")
    (doc,) = read_documents([path])
    assert (doc.id, doc.date, doc.text) == (
        "taiz-2017-02-11.txt",
        dt.date(2017, 2, 11),
        "Houthi fighters shelled Taiz.",
    )


def test_explicit_date_wins(tmp_path):
    """--date overrides a date in the file name."""
    path = tmp_path / "a-2017-02-11.txt"
    path.write_text("x", encoding="utf-8")
    (doc,) = read_documents([path], date="2020-01-02")
    assert doc.date == dt.date(2020, 1, 2)


def test_directory_is_read_sorted(tmp_path):
    """A directory gives its .txt and .jsonl files in name order."""
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "date": "2020-01-01", "text": "C"}) + "\n")
    assert [d.id for d in read_documents([tmp_path])] == ["a.txt", "b.txt", "c1"]


def test_jsonl_lines_keep_their_dates(tmp_path):
    """Each JSONL line carries its own id and date; --date is only their default."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "d1", "date": "2018-04-05", "text": "x"}) + "\n\n" + json.dumps({"id": 7, "text": "y"}) + "\n"
    )
    docs = list(read_documents([path], date="2000-01-01"))
    assert [(d.id, d.date) for d in docs] == [("d1", dt.date(2018, 4, 5)), ("7", dt.date(2000, 1, 1))]


def test_stdin_text_and_jsonl(monkeypatch):
    """'-' reads stdin: plain text is one article named after its content, JSON objects are a corpus."""
    monkeypatch.setattr("sys.stdin", io.StringIO("Rebels shelled the airport."))
    (doc,) = read_documents(["-"])
    assert doc.id == stdin_id("Rebels shelled the airport.")
    monkeypatch.setattr("sys.stdin", io.StringIO("Rebels shelled the port."))
    (other,) = read_documents(["-"])
    assert other.id.startswith("stdin-") and other.id != doc.id
    monkeypatch.setattr("sys.stdin", io.StringIO("Rebels shelled the port."))
    (named,) = read_documents(["-"], doc_id="port-report")
    assert named.id == "port-report"
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "s1", "text": "x"}) + "\n"))
    assert [d.id for d in read_documents(["-"])] == ["s1"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", r"corpus.jsonl:2: not valid JSON"),
        (json.dumps({"id": "d2"}), r"corpus.jsonl:2: .*lacks the field"),
        (json.dumps({"id": "d2", "text": "x", "date": "05/04/2018"}), r"corpus.jsonl:2: .*ISO date"),
        (json.dumps(["a", "list"]), r"corpus.jsonl:2: a document must be a JSON object"),
    ],
)
def test_bad_jsonl_line_is_named(line, message):
    """A bad corpus line raises DocumentError naming the file and line."""
    lines = [json.dumps({"id": "d1", "text": "ok"}), line]
    with pytest.raises(DocumentError, match=message):
        list(parse_jsonl(lines, source="corpus.jsonl"))


def test_missing_input_and_empty_directory(tmp_path):
    """A missing path or a directory with no articles is an InputError that names it."""
    with pytest.raises(InputError, match=r"nope\.txt: does not exist"):
        list(read_documents([tmp_path / "nope.txt"]))
    with pytest.raises(InputError, match=r"holds no \.txt, \.html or \.jsonl"):
        list(read_documents([tmp_path]))


def test_bad_date_option():
    """A malformed --date names the value."""
    with pytest.raises(InputError, match="'2020-13-01'"):
        list(read_documents([], date="2020-13-01"))


def test_binary_file_is_refused(tmp_path):
    """Binary data is an InputError naming the file, not a crash or garbage text."""
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match=r"photo.txt: binary data, not text"):
        list(read_documents([path]))


@pytest.mark.parametrize(("name", "expected"), [("x-2016-06-17.txt", dt.date(2016, 6, 17)), ("2016-13-45.txt", None)])
def test_date_from_name(name, expected):
    """Only a valid YYYY-MM-DD in a file name is a date."""
    assert date_from_name(name) == expected
