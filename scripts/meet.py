"""Measure build speed and site weight for the current content.

    .venv/bin/python scripts/meet.py

Prints: site-only build seconds, full build seconds (site + all PDFs), the
seconds the PDFs add, PDF handbook pages, PDF seconds per page, the running
text size of the handbook (median and share under 9 pt, as tests/test_book.py
reads it), total site size, search index size and the
heaviest page (its HTML plus the CSS, JavaScript, fonts and images it loads).
Targets on a 2-core machine: full build within 1.2 x 71 s (the time before
the book got its print type), site-only build under 5 s, running text
10–10.5 pt, no page heavier than 600 KB.
"""

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
        index = next(site.glob("search/search_index.js*"))
        index_size, index_name = index.stat().st_size, index.name
        weights = sorted(((page_weight(site, p), p.relative_to(site)) for p in site.rglob("*.html")),
                         reverse=True)
        heaviest, heaviest_page = weights[0]
        html_pages = len(weights)

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


if __name__ == "__main__":
    main()
