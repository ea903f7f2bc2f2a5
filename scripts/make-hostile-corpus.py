#!/usr/bin/env python3
"""Writes the hostile import files in Tests/DataImportTests/Fixtures/hostile/ (run once; the output is committed).

Each file is something a user could be sent or download by mistake: bombs, references far outside a worksheet,
numbers that overflow, impossible values, cut-off files. Every one must be refused with a Dutch message, exit code 2,
within seconds and megabytes, and nothing stored (Tests/CLITests, Tests/DataImportTests/HostileFileTests).
The list of files and what each must say is in hostile/EXPECTED.tsv.
"""
import gzip, io, os, zipfile, zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "DataImportTests", "Fixtures", "hostile")
os.makedirs(OUT, exist_ok=True)
HEADER = "gwb_code_10,regio,recs,a_inw,p_koopw\r\n"
expected = []


def write(name, data, message):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    expected.append((name, message))


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')


WORKBOOK = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="kwb" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def workbook_parts(z):
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("xl/workbook.xml", WORKBOOK)
    z.writestr("xl/_rels/workbook.xml.rels", RELS)


def xlsx(sheet_xml, shared=None, compress=zipfile.ZIP_DEFLATED, level=9):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compress, compresslevel=level) as z:
        workbook_parts(z)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
    return buffer.getvalue()


def sheet(rows):
    body = "".join(f'<row r="{r}">' + "".join(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>' for ref, v in cells) + "</row>"
                   for r, cells in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{body}</sheetData></worksheet>")


header_cells = [("A1", "gwb_code_10"), ("B1", "regio"), ("C1", "recs"), ("D1", "a_inw")]
# 1. One cell six letters wide: once 8.7 GB of empty cells.
write("kwb-2023-huge-column.xlsx", xlsx(sheet([(1, header_cells), (2, [("A2", "WK011443"), ("ZZZZZZ2", "1")])])),
      "buiten een werkblad")
# 2. Fourteen letters: once an arithmetic overflow and a crash.
write("kwb-2023-overflowing-column.xlsx", xlsx(sheet([(1, header_cells), (2, [("A2", "WK011443"), ("ZZZZZZZZZZZZZZ2", "1")])])),
      "buiten een werkblad")
# 3. A row number past Excel's last row.
write("kwb-2023-huge-row-number.xlsx", xlsx(sheet([(1, header_cells), (99999999999999999999, [("A2", "WK011443")])])),
      "buiten een werkblad")
# 4. A zip bomb: a sheet that inflates to 1 GiB of spaces between valid XML.
bomb_sheet = io.BytesIO()
with zipfile.ZipFile(bomb_sheet, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    workbook_parts(z)
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
        part.write(b'<?xml version="1.0"?><worksheet><sheetData>')
        block = b" " * (1 << 20)
        for _ in range(1024):
            part.write(block)
        part.write(b"</sheetData></worksheet>")
write("kwb-2023-zip-bomb-1gib.xlsx", bomb_sheet.getvalue(), "keer zo groot als ingepakt")
# 5. Billion laughs in the shared strings.
laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
for i in range(1, 10):
    prev = "lol" if i == 1 else f"lol{i - 1}"
    laughs += f'<!ENTITY lol{i} "' + f"&{prev};" * 10 + '">'
laughs += ']><sst><si><t>&lol9;</t></si></sst>'
write("kwb-2023-billion-laughs.xlsx",
      xlsx(sheet([(1, header_cells), (2, [("A2", "WK011443")])]), shared=laughs), "sharedStrings")
# 5b. One long shared string (1 MB, padded with spaces) used by 47 000 cells: tiny compressed, tens of GB copied once.
long_string = '<?xml version="1.0"?><sst><si><t xml:space="preserve"> ' + "A" * 1_040_000 + ' </t></si></sst>'
cells = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(2, 47_000))
write("kwb-2023-repeated-long-string.xlsx",
      xlsx(sheet([(1, header_cells)]).replace("</sheetData>", cells + "</sheetData>"), shared=long_string), "samen meer dan")
# 6. Not a zip at all, and a zip cut in half.
write("kwb-2023-not-a-workbook.xlsx", b"gwb_code_10;regio\r\nWK011443;Angelslo\r\n" * 3, "geen leesbaar XLSX-bestand")
whole = xlsx(sheet([(1, header_cells), (2, [("A2", "WK011443"), ("B2", "Angelslo"), ("C2", "Wijk"), ("D2", "7685")])]))
write("kwb-2023-truncated.xlsx", whole[: len(whole) // 2], "XLSX")
# 7. A gzip bomb: 1 MiB that inflates to 1 GiB.
compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
chunks = [compressor.compress(HEADER.encode())]
zeros = b"0" * (1 << 20)
for _ in range(1024):
    chunks.append(compressor.compress(zeros))
chunks.append(compressor.flush())
write("kwb-2023-gzip-bomb-1gib.csv.gz", b"".join(chunks), "keer zo groot als ingepakt")
# 8. A gzip file cut short.
good = gzip.compress((HEADER + "WK011443,Angelslo,Wijk,7685,46\r\n").encode() * 50)
write("kwb-2023-truncated.csv.gz", good[: len(good) - 20], "beschadigd of afgebroken")
# 9. Deep nesting in JSON (a parser that recurses would overflow its stack).
write("deeply-nested.json", b"[" * 200_000 + b"]" * 200_000, "JSON")
# 10. One quote never closed: the rest of a 3 MB file is one field.
write("kwb-2023-unclosed-quote.csv", (HEADER + 'WK011443,"Angelslo,Wijk,7685,46\r\n' + "x" * (3 << 19)).encode(), "langer dan 1 MB")
# 11. Twenty thousand columns.
write("kwb-2023-too-many-columns.csv", (",".join(["gwb_code_10"] + [f"k{i}" for i in range(20_000)]) + "\r\n").encode(), "kolommen")
# 12. Impossible values (once accepted, after which `wijkradar region GM0344` crashed).
write("kwb-2023-inhabitants-1e29.csv", (HEADER + "GM0344,Utrecht,Gemeente,1e29,46\r\n").encode(), "kan niet kloppen voor Aantal inwoners")
write("kwb-2023-inhabitants-negative.csv", (HEADER + "GM0344,Utrecht,Gemeente,-5000,46\r\n").encode(), "kan niet kloppen voor Aantal inwoners")
write("kwb-2023-owner-occupied-250-percent.csv", (HEADER + "GM0344,Utrecht,Gemeente,361924,250\r\n").encode(), "kan niet kloppen voor Koopwoningen")
write("kwb-2023-number-overflowing-double.csv", (HEADER + "GM0344,Utrecht,Gemeente,1e400,46\r\n").encode(), "geen getal")
# 13. Binary and UTF-16 files saved with a .csv name.
write("kwb-2023-nul-bytes.csv", HEADER.encode() + b"GM0344,Utrecht\x00\x00,Gemeente,361924,46\r\n", "NUL-byte")
write("kwb-2023-utf16.csv", (HEADER + "GM0344,Utrecht,Gemeente,361924,46\r\n").encode("utf-16"), "UTF-16")

with open(os.path.join(OUT, "EXPECTED.tsv"), "w") as f:
    f.write("# file\tpart of the Dutch message it must be refused with\n")
    for name, message in expected:
        f.write(f"{name}\t{message}\n")
print("\n".join(f"{n}: {os.path.getsize(os.path.join(OUT, n))} bytes" for n, _ in expected))
