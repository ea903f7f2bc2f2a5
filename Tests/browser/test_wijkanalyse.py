"""Browser tests (issue 3): a user finds Angelslo, reads its wijkanalyse, and the pages pass axe-core."""
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT


def serious_violations(browser):
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
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
