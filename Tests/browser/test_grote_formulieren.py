"""Issue 11: what programme staff really send, from Chromium over a real socket — a 20 KB intervention, a 10 KB blog
post, a 5 MB PDF attachment and a 3 MB photo — arrives and is stored; a file over the limit gets the Dutch 413 page."""
import io, os, random, re, tempfile, urllib.request

from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT
from test_kennisprogramma import accept_invitation, fill, sign_in, submit, wait_for, wait_for_heading


def pdf_file(size):
    """A well-formed PDF of about `size` bytes: one page and a stream of random bytes."""
    payload = os.urandom(size)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(payload) + payload + b"\nendstream"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def photo(minimum):
    """A real JPEG of at least `minimum` bytes (noise compresses badly, as a detailed photo does)."""
    side = 1200
    while True:
        image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=95)
        if buffer.tell() >= minimum:
            return buffer.getvalue()
        side += 200


def set_value(browser, name, text):
    """Puts a long text in a field at once (typing 20 KB key by key takes minutes); the browser still submits the form."""
    field = browser.find_element(By.NAME, name)
    browser.execute_script("arguments[0].value = arguments[1]", field, text)


def test_long_texts_and_large_files_from_a_browser_are_stored(server, browser):
    accept_invitation(browser, server.cli("account", "invite", "--email", "groot@example.nl", "--name", "Redactie groot"))
    sign_in(browser, server, "groot@example.nl")
    directory = tempfile.mkdtemp(prefix="wijkradar-uploads-")

    # A 20 KB intervention.
    browser.get(server + "/kennis/nieuw")
    fill(browser, {"titel": "Buurtteams met een lange beschrijving", "stad": "Emmen", "wijk": "Angelslo"})
    words = "Bewoners, corporatie en welzijn werken samen in één buurtteam dat achter de voordeur komt. "
    problem = (words * 250)[:20_000] + " EINDE-PROBLEEM"
    set_value(browser, "probleem", problem)
    submit(browser, 'form[action="/kennis/nieuw"]')
    assert wait_for_heading(browser, "Buurtteams met een lange beschrijving") == "Buurtteams met een lange beschrijving"
    assert "EINDE-PROBLEEM" in browser.page_source
    record = browser.current_url.split("#")[0]

    # A 5 MB PDF attached to it.
    pdf = pdf_file(5 << 20)
    pdf_path = os.path.join(directory, "evaluatie-buurtteams.pdf")
    open(pdf_path, "wb").write(pdf)
    browser.find_element(By.CSS_SELECTOR, 'form[action$="/bijlagen"] input[type="file"]').send_keys(pdf_path)
    submit(browser, 'form[action$="/bijlagen"]')
    link = wait_for(browser, 'a[href*="/bijlage/"]').get_attribute("href")
    assert urllib.request.urlopen(link).read() == pdf
    browser.save_screenshot(str(OUTPUT / "bijlage-5mb-opgeslagen.png"))

    # A file over the limit: the Dutch 413 page, not a broken connection.
    big = os.path.join(directory, "te-groot.pdf")
    open(big, "wb").write(pdf_file(12 << 20))
    browser.get(record)
    browser.find_element(By.CSS_SELECTOR, 'form[action$="/bijlagen"] input[type="file"]').send_keys(big)
    submit(browser, 'form[action$="/bijlagen"]')
    # Wait for the 413 page itself: the record page's <main> may still be there, or go stale mid-read.
    WebDriverWait(browser, 30).until(lambda b: "bestanden tot 10 MB" in b.page_source)
    browser.save_screenshot(str(OUTPUT / "bijlage-te-groot-413.png"))

    # A 10 KB blog post with a 3 MB photo.
    browser.get(server + "/blog/nieuw")
    fill(browser, {"titel": "Wat we leerden in Angelslo", "auteur": "Redactie"})
    body = ("In Angelslo werken bewoners en professionals samen aan een gezonde wijk. " * 150)[:10_000] + "\n\nEINDE-BERICHT"
    set_value(browser, "tekst", body)
    submit(browser, 'form[action="/blog/nieuw"]')
    WebDriverWait(browser, 30).until(lambda b: "ok=opgeslagen" in b.current_url)
    assert "opgeslagen" in wait_for(browser, ".notice").text
    assert "EINDE-BERICHT" in browser.find_element(By.NAME, "tekst").get_attribute("value")
    jpeg = photo(3 << 20)
    jpeg_path = os.path.join(directory, "buurtfeest.jpg")
    open(jpeg_path, "wb").write(jpeg)
    browser.find_element(By.CSS_SELECTOR, 'form[action$="/afbeeldingen"] input[type="file"]').send_keys(jpeg_path)
    fill(browser, {"alt": "Bewoners bij het buurtfeest op het plein"})
    submit(browser, 'form[action$="/afbeeldingen"]')
    # The editor already shows a notice ("opgeslagen"): wait for the new page, not for any notice.
    WebDriverWait(browser, 30).until(lambda b: "ok=afbeelding" in b.current_url)
    assert "afbeelding is toegevoegd" in wait_for(browser, ".notice").text
    image = re.search(r"/blog/afbeelding/(\d+)", browser.page_source).group(0)
    # Staff may see a concept post's image; the browser's session shows it.
    browser.get(server + image)
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    request = urllib.request.Request(server + image, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    assert urllib.request.urlopen(request).read() == jpeg
