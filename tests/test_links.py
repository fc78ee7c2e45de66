"""Every link inside the built site leads somewhere: the file exists, and so does the anchor.

MkDocs checks the links in Markdown (the `validation:` settings make a broken one
fail the strict build), but not links in raw HTML or in what the macros
generate (tables, download buttons, the footer). This test opens every built
page and checks every local link. It never fetches an address on another host.
"""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

# Links that leave the site (or are not addresses): not checked, never fetched.
ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


class Page(HTMLParser):
    """The ids and the links (href) of one HTML page."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        if attrs.get("href") is not None and tag in ("a", "link", "area"):
            self.links.append((tag, attrs["href"].strip()))


@cache
def page(path):
    return Page(Path(path).read_text(encoding="utf-8", errors="replace"))


def broken_links(site):
    """Yield 'page: href (why)' for every local link that leads nowhere."""
    site = site.resolve()
    for html in sorted(site.rglob("*.html")):
        where = html.relative_to(site).as_posix()
        for tag, href in page(html).links:
            if not href or ELSEWHERE.match(href):
                continue
            parts = urlsplit(href)
            # 404.html links from the root of the site (it is shown at any address)
            base = site if parts.path.startswith("/") else html.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else html
            if site not in target.parents and target != site:
                yield f"{where}: {href} (buiten de site)"
            elif target.is_dir():
                if not (target / "index.html").is_file():
                    yield f"{where}: {href} (map zonder index.html)"
            elif not target.is_file():
                yield f"{where}: {href} (bestand bestaat niet)"
            elif parts.fragment and target.suffix == ".html":
                anchor = unquote(parts.fragment)
                if anchor not in page(target).ids:
                    yield f"{where}: {href} (geen id '{anchor}' in {target.relative_to(site).as_posix()})"


def test_every_local_link_and_anchor_exists(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 100
    assert sum(len(page(p).links) for p in pages) > 1000
    broken = list(broken_links(site))
    assert not broken, f"{len(broken)} kapotte link(s):\n" + "\n".join(broken[:50])


@pytest.mark.parametrize("href, why", [
    ("bestaat-niet.html", "bestand bestaat niet"),
    ("#geen-kop", "geen id 'geen-kop'"),
    ("../methode/index.html#geen-kop", "geen id 'geen-kop'"),
])
def test_a_broken_link_is_found(tmp_path, href, why):
    (tmp_path / "methode").mkdir()
    (tmp_path / "methode" / "index.html").write_text('<h1 id="methode">Methode</h1>')
    (tmp_path / "traject").mkdir()
    (tmp_path / "traject" / "index.html").write_text(
        '<h2 id="kop">Kop</h2>'
        '<a href="#kop">goed</a> <a href="../methode/index.html#methode">goed</a> '
        '<a href="https://example.org/nergens">buiten de site: niet gecontroleerd</a> '
        f'<a href="{href}">fout</a>'
    )
    broken = list(broken_links(tmp_path))
    assert len(broken) == 1 and why in broken[0] and broken[0].startswith("traject/index.html"), broken
