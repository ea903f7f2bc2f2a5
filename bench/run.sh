#!/usr/bin/env bash
# Benchmarks of issue 3, side by side in one run: Wijkradar (release build) against numpy/scikit-learn for the
# national radar and similarity of all wijken, and the server time of a wijkanalyse page (in-process and over HTTP).
# Writes its output to docs/PERFORMANCE.md as well. Needs: python3 with numpy, pandas, scikit-learn (pip install).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
swift build -c release --product wijkradar >/dev/null
bin=.build/release/wijkradar
data=$(mktemp -d)
trap 'kill ${server:-0} 2>/dev/null || true; rm -rf "$data"' EXIT
export WIJKRADAR_DATA_DIR=$data
unset DATABASE_URL
$bin import --bundled >/dev/null

out=$(mktemp)
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(date -u +%Y-%m-%d)"
  echo "swift: $(swift --version 2>&1 | head -1)"
  echo "python: $(python3 --version 2>&1), numpy $(python3 -c 'import numpy; print(numpy.__version__)'), scikit-learn $(python3 -c 'import sklearn; print(sklearn.__version__)')"
  $bin bench --repeat "$runs"
  # NB: OPENBLAS_CORETYPE slows a current numpy (see the machine notes); unset for a fair peer.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/peer_numpy_sklearn.py "$runs"
} | tee "$out"

swift_ms=$(awk '/^radar_en_gelijkende/ {sub("mediaan_ms=","",$2); print $2}' "$out")
peer_ms=$(awk '/^numpy_sklearn/ {sub("mediaan_ms=","",$2); print $2}' "$out")
awk -v s="$swift_ms" -v p="$peer_ms" 'BEGIN { printf "verhouding numpy/scikit-learn ÷ Wijkradar: %.1f× (Wijkradar %s ms, peer %s ms)\n", p / s, s, p }' | tee -a "$out"

# Server time of the page over HTTP: median of 200 sequential requests after warm-up.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$bin serve --port "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
python3 - "$port" <<'PY' | tee -a "$out"
import sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/regio/WK011443"
for _ in range(10): urllib.request.urlopen(url).read()
times = []
for _ in range(200):
    start = time.perf_counter(); urllib.request.urlopen(url).read(); times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"http_wijkanalysepagina_WK011443 mediaan_ms={times[100]:.2f} p95_ms={times[190]:.2f} runs=200")
PY

section=$(mktemp)
{
  echo "## Analyse en paginaopbouw (bench/run.sh)"
  echo
  echo "Release build, medians. Targets: radar and similarity for all wijken under 1 s and faster than"
  echo "numpy/scikit-learn (issue 3); building one wijk page's model and HTML from a loaded snapshot ≤ 1 ms (issue 17)."
  echo
  echo '```'
  cat "$out"
  echo '```'
} > "$section"
python3 bench/docsection.py docs/PERFORMANCE.md analysis "$section"
