#!/usr/bin/env python3
"""Writes the small real excerpts in Tests/DataImportTests/Fixtures from ../shared/data (developer tool).

The cells are CBS's own; only the file layout varies (delimiter, decimal mark, encoding, BOM, line ends,
padding), as real downloads and Excel exports do.
"""
import csv, io, json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RAW = os.path.join(ROOT, "..", "shared", "data", "raw")
OUT = os.path.join(ROOT, "Tests", "DataImportTests", "Fixtures")
os.makedirs(OUT, exist_ok=True)

src = os.path.join(RAW, "wardeiling-utrecht-kwb2023-2024", "CBS-Utrecht-kwb-2023.csv")
rows = list(csv.reader(open(src, encoding="utf-8", newline="")))
keep = {"GM0344", "WK034401", "WK034402", "BU03440224", "WK034410", "BU03441014"}
excerpt = [rows[0]] + [r for r in rows[1:] if r[0] in keep]


def write(name, rows, delimiter=",", encoding="utf-8", newline="\n", decimal=".", pad=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    for i, row in enumerate(rows):
        cells = []
        for cell in row:
            if i > 0 and decimal != "." and cell.replace(".", "", 1).isdigit():
                cell = cell.replace(".", decimal)
            if i > 0 and pad and (cell == "." or cell.replace(",", "").isdigit()):
                cell = cell.rjust(9)
            cells.append(cell)
        writer.writerow(cells)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(buffer.getvalue().encode(encoding))


write("kwb-2023-utrecht-excerpt.csv", excerpt)
write("kwb-2023-utrecht-excerpt-semicolon-cp1252.csv", excerpt, delimiter=";", encoding="cp1252", newline="\r\n", decimal=",", pad=True)
write("kwb-2023-utrecht-excerpt-bom-crlf.csv", excerpt, encoding="utf-8-sig", newline="\r\n")

# A StatLine TypedDataSet response assembled from CBS's 85984NED keys (DataProperties) and CBS's 2024 values for
# Emmen and Angelslo, plus a wijk whose density CBS left empty, and the country row that real responses contain.
nq = os.path.join(RAW, "niquedegraaff-kwb2024-gemeente-wijk")
values = json.load(open(os.path.join(nq, "stripped_filtered_data_2024.json"), encoding="utf-8"))
def row(i, code, kind, name):
    r = {"ID": i, "WijkenEnBuurten": code.ljust(10), "Gemeentenaam_1": name.ljust(40), "SoortRegio_2": kind.ljust(10),
         "Codering_3": code.ljust(10), "IndelingswijzigingGemeenteWijkBuurt_4": "1".ljust(10)}
    r.update(values[code])
    # Two 85984NED topics share a stem; their presence must be reported, not guessed. CBS leaves them null here.
    r["Appartement_54"] = None
    r["Appartement_62"] = None
    return r
typed = {"odata.metadata": "https://opendata.cbs.nl/ODataApi/odata/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
         "value": [
             {"ID": 0, "WijkenEnBuurten": "NL00      ", "Gemeentenaam_1": "Nederland".ljust(40), "SoortRegio_2": "Land      ",
              "Codering_3": "NL00      ", "AantalInwoners_5": 17942942},
             row(1, "GM0114", "Gemeente", "Emmen"),
             row(2, "WK011443", "Wijk", "Emmen"),
             row(3, "WK003415", "Wijk", "Almere"),
         ]}
json.dump(typed, open(os.path.join(OUT, "statline-85984NED-excerpt.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

mapping = {"source": "CBS", "table": "kwb-2019", "title": "Kerncijfers wijken en buurten 2019, gemeenten", "year": 2019,
           "licence": "CC BY 4.0", "attribution": "Bron: CBS, Kerncijfers wijken en buurten 2019",
           "code_column": "unique_id", "name_column": "region", "scheme": "kwb2019"}
lines = open(os.path.join(RAW, "ujjwalx-dsa2022-kwb2019-gemeente", "kwb-2019.csv"), encoding="utf-8").read().splitlines()
open(os.path.join(OUT, "kwb-2019-gemeenten-excerpt.csv"), "w", encoding="utf-8").write(
    "\n".join([lines[0]] + [l for l in lines if ",GM0114," in l or ",GM0014," in l or l.startswith("Súdwest")]) + "\n")
json.dump(mapping, open(os.path.join(OUT, "kwb-2019-gemeenten.mapping.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
bad = dict(mapping, columns={"inwoners_totaal": "population"})
json.dump(bad, open(os.path.join(OUT, "kwb-2019-missing-column.mapping.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("ok")
