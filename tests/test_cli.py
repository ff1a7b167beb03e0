"""Tests of the conflict-kg command line (conflict_kg.graph._cli)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conflict_kg.extract import Action, Event, InputError, Mention
from conflict_kg.graph import build_graph, serialize, to_networkx
from conflict_kg.graph._cli import main
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]

#: The README query: who did what to whom, where and when.
WHO_DID_WHAT = """
SELECT ?actor ?action ?target ?place ?date ?modality WHERE {
  ?event a sem:Event ;
         ckg:actionLemma ?action ;
         ckg:modality ?modality ;
         ckg:actor/rdfs:label ?actor .
  OPTIONAL { ?event ckg:target/rdfs:label ?target }
  OPTIONAL { ?event sem:hasPlace/rdfs:label ?place }
  OPTIONAL { ?event sem:hasTimeStamp ?date }
}
ORDER BY ?date ?actor ?action
"""


def _fake_events(doc, document) -> list[Event]:
    """One event per document, naming the document's first word as actor."""
    if "BOOM" in document.text:
        raise InputError(f"document {document.id!r} cannot be read")
    return [
        Event(
            document.id,
            0,
            Action("shelled", "shell"),
            actor=Mention(document.text.split()[0]),
            target=Mention("Taiz"),
            doc_date=document.date,
        )
    ]


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the extraction rules (spaCy still parses) with _fake_events."""
    monkeypatch.setattr("conflict_kg.extract._pipeline.events_from_doc", _fake_events)


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    """Two plain-text articles."""
    paths = [tmp_path / "a-2017-02-11.txt", tmp_path / "b.txt"]
    paths[0].write_text("Rebels shelled Taiz.")
    paths[1].write_text("Houthis shelled Taiz.")
    return paths


def _one_error_line(err: str, *words: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("conflict-kg: error: "), err
    for word in words:
        assert word in lines[0]


# ------------------------------------------------------------------ extract


def test_extract_jsonl_to_stdout(
    fake_extractor: None, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without -o, one prediction line per event goes to stdout."""
    assert main(["extract", *map(str, articles)]) == 0
    events = [Event.from_dict(json.loads(line)) for line in capsys.readouterr().out.splitlines()]
    assert [(e.doc, e.actor.text if e.actor else None) for e in events] == [
        ("a-2017-02-11.txt", "Rebels"),
        ("b.txt", "Houthis"),
    ]
    assert str(events[0].doc_date) == "2017-02-11"


@pytest.mark.parametrize(
    ("name", "fmt", "parse_as"),
    [
        ("out.ttl", None, "turtle"),
        ("out.nt", None, "nt"),
        ("out.jsonld", None, "json-ld"),
        ("out.rdf", "turtle", "turtle"),
    ],
)
def test_extract_rdf_file(
    fake_extractor: None, articles: list[Path], tmp_path: Path, name: str, fmt: str | None, parse_as: str
) -> None:
    """RDF output: the format from --format, else from the -o suffix."""
    out = tmp_path / name
    argv = ["extract", *map(str, articles), "--date", "2020-01-01", "-o", str(out)]
    assert main(argv + (["--format", fmt] if fmt else [])) == 0
    graph = Graph().parse(out, format=parse_as)
    assert "Houthis" in {str(o) for o in graph.objects()}


def test_extract_jsonl_corpus_and_stdin(
    fake_extractor: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A .jsonl corpus read from stdin gives one line per event with the corpus ids."""
    import io

    corpus = (
        '{"id": "d1", "date": "2018-04-05", "text": "Regime shelled Douma."}\n'
        '{"id": "d2", "date": "2018-04-06", "text": "Rebels shelled Afrin."}\n'
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(corpus))
    assert main(["extract", "-"]) == 0
    docs = [json.loads(line)["doc"] for line in capsys.readouterr().out.splitlines()]
    assert docs == ["d1", "d2"]


def test_failed_extract_leaves_no_file(
    fake_extractor: None, articles: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error in the second document leaves no output file and one error line."""
    articles[1].write_text("BOOM shelled Taiz.")
    out = tmp_path / "out.jsonl"
    assert main(["extract", *map(str, articles), "-o", str(out)]) == 1
    _one_error_line(capsys.readouterr().err, "'b.txt' cannot be read")
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["extract", "missing.txt", "--strict"], ["missing.txt: does not exist", "--strict"]),
        (["extract", "x.txt", "--date", "2016-13-45"], ["--date", "'2016-13-45'"]),
        (["extract", "x.txt", "--workers", "0"], ["--workers", "'0'"]),
        (["extract", "x.txt", "-o", "out.docx"], ["'.docx'", "--format"]),
        (["extract", "x.txt", "--format", "xml"], ["invalid choice: 'xml'"]),
        (["frobnicate"], ["invalid choice: 'frobnicate'"]),
        ([], ["required"]),
    ],
)
def test_usage_errors_are_one_line(argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Bad arguments give one error line and a non-zero status."""
    assert main(argv) != 0
    _one_error_line(capsys.readouterr().err, *words)


def test_unwritable_output_is_one_line(
    fake_extractor: None, articles: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An -o in a missing folder is one error line naming it."""
    assert main(["extract", str(articles[0]), "-o", str(tmp_path / "nope" / "out.ttl")]) == 1
    _one_error_line(capsys.readouterr().err, "nope", "does not exist")


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """--help prints usage and returns 0."""
    assert main(["--help"]) == 0
    assert "extract" in capsys.readouterr().out


# ------------------------------------------------------------------ query


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    """A Turtle file with one recapture event."""
    ev = Event(
        "d00",
        1,
        Action("recaptured", "recapture"),
        actor=Mention("Government troops"),
        target=Mention("the municipal building"),
    )
    path = tmp_path / "g.ttl"
    path.write_text(serialize(build_graph([ev])))
    return path


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("table", "Government troops  recapture"),
        ("csv", "Government troops,recapture"),
        ("json", '"value": "recapture"'),
    ],
)
def test_query_formats(graph_file: Path, fmt: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    """query prints SELECT results as table, CSV or JSON."""
    assert main(["query", str(graph_file), WHO_DID_WHAT, "--format", fmt]) == 0
    assert expected in capsys.readouterr().out


def test_query_from_file(graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-f reads the query from a .rq file; every positional is then a graph file."""
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?a ckga:recapture ?t }")
    assert main(["query", str(graph_file), str(graph_file), "-f", str(rq)]) == 0
    assert capsys.readouterr().out == "true\n"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["SELECT ?x WHERE { ?x ?y }"], ["syntax error", "line 1"]),
        (["SELECT ?x WHERE { ?x nope:p ?y }"], ["nope"]),
        ([], ["SPARQL query"]),
    ],
)
def test_query_errors_are_one_line(
    graph_file: Path, args: list[str], words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad SPARQL or a missing query gives one error line."""
    assert main(["query", str(graph_file), *args]) == 1
    _one_error_line(capsys.readouterr().err, *words)


def test_query_missing_files_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing graph file, or a missing query file, is one error line naming it."""
    assert main(["query", str(tmp_path / "none.ttl"), "ASK {}"]) == 1
    _one_error_line(capsys.readouterr().err, "none.ttl")
    graph = tmp_path / "g.ttl"
    graph.write_text("")
    assert main(["query", str(graph), "-f", str(tmp_path / "none.rq")]) == 1
    _one_error_line(capsys.readouterr().err, "No such file", "none.rq")


def test_interrupt_is_one_line(
    graph_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C ends with one line and status 130."""

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("conflict_kg.graph._query.run_query", interrupted)
    assert main(["query", str(graph_file), "ASK {}"]) == 130
    _one_error_line(capsys.readouterr().err, "interrupted")


# ------------------------------------------------------------------ end to end


@pytest.mark.slow
def test_seed_article_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The seed gives 'government troops recapture the municipal building in Fallujah' in SPARQL and networkx."""
    out = tmp_path / "fallujah.ttl"
    seed = ROOT / "seeds" / "fallujah-2016-06-17.txt"
    assert main(["extract", str(seed), "--date", "2016-06-17", "-o", str(out)]) == 0
    # the README query, with the surface text of the actor added (its label is the normalized name)
    query = WHO_DID_WHAT.replace("?modality WHERE {", "?modality ?actorText WHERE { ?event ckg:actorText ?actorText .")
    assert main(["query", str(out), query, "--format", "json"]) == 0
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(capsys.readouterr().out)["results"]["bindings"]]
    hits = [
        r
        for r in rows
        if r["action"] == "recapture"
        and r["actorText"] == "Government troops"
        and "municipal building" in r.get("target", "")
        and "fallujah" in _ascii(r.get("place", ""))
    ]
    assert hits, rows
    assert hits[0].get("date") == "2016-06-17" and hits[0]["modality"].endswith("#asserted")

    from conflict_kg.graph import load_graph

    view = to_networkx(load_graph([out]))
    edges = [d for _, _, d in view.edges(data=True) if d["relation"] == "action" and d["action"] == "recapture"]
    assert any(
        d["actor"] == "Iraq military"
        and d["sentence"].startswith("Government troops")
        and d["target"].endswith("municipal building")
        and "fallujah" in _ascii(d.get("location", ""))
        for d in edges
    ), edges


def _ascii(text: str) -> str:
    """Lower case without accents: 'Al Fallūjah' -> 'al fallujah'."""
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@pytest.mark.parametrize(("items", "shown"), [([1], False), ([1, 2, 3], True)])
def test_progress_bar_only_from_the_second_document(
    items: list[int], shown: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bar appears (on stderr) only when there is more than one document, and passes items through."""
    from conflict_kg.graph._cli_common import progress

    assert list(progress(iter(items), enabled=True)) == items
    assert ("doc" in capsys.readouterr().err) == shown
    assert list(progress(iter(items), enabled=False)) == items
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------ evaluate


def test_evaluate_scores_a_prediction_file(tmp_path, capsys):
    """`evaluate GOLD --pred FILE` prints the figures and, with --show-errors, the errors."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "d1",
                "date": "2020-01-01",
                "text": "Rebels shelled the airport.",
                "events": [
                    {
                        "actor": "rebels",
                        "action": "shell",
                        "target": "airport",
                        "place": None,
                        "date": None,
                        "modality": "asserted",
                    }
                ],
            }
        )
        + "\n"
    )
    preds = tmp_path / "pred.jsonl"
    preds.write_text(
        json.dumps(
            {
                "doc": "d1",
                "actor": {"text": "Police"},
                "action": {"lemma": "arrest"},
                "target": None,
                "modality": "asserted",
            }
        )
        + "\n"
    )
    assert main(["evaluate", str(gold), "--pred", str(preds), "--show-errors"]) == 0
    out = capsys.readouterr().out
    assert "MISS d1:" in out and "EXTRA d1:" in out and "f1=0.0" in out


def test_evaluate_bad_gold_is_one_line(tmp_path, capsys):
    """A malformed gold file is one error line naming the file and line."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{oops\n")
    assert main(["evaluate", str(gold)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gold.jsonl:1" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        pytest.param("{oops\n", ["pred.jsonl:1", "not valid JSON"], id="not-json"),
        pytest.param('{"doc": "d1"}\n', ["pred.jsonl:1", "needs", "action"], id="no-action"),
        pytest.param('\n["a list"]\n', ["pred.jsonl:2", "needs"], id="not-an-object"),
    ],
)
def test_evaluate_bad_predictions_are_one_line(tmp_path, capsys, content, words):
    """A malformed --pred file is one error line naming the file, the line and what a line needs."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "date": "2020-01-01", "text": "x", "events": []}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(content)
    assert main(["evaluate", str(gold), "--pred", str(pred)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("conflict-kg: error: ")
    assert all(word in err for word in words), err


def test_version(capsys):
    """--version prints the installed distribution's version and exits 0."""
    from importlib.metadata import version

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"conflict-kg {version('conflict-kg')}"
