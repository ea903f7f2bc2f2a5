"""Issue 16: a programme staff runs a whole round in Chromium. The 2016 programme is copied to a new round; the
Emmen coordinator of 2016 is invited into it with the same address (no mail server: links are copied from the page);
a participant ranks the themes; staff choose the weighting and decide; a meeting is planned; the participant
registers and proposes an opgave, which the coordinator supports and discusses; staff publish a report after
confirming. Screenshots under test-output/ronde-*.png; axe-core 4.12 clean on the pages of the round."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import OUTPUT
from test_kennisprogramma import PASSWORD, accept_invitation, fill, gone, sign_in, sign_out, submit, wait_for
from test_wijkanalyse import serious_violations

OLD = "/programma/nieuwe-perspectieven-2016"
NEW = "/programma/nieuwe-perspectieven-2027"


def shot(browser, name):
    browser.save_screenshot(str(OUTPUT / f"ronde-{name}.png"))


def post_and_wait(browser, selector):
    """Submits the form and waits until its page has been replaced."""
    old = browser.find_element(By.TAG_NAME, "h1")
    submit(browser, selector)
    WebDriverWait(browser, 30).until(gone(old))


def option(select, starts, ends):
    return next(o.get_attribute("value") for o in select.options if o.text.startswith(starts) and o.text.endswith(ends))


def test_a_whole_round(server, browser):
    today = datetime.date.today()
    accept_invitation(browser, server.cli("account", "invite", "--email", "bureau@example.nl", "--name", "Programmabureau"))
    sign_in(browser, server, "bureau@example.nl")

    # Candidate themes in the 2016 round, then the new round as a copy of it.
    for title in ["Gezondheid", "Wonen", "Werk"]:
        browser.get(server + OLD + "/themas")
        fill(browser, {"titel": title})
        post_and_wait(browser, f'form[action="{OLD}/themas"]')
    browser.get(server + OLD)
    fill(browser, {"naam": "Nieuwe perspectieven 2027", "korte_naam": "nieuwe-perspectieven-2027",
                   "begin": today.isoformat(), "einde": (today + datetime.timedelta(days=300)).isoformat()})
    post_and_wait(browser, f'form[action="{OLD}/kopieren"]')
    WebDriverWait(browser, 20).until(EC.url_contains(NEW))
    assert "Angelslo" in browser.find_element(By.ID, "wijken").find_element(By.XPATH, "..").text
    shot(browser, "1-gekopieerd")
    assert serious_violations(browser) == []

    # The Emmen coordinator of 2016 gets an account there, and is then invited into 2027 with the same address.
    links = []
    for programme in ["vernieuwing)", "2027)"]:
        browser.get(server + "/beheer")
        fill(browser, {"naam": "Coördinator Emmen", "email": "emmen@example.nl"})
        select = Select(browser.find_element(By.NAME, "stad"))
        select.select_by_value(option(select, "Emmen", programme))
        post_and_wait(browser, 'form[action="/beheer/uitnodigingen"]')
        links.append(wait_for(browser, "#eenmalige-link").text)
    assert browser.find_element(By.ID, "uitnodigingen").find_element(By.XPATH, "..").text.count("emmen@example.nl") == 2
    shot(browser, "2-uitnodigingen")
    sign_out(browser)
    accept_invitation(browser, links[0])
    browser.get(links[1])
    browser.find_element(By.PARTIAL_LINK_TEXT, "Log in met emmen@example.nl").click()
    fill(browser, {"email": "emmen@example.nl", "wachtwoord": PASSWORD})
    post_and_wait(browser, 'main form[action="/inloggen"]')
    wait_for(browser, 'input[name="actie"][value="aannemen"]')
    shot(browser, "3-uitnodiging-aannemen")
    post_and_wait(browser, 'form[action^="/uitnodiging/"]')

    # As coordinator of 2027: a participant for Emmen, invited; the link is copied from the page.
    browser.get(server + NEW)
    city_path = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, f'a[href^="{NEW}/stad/"]')
                 if "Angelslo" in a.text or "Emmen" in a.text][0].replace(server, "")
    browser.get(server + city_path + "/deelnemers")
    fill(browser, {"naam": "Anna Bakker", "email": "anna.2027@example.nl", "organisatie": "Gemeente Emmen",
                   "discipline": "beleid", "rol": "betrokken bij de wijkaanpak"})
    post_and_wait(browser, 'form[action$="/deelnemers"]')
    browser.find_element(By.CSS_SELECTOR, 'form[action$="/uitnodigen"] button').click()
    anna_link = wait_for(browser, "#eenmalige-link").text
    sign_out(browser)

    # Anna ranks the themes herself.
    accept_invitation(browser, anna_link)
    sign_in(browser, server, "anna.2027@example.nl")
    browser.get(server + NEW + "/themas")
    wait_for(browser, 'input[name="als"][value="deelnemer"]')
    form = browser.find_element(By.CSS_SELECTOR, 'input[name="als"]').find_element(By.XPATH, "ancestor::form")
    Select(form.find_element(By.NAME, "plaats1")).select_by_visible_text("Wonen")
    Select(form.find_element(By.NAME, "plaats2")).select_by_visible_text("Gezondheid")
    old = browser.find_element(By.TAG_NAME, "h1")
    form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    WebDriverWait(browser, 20).until(gone(old))
    assert "telt mee" in wait_for(browser, ".notice").text
    assert "1 deelnemer uit 1 stad heeft gerangschikt" in browser.page_source
    shot(browser, "4-voorkeur")
    assert serious_violations(browser) == []
    sign_out(browser)

    # Staff weigh every city the same, decide, and plan the first meeting.
    sign_in(browser, server, "bureau@example.nl")
    browser.get(server + NEW + "/themas")
    Select(browser.find_element(By.NAME, "weging")).select_by_value("stad")
    post_and_wait(browser, f'form[action="{NEW}/themas/weging"]')
    post_and_wait(browser, f'form[action="{NEW}/themas/besluit"]')
    assert "vastgesteld" in wait_for(browser, ".notice").text
    browser.get(server + NEW + "/bijeenkomst/nieuw")
    day = today + datetime.timedelta(days=10)
    fill(browser, {"titel": "Themabijeenkomst wonen", "datum": day.isoformat(), "begin": "13:00", "einde": "17:00",
                   "locatie": "Wijkcentrum Angelslo", "adres": "Statenweg 1, Emmen"})
    Select(browser.find_element(By.NAME, "gastwijk")).select_by_visible_text("Angelslo (Emmen)")
    browser.find_element(By.NAME, "gepubliceerd").click()
    post_and_wait(browser, f'form[action="{NEW}/bijeenkomst/nieuw"]')
    meeting_url = browser.current_url.split("?")[0]
    browser.get(server + "/beheer")
    assert "Themabijeenkomst wonen" in browser.find_element(By.ID, "aandacht").find_element(By.XPATH, "..").text
    shot(browser, "5-beheer")
    sign_out(browser)

    # Anna registers and proposes an opgave.
    sign_in(browser, server, "anna.2027@example.nl")
    browser.get(meeting_url)
    select = Select(browser.find_element(By.NAME, "deelnemer"))
    select.select_by_visible_text(next(o.text for o in select.options if o.text.startswith("Anna Bakker")))
    post_and_wait(browser, 'form[action$="/aanmeldingen"]')
    assert "Aangemeld." in wait_for(browser, ".notice").text
    fill(browser, {"titel": "Betaalbaar wonen voor starters", "beschrijving": "Jonge gezinnen vinden geen woning in de wijk.",
                   "soort": "woningvoorraad"})
    angelslo = browser.find_element(By.XPATH, "//label[contains(., 'Angelslo (Emmen)')]")
    browser.find_element(By.ID, angelslo.get_attribute("for")).click()
    post_and_wait(browser, 'form[action$="/opgaven"]')
    assert "De opgave is voorgesteld" in wait_for(browser, ".notice").text
    sign_out(browser)

    # The coordinator supports it and starts the conversation.
    sign_in(browser, server, "emmen@example.nl")
    browser.get(meeting_url)
    support = browser.find_element(By.XPATH, "//li[contains(., 'Betaalbaar wonen voor starters')]//form[contains(@action, '/steun')]")
    old = browser.find_element(By.TAG_NAME, "h1")
    support.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(browser, 20).until(gone(old))
    assert "Gesteund ✓" in browser.page_source
    browser.find_element(By.LINK_TEXT, "Betaalbaar wonen voor starters").click()
    fill(browser, {"reactie": "Lefier bouwt in 2027 veertig starterswoningen; zullen we die koppelen?"})
    post_and_wait(browser, 'form[action$="/reacties"]')
    assert "veertig starterswoningen" in browser.find_element(By.ID, "gesprek").find_element(By.XPATH, "..").text
    assert "1 steunbetuiging: stadscoördinator (1)" in browser.page_source
    shot(browser, "6-opgave-gesprek")
    assert serious_violations(browser) == []
    sign_out(browser)

    # Staff publish report 1 of the new round after confirming.
    sign_in(browser, server, "bureau@example.nl")
    report = "/publicaties/nieuwe-perspectieven-2027/opgaven-van-nu-en-straks"
    browser.get(server + report)
    browser.find_element(By.CSS_SELECTOR, f'form[action="{report}/concept"] button').click()
    WebDriverWait(browser, 30).until(EC.url_contains("ok=concept"))
    browser.find_element(By.CSS_SELECTOR, f'form[action="{report}/concept/publiceren"] button').click()
    WebDriverWait(browser, 5).until(EC.alert_is_present()).accept()
    WebDriverWait(browser, 30).until(EC.url_contains("/versie/1"))
    assert "Deze versie is gepubliceerd" in wait_for(browser, ".notice").text
    shot(browser, "7-gepubliceerd")
