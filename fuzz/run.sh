#!/usr/bin/env bash
# Fuzzes each file reader for FUZZ_SECONDS (default 600) with libFuzzer, starting from fuzz/seeds/READER, keeping new
# inputs in fuzz/corpus/READER and crashes in fuzz/crashes/READER. Run once per release, outside CI:
#   fuzz/run.sh            # all readers, 10 minutes each
#   FUZZ_SECONDS=60 fuzz/run.sh csv
# AddressSanitizer alone takes ~450 MB here, so the memory bound per input is 2 GB; the real bound on memory for a
# hostile file (500 MB, without ASan) is checked by CLITests.HostileImportTests.
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | tail -1
binary=../.build-fuzz/release/WijkradarFuzz
for reader in ${@:-csv xlsx gzip json}; do
  mkdir -p "corpus/$reader" "crashes/$reader"
  echo "== $reader: $(ls "seeds/$reader" | wc -l) seeds, ${FUZZ_SECONDS:-600} s"
  # Leak reports are off: Foundation's XML parser keeps a few hundred bytes for the process (found at the first
  # input, not per input); what matters here is crashes, hangs and runs on memory.
  ASAN_OPTIONS=detect_leaks=0 WIJKRADAR_FUZZ_READER=$reader "$binary" "corpus/$reader" "seeds/$reader" -max_total_time="${FUZZ_SECONDS:-600}" \
    -timeout=10 -rss_limit_mb=2048 -max_len=262144 -artifact_prefix="crashes/$reader/" -print_final_stats=1 2>&1 \
    | grep -E "^#[0-9]+ *DONE|stat::|ERROR|SUMMARY|crash-|timeout-|oom-" || true
done
