#!/usr/bin/env bash
# HTTP benchmark: `wijkradar serve` against nginx serving the very same bytes (same body, Content-Type and headers;
# gzip precompressed with gzip -6 and served with gzip_static), with wrk -t2 -c32, alternating the two servers.
# nginx is the ceiling for "send a finished page": the gap shows what Wijkradar's cached path costs on top of that.
# Then the "first render" figures (WIJKRADAR_PAGE_CACHE=off: every request renders) and an optional soak test.
#
#   bench/http.sh                        # DURATION=10 s per wrk run; prints the table and the section it would write
#   DURATION=3 bench/http.sh             # quicker
#   SOAK_MINUTES=5 bench/http.sh         # also mixed URLs for 5 minutes against the cached server, RSS before/after
#   WRITE_DOC=1 bench/http.sh            # also replaces the http section of docs/PERFORMANCE.md
#
# Env: WIJKRADAR_BIN (default .build/release/wijkradar; never built here), DURATION (10), SOAK_MINUTES (0),
# BENCH_DIR (results http.txt and http-section.md; default /tmp/wijkradar-bench), NGINX (/usr/sbin/nginx),
# STARTUP_TIMEOUT (seconds to wait for /health; the first start loads the bundled data; default 900), WRITE_DOC (0),
# DOC (the document WRITE_DOC=1 writes to; default docs/PERFORMANCE.md).
# 2 cores: wrk shares them with the server under test, alike for both servers. Nothing else should run meanwhile.
source "$(dirname "$0")/common.sh"
nginx=${NGINX:-/usr/sbin/nginx}
duration=${DURATION:-10}
soak=${SOAK_MINUTES:-0}
soak_s=$(awk -v m="$soak" 'BEGIN { printf "%d", m * 60 }')  # minutes may be a fraction for a quick try
mkdir -p "$out"
unset DATABASE_URL

work=$(mktemp -d -t wijkradar-http.XXXXXX)
chmod 755 "$work"  # nginx workers run as nobody when started by root, and must reach the files below
server='' ngx='' load=''
cleanup() {
  # Only the processes this script started, by their pid.
  for pid in $load $ngx $server; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

read -r wport nport < <(python3 -c 'import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
W=http://127.0.0.1:$wport
N=http://127.0.0.1:$nport
results=$work/results.tsv  # section, url, encoding, server, req/s, p50 ms, errors, body bytes, content-encoding,
                           # CPU seconds used by other processes during the run
report=$work/report.txt
say() { echo "$*" | tee -a "$report"; }

start_wijkradar() {  # extra environment as arguments, e.g. WIJKRADAR_PAGE_CACHE=off
  env WIJKRADAR_DATA_DIR="$work/data" HOST=127.0.0.1 PORT="$wport" WIJKRADAR_URL="$W" "$@" \
    "$bin" serve >>"$work/wijkradar.log" 2>&1 &
  server=$!
  local waited=0
  until curl -sf "$W/health" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { tail -20 "$work/wijkradar.log"; echo "wijkradar serve stopped" >&2; exit 1; }
    [ "$waited" -lt "${STARTUP_TIMEOUT:-900}" ] || { echo "no /health after $waited s" >&2; exit 1; }
    sleep 1; waited=$((waited + 1))
  done
  echo "wijkradar serve answers /health after ~$waited s (pid $server${*:+, $*})"
}
stop_wijkradar() { kill "$server" && wait "$server" 2>/dev/null || true; server=''; }

# One wrk run; appends a result line. wrk runs in the background and we wait for it, so Ctrl-C stops it at once.
measure() {  # section url encoding server-name base-url
  local section=$1 url=$2 enc=$3 name=$4 base=$5 header=() file
  [ "$enc" = gzip ] && header=(-H 'Accept-Encoding: gzip')
  # The check before each run doubles as a warm-up: status 200, body size and Content-Encoding of this server.
  read -r code bytes < <(curl -s "${header[@]}" -D "$work/headers" -o /dev/null -w '%{http_code} %{size_download}\n' \
    "$base$url")
  [ "$code" = 200 ] || { echo "$name $url answered $code" >&2; exit 1; }
  local coding
  coding=$(tr -d '\r' <"$work/headers" | awk -F': *' 'tolower($1) == "content-encoding" {print $2}')
  file=$work/wrk-$name-$enc-${url//\//_}.txt
  local busy0 ours0
  busy0=$(ticks_busy); ours0=$(ticks_ours)
  # --timeout 30s: a slow first render must count as slow, not vanish from the latencies as a wrk timeout (2 s).
  wrk -t2 -c32 -d"${duration}s" --timeout 30s --latency "${header[@]}" "$base$url" >"$file" &
  load=$!; wait "$load"; load=''
  local others
  others=$(awk -v b="$(( $(ticks_busy) - busy0 ))" -v o="$(( $(ticks_ours) - ours0 ))" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { x = (b - o) / hz; printf "%.1f", (x > 0 ? x : 0) }')
  # Requests/sec; the median latency in ms ("n/a" without answers); errors = non-2xx answers plus socket errors.
  awk -v s="$section" -v u="$url" -v e="$enc" -v n="$name" -v b="$bytes" -v c="${coding:-identity}" -v x="$others" '
    BEGIN { p = "n/a" }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { v = $2; p = sprintf("%.2f", (v ~ /us$/) ? v / 1000 : (v ~ /ms$/) ? v + 0 : v * 1000) }
    /Non-2xx/ { bad += $NF }
    /Socket errors/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%s\t%s\t%s\t%s\t%.0f\t%s\t%d\t%s\t%s\t%s\n", s, u, e, n, rps, p, bad, b, c, x }' "$file" \
    | tee -a "$results" | awk -F'\t' '{
      printf "  %-8s %-28s %-8s %-9s %9s req/s  p50 %s ms  errors %s  others %s CPU-s\n",
        $1, $2, $3, $4, $5, $6, $7, $10
    }'
}

# CPU ticks of the whole machine (busy only) and of our own processes: this shell with everything it has waited for
# (wrk, curl), Wijkradar, and nginx with its workers. The difference over a run is what other processes took.
# user + nice + system only: interrupt time (the loopback traffic of wrk itself) is not charged to any process.
ticks_busy() { awk '/^cpu / {print $2 + $3 + $4}' /proc/stat; }
ticks_steal() { awk '/^cpu / {print $9}' /proc/stat; }  # our virtual cores given to someone else by the hypervisor
ticks_ours() {
  for pid in $$ $server $ngx $(pgrep -P "$ngx" 2>/dev/null); do cat "/proc/$pid/stat" 2>/dev/null || true; done \
    | awk '{ t += $14 + $15 + $16 + $17 } END { print t }'
}

mib() { awk '/^'"$1"':/ {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }

# --- Facts ----------------------------------------------------------------------------------------------------------
version=$("$bin" --version 2>/dev/null | head -1) || version=''  # only a successful --version counts
[ -n "$version" ] ||
  version="no --version; binary of $(date -r "$bin" '+%Y-%m-%d %H:%M'), sha256 $(sha256sum "$bin" | cut -c1-12)"
# How busy the cores are right now, from /proc/stat over 2 s (the load average lags a minute behind).
b0=$(ticks_busy); sleep 2
busy=$(awk -v t="$(( $(ticks_busy) - b0 ))" -v hz="$(getconf CLK_TCK)" -v n="$(nproc)" \
  'BEGIN { printf "%d", 100 * t / hz / 2 / n }')
say "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(date -u +%Y-%m-%d);" \
  "cores ${busy}% busy just before the start"
say "versions: wijkradar ($version); $($nginx -v 2>&1 | sed 's/nginx version: //');" \
  "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
[ "$busy" -le 10 ] ||
  say "WARNING: something else was using the cores when the benchmark started; the figures are not reliable"

steal0=$(ticks_steal)

# --- Wijkradar, and nginx with the same bytes --------------------------------------------------------------------
start_wijkradar
stylesheet=$(curl -sf "$W/" | grep -o 'href="/static/[^"]*\.css"' | head -1 | cut -d'"' -f2)
[ -n "$stylesheet" ] || { echo "no stylesheet link in the head of /" >&2; exit 1; }
# The wijk page of Angelslo, the home page, the national radar, the API's figures of that wijk; then the stylesheet.
urls=(/regio/WK011443 / /radar /api/v1/regions/WK011443)
echo "copying the answers of Wijkradar for nginx:"
python3 bench/http_mirror.py "$W" "$work/nginx" "$nport" "${urls[@]}" "$stylesheet"
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
ngx=$!
until curl -sf -o /dev/null "$N/"; do kill -0 "$ngx" || { cat "$work/nginx/error.log"; exit 1; }; sleep 0.2; done

# Same bytes? nginx must send exactly the copies (http_mirror.py has checked that Wijkradar sends them again).
all=("${urls[@]}" "$stylesheet")
for i in "${!all[@]}"; do
  curl -sf "$N${all[$i]}" | cmp -s - "$work/nginx/www/f$i" ||
    { echo "nginx does not send the copy of ${all[$i]}" >&2; exit 1; }
done

echo "as configured by default, ${duration} s per run:"
for url in "${all[@]}"; do
  for enc in identity gzip; do
    measure cached "$url" "$enc" wijkradar "$W"
    measure cached "$url" "$enc" nginx "$N"
  done
done

if [ "$soak_s" -gt 0 ]; then
  # Mixed load for a while: does the cached server's memory stay put? Half the requests ask for gzip.
  lua=$work/mixed.lua
  { printf 'local paths = {'; printf '"%s", ' "${all[@]}"; echo '}'
    cat <<'LUA'
local n = 0
request = function()
  n = n + 1
  local headers = {}
  if n % 2 == 0 then headers["Accept-Encoding"] = "gzip" end
  return wrk.format("GET", paths[(n % #paths) + 1], headers)
end
LUA
  } >"$lua"
  before=$(mib VmRSS)
  wrk -t2 -c32 -d"${soak_s}s" --timeout 30s -s "$lua" "$W/" >"$work/soak.txt" &
  load=$!; wait "$load"; load=''
  soak_line="soak: ${soak} min of mixed URLs against the cached server: $(awk '
    /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } /Non-2xx/ { bad += $NF }
    /Socket errors/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%s requests (%s/s), %d errors", n, rps, bad }' "$work/soak.txt");"
  soak_line+=" RSS before ${before} MB, after $(mib VmRSS) MB, peak $(mib VmHWM) MB"
  echo "$soak_line"
fi

# --- First render: no page cache, every request renders -----------------------------------------------------------
stop_wijkradar
start_wijkradar WIJKRADAR_PAGE_CACHE=off
echo "first render (WIJKRADAR_PAGE_CACHE=off), identity:"
for url in "${urls[@]}"; do measure uncached "$url" identity wijkradar "$W"; done
stop_wijkradar

# --- Table ---------------------------------------------------------------------------------------------------------
{
  echo
  echo "as configured by default (the page cache is on in builds that have one), req/s and p50 ms:"
  printf '%-28s %-8s %8s %8s %9s %9s %8s %9s %9s\n' \
    url encoding w_bytes n_bytes "w_req/s" "n_req/s" "w÷n" w_p50_ms n_p50_ms
  awk -F'\t' -v css="$stylesheet" -v d="$duration" \
    -v steal="$(awk -v t="$(( $(ticks_steal) - steal0 ))" -v hz="$(getconf CLK_TCK)" 'BEGIN { print t / hz }')" '
    function ratio(a, b) { return b > 0 ? sprintf("%.3g", a / b) : "n/a" }  # 3 digits: the ratios are small
    { others += $10; if ($10 > 0.1 * d) busy[$1 SUBSEP $2 SUBSEP $3] = 1 }
    $1 == "cached" && $4 == "wijkradar" {
      key = $2 SUBSEP $3; order[++k] = key; wr[key] = $5; wp[key] = $6; wb[key] = $8; wc[key] = $9; we[key] = $7
    }
    $1 == "cached" && $4 == "nginx" { key = $2 SUBSEP $3; nr[key] = $5; np[key] = $6; nb[key] = $8; ne[key] = $7 }
    $1 == "uncached" { ur[$2] = $5; up[$2] = $6; ue[$2] = $7; un[++m] = $2 }
    END {
      for (i = 1; i <= k; i++) {
        split(order[i], part, SUBSEP); key = order[i]
        note = (part[2] == "gzip" && wc[key] != "gzip") ? " (wijkradar sent identity)" : ""
        if (we[key] + ne[key] > 0) note = note " errors: " we[key] "/" ne[key]
        if (part[1] == css) note = note " static file"
        if (("cached" SUBSEP key) in busy) note = note " BUSY: other processes ran"
        printf "%-28s %-8s %8s %8s %9s %9s %8s %9s %9s%s\n", part[1], part[2], wb[key], nb[key], wr[key], nr[key],
          ratio(wr[key], nr[key]), wp[key], np[key], note
      }
      print ""
      print "first render (WIJKRADAR_PAGE_CACHE=off), identity, req/s and p50 ms; w÷n against nginx above:"
      for (i = 1; i <= m; i++) {
        key = un[i] SUBSEP "identity"
        printf "%-28s %-8s %8s %8s %9s %9s %8s %9s %9s%s\n", un[i], "identity", wb[key], nb[key], ur[un[i]], nr[key],
          ratio(ur[un[i]], nr[key]), up[un[i]], np[key], (ue[un[i]] > 0 ? " errors: " ue[un[i]] : "") \
          ((("uncached" SUBSEP key) in busy) ? " BUSY: other processes ran" : "")
      }
      printf "\nother processes used %.1f CPU-s during the wrk runs", others
      printf " (BUSY: more than 10%% of a core in that run);\n"
      printf "the hypervisor took %.1f s of our cores (steal) during the whole benchmark\n", steal
    }' "$results"
  echo
  echo "wrk -t2 -c32 -d${duration}s --timeout 30s per line, Wijkradar and nginx alternating; req/s: higher is better;"
  echo "w÷n = Wijkradar req/s ÷ nginx req/s; bytes = body as sent (gzip when the server gzipped)"
  [ -z "${soak_line:-}" ] || echo "$soak_line"
} | tee -a "$report"

cp "$report" "$out/http.txt"
{
  echo "## Serving pages: Wijkradar against nginx (bench/http.sh)"
  echo
  echo "\`bench/http.sh\`: \`wijkradar serve\` (bundled data, SQLite) against nginx ($(nproc) workers, \`sendfile\`,"
  echo "\`gzip_static\` with files made by \`gzip -6\`) serving the same bodies with the same Content-Type and headers,"
  echo "copied from Wijkradar at the start. wrk with 2 threads and 32 connections for ${duration} s per line, on the"
  echo "same $(nproc) cores as the server. \"First render\" is Wijkradar with \`WIJKRADAR_PAGE_CACHE=off\`: every"
  echo "request renders the page. The stylesheet is a static file in both: the ceiling of Wijkradar's HTTP stack."
  echo
  echo '```'
  cat "$report"
  echo '```'
} >"$out/http-section.md"

if [ "${WRITE_DOC:-0}" = 1 ]; then
  python3 bench/docsection.py "$doc" http "$out/http-section.md"
else
  echo
  echo "--- section for docs/PERFORMANCE.md (not written; WRITE_DOC=1 writes it), also in $out/http-section.md ---"
  cat "$out/http-section.md"
fi
