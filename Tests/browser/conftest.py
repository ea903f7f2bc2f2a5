"""Starts a real `wijkradar serve` (SQLite, bundled data) and a headless Chromium for the browser tests."""
import json, os, pathlib, shutil, socket, subprocess, tempfile, time, urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Wijkradar(str):
    """The base URL of the running server, with what a test needs to run the CLI on the same data."""
    binary: str
    env: dict

    def cli(self, *arguments):
        done = subprocess.run([self.binary, *arguments], env=self.env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("WIJKRADAR_BIN") or str(ROOT / ".build" / "debug" / "wijkradar")
    data = tempfile.mkdtemp(prefix="wijkradar-browser-")
    port = free_port()
    env = dict(os.environ, WIJKRADAR_DATA_DIR=data, WIJKRADAR_URL=f"http://127.0.0.1:{port}")
    env.pop("DATABASE_URL", None)
    log = open(os.path.join(data, "serve.log"), "w")
    process = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as response:
                    if json.load(response)["datasets"] > 0:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("wijkradar serve did not start: " + open(os.path.join(data, "serve.log")).read()[-2000:])
        running = Wijkradar(base)
        running.binary, running.env = binary, dict(env, WIJKRADAR_URL=base)
        yield running
    finally:
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000"]:
        options.add_argument(argument)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    OUTPUT.mkdir(exist_ok=True)
    yield driver
    driver.quit()
