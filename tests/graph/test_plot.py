"""The three pictures: from events, a graph file and a store; filters; no network while drawing."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conflict_kg.extract import Action, Event, InputError, Mention, Place, Time
from conflict_kg.extract._classes import CATEGORIES
from conflict_kg.graph import (
    CLASS_COLOURS,
    ExportError,
    PlotEvent,
    build_graph,
    events_frame,
    filter_events,
    load_graph,
    map_figure,
    network_figure,
    open_store,
    plot_events,
    serialize,
    timeline_figure,
    write_figure,
)
from conflict_kg.graph._cli import main

FALLUJAH = Place("Fallujah", lat=33.35, lon=43.79, country="IRQ")
MOSUL = Place("Mosul", lat=36.34, lon=43.13, country="IRQ")
IDLIB = Place("Idlib", lat=35.93, lon=36.63, country="SYR")


def _event(doc: str, n: int, lemma: str, cls: str, actor: str, target: str, place: Place, day: int) -> Event:
    return Event(
        doc,
        n,
        Action(lemma + "ed", lemma, cls),
        actor=Mention(actor),
        target=Mention(target),
        place=place,
        time=Time("on that day", dt.date(2024, 3, day)),
    )


EVENTS = [
    _event("d1", 1, "shell", "ASSAULT", "Iraqi army", "Islamic State", FALLUJAH, 1),
    _event("d1", 2, "shell", "ASSAULT", "Iraqi army", "Islamic State", FALLUJAH, 1),
    _event("d1", 3, "arrest", "COERCE", "Iraqi police", "three suspects", MOSUL, 2),
    _event("d2", 1, "bomb", "ASSAULT", "Russian warplanes", "a market", IDLIB, 9),
    _event("d2", 2, "condemn", "ACCUSE", "Turkey", "Russian warplanes", IDLIB, 10),
    _event("d3", 1, "meet", "CONSULT", "Turkey", "Russia", IDLIB, 20),
]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "events.ttl"
    path.write_text(serialize(build_graph(EVENTS), "turtle"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "kg"
    with open_store(path) as store:
        store.add_events(EVENTS)
    return path


@pytest.fixture(params=["events", "graph file", "store", "frame"])
def source(request: pytest.FixtureRequest, graph_file: Path, store_dir: Path) -> Iterator[Any]:
    if request.param == "events":
        yield EVENTS
    elif request.param == "graph file":
        yield load_graph([graph_file])
    elif request.param == "frame":
        yield events_frame(EVENTS)
    else:
        with open_store(store_dir, create=False) as store:
            yield store


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawing must not reach out: any connection attempt fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access while drawing: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _bars(fig: Any) -> int:
    return sum(1 for container in fig.axes[0].containers for bar in container if bar.get_height() > 0)


def _points(fig: Any) -> int:
    return len(fig.axes[0].collections[1].get_offsets())


def _arrows(fig: Any) -> int:
    from matplotlib.patches import FancyArrowPatch

    return sum(isinstance(p, FancyArrowPatch) for p in fig.axes[0].patches)


def test_the_socket_guard_bites() -> None:
    with pytest.raises(AssertionError, match="network access"):
        socket.create_connection(("127.0.0.1", 9))


def test_every_source_gives_the_same_rows(source: Any) -> None:
    rows = plot_events(source)
    assert sorted((r.date, r.plover, r.actor_label, r.target_label, r.place_label) for r in rows) == sorted(
        (r.date, r.plover, r.actor_label, r.target_label, r.place_label) for r in plot_events(EVENTS)
    )


def test_timeline_from_each_source(source: Any) -> None:
    fig = timeline_figure(source, period="day")
    # days 1 (ASSAULT), 2 (COERCE), 9 (ASSAULT), 10 (ACCUSE), 20 (CONSULT): one bar each
    assert _bars(fig) == 5
    assert {t.get_text() for t in fig.axes[0].get_legend().get_texts()} == {"ASSAULT", "COERCE", "ACCUSE", "CONSULT"}
    assert "per day" in fig.axes[0].get_title(loc="left")


def test_map_from_each_source(source: Any) -> None:
    if hasattr(source, "columns"):  # a frame: the map reads lat and lon columns
        source["lat"] = [e.place.lat if e.place else None for e in EVENTS]
        source["lon"] = [e.place.lon if e.place else None for e in EVENTS]
    fig = map_figure(source)
    # Fallujah: ASSAULT; Mosul: COERCE; Idlib: ASSAULT, ACCUSE, CONSULT -> five nested circles
    assert _points(fig) == 5
    x0, x1 = fig.axes[0].get_xlim()
    y0, y1 = fig.axes[0].get_ylim()
    assert x0 < 36.63 and x1 > 43.79 and y0 < 33.35 and y1 > 36.34
    assert x1 - x0 < 40, "zoomed to the data, not the world"
    names = {t.get_text() for t in fig.axes[0].texts}
    assert {"Fallujah", "Idlib"} <= names and "IRAQ" in names


def test_network_from_each_source(source: Any) -> None:
    fig = network_figure(source)
    # six events, five distinct actor -> target -> class edges (the two shellings are one, wider)
    assert _arrows(fig) == 5
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert {"Iraqi army", "Islamic State", "Turkey", "Russia"} <= labels


@pytest.mark.parametrize(
    ("filters", "bars", "points", "arrows"),
    [
        ({}, 5, 5, 5),
        ({"actor": "turkey"}, 2, 2, 2),
        ({"place": "Syria"}, 3, 3, 3),
        ({"place": "mosul"}, 1, 1, 1),
        ({"plover": "assault"}, 2, 2, 2),
        ({"since": "2024-03-02", "until": "2024-03-10"}, 3, 3, 3),
        ({"actor": "nobody"}, 0, 0, 0),
    ],
)
def test_filters_change_what_is_drawn(filters: dict[str, str], bars: int, points: int, arrows: int) -> None:
    assert _bars(timeline_figure(EVENTS, period="day", **filters)) == bars
    assert _points(map_figure(EVENTS, **filters)) == points
    assert _arrows(network_figure(EVENTS, **filters)) == arrows


def test_network_keeps_the_k_most_active_actors() -> None:
    fig = network_figure(EVENTS, k=1)
    labels = {t.get_text() for t in fig.axes[0].texts}
    # Iraqi army and Turkey have two events each; the tie goes to the label first in order
    assert "Iraqi army" in labels and "Turkey" not in labels


def test_weekly_and_monthly_periods_sum_the_days() -> None:
    week = timeline_figure(EVENTS, period="week")
    heights = sum(bar.get_height() for c in week.axes[0].containers for bar in c)
    assert heights == len(EVENTS)
    assert "per week" in week.axes[0].get_title(loc="left")
    assert "per month" in timeline_figure(EVENTS, period="month").axes[0].get_title(loc="left")


def test_casualties_are_a_second_series_where_known() -> None:
    rows = [
        PlotEvent("e1", dt.date(2024, 3, 1), "ASSAULT", killed=4),
        PlotEvent("e2", dt.date(2024, 3, 1), "ASSAULT", killed=8),
        PlotEvent("e3", dt.date(2024, 3, 3), "COERCE"),
    ]
    fig = timeline_figure(rows, period="day")
    assert len(fig.axes) == 2
    (line,) = fig.axes[1].get_lines()
    assert list(line.get_ydata()) == [12]
    assert len(timeline_figure(rows[2:], period="day").axes) == 1


def test_map_sized_by_killed_leaves_out_places_without_deaths() -> None:
    rows = [
        PlotEvent("e1", plover="ASSAULT", place_label="A", lat=33.0, lon=44.0, killed=5),
        PlotEvent("e2", plover="ASSAULT", place_label="B", lat=34.0, lon=45.0),
    ]
    assert _points(map_figure(rows)) == 2
    assert _points(map_figure(rows, size_by="killed")) == 1


def test_filter_by_country_code_and_name() -> None:
    rows = plot_events(EVENTS)
    assert len(filter_events(rows, place="IRQ")) == len(filter_events(rows, place="Iraq")) == 3


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_write_figure_formats(tmp_path: Path, suffix: str) -> None:
    out = write_figure(network_figure(EVENTS), tmp_path / f"n{suffix}")
    assert out.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == [f"n{suffix}"]


def test_bad_requests_are_library_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\.png, \.svg, \.pdf"):
        write_figure(timeline_figure([]), tmp_path / "t.gif")
    with pytest.raises(InputError, match="'fortnight'"):
        timeline_figure(EVENTS, period="fortnight")
    with pytest.raises(InputError, match="'soon'"):
        timeline_figure(EVENTS, since="soon")
    with pytest.raises(InputError, match="open_store"):
        plot_events("kg.ttl")


# ------------------------------------------------------------------ conflict-kg plot


def test_every_plover_class_has_a_colour() -> None:
    assert {c for c in CLASS_COLOURS if c} == set(CATEGORIES)


@pytest.mark.parametrize("picture", ["timeline", "map", "network"])
def test_plot_from_a_graph_file_and_a_store(picture: str, graph_file: Path, store_dir: Path, tmp_path: Path) -> None:
    png, svg = tmp_path / f"{picture}.png", tmp_path / f"{picture}.svg"
    assert main(["plot", picture, str(graph_file), "-o", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["plot", picture, "--store", str(store_dir), "--place", "Syria", "-o", str(svg)]) == 0
    assert svg.read_text(encoding="utf-8").startswith("<?xml")


def test_filters_reach_the_picture(graph_file: Path, tmp_path: Path) -> None:
    everything, turkey = tmp_path / "all.svg", tmp_path / "turkey.svg"
    main(["plot", "network", str(graph_file), "-o", str(everything)])
    main(["plot", "network", str(graph_file), "--actor", "Turkey", "--class", "CONSULT", "-o", str(turkey)])
    text = turkey.read_text(encoding="utf-8")
    assert "Russia" in text and "Iraqi army" not in text
    assert "Iraqi army" in everything.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["plot", "map", "{graph}", "-o", "{out}/m.gif"], "use one of .png, .svg, .pdf"),
        (["plot", "map", "{graph}", "--store", "{out}", "-o", "{out}/m.png"], "not both"),
        (["plot", "map", "{out}/missing.ttl", "-o", "{out}/m.png"], "missing.ttl"),
        (["plot", "map", "--store", "{out}/nowhere", "-o", "{out}/m.png"], "nowhere"),
        (["plot", "timeline", "{graph}", "--since", "March", "-o", "{out}/t.png"], "'March'"),
    ],
)
def test_errors_are_one_line(
    argv: list[str], message: str, graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(graph=graph_file, out=tmp_path) for a in argv]
    assert main(args) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("conflict-kg: error:") and message in err
    assert not list(tmp_path.glob("*.png")) and not list(tmp_path.glob("*.gif"))


def test_a_frame_with_acled_style_columns() -> None:
    """Frames named the analysts' way (event_date, plover_class, latitude, fatalities) read the same."""
    import pandas as pd

    frame = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "event_date": ["2024-03-01", "2024-03-01", None],
            "actor": ["Iraq military", "Turkey", "Iraq military"],
            "plover_class": ["ASSAULT", "ACCUSE", "ASSAULT"],
            "target": ["Islamic State", "Russia", "militants"],
            "location": ["Fallujah", "Idlib", None],
            "country": ["IRQ", "SYR", None],
            "latitude": [33.35, 35.93, None],
            "longitude": [43.79, 36.63, None],
            "fatalities": [4, None, None],
        }
    )
    rows = plot_events(frame)
    assert [(r.date, r.plover, r.actor_label, r.place_label, r.killed) for r in rows] == [
        (dt.date(2024, 3, 1), "ASSAULT", "Iraq military", "Fallujah", 4),
        (dt.date(2024, 3, 1), "ACCUSE", "Turkey", "Idlib", None),
        (None, "ASSAULT", "Iraq military", None, None),
    ]
    assert _points(map_figure(frame)) == 2
    assert len(timeline_figure(frame).axes) == 2  # the deaths are a second series
    assert _arrows(network_figure(frame)) == 3
