#!/usr/bin/env python3
"""Helper of bench/http.sh: copy Wijkradar's answers to static files and write an nginx config that serves them.

    python3 bench/http_mirror.py WIJKRADAR_BASE_URL PREFIX NGINX_PORT URL...

For each URL: fetch the body once from Wijkradar (no compression), store it as PREFIX/www/fN and PREFIX/www/fN.gz
(`gzip -6`, what nginx users typically precompress with), and give nginx an exact-match location that serves it
with `gzip_static` and the same Content-Type and the same other headers Wijkradar sent (security headers,
Cache-Control, Vary), so both servers send the same bytes and nearly the same headers. Prints one line per URL.
"""
import json
import os
import subprocess
import sys
import urllib.request

base, prefix, port, urls = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
www = os.path.join(prefix, "www")
os.makedirs(www, exist_ok=True)
for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
    os.makedirs(os.path.join(prefix, "tmp", sub), exist_ok=True)
# nginx workers run as `nobody` when started by root: they must be able to read the files.
for path in (prefix, www):
    os.chmod(path, 0o755)

# Headers nginx makes itself or that belong to one response only.
OWN = {"date", "content-length", "content-type", "content-encoding", "connection", "keep-alive", "transfer-encoding",
       "etag", "last-modified", "server", "set-cookie", "accept-ranges"}


def nginx_string(value):
    if any(c in value for c in '"\\$\n'):
        raise SystemExit(f"header value needs escaping we do not do: {value!r}")
    return f'"{value}"'


def fetch(url):
    request = urllib.request.Request(base + url, headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(request) as response:  # raises on anything but 2xx
        if response.headers.get("Content-Encoding", "identity") != "identity":
            coding = response.headers["Content-Encoding"]
            raise SystemExit(f"{url}: Wijkradar sent {coding} although identity was asked")
        return response.read(), response.headers


def same_again(url, body):
    """Does Wijkradar send these bytes again? If not, the copy stands for its answers only when the difference
    cannot matter: the same length and, for JSON, the same document (the order of object keys may vary)."""
    again, headers = fetch(url)
    if again == body:
        return ""
    if len(again) == len(body) and "json" in headers.get("Content-Type", "") and json.loads(again) == json.loads(body):
        return "; differs per request (order of JSON keys), same length and same JSON"
    raise SystemExit(f"{url}: Wijkradar sent another body the second time ({len(body)} then {len(again)} bytes)")


locations = []
for index, url in enumerate(urls):
    body, headers = fetch(url)
    note = same_again(url, body)
    name = f"f{index}"
    with open(os.path.join(www, name), "wb") as f:
        f.write(body)
    # -n: no name or time stamp in the gzip header, so the same body gives the same .gz.
    with open(os.path.join(www, name + ".gz"), "wb") as f:
        subprocess.run(["gzip", "-6", "-n", "-c", os.path.join(www, name)], stdout=f, check=True)
    gz_size = os.path.getsize(os.path.join(www, name + ".gz"))
    extra = "".join(f"        add_header {key} {nginx_string(value)};\n"
                    for key, value in headers.items() if key.lower() not in OWN)
    locations.append(f"""    location = {url} {{
        default_type {nginx_string(headers.get("Content-Type", "application/octet-stream"))};
{extra}        try_files /{name} =404;
    }}
""")
    print(f"  {url}: {len(body):,} bytes ({gz_size:,} gzip -6), {headers.get('Content-Type')}{note}")

config = f"""# Written by bench/http_mirror.py for bench/http.sh; all paths inside {prefix}.
daemon off;                 # started in the background by http.sh, which stops it
worker_processes {os.cpu_count()};         # one per core, as nginx advises
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;         # Wijkradar writes no access log either
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    keepalive_requests 1000000;  # wrk keeps its connections open; nginx's default would close one every 1000
    gzip_static on;         # serve fN.gz as it is when the client accepts gzip; no compression per request
    types {{ }}             # the Content-Type comes from each location, as Wijkradar sent it
    client_body_temp_path {prefix}/tmp/client_body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {www};
{"".join(locations)}        location / {{ return 404; }}
    }}
}}
"""
with open(os.path.join(prefix, "nginx.conf"), "w") as f:
    f.write(config)
