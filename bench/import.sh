#!/usr/bin/env bash
# Import benchmark: `wijkradar import` of a national-scale CBS kwb 2023 CSV (CRLF, Windows-1252) against the same work
# in DuckDB and in pandas + sqlite3, as whole processes, alternating A B C A B C, with wall time and peak RSS.
#
#   bench/import.sh                       # RUNS=7; prints the results and the section it would write
#   RUNS=3 bench/import.sh                # quicker
#   WRITE_DOC=1 bench/import.sh           # also replaces the import section of docs/PERFORMANCE.md
#
# Env: WIJKRADAR_BIN (default .build/release/wijkradar; never built here, build it first), RUNS (7),
# BENCH_DIR (default /tmp/wijkradar-bench: keeps the generated file between runs, and the results import.txt and
# import-section.md), WRITE_DOC (0), DOC (the document WRITE_DOC=1 writes to; default docs/PERFORMANCE.md).
# Needs python3 with duckdb and pandas. Run it on a quiet machine: it measures whole processes on every core.
source "$(dirname "$0")/common.sh"
unset DATABASE_URL

# The generated file is deterministic, so it is made once and reused. Its name carries the year: Wijkradar takes
# the year of a kwb file from its name.
file=$out/kwb-2023-nationaal.csv
mkdir -p "$out"
[ -f "$file" ] || python3 bench/make_national_kwb.py "$file"

work=$(mktemp -d -t wijkradar-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 bench/import_runner.py "$bin" "$file" "$work" "${RUNS:-7}" "$out/import.txt" "$out/import-section.md"

if [ "${WRITE_DOC:-0}" = 1 ]; then
  python3 bench/docsection.py "$doc" import "$out/import-section.md"
else
  echo
  echo "--- section for docs/PERFORMANCE.md (not written; WRITE_DOC=1 writes it), also in $out/import-section.md ---"
  cat "$out/import-section.md"
fi
