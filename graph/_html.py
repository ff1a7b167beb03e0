"""Query results and event lists as HTML tables in notebooks.

:func:`html_table` turns a SPARQL SELECT result, events or rows into an
:class:`HtmlTable`, which Jupyter shows through ``_repr_html_``: at most
``limit`` rows, then a "... N more" line. :class:`EventList` is a list of
events that shows itself that way. ``%load_ext conflict_kg.graph`` (see
:func:`load_ipython_extension`) makes every rdflib query result, from
:func:`~conflict_kg.graph.run_query` or ``store.query``, show as a table.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

from conflict_kg.extract import Event, InputError
from rdflib.query import Result

__all__ = ["DEFAULT_ROWS", "EventList", "HtmlTable", "html_table", "load_ipython_extension"]

#: Rows shown before the "... N more" line.
DEFAULT_ROWS = 20

#: The columns an event shows (of :func:`~conflict_kg.graph.event_record`).
_EVENT_COLUMNS = ("event_date", "actor", "action", "target", "location", "plover_class", "modality", "document")


@dataclass(frozen=True)
class HtmlTable:
    """A table of text cells, shown in a notebook as HTML with at most ``limit`` rows.

    >>> t = HtmlTable(("who", "n"), (("Rebels", "3"), ("<army>", "1")), limit=1)
    >>> "<td>Rebels</td>" in t._repr_html_(), "&lt;army&gt;" in t._repr_html_()
    (True, False)
    >>> t._repr_html_().count("<tr>"), "... 1 more" in t._repr_html_()
    (2, True)
    >>> print(t)
    who     n
    Rebels  3
    ... 1 more
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    limit: int = DEFAULT_ROWS

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in self.rows[: self.limit]
        )
        more = len(self.rows) - self.limit
        tail = f'<p style="color:#666">... {more} more</p>' if more > 0 else ""
        return f'<table class="conflict-kg"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{tail}'

    def __str__(self) -> str:
        shown = [self.columns, *self.rows[: self.limit]]
        widths = [max(len(r[i]) for r in shown) for i in range(len(self.columns))]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in shown]
        if len(self.rows) > self.limit:
            lines.append(f"... {len(self.rows) - self.limit} more")
        return "\n".join(lines)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _rows_of(records: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_text(r.get(c)) for c in columns) for r in records)


def html_table(source: Any, *, limit: int = DEFAULT_ROWS, columns: Sequence[str] | None = None) -> HtmlTable:
    """An :class:`HtmlTable` of a SPARQL result, events, or records (mappings or dataclasses).

    Parameters
    ----------
    source : rdflib.query.Result, iterable of Event, of mappings or of dataclass records
        A SELECT result gives its variables as columns; an ASK result one
        ``answer`` cell; events give :data:`_EVENT_COLUMNS` of their record.
    limit : int
        Rows shown before the "... N more" line.
    columns : sequence of str, optional
        The columns (and their order) to show; by default every key.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> from conflict_kg.graph import build_graph, run_query
    >>> g = build_graph([Event("d1", 0, Action("shelled", "shell"), Mention("Rebels"), Mention("Taiz"))])
    >>> print(html_table(run_query(g, "SELECT ?who WHERE { ?a ckga:shell ?t . ?a rdfs:label ?who }")))
    who
    Rebels
    >>> html_table([Event("d1", 0, Action("shelled", "shell"), Mention("Rebels"))]).rows[0][1:3]
    ('Rebels', 'shell')
    """
    if isinstance(source, Result):
        if source.type == "ASK":
            return HtmlTable(("answer",), ((str(bool(source.askAnswer)).lower(),),), limit)
        if source.type != "SELECT":
            raise InputError(f"cannot show a {source.type} result as a table; serialize its graph instead")
        names = tuple(str(v) for v in source.vars or ())
        records = [{str(k): v for k, v in row.asdict().items()} for row in source]  # type: ignore[union-attr]
        return HtmlTable(tuple(columns or names), _rows_of(records, columns or names), limit)
    items = list(source)
    if items and all(isinstance(i, Event) for i in items):
        from ._rows import event_row

        records = [event_row(i) for i in items]
        default: Sequence[str] = _EVENT_COLUMNS
    else:
        records = []
        for item in items:
            if is_dataclass(item) and not isinstance(item, type):
                records.append(asdict(item))
            elif isinstance(item, Mapping):
                records.append(dict(item))
            else:
                raise InputError(f"cannot show {item!r} in a table: expected events, mappings or records")
        default = list(dict.fromkeys(k for r in records for k in r))
    chosen = tuple(columns or default)
    return HtmlTable(chosen, _rows_of(records, chosen), limit)


class EventList(list[Event]):
    """A list of events that a notebook shows as a table (at most :data:`DEFAULT_ROWS` rows).

    >>> from conflict_kg.extract import Action, Event
    >>> events = EventList(Event("d1", i, Action("shelled", "shell")) for i in range(25))
    >>> "... 5 more" in events._repr_html_()
    True
    """

    def _repr_html_(self) -> str:
        return html_table(self)._repr_html_()


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext conflict_kg.graph``: show rdflib SELECT and ASK results as HTML tables."""

    def show(result: Result) -> str | None:
        return html_table(result)._repr_html_() if result.type in {"SELECT", "ASK"} else None

    ipython.display_formatter.formatters["text/html"].for_type(Result, show)
