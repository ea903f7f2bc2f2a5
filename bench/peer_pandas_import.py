#!/usr/bin/env python3
"""Peer for bench/import.sh: the import of a kwb CSV done with pandas and the standard library's sqlite3.

    python3 bench/peer_pandas_import.py FILE.csv DBFILE.sqlite

Same work as `wijkradar import`, the way a data analyst would write it: read the CSV as text (Windows-1252), melt
every indicator column into long rows (region, indicator, value REAL or NULL, status 'value' | 'secret' |
'missing'), write them with DataFrame.to_sql into an SQLite file in one transaction and index (region, indicator).
bench/import.sh counts what was stored afterwards, outside the timing.
"""
import sqlite3
import sys

import pandas as pd

DESCRIPTORS = ("gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi")

csv_path, db_path = sys.argv[1], sys.argv[2]
# dtype=str and no NA guessing: `.` (secret), empty (missing) and numbers stay the raw text we classify below.
frame = pd.read_csv(csv_path, encoding="cp1252", dtype=str, keep_default_na=False, na_values=[])
indicators = [c for c in frame.columns if c not in DESCRIPTORS]
long = frame.melt(id_vars=["gwb_code_10"], value_vars=indicators, var_name="indicator", value_name="raw")
status = pd.Series("value", index=long.index)
status[long["raw"] == "."] = "secret"
status[long["raw"] == ""] = "missing"
observations = pd.DataFrame({
    "region": long["gwb_code_10"],
    "indicator": long["indicator"],
    # errors="raise": a value that is not a number fails the import, as it does in Wijkradar.
    "value": pd.to_numeric(long["raw"].where(status == "value"), errors="raise"),
    "status": status,
})

con = sqlite3.connect(db_path)
# to_sql with a sqlite3 connection writes all chunks in one transaction and commits at the end; chunks of 50,000
# rows keep the parameter lists small without more commits.
observations.to_sql("observations", con, index=False, chunksize=50_000)
con.execute("CREATE INDEX observations_region_indicator ON observations (region, indicator)")
con.commit()
con.close()
