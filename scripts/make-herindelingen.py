#!/usr/bin/env python3
"""Writes Sources/Core/Resources/herindelingen.csv: for every gemeente of each indeling the bundled data use (2014,
2017, 2019, 2022, 2023), where its territory lies in the indeling of 2024. Run once; the output is committed.

How (see also `calibrate`): the gemeente outlines of CBS/Kadaster for the indeling of 2014 (tmap 3, '2013', 403 gemeenten) and the wijk
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


def populations(year):
    """Code → inhabitants in the bundled file of that indeling (2014: the 2013 file, whose indeling is 2014's)."""
    def rows(name):
        return list(csv.DictReader(io.TextIOWrapper(gzip.open(os.path.join(BUNDLED, name)), encoding="utf-8")))
    if year == 2014:
        return {"GM" + r["code"]: float(r["population"]) for r in rows("cbs-gemeenten-2013.csv.gz")}
    if year == 2017:
        return {r["gm_code"]: float(r["aant_inw"]) for r in rows("cbs-gemeenten-2017.csv.gz")}
    if year == 2019:
        return {r["unique_id"]: float(r["population"]) for r in rows("cbs-kwb-2019-gemeenten.csv.gz")}
    if year == 2022:
        return {r["code"]: float(r["population"]) for r in rows("cbs-kwb-2022-gemeente.csv.gz")}
    data = json.load(gzip.open(os.path.join(BUNDLED, "85984NED", "TypedDataSet.json.gz")))
    return {r["WijkenEnBuurten"].strip(): float(r["AantalInwoners_5"]) for r in data["value"]
            if r["WijkenEnBuurten"].startswith("GM")}


def calibrate(pieces, years):
    """The 2022 inhabitants of a piece say where people live now, not when the gemeente was split: a piece that was
    farmland then and a new district now (Meerstad, from Slochteren to Groningen in 2019) would carry thousands of
    people who were not there. So the shares of a split gemeente are fitted to the published inhabitants on both
    sides of its change: in the last year it exists (y0) and the first year after (y1), every receiving gemeente b
    has inhabitants(b, y1) = (1 + g) × (inhabitants in y0 of the gemeenten that went whole into b + x_b ×
    inhabitants(split, y0)), with one growth g for all gemeenten of the change; then Σ x_b = 1 by construction, and
    a negative x_b (a receiver that grew less than the others) or one under 1 % is set to 0 and the rest renormalised. So no receiving
    gemeente jumps at its change. Where a receiver is much larger than the split gemeente its own growth weighs in
    x_b: for Haaren's piece in Tilburg (2021) the fit gives 15,7 % against 9,5 % by overlap."""
    order = [2014, 2017, 2019, 2022, 2024]
    people = {y: populations(y) for y in order}
    report = []
    for a, (kept, total, _) in sorted(pieces.items()):
        if len(kept) < 2:
            continue
        # The pieces change hands in the first year the gemeente is gone, or in 2022 for one that stays (the pieces
        # are those of 2022's wijken; see main).
        y1 = next(y for y in (2017, 2019, 2022) if a not in years[y] or y == 2022)
        y0 = order[order.index(y1) - 1]
        receivers = {b: s / total for b, s in kept.items()}
        if not all(b in years[y1] for b in receivers):
            report.append((a, "niet gekalibreerd: ontvanger bestaat niet in", y1))
            continue
        before = {b: 0.0 for b in receivers}
        whole = {}
        for o in years[y0]:
            if o == a:
                continue
            parts = {}
            for a2, (k, t, _) in pieces.items():
                holder = a2 if a2 in years[y0] else None
                for b, s in k.items():
                    if holder is None:
                        holder_b = b if b in years[y0] else None
                        if holder_b != o:
                            continue
                    elif holder != o:
                        continue
                    parts[b] = parts.get(b, 0) + s / t
            if len(parts) == 1 and next(iter(parts)) in before:
                whole[o] = next(iter(parts))
        for o, b in whole.items():
            before[b] += people[y0][o]
        split = people[y0][a]
        growth = sum(people[y1][b] for b in receivers) / (sum(before.values()) + split)
        fitted = {}
        for b, share in receivers.items():
            fitted[b] = max(0.0, people[y1][b] / growth - before[b]) / split
        # Under 1 % after the fit is the growth noise of the others, not a piece with people (Noordoostpolder's
        # piece in Urk: 0,2 %).
        fitted = {b: x for b, x in fitted.items() if x >= 0.01 * sum(fitted.values())}
        free = sum(fitted.values())
        result = {b: x / free for b, x in fitted.items()}
        report.append((a, y0, y1, {b: round(receivers[b], 3) for b in receivers}, {b: round(v, 3) for b, v in result.items()}))
        pieces[a] = ({b: v * total for b, v in result.items() if v > 0}, total, None)
    for line in report:
        print("kalibratie", *line)


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
    calibrate(pieces, years)
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
                " Kadaster, gemeentegrenzen 2014 en 2022 (overlap, Wijkradar; verdeelde gemeenten bijgesteld op de gepubliceerde"
                " inwonertallen voor en na de wijziging) en CBS' gemeentelijke indeling 2023 (CC BY 4.0)."
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
