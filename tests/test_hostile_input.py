"""Bad input costs only itself; nothing is lost or clobbered (issue 8), through the real command line.

Each bad input is one ``conflict-kg: skipped: ...`` line on stderr naming it, the
good documents of the run are still extracted and written, the run ends with one
``conflict-kg: done: ...`` line and exit status 1; ``--strict`` stops at the first
bad input instead. Most cases run ``main(argv)`` in this process with the real
spaCy model; signals and worker processes run the installed ``conflict-kg`` as a
subprocess.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conflict_kg.extract import stdin_id
from conflict_kg.graph._cli import main

pytestmark = pytest.mark.slow

SEED = Path(__file__).resolve().parent.parent / "seeds" / "fallujah-2016-06-17.txt"
#: Two sentences whose events are known: the actor of the first is "Houthi fighters".
TAIZ = "Houthi fighters shelled the airport in Taiz on Tuesday. Government troops recaptured the port of Aden."
ARABIC = "قصفت القوات الحكومية مدينة حلب يوم الثلاثاء وقتل عشرة مدنيين في الهجوم على السوق."
FRENCH = (
    "Les forces gouvernementales ont bombardé la ville mardi, tuant dix civils dans le quartier nord, selon "
    "un porte-parole de l'armée qui a affirmé que les rebelles avaient tiré les premiers sur les soldats."
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], list[str]]:
    """Exit status, the JSON events on stdout and the stderr lines of ``conflict-kg ARGV``."""
    status = main(argv)
    captured = capsys.readouterr()
    events = [json.loads(line) for line in captured.out.splitlines()]
    return status, events, captured.err.splitlines()


def _lines(err: list[str], kind: str) -> list[str]:
    return [line for line in err if line.startswith(f"conflict-kg: {kind}: ")]


def _summary(err: list[str]) -> str:
    """The closing line, which must be the last one."""
    assert err and err[-1].startswith("conflict-kg: done: "), err
    return err[-1]


def _actors(events: list[dict], doc: str) -> list[str]:
    return [e["actor"]["text"] for e in events if e["doc"] == doc and "actor" in e]


def _long_article(chars: int) -> str:
    """The seed's paragraphs repeated, one blank line apart, to ``chars`` characters and more."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    out: list[str] = []
    size = 0
    while size < chars:
        for paragraph in paragraphs:
            out.append(paragraph)
            size += len(paragraph) + 2
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def seed_events() -> list[dict]:
    """The seed's events, extracted alone."""
    from conflict_kg.extract import extract_events

    return [e.to_dict() for e in extract_events(SEED.read_text(encoding="utf-8"), date="2016-06-17", doc_id=SEED.name)]


# ------------------------------------------------------------------ the check, and long articles


def test_seed_beside_a_long_article_and_a_binary_file(
    tmp_path: Path, seed_events: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    """A 1.2-million-character article is read in pieces, a binary file is one error line, the seed's events stay."""
    long = tmp_path / "long-2016-06-18.txt"
    long.write_text(_long_article(1_200_000), encoding="utf-8")
    photo = tmp_path / "photo.txt"
    photo.write_bytes(PNG)
    out = tmp_path / "events.jsonl"
    status, _, err = _run(["extract", str(SEED), str(long), str(photo), "-o", str(out)], capsys)
    assert status == 1
    assert _lines(err, "skipped") == [
        f"conflict-kg: skipped: {photo}: binary data, not text; give text, HTML or JSON Lines files"
    ]
    assert _summary(err).startswith("conflict-kg: done: read 2 document(s), skipped 1 input(s), wrote ")
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [e for e in events if e["doc"] == SEED.name] == seed_events
    long_events = [e for e in events if e["doc"] == long.name]
    # the long article repeats the seed about 580 times: its events repeat, with offsets into the whole text
    text = long.read_text(encoding="utf-8")
    assert len(long_events) > 100 * len(seed_events)
    last = long_events[-1]["action"]
    assert last["start"] > 1_000_000 and text[last["start"] : last["end"]] in last["text"]


def test_long_jsonl_record_with_two_workers(
    tmp_path: Path, seed_events: list[dict], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON Lines record over the model's max_length is read in pieces by the worker processes too.

    The model's limit is lowered to 50,000 characters (the forked workers share it), so
    that a 120,000-character record costs seconds, not minutes, to show it.
    """
    from conflict_kg.extract import load_model

    monkeypatch.setattr(load_model(), "max_length", 50_000)
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "long", "date": "2016-06-18", "text": _long_article(120_000)},
        {"id": "seed", "date": "2016-06-17", "text": SEED.read_text(encoding="utf-8")},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    status, _, err = _run(["extract", str(corpus), "--workers", "2", "-o", str(out)], capsys)
    assert status == 0
    assert err == ["conflict-kg: done: read 2 document(s), skipped 0 input(s), wrote " + err[-1].split("wrote ")[1]]
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [{k: v for k, v in e.items() if k != "doc"} for e in events if e["doc"] == "seed"] == [
        {k: v for k, v in e.items() if k != "doc"} for e in seed_events
    ]
    long_events = [e for e in events if e["doc"] == "long"]
    assert len(long_events) > 40 * len(seed_events)
    last = long_events[-1]["action"]  # offsets into the whole text, past the pieces before it
    assert last["start"] > 100_000 and records[0]["text"][last["start"] : last["end"]] in last["text"]


# ------------------------------------------------------------------ encodings, binary, HTML, language


@pytest.mark.parametrize(
    ("name", "data", "warning"),
    [
        ("bom.txt", b"\xef\xbb\xbf" + TAIZ.encode("utf-8"), None),
        ("cp1252.txt", (TAIZ + " The café\u2019s owner fled.").encode("cp1252"), "not UTF-8; read as "),
        ("latin1.txt", (TAIZ + " Le café était fermé.").encode("latin-1"), "not UTF-8; read as "),
        ("utf16.txt", TAIZ.encode("utf-16"), "not UTF-8; read as utf_16"),
    ],
)
def test_encodings(
    tmp_path: Path, name: str, data: bytes, warning: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """UTF-8 with a BOM reads clean; other encodings are detected, said on stderr, and read."""
    path = tmp_path / name
    path.write_bytes(data)
    status, events, err = _run(["extract", str(path)], capsys)
    assert status == 0
    assert _actors(events, name)[0] == "Houthi fighters"  # no BOM glued to the first actor
    assert _lines(err, "skipped") == []
    warnings = _lines(err, "warning")
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and f"{path}: {warning}" in warnings[0] and "charset-normalizer" in warnings[0]


def test_binary_files_are_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Binary data, whatever its suffix, is one line per file; a binary JSONL file is one line, not one per line."""
    (tmp_path / "a.txt").write_text(TAIZ, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "zeros.txt").write_bytes(bytes(4096))
    (tmp_path / "dump.jsonl").write_bytes(PNG + b"\n" + PNG + b"\n")
    status, events, err = _run(["extract", str(tmp_path)], capsys)
    assert status == 1
    skipped = _lines(err, "skipped")
    assert [line.split(": ")[2] for line in skipped] == [
        str(tmp_path / "dump.jsonl"),
        str(tmp_path / "image.txt"),
        str(tmp_path / "zeros.txt"),
    ]
    assert all("binary data, not text" in line for line in skipped)
    assert _actors(events, "a.txt")[0] == "Houthi fighters"
    assert "read 1 document(s), skipped 3 input(s)" in _summary(err)


def test_utf16_jsonl_is_refused_with_the_command_that_converts_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON Lines must be UTF-8: a UTF-16 corpus is one line saying so and how to convert it."""
    corpus = tmp_path / "wide.jsonl"
    corpus.write_bytes((json.dumps({"id": "w", "text": TAIZ}) + "\n").encode("utf-16"))
    status, events, err = _run(["extract", str(corpus)], capsys)
    assert (status, events) == (1, [])
    (line,) = _lines(err, "skipped")
    assert f"{corpus}: JSON Lines must be UTF-8, this file is UTF-16" in line and "iconv -f UTF-16" in line


def test_html_becomes_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An .html page and markup in a JSONL text are read as the text a reader sees; no tag reaches an actor."""
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Yemen</title><script>var troops = 1;</script></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><p>{TAIZ}</p></article></body></html>",
        encoding="utf-8",
    )
    corpus = tmp_path / "web.jsonl"
    corpus.write_text(
        json.dumps({"id": "web1", "text": "<div><p><b>Houthi fighters</b> shelled Taiz.</p></div>"}) + "\n"
    )
    status, events, err = _run(["extract", str(page), str(corpus)], capsys)
    assert status == 0, err
    assert _actors(events, "page.html")[0] == "Houthi fighters"
    assert _actors(events, "web1") == ["Houthi fighters"]
    assert not [e for e in events if "<" in json.dumps(e.get("actor", {})) or "var troops" in e["evidence"]]


def test_html_without_text_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page with nothing to read is one line naming it."""
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>x()</script></head><body><img src='a.png'></body></html>")
    status, _, err = _run(["extract", str(page)], capsys)
    assert status == 1
    assert _lines(err, "skipped") == [
        f"conflict-kg: skipped: {page}: the HTML page holds no text; give the article's text or its page"
    ]


@pytest.mark.parametrize(("text", "language"), [(ARABIC, "Arabic (ar"), (FRENCH, "French (fr")])
def test_non_english_is_skipped_with_a_warning(
    tmp_path: Path, text: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text in another language is skipped with one line naming the language; --any-language reads it anyway."""
    (tmp_path / "en.txt").write_text(TAIZ, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(text, encoding="utf-8")
    status, events, err = _run(["extract", str(tmp_path)], capsys)
    assert status == 1
    (line,) = _lines(err, "skipped")
    assert line.startswith(f"conflict-kg: skipped: {other}: the text looks {language}") and "--any-language" in line
    assert {e["doc"] for e in events} == {"en.txt"}
    status, _, err = _run(["extract", str(tmp_path), "--any-language"], capsys)
    assert status == 0 and _lines(err, "skipped") == []


# ------------------------------------------------------------------ JSON Lines, --strict


def test_bad_lines_cost_only_themselves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Malformed JSON, a record without text and a bad date are one line each; a Latin-1 line is read and said."""
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "d1", "date": "2017-02-11", "text": TAIZ}).encode(),
        b'{"id": "d2", "text": "unterminated',
        json.dumps({"id": "d3"}).encode(),
        json.dumps({"id": "d4", "date": "11/02/2017", "text": TAIZ}).encode(),
        json.dumps({"id": "d5", "text": "Gunmen attacked the caf\u00e9 in Kidal."}, ensure_ascii=False).encode(
            "latin-1"
        ),
        json.dumps({"id": "d6", "date": "2017-02-12", "text": TAIZ}).encode(),
    ]
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.ttl"
    status, _, err = _run(["extract", str(corpus), "-o", str(out)], capsys)
    assert status == 1
    skipped = _lines(err, "skipped")
    assert [line.split(": ")[2] for line in skipped] == [f"{corpus}:{n}" for n in (2, 3, 4)]
    assert (
        "not valid JSON" in skipped[0] and "lacks the field(s) ['text']" in skipped[1] and "'11/02/2017'" in skipped[2]
    )
    assert all(line.endswith("fix or remove the line") for line in skipped)
    assert _lines(err, "warning") == [
        f"conflict-kg: warning: {corpus}:5: not UTF-8; read as cp1252 (detected by charset-normalizer); "
        "save it as UTF-8 to be sure of its text"
    ]
    assert "read 3 document(s), skipped 3 input(s)" in _summary(err)
    turtle = out.read_text(encoding="utf-8")
    assert all(f'"{doc}"' in turtle for doc in ("d1", "d5", "d6")) and '"d4"' not in turtle
    assert "café" in turtle


def test_strict_stops_at_the_first_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--strict: the first bad input is one error line, exit 1, and no output file (not half a one)."""
    (tmp_path / "a.txt").write_text(TAIZ, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(PNG)
    (tmp_path / "c.txt").write_text(TAIZ, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status, _, err = _run(["extract", str(tmp_path), "--strict", "-o", str(out)], capsys)
    assert status == 1
    assert err == [
        f"conflict-kg: error: {tmp_path / 'b.txt'}: binary data, not text; give text, HTML or JSON Lines files "
        "(--strict stops at the first bad input)"
    ]
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl.*"))


# ------------------------------------------------------------------ nothing clobbered


def test_output_that_is_an_input_is_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o naming an input (or a file of an input directory) is refused, and the input is left as it was."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "d1", "text": TAIZ}) + "\n", encoding="utf-8")
    before = corpus.read_bytes()
    for argv in (
        ["extract", str(corpus), "-o", str(corpus)],
        ["extract", str(tmp_path), "-o", str(corpus)],
        ["extract", str(corpus), "-o", f"{tmp_path}/../{tmp_path.name}/corpus.jsonl", "--format", "jsonl"],
    ):
        status, events, err = _run([*argv, "--model", "no_such_model"], capsys)  # refused before loading a model
        assert (status, events) == (1, [])
        assert err == [
            f"conflict-kg: error: the output {argv[argv.index('-o') + 1]!r} is the input {str(corpus)!r}: "
            "writing it would destroy the input; choose another output file"
        ]
    assert corpus.read_bytes() == before


def test_duplicate_ids_are_refused_naming_both_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A second document with an id already read is skipped; the line names where each one came from."""
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = tmp_path / "one" / "report.txt"
    second = tmp_path / "two" / "report.txt"
    first.write_text(TAIZ, encoding="utf-8")
    second.write_text("Rebels shelled the port of Hodeidah on Monday, residents said.", encoding="utf-8")
    corpus = tmp_path / "more.jsonl"
    corpus.write_text(json.dumps({"id": "report.txt", "text": "Troops entered Aden."}) + "\n", encoding="utf-8")
    status, events, err = _run(["extract", str(first), str(second), str(corpus)], capsys)
    assert status == 1
    assert _lines(err, "skipped") == [
        f"conflict-kg: skipped: {where}: document id 'report.txt' was already read from {first}; give one of them "
        'another id (rename the file, change its "id", or --id for stdin)'
        for where in (second, f"{corpus}:1")
    ]
    assert {e["evidence"] for e in events} <= set(TAIZ.split(". ")) | {s + "." for s in TAIZ.split(". ")}


def test_stdin_documents_get_an_id_from_their_content(tmp_path: Path) -> None:
    """Two texts piped in get two ids (the second does not replace the first); --id names one."""
    runs = [
        _cli(["extract", "-"], stdin=TAIZ),
        _cli(["extract", "-"], stdin="Rebels shelled the port of Hodeidah on Monday."),
        _cli(["extract", "-", "--id", "hodeidah-report"], stdin="Rebels shelled the port of Hodeidah on Monday."),
    ]
    docs = [{json.loads(line)["doc"] for line in run.stdout.splitlines()} for run in runs]
    assert docs == [{stdin_id(TAIZ)}, {stdin_id("Rebels shelled the port of Hodeidah on Monday.")}, {"hodeidah-report"}]
    assert [run.returncode for run in runs] == [0, 0, 0]


def test_id_without_stdin_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--id only names a document read from stdin: said before any model is loaded."""
    (tmp_path / "a.txt").write_text(TAIZ, encoding="utf-8")
    status, _, err = _run(["extract", str(tmp_path / "a.txt"), "--id", "x", "--model", "no_such_model"], capsys)
    assert status == 1
    assert err == ["conflict-kg: error: --id 'x' names the article read from stdin; give - among the inputs"]


def test_ingest_skips_bad_input_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ingest: the good documents go into the store, each bad one is one line, exit 1."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TAIZ, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(PNG)
    store = tmp_path / "store"
    status = main(["ingest", str(tmp_path / "in"), "--store", str(store)])
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert status == 1 and captured.out.startswith("ingested 1 document(s)")
    assert len(_lines(err, "skipped")) == 1
    assert _summary(err).startswith("conflict-kg: done: read 1 document(s), skipped 1 input(s), wrote ")
    status, out, _ = _run(["stats", "--store", str(store), "--json"], capsys)
    assert status == 0 and out[0]["documents"] == 1


# ------------------------------------------------------------------ signals and workers


def _cli(argv: list[str], *, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conflict_kg.graph._cli", *argv],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _start(argv: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "conflict_kg.graph._cli", *argv],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a terminal's Ctrl-C reaches the whole group: killpg does the same
    )


def _wait_for(condition, what: str, timeout: float = 300) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


@pytest.fixture
def many_articles(tmp_path: Path) -> Path:
    """A folder of 400 copies of the seed: long enough to interrupt."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for n in range(400):
        (folder / f"article-{n:03}.txt").write_text(text.replace("Fallujah", f"Fallujah{n}"), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("signum", "workers", "group"),
    [
        (signal.SIGTERM, "1", False),
        (signal.SIGTERM, "2", False),
        (signal.SIGINT, "2", True),  # Ctrl-C: the whole process group, workers included
        (signal.SIGTERM, "2", True),  # `kill -- -PGID`
    ],
)
def test_stopping_a_run_leaves_no_part_file_and_no_traceback(
    many_articles: Path, tmp_path: Path, signum: int, workers: str, group: bool
) -> None:
    """SIGTERM or Ctrl-C while writing: the hidden .part file is removed, one line on stderr, no traceback."""
    out = tmp_path / "out.jsonl"
    proc = _start(["extract", str(many_articles), "--workers", workers, "-o", str(out)], tmp_path)
    _wait_for(lambda: any(tmp_path.glob(".out.jsonl.*.part")) or proc.poll() is not None, "the .part file")
    time.sleep(1.0)  # some articles extracted and written
    if group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum, err
    name = "interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}"
    assert err.splitlines() == [f"conflict-kg: error: {name}"]
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in"]


def test_finishing_a_workers_run_into_a_closed_pipe_is_quiet(many_articles: Path, tmp_path: Path) -> None:
    """`conflict-kg extract --workers 2 ... | head -1`: one line out, no traceback."""
    pipeline = subprocess.run(
        f"{sys.executable} -m conflict_kg.graph._cli extract {many_articles} --workers 2 | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=tmp_path,
    )
    assert len(pipeline.stdout.splitlines()) == 1
    assert "Traceback" not in pipeline.stderr and "Error" not in pipeline.stderr, pipeline.stderr
