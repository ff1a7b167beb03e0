"""Country outlines shipped with the package, for maps drawn offline.

``graph/data/countries.geojson`` is Natural Earth's 1:110m admin-0 countries
(public domain), written by ``scripts/build_countries.py``: a plain GeoJSON
FeatureCollection (longitude, latitude; two decimals) whose features carry
``iso_a3``, ``iso_a2``, ``name`` and ``continent``. Nothing is fetched at run
time. :func:`countries_geojson` gives the parsed file (for a web page);
:func:`country_outlines` gives small frozen records (for a plot).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["COUNTRIES_FILE", "CountryOutline", "countries_geojson", "country_outlines"]

#: The file's name inside the package data of ``conflict_kg.graph``.
COUNTRIES_FILE = "countries.geojson"

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class CountryOutline:
    """One country's outline: polygons, each an exterior ring then its holes.

    Points are ``(longitude, latitude)`` pairs; every ring is closed.
    """

    iso_a3: str
    iso_a2: str
    name: str
    continent: str
    polygons: tuple[tuple[Ring, ...], ...]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(min_lon, min_lat, max_lon, max_lat)`` over every exterior ring.

        >>> syria = next(c for c in country_outlines() if c.iso_a3 == "SYR")
        >>> [round(v) for v in syria.bounds]
        [36, 32, 42, 37]
        """
        xs = [x for poly in self.polygons for x, _ in poly[0]]
        ys = [y for poly in self.polygons for _, y in poly[0]]
        return min(xs), min(ys), max(xs), max(ys)


def countries_geojson() -> dict[str, Any]:
    """The country outlines as a GeoJSON FeatureCollection (a fresh dict on each call).

    >>> fc = countries_geojson()
    >>> fc["type"], len(fc["features"]) > 170
    ('FeatureCollection', True)
    >>> sorted(fc["features"][0]["properties"])
    ['continent', 'iso_a2', 'iso_a3', 'name']
    """
    text = resources.files("conflict_kg.graph").joinpath("data", COUNTRIES_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _polygons(geometry: dict[str, Any]) -> tuple[tuple[Ring, ...], ...]:
    coords = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return tuple(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in poly) for poly in coords)


def country_outlines() -> tuple[CountryOutline, ...]:
    """Every country outline, sorted by ISO alpha-3 code.

    Two features may share a code where Natural Earth draws a territory apart
    (Northern Cyprus, Somaliland); Kosovo is ``XKX``.

    >>> by_code = {c.iso_a3: c for c in country_outlines()}
    >>> by_code["IRQ"].name, by_code["FRA"].iso_a2, by_code["SYR"].continent
    ('Iraq', 'FR', 'Asia')
    """
    return tuple(
        CountryOutline(
            iso_a3=f["properties"]["iso_a3"],
            iso_a2=f["properties"]["iso_a2"],
            name=f["properties"]["name"],
            continent=f["properties"]["continent"],
            polygons=_polygons(f["geometry"]),
        )
        for f in countries_geojson()["features"]
    )
