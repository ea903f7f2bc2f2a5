#!/usr/bin/env python3
"""Peer for bench/import.sh: the import of a kwb CSV done with DuckDB.

    python3 bench/peer_duckdb_import.py FILE.csv DBFILE.duckdb [--zonder-index]

Same work as `wijkradar import`, in DuckDB's terms: read the CSV (Windows-1252 read as Latin-1: the benchmark file
only uses characters that are the same in both), turn every indicator column into typed long rows
(region, indicator, value DOUBLE or NULL, status 'value' | 'secret' | 'missing'), store them in a table of its own
database file and index (region, indicator). bench/import.sh counts what was stored afterwards, outside the timing.
"""
import sys

import duckdb

# Region descriptors: everything else in a kwb file is an indicator.
DESCRIPTORS = ("gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi")

csv_path, db_path = sys.argv[1], sys.argv[2]
con = duckdb.connect(db_path)
# all_varchar: `.` (secret) and empty (missing) must stay apart, so we type the values ourselves; letting DuckDB
# sniff types would turn most columns into VARCHAR anyway because of the dots.
quoted = "'" + csv_path.replace("'", "''") + "'"  # a view cannot take a prepared parameter
con.execute(f"CREATE TEMP VIEW csv_rows AS SELECT * FROM read_csv({quoted}, header = true, delim = ',', "
            "encoding = 'latin-1', all_varchar = true)")
columns = [row[0] for row in con.execute("DESCRIBE csv_rows").fetchall()]
indicators = [c for c in columns if c not in DESCRIPTORS]
column_list = ", ".join(f'"{c}"' for c in indicators)
# INCLUDE NULLS: an empty field (missing) is NULL under all_varchar and UNPIVOT would drop it otherwise.
# CAST (not TRY_CAST): a value that is not a number fails the import, as it does in Wijkradar.
con.execute(f"""
    CREATE TABLE observations AS
    SELECT gwb_code_10 AS region, indicator,
           CASE WHEN text IS NULL OR text = '' OR text = '.' THEN NULL ELSE CAST(text AS DOUBLE) END AS value,
           CASE WHEN text = '.' THEN 'secret' WHEN text IS NULL OR text = '' THEN 'missing' ELSE 'value' END AS status
    FROM (SELECT gwb_code_10, {column_list} FROM csv_rows)
         UNPIVOT INCLUDE NULLS (text FOR indicator IN ({column_list}))
""")
# `--zonder-index`: the same without the index, the cheaper half of DuckDB's work (the index is most of its time).
if "--zonder-index" not in sys.argv[3:]:
    con.execute("CREATE INDEX observations_region_indicator ON observations (region, indicator)")
con.close()  # checkpoints: the data is in the file when the process ends
