#!/usr/bin/env python3
"""Runner of bench/import.sh (see there): times whole import processes, alternating tools, and checks what each stored.

    python3 bench/import_runner.py WIJKRADAR_BIN FILE.csv WORKDIR RUNS OUT.txt SECTION.md
"""
import csv
import datetime
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

import duckdb
import pandas

DESCRIPTORS = ("gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi")
BENCH = os.path.dirname(os.path.abspath(__file__))

bin_path, csv_path, workdir, runs, out_path, section_path = sys.argv[1:]
runs = int(runs)
lines = []  # what we print is also what goes into the document


def say(line=""):
    print(line, flush=True)
    lines.append(line)


def fail(message):
    print(f"FOUT: {message}", file=sys.stderr)
    sys.exit(1)


# --- The file, read once by us to know what every tool should store --------------------------------------------
raw = open(csv_path, "rb").read()
line_ends = "CRLF" if b"\r\n" in raw else "LF"
try:
    raw.decode("utf-8")
    encoding = "UTF-8" if any(b > 127 for b in raw) else "ASCII"
except UnicodeDecodeError:
    encoding = "Windows-1252"
with open(csv_path, encoding="cp1252" if encoding == "Windows-1252" else "utf-8", newline="") as f:
    header, *rows = list(csv.reader(f))
indicator_columns = [c for c in header if c not in DESCRIPTORS]
secret_per_column = {c: sum(1 for r in rows if r[header.index(c)] in (".", "x")) for c in indicator_columns}
missing_per_column = {c: sum(1 for r in rows if r[header.index(c)] == "") for c in indicator_columns}
peer_expected = {"values": len(rows) * len(indicator_columns), "secret": sum(secret_per_column.values()),
                 "missing": sum(missing_per_column.values())}
slug = os.path.splitext(os.path.basename(csv_path))[0]


# --- How each tool is run and how we count, afterwards and outside the timing, what it stored -------------------
def env_without_database_url(**extra):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # else Wijkradar might write elsewhere
    env.update(extra)
    return env


def wijkradar_verify(run_dir):
    db = sqlite3.connect(f"file:{os.path.join(run_dir, 'wijkradar.sqlite')}?mode=ro", uri=True)
    found = db.execute("SELECT id, row_count, cell_count, secret_count, indicators FROM datasets WHERE slug = ?",
                       (slug,)).fetchone()
    if found is None:
        fail(f"wijkradar stored no dataset {slug!r}")
    dataset_id, row_count, cell_count, secret_count, indicators = found
    stored_rows = db.execute("SELECT count(*) FROM observation_rows WHERE dataset_id = ?", (dataset_id,)).fetchone()[0]
    indicators = [i for i in indicators.split(",") if i]
    # Expected secret cells: the '.' in the file's columns behind the indicators Wijkradar says it stored (it may
    # skip columns it does not know; those are listed in its output as "Niet herkende kolommen").
    names = {i: json.loads(n).get("kwb", []) for i, n in db.execute("SELECT id, names FROM indicators")}
    columns = [next((c for c in names.get(i, []) if c in secret_per_column), None) for i in indicators]
    expected_secret = None if None in columns else sum(secret_per_column[c] for c in columns)
    problems = []
    if stored_rows != len(rows) or row_count != len(rows):
        problems.append(f"{stored_rows} stored rows, {row_count} in its summary, file has {len(rows)}")
    if cell_count != len(rows) * len(indicators):
        problems.append(f"{cell_count} values ≠ {len(rows)} rows × {len(indicators)} indicators")
    if expected_secret is not None and secret_count != expected_secret:
        problems.append(f"{secret_count} secret values, the file has {expected_secret} in those columns")
    return {"values": cell_count, "secret": secret_count, "indicators": len(indicators),
            "secret_checked": expected_secret is not None}, problems


def peer_verify(counts):
    problems = [f"{key} {counts[key]} ≠ expected {peer_expected[key]}"
                for key in peer_expected if counts[key] != peer_expected[key]]
    counts["indicators"] = len(indicator_columns)
    counts["secret_checked"] = True
    return counts, problems


def duckdb_verify(run_dir):
    con = duckdb.connect(os.path.join(run_dir, "peer.duckdb"), read_only=True)
    values, secret, missing = con.execute("SELECT count(*), count(*) FILTER (status = 'secret'), "
                                          "count(*) FILTER (status = 'missing') FROM observations").fetchone()
    con.close()
    return peer_verify({"values": values, "secret": secret, "missing": missing})


def pandas_verify(run_dir):
    con = sqlite3.connect(os.path.join(run_dir, "peer.sqlite"))
    values, secret, missing = con.execute("SELECT count(*), coalesce(sum(status = 'secret'), 0), "
                                          "coalesce(sum(status = 'missing'), 0) FROM observations").fetchone()
    con.close()
    return peer_verify({"values": values, "secret": secret, "missing": missing})


template = os.path.join(workdir, "template")
tools = [
    # name, command for a run directory, environment, fresh run directory from the template?, verify
    ("wijkradar", lambda d: [bin_path, "import", csv_path],
     lambda d: env_without_database_url(WIJKRADAR_DATA_DIR=d), True, wijkradar_verify),
    ("duckdb", lambda d: [sys.executable, os.path.join(BENCH, "peer_duckdb_import.py"), csv_path,
                          os.path.join(d, "peer.duckdb")], lambda d: dict(os.environ), False, duckdb_verify),
    ("duckdb-no-index", lambda d: [sys.executable, os.path.join(BENCH, "peer_duckdb_import.py"), csv_path,
                                   os.path.join(d, "peer.duckdb"), "--zonder-index"],
     lambda d: dict(os.environ), False, duckdb_verify),
    ("pandas+sqlite3", lambda d: [sys.executable, os.path.join(BENCH, "peer_pandas_import.py"), csv_path,
                                  os.path.join(d, "peer.sqlite")], lambda d: dict(os.environ), False, pandas_verify),
]


def run_once(tool, index):
    name, command, env, from_template, verify = tool
    run_dir = os.path.join(workdir, f"run-{index}-{name.replace('+', '-')}")
    # Not timed: a fresh directory, for Wijkradar a copy of the migrated template, so every run starts alike.
    shutil.rmtree(run_dir, ignore_errors=True)
    if from_template:
        shutil.copytree(template, run_dir)
    else:
        os.mkdir(run_dir)
    log_path = run_dir + ".log"
    busy_before, steal_before = cpu_busy_seconds(), cpu_steal_seconds()
    # Timed by a tiny helper process, not by this one: see bench/timed_run.py for why (peak RSS).
    helper = subprocess.run([sys.executable, os.path.join(BENCH, "timed_run.py"), log_path, "--", *command(run_dir)],
                            env=env(run_dir), capture_output=True, text=True)
    if helper.returncode != 0:
        fail(f"bench/timed_run.py failed: {helper.stderr}")
    measured = json.loads(helper.stdout)
    # What the whole machine spent beyond this tool: other processes (and the helper's ~0.03 s) competing with it.
    measured["others_cpu"] = max(0.0, cpu_busy_seconds() - busy_before - measured["cpu_s"])
    measured["steal"] = cpu_steal_seconds() - steal_before
    if measured["exit"] != 0:
        fail(f"{name} exited with {measured['exit']}:\n{open(log_path, errors='replace').read()[-3000:]}")
    counts, problems = verify(run_dir)
    if problems:
        fail(f"{name} did not store what the file holds: {'; '.join(problems)}")
    db_bytes = sum(os.path.getsize(os.path.join(run_dir, f)) for f in os.listdir(run_dir))
    output = open(log_path, errors="replace").read()
    shutil.rmtree(run_dir)
    os.remove(log_path)
    return {"wall": measured["wall_s"], "cpu": measured["cpu_s"], "rss_mb": measured["maxrss_kb"] / 1024,
            "db_mb": db_bytes / 1e6, "counts": counts, "output": output, "others_cpu": measured["others_cpu"],
            "steal": measured["steal"]}


def cpu_busy_seconds():
    """CPU seconds all cores have spent in processes since boot (/proc/stat: user + nice + system; interrupt time
    is not charged to any process, so it is left out on both sides)."""
    user, nice, system = (int(x) for x in open("/proc/stat").readline().split()[1:4])
    return (user + nice + system) / os.sysconf("SC_CLK_TCK")


def cpu_steal_seconds():
    """CPU seconds the hypervisor gave our virtual cores to someone else (steal): contention we cannot see here."""
    return int(open("/proc/stat").readline().split()[8]) / os.sysconf("SC_CLK_TCK")


# --- Machine and versions -------------------------------------------------------------------------------------------
def wijkradar_version():
    try:
        done = subprocess.run([bin_path, "--version"], capture_output=True, text=True, timeout=30)
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip().splitlines()[0]
    except OSError:
        pass
    # No --version: name the binary by date and hash, so two figures can be told to come from the same build.
    sha = hashlib.sha256(open(bin_path, "rb").read()).hexdigest()[:12]
    built = datetime.datetime.fromtimestamp(os.path.getmtime(bin_path)).strftime("%Y-%m-%d %H:%M")
    return f"no --version; binary of {built}, sha256 {sha}"


def busy_percent(seconds=2.0):
    """How busy the cores are right now: the load average lags a minute behind."""
    before = cpu_busy_seconds()
    time.sleep(seconds)
    return 100 * (cpu_busy_seconds() - before) / (seconds * os.cpu_count())


memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
busy_start = busy_percent()
say(f"file: {os.path.basename(csv_path)}: {len(rows):,} rows × {len(header)} columns, {len(raw) / 1e6:.1f} MB, "
    f"{line_ends}, {encoding}; {len(indicator_columns)} indicator columns, "
    f"{peer_expected['secret']:,} secret cells ('.'), {peer_expected['missing']:,} empty")
say(f"machine: {os.cpu_count()} cores, {memory_gib:.0f} GiB, {platform.machine()}, "
    f"{datetime.date.today().isoformat()}; cores {busy_start:.0f}% busy just before the start")
say(f"versions: wijkradar ({wijkradar_version()}); python {platform.python_version()}, duckdb {duckdb.__version__}, "
    f"pandas {pandas.__version__}, sqlite3 {sqlite3.sqlite_version}")
if busy_start > 10:
    say("WARNING: something else was using the cores when the benchmark started; the times are not reliable")

# Schema creation stays out of the timing: migrate once into a template, copied before every Wijkradar run.
os.makedirs(template)
migrate = subprocess.run([bin_path, "migrate"], env=env_without_database_url(WIJKRADAR_DATA_DIR=template),
                         capture_output=True, text=True)
if migrate.returncode != 0:
    fail(f"wijkradar migrate failed:\n{migrate.stdout}{migrate.stderr}")

# One warm-up round (not counted) fills the page cache with the binaries and libraries, then RUNS rounds A B C.
for tool in tools:
    warm = run_once(tool, 0)
    if tool[0] == "wijkradar":
        print("wijkradar says: " + warm["output"].strip().replace("\n", "\n  "), flush=True)
results = {tool[0]: [] for tool in tools}
for index in range(1, runs + 1):
    for tool in tools:
        results[tool[0]].append(run_once(tool, index))
    print(f"  round {index}/{runs}: " + ", ".join(f"{n} {r[-1]['wall']:.2f} s" for n, r in results.items()),
          flush=True)

# --- Report ----------------------------------------------------------------------------------------------------------
say("stored per run (counted in each database after the run and checked against the file):")
for name, measured in results.items():
    c = measured[-1]["counts"]
    unchecked = "" if c["secret_checked"] else " (secret count not checked)"
    say(f"  {name:<16}{c['values']:>10,} values, {c['secret']:>8,} secret{unchecked}, {c['indicators']} indicators")
say(f"{'tool':<16}{'median_s':>9}{'min_s':>8}{'cpu_s':>8}{'peak_rss_mb':>13}{'db_mb':>8}{'values/s':>11}")
summary = {}
for name, measured in results.items():
    wall = statistics.median(r["wall"] for r in measured)
    rss = statistics.median(r["rss_mb"] for r in measured)
    summary[name] = (wall, rss)
    say(f"{name:<16}{wall:>9.2f}{min(r['wall'] for r in measured):>8.2f}"
        f"{statistics.median(r['cpu'] for r in measured):>8.2f}{rss:>13.0f}"
        f"{statistics.median(r['db_mb'] for r in measured):>8.1f}"
        f"{measured[-1]['counts']['values'] / wall:>11,.0f}")
w_time, w_rss = summary["wijkradar"]
for peer in ("duckdb", "duckdb-no-index", "pandas+sqlite3"):
    p_time, p_rss = summary[peer]
    say(f"wijkradar ÷ {peer}: time {w_time / p_time:.2f}×, peak RSS {w_rss / p_rss:.2f}× "
        "(below 1: Wijkradar better)")
others = sum(r["others_cpu"] for measured in results.values() for r in measured)
timed = sum(r["wall"] for measured in results.values() for r in measured)
steal = sum(r["steal"] for measured in results.values() for r in measured)
say(f"runs={runs} per tool, alternating, after one warm-up round; whole processes (start-up included)")
say(f"during the {timed:.0f} s of timed runs other processes used {others:.1f} CPU-s; the hypervisor took "
    f"{steal:.1f} s of our cores (steal)")

with open(out_path, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
with open(section_path, "w", encoding="utf-8") as f:
    f.write(f"""## Import of a national kwb file (bench/import.sh)

`bench/import.sh`: a national-scale CBS kwb 2023 CSV (made by `bench/make_national_kwb.py`: the 122 real rows of
gemeente Utrecht 150 times under synthetic gemeente codes, CRLF, Windows-1252, quoted names) imported by
`wijkradar import` into a migrated, empty SQLite database, against the same work in DuckDB and in pandas + sqlite3:
every indicator column to typed long rows (region, indicator, value, secret/missing/value), stored and indexed.
`duckdb-no-index` is the same DuckDB work without the index, which is most of DuckDB's time: the stricter peer.
Target (issue 17): Wijkradar ≤ 0.3× DuckDB's wall time, peak RSS ≤ DuckDB's. Whole processes, alternating, medians; peak RSS from the child's rusage. Wijkradar stores only the columns in its
indicator catalogue, so it may store fewer values than the peers (see "stored").

```
{chr(10).join(lines)}
```
""")
