#!/usr/bin/env python3
"""Makes the geometry test fixtures from real outlines in ../shared/data/raw with GDAL (ogr2ogr), run once; the
outputs are committed in Tests/DataImportTests/Fixtures/geo. GDAL converts WGS84 to RD New and writes the
GeoPackage, GeoJSON and shapefile, so Wijkradar's readers and its RD→WGS84 conversion are tested against an
independent implementation, not against files written by hand.

Sources (CC BY 4.0, Bron: CBS / Kadaster):
- cran-tmap-NLD-2022-and-2013: wijk and gemeente outlines 2022 (WGS84) with KWB 2022 figures (tmap names);
- elan-dcc-wijkprofielen-geometry: wijk outlines 2016 in RD New, and their WGS84 conversion by R sf.
Four programme cities keep the files small: Groningen, Dordrecht, Schiedam, Heerlen.
"""
import json, os, sqlite3, struct, subprocess, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "..", "..", "shared", "data", "raw")
OUT = os.path.join(HERE, "..", "Tests", "DataImportTests", "Fixtures", "geo")
CITIES = ("0014", "0505", "0606", "0917")
URBANITY = {"extremely urbanised": 1, "strongly urbanised": 2, "moderately urbanised": 3,
            "hardly urbanised": 4, "not urbanised": 5}
AGES = [("pop_0_14", "0_tot_15_jaar"), ("pop_15_24", "15_tot_25_jaar"), ("pop_25_44", "25_tot_45_jaar"),
        ("pop_45_64", "45_tot_65_jaar"), ("pop_65plus", "65_jaar_en_ouder")]


def ogr(*args):
    subprocess.run(["ogr2ogr", *args], check=True)


def cbs(properties, level):
    """tmap's KWB 2022 attributes under the CBS Wijk- en Buurtkaart's long names; NA becomes CBS's -99999999."""
    code = properties["code"]
    out = {}
    if level == "wijk":
        out["wijkcode"] = code
        out["wijknaam"] = properties["name"]
    out["gemeentecode"] = "GM" + code[2:6]
    if level == "gemeente":
        out["gemeentenaam"] = properties["name"]
    out["water"] = "NEE"
    out["jrstatcode"] = "2022" + code
    out["jaar"] = 2022
    value = lambda key: -99999999 if properties.get(key) is None else properties[key]
    out["aantal_inwoners"] = value("population")
    for source, suffix in AGES:
        out["percentage_personen_" + suffix] = value(source)
    out["oppervlakte_totaal_in_ha"] = round(properties["area"] * 100) if properties.get("area") is not None else -99999999
    out["stedelijkheid_adressen_per_km2"] = URBANITY.get(properties.get("urbanity"), -99999997)
    return out


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def subset(path, level):
    data = json.load(open(path, encoding="utf-8"))
    keep = [f for f in data["features"] if f["properties"]["code"][2:6] in CITIES]
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": cbs(f["properties"], level), "geometry": f["geometry"]} for f in keep]}


def write(data, directory, name):
    path = os.path.join(directory, name)
    json.dump(data, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    return path


SHORT = {"gemeentecode": "GM_CODE", "gemeentenaam": "GM_NAAM", "wijkcode": "WK_CODE", "wijknaam": "WK_NAAM",
         "water": "WATER", "jrstatcode": "JRSTATCODE", "aantal_inwoners": "AANT_INW",
         "percentage_personen_0_tot_15_jaar": "P_00_14_JR", "percentage_personen_15_tot_25_jaar": "P_15_24_JR",
         "percentage_personen_25_tot_45_jaar": "P_25_44_JR", "percentage_personen_45_tot_65_jaar": "P_45_64_JR",
         "percentage_personen_65_jaar_en_ouder": "P_65_EO_JR", "oppervlakte_totaal_in_ha": "OPP_TOT",
         "stedelijkheid_adressen_per_km2": "STED"}


def levels_zip(gemeenten, wijken, tmp):
    """wijkbuurtkaart_2022_v1.zip: gemeente_2022_v1 and wijk_2022_v1 as shapefiles in RD New under the
    shapefiles' short upper-case names (jaar dropped: the shapefiles of 2017 and 2020 have none)."""
    directory = os.path.join(tmp, "levels")
    os.makedirs(directory, exist_ok=True)
    for data, stem in ((gemeenten, "gemeente_2022_v1"), (wijken, "wijk_2022_v1")):
        short = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": f["geometry"],
             "properties": {SHORT[k]: v for k, v in f["properties"].items() if k in SHORT}} for f in data["features"]]}
        ogr("-f", "ESRI Shapefile", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:28992", "-lco", "ENCODING=UTF-8",
            os.path.join(directory, stem + ".shp"), write(short, tmp, stem + ".geojson"))
    with zipfile.ZipFile(os.path.join(OUT, "wijkbuurtkaart_2022_v1.zip"), "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(os.listdir(directory)):
            archive.write(os.path.join(directory, name), name)


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp()
    tmap = os.path.join(RAW, "cran-tmap-NLD-2022-and-2013")
    wijken = subset(os.path.join(tmap, "NLD_dist_2022_wijk_wgs84.geojson"), "wijk")
    gemeenten = subset(os.path.join(tmap, "NLD_muni_2022_gemeente_wgs84.geojson"), "gemeente")
    # The originals the tests compare with: the same features in WGS84, as tmap has them.
    write(wijken, OUT, "originals-wijken-2022-wgs84.geojson")
    write(gemeenten, OUT, "originals-gemeenten-2022-wgs84.geojson")

    # 1. A Wijk- en Buurtkaart GeoPackage in RD New: layers gemeenten and wijken, long lowercase names.
    gpkg = os.path.join(OUT, "wijkenbuurten_2022_v1.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    ogr("-f", "GPKG", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:28992", "-nln", "gemeenten", gpkg,
        write(gemeenten, tmp, "gemeenten.geojson"))
    ogr("-f", "GPKG", "-update", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:28992", "-nln", "wijken", gpkg,
        write(wijken, tmp, "wijken.geojson"))

    # 2. PDOK-style GeoJSON: camelCase attributes, the year only in jaar / jrstatcode, not in the file name.
    pdok = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {camel(k): v for k, v in f["properties"].items()}, "geometry": f["geometry"]}
        for f in wijken["features"]]}
    source = write(pdok, tmp, "pdok.geojson")
    ogr("-f", "GeoJSON", "-lco", "RFC7946=YES", "-lco", "COORDINATE_PRECISION=7", "-nln", "wijken",
        os.path.join(OUT, "pdok-wijken.geojson"), source)
    ogr("-f", "GeoJSON", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:28992", "-lco", "COORDINATE_PRECISION=3",
        "-nln", "wijken", os.path.join(OUT, "pdok-wijken-rd.json"), source)
    ogr("-f", "GeoJSON", "-nlt", "NONE", "-nln", "wijken", os.path.join(OUT, "pdok-wijken-zonder-geometrie.json"), source)

    # 3. A zipped shapefile in RD New from the 2016 outlines (short names, as CBS's shapefiles have them).
    elan = os.path.join(RAW, "elan-dcc-wijkprofielen-geometry")
    where = "GMC IN (" + ",".join(f"'GM{c}'" for c in CITIES) + ")"
    shp_dir = os.path.join(tmp, "shp")
    os.makedirs(shp_dir)
    ogr("-f", "ESRI Shapefile", "-where", where, "-lco", "ENCODING=UTF-8", os.path.join(shp_dir, "wijk_2016.shp"),
        os.path.join(elan, "wijk_2016_6.geojson"))
    with zipfile.ZipFile(os.path.join(OUT, "wijk_2016.zip"), "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(os.listdir(shp_dir)):
            archive.write(os.path.join(shp_dir, name), name)
    wgs = json.load(open(os.path.join(elan, "wijk_2016_6_wgs84.geojson"), encoding="utf-8"))
    write({"type": "FeatureCollection", "features": [f for f in wgs["features"] if f["properties"]["GMC"][2:] in CITIES]},
          OUT, "originals-wijken-2016-wgs84.geojson")

    # 3b. A zipped Wijk- en Buurtkaart of several levels, as CBS published them until 2020.
    levels_zip(gemeenten, wijken, tmp)

    # 4. Bad input, each made from the good files.
    bad = os.path.join(OUT, "bad")
    os.makedirs(bad, exist_ok=True)
    open(os.path.join(bad, "geen-geopackage.gpkg"), "w").write("gemeentecode;aantal_inwoners\nGM0014;1\n")
    whole = open(gpkg, "rb").read()
    open(os.path.join(bad, "afgebroken_2022.gpkg"), "wb").write(whole[: len(whole) // 3])
    nocode = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"naam": f["properties"]["wijknaam"]}, "geometry": f["geometry"]}
        for f in wijken["features"][:3]]}
    path = os.path.join(bad, "zonder-codes_2022.gpkg")
    if os.path.exists(path):
        os.remove(path)
    ogr("-f", "GPKG", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:28992", "-nln", "wijken", path,
        write(nocode, tmp, "nocode.geojson"))
    # WGS84 degrees declared as RD New metres: the mistake of a wrong -a_srs.
    path = os.path.join(bad, "buiten-nederland_2022.gpkg")
    if os.path.exists(path):
        os.remove(path)
    ogr("-f", "GPKG", "-a_srs", "EPSG:28992", "-nln", "wijken", path, os.path.join(tmp, "wijken.geojson"))
    write({"type": "FeatureCollection", "features": []}, bad, "leeg_2022.geojson")
    # One geometry claiming four billion points in a blob of a few kilobytes.
    path = os.path.join(bad, "absurd-wkb_2022.gpkg")
    open(path, "wb").write(whole)
    db = sqlite3.connect(path)
    # GDAL's R-tree triggers call spatial functions Python's sqlite3 lacks; the bad file does not need them.
    for (trigger,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f'DROP TRIGGER "{trigger}"')
    fid, blob = db.execute("SELECT fid, geom FROM wijken ORDER BY fid LIMIT 1").fetchone()
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    wkb = 8 + envelope
    order = "<" if blob[wkb] == 1 else ">"
    kind = struct.unpack(order + "I", blob[wkb + 1: wkb + 5])[0] % 1000
    # The first ring's point count: after the header, (the polygon count and the first member's header,) the ring count.
    at = wkb + 5 + (4 + 5 if kind == 6 else 0) + 4
    patched = blob[:at] + struct.pack(order + "I", 0xFFFFFFF0) + blob[at + 4:]
    db.execute("UPDATE wijken SET geom = ? WHERE fid = ?", (patched, fid))
    db.commit()
    db.close()
    print("fixtures written to", OUT)


if __name__ == "__main__":
    main()
