"""The sociale kaart in a real browser: a citizen finds help without logging in; a POH-GGZ opens the
map from a client's actieplan with the client's wijk filled in and adds the chosen service to a new
action; the coordinator's spreadsheet import refuses a file with a bad row and says which line."""
import os
import tempfile

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import make_driver, shot
from test_foundation import click, login


def test_a_citizen_finds_help_without_logging_in(server):
    base = server["base"]
    d = make_driver(javascript=False, width=390, height=900)
    try:
        d.get(base + "/sociale-kaart")
        d.find_element(By.ID, "q").send_keys("eenzaamheid")
        d.find_element(By.ID, "postcode").send_keys("3011")
        click(d, "form[role=search] button[type=submit]")
        assert "diensten gevonden" in d.page_source
        marks = [m.text.lower() for m in d.find_elements(By.CSS_SELECTOR, "ol.results mark")]
        assert any(m.startswith("eenzaam") for m in marks), marks
        assert d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on a phone"
        shot(d, f"map-public-{server['db']}")
        d.find_element(By.CSS_SELECTOR, "ol.results h3 a").click()
        assert "Voor professionals" not in d.page_source and "Interne notitie" not in d.page_source
        # An unknown postcode is explained, not ignored.
        d.get(base + "/sociale-kaart?q=rouw&postcode=9999")
        assert "hoort niet bij een wijk van de regio" in d.page_source
    finally:
        d.quit()


def test_the_public_map_has_no_serious_accessibility_violations(server):
    d = make_driver()
    try:
        d.get(server["base"] + "/sociale-kaart?q=schulden")
        axe = Axe(d)
        axe.inject()
        result = axe.run()
        serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], serious
    finally:
        d.quit()


def test_a_service_is_chosen_from_the_action_plan(server):
    base = server["base"]
    d = make_driver(height=1400)
    try:
        login(d, base, "poh@hetanker.demo")
        d.get(base + "/clienten")
        links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "table a")][:60]
        for href in links:
            d.get(href)
            if "Zoek een dienst op de sociale kaart" in d.page_source:
                break
        else:
            raise AssertionError("no client with an actieplan for this POH")
        client_page = d.current_url
        d.find_element(By.PARTIAL_LINK_TEXT, "Zoek een dienst op de sociale kaart").click()
        assert Select(d.find_element(By.ID, "wijk")).first_selected_option.get_attribute("value") != "", "the client's wijk is filled in"
        d.find_element(By.ID, "q").send_keys("schulden")
        click(d, "form[role=search] button[type=submit]")
        first = d.find_element(By.CSS_SELECTOR, "ol.results h3 a").text
        click(d, "ol.results form button[type=submit]")
        assert d.current_url.startswith(client_page.split("#")[0])
        assert "Gekozen op de sociale kaart" in d.page_source
        assert d.find_element(By.ID, "service").get_attribute("value") == first
        d.find_element(By.ID, "description").send_keys("Samen aanmelden bij " + first)
        click(d, "form[action$='/plan/actie'] button[type=submit]")
        assert d.find_elements(By.CSS_SELECTOR, "a[href^='/kaart/dienst/']"), "the action links to the map entry"
        shot(d, f"map-plan-{server['db']}")
    finally:
        d.quit()


def test_the_spreadsheet_import_names_the_bad_line(server):
    base = server["base"]
    d = make_driver()
    path = os.path.join(tempfile.mkdtemp(), "kaart.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("naam;aanbieder;route;omschrijving;verwijzing_nodig\n"
                "Taalcafé Bieb;Bibliotheek Veenhaven;sociaal domein;Oefenen met praten;nee\n"
                "Toverles;Bibliotheek Veenhaven;magie;Vliegen op een bezem;nee\n")
    try:
        login(d, base, "coordinator@veenhaven.demo")
        d.get(base + "/kaart/import")
        d.find_element(By.ID, "csv").send_keys(path)
        click(d, "form[action='/kaart/import/csv'] button[type=submit]")
        assert "Er is niets geïmporteerd" in d.page_source and "Regel 3: onbekende route" in d.page_source
        d.get(base + "/kaart?q=taalcafe%20bieb")
        assert "Taalcafé Bieb" not in d.page_source, "all or nothing"
    finally:
        d.quit()


def test_the_hsds_export_validates_against_the_hsds_3_schema(server):
    import json
    import urllib.request

    from jsonschema import Draft202012Validator, FormatChecker

    here = os.path.dirname(__file__)
    with open(os.path.join(here, "..", "standards", "hsds-3", "organization.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    with urllib.request.urlopen(server["base"] + "/sociale-kaart/hsds.json") as res:
        page = json.load(res)
    assert page["total_items"] == len(page["contents"]) > 30
    services = 0
    for org in page["contents"]:
        errors = sorted(validator.iter_errors(org), key=lambda e: list(e.path))
        assert not errors, f"{org['name']}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        services += len(org.get("services", []))
    assert services >= 120
    text = json.dumps(page)
    assert "mgn-interne-notitie" not in text and "mgn-contact-professionals" not in text
