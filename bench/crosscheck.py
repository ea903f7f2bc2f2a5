#!/usr/bin/env python3
"""Independent cross-check of Wijkradar's analysis (issues 3 and 14): recomputes, from the same CBS KWB 2022 wijk CSV,
the percentiles of the warning indicators, the early-warning composite and the five nearest neighbours, and from the
bundled 2022, 2023 (Utrecht) and 2024 wijk files the change signals and the development type, with plain Python (no
shared code), and compares them with `wijkradar radar` output. Exit 1 on any disagreement.

Usage: bench/crosscheck.py RADAR.csv [CHANGES.csv]   (RADAR.csv written by `wijkradar radar -o RADAR.csv`;
CHANGES.csv by `wijkradar harmoniseer --niveau gemeente --veranderingen CHANGES.csv`, for the gemeenten)
"""
import csv, gzip, io, json, math, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "Sources", "DataImport", "Bundled", "cbs-kwb-2022-wijk.csv.gz")

RULES = [("low_income_persons_pct", "income_low", 1), ("high_income_persons_pct", "income_high", -1),
         ("woz_value", "dwelling_value", -1), ("labour_participation_pct", "employment_rate", -1),
         ("owner_occupied_pct", "dwelling_ownership", -1), ("education_high_pct", "edu_appl_sci", -1)]
FEATURES = [("age_0_14_pct", "pop_0_14"), ("age_65_plus_pct", "pop_65plus"), ("woz_value", "dwelling_value"),
            ("owner_occupied_pct", "dwelling_ownership"), ("labour_participation_pct", "employment_rate"),
            ("low_income_persons_pct", "income_low"), ("high_income_persons_pct", "income_high"),
            ("education_high_pct", "edu_appl_sci"), ("urbanity", "urbanity")]
URBANITY = {"extremely urbanised": 1, "strongly urbanised": 2, "moderately urbanised": 3, "hardly urbanised": 4, "not urbanised": 5}


def number(text, column):
    if column == "urbanity":
        return URBANITY.get(text)
    return None if text in ("", "NA") else float(text)


def stats(values):
    xs = [v for v in values if v is not None]
    mean = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
    return xs, mean, sd


def percentile(xs, x):
    below = sum(1 for v in xs if v < x)
    equal = sum(1 for v in xs if v == x)
    return 100 * (below + 0.5 * equal) / len(xs)


def main(radar_path, changes_path=None):
    rows = list(csv.DictReader(io.TextIOWrapper(gzip.open(SOURCE), encoding="utf-8")))
    codes = [r["code"] for r in rows]
    data = {c: [number(r[c], c) for r in rows] for c in {col for _, col, _ in RULES} | {col for _, col in FEATURES}}

    expected = {}
    rule_stats = {col: stats(data[col]) for _, col, _ in RULES}
    for i, code in enumerate(codes):
        pct, adjusted = {}, []
        for ind, col, side in RULES:
            x = data[col][i]
            xs, mean, sd = rule_stats[col]
            pct[ind] = None if x is None else percentile(xs, x)
            if x is not None:
                adjusted.append(side * (x - mean) / sd)
        composite = sum(adjusted) / len(adjusted) if len(adjusted) * 2 >= len(RULES) else None
        fired = sum(1 for a in adjusted if a >= 1.0)
        expected[code] = (pct, composite, fired)

    z = []
    for _, col in FEATURES:
        xs, mean, sd = stats(data[col])
        z.append([None if v is None else (v - mean) / sd for v in data[col]])
    minimum = max(1, (len(FEATURES) * 2 + 2) // 3)

    def neighbours(i):
        scored = []
        for j in range(len(codes)):
            if j == i:
                continue
            pairs = [(z[f][i], z[f][j]) for f in range(len(FEATURES)) if z[f][i] is not None and z[f][j] is not None]
            if len(pairs) >= minimum:
                scored.append((math.sqrt(sum((a - b) ** 2 for a, b in pairs) / len(pairs)), codes[j]))
        scored.sort()
        return [c for _, c in scored[:5]]

    radar = list(csv.DictReader(open(radar_path, encoding="utf-8")))
    problems = []
    if len(radar) != len(codes):
        problems.append(f"aantal wijken: wijkradar {len(radar)}, python {len(codes)}")
    index = {c: i for i, c in enumerate(codes)}
    for n, row in enumerate(radar):
        code = row["code"]
        pct, composite, fired = expected[code]
        for ind, value in pct.items():
            got = row["pct_" + ind]
            if (value is None) != (got == "") or (value is not None and abs(float(got) - value) > 1e-3):
                problems.append(f"{code} percentiel {ind}: wijkradar {got!r}, python {value}")
        got = row["score"]
        if (composite is None) != (got == "") or (composite is not None and abs(float(got) - composite) > 1e-5):
            problems.append(f"{code} score: wijkradar {got!r}, python {composite}")
        if int(row["signalen"]) != fired:
            problems.append(f"{code} signalen: wijkradar {row['signalen']}, python {fired}")
        # Neighbours: checked for a spread sample of wijken (all 3 340 would take minutes in plain Python).
        if n % 97 == 0:
            mine = neighbours(index[code])
            if row["lijkt_op"].split() != mine:
                problems.append(f"{code} lijkt op: wijkradar {row['lijkt_op']}, python {' '.join(mine)}")
    problems += check_changes(radar, rows)
    if changes_path:
        problems += check_gemeenten(changes_path)
    for p in problems[:20]:
        print("VERSCHIL", p)
    print(f"kruiscontrole: {len(radar)} wijken, {len(problems)} verschillen")
    return 1 if problems else 0


# --- Change signals (issue 14) -------------------------------------------------------------------------------------
BUNDLED = os.path.join(ROOT, "Sources", "DataImport", "Bundled")
# rule id, indicator, measure, side (+1: a rise is unfavourable), relative to the median, threshold, minimum base
CHANGE_RULES = [("woz-blijft-achter", "woz", "percent", -1, True, 10, None),
                ("meer-lage-inkomens", "low_income", "points", 1, True, 3, None),
                ("minder-inwoners", "population", "percent", -1, False, 5, 250),
                ("minder-woningen", "dwellings", "percent", -1, False, 3, 100),
                ("dalende-arbeidsparticipatie", "labour", "points", -1, True, 3, None)]


def wijken_2022(rows):
    """KWB 2022 (tmap): name, area in ha (km² × 100) and the change indicators."""
    out = {}
    for r in rows:
        v = lambda c: None if r[c] in ("", "NA") else float(r[c])
        out[r["code"]] = {"name": r["name"], "area": None if v("area") is None else v("area") * 100,
                          "population": v("population"), "dwellings": v("dwelling_total"), "woz": v("dwelling_value"),
                          "low_income": v("income_low"), "labour": v("employment_rate")}
    return out


def wijken_2023():
    """KWB 2023 for Utrecht's wijken."""
    return kwb_2023_rows("WK")


def kwb_2023_rows(prefix):
    """KWB 2023 for Utrecht, read from the XLSX with the standard library; '.' is secret."""
    import re, zipfile
    from xml.etree import ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    z = zipfile.ZipFile(os.path.join(BUNDLED, "kwb-2023-utrecht.xlsx"))
    shared = ["".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
              for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
    table = []
    for row in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter("{%s}row" % ns["m"]):
        cells = {}
        for c in row.findall("m:c", ns):
            column = re.match(r"[A-Z]+", c.get("r")).group()
            value = c.find("m:v", ns)
            if value is None:
                inline = c.find("m:is", ns)
                text = "".join(t.text or "" for t in inline.iter("{%s}t" % ns["m"])) if inline is not None else ""
            else:
                text = shared[int(value.text)] if c.get("t") == "s" else value.text
            cells[column] = text.strip()
        table.append(cells)
    header = {v: k for k, v in table[0].items()}

    def number(cells, name):
        text = cells.get(header[name], "")
        return None if text in ("", ".") else float(text)

    out = {}
    for cells in table[1:]:
        code = cells.get(header["gwb_code_10"], "")
        if code.startswith(prefix):
            out[code] = {"name": cells.get(header["regio"], ""), "area": number(cells, "a_opp_ha"),
                         "population": number(cells, "a_inw"), "dwellings": number(cells, "a_woning"),
                         "woz": number(cells, "g_wozbag"), "low_income": number(cells, "p_ink_li"),
                         "labour": number(cells, "p_arb_pp")}
    return out


def wijken_2024():
    """StatLine 85984NED (2024): no names; area in ha."""
    data = json.load(gzip.open(os.path.join(BUNDLED, "85984NED", "TypedDataSet.json.gz")))
    out = {}
    for r in data["value"]:
        code = r["Codering_3"].strip()
        if code.startswith("WK"):
            f = lambda k: None if r.get(k) is None else float(r[k])
            out[code] = {"name": None, "area": f("OppervlakteTotaal_122"), "population": f("AantalInwoners_5"),
                         "dwellings": f("Woningvoorraad_35")}
    return out


def check_changes(radar, rows_2022):
    years = {2022: wijken_2022(rows_2022), 2023: wijken_2023(), 2024: wijken_2024()}
    newest = years[2024]
    # Same code, same name where both years have one, area within 1 % (at least 1 ha): the same wijk.
    joined = {2024: newest}
    for year in (2022, 2023):
        joined[year] = {}
        for code, values in years[year].items():
            new = newest.get(code)
            if new is None or values["area"] is None or values["area"] <= 0 or new["area"] is None:
                continue
            if values["name"] and new["name"] and values["name"].lower() != new["name"].lower():
                continue
            if abs(new["area"] - values["area"]) <= max(values["area"] * 0.01, 1.0):
                joined[year][code] = values
    measured = {}
    for rule, indicator, measure, side, relative, threshold, minimum in CHANGE_RULES:
        present = [y for y in sorted(joined) if any(indicator in v for v in joined[y].values())]
        if len(present) < 2:
            continue
        values = {}
        for code in set().union(*(joined[y].keys() for y in present)):
            known = [(y, joined[y][code][indicator]) for y in present
                     if code in joined[y] and joined[y][code].get(indicator) is not None]
            if len(known) < 2:
                continue
            (a, first), (b, last) = known[0], known[-1]
            population = joined[a][code].get("population")
            if (minimum is not None and first < minimum) or population is None or population < 250:
                continue
            if measure == "points":
                change = last - first
            elif first > 0:
                change = (last / first - 1) * 100
            else:
                continue
            values[code] = (a, b, change)
        groups = {}
        for code, (a, b, change) in values.items():
            groups.setdefault((a, b), []).append(code)
        for pair, codes in groups.items():
            if len(codes) < 10:
                continue
            xs = sorted(values[c][2] for c in codes)
            n = len(xs)
            median = xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
            mean = sum(xs) / n
            sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (n - 1))
            for c in codes:
                change = values[c][2]
                unfavourable = (change - (median if relative else 0)) * side
                z = (change - mean) / sd * side if sd > 0 else None
                measured.setdefault(c, {})[rule] = (change, z, unfavourable >= threshold)
    problems = []
    for row in radar:
        code = row["code"]
        mine = measured.get(code, {})
        fired = sum(1 for _, _, fires in mine.values() if fires)
        zs = [z for _, z, _ in mine.values() if z is not None]
        score = sum(zs) / len(zs) if zs else None
        for rule, *_ in CHANGE_RULES:
            got, want = row["chg_" + rule], mine.get(rule, (None,))[0]
            if (want is None) != (got == "") or (want is not None and abs(float(got) - want) > 1e-5):
                problems.append(f"{code} {rule}: wijkradar {got!r}, python {want}")
        if not mine:
            if row["veranderingsscore"] or row["veranderingsregels"] or row["ontwikkelingstype"]:
                problems.append(f"{code} verandering: wijkradar {row['veranderingsscore']!r}, python geen")
            continue
        got = row["veranderingsscore"]
        if (score is None) != (got == "") or (score is not None and abs(float(got) - score) > 1e-5):
            problems.append(f"{code} veranderingsscore: wijkradar {got!r}, python {score}")
        if int(row["veranderingsregels"]) != fired:
            problems.append(f"{code} veranderingsregels: wijkradar {row['veranderingsregels']}, python {fired}")
        kind = development_type(row["signaal"] == "ja", len(mine), fired, score)
        if row["ontwikkelingstype"] != kind:
            problems.append(f"{code} ontwikkelingstype: wijkradar {row['ontwikkelingstype']!r}, python {kind!r}")
    changed = sum(1 for row in radar if row["veranderingsscore"])
    print(f"veranderingen: {changed} wijken met een verandering, {len(problems)} verschillen")
    return problems


def gemeente_figures():
    """Inhabitants and dwellings per gemeente in each bundled year, with the indeling of the file."""
    def rows(name):
        return list(csv.DictReader(io.TextIOWrapper(gzip.open(os.path.join(BUNDLED, name)), encoding="utf-8")))
    f = lambda text: None if text in ("", "NA", ".") else float(text)
    years = {2013: (2014, {"GM" + r["code"]: {"population": f(r["population"])} for r in rows("cbs-gemeenten-2013.csv.gz")}),
             2017: (2017, {r["gm_code"]: {"population": f(r["aant_inw"])} for r in rows("cbs-gemeenten-2017.csv.gz")}),
             2019: (2019, {r["unique_id"]: {"population": f(r["population"])} for r in rows("cbs-kwb-2019-gemeenten.csv.gz")}),
             2022: (2022, {r["code"]: {"population": f(r["population"]), "dwellings": f(r["dwelling_total"])}
                           for r in rows("cbs-kwb-2022-gemeente.csv.gz")})}
    data = json.load(gzip.open(os.path.join(BUNDLED, "85984NED", "TypedDataSet.json.gz")))
    years[2024] = (2024, {r["Codering_3"].strip(): {"population": r["AantalInwoners_5"], "dwellings": r["Woningvoorraad_35"]}
                          for r in data["value"] if r["Codering_3"].startswith("GM")})
    return years


def check_gemeenten(path):
    """Gemeente changes: every year converted to the indeling of 2024 with the bundled herindelingen (counts split
    by share and summed), then the inhabitant and dwelling rules as for wijken."""
    shares = {}
    for line in open(os.path.join(ROOT, "Sources", "Core", "Resources", "herindelingen.csv"), encoding="utf-8"):
        if line.startswith("#") or line.startswith("van_indeling"):
            continue
        f = line.rstrip("\n").split(";")
        shares.setdefault(int(f[0]), []).append((f[2], f[4], float(f[6])))
    years = gemeente_figures()
    utrecht = kwb_2023_rows("GM")
    years[2023] = (2023, utrecht)
    converted = {}
    for year, (indeling, values) in years.items():
        if indeling == 2024:
            converted[year] = values
            continue
        out = {}
        for indicator in ("population", "dwellings"):
            sums = {}
            for a, b, share in shares[indeling]:
                if a not in values or indicator not in values[a]:
                    continue
                v = values[a][indicator]
                if v is None:
                    sums[b] = None
                elif sums.get(b, 0) is not None:
                    sums[b] = sums.get(b, 0) + share * v
            for b, v in sums.items():
                if v is not None:
                    out.setdefault(b, {})[indicator] = v
        converted[year] = out
    expected = {}
    for rule, indicator, minimum in (("minder-inwoners", "population", 250), ("minder-woningen", "dwellings", 100)):
        values = {}
        codes = set().union(*(v.keys() for v in converted.values()))
        for code in codes:
            known = [(y, converted[y][code][indicator]) for y in sorted(converted)
                     if indicator in converted[y].get(code, {})]
            if len(known) < 2:
                continue
            (a, first), (b, last) = known[0], known[-1]
            population = converted[a][code].get("population")
            if first < minimum or population is None or population < 250 or first <= 0:
                continue
            values[code] = (a, b, (last / first - 1) * 100)
        groups = {}
        for code, (a, b, _) in values.items():
            groups.setdefault((a, b), []).append(code)
        for codes_ in groups.values():
            if len(codes_) < 10:
                continue
            xs = [values[c][2] for c in codes_]
            mean = sum(xs) / len(xs)
            sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
            for c in codes_:
                change = values[c][2]
                expected.setdefault(c, {})[rule] = (change, -(change - mean) / sd, -change >= (5 if indicator == "population" else 3))
    problems = []
    rows_ = [r for r in csv.DictReader(open(path, encoding="utf-8")) if r["niveau"] == "gemeente"]
    if set(r["code"] for r in rows_) != set(expected):
        problems.append(f"gemeenten met een verandering: wijkradar {len(rows_)}, python {len(expected)}")
    for row in rows_:
        mine = expected.get(row["code"], {})
        for rule, *_ in CHANGE_RULES:
            got, want = row["chg_" + rule], mine.get(rule, (None,))[0]
            if (want is None) != (got == "") or (want is not None and abs(float(got) - want) > 1e-5):
                problems.append(f"{row['code']} {rule}: wijkradar {got!r}, python {want}")
        fired = sum(1 for _, _, fires in mine.values() if fires)
        score = sum(z for _, z, _ in mine.values()) / len(mine) if mine else None
        if score is None or abs(float(row["veranderingsscore"]) - score) > 1e-5 or int(row["veranderingsregels"]) != fired:
            problems.append(f"{row['code']} score/regels: wijkradar {row['veranderingsscore']} {row['veranderingsregels']}, python {score} {fired}")
        kind = development_type(False, len(mine), fired, score)
        if row["ontwikkelingstype"] != kind:
            problems.append(f"{row['code']} ontwikkelingstype: wijkradar {row['ontwikkelingstype']!r}, python {kind!r}")
    print(f"gemeenten: {len(rows_)} met een verandering, {len(problems)} verschillen")
    return problems


def development_type(signal, rules, fired, score):
    if rules < 2:
        return ""
    score = score or 0
    if fired >= 2 or score >= 1:
        return "Achteruitgang"
    if signal:
        return "Herstel" if score <= -0.5 else "Kwetsbaar zonder herstel"
    if fired >= 1 or score >= 0.5:
        return "Vroegsignaal"
    return ""


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
