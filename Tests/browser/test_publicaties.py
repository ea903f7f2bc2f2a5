"""Browser walk-through (issue 6): staff publishes a meeting, a report version and a post; the public then follows
home → a wijk → a meeting → a publication → the blog, the Atom feed parses as Atom, and axe finds nothing serious."""
import datetime
import urllib.request
import xml.etree.ElementTree as ET

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import OUTPUT
from test_kennisprogramma import accept_invitation, fill, sign_in, sign_out, submit, wait_for, wait_for_heading
from test_wijkanalyse import serious_violations

ATOM = "{http://www.w3.org/2005/Atom}"
PROGRAMME = "/programma/nieuwe-perspectieven-2016"
REPORT = "/publicaties/nieuwe-perspectieven-2016/opgaven-van-nu-en-straks"


def rfc3339(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_atom(xml_text):
    """The RFC 4287 rules a reader relies on: feed and entries with id, title, updated (RFC 3339), an author, and an
    alternate link per entry."""
    feed = ET.fromstring(xml_text)
    assert feed.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        assert feed.find(ATOM + name) is not None and feed.find(ATOM + name).text, name
    rfc3339(feed.find(ATOM + "updated").text)
    assert feed.find(ATOM + "link[@rel='self']") is not None
    feed_author = feed.find(ATOM + "author/" + ATOM + "name") is not None
    entries = feed.findall(ATOM + "entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert entry.find(ATOM + name) is not None and entry.find(ATOM + name).text, name
        rfc3339(entry.find(ATOM + "updated").text)
        assert feed_author or entry.find(ATOM + "author/" + ATOM + "name") is not None
        assert entry.find(ATOM + "link[@rel='alternate']").get("href").startswith("http")
        assert entry.find(ATOM + "content").get("type") == "html"
    ids = [entry.find(ATOM + "id").text for entry in entries]
    assert len(ids) == len(set(ids))
    return entries


def test_staff_publishes_and_the_public_walks_the_site(server, browser):
    accept_invitation(browser, server.cli("account", "invite", "--email", "redactie@example.nl", "--name", "Redactie"))
    sign_in(browser, server, "redactie@example.nl")

    # A meeting of the real programme, published.
    browser.get(server + PROGRAMME + "/bijeenkomst/nieuw")
    fill(browser, {"titel": "Themabijeenkomst wonen en zorg", "datum": "2017-03-09", "begin": "10:00", "einde": "16:00",
                   "locatie": "Wijkcentrum Angelslo", "adres": "Statenweg 1, Emmen"})
    Select(browser.find_element(By.NAME, "gastwijk")).select_by_visible_text("Angelslo (Emmen)")
    browser.find_element(By.NAME, "gepubliceerd").click()
    submit(browser, f'form[action="{PROGRAMME}/bijeenkomst/nieuw"]')
    wait_for(browser, ".notice")

    # Report 1: a concept with an introduction written by the editors, then published as version 1.
    browser.get(server + REPORT)
    browser.find_element(By.CSS_SELECTOR, f'form[action="{REPORT}/concept"] button').click()
    WebDriverWait(browser, 20).until(EC.url_contains("ok=concept"))
    browser.find_element(By.ID, "kop-inleiding").send_keys("Waarom dit rapport")
    browser.find_element(By.ID, "tekst-inleiding").send_keys("De wijken delen **één** opgave: bouwen aan vertrouwen.")
    browser.find_element(By.CSS_SELECTOR, '#tekst-inleiding').find_element(By.XPATH, "ancestor::form").submit()
    WebDriverWait(browser, 20).until(EC.url_contains("ok=tekst"))
    assert "De tekst is opgeslagen." in wait_for(browser, ".notice").text
    assert serious_violations(browser) == [], "concept page"
    # Publishing asks first (issue 16): dismissing keeps the concept, accepting publishes.
    publish = f'form[action="{REPORT}/concept/publiceren"] button'
    browser.find_element(By.CSS_SELECTOR, publish).click()
    question = WebDriverWait(browser, 5).until(EC.alert_is_present())
    assert "publiceren" in question.text
    question.dismiss()
    assert "/concept" in browser.current_url
    browser.find_element(By.CSS_SELECTOR, publish).click()
    WebDriverWait(browser, 5).until(EC.alert_is_present()).accept()
    WebDriverWait(browser, 20).until(EC.url_contains("/versie/1"))
    assert "Deze versie is gepubliceerd" in wait_for(browser, ".notice").text

    # A post, published.
    browser.get(server + "/blog/nieuw")
    fill(browser, {"titel": "Eerste bijeenkomst in Angelslo", "auteur": "Redactie",
                   "tekst": "Twaalf wijken leren van elkaar.\n\n## Wat we zagen\n\nEen wijk die **samen** bouwt.",
                   "wijken": "Angelslo", "themas": "Wonen en zorg", "moment": "2026-11-01T09:00"})
    Select(browser.find_element(By.NAME, "status")).select_by_value("gepubliceerd")
    submit(browser, 'form[action="/blog/nieuw"]')
    wait_for(browser, ".notice")
    sign_out(browser)

    # The public: home → a wijk → back → a meeting → a publication → the blog.
    browser.get(server + "/")
    assert "Kennisprogramma:" in browser.page_source and "Laatste berichten" in browser.page_source
    assert serious_violations(browser) == [], "home"
    browser.find_element(By.LINK_TEXT, "Angelslo (Emmen)").click()
    wait_for(browser, "#analyse")
    assert "Bron: CBS" in browser.page_source
    assert serious_violations(browser) == [], "wijk"
    browser.get(server + "/")
    browser.find_element(By.LINK_TEXT, "Themabijeenkomst wonen en zorg").click()
    assert wait_for_heading(browser, "Themabijeenkomst wonen en zorg") == "Themabijeenkomst wonen en zorg"
    assert serious_violations(browser) == [], "meeting"
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, f'#publicaties ~ ul a[href="{REPORT}/versie/1"]').click()
    wait_for(browser, "nav.toc")
    page = browser.page_source
    assert "Versie 1, gepubliceerd" in page and "Waarom dit rapport" in page and "<strong>één</strong>" in page
    assert "Tabel 1." in page and "Figuur 1." in page and "Bron: CBS" in page
    assert "Tekst toevoegen" not in page and "Notitie voor de redactie" not in page
    assert serious_violations(browser) == [], "publication"
    browser.save_screenshot(str(OUTPUT / "publicatie-openbaar.png"))
    with urllib.request.urlopen(browser.current_url + "/pdf") as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read(5) == b"%PDF-"
    browser.get(server + "/")
    browser.find_element(By.LINK_TEXT, "Alle blogs en nieuws").click()
    wait_for(browser, "ul.posts")
    assert serious_violations(browser) == [], "blog"
    browser.find_element(By.LINK_TEXT, "Eerste bijeenkomst in Angelslo").click()
    assert wait_for_heading(browser, "Eerste bijeenkomst in Angelslo") == "Eerste bijeenkomst in Angelslo"
    assert serious_violations(browser) == [], "post"
    browser.save_screenshot(str(OUTPUT / "blogbericht.png"))

    # The feed: valid Atom with the post; the sitemap lists the publication.
    feed_link = browser.find_element(By.CSS_SELECTOR, 'link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    with urllib.request.urlopen(feed_link) as response:
        assert response.headers["Content-Type"].startswith("application/atom+xml")
        entries = check_atom(response.read().decode("utf-8"))
    assert "Eerste bijeenkomst in Angelslo" in [entry.find(ATOM + "title").text for entry in entries]
    with urllib.request.urlopen(server + "/sitemap.xml") as response:
        sitemap = ET.fromstring(response.read())
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(location.endswith(REPORT + "/versie/1") for location in locations)
    assert any(location.endswith("/blog/eerste-bijeenkomst-in-angelslo") for location in locations)
