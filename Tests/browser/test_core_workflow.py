"""The core workflow in a real browser, across three organisations: a GP practice registers a
citizen and books the duo; the duo records the conversation and makes the plan with a handover;
the receiving GGZ organisation accepts it and only then sees the client. An uninvolved
professional sees nothing."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import make_driver, shot
from test_foundation import click, login


def logout(d):
    click(d, "header form button")


def test_the_path_from_registration_to_an_accepted_handover(server):
    base = server["base"]
    d = make_driver(height=1400)
    try:
        # 1. The POH-GGZ of GP practice De Linde registers a citizen and books the duo.
        login(d, base, "poh@delinde.demo")
        d.get(base + "/aanmeldingen/nieuw")
        d.find_element(By.ID, "name").send_keys("Bas Browser")
        d.find_element(By.ID, "date_of_birth").send_keys("2-2-1992")
        d.find_element(By.ID, "postcode").send_keys("3012 AB")
        d.find_element(By.ID, "help_question").send_keys("Ik kom sinds de zomer nauwelijks mijn bed uit.")
        for label in d.find_elements(By.CSS_SELECTOR, "input[name='consent_vg[]']"):
            if "Sociaal Wijkteam Centrum-Haven" in label.find_element(By.XPATH, "..").text:
                label.click()
        click(d, "form[action='/aanmeldingen/nieuw'] button[type=submit]")
        assert "De aanmelding is opgeslagen." in d.page_source
        click(d, "a.button[href$='/planning']")
        assert "Huidige wachttijd in deze wijk" in d.page_source
        shot(d, f"workflow-planning-{server['db']}")
        duo = d.find_element(By.CSS_SELECTOR, "form[action$='/planning']").find_element(By.XPATH, "ancestor::tr").text
        assert "Sociaal Wijkteam Centrum-Haven" in duo and "Steunpunt" not in duo, "only duos the client consented to are proposed"
        social_worker = "sociaalwerker@wijkteamcentrum.demo" if "Bram Hendriks" in duo else "sociaalwerker2@wijkteamcentrum.demo"
        click(d, "form[action$='/planning'] button")
        assert "Het verkennend gesprek is gepland" in d.page_source

        # 2. For Mila Voorbeeld the conversation was held yesterday: record it, make the plan, hand over to GGZ Veenland.
        d.get(base + "/clienten")
        d.find_element(By.LINK_TEXT, "Mila Voorbeeld").click()
        click(d, "a.button[href$='/gesprek']")
        d.find_element(By.ID, "strengths").send_keys("Goede band met haar broer; houdt van tekenen")
        d.find_element(By.ID, "what_matters").send_keys("Weer mensen om zich heen")
        d.find_element(By.ID, "reformulated_question").send_keys("Hoe kom ik uit mijn isolement en krijg ik grip op mijn geld?")
        for select in d.find_elements(By.CSS_SELECTOR, "select[name^='i0_pg-']"):
            Select(select).select_by_value("5")
        click(d, "form[action$='/gesprek'] button[type=submit]")
        assert "Het gesprek is vastgelegd." in d.page_source
        Select(d.find_element(By.ID, "primary_route")).select_by_value("basis_ggz")
        d.find_element(By.ID, "advice").send_keys("Basis-GGZ voor de somberheid; het wijkteam voor de financiën.")
        click(d, "form[action$='/plan'] button[type=submit]")
        Select(d.find_element(By.ID, "route")).select_by_value("basis_ggz")
        Select(d.find_element(By.ID, "organisation_a")).select_by_visible_text("GGZ Veenland")
        d.find_element(By.ID, "description").send_keys("Kortdurende behandeling voor somberheid")
        d.find_element(By.ID, "request").send_keys("Graag een intake voor Mila; zij heeft liefst afspraken in de ochtend.")
        click(d, "form[action$='/plan/actie'] button[type=submit]")
        assert "als overdracht verstuurd" in d.page_source
        mila = d.current_url.split("?")[0].split("#")[0]
        shot(d, f"workflow-plan-{server['db']}")
        logout(d)

        # 3. GGZ Veenland sees the request, not the record — until it accepts.
        login(d, base, "behandelaar@ggzveenland.demo")
        d.get(mila)
        assert "Pagina niet gevonden" in d.page_source
        d.get(base + "/overdrachten")
        article = next(a for a in d.find_elements(By.CSS_SELECTOR, "article.handover") if "Mila Voorbeeld" in a.text)
        assert "Graag een intake voor Mila" in article.text
        assert "somber en alleen" not in d.page_source, "the help question stays in the record"
        old = d.find_element(By.TAG_NAME, "html")
        article.find_element(By.XPATH, ".//button[normalize-space()='Accepteren']").click()
        WebDriverWait(d, 15).until(lambda _: not _alive(old))
        d.get(mila)
        assert d.find_element(By.TAG_NAME, "h1").text == "Mila Voorbeeld"
        assert "GGZ Veenland accepteerde de overdracht" in d.page_source
        shot(d, f"workflow-accepted-{server['db']}")
        logout(d)

        # 4. The social worker of the duo now has Bas Browser; an uninvolved practice nurse has nobody of these.
        login(d, base, social_worker)
        d.get(base + "/clienten")
        assert "Bas Browser" in d.page_source
        logout(d)
        login(d, base, "poh@noorderpolder.demo")
        d.get(mila)
        assert "Pagina niet gevonden" in d.page_source
        d.get(base + "/clienten")
        assert "Mila Voorbeeld" not in d.page_source and "Bas Browser" not in d.page_source
    finally:
        d.quit()


def _alive(element):
    try:
        element.tag_name
        return True
    except Exception:
        return False
