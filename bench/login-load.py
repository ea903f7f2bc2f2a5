#!/usr/bin/env python3
"""Issue 11: while 32 logins run at once, how long does a wijk page take? (target: p95 under 100 ms on SQLite)

Starts `wijkradar serve` (release build) on a fresh SQLite database, makes 32 accounts, and measures the server
time of /regio/WK011443 from one sequential client: first alone, then while 32 clients sign in over and over (each
its own account with the right password, from its own address, so the throttle does not step in and every attempt
costs a Bcrypt check).
Bcrypt runs on its own one-thread pool with a bounded queue; logins over the queue get 503 at once.
Usage: bench/login-load.py [BINARY]   (default .build/release/wijkradar); prints one block for docs/PERFORMANCE.md.
"""
import json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request

import requests

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/wijkradar"
PASSWORD = "een lang geheim wachtwoord"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    data = tempfile.mkdtemp(prefix="wijkradar-login-load-")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, WIJKRADAR_DATA_DIR=data, WIJKRADAR_URL=f"http://127.0.0.1:{port}")
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen([BINARY, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if json.load(urllib.request.urlopen(base + "/health", timeout=2))["datasets"] > 0:
                    break
            except OSError:
                time.sleep(0.2)
        for number in range(32):
            link = subprocess.run([BINARY, "account", "invite", "--email", f"last{number}@example.nl", "--name", f"Last {number}"],
                                  env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
            path = urllib.parse.urlparse(link).path
            s = requests.Session()
            token = re.search(r'name="_csrf" value="([^"]+)"', s.get(base + path).text).group(1)
            s.post(base + path, data={"_csrf": token, "wachtwoord": PASSWORD, "herhaling": PASSWORD})

        page = requests.Session()
        for _ in range(20):
            page.get(base + "/regio/WK011443").content

        def measure(seconds):
            times, end = [], time.time() + seconds
            while time.time() < end:
                started = time.perf_counter()
                answer = page.get(base + "/regio/WK011443")
                answer.content
                times.append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 200
            return times

        alone = measure(8)
        stop = threading.Event()
        outcomes, lock = {}, threading.Lock()

        def sign_in(number):
            client = requests.Session()
            client.headers["X-Forwarded-For"] = f"198.18.{number}.1"
            while not stop.is_set():
                token = re.search(r'name="_csrf" value="([^"]+)"', client.get(base + "/inloggen").text).group(1)
                answer = client.post(base + "/inloggen", data={"_csrf": token, "email": f"last{number}@example.nl", "wachtwoord": PASSWORD},
                                     allow_redirects=False)
                with lock:
                    outcomes[answer.status_code] = outcomes.get(answer.status_code, 0) + 1
                client.cookies.clear()

        threads = [threading.Thread(target=sign_in, args=(n,)) for n in range(32)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        loaded = measure(15)
        stop.set()
        for thread in threads:
            thread.join()

        print(f"inloggen_onder_last: 32 gelijktijdige inloggers, {sum(outcomes.values())} pogingen in ~17 s: "
              + ", ".join(f"{code}: {count}" for code, count in sorted(outcomes.items())))
        for name, times in [("wijkpagina_alleen", alone), ("wijkpagina_tijdens_32_inlogs", loaded)]:
            print(f"{name} n={len(times)} p50_ms={statistics.median(times):.1f} p95_ms={percentile(times, 95):.1f} "
                  f"p99_ms={percentile(times, 99):.1f} max_ms={max(times):.1f}")
        print(f"doel p95 < 100 ms tijdens 32 inlogs: {'gehaald' if percentile(loaded, 95) < 100 else 'NIET gehaald'}")
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
