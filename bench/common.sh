# Shared by bench/import.sh and bench/http.sh (sourced): the repository, the binary under test, where results go
# and which document WRITE_DOC=1 writes. Paths from the environment are taken relative to where the script was
# started, the defaults to the repository. The binary is never built here: build it first.
set -euo pipefail
repo=$(realpath "$(dirname "$0")/..")
bin=$(realpath -m "${WIJKRADAR_BIN:-$repo/.build/release/wijkradar}")
out=$(realpath -m "${BENCH_DIR:-/tmp/wijkradar-bench}")
doc=$(realpath -m "${DOC:-$repo/docs/PERFORMANCE.md}")
cd "$repo"
[ -x "$bin" ] || { echo "no Wijkradar binary at $bin (set WIJKRADAR_BIN or build it)" >&2; exit 1; }
