"""The query page of ``conflict-kg serve``: YASGUI, ready example queries, and map, timeline and network views.

Everything the page loads is served by the package itself, so it works with no
internet connection:

- ``static/yasgui/``: YASGUI (npm ``@zazuko/yasgui``, MIT, with its licence),
  bundled by ``scripts/fetch_yasgui.sh`` at set-up time (not committed);
- ``static/page.html``, ``page.js``, ``page.css``: the page, and three YASR result
  views drawn as SVG with no library: a map of the places in the results
  (``geo:asWKT`` points, or ``lat``/``long`` columns) over the country outlines of
  ``data/countries.geojson`` (Natural Earth, public domain; no tile server), a
  timeline of the dates, and a network of actors and targets;
- ``data/queries/*.rq``: the example queries, each file's first comment line its title.

Examples
--------
>>> [title for title, _ in example_queries()][:2]
['Who did what to whom, where and when', 'Events of one actor in one place (the busiest pair)']
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = [
    "EXAMPLES_PATH",
    "OUTLINES_FILE",
    "OUTLINES_PATH",
    "STATIC_DIR",
    "YASGUI_DIR",
    "example_queries",
    "examples_json",
    "page_html",
]

_HERE = Path(__file__).resolve().parent
#: Files the page loads, served under ``/static``.
STATIC_DIR = _HERE / "static"
#: Where ``scripts/fetch_yasgui.sh`` puts YASGUI.
YASGUI_DIR = STATIC_DIR / "yasgui"
#: Country outlines (GeoJSON) the map draws under the points.
OUTLINES_FILE = _HERE / "data" / "countries.geojson"
#: The paths of the example queries (JSON) and of the outlines.
EXAMPLES_PATH = "/examples.json"
OUTLINES_PATH = "/outlines.geojson"
_QUERIES_DIR = _HERE / "data" / "queries"
_MISSING = (
    '<p class="missing">YASGUI is not bundled in this installation: run <code>sh scripts/fetch_yasgui.sh</code> '
    "in the source tree (it needs npm), then restart <code>conflict-kg serve</code>.</p>"
)


def example_queries() -> list[tuple[str, str]]:
    """The page's example queries as ``(title, text)``, in file-name order."""
    out = []
    for path in sorted(_QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        out.append((first.lstrip("# ").strip(), rest.strip() + "\n"))
    return out


def examples_json() -> bytes:
    """:func:`example_queries` as a JSON list of ``{"title", "query"}``."""
    return json.dumps([{"title": t, "query": q} for t, q in example_queries()]).encode("utf-8")


def page_html() -> str:
    """The page's HTML, with a notice in place of the editor when YASGUI is not bundled."""
    html = (STATIC_DIR / "page.html").read_text(encoding="utf-8")
    if not (YASGUI_DIR / "yasgui.min.js").is_file():
        html = html.replace("<!--missing-->", _MISSING)
    return html
