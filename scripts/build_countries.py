"""Build ``graph/data/countries.geojson``: country outlines for the offline map.

The outlines are Natural Earth's 1:110m admin-0 countries (public domain), as
shipped inside the ``geopandas`` 0.14.4 wheel on PyPI
(``geopandas/datasets/naturalearth_lowres``; later geopandas releases dropped
the dataset). The script downloads that wheel with pip into a temporary folder,
reads the shapefile with ``pyshp`` and writes plain GeoJSON (RFC 7946,
longitude/latitude) with coordinates rounded to ``--digits`` decimals and
repeated points dropped, so the file stays small. Nothing is fetched at run
time: the package reads the committed file.

Properties of each feature: ``iso_a3`` (ISO 3166-1 alpha-3; Natural Earth's
``-99`` for France and Norway is replaced by the code pycountry gives for the
name; Kosovo gets the user-assigned ``XKX``, Northern Cyprus and Somaliland the
codes of Cyprus and Somalia, so two features can share a code), ``iso_a2``, ``name``
and ``continent``.

Usage::

    .venv/bin/pip install pyshp
    .venv/bin/python scripts/build_countries.py [--digits 2]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pycountry

OUT = Path(__file__).resolve().parents[1] / "graph" / "data" / "countries.geojson"
WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
#: Territories Natural Earth draws apart but ISO 3166 has no code of their own for: Kosovo gets
#: the user-assigned code the EU and IMF use, the other two the code of the ISO country.
_SPECIAL = {"Kosovo": ("XKX", "XK"), "N. Cyprus": ("CYP", "CY"), "Somaliland": ("SOM", "SO")}


def _codes(name: str, iso_a3: str) -> tuple[str, str]:
    if name in _SPECIAL:
        return _SPECIAL[name]
    country = pycountry.countries.get(alpha_3=iso_a3) if iso_a3 != "-99" else None
    if country is None:
        country = pycountry.countries.search_fuzzy(name)[0]
    return country.alpha_3, country.alpha_2


def _ring(points: list[list[float]], digits: int) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, digits), round(y, digits)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def _geometry(geo: dict[str, Any], digits: int) -> dict[str, Any]:
    polys = [geo["coordinates"]] if geo["type"] == "Polygon" else geo["coordinates"]
    rings = [[_ring(r, digits) for r in poly] for poly in polys]
    # a ring rounded down to fewer than 4 points is no longer a polygon ring
    rings = [[r for r in poly if len(r) >= 4] for poly in rings]
    rings = [poly for poly in rings if poly]
    if len(rings) == 1:
        return {"type": "Polygon", "coordinates": rings[0]}
    return {"type": "MultiPolygon", "coordinates": rings}


def build(digits: int, out: Path) -> int:
    import shapefile  # pyshp

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, WHEEL],
            check=True,
        )
        (wheel,) = Path(tmp).glob("geopandas-*.whl")
        with zipfile.ZipFile(wheel) as zf:
            shp = io.BytesIO(zf.read(MEMBER + ".shp"))
            dbf = io.BytesIO(zf.read(MEMBER + ".dbf"))
            encoding = zf.read(MEMBER + ".cpg").decode("ascii").strip()  # ISO-8859-1
    features = []
    with shapefile.Reader(shp=shp, dbf=dbf, encoding=encoding) as reader:
        for rec in reader.iterShapeRecords():
            props = rec.record.as_dict()
            iso_a3, iso_a2 = _codes(props["name"], props["iso_a3"])
            features.append(
                {
                    "type": "Feature",
                    "properties": {
                        "iso_a3": iso_a3,
                        "iso_a2": iso_a2,
                        "name": props["name"],
                        "continent": props["continent"],
                    },
                    "geometry": _geometry(rec.shape.__geo_interface__, digits),
                }
            )
    features.sort(key=lambda f: f["properties"]["iso_a3"])
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via the geopandas 0.14.4 wheel",
        "features": features,
    }
    out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(features)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digits", type=int, default=2, help="decimals kept in each coordinate")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    n = build(args.digits, args.output)
    print(f"{n} countries -> {args.output} ({args.output.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
