"""The monitor in a real browser (issue #8, "done means"): a coordinator opens the overview of the seven
goals through the menu and clicks through to an indicator page (an inline SVG chart with title and
description, the same figures in a table, the definition), also without JavaScript; and a professional
of an organisation not involved with a set of clients sees none of them anywhere in the monitor — not
on the pages, not in the CSV or JSON exports — cannot open their records, and cannot choose another
organisation's figures."""
import json
import re
from urllib.parse import urlparse

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT, make_driver, shot
from test_foundation import login

COORDINATOR = "coordinator@veenhaven.demo"  # regiocoördinator: the whole region, any slice
POH = "poh@delinde.demo"                    # POH-GGZ of Huisartsenpraktijk De Linde: sees her own clients
# Rik Jacobs, ervaringsdeskundige of Herstelhuis Het Baken. The POH of De Linde is in the care team of
# clients of the wijken De Linde serves (Centrum, Havenkwartier), and DemoClients.swift only involves
# organisations serving a client's wijk (consents, duo, handovers: `serving(wijk, …)`, `DuoCandidates`).
# Het Baken serves Noorderpolder, Oost, Westwijk and Oud-Veen only, so it has no part in any of her
# clients — and no browser test hands one of them over to Het Baken either.
UNINVOLVED = "ervaringsdeskundige@hetbaken.demo"
UNINVOLVED_ORG = "Herstelhuis Het Baken"

GOALS = ["Snel geholpen", "Hulpvraag beantwoord", "Minder onnodige ggz-instroom", "Minder onnodige interne doorverwijzingen",
         "Collega's tevreden", "Gecombineerd aanbod", "Ketensamenwerking"]
WAIT = "wachttijd-vg"
WAIT_NAME = "Wachttijd tot het verkennend gesprek"
WAIT_DEFINITION = "Per aanmelding: kalenderdagen van het moment dat de aanmelding compleet is (complete_at)"
ORG_ERROR = "U kunt alleen de cijfers van uw eigen organisatie naast die van de regio zien."
NOT_FOUND = "Pagina niet gevonden"
TALL = 2400  # the screenshots show the whole chart and its table, not only the filters


# -- helpers (login from test_foundation; waits as in test_case_table) ---------------------------------

def wait_for(driver, condition, timeout=15):
    """Waits until condition(driver) is truthy; an element read while a page is replaced is only "not yet"."""
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(condition)


def navigate(driver, element):
    """Clicks a link or button and waits for the next page: Selenium's click returns before navigation ends."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def navigated(_):
        try:
            old.tag_name
            return False
        except Exception:  # stale, or Chromium's "node does not belong to the document": the page is new
            return True
    WebDriverWait(driver, 15).until(navigated)


def open_monitor(driver):
    """Through the main menu, as a user would."""
    link = wait_for(driver, lambda d: d.find_element(By.XPATH, "//header//nav//a[normalize-space()='Monitor']"))
    navigate(driver, link)
    assert urlparse(driver.current_url).path == "/monitor"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Monitor: de zeven doelen"


def fetch(driver, url):
    """GET from inside the signed-in page (same origin, the session cookie goes along): a download such
    as the CSV cannot be read from the browser window, and the status code is only visible this way."""
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
          .then(async r => done({status: r.status, type: r.headers.get('content-type') || '',
                                 disposition: r.headers.get('content-disposition') || '', body: await r.text()}))
          .catch(e => done({status: -1, type: '', disposition: '', body: String(e)}));""", url)


def main_html(driver):
    """The page's own content and title. The header is left out on purpose: it names the signed-in
    professional, and demo client names are drawn from the same list of Dutch names."""
    return driver.title + "\n" + driver.find_element(By.TAG_NAME, "main").get_attribute("innerHTML")


def catalogue_ids():
    source = (ROOT / "Sources" / "Domain" / "Monitoring" / "IndicatorCatalogue.swift").read_text()
    return re.findall(r'\bid: "([a-z0-9-]+)", goal:', source)


def check_indicator_page(driver, name, definition):
    """The chart is inline SVG named by its <title> and <desc>, followed by a table of the same figures, and the definition."""
    assert driver.find_element(By.TAG_NAME, "h1").text == name
    svg = driver.find_element(By.CSS_SELECTOR, "main figure.chart > svg")
    assert svg.get_attribute("role") == "img"
    title = svg.find_element(By.CSS_SELECTOR, ":scope > title")
    desc = svg.find_element(By.CSS_SELECTOR, ":scope > desc")
    assert title.get_attribute("textContent") == name
    assert desc.get_attribute("textContent").startswith("Lijn per maand (dagen)")
    assert svg.get_attribute("aria-labelledby") == f"{title.get_attribute('id')} {desc.get_attribute('id')}"
    assert svg.size["width"] > 300 and svg.size["height"] > 100, "the chart is drawn at a readable size"
    assert driver.find_element(By.CSS_SELECTOR, "main figure.chart figcaption").text == "De tabel hieronder bevat dezelfde cijfers."
    # The month table, under its heading, after the chart.
    heading = driver.find_element(By.XPATH, "//main//h2[normalize-space()='Per maand']")
    table = heading.find_element(By.XPATH, "following::table[1]")
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert headers[:3] == ["Maand", "n", "Waarde (dagen)"], headers
    months = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(months) == 12, "the default period is the last twelve months"
    assert all(re.fullmatch(r"[a-z]{3} \d{2}", r.find_element(By.CSS_SELECTOR, "th").text) for r in months)
    assert any(re.search(r"\d", r.find_elements(By.TAG_NAME, "td")[1].text) for r in months), "the demo year has figures"
    assert driver.find_element(By.XPATH, "//main//h2[normalize-space()='Definitie']")
    assert definition in driver.find_element(By.TAG_NAME, "main").text
    assert "Treeknorm aanmelding (4 weken)" in driver.find_element(By.TAG_NAME, "main").text


# -- 1. the coordinator ---------------------------------------------------------------------------------

def test_coordinator_opens_the_overview_and_an_indicator(server):
    base, db = server["base"], server["db"]
    d = make_driver(height=TALL)
    try:
        login(d, base, COORDINATOR)
        open_monitor(d)
        assert d.find_element(By.XPATH, "//header//nav//a[normalize-space()='Monitor']").get_attribute("aria-current") == "page"
        assert [h.text for h in d.find_elements(By.CSS_SELECTOR, "main section.goal > h2")] == GOALS
        # Every indicator of the catalogue is on the overview, under a goal, with a figure or a reason why not.
        rows = d.find_elements(By.CSS_SELECTOR, "main section.goal tbody tr")
        linked = [urlparse(r.find_element(By.CSS_SELECTOR, "th a").get_attribute("href")).path for r in rows]
        assert sorted(linked) == sorted(f"/monitor/indicator/{i}" for i in catalogue_ids())
        assert all(r.find_elements(By.TAG_NAME, "td")[0].text.strip() for r in rows)
        # The region's view: any organisation can be chosen, and there is no "own organisation" column.
        assert len(Select(d.find_element(By.NAME, "organisatie")).options) > 5
        assert [th.text for th in d.find_elements(By.CSS_SELECTOR, "main section.goal thead th")][:4] == ["Indicator", "Regio", "95%-interval", "n"]
        assert "U ziet nooit een persoon." in d.find_element(By.TAG_NAME, "main").text
        assert not d.find_elements(By.CSS_SELECTOR, "main [role=alert]")
        shot(d, f"monitor-overview-{db}")

        navigate(d, d.find_element(By.LINK_TEXT, WAIT_NAME))
        assert urlparse(d.current_url).path == f"/monitor/indicator/{WAIT}"
        check_indicator_page(d, WAIT_NAME, WAIT_DEFINITION)
        shot(d, f"monitor-indicator-{db}")

        # The CSV behind the page's link: the same twelve months and a total.
        csv = fetch(d, d.find_element(By.PARTIAL_LINK_TEXT, "Download als CSV").get_attribute("href"))
        assert csv["status"] == 200 and csv["type"].startswith("text/csv"), csv["status"]
        assert "attachment" in csv["disposition"]
        lines = csv["body"].strip().splitlines()
        assert lines[0] == "indicator;maand;n;waarde;ondergrens;bovengrens;onderdrukt"
        assert len(lines) == 14 and lines[-1].startswith(f"{WAIT};totaal;")

        # Adherence to the demo's four samenwerkingsafspraken: every agreement's norms as their own rows.
        open_monitor(d)
        navigate(d, d.find_element(By.LINK_TEXT, "Nakoming van de samenwerkingsafspraken"))
        assert urlparse(d.current_url).path == "/monitor/indicator/afspraken-nakoming"
        main = d.find_element(By.TAG_NAME, "main").text
        for title in ["Overdrachten binnen het netwerk", "Adviesbrief na het verkennend gesprek", "GGZ rapporteert aan de huisarts",
                      "Advies van de casuïstiektafel binnen vier weken"]:
            assert title + " — " in main, title
        assert d.find_elements(By.CSS_SELECTOR, "main svg title") and not d.find_elements(By.CSS_SELECTOR, "main [role=alert]")
        shot(d, f"monitor-adherence-{db}")
    finally:
        d.quit()


def test_indicator_page_works_without_javascript(server):
    base, db = server["base"], server["db"]
    d = make_driver(javascript=False, height=TALL)
    try:
        login(d, base, COORDINATOR)
        open_monitor(d)
        navigate(d, d.find_element(By.LINK_TEXT, WAIT_NAME))
        check_indicator_page(d, WAIT_NAME, WAIT_DEFINITION)
        # The filters are a plain GET form: choosing a route reloads the page with it.
        Select(d.find_element(By.NAME, "route")).select_by_index(1)
        navigate(d, d.find_element(By.XPATH, "//form[contains(@class,'filters')]//button[normalize-space()='Toon']"))
        assert "route=" in d.current_url and urlparse(d.current_url).path == f"/monitor/indicator/{WAIT}"
        assert d.find_element(By.TAG_NAME, "h1").text == WAIT_NAME
        assert d.find_element(By.CSS_SELECTOR, "main figure.chart > svg > title")
        assert Select(d.find_element(By.NAME, "route")).first_selected_option.get_attribute("value") != ""
        shot(d, f"monitor-indicator-nojs-{db}")
    finally:
        d.quit()


# -- 2. an uninvolved professional ---------------------------------------------------------------------

def clients_of(driver, base):
    """Name, date of birth and record path of every client on the POH's list, read in one go."""
    driver.get(base + "/clienten")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Mijn cliënten"
    rows = driver.execute_script("""
        return Array.from(document.querySelectorAll('main table tbody tr')).map(tr => ({
            name: tr.cells[0].innerText.trim(), born: tr.cells[1].innerText.trim(),
            path: new URL(tr.cells[0].querySelector('a').href).pathname}));""")
    return rows


def record_facts(driver, base, path):
    """BSN and phone number from a client's record, where there are any."""
    driver.get(base + path)
    facts = {}
    for label in ["BSN", "Telefoon"]:
        dd = driver.find_elements(By.XPATH, f"//main//dt[normalize-space()='{label}']/following-sibling::dd[1]")
        if dd and dd[0].text.strip():
            facts[label] = dd[0].text.strip()
    return facts


def no_person_in(text, where, clients, bsns, phones):
    for c in clients:
        assert c["name"] not in text, f"{c['name']} appears in {where}"
        dd, mm, yyyy = c["born"].split("-")
        for born in (c["born"], f"{yyyy}-{mm}-{dd}"):
            assert born not in text, f"the date of birth {born} appears in {where}"
        client_id = c["path"].rsplit("/", 1)[-1]
        assert client_id not in text, f"a client's id appears in {where}"
    for bsn in bsns:
        assert bsn not in text, f"a BSN appears in {where}"
    for phone in phones:
        assert phone not in text and phone.replace(" ", "") not in text, f"a phone number appears in {where}"
    # Nothing that looks like a person either: a nine-digit number standing alone (a BSN), a day-month-year
    # date, a mobile number.
    assert not re.search(r"(?<![0-9A-Za-z.,-])\d{9}(?![0-9A-Za-z.,-])", text), f"a BSN-like number in {where}"
    assert not re.search(r"\b\d{2}-\d{2}-\d{4}\b", text), f"a date in {where}"
    assert not re.search(r"\b06[ -]?\d{8}\b", text), f"a phone number in {where}"


def pro_org_id(driver, base):
    """The signed-in professional's own organisation id, from the filter they may choose from."""
    driver.get(base + "/monitor")
    own = [o.get_attribute("value") for o in Select(driver.find_element(By.NAME, "organisatie")).options if o.get_attribute("value")]
    assert len(own) == 1
    return own[0]


def test_uninvolved_professional_sees_no_person(server):
    base, db = server["base"], server["db"]
    poh, pro = make_driver(), make_driver()
    try:
        # The clients, as someone in their care team sees them.
        login(poh, base, POH)
        clients = clients_of(poh, base)
        assert len(clients) >= 5, "the POH of De Linde has clients in the demo"
        assert all(re.fullmatch(r"\d{2}-\d{2}-\d{4}", c["born"]) for c in clients)
        bsns, phones = set(), set()
        for c in clients[:8]:
            facts = record_facts(poh, base, c["path"])
            if "BSN" in facts:
                bsns.add(facts["BSN"])
            if "Telefoon" in facts:
                phones.add(facts["Telefoon"])
            if len(bsns) >= 2 and len(phones) >= 3:
                break
        assert bsns and phones, "some records show a BSN and a phone number"
        # Another organisation's id, from the POH's own monitor (she may choose only De Linde).
        poh.get(base + "/monitor")
        other = [o for o in Select(poh.find_element(By.NAME, "organisatie")).options if o.get_attribute("value")]
        assert [o.text for o in other] == ["Huisartsenpraktijk De Linde"]
        other_id, other_name = other[0].get_attribute("value"), other[0].text

        # The professional of Het Baken: not in the care team of any of those clients (the premise) …
        login(pro, base, UNINVOLVED)
        pro.get(base + "/clienten")
        own_clients = pro.find_element(By.TAG_NAME, "main").text
        assert not [c["name"] for c in clients if c["name"] in own_clients], "Het Baken is not involved with the POH's clients"
        # … sees the region and their own organisation in the monitor, and no one in it.
        open_monitor(pro)
        assert [h.text for h in pro.find_elements(By.CSS_SELECTOR, "main section.goal > h2")] == GOALS
        assert UNINVOLVED_ORG in [th.text for th in pro.find_elements(By.CSS_SELECTOR, "main section.goal thead th")]
        options = Select(pro.find_element(By.NAME, "organisatie")).options
        assert [o.text for o in options] == ["Regio", UNINVOLVED_ORG]
        seen = {"the overview": main_html(pro)}
        shot(pro, f"monitor-overview-uninvolved-{db}")

        navigate(pro, pro.find_element(By.LINK_TEXT, WAIT_NAME))
        check_indicator_page(pro, WAIT_NAME, WAIT_DEFINITION)
        assert f"{UNINVOLVED_ORG}:" in pro.find_element(By.CSS_SELECTOR, "main .headline").text, "own figure beside the region's"
        seen["the indicator page"] = main_html(pro)
        csv = fetch(pro, pro.find_element(By.PARTIAL_LINK_TEXT, "Download als CSV").get_attribute("href"))
        assert csv["status"] == 200 and csv["type"].startswith("text/csv")
        seen["the CSV export"] = csv["body"]
        # An indicator about handovers, where Het Baken's own column means sender or receiver.
        pro.get(base + "/monitor/indicator/reactietijd-overdracht")
        assert pro.find_element(By.TAG_NAME, "h1").text == "Reactietijd op een overdracht"
        seen["the handover indicator page"] = main_html(pro)

        pro.get(base + "/monitor")
        navigate(pro, pro.find_element(By.PARTIAL_LINK_TEXT, "Overzicht als JSON"))
        assert urlparse(pro.current_url).path == "/monitor/overzicht.json"
        body = wait_for(pro, lambda d: d.find_element(By.TAG_NAME, "body").text)
        assert json.loads(body)["indicators"], "the browser shows the JSON as it came"
        seen["the JSON overview"] = body
        own_id = pro_org_id(pro, base)
        own_json = fetch(pro, base + "/monitor/overzicht.json?organisatie=" + own_id)
        assert own_json["status"] == 200 and json.loads(own_json["body"])["organisation"] == own_id
        seen["the JSON overview of the own organisation"] = own_json["body"]

        for where, text in seen.items():
            no_person_in(text, where, clients, bsns, phones)

        # A client's record, by its address from the POH's list: as if it did not exist.
        for c in clients[:3]:
            pro.get(base + c["path"])
            assert pro.find_element(By.TAG_NAME, "h1").text == NOT_FOUND
            assert c["name"] not in main_html(pro)
            assert fetch(pro, base + c["path"])["status"] == 404
        assert fetch(pro, base + "/monitor/nulmeting")["status"] == 404, "only the coordinator imports the baseline"

        # Another organisation's figures: refused in Dutch, next to the region's; not in the exports either.
        for path in ["/monitor", f"/monitor/indicator/{WAIT}"]:
            pro.get(f"{base}{path}?organisatie={other_id}")
            alert = wait_for(pro, lambda d: d.find_element(By.CSS_SELECTOR, "main form.filters [role=alert]"))
            assert alert.text == ORG_ERROR
            assert other_name not in main_html(pro)
            assert Select(pro.find_element(By.NAME, "organisatie")).first_selected_option.text == "Regio"
            if path == "/monitor":
                shot(pro, f"monitor-other-organisation-{db}")
        region_csv = fetch(pro, f"{base}/monitor/indicator/{WAIT}/export.csv")["body"]
        assert fetch(pro, f"{base}/monitor/indicator/{WAIT}/export.csv?organisatie={other_id}")["body"] == region_csv
        other_json = fetch(pro, f"{base}/monitor/overzicht.json?organisatie={other_id}")
        assert other_json["status"] == 200
        assert json.loads(other_json["body"]).get("organisation") is None, "the region's figures, not the other organisation's"
        assert other_id not in other_json["body"]
    finally:
        poh.quit()
        pro.quit()
