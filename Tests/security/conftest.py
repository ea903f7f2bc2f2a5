"""Runs real `wijkradar serve` processes for the security suite: one on SQLite, and one on PostgreSQL when
TEST_DATABASE_URL is set (a fresh database, dropped afterwards). Every attack goes over a real socket."""
import json, os, pathlib, re, shutil, socket, subprocess, tempfile, time, urllib.parse, urllib.request, uuid

import pytest
import requests
import urllib3

ROOT = pathlib.Path(__file__).resolve().parents[2]
PASSWORD = "een lang geheim wachtwoord"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Live:
    """A running server: its base URL, log, the CLI on the same database, and signed-in sessions."""

    def __init__(self, base, binary, env, log_path):
        self.base, self.binary, self.env, self.log_path = base, binary, env, log_path
        self.port = int(base.rsplit(":", 1)[1])

    def cli(self, *arguments, check=True):
        done = subprocess.run([self.binary, *arguments], env=self.env, capture_output=True, text=True, timeout=120)
        if check:
            assert done.returncode == 0, done.stderr
        return done

    def log(self):
        return pathlib.Path(self.log_path).read_text(errors="replace")

    def session(self):
        """A browser-like session that has the anonymous CSRF token of the login form."""
        s = requests.Session()
        s.headers["User-Agent"] = "wijkradar-security-suite"
        # Like a browser, a GET on a keep-alive connection the server has just closed (IDLE_TIMEOUT is 3 s here) is
        # sent again on a new one; a POST never is.
        retry = urllib3.util.Retry(total=1, connect=1, read=1, other=0, allowed_methods={"GET", "HEAD"})
        s.mount("http://", requests.adapters.HTTPAdapter(max_retries=retry))
        return s

    @staticmethod
    def csrf(html):
        return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)

    def account(self, email, name="Programmastaf", role=None, city=None):
        """Creates an account through an invitation link, as on a new installation; returns its password."""
        arguments = ["account", "invite", "--email", email, "--name", name]
        if role:
            arguments += ["--role", role, "--city", str(city)]
        link = self.cli(*arguments).stdout.strip().splitlines()[-1].strip()
        path = urllib.parse.urlparse(link).path
        s = self.session()
        token = self.csrf(s.get(self.base + path).text)
        answer = s.post(self.base + path, data={"_csrf": token, "wachtwoord": PASSWORD, "herhaling": PASSWORD}, allow_redirects=False)
        assert answer.status_code == 303, answer.text[:500]
        return PASSWORD

    def signed_in(self, email, forwarded_for=None):
        s = self.session()
        if forwarded_for:
            s.headers["X-Forwarded-For"] = forwarded_for
        token = self.csrf(s.get(self.base + "/inloggen").text)
        answer = s.post(self.base + "/inloggen", data={"_csrf": token, "email": email, "wachtwoord": PASSWORD}, allow_redirects=False)
        assert answer.status_code == 303, answer.text[:300]
        return s

    def page_csrf(self, s, path):
        return self.csrf(s.get(self.base + path).text)


def start(database_url=None):
    binary = os.environ.get("WIJKRADAR_BIN") or str(ROOT / ".build" / "debug" / "wijkradar")
    data = tempfile.mkdtemp(prefix="wijkradar-security-")
    port = free_port()
    env = dict(os.environ, WIJKRADAR_DATA_DIR=data, WIJKRADAR_URL=f"http://127.0.0.1:{port}", IDLE_TIMEOUT=os.environ.get("T_IDLE","3"))
    env.pop("SMTP_HOST", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    log_path = os.path.join(data, "serve.log")
    process = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if json.load(response)["datasets"] > 0:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        process.terminate()
        raise RuntimeError("wijkradar serve did not start: " + open(log_path).read()[-2000:])
    return process, Live(base, binary, env, log_path), data


def databases():
    return ["sqlite"] + (["postgres"] if os.environ.get("TEST_DATABASE_URL") else [])


@pytest.fixture(scope="module", params=databases())
def live(request):
    database_url, name = None, None
    admin = os.environ.get("TEST_DATABASE_URL", "")
    if request.param == "postgres":
        name = "wr_security_" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", admin, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
        parts = urllib.parse.urlparse(admin)
        database_url = urllib.parse.urlunparse(parts._replace(path="/" + name))
    process, server, data = start(database_url)
    server.kind = request.param
    try:
        yield server
    finally:
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(data, ignore_errors=True)
        if name:
            subprocess.run(["psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)
