"""README: its commands are the ones CI runs, and its examples run as shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_readme_opens_with_two_setup_commands_that_ci_runs():
    """The first block holds exactly the install and test commands, and .ci/run runs both in order."""
    first = blocks("bash")[0].strip().splitlines()
    assert first == ['python -m pip install -e ".[dev]"', "python -m pytest"]
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert ci.index(first[0]) < ci.index(first[1])


@pytest.mark.slow
def test_python_example_runs(capsys):
    """The Python example prints the recapture relation as the README says."""
    code = blocks("python")[0]
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    assert "Government troops -> Iraq military military IRQ" in out
    assert "Iraq military recapture municipal building Fallujah 2016-06-17" in out


@pytest.mark.slow
def test_who_did_what_query_lists_the_recapture(tmp_path):
    """The README's SPARQL query over the seed's Turtle lists troops recapturing the building in Fallujah."""
    from conflict_kg.graph._cli import main

    out = tmp_path / "fallujah.ttl"
    assert (
        main(["extract", str(ROOT / "seeds" / "fallujah-2016-06-17.txt"), "--date", "2016-06-17", "-o", str(out)]) == 0
    )
    query = ROOT / "examples" / "queries" / "1-who-did-what.rq"
    shown = "".join(line for line in query.read_text(encoding="utf-8").splitlines(True) if not line.startswith("#"))
    assert blocks("sparql")[0] == shown, "README shows examples/queries/1-who-did-what.rq as it is"
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["query", str(out), "-f", str(query), "--format", "csv"]) == 0
    rows = [line.split(",") for line in buf.getvalue().splitlines()]
    assert any(
        r[0] == "Government troops"
        and r[2] == "recapture"
        and r[3] == "the municipal building"
        and r[4] == "Fallujah"
        and r[5] == "2016-06-17"
        for r in rows
    ), rows


def test_recommended_query_shapes_run_on_a_store(tmp_path, fallujah_events):
    """Each recommended query shape runs on the embedded store; the first finds the recapture in Fallujah."""
    from conflict_kg.graph import OxigraphStore, actor_iri, place_iri

    shapes = next(b for b in blocks("sparql") if "# events of one actor in one place" in b)
    queries = [q.strip() for q in re.split(r"\n\s*\n", shapes) if q.strip()]
    assert len(queries) >= 4
    recapture = fallujah_events[0]
    names = {"<ACTOR>": f"<{actor_iri(recapture.actor)}>", "<PLACE>": f"<{place_iri(recapture.place)}>"}
    with OxigraphStore(tmp_path / "store") as store:
        store.add_events(fallujah_events)
        results = [list(store.query(re.sub("<ACTOR>|<PLACE>", lambda m: names[m[0]], q))) for q in queries]
    assert [str(row[2]) for row in results[0]] == ["recapture"]  # type: ignore[index]
    assert [(row[0], int(row[1])) for row in results[1]] == [(place_iri(recapture.place), 1)]  # type: ignore[index]


def test_events_frame_of_a_store_example_runs(tmp_path, monkeypatch, fallujah_events):
    """The event-rows example reads a store into a frame with the README's columns, one row per event."""
    from conflict_kg.graph import EVENT_COLUMNS, open_store

    (code,) = [b for b in blocks("python") if "events_frame(store)" in b]
    monkeypatch.chdir(tmp_path)
    with open_store("conflict-kg-store") as store:
        store.add_events(fallujah_events)
    scope: dict[str, object] = {"__name__": "readme"}
    exec(compile(code, "README.md", "exec"), scope)
    frame = scope["df"]
    assert list(frame.columns) == list(EVENT_COLUMNS) and len(frame) == len(fallujah_events)
    for column in EVENT_COLUMNS:
        assert f"`{column}`" in README


def test_incidents_per_actor_per_month_query_runs_on_a_store(tmp_path):
    """The README's incident query counts one strike told by two agencies once, with its casualty range."""
    from conflict_kg.extract import Action, Event, Mention, Place, Time
    from conflict_kg.graph import OxigraphStore

    query = next(b for b in blocks("sparql") if "# incidents per actor per month" in b)
    qusayr = Place("Qusayr", "Qusayr", 170017, 34.5078, 36.5798, "SYR")
    drone = Mention("An Israeli drone", "Israel military", "military", "ISR")
    events = [
        Event(doc, 0, Action("struck", "strike", "ASSAULT"), drone, Mention("a truck"), qusayr,
              Time("on Monday", "2024-07-22"), doc_date=published, killed=killed)
        for doc, published, killed in (("ap", "2024-07-23", 3), ("reuters", "2024-07-24", 4))
    ]  # fmt: skip
    with OxigraphStore(tmp_path / "store") as store:
        store.add_events(events)
        rows = [tuple(str(v) for v in row) for row in store.query(query)]  # type: ignore[union-attr]
    assert rows == [("Israel military", "2024-07", "1", "3", "4")]


def test_python_examples_import_public_names_only():
    """README's Python (in its examples and in the prose) imports what the packages' ``__init__`` exports."""
    import conflict_kg.extract
    import conflict_kg.graph

    public = {"conflict_kg.extract": conflict_kg.extract.__all__, "conflict_kg.graph": conflict_kg.graph.__all__}
    imports = re.findall(r"from (conflict_kg[\w.]*) import ([\w, ]+)", README)
    assert len(imports) >= 3
    private = [
        (module, name.strip())
        for module, names in imports
        for name in names.split(",")
        if module not in public or name.strip() not in public[module]
    ]
    assert private == []
