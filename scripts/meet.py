"""Measure build speed and site weight for the current content.

    .venv/bin/python scripts/meet.py

Prints: site-only build seconds, full build seconds (site + all PDFs), the
seconds the PDFs add, PDF handbook pages, PDF seconds per page, the running
text size of the handbook (median and share under 9 pt, as tests/test_book.py
reads it), total site size, search index size and the heaviest page (its HTML
plus the CSS, JavaScript, fonts and images it loads); in Chromium: the bytes the
home page and the heaviest page load before anyone touches the search (as a plain
server or a USB stick sends them, and gzipped as a web host does), and the time
from typing a query to its results.
Targets on a 2-core machine: full build within 1.2 x 71 s (the time before the
book got its print type), site-only build under 5 s, running text 10–10.5 pt,
no page heavier than 600 KB, at most 400 KB (uncompressed) loaded before the
search is used.
"""

import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.pdf.measure import book_sizes  # noqa: E402  (after the root is on the path)

PDF = "pdf/kix-works-handboek.pdf"
LOADED = re.compile(r"""<(?:script|img|source)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*>""")
TEXT = re.compile(r"text/|javascript|json|svg")   # what a web host sends gzipped
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def timed_build(site_dir, pdf):
    env = dict(os.environ, KIX_PDF="1" if pdf else "0", NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                   cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def local_file(site, page, ref):
    """The file in site/ that `ref` on `page` points to, or None for other hosts."""
    if urlparse(ref).scheme or ref.startswith("//") or ref.startswith("#"):
        return None
    target = urljoin(page.relative_to(site).as_posix(), ref.split("#")[0].split("?")[0])
    path = site / target
    return path if path.is_file() else None


def page_weight(site, page):
    """Bytes a browser loads for one page (fonts are counted via the CSS that asks for them)."""
    files = {page}
    html = page.read_text(encoding="utf-8")
    for match in LOADED.finditer(html):
        ref = match.group(1) or match.group(2)
        tag = match.group(0)
        if match.group(2) and "stylesheet" not in tag and "icon" not in tag:
            continue  # <link rel="alternate"> and the like are not loaded
        path = local_file(site, page, ref)
        if path:
            files.add(path)
            if path.suffix == ".css":
                for url in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
                    font = local_file(site, path, url)
                    if font and font.suffix == ".woff2" and "NotoSans-" in font.name and (
                        "Regular" in font.name or "Bold." in font.name
                    ):
                        files.add(font)  # the faces a normal page uses
    return sum(f.stat().st_size for f in files)


# In the page: type a query as a keystroke would, time until marked results show.
TIME_QUERY = """query => new Promise(resolve => {
  const box = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (list.querySelector('.md-search-result__item mark')) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(list, {childList: true, subtree: true});
  box.value = query;
  box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
})"""


def search_figures(site, heaviest_page):
    """Bytes loaded before the search is used, and typing-to-results times, in Chromium."""
    import functools
    import http.server
    import threading

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return {"Search in Chromium": "n.v.t. (geen /usr/bin/chromium)"}
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{httpd.server_address[1]}/"
    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        for label, url in (("home", "index.html"), ("heaviest", heaviest_page)):
            page = browser.new_page(viewport={"width": 390, "height": 844})
            bodies = []
            page.on("response", lambda r, found=bodies: found.append(
                (r.headers.get("content-type", ""), r.body() if r.ok else b"")))
            page.goto(root + url, wait_until="networkidle")
            plain = sum(len(body) for _, body in bodies)
            gzipped = sum(len(gzip.compress(body)) if TEXT.search(kind) else len(body)
                          for kind, body in bodies)
            figures[f"Before search, {label}"] = (
                f"{plain / 1e3:6.0f} KB uncompressed, {gzipped / 1e3:.0f} KB gzipped ({url})")
            page.close()
        page = browser.new_page()
        page.goto(root + "index.html")
        box = page.locator("input.md-search__input")
        start = time.perf_counter()
        box.click()
        box.fill("netwerkkaarten")
        box.press("End")                      # Material reads the field on keyup
        page.locator(".md-search-result__item").first.wait_for(timeout=30000)
        figures["First search (loads)"] = f"{(time.perf_counter() - start) * 1000:6.0f} ms"
        times = []
        for query in ("presentielijsten", "sollicitatiegesprekken", "incidentmetode", "kaart"):
            box.fill("")
            box.press("End")
            page.locator(".md-search-result__item").first.wait_for(state="detached")
            times.append(page.evaluate(TIME_QUERY, query))
        figures["Typing to results"] = f"{max(times):6.0f} ms (slowest of {len(times)})"
        browser.close()
    httpd.shutdown()
    return figures


def main():
    with tempfile.TemporaryDirectory() as tmp:
        site_only = timed_build(Path(tmp) / "site-only", pdf=False)
        site = Path(tmp) / "site"
        full = timed_build(site, pdf=True)
        reader = PdfReader(site / PDF)
        pages = len(reader.pages)
        sizes = sorted(book_sizes(reader))
        median = sizes[len(sizes) // 2]
        small = sum(1 for size in sizes if size < 9) / len(sizes)
        total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
        index = site / "search" / "zoekindex.js"   # loaded on first use of the search
        index_size, index_name = index.stat().st_size, index.name
        weights = sorted(((page_weight(site, p), p.relative_to(site)) for p in site.rglob("*.html")),
                         reverse=True)
        heaviest, heaviest_page = weights[0]
        html_pages = len(weights)
        search = search_figures(site, heaviest_page.as_posix())

    print(f"Site-only build:        {site_only:6.1f} s")
    print(f"Full build (site+PDF):  {full:6.1f} s")
    print(f"PDFs add:               {full - site_only:6.1f} s")
    print(f"PDF handbook pages:     {pages:6d}")
    print(f"PDF seconds per page:   {(full - site_only) / pages:6.2f} s")
    print(f"Handbook running text:  {median:6.1f} pt median, {small:.1%} under 9 pt")
    print(f"HTML pages:             {html_pages:6d}")
    print(f"Total site size:        {total / 1e6:6.1f} MB")
    print(f"Search index size:      {index_size / 1e3:6.0f} KB ({index_name})")
    print(f"Heaviest page:          {heaviest / 1e3:6.0f} KB ({heaviest_page})")
    for label, value in search.items():
        print(f"{label + ':':<24}{value}")


if __name__ == "__main__":
    main()
