"""Casuïstiektafel in a real browser: a GP brings a case in (refused while it holds identifiers), the
chair puts it on the agenda and runs the session while a member watches live in a second browser, the
table proposes a take-over, the GP records the client's consent and confirms — and only then does the
receiving organisation see who the client is."""
import re
import time

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import make_driver, shot
from test_foundation import click, login

GP = "huisarts@westwijk.demo"            # submits; not at the regional table
CHAIR = "sociaalwerker@wijkteamcentrum.demo"  # chair of the regional table
MEMBER = "behandelaar@mindwerk.demo"      # member of the regional table (Praktijk Mindwerk)
RECEIVER = "ervaringsdeskundige@debrug.demo"  # member, of Steunpunt De Brug: the organisation that takes over
TABLE = "Regionale casuïstiektafel Veenhaven"


def wait_for(driver, condition, timeout=15):
    # The member's page reloads itself once when the session starts; an element read during that
    # reload is stale, which only means "not yet".
    WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(condition)


def pick_client(driver, base):
    """A client of the GP (the list shows the GP's own clients), not the showcase client."""
    driver.get(base + "/clienten")
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, "main table a[href^='/clienten/']")]
    assert links, "the GP has clients in the demo"
    link = links[-1]
    name = link.text.strip()
    href = link.get_attribute("href")
    return name, href


def test_submit_agenda_live_session_and_takeover(server):
    base = server["base"]
    gp, chair, member, receiver = make_driver(), make_driver(), make_driver(), make_driver()
    try:
        login(gp, base, GP)
        name, record = pick_client(gp, base)
        given = name.split()[0]

        # 1. Bring the case in: identifiers are refused, each named, and the text is kept.
        gp.get(record + "/casuistiek")
        assert gp.find_element(By.TAG_NAME, "h1").text.startswith("Casus inbrengen")
        Select(gp.find_element(By.ID, "table")).select_by_visible_text(
            next(o.text for o in Select(gp.find_element(By.ID, "table")).options if o.text.startswith(TABLE)))
        gp.find_element(By.ID, "situation").send_keys(
            f"{given} woont alleen, belt vaak met 06-12345678 en mailt vanaf iemand@example.nl. BSN 123456782, geboren 12-03-1985.")
        gp.find_element(By.ID, "tried").send_keys("Budgetcoaching en gesprekken bij de POH-GGZ.")
        gp.find_element(By.ID, "question").send_keys("Wie kan de regie nemen bij schulden en somberheid?")
        click(gp, "main form button[type=submit]")
        error = gp.find_element(By.ID, "situation_error").text
        for expected in ["telefoonnummer", "e-mailadres", "BSN", "datum", "naam van de cliënt", given]:
            assert expected in error, (expected, error)
        assert "06-12345678" in gp.find_element(By.ID, "situation").get_attribute("value"), "what was typed is kept"
        shot(gp, f"ct-submit-refused-{server['db']}")

        situation = gp.find_element(By.ID, "situation")
        situation.clear()
        situation.send_keys("Mevrouw woont alleen en heeft schulden; ze slaapt slecht en belt de praktijk vaak.")
        click(gp, "main form button[type=submit]")
        assert "/casuistiek/casus/" in gp.current_url
        case_url = gp.current_url
        case_title = gp.find_element(By.TAG_NAME, "h1").text
        assert re.match(r"Casus \d+", case_title)
        assert name in gp.page_source, "the submitter sees who the case is about"

        # 2. A member sees the case, pseudonymised: no name anywhere.
        login(member, base, MEMBER)
        member.get(case_url)
        assert "Mevrouw woont alleen" in member.page_source
        assert name not in member.page_source and given not in member.find_element(By.TAG_NAME, "main").text

        # 3. The chair puts it on the next session's agenda and starts the session.
        login(chair, base, CHAIR)
        chair.get(base + "/casuistiek")
        chair.find_element(By.LINK_TEXT, TABLE).click()
        chair.find_element(By.CSS_SELECTOR, "ul.sessions li a").click()
        session_url = chair.current_url.split("?")[0]
        Select(chair.find_element(By.ID, "add_case")).select_by_visible_text(
            next(o.text for o in Select(chair.find_element(By.ID, "add_case")).options if o.text.startswith(case_title)))
        click(chair, "#add_case + button, form.row button[type=submit]")
        assert case_title in chair.find_element(By.ID, "live").text

        # The member opens the same session page; from here on it must change without a reload.
        member.get(session_url)
        wait_for(member, lambda d: d.find_element(By.ID, "live").get_attribute("data-connected") == "true")
        member.execute_script("window.__notReloaded = true")

        chair.find_element(By.XPATH, "//button[normalize-space()='Zitting starten']").click()
        wait_for(member, lambda d: "Bezig" in d.find_element(By.ID, "live").text)
        # Starting reloads the member's page once (the forms depend on it); after that, updates swap in.
        member.execute_script("window.__notReloaded = true")
        chair.get(session_url)
        item = chair.find_element(By.XPATH, f"//ol[@class='agenda']/li[.//a[normalize-space()='{case_title}']]")
        buttons = item.find_elements(By.XPATH, ".//button[normalize-space()='Nu bespreken']")
        if buttons:
            buttons[0].click()
        wait_for(member, lambda d: f"Nu besproken: {case_title}" in d.find_element(By.ID, "live").text)

        # 4. The chair records the outcome: De Brug takes the client over. The member sees it live.
        chair.get(session_url)
        Select(chair.find_element(By.ID, "outcome_case")).select_by_visible_text(case_title)
        chair.find_element(By.CSS_SELECTOR, "input[name=kind][value=takeover]").click()
        Select(chair.find_element(By.ID, "organisation")).select_by_visible_text("Steunpunt De Brug")
        chair.find_element(By.ID, "outcome_text").send_keys("De Brug biedt een maatje en de inloop aan.")
        click(chair, "section[aria-labelledby=outcome-title] button[type=submit]")
        wait_for(member, lambda d: "De Brug biedt een maatje" in d.find_element(By.ID, "live").text)
        assert member.execute_script("return window.__notReloaded === true"), "the live update came without a reload"
        shot(member, f"ct-session-live-member-{server['db']}")
        shot(chair, f"ct-session-chair-{server['db']}")

        # Before the consented take-over, the receiving organisation does not know who the client is.
        login(receiver, base, RECEIVER)
        receiver.get(case_url)
        assert name not in receiver.page_source
        receiver.get(base + "/overdrachten")
        assert name not in receiver.page_source

        # 5. The GP asks the client, records the consent, and confirms: a handover in the client's record.
        gp.get(case_url)
        assert "Overname voorgesteld" in gp.page_source
        gp.find_element(By.LINK_TEXT, "Toestemming vastleggen").click()
        assert Select(gp.find_element(By.ID, "purpose")).first_selected_option.text == "Overname via casuïstiektafel"
        assert Select(gp.find_element(By.ID, "organisation")).first_selected_option.text == "Steunpunt De Brug"
        click(gp, "#toestemming form.row button[type=submit]")
        gp.get(case_url)
        click(gp, "section[aria-labelledby=takeover-title] form.form button[type=submit]")
        assert "Overgenomen" in gp.page_source
        shot(gp, f"ct-case-taken-over-{server['db']}")

        receiver.get(base + "/overdrachten")
        assert name in receiver.page_source, "after the consented take-over the receiver sees the client"

        # 6. The minutes print without the client's identity.
        chair.get(session_url.rstrip("/") + "/notulen")
        assert case_title in chair.page_source and name not in chair.page_source
    finally:
        for d in (gp, chair, member, receiver):
            d.quit()


def test_session_page_works_without_javascript(server):
    base = server["base"]
    d = make_driver(javascript=False)
    try:
        login(d, base, CHAIR)
        d.get(base + "/casuistiek")
        d.find_element(By.LINK_TEXT, TABLE).click()
        d.find_element(By.CSS_SELECTOR, "ul.sessions li a").click()
        assert d.find_element(By.ID, "refresh").text == "Vernieuwen"
        assert d.find_element(By.ID, "live").get_attribute("data-connected") is None
        assert "Agenda" in d.find_element(By.ID, "live").text
        shot(d, f"ct-session-nojs-{server['db']}")
    finally:
        d.quit()
