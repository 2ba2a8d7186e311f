#!/usr/bin/env python3
"""Builds Sources/CrosscheckServer/Resources/basemap.tsv, the world basemap of the web UI's SVG map.

Usage (the script installs nothing and downloads nothing; the data comes inside the geopandas wheel):

    python3 -m venv /work/.venv-basemap
    /work/.venv-basemap/bin/pip install --no-deps "geopandas==0.14.4" "pyshp==3.1.9"
    /work/.venv-basemap/bin/python scripts/make_basemap.py
    /work/.venv-basemap/bin/python scripts/make_basemap.py --svg /tmp/basemap_check.svg   # + preview

Built with geopandas 0.14.4 and pyshp 3.1.9; the header of basemap.tsv records the versions actually
used. geopandas is installed with --no-deps and never imported: we only read the shapefile
`geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp` that its wheels before 1.0 ship
(Natural Earth 1:110m Admin 0 Countries, fields name / iso_a3 / continent / pop_est / gdp_md_est),
with pyshp (pure Python). `--shp PATH` reads another copy of that shapefile instead. Build helper
only; the product never runs Python, and the map page never downloads anything.

Data and credit
---------------
Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com. Natural Earth is in
the public domain.

basemap.tsv
-----------
UTF-8, "\\n" line ends. Comment lines start with "#" (credit, package versions, projection,
viewBox, format), then one line per country, sorted by code then name, tab-separated:

    A2  Name  PATH

* A2: ISO 3166-1 alpha-2 code, upper case, mapped from Natural Earth's iso_a3 through the COUNTRIES
  table below (which also gives the common English name). Kosovo is XK (user-assigned, as used by
  the EU and GeoNames). Northern Cyprus and Somaliland have no code and get "-".
* PATH: SVG path data in the equirectangular projection x = (lon + 180) / 360 * 1000,
  y = (90 - lat) / 180 * 500 on viewBox "0 0 1000 500". Each ring is
  `M x y l dx dy dx dy ... z`: an absolute moveto, then relative linetos (the "l" is written once;
  the pairs that follow it are implicit linetos), then closepath. Numbers have at most one decimal,
  no exponent, a leading zero is kept (`-0.5`, never `-.5`), and a minus sign is the only
  separator before a negative number (`l1.2-3 0.5 4`).
  Polygons of a country and their holes are concatenated; holes (e.g. Lesotho inside South
  Africa) wind opposite to their outer ring, so both fill-rule nonzero and evenodd render them.
* Simplification: Douglas-Peucker with tolerance 0.3 units, run on the projected points between
  "junction" vertices (where the set of rings sharing a vertex changes), in one canonical
  direction, so two countries' shared border simplifies to the same points and no slivers open
  between neighbours. Coordinates are then rounded to 0.1 and consecutive duplicates dropped. A ring
  that the simplification would leave with fewer than 3 points is kept unsimplified (only
  rounded); a ring that has fewer than 3 distinct points even then is dropped (counted on stderr).
* Antarctica is dropped. Natural Earth already splits rings at the antimeridian (Russia, Fiji);
  a ring that still jumps across lon +-180 is unwrapped and clipped into its two halves.

The output depends only on the shapefile: running the script twice gives identical bytes.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import math
import re
import sys
from pathlib import Path

import shapefile  # pyshp

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "Sources" / "CrosscheckServer" / "Resources" / "basemap.tsv"

WIDTH, HEIGHT = 1000, 500
TOLERANCE = 0.3  # Douglas-Peucker tolerance, in viewBox units
DROP = {"ATA"}  # Antarctica

# Natural Earth iso_a3 (as in geopandas' naturalearth_lowres) -> (ISO 3166-1 alpha-2, common name).
# geopandas already replaced the -99 of France and Norway by FRA / NOR; Kosovo is still -99, and
# Northern Cyprus / Somaliland carry Natural Earth's own CYN / SOL.
COUNTRIES: dict[str, tuple[str, str]] = {
    "-99": ("XK", "Kosovo"),
    "AFG": ("AF", "Afghanistan"),
    "AGO": ("AO", "Angola"),
    "ALB": ("AL", "Albania"),
    "ARE": ("AE", "United Arab Emirates"),
    "ARG": ("AR", "Argentina"),
    "ARM": ("AM", "Armenia"),
    "ATF": ("TF", "French Southern Territories"),
    "AUS": ("AU", "Australia"),
    "AUT": ("AT", "Austria"),
    "AZE": ("AZ", "Azerbaijan"),
    "BDI": ("BI", "Burundi"),
    "BEL": ("BE", "Belgium"),
    "BEN": ("BJ", "Benin"),
    "BFA": ("BF", "Burkina Faso"),
    "BGD": ("BD", "Bangladesh"),
    "BGR": ("BG", "Bulgaria"),
    "BHS": ("BS", "Bahamas"),
    "BIH": ("BA", "Bosnia and Herzegovina"),
    "BLR": ("BY", "Belarus"),
    "BLZ": ("BZ", "Belize"),
    "BOL": ("BO", "Bolivia"),
    "BRA": ("BR", "Brazil"),
    "BRN": ("BN", "Brunei"),
    "BTN": ("BT", "Bhutan"),
    "BWA": ("BW", "Botswana"),
    "CAF": ("CF", "Central African Republic"),
    "CAN": ("CA", "Canada"),
    "CHE": ("CH", "Switzerland"),
    "CHL": ("CL", "Chile"),
    "CHN": ("CN", "China"),
    "CIV": ("CI", "Ivory Coast"),
    "CMR": ("CM", "Cameroon"),
    "COD": ("CD", "Democratic Republic of the Congo"),
    "COG": ("CG", "Republic of the Congo"),
    "COL": ("CO", "Colombia"),
    "CRI": ("CR", "Costa Rica"),
    "CUB": ("CU", "Cuba"),
    "CYN": ("-", "Northern Cyprus"),
    "CYP": ("CY", "Cyprus"),
    "CZE": ("CZ", "Czechia"),
    "DEU": ("DE", "Germany"),
    "DJI": ("DJ", "Djibouti"),
    "DNK": ("DK", "Denmark"),
    "DOM": ("DO", "Dominican Republic"),
    "DZA": ("DZ", "Algeria"),
    "ECU": ("EC", "Ecuador"),
    "EGY": ("EG", "Egypt"),
    "ERI": ("ER", "Eritrea"),
    "ESH": ("EH", "Western Sahara"),
    "ESP": ("ES", "Spain"),
    "EST": ("EE", "Estonia"),
    "ETH": ("ET", "Ethiopia"),
    "FIN": ("FI", "Finland"),
    "FJI": ("FJ", "Fiji"),
    "FLK": ("FK", "Falkland Islands"),
    "FRA": ("FR", "France"),
    "GAB": ("GA", "Gabon"),
    "GBR": ("GB", "United Kingdom"),
    "GEO": ("GE", "Georgia"),
    "GHA": ("GH", "Ghana"),
    "GIN": ("GN", "Guinea"),
    "GMB": ("GM", "Gambia"),
    "GNB": ("GW", "Guinea-Bissau"),
    "GNQ": ("GQ", "Equatorial Guinea"),
    "GRC": ("GR", "Greece"),
    "GRL": ("GL", "Greenland"),
    "GTM": ("GT", "Guatemala"),
    "GUY": ("GY", "Guyana"),
    "HND": ("HN", "Honduras"),
    "HRV": ("HR", "Croatia"),
    "HTI": ("HT", "Haiti"),
    "HUN": ("HU", "Hungary"),
    "IDN": ("ID", "Indonesia"),
    "IND": ("IN", "India"),
    "IRL": ("IE", "Ireland"),
    "IRN": ("IR", "Iran"),
    "IRQ": ("IQ", "Iraq"),
    "ISL": ("IS", "Iceland"),
    "ISR": ("IL", "Israel"),
    "ITA": ("IT", "Italy"),
    "JAM": ("JM", "Jamaica"),
    "JOR": ("JO", "Jordan"),
    "JPN": ("JP", "Japan"),
    "KAZ": ("KZ", "Kazakhstan"),
    "KEN": ("KE", "Kenya"),
    "KGZ": ("KG", "Kyrgyzstan"),
    "KHM": ("KH", "Cambodia"),
    "KOR": ("KR", "South Korea"),
    "KWT": ("KW", "Kuwait"),
    "LAO": ("LA", "Laos"),
    "LBN": ("LB", "Lebanon"),
    "LBR": ("LR", "Liberia"),
    "LBY": ("LY", "Libya"),
    "LKA": ("LK", "Sri Lanka"),
    "LSO": ("LS", "Lesotho"),
    "LTU": ("LT", "Lithuania"),
    "LUX": ("LU", "Luxembourg"),
    "LVA": ("LV", "Latvia"),
    "MAR": ("MA", "Morocco"),
    "MDA": ("MD", "Moldova"),
    "MDG": ("MG", "Madagascar"),
    "MEX": ("MX", "Mexico"),
    "MKD": ("MK", "North Macedonia"),
    "MLI": ("ML", "Mali"),
    "MMR": ("MM", "Myanmar"),
    "MNE": ("ME", "Montenegro"),
    "MNG": ("MN", "Mongolia"),
    "MOZ": ("MZ", "Mozambique"),
    "MRT": ("MR", "Mauritania"),
    "MWI": ("MW", "Malawi"),
    "MYS": ("MY", "Malaysia"),
    "NAM": ("NA", "Namibia"),
    "NCL": ("NC", "New Caledonia"),
    "NER": ("NE", "Niger"),
    "NGA": ("NG", "Nigeria"),
    "NIC": ("NI", "Nicaragua"),
    "NLD": ("NL", "Netherlands"),
    "NOR": ("NO", "Norway"),
    "NPL": ("NP", "Nepal"),
    "NZL": ("NZ", "New Zealand"),
    "OMN": ("OM", "Oman"),
    "PAK": ("PK", "Pakistan"),
    "PAN": ("PA", "Panama"),
    "PER": ("PE", "Peru"),
    "PHL": ("PH", "Philippines"),
    "PNG": ("PG", "Papua New Guinea"),
    "POL": ("PL", "Poland"),
    "PRI": ("PR", "Puerto Rico"),
    "PRK": ("KP", "North Korea"),
    "PRT": ("PT", "Portugal"),
    "PRY": ("PY", "Paraguay"),
    "PSE": ("PS", "Palestine"),
    "QAT": ("QA", "Qatar"),
    "ROU": ("RO", "Romania"),
    "RUS": ("RU", "Russia"),
    "RWA": ("RW", "Rwanda"),
    "SAU": ("SA", "Saudi Arabia"),
    "SDN": ("SD", "Sudan"),
    "SEN": ("SN", "Senegal"),
    "SLB": ("SB", "Solomon Islands"),
    "SLE": ("SL", "Sierra Leone"),
    "SLV": ("SV", "El Salvador"),
    "SOL": ("-", "Somaliland"),
    "SOM": ("SO", "Somalia"),
    "SRB": ("RS", "Serbia"),
    "SSD": ("SS", "South Sudan"),
    "SUR": ("SR", "Suriname"),
    "SVK": ("SK", "Slovakia"),
    "SVN": ("SI", "Slovenia"),
    "SWE": ("SE", "Sweden"),
    "SWZ": ("SZ", "Eswatini"),
    "SYR": ("SY", "Syria"),
    "TCD": ("TD", "Chad"),
    "TGO": ("TG", "Togo"),
    "THA": ("TH", "Thailand"),
    "TJK": ("TJ", "Tajikistan"),
    "TKM": ("TM", "Turkmenistan"),
    "TLS": ("TL", "Timor-Leste"),
    "TTO": ("TT", "Trinidad and Tobago"),
    "TUN": ("TN", "Tunisia"),
    "TUR": ("TR", "Turkey"),
    "TWN": ("TW", "Taiwan"),
    "TZA": ("TZ", "Tanzania"),
    "UGA": ("UG", "Uganda"),
    "UKR": ("UA", "Ukraine"),
    "URY": ("UY", "Uruguay"),
    "USA": ("US", "United States"),
    "UZB": ("UZ", "Uzbekistan"),
    "VEN": ("VE", "Venezuela"),
    "VNM": ("VN", "Vietnam"),
    "VUT": ("VU", "Vanuatu"),
    "YEM": ("YE", "Yemen"),
    "ZAF": ("ZA", "South Africa"),
    "ZMB": ("ZM", "Zambia"),
    "ZWE": ("ZW", "Zimbabwe"),
}

MUST_HAVE = ["AF", "TJ", "UZ", "TM", "US", "RU", "CN", "FR", "NO", "BR", "AU", "XK"]

Point = tuple[float, float]


# ---------------------------------------------------------------------------------------------
# Input


def default_shp() -> Path:
    spec = importlib.util.find_spec("geopandas")  # locate the package without importing it
    if spec is None or not spec.submodule_search_locations:
        sys.exit('geopandas is not installed: pip install --no-deps "geopandas==0.14.4" (see docstring)')
    base = Path(list(spec.submodule_search_locations)[0])
    shp = base / "datasets" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    if not shp.exists():
        sys.exit(f"{shp} not found: geopandas 1.0 and later no longer ship it; install geopandas<1.0")
    return shp


def version_of(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def read_rings(shp: Path) -> list[tuple[str, str, list[list[Point]]]]:
    """(A2, name, rings in lon/lat) per kept country; each ring open (no repeated closing point)."""
    reader = shapefile.Reader(str(shp))  # encoding from the .cpg (ISO-8859-1)
    out = []
    seen = set()
    for shape_record in reader.iterShapeRecords():
        record, shape = shape_record.record, shape_record.shape
        iso_a3 = record["iso_a3"]
        if iso_a3 in DROP:
            continue
        if iso_a3 not in COUNTRIES:
            sys.exit(f"no alpha-2 mapping for iso_a3={iso_a3!r} ({record['name']}): extend COUNTRIES")
        if iso_a3 in seen:
            sys.exit(f"iso_a3 {iso_a3} appears twice")
        seen.add(iso_a3)
        a2, name = COUNTRIES[iso_a3]
        bounds = list(shape.parts) + [len(shape.points)]
        rings = []
        for start, end in zip(bounds, bounds[1:]):
            ring: list[Point] = []
            for lon, lat in shape.points[start:end]:
                p = (float(lon), float(lat))
                if not ring or ring[-1] != p:
                    ring.append(p)
            while len(ring) > 1 and ring[0] == ring[-1]:
                ring.pop()
            for piece in split_antimeridian(ring):
                if len(piece) >= 3:
                    rings.append(piece)
        out.append((a2, name, rings))
    return out


# ---------------------------------------------------------------------------------------------
# Antimeridian


def clip_lon(ring: list[Point], lo: float, hi: float) -> list[Point]:
    """Sutherland-Hodgman clip of a closed ring to lo <= lon <= hi."""

    def clip(points: list[Point], inside, cross) -> list[Point]:
        result: list[Point] = []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur):
                if not inside(prev):
                    result.append(cross(prev, cur))
                result.append(cur)
            elif inside(prev):
                result.append(cross(prev, cur))
        return result

    def at(lon: float):
        def cross(a: Point, b: Point) -> Point:
            t = (lon - a[0]) / (b[0] - a[0])
            return (lon, a[1] + t * (b[1] - a[1]))

        return cross

    ring = clip(ring, lambda p: p[0] >= lo, at(lo))
    return clip(ring, lambda p: p[0] <= hi, at(hi)) if ring else ring


def split_antimeridian(ring: list[Point]) -> list[list[Point]]:
    """A ring with a step of more than 180 degrees of longitude is unwrapped into one continuous
    ring and clipped into the parts west and east of the antimeridian, each shifted back into
    [-180, 180]. Natural Earth's 110m countries (Antarctica aside) need none of this."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:] + ring[:1])):
        return [ring]
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        prev = unwrapped[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        unwrapped.append((lon, lat))
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180:
        # Wraps around the pole (Antarctica): no sensible split, keep as is within [-180, 180].
        return [[(max(-180.0, min(180.0, lon)), lat) for lon, lat in ring]]
    pieces = []
    for shift in (-360, 0, 360):
        part = clip_lon([(lon + shift, lat) for lon, lat in unwrapped], -180.0, 180.0)
        if len(part) >= 3:
            pieces.append(part)
    return pieces


# ---------------------------------------------------------------------------------------------
# Projection and simplification


def project(p: Point) -> Point:
    lon, lat = p
    return ((lon + 180.0) / 360.0 * WIDTH, (90.0 - lat) / 180.0 * HEIGHT)


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Open polyline; keeps both ends. Iterative, deterministic."""
    if len(points) <= 2:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        best, best_d2 = -1, tol2
        for i in range(first + 1, last):
            px, py = points[i]
            if seg2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = dx * (py - ay) - dy * (px - ax)
                d2 = cross * cross / seg2
            if d2 > best_d2:
                best, best_d2 = i, d2
        if best >= 0:
            keep[best] = True
            stack.append((first, best))
            stack.append((best, last))
    return [p for p, k in zip(points, keep) if k]


def to_tenths(p: Point) -> tuple[int, int]:
    # Round half away from zero on the decimal value (coordinates are non-negative here).
    return (int(math.floor(p[0] * 10 + 0.5)), int(math.floor(p[1] * 10 + 0.5)))


def dedupe_ring(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def simplify_all(countries):
    """Topology-aware simplification. Returns per country a list of rings in integer tenths."""
    # Every ring, indexed, with the set of rings that contain each of its vertices.
    all_rings: list[list[Point]] = [r for _, _, rings in countries for r in rings]
    owners: dict[Point, set[int]] = {}
    for idx, ring in enumerate(all_rings):
        for p in ring:
            owners.setdefault(p, set()).add(idx)
    frozen = {p: frozenset(s) for p, s in owners.items()}

    # Junctions: vertices where, walking along any ring, the set of owning rings changes.
    fixed: set[Point] = set()
    for ring in all_rings:
        n = len(ring)
        for i, p in enumerate(ring):
            if frozen[p] != frozen[ring[i - 1]] or frozen[p] != frozen[ring[(i + 1) % n]]:
                fixed.add(p)

    def far_from(anchor: Point, ring: list[Point]) -> Point:
        ax, ay = project(anchor)
        return max(ring, key=lambda q: ((project(q)[0] - ax) ** 2 + (project(q)[1] - ay) ** 2, q))

    # A ring with fewer than two junctions (an island, or an enclave shared whole with its
    # surrounding country's hole) gets its smallest vertex and the vertex farthest from it; rings
    # sharing all vertices pick the same two.
    extra: dict[int, set[Point]] = {}
    for idx, ring in enumerate(all_rings):
        mine = {p for p in ring if p in fixed}
        if len(mine) < 2:
            anchor = min(mine) if mine else min(ring)
            extra[idx] = {anchor, far_from(anchor, ring)}

    cache: dict[tuple[Point, ...], list[Point]] = {}

    def simplify_run(run: list[Point]) -> list[Point]:
        # Canonical direction so that a border shared by two rings (walked in opposite
        # directions) simplifies to the same points.
        forward = tuple(run)
        backward = forward[::-1]
        canon = min(forward, backward)
        if canon not in cache:
            cache[canon] = douglas_peucker([project(p) for p in canon], TOLERANCE)
        result = cache[canon]
        return list(result) if canon == forward else result[::-1]

    out = []
    ring_index = 0
    dropped = 0
    for a2, name, rings in countries:
        simplified_rings = []
        for ring in rings:
            anchors = fixed | extra.get(ring_index, set())
            ring_index += 1
            marks = [i for i, p in enumerate(ring) if p in anchors]
            n = len(ring)
            simplified: list[Point] = []
            for k, start in enumerate(marks):
                end = marks[(k + 1) % len(marks)]
                if end <= start:
                    end += n
                run = [ring[i % n] for i in range(start, end + 1)]
                simplified.extend(simplify_run(run)[:-1])
            tenths = dedupe_ring([to_tenths(p) for p in simplified])
            if len(tenths) < 3:
                tenths = dedupe_ring([to_tenths(project(p)) for p in ring])
            if len(tenths) < 3:
                dropped += 1
                continue
            simplified_rings.append(tenths)
        out.append((a2, name, simplified_rings))
    return out, dropped


# ---------------------------------------------------------------------------------------------
# Output


def num(tenths: int) -> str:
    sign = "-" if tenths < 0 else ""
    whole, frac = divmod(abs(tenths), 10)
    return f"{sign}{whole}" if frac == 0 else f"{sign}{whole}.{frac}"


def pair(x: int, y: int) -> str:
    ys = num(y)
    return f"{num(x)}{'' if ys.startswith('-') else ' '}{ys}"


def ring_path(ring: list[tuple[int, int]]) -> str:
    parts = [f"M{pair(*ring[0])}l"]
    px, py = ring[0]
    rel = []
    for x, y in ring[1:]:
        rel.append(pair(x - px, y - py))
        px, py = x, y
    body = ""
    for piece in rel:
        if body and not piece.startswith("-"):
            body += " "
        body += piece
    parts.append(body)
    parts.append("z")
    return "".join(parts)


def country_path(rings) -> str:
    return "".join(ring_path(r) for r in rings)


PATH_TOKEN = re.compile(r"[MLZmlz]|-?\d+(?:\.\d)?")
PATH_SHAPE = re.compile(r"(?:M-?\d+(?:\.\d)?[ -]?-?\d+(?:\.\d)?l(?:-?\d+(?:\.\d)?(?: ?(?=\d)|(?=-))?)+z)+")


def parse_path(d: str) -> list[list[tuple[float, float]]]:
    """Independent check of the path syntax: tokenises, then walks the commands like an SVG
    renderer would (M/L absolute, m/l relative, implicit repeats, Z back to the subpath start).
    Returns absolute rings."""
    pos = 0
    tokens = []
    for m in PATH_TOKEN.finditer(d):
        gap = d[pos : m.start()]
        if gap.strip(" ,"):
            raise ValueError(f"unexpected {gap!r} at {pos}")
        tokens.append(m.group())
        pos = m.end()
    if d[pos:].strip():
        raise ValueError("trailing garbage")
    rings, current = [], []
    cmd, x, y, sx, sy = None, 0.0, 0.0, 0.0, 0.0
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in "MLZmlz":
            cmd = t
            i += 1
            if t in "Zz":
                if len(current) < 3:
                    raise ValueError("ring with fewer than 3 points")
                rings.append(current)
                current = []
                x, y = sx, sy
            continue
        if cmd is None or cmd in "Zz":
            raise ValueError("number without command")
        dx, dy = float(tokens[i]), float(tokens[i + 1])
        i += 2
        if cmd in "ml":
            x, y = x + dx, y + dy
        else:
            x, y = dx, dy
        if cmd in "Mm":
            if current:
                raise ValueError("unclosed ring")
            sx, sy = x, y
            cmd = "l" if cmd == "m" else "L"
        current.append((x, y))
    if current:
        raise ValueError("unclosed final ring")
    return rings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shp", type=Path, help="naturalearth_lowres.shp (default: the one in geopandas)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--svg", type=Path, help="also write a preview SVG with every country")
    args = ap.parse_args()

    shp = args.shp or default_shp()
    countries = read_rings(shp)
    simplified, dropped_rings = simplify_all(countries)
    simplified.sort(key=lambda c: (c[0], c[1]))

    gp, ps = version_of("geopandas"), version_of("pyshp")
    header = [
        "# Crosscheck world basemap. Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain).",
        f"# Source: Natural Earth 1:110m Admin 0 Countries, as shipped in the PyPI package geopandas {gp} (datasets/naturalearth_lowres), read with pyshp {ps}; Antarctica dropped. Built by scripts/make_basemap.py.",
        "# Projection: equirectangular, x = (lon + 180) / 360 * 1000, y = (90 - lat) / 180 * 500; Douglas-Peucker 0.3 (shared borders kept shared), coordinates rounded to 0.1.",
        "# viewBox: 0 0 1000 500",
        "# Columns: A2<TAB>Name<TAB>PATH. A2 = ISO 3166-1 alpha-2 ('-' for Northern Cyprus and Somaliland). PATH = SVG path data, per ring 'M x y l dx dy dx dy ... z'; holes wind opposite to their outer ring.",
    ]
    lines = list(header)
    for a2, name, rings in simplified:
        if not rings:
            sys.exit(f"{a2} {name}: no ring left")
        lines.append(f"{a2}\t{name}\t{country_path(rings)}")
    text = "\n".join(lines) + "\n"

    # ---- checks -------------------------------------------------------------------------------
    codes = [a2 for a2, _, _ in simplified]
    real = [c for c in codes if c != "-"]
    assert len(real) == len(set(real)), "duplicate alpha-2 code"
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in real), "bad alpha-2 code"
    missing = [c for c in MUST_HAVE if c not in codes]
    assert not missing, f"missing codes: {missing}"
    total_points = 0
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        a2, name, d = line.split("\t")
        assert PATH_SHAPE.fullmatch(d), f"{a2}: path not in the documented form"
        for ring in parse_path(d):
            total_points += len(ring)
            for (x0, _), (x1, _) in zip(ring, ring[1:] + ring[:1]):
                assert abs(x1 - x0) < 500, f"{a2}: ring jumps across the map"
            for x, y in ring:
                assert -0.05 <= x <= WIDTH + 0.05 and -0.05 <= y <= HEIGHT + 0.05, f"{a2}: out of viewBox"

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    print(
        f"wrote {args.out}: {len(simplified)} countries, {total_points} points, "
        f"{len(text.encode('utf-8'))} bytes; {dropped_rings} degenerate rings dropped",
        file=sys.stderr,
    )

    if args.svg:
        svg = [
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 500" width="1000" height="500">',
            '<rect width="1000" height="500" fill="#dbe9f4"/>',
            '<g fill="#f4f1e8" stroke="#6b6b6b" stroke-width="0.3" fill-rule="nonzero">',
        ]
        for a2, name, rings in simplified:
            svg.append(f'<path d="{country_path(rings)}"><title>{a2} {name}</title></path>')
        svg.append("</g></svg>")
        args.svg.write_text("\n".join(svg) + "\n", encoding="utf-8")
        print(f"wrote {args.svg}", file=sys.stderr)


if __name__ == "__main__":
    main()
