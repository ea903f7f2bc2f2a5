"""Issue 15: the wijkanalyse as an analyst uses it, in Chromium over a real socket. Every listed page at 1366 and
390 px: no horizontal overflow, axe-core 4.12 without serious or critical violations, a screenshot under test-output/.
Then the gemeente dashboard, the comparison with its shareable address, the Excel and CSV downloads (read back with
openpyxl and pandas and held against the page), the PDF brief (pdfinfo, pdftotext; web equal to the CLI) and a focus
area made on the web by ticking wijken on the map."""
import io, re, subprocess, tempfile, urllib.request

import openpyxl
import pandas
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT
from test_kennisprogramma import accept_invitation, fill, gone, sign_in, submit, wait_for
from test_smalle_schermen import overflow
from test_wijkanalyse import serious_violations

PAGES = {
    "home": "/", "wijk": "/regio/WK011443", "buurt": "/regio/BU03441014", "gemeente": "/regio/GM0114",
    "vergelijk": "/vergelijk?regio=WK011443&regio=WK011401&regio=GM0114", "radar": "/radar", "methode": "/methode",
    "kennisbank": "/kennis", "programma": "/programma", "publicaties": "/publicaties",
}


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read(), response.headers


def page_number(text):
    """A Dutch number as the page prints it ("107.856", "45,4", "17.590.672*") as a float."""
    return float(text.strip().rstrip("*").replace(".", "").replace(",", "."))


def test_every_page_at_desktop_and_phone_width(server, browser):
    browser.get(server + "/programma")
    programme = browser.find_element(By.CSS_SELECTOR, 'main a[href^="/programma/"]').get_attribute("href")
    pages = dict(PAGES, **{"programmapagina": programme.replace(server, "")})
    problems = []
    try:
        for width in (1366, 390):
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 800})
            for name, path in pages.items():
                browser.get(server + path)
                WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
                extra, element, most = overflow(browser)
                if extra > 0:
                    problems.append(f"{path} at {width} px: {extra} px too wide ({element}, {most:.0f} px)")
                problems += [f"{path} at {width} px: {v}" for v in serious_violations(browser)]
                height = browser.execute_script("return document.documentElement.scrollHeight")
                browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1,
                                         "mobile": width < 800})
                browser.save_screenshot(str(OUTPUT / f"ontwerp-{width}-{name}.png"))
                browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 800})
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, "\n".join(problems)


def test_menu_collapses_on_a_phone_and_not_on_a_desktop(server, browser):
    try:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        browser.get(server + "/regio/WK011443")
        toggle = WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "button.menu-toggle")))
        menu = browser.find_element(By.ID, "hoofdmenu")
        assert not menu.is_displayed(), "the menu is open on a phone before anyone asked"
        toggle.click()
        WebDriverWait(browser, 5).until(lambda _: menu.is_displayed())
        assert toggle.get_attribute("aria-expanded") == "true"
        browser.find_element(By.LINK_TEXT, "Landelijke radar").click()
        WebDriverWait(browser, 20).until(EC.url_contains("/radar"))
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.set_window_size(1366, 900)
        browser.get(server + "/radar")
        assert browser.find_element(By.ID, "hoofdmenu").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "button.menu-toggle").is_displayed()
        current = browser.find_element(By.CSS_SELECTOR, '#hoofdmenu a[aria-current="page"]')
        assert current.text == "Landelijke radar"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_gemeente_dashboard_leads_with_key_figures_and_lists_its_wijken(server, browser):
    browser.get(server + "/regio/GM0114")
    wait_for(browser, "ul.tiles")
    tiles = browser.find_element(By.CSS_SELECTOR, "ul.tiles").text
    for label in ("Aantal inwoners", "laagste inkomen", "WOZ", "arbeidsparticipatie"):
        assert label in tiles, f"{label} missing from the tiles: {tiles}"
    assert "Cijfers van 2022" in browser.find_element(By.ID, "inhoud").text
    rows = browser.find_elements(By.CSS_SELECTOR, "table.districts tbody tr")
    assert len(rows) >= 20, "Emmen's wijken missing"
    assert "signaal" in browser.find_element(By.CSS_SELECTOR, "table.districts").text
    header = browser.find_element(By.CSS_SELECTOR, "table.districts thead a.sort")
    header.click()
    WebDriverWait(browser, 20).until(EC.url_contains("wijken=naam"))
    names = [r.find_element(By.CSS_SELECTOR, "th").text for r in browser.find_elements(By.CSS_SELECTOR, "table.districts tbody tr")]
    assert names == sorted(names, key=str.lower), names[:5]
    assert browser.find_elements(By.CSS_SELECTOR, "figure.map svg path"), "no map of the wijken"
    similar = browser.find_element(By.CSS_SELECTOR, "ol.neighbours").text
    assert "Emmen" not in similar.split("\n")[0] and similar, "no similar gemeenten"
    assert "alle gemeenten" in browser.find_element(By.ID, "signalen").find_element(By.XPATH, "..").text


def test_compare_from_the_form_share_the_address_and_download(server, browser):
    browser.get(server + "/vergelijk")
    fields = browser.find_elements(By.CSS_SELECTOR, 'input[name="regio"]')
    fields[0].send_keys("WK011443")
    fields[1].send_keys("Selwerd")
    fields[2].send_keys("GM0114")
    box = browser.find_element(By.ID, "ind-age_0_14_pct")
    browser.execute_script("arguments[0].scrollIntoView()", box)
    box.click()
    old = browser.find_element(By.TAG_NAME, "h1")
    browser.find_element(By.CSS_SELECTOR, "form.compare button").click()
    WebDriverWait(browser, 20).until(gone(old))
    wait_for(browser, "table.compare")
    shared = browser.current_url
    assert "regio=WK011443" in shared and "indicator=age_0_14_pct" in shared
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table.compare thead th")]
    assert len(headers) == 5 and "Angelslo" in headers[1], headers
    page = {}
    for row in browser.find_elements(By.CSS_SELECTOR, "table.compare tbody tr"):
        cells = row.find_elements(By.CSS_SELECTOR, "td")
        page[row.find_element(By.CSS_SELECTOR, "th").text] = [c.text.split(" [")[0] for c in cells]
    young = next(v for k, v in page.items() if k.startswith("Aandeel 0 tot 15 jaar"))
    # The shared address shows the same comparison to someone else.
    browser.get(shared)
    wait_for(browser, "table.compare")
    assert browser.find_element(By.CSS_SELECTOR, "table.compare").text.count("\n") >= 3

    xlsx_link = browser.find_element(By.PARTIAL_LINK_TEXT, "Excel").get_attribute("href")
    book = openpyxl.load_workbook(io.BytesIO(fetch(xlsx_link)[0]))
    assert book.sheetnames == ["Vergelijking", "Bronnen en licenties"]
    sheet = {row[0]: row for row in book["Vergelijking"].iter_rows(min_row=2, values_only=True)}
    young_row = next(v for k, v in sheet.items() if k.startswith("Aandeel 0 tot 15 jaar"))
    for column, text in enumerate(young[:3]):
        assert young_row[2 + column] == page_number(text), (young_row, young)
    licences = [r[5] for r in book["Bronnen en licenties"].iter_rows(min_row=2, values_only=True) if r[5]]
    assert licences and all("CC BY 4.0" in l for l in licences), licences

    csv_link = browser.find_element(By.PARTIAL_LINK_TEXT, "CSV voor Excel").get_attribute("href")
    body, headers = fetch(csv_link)
    assert body.startswith(b"\xef\xbb\xbf"), "no BOM for Excel"
    frame = pandas.read_csv(io.BytesIO(body), sep=";", decimal=",", encoding="utf-8-sig")
    row = frame[frame["indicator"].str.startswith("Aandeel 0 tot 15 jaar")].iloc[0]
    assert row.iloc[2] == page_number(young[0])


def test_region_downloads_hold_the_page_figures(server, browser):
    browser.get(server + "/regio/WK011443")
    wait_for(browser, "#downloads")
    shown = browser.find_element(By.CSS_SELECTOR, "#i-low_income_persons_pct td.num").text
    xlsx = browser.find_element(By.PARTIAL_LINK_TEXT, "Alle cijfers (Excel)").get_attribute("href")
    book = openpyxl.load_workbook(io.BytesIO(fetch(xlsx)[0]))
    assert book.sheetnames == ["Kerncijfers", "Ontwikkeling", "Signalen", "Bronnen en licenties"]
    rows = list(book["Kerncijfers"].iter_rows(values_only=True))
    header, rows = rows[0], rows[1:]
    low = next(r for r in rows if r[header.index("indicator")].startswith("40% personen met laagste inkomen"))
    assert low[header.index("waarde")] == page_number(shown.split(" ")[0].rstrip("▲▼"))
    assert "CC BY 4.0" in low[header.index("bron")]
    secret = [r for r in rows if r[header.index("status")] == "geheim of niet beschikbaar"]
    assert all(r[header.index("waarde")] is None for r in secret), "a secret value written as a number"
    notes = " ".join(str(r[1]) for r in book["Bronnen en licenties"].iter_rows(values_only=True))
    assert "Bron: CBS" in notes and "nooit nul" in notes

    csv = browser.find_element(By.PARTIAL_LINK_TEXT, "CSV voor Excel").get_attribute("href")
    frame = pandas.read_csv(io.BytesIO(fetch(csv)[0]), sep=";", decimal=",", encoding="utf-8-sig")
    value = frame[frame["indicator"].str.startswith("40% personen met laagste inkomen")]["waarde"].iloc[0]
    assert value == page_number(shown.split(" ")[0].rstrip("▲▼"))

    radar, _ = fetch(server + "/radar.xlsx?gemeente=Emmen")
    sheet = openpyxl.load_workbook(io.BytesIO(radar)).worksheets[0]
    assert sheet.max_row > 20 and sheet["C1"].value == "wijk"
    radar_csv, _ = fetch(server + "/radar.csv?formaat=excel&gemeente=Emmen")
    frame = pandas.read_csv(io.BytesIO(radar_csv), sep=";", decimal=",", encoding="utf-8-sig")
    assert frame["score"].dtype == float and len(frame) == sheet.max_row - 1


def test_pdf_brief_has_two_pages_with_the_page_figures_and_equals_the_cli(server, browser):
    browser.get(server + "/regio/WK011443")
    wait_for(browser, "ul.tiles")
    values = [v.text for v in browser.find_elements(By.CSS_SELECTOR, "ul.tiles .tile-value")]
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "PDF, 2 pagina").get_attribute("href")
    body, headers = fetch(link)
    assert headers["Content-Type"] == "application/pdf"
    with tempfile.TemporaryDirectory() as directory:
        web = f"{directory}/web.pdf"
        open(web, "wb").write(body)
        info = subprocess.run(["pdfinfo", web], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+2\n", info), info
        text = subprocess.run(["pdftotext", "-layout", web, "-"], capture_output=True, text=True).stdout
        for value in values:
            assert value in text, f"{value} of the page is not in the brief"
        assert "Bron: CBS" in text and "Wijk 43 Angelslo" in text
        cli = f"{directory}/cli.pdf"
        server.cli("report", "wijkanalyse", "WK011443", "--kort", "--pdf", "-o", cli)
        cli_text = subprocess.run(["pdftotext", "-layout", cli, "-"], capture_output=True, text=True).stdout
        assert cli_text == text, "the brief from the command line differs from the one on the web"
        subprocess.run(["pdftoppm", "-r", "60", "-png", web, str(OUTPUT / "brief-WK011443")], check=True)


def test_staff_make_a_focus_area_by_ticking_wijken_on_the_map(server, browser):
    accept_invitation(browser, server.cli("account", "invite", "--email", "focus@example.nl", "--name", "Wijkanalist"))
    sign_in(browser, server, "focus@example.nl")
    browser.get(server + "/beheer/focusgebieden?gemeente=Emmen&niveau=wijk")
    wait_for(browser, "figure.map.choose")
    # Without a name the browser asks for one; a browser that does not check gets the server's refusal, and what
    # was ticked stays ticked.
    browser.find_element(By.ID, "lid-WK011443").click()
    name = browser.find_element(By.NAME, "naam")
    assert browser.execute_script("return arguments[0].validity.valueMissing", name)
    browser.execute_script("arguments[0].removeAttribute('required')", name)
    old = browser.find_element(By.TAG_NAME, "h1")
    submit(browser, 'form.stacked')
    WebDriverWait(browser, 20).until(gone(old))
    assert "Naam" in wait_for(browser, "div.errors").text
    assert browser.find_element(By.ID, "lid-WK011443").is_selected()
    # On the map a click ticks a wijk instead of opening it (the site script).
    area = browser.find_element(By.CSS_SELECTOR, 'figure.map.choose a[data-code="WK011401"]')
    browser.execute_script("arguments[0].scrollIntoView()", area)
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", area)
    assert browser.find_element(By.ID, "lid-WK011401").is_selected()
    assert "/beheer/focusgebieden" in browser.current_url
    fill(browser, {"naam": "Angelslo en Nieuw-Weerdinge", "toelichting": "Twee wijken van één aanpak."})
    old = browser.find_element(By.TAG_NAME, "h1")
    browser.save_screenshot(str(OUTPUT / "focusgebied-kiezen.png"))
    submit(browser, 'form.stacked')
    WebDriverWait(browser, 20).until(gone(old))
    WebDriverWait(browser, 20).until(EC.url_contains("/gebied/angelslo-en-nieuw-weerdinge"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Angelslo en Nieuw-Weerdinge")
    assert "Wijk 01 Nieuw-Weerdinge" in browser.find_element(By.ID, "inhoud").text
