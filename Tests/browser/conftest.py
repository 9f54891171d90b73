"""Browser tests: a real `mgn serve --demo` on a free port, driven by headless Chromium.

Each server fixture runs once per database: SQLite (a temporary file) and PostgreSQL (a fresh
database in the test cluster from MGN_TEST_POSTGRES_URL, which `make test` always provides).
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / ".build" / "screenshots"
DEMO_PASSWORD = "mgn-demo-2026"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def postgres_database():
    admin = os.environ.get("MGN_TEST_POSTGRES_URL")
    if not admin:
        pytest.fail("MGN_TEST_POSTGRES_URL is not set: run the browser tests through `make test`")
    name = "browser_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", admin, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
    return admin.replace("/postgres?", f"/{name}?")


# One server per database for the whole browser suite: seeding the demo region (300 clients) in a
# debug build takes most of a minute, more on PostgreSQL.
@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def server(request):
    binary = os.environ.get("MGN_BIN", str(ROOT / ".build" / "debug" / "mgn"))
    port = free_port()
    tmp = tempfile.mkdtemp(prefix="mgn-browser-")
    env = dict(os.environ, MGN_BCRYPT_COST="4", LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    if request.param == "postgres":
        env["DATABASE_URL"] = postgres_database()
    else:
        env["MGN_SQLITE_PATH"] = os.path.join(tmp, "mgn.sqlite")
    log = open(os.path.join(tmp, "server.log"), "w")
    # Started from another folder on purpose: templates must be found wherever mgn runs.
    proc = subprocess.Popen([binary, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port)],
                            cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 600
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as r:
                if r.status == 200:
                    break
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                log.close()
                raise RuntimeError("mgn did not start:\n" + Path(tmp, "server.log").read_text())
            time.sleep(0.2)
    yield {"base": base, "db": request.param}
    proc.terminate()
    proc.wait(timeout=20)
    log.close()
    shutil.rmtree(tmp, ignore_errors=True)


def make_driver(javascript=True, width=1280, height=900):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}"]:
        o.add_argument(a)
    if not javascript:
        o.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


@pytest.fixture
def driver():
    d = make_driver()
    yield d
    d.quit()


def shot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
