"""The site in a real browser: accessibility, privacy, search, keyboard, print, offline.

Uses Debian's Chromium (/usr/bin/chromium) through Playwright. Without Chromium
these tests skip, except under CI (CI=true), where a missing browser fails.
"""

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader

from conftest import ROOT
from test_build import nav_pages

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "mobiel": {"width": 390, "height": 844}}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


_launched = {}


def shared_browser():
    """One Chromium for every test module (Playwright's sync API allows one at a time)."""
    if "browser" not in _launched:
        from playwright.sync_api import sync_playwright

        _launched["playwright"] = sync_playwright().start()
        _launched["browser"] = _launched["playwright"].chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    return _launched["browser"]


def close_shared_browser():
    if "browser" in _launched:
        _launched.pop("browser").close()
        _launched.pop("playwright").stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium ontbreekt ({CHROMIUM}); onder CI moeten de browsertests draaien")
        pytest.skip(f"Chromium niet gevonden ({CHROMIUM}); installeer het pakket 'chromium'")
    yield shared_browser()
    close_shared_browser()


@pytest.fixture(scope="session")
def server(site):
    """The built site on 127.0.0.1, on a free port, stopped at the end."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_urls():
    return [src.replace(".md", ".html") for _, src in nav_pages()]


def one_page_per_section(site):
    """The largest page of every section of the site (its first folder: traject,
    werkvormen, werkbladen, ...) and of every kind of content page (sessie, werkvorm,
    werkblad, ...), and the home page. At phone width axe checks these: what changes
    with the width is the layout of the templates (menu, header, wide tables), which
    pages of one section or kind share; contrast, names and language do not change
    with the width, and axe checks them on every page at desktop width."""
    from macros import content

    handbook = content.load(ROOT / "docs")
    largest = {}
    for _, src in nav_pages():
        url = src.replace(".md", ".html")
        item = handbook.item_at(src)
        section = (src.split("/")[0], item.kind if item else None)
        size = (site / url).stat().st_size
        if size > largest.get(section, ("", -1))[1]:
            largest[section] = (url, size)
    return [url for url, _ in largest.values()]


@pytest.fixture(scope="session")
def visits(browser, server, site):
    """Open every page at desktop width, and one page per section at phone width:
    axe results and every request made."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    results = {}
    urls = {"desktop": page_urls(), "mobiel": one_page_per_section(site)}
    for name, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport, locale="nl-NL")
        page = context.new_page()
        requests = []
        page.on("request", lambda request, found=requests: found.append(request.url))
        for url in urls[name]:
            requests.clear()
            response = page.goto(server + url, wait_until="load")
            axe_result = axe.run(page, options=WCAG_AA)
            results[(name, url)] = {
                "status": response.status if response else None,
                "violations": [
                    f"{v['id']}: {v['help']} ({len(v['nodes'])}x, bv. {v['nodes'][0]['target']})"
                    for v in axe_result.response["violations"]
                ],
                "requests": list(requests),
            }
        context.close()
    return results


def test_every_nav_page_opens(visits):
    failed = [url for (_, url), r in visits.items() if r["status"] != 200]
    assert not failed, failed


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_on_any_page(visits, width):
    found = {url: r["violations"] for (name, url), r in visits.items()
             if name == width and r["violations"]}
    assert not found, "\n".join(f"{url}: {v}" for url, v in found.items())


def test_pages_request_nothing_from_other_hosts(visits):
    outside = {
        request for r in visits.values() for request in r["requests"]
        if urlparse(request).hostname not in ("127.0.0.1", None) and not request.startswith("data:")
    }
    assert not outside, sorted(outside)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport=WIDTHS["desktop"], locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def open_search(page):
    """Open the search as a reader does: the magnifier in the header on a phone,
    the search field on a wide screen. Returns the search box."""
    box = page.locator("input.md-search__input")
    button = page.locator("label.md-header__button[for='__search']")
    if page.locator("#__search").is_checked():
        box.focus()                            # already open
    elif button.is_visible():
        button.click()
    else:
        box.click()
    return box


def result_titles(page):
    return [t.strip() for t in page.locator(".md-search-result__article h1").all_inner_texts()]


def search(page, query, read=result_titles):
    """Type a query in the real search box; return what `read` finds in the result
    list (the titles) once the list has settled."""
    box = open_search(page)
    box.fill("")
    box.press_sequentially(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    # Results come from a web worker while you type: wait until they settle.
    found, previous = None, []
    for _ in range(40):
        page.wait_for_timeout(200)
        found = read(page)
        if found == previous:
            break
        previous = found
    return found


# The Dutch search itself (forms, compound parts, typos, speed) is tested in test_search.py.


def test_keyboard_skip_link_focus_and_search(page, server):
    page.goto(server + "traject/index.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert "inhoud" in focused.lower()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    # Search with the keyboard alone: "/" opens search, arrows choose, Enter opens.
    page.keyboard.press("/")
    page.keyboard.type("incidentmethode", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"incidentmethode\.html"))


@pytest.mark.parametrize("url, must_see", [
    ("traject/kick-off.html", "Draaiboek"),
    ("werkbladen/mijn-talenten.html", "Naam:"),
])
def test_printing_gives_clean_a4_without_site_chrome(page, server, tmp_path, url, must_see):
    page.goto(server + url)
    page.emulate_media(media="print")
    target = tmp_path / "print.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
    reader = PdfReader(target)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    assert must_see in text
    for chrome in ("Bewerk deze pagina", "Handboek als PDF", "Zoeken", "Broncode en bijdragen"):
        assert chrome not in text, chrome
    if "werkbladen/" in url:
        assert len(reader.pages) == 1
        assert "Voor de trainer" not in text


def test_every_worksheet_prints_from_the_browser_within_its_pages(page, server, site, tmp_path):
    from macros.content import load

    handbook = load(ROOT / "docs")
    wrong = []
    for sheet in handbook.sheets:
        page.goto(server + sheet.src.replace(".md", ".html"))
        page.emulate_media(media="print")
        target = tmp_path / f"{sheet.id}.pdf"
        page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
        pages = len(PdfReader(target).pages)
        if pages > sheet.data.get("paginas", 1):  # Chromium may fit a little more
            wrong.append(f"{sheet.src}: {pages} pagina's")
    assert not wrong, wrong


def test_offline_from_the_file_system_with_search(browser, site):
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    page.locator(".md-content a[href$='traject/index.html']").first.click()
    page.wait_for_url(re.compile(r"traject/index\.html$"))
    assert "Het traject" in page.locator("h1").first.inner_text()
    titles = search(page, "presentielijst")
    assert any("Presentielijst" in t for t in titles), titles
    pdf_link = page.locator("a.kix-knop[download]").first.get_attribute("href")
    assert (site / "traject" / pdf_link).resolve().is_file()
    context.close()
