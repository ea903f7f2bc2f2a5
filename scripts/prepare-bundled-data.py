#!/usr/bin/env python3
"""Builds Sources/DataImport/Bundled/ from the real open data in ../shared/data (developer tool, run once).

Every output is the source file, compressed, or a documented conversion of it; DATA-LICENSE lists them all.
The CC BY-NC-SA crosswalks are never read here: they must not ship.
"""
import csv, gzip, io, json, os, shutil, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RAW = os.path.join(ROOT, "..", "shared", "data", "raw")
OUT = os.path.join(ROOT, "Sources", "DataImport", "Bundled")


def gz(src, dst):
    with open(src, "rb") as f, gzip.GzipFile(os.path.join(OUT, dst), "wb", mtime=0) as g:
        g.write(f.read())


def gz_bytes(data, dst):
    with gzip.GzipFile(os.path.join(OUT, dst), "wb", mtime=0) as g:
        g.write(data)


def mapping(name, **fields):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(fields, f, ensure_ascii=False, indent=1)
        f.write("\n")


tmap = os.path.join(RAW, "cran-tmap-NLD-2022-and-2013")
urbanity = {"extremely urbanised": 1, "strongly urbanised": 2, "moderately urbanised": 3,
            "hardly urbanised": 4, "not urbanised": 5}
attribution22 = "Bron: CBS, Kerncijfers wijken en buurten 2022 (via R-pakket tmap)"
for level, src in [("wijk", "NLD_dist_2022_wijk_attributes.csv"), ("gemeente", "NLD_muni_2022_gemeente_attributes.csv")]:
    gz(os.path.join(tmap, src), f"cbs-kwb-2022-{level}.csv.gz")
    mapping(f"cbs-kwb-2022-{level}.mapping.json", slug=f"cbs-kwb-2022-{level}en" if level == "wijk" else "cbs-kwb-2022-gemeenten",
            source="CBS", table="kwb-2022", title="Kerncijfers wijken en buurten 2022", year=2022, licence="CC BY 4.0",
            attribution=attribution22, code_column="code", name_column="name", scheme="tmap",
            columns={"urbanity": {"indicator": "urbanity", "values": urbanity}}, province_column="province")

gz(os.path.join(tmap, "NLD_muni_2013_gemeente_tmap3_attributes.csv"), "cbs-gemeenten-2013.csv.gz")
mapping("cbs-gemeenten-2013.mapping.json", slug="cbs-gemeenten-2013", source="CBS / Kadaster", table="wijk-en-buurtkaart-2013",
        title="Gemeenten 2013 (CBS en Kadaster, via R-pakket tmap 3)", year=2013, licence="CC BY 4.0",
        attribution="Bron: CBS en Kadaster (2014), gemeenten 2013 (via R-pakket tmap)", code_column="code", code_prefix="GM",
        name_column="name", scheme="tmap", ignore=["province"])

gz(os.path.join(RAW, "nl-hugo-mapNL-gemeente2017", "gem_2017_attributes.csv"), "cbs-gemeenten-2017.csv.gz")
mapping("cbs-gemeenten-2017.mapping.json", slug="cbs-gemeenten-2017", source="Kadaster / CBS", table="wijk-en-buurtkaart-2017",
        title="Wijk- en Buurtkaart 2017, gemeenten", year=2017, licence="CC BY 4.0",
        attribution="Bron: Kadaster / CBS, Wijk- en Buurtkaart 2017", code_column="gm_code", name_column="gm_naam",
        scheme="wbk", ignore=["water"])

gz(os.path.join(RAW, "ujjwalx-dsa2022-kwb2019-gemeente", "kwb-2019.csv"), "cbs-kwb-2019-gemeenten.csv.gz")
mapping("cbs-kwb-2019-gemeenten.mapping.json", slug="cbs-kwb-2019-gemeenten", source="CBS", table="kwb-2019",
        title="Kerncijfers wijken en buurten 2019, gemeenten", year=2019, licence="CC BY 4.0",
        attribution="Bron: CBS, Kerncijfers wijken en buurten 2019", code_column="unique_id", name_column="region",
        scheme="kwb2019")

# StatLine 85984NED: the repo author's region-keyed extract, written back into the OData TypedDataSet shape
# (one object per region, padded string keys) so that it goes through the same StatLine importer as a download.
nq = os.path.join(RAW, "niquedegraaff-kwb2024-gemeente-wijk")
rows = list(csv.DictReader(open(os.path.join(nq, "kwb2024_gemeente_wijk_8vars.csv"), encoding="utf-8")))
kinds = {r["Codering"]: r["SoortRegio"] for r in rows}
extract = json.load(open(os.path.join(nq, "stripped_filtered_data_2024.json"), encoding="utf-8"))
value = []
for i, (code, measures) in enumerate(extract.items()):
    row = {"ID": i, "WijkenEnBuurten": code.ljust(10), "SoortRegio_2": kinds[code].ljust(10), "Codering_3": code.ljust(10)}
    row.update(measures)
    value.append(row)
typed = {"odata.metadata": "https://opendata.cbs.nl/ODataApi/odata/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet", "value": value}
gz_bytes(json.dumps(typed, ensure_ascii=False).encode(), "85984NED/TypedDataSet.json.gz")
gz(os.path.join(nq, "DataProperties.json"), "85984NED/DataProperties.json.gz")
shutil.copy(os.path.join(nq, "TableInfos.json"), os.path.join(OUT, "85984NED", "TableInfos.json"))

ut = os.path.join(RAW, "wardeiling-utrecht-kwb2023-2024")
shutil.copy(os.path.join(ut, "CBS-Utrecht-kwb-2023.xlsx"), os.path.join(OUT, "kwb-2023-utrecht.xlsx"))
shutil.copy(os.path.join(RAW, "kuuroooo-leefbaarometer3-amstelveen-wijk", "AmstelveenDataWithDimensions.csv"),
            os.path.join(OUT, "leefbaarometer-3-amstelveen-wijken.csv"))

# Wijk outlines 2022: keep code and name, round WGS84 coordinates to 4 decimals (~10 m; maps are drawn small).
geo = json.load(open(os.path.join(tmap, "NLD_dist_2022_wijk_wgs84.geojson"), encoding="utf-8"))
def rnd(c):
    return [round(c[0], 4), round(c[1], 4)] if isinstance(c[0], (int, float)) else [rnd(x) for x in c]
features = [{"type": "Feature", "properties": {"code": f["properties"]["code"], "name": f["properties"]["name"]},
             "geometry": {"type": f["geometry"]["type"], "coordinates": rnd(f["geometry"]["coordinates"])}}
            for f in geo["features"]]
gz_bytes(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")).encode(), "wijkgrenzen-2022.geojson.gz")

manifest = [
    {"file": "cbs-kwb-2022-wijk.csv.gz", "mapping": "cbs-kwb-2022-wijk.mapping.json"},
    {"file": "cbs-kwb-2022-gemeente.csv.gz", "mapping": "cbs-kwb-2022-gemeente.mapping.json"},
    {"file": "85984NED/TypedDataSet.json.gz", "properties": "85984NED/DataProperties.json.gz", "slug": "cbs-statline-85984ned-2024"},
    {"file": "cbs-gemeenten-2013.csv.gz", "mapping": "cbs-gemeenten-2013.mapping.json"},
    {"file": "cbs-gemeenten-2017.csv.gz", "mapping": "cbs-gemeenten-2017.mapping.json"},
    {"file": "cbs-kwb-2019-gemeenten.csv.gz", "mapping": "cbs-kwb-2019-gemeenten.mapping.json"},
    {"file": "kwb-2023-utrecht.xlsx", "slug": "cbs-kwb-2023-utrecht"},
    {"file": "leefbaarometer-3-amstelveen-wijken.csv", "slug": "leefbaarometer-3-amstelveen"},
    {"file": "wijkgrenzen-2022.geojson.gz", "slug": "wijkgrenzen-2022", "year": 2022},
]
json.dump(manifest, open(os.path.join(OUT, "manifest.json"), "w"), indent=1)
print("ok", sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs), "bytes")
