"""A newcomer's first minutes: log in as demo roles, see a Dutch start page, make mistakes in forms."""
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEMO_PASSWORD, make_driver, shot


def click(driver, css):
    """Clicks and waits for the next page: Selenium's click returns before navigation ends."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, css).click()
    def navigated(_):
        try:
            old.tag_name
            return False
        except Exception:  # stale, or Chromium's "node does not belong to the document": the page is new
            return True
    WebDriverWait(driver, 15).until(navigated)


def login(driver, base, email, password=DEMO_PASSWORD):
    driver.get(base + "/")
    assert "/inloggen" in driver.current_url
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    click(driver, "main form button[type=submit]")


def test_login_form_shows_errors_next_to_the_fields(server, driver):
    driver.get(server["base"] + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Inloggen"
    assert "beheer@veenhaven.demo" in driver.page_source, "demo logins are listed"
    click(driver, "main form button[type=submit]")
    assert driver.find_element(By.ID, "email-error").text == "Vul dit veld in."
    assert driver.find_element(By.ID, "email").get_attribute("aria-invalid") == "true"
    driver.find_element(By.ID, "email").send_keys("poh@delinde.demo")
    driver.find_element(By.ID, "password").send_keys("verkeerd wachtwoord")
    click(driver, "main form button[type=submit]")
    assert "klopt niet" in driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert driver.find_element(By.ID, "email").get_attribute("value") == "poh@delinde.demo"
    shot(driver, f"login-error-{server['db']}")


def test_coordinator_sees_the_region_and_can_switch_language(server, driver):
    login(driver, server["base"], "coordinator@veenhaven.demo")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Welkom, Sanne de Ruiter"
    assert "De regio in cijfers" in driver.page_source
    shot(driver, f"start-coordinator-{server['db']}")
    click(driver, "a.lang")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Welcome, Sanne de Ruiter"
    click(driver, "header form button")
    assert "/inloggen" in driver.current_url


def test_every_role_reaches_its_start_page(server):
    accounts = ["huisarts@delinde.demo", "poh@delinde.demo", "sociaalwerker@wijkteamnoord.demo",
                "behandelaar@ggzveenland.demo", "ervaringsdeskundige@debrug.demo", "coordinator@veenhaven.demo",
                "analist@polderzorg.demo", "beheer@veenhaven.demo"]
    d = make_driver()
    try:
        for email in accounts:
            d.delete_all_cookies()
            login(d, server["base"], email)
            assert d.find_element(By.TAG_NAME, "h1").text.startswith("Welkom"), email
            admin_link = d.find_elements(By.CSS_SELECTOR, "header nav a[href='/beheer']")
            assert bool(admin_link) == (email in ("beheer@veenhaven.demo", "huisarts@delinde.demo")), email
    finally:
        d.quit()


def test_admin_form_keeps_input_and_explains_errors(server, driver):
    login(driver, server["base"], "beheer@veenhaven.demo")
    driver.get(server["base"] + "/beheer/gebruikers/nieuw")
    driver.find_element(By.ID, "name").send_keys("Nieuwe Collega")
    driver.find_element(By.ID, "email").send_keys("geen-adres")
    driver.find_element(By.ID, "password").send_keys("kort")
    click(driver, "main form button[type=submit]")
    assert "niet opgeslagen" in driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert "geldig e-mailadres" in driver.find_element(By.ID, "email-error").text
    assert "12 tekens" in driver.find_element(By.ID, "password-error").text
    assert driver.find_element(By.ID, "roles-error").is_displayed()
    assert driver.find_element(By.ID, "name").get_attribute("value") == "Nieuwe Collega"
    assert driver.find_element(By.ID, "password").get_attribute("value") == ""
    shot(driver, f"admin-user-errors-{server['db']}")


def test_it_works_without_javascript(server):
    d = make_driver(javascript=False)
    try:
        login(d, server["base"], "poh@delinde.demo")
        assert d.find_element(By.TAG_NAME, "h1").text == "Welkom, Lotte Visser"
        click(d, "header form button")
        assert "/inloggen" in d.current_url
    finally:
        d.quit()


def test_phone_width_has_no_sideways_scrolling(server):
    d = make_driver(width=390, height=844)
    try:
        login(d, server["base"], "huisarts@delinde.demo")
        for path in ["/", "/beheer/gebruikers/nieuw"]:
            d.get(server["base"] + path)
            overflow = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        d.get(server["base"] + "/")
        shot(d, f"start-phone-{server['db']}")
    finally:
        d.quit()


def test_no_serious_accessibility_violations(server, driver):
    pages = [("/inloggen", None), ("/", "beheer@veenhaven.demo"), ("/beheer/gebruikers/nieuw", None),
             ("/beheer/organisaties", None), ("/account/wachtwoord", None)]
    for path, who in pages:
        if who:
            login(driver, server["base"], who)
        driver.get(server["base"] + path)
        axe = Axe(driver)
        axe.inject()
        result = axe.run()
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, f"{path}: " + "; ".join(f"{v['id']}: {v['help']} {[n['html'] for n in v['nodes']]}" for v in bad)
