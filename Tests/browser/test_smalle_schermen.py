"""Issue 15 (first part): the public pages on a phone. At 390 and 320 px wide nothing is wider than the screen: the
header wraps, charts take the width there is, and wide tables scroll inside themselves."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT

PAGES = ["/", "/regio/WK011443", "/regio/GM0014", "/regio/BU03441014", "/radar", "/methode", "/kennis",
         "/publicaties", "/blog", "/?q=selwerd", "/vergelijk?regio=WK011443&regio=Selwerd", "/programma"]


def overflow(browser):
    """How many pixels the page is wider than the screen, and the widest element that sticks out."""
    return browser.execute_script("""
        const width = document.documentElement.clientWidth;
        let worst = null, most = 0;
        for (const element of document.querySelectorAll('body *')) {
            // Inside a scrolling container an element may be wider: that is the point of the container.
            let parent = element.parentElement, scrolls = false;
            while (parent && parent !== document.body) {
                const style = getComputedStyle(parent);
                if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'hidden') { scrolls = true; break; }
                parent = parent.parentElement;
            }
            if (scrolls) continue;
            const right = element.getBoundingClientRect().right;
            if (right - width > most) { most = right - width; worst = element.tagName + '.' + element.className; }
        }
        return [document.documentElement.scrollWidth - width, worst, most];
    """)


def test_no_public_page_is_wider_than_a_phone(server, browser):
    try:
        for width in (390, 320):
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})
            for path in PAGES:
                browser.get(server + path)
                WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
                extra, element, most = overflow(browser)
                name = path.strip("/").replace("/", "-").replace("?q=", "zoek-") or "home"
                if width == 390:
                    browser.save_screenshot(str(OUTPUT / f"telefoon-{name}.png"))
                assert extra <= 0, f"{path} at {width} px: {extra} px too wide ({element} sticks out {most:.0f} px)"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
