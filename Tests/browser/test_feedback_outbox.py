"""The outbox and client feedback in a real browser.

1. Mail is not lost and not sent twice when the server is killed in the middle of a delivery: the
   administrator queues test messages, MGN is SIGKILLed while the SMTP sink holds the slow one after
   its DATA, and after a restart on the same database every message arrives exactly once.
2. A client answers the feedback questions on a phone, without an account, from the link in the QR code
   of the printed letter (decoded from the page as a camera app would): a missing mark is named in
   Dutch, the answers are thanked for, and the one-time link then refuses politely.
"""
import base64
import email
import io
import email.policy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from email.header import decode_header, make_header
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, SHOTS, free_port, make_driver, shot
from test_foundation import click, login

ADMIN = "beheer@veenhaven.demo"
POH = "poh@delinde.demo"
SINK = ROOT / "Tests" / "mail" / "smtpsink.py"
PHONE = {"width": 390, "height": 844}

# The sink holds a langzaam… message this long after the final "."; the SMTP timeout (one whole send)
# must be longer, or every attempt of the slow message would time out and be dropped by the sink; the
# lease must be longer than that timeout (MGN refuses to start otherwise).
SLOW_SECONDS = 4
SMTP_TIMEOUT = 6
LEASE = 8


# -- helpers ------------------------------------------------------------------------------------------

class SmtpSink:
    """Tests/mail/smtpsink.py as a child process; its event lines are collected by a thread."""

    def __init__(self, folder, slow_seconds):
        self.maildir = os.path.join(folder, "mail")
        port_file = os.path.join(folder, "sink.port")
        self.stderr = open(os.path.join(folder, "sink.err"), "w")
        self.proc = subprocess.Popen([sys.executable, str(SINK), "--maildir", self.maildir, "--port-file", port_file,
                                      "--slow-seconds", str(slow_seconds)],
                                     stdout=subprocess.PIPE, stderr=self.stderr, text=True, bufsize=1)
        self.events = []  # (monotonic time, event, message-id)
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.port = int(self.wait(lambda ev: [e for e in ev if e[1] == "LISTENING"], 10, "the sink to listen")[0][2])

    def _read(self):
        for line in self.proc.stdout:
            parts = line.split()
            if parts:
                with self.cond:
                    self.events.append((time.monotonic(), parts[0], parts[1] if len(parts) > 1 else ""))
                    self.cond.notify_all()

    def wait(self, found, timeout, what):
        """Waits until found(events) is truthy and returns it."""
        with self.cond:
            result = self.cond.wait_for(lambda: found(list(self.events)), timeout)
            if not result:
                raise AssertionError(f"timed out waiting for {what}; the sink said: {self.events}")
            return result

    def ids(self, event):
        with self.cond:
            return [e[2] for e in self.events if e[1] == event]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.stderr.close()


class MgnServer:
    """`mgn serve --demo` on its own SQLite file; can be killed and started again on the same database."""

    def __init__(self, folder, env):
        self.folder, self.env = folder, env
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env["MGN_PUBLIC_URL"] = self.base
        self.proc = None
        self.log_path = os.path.join(folder, "server.log")

    def start(self, timeout=180):
        binary = os.environ.get("MGN_BIN", str(ROOT / ".build" / "debug" / "mgn"))
        log = open(self.log_path, "a")
        self.proc = subprocess.Popen([binary, "serve", "--demo", "--sqlite", os.path.join(self.folder, "mgn.sqlite"),
                                      "--hostname", "127.0.0.1", "--port", str(self.port), "--insecure-cookies"],
                                     cwd=self.folder, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("mgn did not start:\n" + Path(self.log_path).read_text())
                time.sleep(0.2)

    def kill(self):
        self.proc.kill()  # SIGKILL: no shutdown handlers, no chance to record anything
        self.proc.wait(timeout=10)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def outbox_counts(driver):
    """{"Wacht": 0, "Wordt verstuurd": 0, "Mislukt": 0, "Verstuurd": 3} from the counts on the outbox page."""
    counts = {}
    for li in driver.find_elements(By.CSS_SELECTOR, "main ul.counts li"):
        label, _, number = li.text.rpartition(":")
        counts[label.strip()] = int(number)
    return counts


def queue_test_message(driver, base, to):
    driver.get(base + "/beheer/berichten")
    field = driver.find_element(By.ID, "to")
    field.clear()
    field.send_keys(to)
    click(driver, "form[action='/beheer/berichten/test'] button[type=submit]")
    assert driver.find_element(By.CSS_SELECTOR, "p.flash").text == "Het testbericht staat in de wachtrij.", driver.page_source


def stored_messages(maildir):
    """Every stored message, parsed: [(file name, email.message.EmailMessage, raw bytes)]."""
    result = []
    for name in sorted(os.listdir(maildir)):
        if name.endswith(".eml"):
            raw = Path(maildir, name).read_bytes()
            result.append((name, email.message_from_bytes(raw, policy=email.policy.default), raw))
    return result


def row_of(driver, recipient):
    rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr") if recipient in r.text]
    assert len(rows) == 1, f"one row in the outbox for {recipient}, found {len(rows)}"
    return rows[0]


# -- 1. the outbox survives a kill in the middle of a delivery ---------------------------------------

@pytest.mark.parametrize("db", ["sqlite"])  # the [sqlite] id lets `-k sqlite` / `-k postgres` select it like the rest
def test_outbox_survives_kill_mid_delivery(db):
    folder = tempfile.mkdtemp(prefix="mgn-outbox-")
    sink = server = d = None
    slow, ok = "langzaam-1@example.org", ["ok-1@example.org", "ok-2@example.org"]
    try:
        sink = SmtpSink(folder, SLOW_SECONDS)
        env = dict(os.environ, MGN_BCRYPT_COST="4", MGN_DEMO_CLIENTS="0", LOG_LEVEL="info",
                   MGN_SMTP_URL=f"smtp://127.0.0.1:{sink.port}?timeout={SMTP_TIMEOUT}",
                   MGN_OUTBOX_LEASE=str(LEASE), MGN_BACKGROUND_INTERVAL="0.5")
        for key in ("DATABASE_URL", "MGN_SQLITE_PATH"):
            env.pop(key, None)
        server = MgnServer(folder, env)
        server.start()
        base = server.base

        d = make_driver()
        login(d, base, ADMIN)
        d.get(base + "/beheer/berichten")
        assert d.find_element(By.TAG_NAME, "h1").text == "Berichten", d.find_element(By.TAG_NAME, "h1").text
        assert not d.find_elements(By.CSS_SELECTOR, "main .alert"), "mail is configured: no 'no mail server' warning"

        # 1. The slow message first: the worker takes it and the sink holds it after DATA; the two others
        #    queue up behind it.
        for to in [slow] + ok:
            queue_test_message(d, base, to)
        received = sink.wait(lambda ev: [e for e in ev if e[1] == "DATA-RECEIVED"], 30, "DATA-RECEIVED of the slow message")
        server.kill()
        killed_at = time.monotonic()
        slow_id = received[0][2]
        assert re.fullmatch(r"<[0-9a-f-]{36}@127\.0\.0\.1>", slow_id), slow_id
        assert killed_at - received[0][0] < SLOW_SECONDS, (
            f"the kill came {killed_at - received[0][0]:.1f} s after DATA-RECEIVED, too late to catch the delivery in flight")
        assert slow_id not in sink.ids("STORED"), "the slow message was accepted before the kill"

        # 2. The sink notices the connection is gone when its wait ends, and drops the message: it was
        #    never accepted, so MGN must send it again.
        sink.wait(lambda ev: [e for e in ev if e[1] == "DISCARDED" and e[2] == slow_id], SLOW_SECONDS + 5,
                  "DISCARDED of the slow message")
        stored_before_restart = sink.ids("STORED")

        # 3. Restart on the same database with the same mail settings: everything arrives.
        server.start()
        started_again = time.monotonic()
        sink.wait(lambda ev: slow_id in [e[2] for e in ev if e[1] == "STORED"] and
                  len([e for e in ev if e[1] == "STORED"]) >= len(stored_before_restart) + 1,
                  LEASE + SLOW_SECONDS + SMTP_TIMEOUT + 30, "the slow message to be stored after the restart")

        def all_three_stored(_):
            recipients = [m["X-Envelope-To"] for _, m, _ in stored_messages(sink.maildir)]
            return all(r in recipients for r in [slow] + ok)
        sink.wait(all_three_stored, 30, "all three test messages to be stored")
        print(f"killed {killed_at - received[0][0]:.1f} s after DATA-RECEIVED; "
              f"slow message stored {time.monotonic() - started_again:.1f} s after the restart")

        # 4. The outbox page: nothing waiting, sending or failed; each test message sent.
        d.get(base + "/beheer/berichten")
        if "/inloggen" in d.current_url:
            login(d, base, ADMIN)
            d.get(base + "/beheer/berichten")
        deadline = time.time() + 20
        while True:
            counts = outbox_counts(d)
            if counts.get("Wacht") == 0 and counts.get("Wordt verstuurd") == 0 or time.time() > deadline:
                break
            time.sleep(0.5)
            d.refresh()
        # A copy sent twice would show up only after the restart's runs: give them a moment.
        time.sleep(2)
        d.refresh()
        counts = outbox_counts(d)
        shot(d, f"outbox-after-kill-{db}")
        messages = stored_messages(sink.maildir)
        ids = Counter(str(m["Message-ID"]).strip() for _, m, _ in messages)
        assert counts == {"Wacht": 0, "Wordt verstuurd": 0, "Mislukt": 0, "Verstuurd": len(ids)}, (counts, ids)
        assert all(n == 1 for n in ids.values()), f"a message arrived more than once: {ids}"
        assert len(messages) == len(ids), "one file per message"
        envelope = Counter(m["X-Envelope-To"] for _, m, _ in messages)
        for to in [slow] + ok:
            assert envelope[to] == 1, (to, envelope)
            row = row_of(d, to)
            assert row.find_element(By.CSS_SELECTOR, "span.status-sent").text == "Verstuurd", row.text
            assert "Testbericht" in row.text, row.text
        # The slow message was claimed twice (before and after the kill) and is still one message.
        attempts = int(row_of(d, slow).find_element(By.CSS_SELECTOR, "td.num").text)
        assert attempts == 2, f"the slow message took {attempts} attempts"
        assert slow_id in ids
        assert sink.ids("STORED").count(slow_id) == 1 and sink.ids("DISCARDED") == [slow_id], sink.events

        # 5. What a mail program shows: decoded subject and body.
        name, message, raw = next(x for x in messages if x[1]["X-Envelope-To"] == ok[0])
        raw.decode("ascii")  # 7-bit only: quoted-printable body, RFC 2047 headers where needed
        subject = str(make_header(decode_header(message["Subject"])))
        assert subject.startswith("Testbericht"), subject
        assert message["Content-Transfer-Encoding"] == "quoted-printable"
        assert message.get_content_charset() == "utf-8"
        body = message.get_content()
        assert "Dit is een testbericht" in body and "MGN" in body, body
        assert message["To"] == ok[0] and message["Auto-Submitted"] == "auto-generated"
    finally:
        if d:
            d.quit()
        if server:
            server.stop()
        if sink:
            sink.stop()
        if os.environ.get("MGN_KEEP_TMP"):
            print("kept", folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)


# -- 2. a client answers the feedback questions on a phone -------------------------------------------

def phone():
    """A fresh Chromium (no cookies: not logged in) that lays pages out as a 390×844 phone."""
    p = make_driver(width=PHONE["width"], height=PHONE["height"])
    p.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": PHONE["width"], "height": PHONE["height"], "deviceScaleFactor": 2, "mobile": True})
    p.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    return p


def full_page_shot(driver, name):
    """The whole page, not only the part on screen (the form is several screens long on a phone)."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    png = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"{name}.png").write_bytes(base64.b64decode(png["data"]))


def http_status(driver):
    """The HTTP status of the document now shown (Navigation Timing; also after a POST)."""
    return driver.execute_script("return performance.getEntriesByType('navigation')[0].responseStatus")


def assert_fits_the_phone(driver, what):
    width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert inner == PHONE["width"], f"the phone viewport is {inner} px wide"
    assert width <= PHONE["width"] + 1, f"{what}: the page scrolls sideways ({width} px on a {PHONE['width']} px phone)"


def open_invitation_letter(d, base):
    """As the POH: the letter of an open invitation after a verkennend gesprek (the demo has some); if
    none is left, mark a past, still open verkennend gesprek as held, which makes one. Returns the
    link on the letter."""
    d.get(base + "/clienten")
    records = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "main table a[href^='/clienten/']")]
    assert records, "the POH has clients in the demo"

    def letter_link():
        for row in d.find_elements(By.CSS_SELECTOR, "#feedback tbody tr"):
            links = row.find_elements(By.CSS_SELECTOR, "a[href*='/feedback/brief']")
            if links and row.find_element(By.TAG_NAME, "td").text == "Na het gesprek":
                return links[0]
        return None

    held = "//section[@aria-labelledby='vg-title']//button[normalize-space()='Gesprek is gehouden']"
    for record in reversed(records):  # the showcase client comes first: leave her for last
        d.get(record)
        if letter_link():
            break
    else:
        for record in records:
            d.get(record)
            if d.find_elements(By.XPATH, held):
                click(d, "section[aria-labelledby=vg-title] form.inline button[type=submit]")
                if letter_link():
                    break
        else:
            pytest.fail("no open invitation after a verkennend gesprek in the demo, and no past gesprek to mark as held")
    section = d.find_element(By.ID, "feedback")
    assert section.find_element(By.TAG_NAME, "h2").text == "Feedback van de cliënt"
    link = letter_link()
    assert link.text == "Brief afdrukken"
    link.click()
    WebDriverWait(d, 15).until(lambda _: "/feedback/brief" in d.current_url)
    text = d.find_element(By.CSS_SELECTOR, "article.letter .link").text.strip()
    # Without MGN_PUBLIC_URL the link is built from the request's host, and its scheme from the cookie
    # setting: https unless --insecure-cookies (the shared test server runs plain http with secure
    # cookies, which Chromium accepts on 127.0.0.1). The client's phone gets the same path on this server.
    host = re.escape(base.split("://", 1)[1])
    match = re.fullmatch(r"https?://" + host + r"(/f/[A-Za-z0-9_-]{22})", text)
    assert match, text
    qr = d.find_element(By.CSS_SELECTOR, "article.letter .qr-block img")
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,") and qr.get_attribute("alt")
    # What a phone's camera reads: the QR code as drawn on the page, decoded, is the printed link.
    scanned = scan_qr(qr)
    assert scanned == text, f"the QR code says {scanned!r}, the letter {text!r}"
    return base + match.group(1)


def scan_qr(element):
    """The text of the QR code in a screenshot of `element` (zxing-cpp, as a phone's camera app would)."""
    image = Image.open(io.BytesIO(element.screenshot_as_png)).convert("L")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, f"{len(found)} QR codes found in the picture"
    return found[0].text


def test_client_answers_feedback_on_a_phone(server):
    base, db = server["base"], server["db"]
    desk = make_driver()
    try:
        login(desk, base, POH)
        link = open_invitation_letter(desk, base)
        shot(desk, f"feedback-letter-{db}")
    finally:
        desk.quit()

    p = phone()
    try:
        # The client opens the link: no login, a Dutch form that fits the phone.
        p.get(link)
        assert http_status(p) == 200
        assert p.current_url == link, "no detour to the login page"
        assert not p.find_elements(By.CSS_SELECTOR, "header nav"), "nobody is logged in"
        assert p.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
        assert p.find_element(By.TAG_NAME, "h1").text == "Hoe was uw gesprek?"
        for name in ["rapportcijfer", "relatie", "doelen", "aanpak", "algemeen"]:
            assert p.find_elements(By.CSS_SELECTOR, f"input[type=radio][name={name}]"), name
        assert len(p.find_elements(By.CSS_SELECTOR, "input[name=rapportcijfer]")) == 10
        assert p.find_element(By.CSS_SELECTOR, "textarea[name=opmerking]")
        assert_fits_the_phone(p, "the form")
        shot(p, "feedback-phone")
        full_page_shot(p, f"feedback-phone-full-{db}")

        # The language switch in the header works here too, and back.
        click(p, "header a.lang")
        assert p.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert p.find_element(By.TAG_NAME, "h1").text == "How was your conversation?"
        assert p.current_url == link
        assert_fits_the_phone(p, "the English form")
        click(p, "header a.lang")
        assert p.find_element(By.TAG_NAME, "h1").text == "Hoe was uw gesprek?"

        # Sent without a mark: the page says what is missing, next to the question, in Dutch.
        click(p, "main form button[type=submit]")
        assert http_status(p) == 422
        assert p.find_element(By.CSS_SELECTOR, "main [role=alert]").text.startswith("Er ontbreekt nog iets")
        error = p.find_element(By.ID, "q-rapportcijfer-error")
        assert error.text == "Vul dit veld in."
        question = error.find_element(By.XPATH, "ancestor::fieldset")
        assert "invalid" in question.get_attribute("class")
        assert question.get_attribute("aria-describedby") == "q-rapportcijfer-error"
        assert len(p.find_elements(By.CSS_SELECTOR, "main p.error")) == 1, "only the required question is named"
        assert_fits_the_phone(p, "the form with an error")
        shot(p, f"feedback-phone-error-{db}")
        full_page_shot(p, f"feedback-phone-error-full-{db}")

        # Answered: a mark of 8, the other questions, a remark.
        for name, value in [("rapportcijfer", "8"), ("relatie", "9"), ("doelen", "7"), ("aanpak", "8"), ("algemeen", "10")]:
            radio = p.find_element(By.CSS_SELECTOR, f"input[name={name}][value='{value}']")
            radio.click()
            assert radio.is_selected(), name
        p.find_element(By.CSS_SELECTOR, "textarea[name=opmerking]").send_keys("Fijn dat er echt naar me werd geluisterd.")
        click(p, "main form button[type=submit]")
        assert http_status(p) == 200
        assert p.find_element(By.TAG_NAME, "h1").text == "Dank u wel!"
        assert_fits_the_phone(p, "the thank-you page")
        shot(p, f"feedback-phone-thanks-{db}")

        # The link works once: opening it again is refused politely (409), not with an error page.
        p.get(link)
        assert http_status(p) == 409
        assert p.find_element(By.TAG_NAME, "h1").text == "U heeft deze vragen al beantwoord"
        assert not p.find_elements(By.CSS_SELECTOR, "main form"), "no form to fill in again"
        assert_fits_the_phone(p, "the refusal")
        shot(p, f"feedback-phone-used-{db}")
    finally:
        p.quit()
