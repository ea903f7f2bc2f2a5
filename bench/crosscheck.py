#!/usr/bin/env python3
"""Independent cross-check of Wijkradar's analysis (issue 3): recomputes, from the same CBS KWB 2022 wijk CSV,
the percentiles of the warning indicators, the early-warning composite and the five nearest neighbours, with
plain Python (no shared code), and compares them with `wijkradar radar` output. Exit 1 on any disagreement.

Usage: bench/crosscheck.py RADAR.csv   (RADAR.csv written by `wijkradar radar -o RADAR.csv`)
"""
import csv, gzip, io, math, os, sys

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


def main(radar_path):
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
    for p in problems[:20]:
        print("VERSCHIL", p)
    print(f"kruiscontrole: {len(radar)} wijken, {len(problems)} verschillen")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
