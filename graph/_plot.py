"""Pictures of a conflict: a timeline, a map and a network, drawn offline with matplotlib.

Each picture is a pure function that takes events and returns a
:class:`matplotlib.figure.Figure` (no pyplot, no global state, no network):
:func:`timeline_figure`, :func:`map_figure` and :func:`network_figure`. They
accept :class:`~conflict_kg.extract.Event` records, a pandas frame from
:func:`~conflict_kg.graph.events_frame`, an rdflib graph, a store, or the
:class:`PlotEvent` rows of :func:`plot_events`; graphs and stores are read
with one SPARQL query (:data:`PLOT_QUERY`). The same filters narrow every
picture: ``actor`` (a name in the actor's or target's label), ``place`` (a
name in the place's label, or a country by name or ISO code), ``plover`` (a
PLOVER class) and ``since``/``until`` (ISO dates, inclusive).
:func:`write_figure` saves a figure as PNG, SVG or PDF atomically.

Casualties: where an event carries a ``killed`` count (an Event attribute, a
frame column or ``ckg:killed`` in the graph), the timeline adds it as a
second series and the map can size points by it.

Examples
--------
>>> from conflict_kg.extract import Action, Event, Mention, Place, Time
>>> import datetime as dt
>>> aleppo = Place("Aleppo", lat=36.2, lon=37.16, country="SYR")
>>> events = [Event("d1", i, Action("shelled", "shell", "ASSAULT"), actor=Mention("Rebels"),
...                 target=Mention("the army"), place=aleppo, time=Time("today", dt.date(2024, 3, d)))
...           for i, d in enumerate([1, 1, 2])]
>>> fig = timeline_figure(events)
>>> fig.axes[0].get_title(loc="left")
'Events per day by PLOVER class'
>>> len(filter_events(plot_events(events), since="2024-03-02"))
1
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from conflict_kg.extract import Event, InputError
from rdflib import Graph, Literal

from ._iris import actor_iri, event_iri, fold
from ._outlines import country_outlines

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


__all__ = [
    "CLASS_COLOURS",
    "PICTURES",
    "PLOT_QUERY",
    "PlotEvent",
    "filter_events",
    "map_figure",
    "network_figure",
    "picture_format",
    "plot_events",
    "timeline_figure",
    "write_figure",
]

#: The picture kinds of :func:`write_figure` and ``conflict-kg plot``.
PICTURES = ("timeline", "map", "network")

#: One colour per PLOVER class: warm for material conflict, purple/grey for verbal
#: conflict, greens and blues for cooperation; ``None`` (no class) is light grey.
CLASS_COLOURS: Mapping[str | None, str] = MappingProxyType(
    {
        "ASSAULT": "#d62728",
        "COERCE": "#ff7f0e",
        "MOBILIZE": "#8c564b",
        "SANCTION": "#e377c2",
        "PROTEST": "#bcbd22",
        "THREATEN": "#9467bd",
        "REJECT": "#7f7f7f",
        "ACCUSE": "#c5b0d5",
        "REQUEST": "#17becf",
        "RETREAT": "#f7b6d2",
        "CONCEDE": "#dbdb8d",
        "AID": "#2ca02c",
        "COOPERATE": "#98df8a",
        "SUPPORT": "#1f77b4",
        "CONSULT": "#aec7e8",
        "AGREE": "#393b79",
        None: "#d9d9d9",
    }
)

#: The rows :func:`plot_events` reads from a graph or a store (``killed`` only where recorded).
PLOT_QUERY = """
SELECT ?event ?date ?cls ?actor ?actorLabel ?target ?targetLabel ?placeLabel ?lat ?lon ?country ?killed
WHERE {
  ?event a sem:Event .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event sem:eventType ?cls }
  OPTIONAL { ?event ckg:actor ?actor . ?actor rdfs:label ?actorLabel }
  OPTIONAL { ?event ckg:target ?target . ?target rdfs:label ?targetLabel }
  OPTIONAL { ?event sem:hasPlace ?place . ?place rdfs:label ?placeLabel .
             OPTIONAL { ?place wgs:lat ?lat ; wgs:long ?lon }
             OPTIONAL { ?place ckg:country ?country } }
  OPTIONAL { ?event ckg:killed ?killed }
}
"""


@dataclass(frozen=True)
class PlotEvent:
    """What a picture needs of one event (IRIs as strings; the class without its namespace)."""

    event: str
    date: dt.date | None = None
    plover: str | None = None
    actor: str | None = None
    actor_label: str | None = None
    target: str | None = None
    target_label: str | None = None
    place_label: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    killed: int | None = None


# ------------------------------------------------------------------ reading


def _from_event(event: Event) -> PlotEvent:
    place = event.place
    killed = getattr(event, "killed", None)
    return PlotEvent(
        event=str(event_iri(event)),
        date=event.time.date if event.time else None,
        plover=event.action.plover,
        actor=str(actor_iri(event.actor, event.doc)) if event.actor else None,
        actor_label=event.actor.label if event.actor else None,
        target=str(actor_iri(event.target, event.doc)) if event.target else None,
        target_label=event.target.label if event.target else None,
        place_label=place.label if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        country=place.country.upper() if place and place.country else None,
        killed=int(killed) if killed is not None else None,
    )


def _value(node: Any) -> Any:
    if node is None:
        return None
    if isinstance(node, Literal):
        return node.toPython()
    return str(node)


def _from_rows(rows: Iterable[Any]) -> list[PlotEvent]:
    """One :class:`PlotEvent` per event of :data:`PLOT_QUERY`'s rows (the first row of an event wins)."""
    seen: dict[str, PlotEvent] = {}
    for row in rows:
        (event, date, cls, actor, actor_label, target, target_label, place_label, lat, lon, country, killed) = (
            _value(v) for v in row
        )
        if event in seen:
            continue
        seen[event] = PlotEvent(
            event=event,
            date=date if isinstance(date, dt.date) else _date(date),
            plover=str(cls).rsplit("/", 1)[-1] if cls else None,
            actor=actor,
            actor_label=actor_label,
            target=target,
            target_label=target_label,
            place_label=place_label,
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            country=country,
            killed=int(killed) if killed is not None else None,
        )
    return sorted(seen.values(), key=lambda e: e.event)


def _cell(value: Any) -> Any:
    """A frame cell, with pandas' missing values (NaN, NaT, NA) as None."""
    if value is None:
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):  # pd.NA
        return None
    return value


def _from_frame(frame: Any) -> list[PlotEvent]:
    columns = set(frame.columns)

    def col(row: Mapping[str, Any], *names: str) -> Any:
        return next((_cell(row[n]) for n in names if n in columns and _cell(row[n]) is not None), None)

    out = []
    for index, row in enumerate(frame.to_dict("records")):
        lat, lon = col(row, "lat", "latitude", "place_lat"), col(row, "lon", "longitude", "place_lon")
        killed = col(row, "killed", "fatalities")
        out.append(
            PlotEvent(
                event=str(col(row, "event", "event_id") or index),
                date=_date(col(row, "date", "event_date")),
                plover=col(row, "class", "plover_class", "plover"),
                actor=col(row, "actor"),
                actor_label=col(row, "actor_label", "actor"),
                target=col(row, "target"),
                target_label=col(row, "target_label", "target"),
                place_label=col(row, "place_label", "location"),
                lat=float(lat) if lat is not None else None,
                lon=float(lon) if lon is not None else None,
                country=col(row, "country", "place_country"),
                killed=int(killed) if killed is not None else None,
            )
        )
    return out


def plot_events(source: Any) -> list[PlotEvent]:
    """The :class:`PlotEvent` rows of events, a frame, an rdflib graph or a store.

    Parameters
    ----------
    source : iterable of Event or PlotEvent, pandas.DataFrame, rdflib.Graph or Store
        A graph or store is read with one :data:`PLOT_QUERY`; a frame is read by
        the column names of :func:`~conflict_kg.graph.events_frame` (``date`` or
        ``event_date``, ``class`` or ``plover_class``, ``lat``/``latitude``,
        ``lon``/``longitude``, ``killed`` or ``fatalities``...).

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> from conflict_kg.graph import build_graph
    >>> ev = Event("d1", 1, Action("shelled", "shell", "ASSAULT"), actor=Mention("Rebels"))
    >>> [(p.plover, p.actor_label) for p in plot_events(build_graph([ev]))]
    [('ASSAULT', 'Rebels')]
    >>> plot_events([ev]) == plot_events(build_graph([ev]))
    True
    """
    from ._query import run_query
    from ._store import Store

    if isinstance(source, Graph):
        return _from_rows(run_query(source, PLOT_QUERY))
    if isinstance(source, Store):
        return _from_rows(source.query(PLOT_QUERY))
    if hasattr(source, "to_dict") and hasattr(source, "columns"):
        return _from_frame(source)
    if isinstance(source, (str, Path)):
        raise InputError(f"cannot plot {str(source)!r}: pass events, a frame, a graph or a store (open_store(path))")
    out = []
    for item in source:
        if isinstance(item, PlotEvent):
            out.append(item)
        elif isinstance(item, Event):
            out.append(_from_event(item))
        else:
            raise InputError(f"cannot plot {item!r}: expected Event records or PlotEvent rows")
    return out


# ------------------------------------------------------------------ filtering


def _date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        result: dt.date = value.date()
        return result
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"cannot read {value!r} as a date; write it as YYYY-MM-DD") from None


def _country_codes(name: str) -> set[str]:
    """The ISO alpha-3 code(s) a country name or code stands for (empty when it is no country)."""
    import pycountry

    try:
        country = pycountry.countries.lookup(name)
    except LookupError:
        return set()
    return {country.alpha_3}


def filter_events(
    events: Sequence[PlotEvent],
    *,
    actor: str | None = None,
    place: str | None = None,
    plover: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[PlotEvent]:
    """The events that pass every filter given (None lets everything through).

    ``actor`` matches a part of the actor's or the target's label, ``place``
    a part of the place's label or the place's country (by name or ISO code),
    ``plover`` the class exactly (any case); ``since`` and ``until`` are
    inclusive, and an event without a date fails a date filter.

    >>> rows = [PlotEvent("e1", dt.date(2024, 3, 1), "ASSAULT", actor_label="Iraq military",
    ...                   place_label="Mosul", country="IRQ"),
    ...         PlotEvent("e2", dt.date(2024, 3, 9), "CONSULT", actor_label="Turkey")]
    >>> [e.event for e in filter_events(rows, actor="iraq")], [e.event for e in filter_events(rows, place="Iraq")]
    (['e1'], ['e1'])
    >>> [e.event for e in filter_events(rows, since="2024-03-02")], filter_events(rows, plover="assault")[0].event
    (['e2'], 'e1')
    """
    first, last = _date(since), _date(until)
    who = fold(actor) if actor else None
    where = fold(place) if place else None
    codes = _country_codes(place) if place else set()
    cls = plover.upper() if plover else None

    def keep(e: PlotEvent) -> bool:
        if who is not None and not any(who in fold(label) for label in (e.actor_label, e.target_label) if label):
            return False
        if where is not None and not ((e.place_label and where in fold(e.place_label)) or e.country in codes):
            return False
        if cls is not None and e.plover != cls:
            return False
        if first is not None and (e.date is None or e.date < first):
            return False
        return not (last is not None and (e.date is None or e.date > last))

    return [e for e in events if keep(e)]


def _select(source: Any, filters: Mapping[str, Any]) -> list[PlotEvent]:
    return filter_events(plot_events(source), **filters)


def _describe(filters: Mapping[str, Any]) -> str:
    parts = [f"{key} {value}" for key, value in filters.items() if value is not None]
    return "; ".join(parts)


# ------------------------------------------------------------------ shared drawing


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _title(ax: Axes, title: str, notes: Sequence[str]) -> None:
    note = " · ".join(n for n in notes if n)
    ax.set_title(title, loc="left", fontsize=13, fontweight="bold", pad=20 if note else 6)
    if note:
        ax.annotate(
            note, (0, 1), xycoords="axes fraction", xytext=(0, 5), textcoords="offset points",
            fontsize=9, color="#555555", va="bottom",
        )  # fmt: skip


def _class_legend(ax: Axes, classes: Iterable[str | None], **kwargs: Any) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=CLASS_COLOURS.get(c, CLASS_COLOURS[None]), label=c or "no class") for c in classes]
    if handles:
        ax.legend(handles=handles, title="PLOVER class", fontsize=8, title_fontsize=9, frameon=False, **kwargs)


def _class_order(counts: Mapping[str | None, int]) -> list[str | None]:
    """Classes by their count, largest first (ties by name; no class last)."""
    return sorted(counts, key=lambda c: (c is None, -counts[c], c or ""))


# ------------------------------------------------------------------ timeline

_PERIODS = {"day": 1, "week": 7, "month": 30}


def _period_start(date: dt.date, period: str) -> dt.date:
    if period == "week":
        return date - dt.timedelta(days=date.weekday())
    if period == "month":
        return date.replace(day=1)
    return date


def _auto_period(dates: Sequence[dt.date]) -> str:
    span = (max(dates) - min(dates)).days if dates else 0
    return "day" if span <= 45 else "week" if span <= 400 else "month"


def timeline_figure(
    source: Any, *, period: str = "auto", width: float = 10, height: float = 4.8, **filters: Any
) -> Figure:
    """Events per day, week or month, stacked by PLOVER class; reported deaths on a second axis.

    Parameters
    ----------
    source
        Anything :func:`plot_events` reads.
    period : {"auto", "day", "week", "month"}
        ``auto`` takes days for up to 45 days of data, weeks up to 400, else months.
    width, height : float
        Figure size in inches.
    **filters
        ``actor``, ``place``, ``plover``, ``since``, ``until`` (:func:`filter_events`).

    Returns
    -------
    matplotlib.figure.Figure
        One bar container per class in ``fig.axes[0].containers``.
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.ticker import MaxNLocator

    if period not in {"auto", *_PERIODS}:
        raise InputError(f"unknown period {period!r}; use auto, day, week or month")
    events = _select(source, filters)
    dated = [e for e in events if e.date is not None]
    if period == "auto":
        period = _auto_period([e.date for e in dated if e.date])
    counts: dict[str | None, Counter[dt.date]] = defaultdict(Counter)
    killed: Counter[dt.date] = Counter()
    for e in dated:
        assert e.date is not None
        start = _period_start(e.date, period)
        counts[e.plover][start] += 1
        if e.killed is not None:
            killed[start] += e.killed
    fig = _figure(width, height)
    ax = fig.add_subplot()
    starts = sorted({d for c in counts.values() for d in c})
    totals = {c: sum(n.values()) for c, n in counts.items()}
    bottom = dict.fromkeys(starts, 0)
    bar_width = _PERIODS[period] * 0.8
    for cls in _class_order(totals):
        heights = [counts[cls][d] for d in starts]
        ax.bar(
            date2num(starts),
            heights,
            bottom=[bottom[d] for d in starts],
            width=bar_width,
            align="edge",
            color=CLASS_COLOURS.get(cls, CLASS_COLOURS[None]),
            label=cls or "no class",
            edgecolor="white",
            linewidth=0.5,
        )
        for d, h in zip(starts, heights, strict=True):
            bottom[d] += h
    ax.set_ylabel(f"events per {period}")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#eeeeee")
    ax.set_axisbelow(True)
    if not starts:
        ax.text(0.5, 0.5, "no dated events", transform=ax.transAxes, ha="center", color="#777777")
    _class_legend(ax, _class_order(totals), loc="upper left", bbox_to_anchor=(1.01, 1))
    notes = [_describe(filters), f"{len(dated)} dated events"]
    if len(events) > len(dated):
        notes.append(f"{len(events) - len(dated)} without a date not shown")
    if killed:
        twin = ax.twinx()
        days = sorted(killed)
        mid = dt.timedelta(days=bar_width / 2)
        twin.plot(
            date2num([d + mid for d in days]),
            [killed[d] for d in days],
            "o-",
            color="black",
            lw=1.2,
            ms=4,
            label="killed",
        )
        twin.set_ylabel("people reported killed")
        twin.set_ylim(bottom=0)
        twin.yaxis.set_major_locator(MaxNLocator(integer=True))
        twin.spines[["top"]].set_visible(False)
        twin.legend(loc="upper left", bbox_to_anchor=(1.08, 0.3), frameon=False, fontsize=8)
    _title(ax, f"Events per {period} by PLOVER class", notes)
    return fig


# ------------------------------------------------------------------ map


def _view(lons: Sequence[float], lats: Sequence[float]) -> tuple[float, float, float, float]:
    """A box around the points: 15% margins, at least 8 degrees wide, clipped to the world."""
    x0, x1, y0, y1 = min(lons), max(lons), min(lats), max(lats)
    span = max(x1 - x0, (y1 - y0) * 1.4, 8.0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = span * 0.6, max(y1 - y0, span / 1.6) * 0.6
    return max(cx - half_w, -180), min(cx + half_w, 180), max(cy - half_h, -85), min(cy + half_h, 85)


def _draw_outlines(ax: Axes, view: tuple[float, float, float, float]) -> list[tuple[float, float, str]]:
    """Draw the country outlines in view; return a label point and name for each country big enough to name."""
    from matplotlib.collections import PolyCollection
    from matplotlib.path import Path as MplPath

    x0, x1, y0, y1 = view
    polygons: list[Sequence[tuple[float, float]]] = []
    names = []
    for country in country_outlines():
        bx0, by0, bx1, by1 = country.bounds
        if bx1 < x0 or bx0 > x1 or by1 < y0 or by0 > y1:
            continue
        polygons.extend(poly[0] for poly in country.polygons)
        largest = max(country.polygons, key=lambda p: len(p[0]))
        # the middle of the part in view, if it is on land; else the mean of the outline's points
        lx, ly = (max(bx0, x0) + min(bx1, x1)) / 2, (max(by0, y0) + min(by1, y1)) / 2
        if not MplPath(largest[0]).contains_point((lx, ly)):
            lx = sum(x for x, _ in largest[0]) / len(largest[0])
            ly = sum(y for _, y in largest[0]) / len(largest[0])
        big = (bx1 - bx0) * (by1 - by0) > 0.01 * (x1 - x0) * (y1 - y0)
        if big and x0 < lx < x1 and y0 < ly < y1:
            names.append((lx, ly, country.name.upper()))
    ax.add_collection(
        PolyCollection(polygons, facecolors="#f3f1ea", edgecolors="#a8a8a8", linewidths=0.6, zorder=0),
        autolim=False,
    )
    return names


def _label_map(
    fig: Figure,
    ax: Axes,
    places: Sequence[tuple[float, float, str, float]],
    countries: Sequence[tuple[float, float, str]],
    limit: int,
) -> None:
    """Name the first ``limit`` places (beside their circle) then the countries, leaving out any name
    that would overlap a circle, another name or the frame."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    fig.draw_without_rendering()  # runs the constrained layout
    renderer = canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    circles: list[Any] = []
    for lon, lat, _name, diameter in places:
        x, y = ax.transData.transform((lon, lat))
        r = diameter / 2 * fig.dpi / 72
        circles.append(Bbox.from_extents(x - r, y - r, x + r, y + r))
    names: list[Any] = []

    def fits(text: Any, over_circles: bool = False) -> bool:
        box = text.get_window_extent(renderer).expanded(1.05, 1.1)
        inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        blocking = names if over_circles else names + circles
        if inside and not any(box.overlaps(other) for other in blocking):
            names.append(box)
            return True
        text.remove()
        return False

    for lon, lat, name, diameter in [p for p in places if p[2]][:limit]:
        offset = diameter / 2 + 3
        d = offset * 0.75
        # beside the circle, clear of every circle if possible, else over other circles but not over names
        for over_circles in (False, True):
            for dx, dy, ha, va in ((offset, 0, "left", "center"), (-offset, 0, "right", "center"),
                                   (0, offset, "center", "bottom"), (0, -offset, "center", "top"),
                                   (-d, d, "right", "bottom"), (d, d, "left", "bottom"),
                                   (-d, -d, "right", "top"), (d, -d, "left", "top")):  # fmt: skip
                box = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75}
                text = ax.annotate(
                    name, (lon, lat), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=8.5,
                    zorder=5, bbox=box,
                )  # fmt: skip
                if fits(text, over_circles):
                    break
            else:
                continue
            break
    for lon, lat, name in countries:
        label = ax.text(lon, lat, name, fontsize=7, color="#9a9a9a", ha="center", va="center", style="italic", zorder=1)
        fits(label)


def map_figure(
    source: Any, *, size_by: str = "count", labels: int = 15, width: float = 9, height: float = 7, **filters: Any
) -> Figure:
    """Events as circles at their places over country outlines, zoomed to the data.

    Each place gets nested circles: the outer one's area is the place's total,
    each coloured band one class's share (largest class outermost).

    Parameters
    ----------
    source
        Anything :func:`plot_events` reads (a frame needs ``lat`` and ``lon`` columns).
    size_by : {"count", "killed"}
        Circle area by the number of events, or by the people reported killed.
    labels : int
        Name at most this many places, the biggest first (names that would collide are left out).
    **filters
        ``actor``, ``place``, ``plover``, ``since``, ``until`` (:func:`filter_events`).

    Returns
    -------
    matplotlib.figure.Figure
        The circles are one scatter collection, ``fig.axes[0].collections[1]``
        (one point per place and class); the outlines are ``collections[0]``.
    """
    if size_by not in {"count", "killed"}:
        raise InputError(f"unknown size_by {size_by!r}; use count or killed")
    events = _select(source, filters)
    located = [e for e in events if e.lat is not None and e.lon is not None]
    weight: dict[tuple[float, float, str], Counter[str | None]] = defaultdict(Counter)
    for e in located:
        assert e.lat is not None and e.lon is not None
        w = e.killed or 0 if size_by == "killed" else 1
        weight[(round(e.lon, 3), round(e.lat, 3), e.place_label or "")][e.plover] += w
    weight = {k: c for k, c in weight.items() if sum(c.values()) > 0}
    fig = _figure(width, height)
    ax = fig.add_subplot()
    view = _view([k[0] for k in weight], [k[1] for k in weight]) if weight else (-180.0, 180.0, -60.0, 85.0)
    ax.set_xlim(view[0], view[1])
    ax.set_ylim(view[2], view[3])
    ax.set_aspect(1 / math.cos(math.radians((view[2] + view[3]) / 2)))
    ax.set_facecolor("#dfeaf2")
    countries = _draw_outlines(ax, view)
    biggest = max((sum(c.values()) for c in weight.values()), default=1)
    scale = 900 / biggest  # points^2 per unit: the biggest place gets 900
    xs, ys, sizes, colours = [], [], [], []
    for (lon, lat, _name), classes in weight.items():
        remaining = sum(classes.values())
        for cls in _class_order(classes):
            if classes[cls] <= 0:
                continue
            xs.append(lon)
            ys.append(lat)
            sizes.append(max(remaining * scale, 12))
            colours.append(CLASS_COLOURS.get(cls, CLASS_COLOURS[None]))
            remaining -= classes[cls]
    order = sorted(range(len(xs)), key=lambda i: -sizes[i])
    ax.scatter(
        [xs[i] for i in order],
        [ys[i] for i in order],
        s=[sizes[i] for i in order],
        c=[colours[i] for i in order],
        edgecolors="white",
        linewidths=0.6,
        zorder=3,
    )
    totals: Counter[str | None] = Counter()
    for c in weight.values():
        totals.update(c)
    _class_legend(ax, _class_order(totals), loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.tick_params(labelsize=8)
    what = "events" if size_by == "count" else "people reported killed"
    scale_note = f"circle area: {what} at the place (largest: {biggest})" if weight else f"no {what} with coordinates"
    notes = [_describe(filters), scale_note]
    if len(events) > len(located):
        notes.append(f"{len(events) - len(located)} events without coordinates not shown")
    _title(ax, f"Where: {len(located)} events at {len(weight)} places", notes)
    # names last, once the legend and titles have settled the layout they are measured in
    circles = [(k[0], k[1], k[2], math.sqrt(max(sum(c.values()) * scale, 12))) for k, c in weight.items()]
    _label_map(fig, ax, sorted(circles, key=lambda c: (-c[3], c[2])), countries, labels)
    return fig


# ------------------------------------------------------------------ network


def _wrap(label: str, width: int = 16) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _spread_labels(
    pos: Mapping[str, Any],
    labels: Mapping[str, str],
    box: tuple[float, float, float, float],
    inches: tuple[float, float],
) -> dict[str, tuple[float, float]]:
    """Move nodes whose labels would overlap apart, a little a round, inside ``box`` (x0, x1, y0, y1).

    A label's size is estimated from its characters at 9 points (0.075 inch a character, 0.17 a line),
    turned into data units by the axes' size in inches.
    """
    x0, x1, y0, y1 = box
    per_x, per_y = (x1 - x0) / inches[0], (y1 - y0) / inches[1]
    half = {
        n: (
            (max(map(len, t.split("\n"))) * 0.075 + 0.12) * per_x / 2,
            (t.count("\n") + 1) * 0.17 * per_y / 2 + 0.04 * per_y,
        )
        for n, t in labels.items()
    }
    at = {n: [float(pos[n][0]), float(pos[n][1])] for n in labels}
    names = list(labels)
    for _ in range(400):
        moved = False
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                dx = half[a][0] + half[b][0] - abs(at[a][0] - at[b][0])
                dy = half[a][1] + half[b][1] - abs(at[a][1] - at[b][1])
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                # part along the axis that needs the smaller move, a quarter of the overlap each
                if dy / per_y < dx / per_x:
                    step = (dy / 4 + 0.01 * per_y) * (1 if at[a][1] >= at[b][1] else -1)
                    at[a][1] += step
                    at[b][1] -= step
                else:
                    step = (dx / 4 + 0.01 * per_x) * (1 if at[a][0] >= at[b][0] else -1)
                    at[a][0] += step
                    at[b][0] -= step
        for n in names:
            at[n][0] = min(max(at[n][0], x0 + half[n][0]), x1 - half[n][0])
            at[n][1] = min(max(at[n][1], y0 + half[n][1]), y1 - half[n][1])
        if not moved:
            break
    return {n: (x, y) for n, (x, y) in at.items()}


def network_figure(
    source: Any, *, k: int = 12, width: float = 10, height: float = 8, seed: int = 7, **filters: Any
) -> Figure:
    """Who acted on whom: the ``k`` most active actors and targets, edges coloured by class.

    Only events with both an actor and a target count. Nodes are the ``k``
    actors (by IRI) in most such events and at most ``2 k`` of their targets,
    sized by their number of events drawn;
    each edge is one actor -> target pair and class, its width growing with
    the number of events. The layout is networkx's spring layout with a fixed
    ``seed``, so the same data gives the same picture.

    Returns
    -------
    matplotlib.figure.Figure
        One arrow patch per drawn edge in ``fig.axes[0].patches``.
    """
    import networkx as nx

    if k < 1:
        raise InputError(f"k must be at least 1, got {k!r}")
    events = _select(source, filters)
    acted: Counter[str] = Counter()
    labels: dict[str, str] = {}
    pairs: Counter[tuple[str, str, str | None]] = Counter()
    for e in events:
        for node, label in ((e.actor, e.actor_label), (e.target, e.target_label)):
            if node is not None:
                labels.setdefault(node, label or node.rsplit("/", 1)[-1])
        if e.actor is not None and e.target is not None and e.actor != e.target:
            pairs[(e.actor, e.target, e.plover)] += 1
            acted[e.actor] += 1
    # the k actors with the most actor -> target events (ties by label, so the picture is stable),
    # then the targets they acted on most, at most 2k of them
    actors = sorted(acted, key=lambda n: (-acted[n], labels[n]))[:k]
    drawn = {key: n for key, n in pairs.items() if key[0] in set(actors)}
    hit: Counter[str] = Counter()
    for (_a, t, _cls), n in drawn.items():
        if t not in actors:
            hit[t] += n
    targets = sorted(hit, key=lambda n: (-hit[n], labels[n]))[: 2 * k]
    top = actors + targets
    keep = set(top)
    drawn = {key: n for key, n in drawn.items() if key[1] in keep}
    activity: Counter[str] = Counter()
    for (a, t, _cls), n in drawn.items():
        activity[a] += n
        activity[t] += n
    graph = nx.Graph()
    graph.add_nodes_from(top)
    graph.add_edges_from((a, t) for a, t, _cls in drawn)
    fig = _figure(width, height)
    ax = fig.add_subplot()
    ax.set_axis_off()
    pos = nx.spring_layout(graph, seed=seed, k=2.2 / math.sqrt(max(len(top), 1))) if top else {}
    sizes = {n: 250 + 200 * activity[n] for n in top}
    if top:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        box = (min(xs) - 0.3, max(xs) + 0.3, min(ys) - 0.15, max(ys) + 0.15)
        ax.set_xlim(box[0], box[1])
        ax.set_ylim(box[2], box[3])
        wrapped = {n: _wrap(labels[n]) for n in top}
        pos = _spread_labels(pos, wrapped, box, (width * 0.97, height * 0.88))
        for node in top:
            ax.annotate(
                wrapped[node],
                pos[node],
                ha="center",
                va="center",
                fontsize=9,
                zorder=6,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#cccccc", "alpha": 0.9},
            )
    busiest = max(drawn.values(), default=1)
    bends: Counter[frozenset[str]] = Counter()
    for (a, t, cls), n in sorted(drawn.items(), key=lambda kv: -kv[1]):
        pair = frozenset((a, t))
        rad = 0.12 + 0.14 * bends[pair]
        bends[pair] += 1
        nx.draw_networkx_edges(
            graph,
            pos,
            edgelist=[(a, t)],
            ax=ax,
            width=1.0 + 5.0 * n / busiest,
            edge_color=CLASS_COLOURS.get(cls, CLASS_COLOURS[None]),
            arrows=True,
            arrowstyle="-|>",
            arrowsize=14,
            connectionstyle=f"arc3,rad={rad}",
            node_size=[sizes[a], sizes[t]],
            nodelist=[a, t],
            alpha=0.85,
        )
    if top:
        for nodes, colour in ((actors, "#fde8c8"), (targets, "#f4f4f4")):
            nx.draw_networkx_nodes(
                graph,
                pos,
                nodelist=nodes,
                node_size=[sizes[n] for n in nodes],
                node_color=colour,
                edgecolors="#555555",
                linewidths=1.0,
                ax=ax,
            )
    else:
        ax.text(0.5, 0.5, "no actors", transform=ax.transAxes, ha="center", color="#777777")
    _class_legend(ax, _class_order(Counter({c: n for (_, _, c), n in drawn.items()})), loc="lower left")
    notes = [
        _describe(filters),
        f"the {len(actors)} most active of {len(acted)} actors (shaded) and {len(targets)} of their targets; "
        "node size and edge width: events",
    ]
    _title(ax, "Who acted on whom", notes)
    return fig


# ------------------------------------------------------------------ saving


def picture_format(path: str | Path) -> str:
    """The matplotlib format for a picture file, from its suffix.

    >>> picture_format("timeline.SVG")
    'svg'
    """
    from ._formats import PICTURE_FORMATS, find_format

    return find_format(path=path, among=PICTURE_FORMATS, what="picture format").name


def write_figure(fig: Figure, path: str | Path) -> Path:
    """Save ``fig`` to ``path`` (``.png``, ``.svg`` or ``.pdf``) atomically: no half-written file on failure.

    >>> import tempfile, pathlib
    >>> out = write_figure(timeline_figure([]), pathlib.Path(tempfile.mkdtemp()) / "t.svg")
    >>> out.read_text()[:5]
    '<?xml'
    """
    import io

    from ._export import atomic_write

    path = Path(path)
    fmt = picture_format(path)
    data = io.BytesIO()
    fig.savefig(data, format=fmt, dpi=120, metadata={"Date": None} if fmt in {"svg", "pdf"} else None)
    with atomic_write(path) as handle:
        handle.buffer.write(data.getvalue())  # bytes, under the text handle atomic_write opens
    return path
