#!/usr/bin/env python3
"""Writes Sources/Programme/Resources/programme-seed.json: the real programme "Nieuwe perspectieven voor stedelijke
vernieuwing" (Platform31/G32, 2016–2017) from ../Platform31, 'Op zoek naar nieuwe perspectieven voor de wijkaanpak' (2016); AD, 'Kwetsbare wijk holt achteruit' (maart 2017) and
../shared/reference/programme.md. Only verified facts, each with its source; unknown stays unknown (the twelfth wijk).
"""
import csv, json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSV = os.path.join(ROOT, "..", "shared", "data", "reference", "g32_nieuwe_perspectieven_12_wijken.csv")
PROGRAMME_MD = "Platform31, programmapagina 'Nieuwe perspectieven voor stedelijke vernieuwing'; AD, maart 2017"
# Gemeente codes checked against CBS Kerncijfers wijken en buurten 2022 (bundled cbs-kwb-2022-gemeente).
GEMEENTE = {"Groningen": "GM0014", "Emmen": "GM0114", "Lelystad": "GM0995", "Haarlem": "GM0392", "Zoetermeer": "GM0637",
            "Delft": "GM0503", "Schiedam": "GM0606", "'s-Hertogenbosch": "GM0796", "Eindhoven": "GM0772",
            "Kerkrade": "GM0928", "Maastricht": "GM0935"}
# CBS wijk (KWB 2022) per programme wijk, as programme.md states it; "benadering" where the CBS wijk only stands in.
CBS = {"Angelslo": ("WK011443", False, "CBS-wijk Angelslo"), "Meerwijk": ("WK039221", False, "CBS-wijk Meerwijk"),
       "Buitenhof": ("WK050325", False, "CBS-wijk Buitenhof"), "Meerzicht": ("WK063701", False, "CBS-wijk Meerzicht"),
       "Kerkrade-West": ("WK092800", False, "CBS-wijk Kerkrade-West"),
       "Selwerd": ("WK001410", True, "Selwerd ligt in de CBS-wijk Noordwest"),
       "Jagershoef": ("WK077251", True, "Jagershoef is een buurt in de CBS-wijk Ontginning"),
       "Schiedam-Oost": ("WK060601", True, "dicht bij de CBS-wijk Oost; afbakening verschilt")}

wijken = []
for row in csv.DictReader(open(CSV, encoding="utf-8")):
    if row["gemeente"] == "ONBEKEND":
        wijken.append({"number": int(row["nr"]), "open": True, "note": "De twaalfde wijk is in de bronnen niet gevonden; het programmabureau vult haar aan."})
        continue
    facts = []
    if row["bouwperiode"]:
        facts.append({"field": "bouwperiode", "value": row["bouwperiode"], "source": row["bouwperiode_bron"] or PROGRAMME_MD})
    if row["inwoners"]:
        facts.append({"field": "inwoners", "value": row["inwoners"], "asOf": row["inwoners_peildatum"], "source": row["inwoners_bron"]})
    if row["pc4"]:
        facts.append({"field": "postcode", "value": row["pc4"], "source": row["inwoners_bron"] or row["bouwperiode_bron"]})
    if row["opmerking"]:
        facts.append({"field": "opmerking", "value": row["opmerking"], "source": "Platform31, 'Op zoek naar nieuwe perspectieven voor de wijkaanpak' (2016); AD, 'Kwetsbare wijk holt achteruit' (maart 2017)"})
    wijk = {"number": int(row["nr"]), "open": False, "city": row["gemeente"], "municipalityCode": GEMEENTE[row["gemeente"]],
            "wijk": row["wijk"], "nameSource": PROGRAMME_MD, "facts": facts}
    if row["wijk"] in CBS:
        code, approximate, note = CBS[row["wijk"]]
        wijk["cbsArea"] = {"codes": [code], "approximate": approximate, "note": note, "source": "Platform31, programma 'Nieuwe perspectieven voor stedelijke vernieuwing'; AD, maart 2017"}
    wijken.append(wijk)

# The sources give months and seasons, not days: keep that precision.
seed = {"programme": {"name": "Nieuwe perspectieven voor stedelijke vernieuwing", "organiser": "Platform31 met het G32-stedennetwerk",
                      "period": "najaar 2016 – voorjaar 2017", "meetingsFromMonth": "2016-12", "meetingsUntilMonth": "2017-04",
                      "source": PROGRAMME_MD + "; programmabeschrijving: 'in de periode december 2016 tot april 2017'"},
        "aspects": ["Slim koppelen van (nieuwe) opgaven",
                    "Nieuwe partijen betrekken of gevestigde partijen in een andere rol",
                    "Andere inzet en nieuwe vormen van financiering",
                    "Regelgeving inzetten (minder regels, andere regels)"],
        "wijken": wijken}
out = os.path.join(ROOT, "Sources", "Programme", "Resources", "programme-seed.json")
json.dump(seed, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("ok", len(wijken))
