#!/usr/bin/env python3
"""Writes Tests/DataImportTests/Fixtures/kwb-2023-excel97.xls: the first rows of the real Utrecht kwb-2023 file saved
as Excel 97-2003 (BIFF8) by xlwt, an independent writer, as CBS published kwb files before 2014. Run once."""
import csv, os, xlwt

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, "..", "..", "shared", "data", "raw", "wardeiling-utrecht-kwb2023-2024", "CBS-Utrecht-kwb-2023.csv")
rows = list(csv.reader(open(source, encoding="utf-8")))[:6]
book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("kwb-2023")
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        sheet.write(r, c, value)
book.save(os.path.join(here, "..", "Tests", "DataImportTests", "Fixtures", "kwb-2023-excel97.xls"))
