#!/usr/bin/env python3
"""Writes one fixture per layout in scripts/layouts (Tests/DataImportTests/Fixtures/layouts): the layout's header
with a few rows, in the file format CBS or PDOK published it in. Run once; outputs are committed.

Rows are real where a real file was available: the Utrecht kwb-2023 file, the kwb-2019 extract, the Wijk- en
Buurtkaart 2017 gemeente attributes and the 2023 wijk .dbf in ../shared, the 2017 shapefile rows and PDOK 2023 rows
copied from the sources named in scripts/layouts (rows/*.csv), the StatLine 2024 extract. Where a layout's source
gave names only, rows are realistic: the same region's real values under the layout's names where another layout
has them, plausible values for the rest (marked in each fixture's README line). GDAL (ogr2ogr) writes the .dbf and
GeoPackage files, so the readers are tested on files another tool made.
"""
import csv, glob, json, os, re, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "..", "..", "shared", "data", "raw")
OUT = os.path.join(HERE, "..", "Tests", "DataImportTests", "Fixtures", "layouts")
TMP = tempfile.mkdtemp()


def layouts():
    for path in sorted(glob.glob(os.path.join(HERE, "layouts", "*.txt"))):
        head, columns = {}, []
        for line in open(path, encoding="utf-8").read().splitlines():
            if line.startswith("# "):
                k, _, v = line[2:].partition(": ")
                head[k] = v
            elif line.strip():
                columns.append(line.split(" = ")[0].strip())
        yield head, columns


def key(name):
    return re.sub(r"_\d+$", "", name.lower().replace("_", ""))


def rows_csv(path):
    return list(csv.DictReader(open(path, encoding="utf-8")))


CATALOGUE = json.load(open(os.path.join(HERE, "..", "Sources", "Core", "Resources", "indicators.json"), encoding="utf-8"))
UNITS = {(scheme, key(n)): i["unit"] for i in CATALOGUE["indicators"] for scheme, names in i["names"].items() for n in names}
BY_UNIT = {"%": 12, "personen": 2.1, "x 1 000 euro": 31.5, "km": 1.2, "klasse": 2, "kWh": 2480, "m³": 1090,
           "per 1 000 inwoners": 9, "per huishouden": 0.9, "inwoners per km²": 5400, "adressen per km²": 2300,
           "score": 0.2, "per km²": 1500, "ha": 250}


def plausible(column, index, scheme=None, qualified=None):
    """A value a real file could hold for a column no real row gives: by the catalogue's unit for it, else by what
    CBS's name says it is."""
    name = qualified or (re.sub(r"_\d+$", "", column) if scheme == "statline" else column)
    unit = UNITS.get((scheme, key(name)))
    if unit == "klasse":
        return 1 + index % 5
    if unit in BY_UNIT:
        return BY_UNIT[unit] + index
    name = column.lower()
    if name.startswith(("p_", "percentage", "perc")):
        return 10 + (index * 7) % 30
    if name.startswith(("af_", "g_afs")):
        return round(0.8 + index * 0.3, 1)
    if name.startswith("av"):
        return round(1.5 + index * 0.4, 1)
    if name in ("gem_hh_gr", "auto_hh"):
        return round(1.9 + index * 0.1, 1)
    if name in ("objectid", "fid", "gem_nr"):
        return index + 1
    if name in ("shape_leng", "shape_area"):
        return round(1000.5 * (index + 1), 1)
    if name in ("indeling", "ind_wbi", "indelingswijzigingwijkenenbuurten"):
        return 1
    if name in ("postcode", "meestvoorkomendepostcode"):
        return 3311 + index
    if name in ("dek_perc", "dekkingspercentage"):
        return 2
    if name in ("sted", "stedelijkheidadressenperkm2"):
        return 1 + index % 5
    if name == "shape":
        return ""
    return 100 * (index + 3) + index


def region(column, code, name, municipality, municipality_name, year):
    """The value of a region column for a buurt/wijk/gemeente code, or None for a figure column."""
    n = column.lower().replace("_", "")
    table = {"bucode": code, "buurtcode": code, "wkcode": code if code.startswith("WK") else "WK" + code[2:8],
             "wijkcode": code if code.startswith("WK") else "WK" + code[2:8], "gmcode": municipality,
             "gemeentecode": municipality, "bunaam": name, "buurtnaam": name, "wknaam": name, "wijknaam": name,
             "gmnaam": municipality_name, "gemeentenaam": municipality_name, "water": "NEE", "h2o": "NEE",
             "jrstatcode": f"{year}{code}", "jaarstatcode": f"{year}{code}", "jaar": year}
    return table.get(n)


def dbf(path, header, rows):
    """A .dbf written by GDAL from a CSV (shapefile field names, numbers detected as numbers)."""
    source = os.path.join(TMP, os.path.basename(path) + ".csv")
    with open(source, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    for ext in (".dbf", ".shp", ".shx", ".prj", ".cpg"):
        if os.path.exists(path[:-4] + ext):
            os.remove(path[:-4] + ext)
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", "-oo", "AUTODETECT_TYPE=YES", "-lco", "ENCODING=UTF-8",
                    path, source], check=True)
    if os.path.exists(path[:-4] + ".cpg"):
        os.remove(path[:-4] + ".cpg")


def gpkg(path, layer, header, rows):
    """A GeoPackage table written by GDAL from a CSV: an attributes table, as CBS's figures without outlines."""
    source = os.path.join(TMP, layer + ".csv")
    columns = [c for c in header if c.lower() not in ("fid", "geom")]
    with open(source, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        w.writerows([[row[header.index(c)] for c in columns] for row in rows])
    if os.path.exists(path):
        os.remove(path)
    subprocess.run(["ogr2ogr", "-f", "GPKG", "-oo", "AUTODETECT_TYPE=YES", "-nln", layer, path, source], check=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    utrecht = list(csv.reader(open(os.path.join(RAW, "wardeiling-utrecht-kwb2023-2024", "CBS-Utrecht-kwb-2023.csv"),
                                   encoding="utf-8")))
    pdok23 = rows_csv(os.path.join(HERE, "layouts", "rows", "pdok-2023-buurten.rows.csv"))
    wbk17buurt = rows_csv(os.path.join(HERE, "layouts", "rows", "wbk-shp-2017-buurt.rows.csv"))
    wbk17wijk = rows_csv(os.path.join(HERE, "layouts", "rows", "wbk-shp-2017-wijk.rows.csv"))
    notes = []
    for head, columns in layouts():
        fixture = head["fixture"]
        path = os.path.join(OUT, fixture)
        layout, year, scheme = head["id"], int(head["years"].split(",")[0]), head["scheme"]
        if layout in ("kwb-2023", "kwb-2024"):
            assert utrecht[0] == columns, layout
            with open(path, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(utrecht[:7])
            notes.append((fixture, "real rows of CBS kwb-2023 (Utrecht)" if layout == "kwb-2023" else
                          "the 2024 header; the rows are Utrecht's real 2023 values as stand-ins"))
        elif layout == "kwb-2019-extract":
            lines = open(os.path.join(RAW, "ujjwalx-dsa2022-kwb2019-gemeente", "kwb-2019.csv"), encoding="utf-8").read().splitlines()
            open(path, "w", encoding="utf-8").write("\n".join(lines[:7]) + "\n")
            notes.append((fixture, "real rows of the kwb-2019 extract"))
        elif layout == "statline-85984NED":
            os.makedirs(os.path.dirname(path), exist_ok=True)
            extract = json.load(open(os.path.join(RAW, "niquedegraaff-kwb2024-gemeente-wijk", "stripped_filtered_data_2024.json")))
            qualified = dict(line.split(" = ") for line in open(os.path.join(HERE, "layouts", "statline-85984NED.txt"),
                             encoding="utf-8").read().splitlines() if " = " in line)
            records = []
            for index, (code, values) in enumerate(list(extract.items())[:3]):
                level = "Gemeente" if code.startswith("GM") else "Wijk"
                record = {}
                for c in columns:
                    if c in values:
                        record[c] = values[c]
                    elif c == "ID":
                        record[c] = index
                    elif c == "WijkenEnBuurten" or c.startswith("Codering"):
                        record[c] = code.ljust(10)
                    elif c.startswith("Gemeentenaam"):
                        record[c] = "Noardeast-Fryslân".ljust(24) if code.startswith("GM1") else "Gemeente".ljust(24)
                    elif c.startswith("SoortRegio"):
                        record[c] = level.ljust(10)
                    elif c.startswith(("IndelingswijzigingGemeenteWijkBuurt", "MeestVoorkomendePostcode", "Dekkingspercentage")):
                        record[c] = "1"
                    else:
                        record[c] = plausible(c, index, "statline", qualified.get(c))
                records.append(record)
            json.dump({"odata.metadata": "https://opendata.cbs.nl/ODataApi/OData/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
                       "value": records}, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
            props = os.path.join(RAW, "niquedegraaff-kwb2024-gemeente-wijk", "DataProperties.json")
            open(os.path.join(os.path.dirname(path), "DataProperties.json"), "w", encoding="utf-8").write(open(props, encoding="utf-8").read())
            notes.append((fixture, "keys of CBS's DataProperties (next to it); the 8 measures of the StatLine extract real, the rest realistic"))
        elif scheme == "wbk" or scheme == "pdok":
            real = {"wbk-2017-buurt": wbk17buurt, "wbk-2017-wijk": wbk17wijk, "pdok-2023-buurt": pdok23}.get(layout)
            if layout == "wbk-2017-gemeente":
                real = rows_csv(os.path.join(RAW, "nl-hugo-mapNL-gemeente2017", "gem_2017_attributes.csv"))[:5]
            if layout == "wbk-2023-wijk":
                real = rows_csv(os.path.join(RAW, "elan-dcc-wijkprofielen-geometry", "wijk_2023_v0_attributes.csv"))[:5]
            rows = []
            if real:
                rows = [[r[c] for c in columns] for r in real]
                notes.append((fixture, "real rows from the layout's source"))
            else:
                # Realistic: the real PDOK 2023 buurten under this layout's names where they share a figure, the
                # 2017 Groningen buurten for the migration background columns, plausible values for the rest.
                known = []
                for a, b in zip(pdok23, wbk17buurt):
                    values = {key(k): v for k, v in a.items()}
                    migration = {"westersemigratieachtergrond": "P_WEST_AL", "nietwestersemigratieachtergrond": "P_N_W_AL",
                                 "uitmarokko": "P_MAROKKO", "uitnederlandseantillenenaruba": "P_ANT_ARU",
                                 "uitsuriname": "P_SURINAM", "uitturkije": "P_TURKIJE",
                                 "overigenietwestersemigratieachtergrond": "P_OVER_NW"}
                    for suffix, short in migration.items():
                        values["percentage" + suffix] = b[short]
                    known.append(values)
                used = set()
                for index, values in enumerate(known):
                    code, name = values["buurtcode"], values["buurtnaam"]
                    if layout.endswith("gemeente"):
                        code, name = values["gemeentecode"], values["gemeentenaam"]
                    if code in used:
                        continue
                    used.add(code)
                    row = []
                    for c in columns:
                        r = region(c, code, name, values["gemeentecode"], values["gemeentenaam"], year)
                        if r is not None:
                            row.append(r)
                        elif key(c) in values and key(c) not in ("fid", "jaar", "jrstatcode"):
                            row.append(values[key(c)])
                        else:
                            row.append(plausible(c, index, scheme))
                    rows.append(row)
                notes.append((fixture, "realistic: real PDOK 2023 and WBK 2017 values under this layout's names, plausible values for the rest"))
            if fixture.endswith(".dbf"):
                dbf(path, columns, rows)
            elif fixture.endswith(".gpkg"):
                gpkg(path, "buurten", columns, rows)
            else:
                features = [{"type": "Feature", "geometry": None, "properties": dict(zip(columns, row))} for row in rows]
                json.dump({"type": "FeatureCollection", "name": "buurten", "features": features},
                          open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        else:
            raise SystemExit(f"no fixture recipe for {layout}")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write("# Layout fixtures\n\nOne file per layout in `scripts/layouts/`, written by `scripts/make-layout-fixtures.py`.\n"
                "Bron: CBS / Kadaster / PDOK, CC BY 4.0.\n\n| file | rows |\n|---|---|\n")
        for fixture, note in notes:
            f.write(f"| {fixture} | {note} |\n")
    print(len(notes), "fixtures")


main()
