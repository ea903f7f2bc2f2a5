#!/usr/bin/env python3
"""Writes Tests/KnowledgeTests/Fixtures/dutch-stems.tsv: Dutch words and their stems by the reference Snowball
implementation (PyPI snowballstemmer, algorithm "dutch_porter" — the one PostgreSQL's `dutch` configuration uses).
The Swift DutchStemmer must give the same stem for every word. Words: the programme description and a list of
wijkaanpak vocabulary with the algorithm's edge cases."""
import pathlib, re, snowballstemmer

ROOT = pathlib.Path(__file__).resolve().parents[1]
text = (ROOT.parent / "shared" / "reference" / "programme-description-nl.txt").read_text(encoding="utf-8")
extra = """gezondheid woningen opgaven lichamelijke ideeën werkzame elementen financiering regelgeving corporaties bewoners
participatie maan gemeenten vrijheden aanpakken eenzaamheid koppelen buurthuizen wijkteams armoede schulden
jongerenwerk veiligheid leefbaarheid herstructurering sloop nieuwbouw renovatie verduurzaming energiearmoede
achter­standswijken mooie kooien haaien royaal yoghurt ayo kopen lopende zingend eigenlijk betaalbaar vruchtbaarheid
heerlijkheden gemeentelijke wethouders woningcorporatie zorgverzekeraar welzijnsorganisaties onderwijs
kinderopvang werkgelegenheid toegankelijkheid duurzaamheid effectief onderbouwd beschreven aanwijzingen
mechanisme context implementatie economie overdraagbaarheid partijen geldstromen financieringsmodellen
regels minder andere nieuwe gevestigde rol uitdagen actief bestuurlijke samenwerking vernieuwing
stedelijke perspectieven themabijeenkomsten deelnemers disciplines organisaties""".split()
words = sorted({w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", text + " " + " ".join(extra)) if len(w) > 1})
stemmer = snowballstemmer.stemmer("dutch_porter")
out = ROOT / "Tests" / "KnowledgeTests" / "Fixtures" / "dutch-stems.tsv"
out.write_text("".join(f"{w}\t{stemmer.stemWord(w)}\n" for w in words), encoding="utf-8")
print(f"{len(words)} words → {out.relative_to(ROOT)}")
