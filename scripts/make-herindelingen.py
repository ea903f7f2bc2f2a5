#!/usr/bin/env python3
"""Writes Sources/Core/Resources/herindelingen.csv: for every gemeente of each indeling the bundled data use (2014,
2017, 2019, 2022, 2023), where its territory lies in the indeling of 2024. Run once; the output is committed.

How: the gemeente outlines of CBS/Kadaster for the indeling of 2014 (tmap 3, '2013', 403 gemeenten) and the wijk
outlines of 2022 with their inhabitants (tmap 4, 3 340 wijken) are put in RD New by GDAL and intersected
(shapely/GEOS, exact polygon overlap). A 2014 gemeente's inhabitants are estimated as the 2022 inhabitants of the
wijken it overlaps, each wijk counted for the share of its area inside (so water and farmland weigh nothing), and
divided over the gemeenten those wijken belong to in 2022; shares below 5 % are slivers of the two maps' different
generalisation and dropped, the rest renormalised. Which gemeente held a piece in 2017 and 2019 follows
from the codes CBS used those years (the bundled files): a 2014 gemeente still coded in that year held its own
pieces, otherwise its piece went to the 2022 gemeente it lies in, which must then exist in that year. The changes of
2023 (Weesp into Amsterdam on 24 March 2022, after the 2022 indeling; Brielle, Hellevoetsluis and Westvoorne into
Voorne aan Zee on 1 January 2023) are whole gemeenten and added from CBS's indeling; 2024 had no changes.
Source: CBS / Kadaster (CC BY 4.0). Weights: share of inhabitants ('inwoners', 2022 per wijk) where a gemeente was
split, 1 where it went whole ('geheel').
"""
import csv, gzip, io, json, os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "..", "..", "shared", "data", "raw", "cran-tmap-NLD-2022-and-2013")
BUNDLED = os.path.join(HERE, "..", "Sources", "DataImport", "Bundled")
OUT = os.path.join(HERE, "..", "Sources", "Core", "Resources", "herindelingen.csv")
SLIVER = 0.05
AFTER_2022 = {"GM0457": "GM0363", "GM0501": "GM1992", "GM0530": "GM1992", "GM0614": "GM1992"}


def codes(year):
    """Code → name of the gemeenten in the bundled file of that indeling."""
    def rows(name):
        return list(csv.DictReader(io.TextIOWrapper(gzip.open(os.path.join(BUNDLED, name)), encoding="utf-8")))
    if year == 2014:
        return {"GM" + r["code"]: r["name"] for r in rows("cbs-gemeenten-2013.csv.gz")}
    if year == 2017:
        return {r["gm_code"]: r["gm_naam"] for r in rows("cbs-gemeenten-2017.csv.gz")}
    if year == 2019:
        return {r["unique_id"]: r["region"] for r in rows("cbs-kwb-2019-gemeenten.csv.gz")}
    if year == 2022:
        return {r["code"]: r["name"] for r in rows("cbs-kwb-2022-gemeente.csv.gz")}
    # The TypedDataSet has codes only; names as in 2022, and the one gemeente formed since.
    data = json.load(gzip.open(os.path.join(BUNDLED, "85984NED", "TypedDataSet.json.gz")))
    names = dict(codes(2022), GM1992="Voorne aan Zee")
    return {r["WijkenEnBuurten"].strip(): names[r["WijkenEnBuurten"].strip()] for r in data["value"]
            if r["WijkenEnBuurten"].startswith("GM")}


def overlaps():
    """2014 code → {2022 code: share of its inhabitants}, and the inhabitants of every 2014 gemeente in AREA."""
    from shapely.geometry import shape
    from shapely.strtree import STRtree
    from shapely.validation import make_valid
    tmp = tempfile.mkdtemp()
    layers = {}
    for name, layer in (("NLD_muni_2013_gemeente_tmap3_wgs84.geojson", "a"), ("NLD_dist_2022_wijk_wgs84.geojson", "w")):
        out = os.path.join(tmp, layer + ".geojson")
        subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:28992", out, os.path.join(RAW, name)], check=True)
        layers[layer] = [(f["properties"], make_valid(shape(f["geometry"]))) for f in json.load(open(out))["features"]]
    tree = STRtree([g for _, g in layers["w"]])
    shares = {}
    for properties, geometry in layers["a"]:
        a = "GM" + properties["code"]
        people = {}
        for index in tree.query(geometry):
            wijk, outline = layers["w"][index]
            overlap = geometry.intersection(outline).area / outline.area
            if overlap > 0 and wijk.get("population"):
                target = "GM" + wijk["code"][2:6]
                people[target] = people.get(target, 0) + wijk["population"] * overlap
        total = sum(people.values())
        AREA[a] = total
        shares[a] = {b: n / total for b, n in people.items()}
    return shares


def main():
    years = {y: codes(y) for y in (2014, 2017, 2019, 2022, 2024)}
    assert [len(years[y]) for y in sorted(years)] == [403, 388, 355, 345, 342], [len(years[y]) for y in sorted(years)]
    raw = overlaps()
    pieces = {}  # 2014 code → {2024 code: share}
    for a, targets in raw.items():
        kept = {b: s for b, s in targets.items() if s >= SLIVER}
        total = sum(kept.values())
        in2024 = {}
        for b, s in kept.items():
            b24 = AFTER_2022.get(b, b)
            assert b24 in years[2024], (a, b)
            in2024[b24] = in2024.get(b24, 0) + s / total
        pieces[a] = (kept, total, in2024)
    assert set(pieces) == set(years[2014]), set(years[2014]) ^ set(pieces)
    rows = []
    for year in (2014, 2017, 2019, 2022):
        # Territory of each gemeente of that year, as (share of a 2014 gemeente, its 2022 target).
        held = {}
        for a, (kept, total, _) in pieces.items():
            for b, s in kept.items():
                owner = a if a in years[year] else b if b in years[year] else None
                if year == 2022:
                    owner = b
                assert owner is not None, f"{a} → {b}: no holder in {year}"
                held.setdefault(owner, []).append((a, b, s / total))
        assert set(held) == set(years[year]), (year, set(held) ^ set(years[year]))
        for code in sorted(held):
            # Weigh the pieces by inhabitants: share × the (2022) inhabitants of the 2014 gemeente.
            by_target = {}
            for a, b, share in held[code]:
                area = AREA[a] * share
                t = AFTER_2022.get(b, b)
                by_target[t] = by_target.get(t, 0) + area
            total = sum(by_target.values())
            basis = "geheel" if len(by_target) == 1 else "inwoners"
            for t, area in sorted(by_target.items()):
                rows.append((year, 2024, code, years[year][code], t, years[2024][t], round(area / total, 4), basis))
    # 2023 and 2024 have the same gemeenten: the Utrecht file of 2023 joins the line as it is.
    assert set(codes(2022)) - set(AFTER_2022) | {"GM1992"} == set(years[2024])
    rows += [(2023, 2024, c, n, c, n, 1.0, "geheel") for c, n in sorted(years[2024].items())]
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write("# Gemeenten van de indelingen 2014, 2017, 2019, 2022 en 2023 en waar hun grondgebied in 2024 ligt. Bron: CBS /"
                " Kadaster, gemeentegrenzen 2014 en 2022 (overlap, Wijkradar) en CBS' gemeentelijke indeling 2023 (CC BY 4.0)."
                " Gemaakt door scripts/make-herindelingen.py.\n")
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["van_indeling", "naar_indeling", "van_code", "van_naam", "naar_code", "naar_naam", "aandeel", "basis"])
        w.writerows(rows)
    changed = [r for r in rows if r[2] != r[4] or r[6] < 1]
    print(len(rows), "rows,", len(changed), "changed")
    for r in changed:
        if r[7] == "inwoners":
            print(r)


AREA = {}
if __name__ == "__main__":
    main()
