"""Country outlines shipped in the package data."""

from __future__ import annotations

import pycountry
import pytest
from conflict_kg.graph import countries_geojson, country_outlines


def test_every_feature_is_plain_geojson_with_codes_and_a_name() -> None:
    fc = countries_geojson()
    assert fc["type"] == "FeatureCollection"
    for feature in fc["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        props = feature["properties"]
        assert len(props["iso_a3"]) == 3 and props["iso_a3"].isupper(), props
        assert props["name"], props


def test_codes_are_iso_3166_except_kosovo() -> None:
    codes = {c.iso_a3 for c in country_outlines()} - {"XKX"}
    unknown = {code for code in codes if pycountry.countries.get(alpha_3=code) is None}
    assert not unknown
    # Natural Earth's "-99" for France and Norway is replaced
    assert {"FRA", "NOR"} <= codes


@pytest.mark.parametrize(
    ("code", "lon", "lat"),
    [("SYR", 37.16, 36.2), ("IRQ", 43.78, 33.34), ("YEM", 44.2, 15.35), ("UKR", 30.52, 50.45)],
)
def test_a_city_lies_in_its_country_box(code: str, lon: float, lat: float) -> None:
    """Aleppo, Fallujah, Sanaa, Kyiv fall within their country's bounds (coordinates are lon, lat)."""
    (country,) = [c for c in country_outlines() if c.iso_a3 == code]
    x0, y0, x1, y1 = country.bounds
    assert x0 <= lon <= x1 and y0 <= lat <= y1


def test_rings_are_closed() -> None:
    for country in country_outlines():
        for polygon in country.polygons:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1], country.name
