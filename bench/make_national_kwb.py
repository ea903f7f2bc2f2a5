#!/usr/bin/env python3
"""Make a national-scale CBS "Kerncijfers wijken en buurten 2023" CSV for the import benchmark.

    python3 bench/make_national_kwb.py OUT.csv [SOURCE.csv]

CBS's national kwb file has ~18,300 rows (gemeenten, wijken, buurten) × ~120 columns. We only have a real-format
subset: gemeente Utrecht (GM0344, 122 rows, CBS, CC BY 4.0 — "Bron: CBS, Kerncijfers wijken en buurten 2023"; see
PROVENANCE.md next to it). This script repeats those rows 150 times, each copy under its own synthetic gemeente
number 1000..1149, so the size and shape match the national file while every value is a real CBS value.

The output looks like the files users really have, because that is the path worth measuring:
- CRLF line ends and Windows-1252 text (what Excel and CBS downloads give on Windows);
- gemeente names from a fixed list of real names, some with diacritics, a comma or an apostrophe, so fields need
  quoting; only characters that are identical in Latin-1 and Windows-1252 (no bytes 0x80-0x9F), so a Latin-1
  reader (DuckDB) sees exactly the same text as a Windows-1252 reader;
- comma delimiter, decimal point and `.` for secret, as CBS writes them.
No randomness: the same input gives the same bytes every run.
"""
import csv
import io
import os
import sys

SOURCE = "/work/shared/data/raw/wardeiling-utrecht-kwb2023-2024/CBS-Utrecht-kwb-2023.csv"
COPIES = 150
FIRST_GEMEENTE = 1000  # 1000..1149: four digits, and no clash with the real code 0344 of the source rows

# Real gemeente names, used round-robin (so each name occurs 5 times; the codes stay unique). The awkward ones
# first, so even a short file has them.
NAMES = [
    "Súdwest-Fryslân", "Nuenen, Gerwen en Nederwetten", "Bergen (NH.)", "'s-Hertogenbosch", "Noardeast-Fryslân",
    "'s-Gravenhage", "Bergen (L.)", "De Fryske Marren", "Tytsjerksteradiel", "Dantumadiel",
    "Amsterdam", "Rotterdam", "Emmen", "Groningen", "Zwolle", "Tilburg", "Heerlen", "Leeuwarden", "Nijmegen",
    "Arnhem", "Schiedam", "Vlaardingen", "Den Helder", "Lelystad", "Almere", "Enschede", "Sittard-Geleen",
    "Capelle aan den IJssel", "Alphen aan den Rijn", "Achtkarspelen",
]

# Columns whose content we rewrite; all others are copied as they are.
CODE_COLUMNS = ("gwb_code_10", "gwb_code_8", "gwb_code", "regio", "gm_naam", "recs")


def check_latin1_safe(text):
    # Windows-1252 and Latin-1 differ only in 0x80-0x9F; characters outside Latin-1 cannot be written at all.
    bad = [c for c in text if not (ord(c) < 0x80 or 0xA0 <= ord(c) <= 0xFF)]
    if bad:
        raise SystemExit(f"not the same in Latin-1 and Windows-1252: {text!r} ({bad})")


def recode(code, gemeente):
    """GM0344 → GM1000, WK034401 → WK100001, BU03440111 → BU10000111: replace the four gemeente digits only."""
    prefix, digits = code[:2], code[2:]
    expected = {"GM": 4, "WK": 6, "BU": 8}[prefix]
    if len(digits) != expected or not digits.isdigit():
        raise SystemExit(f"unexpected region code {code!r}")
    return prefix + gemeente + digits[4:]


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    out_path = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) == 3 else SOURCE
    with open(source, encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    col = {name: i for i, name in enumerate(header)}
    missing = [c for c in CODE_COLUMNS if c not in col]
    if missing:
        raise SystemExit(f"{source}: no column(s) {missing}")
    source_gemeente = rows[0][col["gm_naam"]]  # "Utrecht": the gemeente row's regio is renamed along with gm_naam

    buffer = io.StringIO()
    # QUOTE_MINIMAL: only fields with a comma or quote are quoted, as CBS and Excel do.
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for copy in range(COPIES):
        gemeente = f"{FIRST_GEMEENTE + copy:04d}"
        name = NAMES[copy % len(NAMES)]
        for row in rows:
            row = list(row)
            code = recode(row[col["gwb_code_10"]], gemeente)
            row[col["gwb_code_10"]] = code
            row[col["gwb_code"]] = code
            row[col["gwb_code_8"]] = code[2:]
            row[col["gm_naam"]] = name
            if row[col["recs"]] == "Gemeente" and row[col["regio"]] == source_gemeente:
                row[col["regio"]] = name  # wijk and buurt names are not the gemeente's name: kept
            writer.writerow(row)
    text = buffer.getvalue()
    check_latin1_safe(text)
    data = text.encode("cp1252")

    # Sanity checks on what we promise: unique valid codes, one line per row, CRLF only.
    codes = [r[0] for r in csv.reader(io.StringIO(text))][1:]
    assert len(codes) == len(set(codes)) == COPIES * len(rows), "region codes are not unique"
    assert data.count(b"\n") == data.count(b"\r\n") == len(codes) + 1, "not one CRLF line per row"

    tmp = out_path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, out_path)  # never leave a half-written file that a later run would take as done
    print(f"{out_path}: {len(codes)} rows × {len(header)} columns, {len(data):,} bytes "
          f"({len(data) / 1e6:.1f} MB), CRLF, Windows-1252; from {len(rows)} rows of {os.path.basename(source)} "
          f"× {COPIES} gemeenten")


if __name__ == "__main__":
    main()
