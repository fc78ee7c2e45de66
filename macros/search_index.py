"""The search index, loaded only when a reader first uses the search (an MkDocs hook,
see `hooks:` in mkdocs.yml).

Material's search plugin writes search/search_index.json (every page and section
as HTML) and the browser would fetch all of it while each page loads. This hook
turns it into search/zoekindex.js: plain text, one `[location, title, text]` per
page or section, loaded as a script by our search worker
(docs/assets/javascripts/zoeken/worker.js) on first use, which also works from
file://. search_index.json keeps only Material's settings, so pages load a few
hundred bytes instead of the whole index. Before Material reads a page, table
cells and definition terms get a line break after them, so their words stay apart
in the index.
"""

import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

INDEX = "search/search_index.json"
LAZY_INDEX = "search/zoekindex.js"
WORKER = "assets/javascripts/zoeken/worker.js"
# Tags that separate words; other tags (strong, em, a, code) sit inside a word's sentence.
BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|dl|dt|dd|table|thead|tbody|tr|td|th|h[1-6]|div|br|hr|"
                       r"pre|blockquote|details|summary|figure|figcaption)\b[^>]*>", re.I)
ANY_TAG = re.compile(r"<[^>]+>")
# The end of a cell or a term where generated HTML puts the next one right after it.
CELL_END = re.compile(r"(</(?:dt|dd|td|th|caption)>)(?=<)", re.I)
SPACE = re.compile(r"\s+")


def plain_text(fragment):
    """The text a reader sees in an HTML fragment, on one line."""
    text = ANY_TAG.sub("", BLOCK_TAG.sub(" ", fragment))
    return SPACE.sub(" ", html.unescape(text)).strip()


def load_index(site_dir):
    path = Path(site_dir) / INDEX
    if not path.is_file():
        raise PluginError(
            f"Zoekindex ontbreekt: {INDEX} is niet gemaakt. Zet de plugin 'search' aan in "
            "mkdocs.yml (plugins:), want macros/search_index.py maakt daaruit de zoekindex."
        )
    return path, json.loads(path.read_text(encoding="utf-8"))


def lazy_entries(docs):
    """One [location, title, text] per page or section, in plain text."""
    return [[doc["location"], plain_text(doc["title"]), plain_text(doc.get("text", ""))]
            for doc in docs]


# After the other hooks (priority 0), before Material's search plugin reads the page.
@event_priority(-100)
def on_page_content(html, page, config, files):
    """A line break after each table cell and definition term or text that the next
    one follows directly, so that Material's index (which drops these tags) keeps
    the words apart: "Ruimte Tafels", not "RuimteTafels". Browsers show the page
    the same: white space between cells or terms is not drawn."""
    return CELL_END.sub("\\1\n", html)


# After Material's search plugin has written the index (priority 0) and before its
# offline plugin copies search_index.json into search_index.js (priority -100).
@event_priority(-50)
def on_post_build(config):
    path, index = load_index(config.site_dir)
    entries = json.dumps(lazy_entries(index["docs"]), ensure_ascii=False, separators=(",", ":"))
    (Path(config.site_dir) / LAZY_INDEX).write_text(
        f"self.kixZoekindex={entries};\n", encoding="utf-8")
    index["docs"] = []
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    check_worker(Path(config.site_dir) / "index.html")


def check_worker(page):
    """overrides/main.html swaps Material's search worker for ours by its file name;
    after an update of Material that name changes and the swap would quietly miss."""
    if WORKER not in page.read_text(encoding="utf-8"):
        raise PluginError(
            f"{page.name} gebruikt niet onze zoekworker ({WORKER}). Material heeft zijn "
            "zoekworker waarschijnlijk een nieuwe naam gegeven: zet die naam in "
            "overrides/main.html (block config)."
        )
