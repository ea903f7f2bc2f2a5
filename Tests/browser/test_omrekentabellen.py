"""Issue 14: staff read a crosswalk table on /beheer from Chromium (a 3 000-row file in the grenswijzigen long form,
CRLF and all), see what was read, derive from outlines, and a faulty table is refused naming its line and column."""
import csv, gzip, os, pathlib, random, tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import OUTPUT, ROOT
from test_kennisprogramma import accept_invitation, gone, sign_in, submit, wait_for
from test_wijkanalyse import serious_violations


def wijk_codes():
    """The wijk codes of the bundled 2022 figures, without their prefix as the grenswijzigen tables write them."""
    bundled = ROOT / "Sources" / "DataImport" / "Bundled" / "cbs-kwb-2022-wijk.csv.gz"
    with gzip.open(bundled, "rt", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        index = header.index("code")
        return [row[index][2:] for row in reader if row[index].startswith("WK")]


def grenswijzigen_table(path):
    """2016→2022 in the long form: most wijken whole, every tenth divided over itself and its neighbour."""
    codes = wijk_codes()
    random.seed(14)
    rows = []
    for i, code in enumerate(codes):
        rows.append(("grenswijziging_wijk_van_2016_naar_2022", "wijk", 2016, 2022, code, code, random.randint(200, 9000)))
        if i % 10 == 0 and i + 1 < len(codes):
            rows.append(("grenswijziging_wijk_van_2016_naar_2022", "wijk", 2016, 2022, codes[i + 1], code, random.randint(1, 300)))
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
        writer.writerow(["matrix_name", "level", "from_year", "to_year", "row_code", "col_code", "n_addresses"])
        writer.writerows(rows)
    return len(codes), len(rows)


def submit_and_read(browser, form_selector):
    """Submits a form and returns the notice or errors of the page it leads to (not of the page it left)."""
    page = browser.find_element(By.TAG_NAME, "html")
    submit(browser, form_selector)
    WebDriverWait(browser, 60).until(gone(page))
    return WebDriverWait(browser, 30).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "main .notice, main .errors"))[0].text


def test_staff_read_a_crosswalk_table_and_derive_from_outlines(server, browser):
    accept_invitation(browser, server.cli("account", "invite", "--email", "omreken@example.nl", "--name", "Data-analist"))
    sign_in(browser, server, "omreken@example.nl")
    directory = tempfile.mkdtemp(prefix="wijkradar-omrekentabel-")
    path = os.path.join(directory, "grenswijzigen-wijk-2016-2022.csv")
    wijken, rows = grenswijzigen_table(path)
    assert os.path.getsize(path) > 200_000

    browser.get(server + "/beheer")
    wait_for(browser, "#omrekentabellen")
    browser.find_element(By.CSS_SELECTOR, 'form[action="/beheer/omrekentabellen"] input[type="file"]').send_keys(path)
    Select(browser.find_element(By.NAME, "basis")).select_by_value("adressen")
    browser.find_element(By.NAME, "bron").send_keys("grenswijzigen (test), adressen")
    text = submit_and_read(browser, 'form[action="/beheer/omrekentabellen"]')
    # The rows are the newer year: every 2016 wijk that was divided appears once, with its two parts.
    assert f"Omrekentabel wijk 2016 → 2022 ingelezen uit grenswijzigen-wijk-2016-2022.csv: {wijken:,} regio's".replace(",", ".") in text, text
    assert f"{rows:,} koppelingen".replace(",", ".") in text, text
    table = browser.find_element(By.CSS_SELECTOR, "#omrekentabellen table")
    assert "grenswijzigen (test), adressen" in table.text
    browser.execute_script("arguments[0].scrollIntoView()", table)
    browser.save_screenshot(str(OUTPUT / "omrekentabel-ingelezen.png"))
    assert serious_violations(browser) == []

    # The bundled data hold outlines of one year only: nothing to derive, and the page says so.
    assert "geen grenzen van twee of meer jaren" in submit_and_read(browser, 'form[action="/beheer/omrekentabellen/afleiden"]')

    # A table with a word where a weight belongs: refused, with the file, line and column; nothing stored.
    bad = os.path.join(directory, "fout.csv")
    pathlib.Path(bad).write_text("from_year;to_year;from_code;to_code;weight;basis\r\n2016;2022;WK001400;WK001400;veel;adressen\r\n")
    browser.find_element(By.CSS_SELECTOR, 'form[action="/beheer/omrekentabellen"] input[type="file"]').send_keys(bad)
    text = submit_and_read(browser, 'form[action="/beheer/omrekentabellen"]')
    assert "fout.csv, regel 2, kolom weight: 'veel' is geen gewicht" in text, text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#omrekentabellen tbody tr")) == 1
