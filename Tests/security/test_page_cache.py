"""The page cache as a browser and a second instance see it, over real sockets (issue 17): strong ETags and 304,
gzip bodies equal to the plain ones, no session's page or CSRF token ever served from the cache, and an import by
another process (the CLI, or a second server on PostgreSQL) seen within the stated bound of one second."""
import gzip, http.client, re, time, urllib.parse

import pytest

from conftest import ROOT, start

PUBLIC = ["/", "/regio/WK011443", "/regio/GM0114", "/radar", "/methode", "/radar.csv", "/regio/WK011443/cijfers.csv",
          "/api/v1/regions/WK011443", "/api/v1/radar", "/sitemap.xml", "/static/wijkradar.css"]
FIXTURE = ROOT / "Tests" / "DataImportTests" / "Fixtures" / "kwb-2023-utrecht-excerpt.csv"


def fetch(base, path, headers=None):
    """One GET on its own connection, the body exactly as sent (no decompression). Like a browser, a GET the server
    closed without an answer is sent once more: with IDLE_TIMEOUT at 3 s here, a first render of the radar in a debug
    build on a busy machine can outlast it (Vapor counts the time it works on an answer as silence)."""
    parts = urllib.parse.urlparse(base)
    for attempt in range(2):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            body = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        except http.client.RemoteDisconnected:
            if attempt == 1:
                raise
        finally:
            connection.close()


def test_public_pages_carry_a_strong_etag_and_answer_304(live):
    for path in PUBLIC:
        status, headers, body = fetch(live.base, path)
        assert status == 200, path
        etag = headers.get("etag", "")
        assert re.fullmatch(r'"v\d+-[0-9a-f]+"', etag), (path, etag)
        assert "public" in headers["cache-control"], path
        assert "Accept-Encoding" in headers["vary"], path
        again = fetch(live.base, path)
        assert again[1]["etag"] == etag and again[2] == body, path
        status, not_modified, empty = fetch(live.base, path, {"If-None-Match": etag})
        assert (status, empty, not_modified["etag"]) == (304, b"", etag), path
    # A page revalidates every time; a download may be kept a minute.
    assert fetch(live.base, "/regio/WK011443")[1]["cache-control"] == "public, no-cache"
    assert fetch(live.base, "/radar.csv")[1]["cache-control"] == "public, max-age=60"


def test_gzip_bodies_are_the_plain_bodies(live):
    for path in PUBLIC:
        _, plain_headers, plain = fetch(live.base, path, {"Accept-Encoding": "identity"})
        _, headers, packed = fetch(live.base, path, {"Accept-Encoding": "gzip, deflate, br"})
        assert "content-encoding" not in plain_headers, path
        assert headers.get("content-encoding") == "gzip", path
        assert gzip.decompress(packed) == plain, path
        assert len(packed) < len(plain) / 2, path
        assert headers["etag"] == plain_headers["etag"][:-1] + '-gz"', path
        assert headers["content-type"] == plain_headers["content-type"], path
    # A 304 for the gzip copy too.
    _, headers, _ = fetch(live.base, "/radar", {"Accept-Encoding": "gzip"})
    assert fetch(live.base, "/radar", {"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]})[0] == 304


def test_no_cached_page_shows_a_session_or_a_csrf_token(live):
    live.account("cache.staf@example.nl", name="Fenna Cachestaf")
    before = fetch(live.base, "/")[1]["etag"]
    s = live.signed_in("cache.staf@example.nl")
    # Signing in changes nothing public: the cached pages stay.
    assert fetch(live.base, "/")[1]["etag"] == before
    for path in ["/", "/regio/WK011443", "/radar", "/methode"]:
        fetch(live.base, path)  # an anonymous visit first, so the page is in the cache
        mine = s.get(live.base + path)
        assert mine.status_code == 200 and "Fenna Cachestaf" in mine.text, path
        assert "etag" not in {k.lower() for k in mine.headers}, path
        assert mine.headers.get("Content-Encoding") is None, path  # not compressed next to a CSRF token (BREACH)
        for encoding in ["identity", "gzip"]:
            _, headers, body = fetch(live.base, path, {"Accept-Encoding": encoding})
            text = (gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body).decode()
            assert "Fenna Cachestaf" not in text and "_csrf" not in text and "set-cookie" not in headers, path
    # A page with a form that sets a session cookie is never cached.
    for _ in range(2):
        status, headers, body = fetch(live.base, "/inloggen")
        assert status == 200 and "etag" not in headers and b"_csrf" in body


def first_answer_after_the_bound(base, path, old):
    """The answer to a conditional GET sent once the stated bound (1 s) has passed since the write ended."""
    status, headers, body = fetch(base, path, {"If-None-Match": old})
    assert status == 200, f"{base}{path} still answers {status} for {old} more than a second after the import"
    assert headers["etag"] != old
    return body.decode()


def test_an_import_by_another_process_replaces_the_cached_pages_within_a_second(live):
    _, headers, before = fetch(live.base, "/")
    live.cli("import", str(FIXTURE), "--slug", "cache-proef")
    time.sleep(1.1)
    try:
        assert first_answer_after_the_bound(live.base, "/", headers["etag"]) != before.decode()
    finally:
        live.cli("datasets", "remove", "cache-proef", check=False)


def test_two_instances_on_postgresql_agree_and_an_import_reaches_both(live):
    if live.kind != "postgres":
        pytest.skip("two instances share one database only on PostgreSQL")
    process, second, data = start(live.env["DATABASE_URL"])
    try:
        for path in ["/regio/WK011443", "/api/v1/regions/WK011443", "/api/v1/radar"]:
            one = fetch(live.base, path)
            two = fetch(second.base, path)
            assert one[1]["etag"] == two[1]["etag"] and one[2] == two[2], f"{path}: two instances, one answer"
        homes = [fetch(base, "/")[1]["etag"] for base in (live.base, second.base)]
        live.cli("import", str(FIXTURE), "--slug", "cache-proef-2")
        time.sleep(1.1)
        try:
            pages = [first_answer_after_the_bound(base, "/", old) for base, old in zip((live.base, second.base), homes)]
            assert pages[0] == pages[1]
        finally:
            live.cli("datasets", "remove", "cache-proef-2", check=False)
    finally:
        process.terminate()
        process.wait(timeout=20)
