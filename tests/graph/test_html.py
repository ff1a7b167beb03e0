"""Query results and event lists as HTML tables in notebooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from conflict_kg.extract import Action, Event, InputError, Mention
from conflict_kg.graph import EventList, build_graph, html_table, load_ipython_extension, open_store, run_query

EVENTS = [Event(f"d{i}", 0, Action("shelled", "shell", "ASSAULT"), Mention(f"Rebels {i}")) for i in range(30)]
WHO = "SELECT ?who WHERE { ?a ckga:shell ?t . ?a rdfs:label ?who } ORDER BY ?who"
EVENTS_WITH_TARGETS = [
    Event(f"d{i}", 0, Action("shelled", "shell"), Mention(f"Rebels {i:02}"), Mention("Taiz")) for i in range(30)
]


@pytest.mark.parametrize("limit", [1, 20, 29])
def test_a_store_result_is_capped_with_a_count_of_the_rest(tmp_path: Path, limit: int) -> None:
    with open_store(tmp_path / "kg") as store:
        store.add_events(EVENTS_WITH_TARGETS)
        table = html_table(store.query(WHO), limit=limit)
    page = table._repr_html_()
    assert page.count("<tr>") == limit + 1  # the header row, then the rows shown
    assert f"... {30 - limit} more" in page
    assert "<td>Rebels 00</td>" in page


def test_a_short_result_has_no_more_line() -> None:
    page = html_table(run_query(build_graph(EVENTS_WITH_TARGETS[:3]), WHO))._repr_html_()
    assert page.count("<tr>") == 4 and "more" not in page


def test_ask_is_one_cell_and_construct_is_refused() -> None:
    g = build_graph(EVENTS[:1])
    assert html_table(run_query(g, "ASK { ?e a sem:Event }")).rows == (("true",),)
    with pytest.raises(InputError, match="CONSTRUCT"):
        html_table(run_query(g, "CONSTRUCT { ?e a sem:Event } WHERE { ?e a sem:Event }"))


def test_cells_are_escaped() -> None:
    page = html_table([{"who": "<script>alert(1)</script>"}])._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_event_list_shows_events_as_rows() -> None:
    events = EventList(EVENTS)
    page = events._repr_html_()
    assert "<th>actor</th>" in page and "<td>Rebels 0</td>" in page and "... 10 more" in page
    assert events == EVENTS  # still a plain list of events


def test_the_ipython_extension_registers_an_html_formatter() -> None:
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    load_ipython_extension(shell)
    data, _ = shell.display_formatter.format(run_query(build_graph(EVENTS_WITH_TARGETS[:2]), WHO))
    assert "<td>Rebels 01</td>" in data["text/html"]
