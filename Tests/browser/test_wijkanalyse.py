"""Browser tests (issue 3): a user finds Angelslo, reads its wijkanalyse, and the pages pass axe-core."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT


def axe_source():
    """axe-core 4.12 as the axe-playwright-python wheel ships it (installed without its Playwright dependency): the
    3.1 inside axe-selenium-python misses much of what 4.x checks."""
    import importlib.util, pathlib
    spec = importlib.util.find_spec("axe_playwright_python")
    return (pathlib.Path(spec.submodule_search_locations[0]) / "axe.min.js").read_text(encoding="utf-8")


AXE = axe_source()


def serious_violations(browser):
    browser.execute_script(AXE)
    browser.set_script_timeout(120)
    results = browser.execute_async_script(
        "const done = arguments[arguments.length - 1]; axe.run(document).then(done, e => done({error: String(e)}));")
    assert "error" not in results, results
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def test_search_angelslo_and_read_its_wijkanalyse(server, browser):
    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    field = browser.find_element(By.ID, "q")
    field.send_keys("Angelslo")
    field.submit()
    link = WebDriverWait(browser, 20).until(EC.element_to_be_clickable((By.CSS_SELECTOR, 'a[href="/regio/WK011443"]')))
    link.click()
    WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.ID, "kerncijfers")))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Wijk 43 Angelslo"
    tables = browser.find_elements(By.CSS_SELECTOR, "table.figures")
    assert tables, "key-indicator table missing"
    assert "7.685" in tables[0].text or "7.685" in browser.find_element(By.ID, "inhoud").text
    charts = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    assert len(charts) >= 3, "development charts missing"
    assert browser.find_elements(By.CSS_SELECTOR, "figure.map svg path.highlight"), "map without Angelslo"
    assert "Bron: CBS" in browser.page_source
    browser.save_screenshot(str(OUTPUT / "wijkanalyse-angelslo.png"))
    assert serious_violations(browser) == []


def test_home_radar_and_method_pages_pass_axe(server, browser):
    for path in ["/", "/radar?gemeente=Emmen", "/methode"]:
        browser.get(server + path)
        WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
        assert serious_violations(browser) == [], path
    browser.get(server + "/radar?gemeente=Emmen")
    assert "programmawijk" in browser.page_source
    browser.save_screenshot(str(OUTPUT / "radar-emmen.png"))


def test_groningen_is_one_line_and_the_published_figures_can_be_shown(server, browser):
    """Groningen from 2013 on the indeling of 2024: converted points open; the published ones behind a toggle."""
    browser.get(server + "/regio/GM0014")
    WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.ID, "ontwikkeling")))
    figure = browser.find_element(By.CSS_SELECTOR, "figure.chart:has(input.show-original)")
    original = figure.find_element(By.CSS_SELECTOR, "svg g.series.original")
    assert not original.is_displayed(), "the published figures show before they are asked for"
    open_points = figure.find_elements(By.CSS_SELECTOR, 'svg g.series:not(.original) circle[fill="#ffffff"]')
    assert len(open_points) >= 2, "converted years are not drawn open"
    figure.find_element(By.CSS_SELECTOR, "label.show-original").click()
    WebDriverWait(browser, 5).until(lambda _: original.is_displayed())
    assert "omgerekend" in figure.text
    browser.execute_script("arguments[0].scrollIntoView()", figure)
    browser.save_screenshot(str(OUTPUT / "groningen-een-lijn.png"))
    assert serious_violations(browser) == []


def test_radar_sorts_on_change_and_a_wijk_says_which_changes_are_missing(server, browser):
    """Issue 14: 'grootste achteruitgang sinds 2022' puts the least favourable change first; a wijk page lists the
    change rules it has and names those it cannot compute, with the reason."""
    from selenium.webdriver.support.ui import Select

    # One province: the full radar (3 340 rows) takes axe minutes.
    browser.get(server + "/radar?provincie=Groningen")
    WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.ID, "sorteer")))
    Select(browser.find_element(By.ID, "sorteer")).select_by_value("verandering")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    WebDriverWait(browser, 20).until(lambda d: "sorteer=verandering" in d.current_url)
    assert "provincie=Groningen" in browser.current_url
    scores = []
    for row in browser.find_elements(By.CSS_SELECTOR, "table.radar tbody tr")[:40]:
        text = row.find_elements(By.CSS_SELECTOR, "td")[6].text.split(" ")[0]
        scores.append(float(text.replace(",", ".").replace("−", "-")) if text != "–" else None)
    known = [s for s in scores if s is not None]
    assert known and known == sorted(known, reverse=True), scores
    assert Select(browser.find_element(By.ID, "sorteer")).first_selected_option.text == "grootste achteruitgang sinds 2022"
    browser.save_screenshot(str(OUTPUT / "radar-verandering.png"))
    assert serious_violations(browser) == []

    browser.get(server + "/regio/WK034403")
    section = WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.ID, "verandering")))
    text = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=verandering]").text
    # Overvecht: WOZ 2022 and 2023 (Utrecht's kwb-2023), inhabitants and dwellings 2022–2024; income and labour
    # participation only from 2022.
    assert "2022–2023" in text and "2022–2024" in text, text
    assert "het aandeel inwoners met een laag inkomen stijgt sterker dan elders — alleen een cijfer uit 2022" in text
    assert "eigen methode van Wijkradar, niet de Leefbaarometer" in text
    browser.execute_script("arguments[0].scrollIntoView()", section)
    browser.save_screenshot(str(OUTPUT / "overvecht-verandering.png"))
