"""pyspelling's html filter, with the text of a whole page as one piece.

pyspelling's own html filter hands hunspell every paragraph, list item and
heading separately, and hunspell loads the Dutch dictionary again for each one:
that takes minutes for this handbook. This filter skips the same elements
(`ignores:` in pyspelling.yml) but keeps the rest of a page together, so
hunspell runs once per page. A misspelling is still reported with its file.
It replaces the filter's bookkeeping of blocks (pyspelling 2.13, see
pyspelling/filters/xml.py) with one list per page.

Before hunspell sees the text, it also drops what hunspell would take for part
of a word, because the Dutch dictionary counts ' . / + as letters:

* single quotes used as quotation marks ('Wat kan ik?'), but not the
  apostrophe in foto's, z'n, 's avonds;
* file names (kix-works-handboek.pdf, .pptx);
* slashes between words (en/of, PDF/UA-1), except in web addresses, which
  the next step (url) removes.
"""

import re

from pyspelling.filters.html import HtmlFilter

QUOTE = re.compile(r"(?<!\w)['‘’](?![stn]\b)|['‘’](?!\w)")
FILE_NAME = re.compile(
    r"[\w./-]*\.(?:md|pdf|pptx|docx|xlsx|odt|yml|yaml|html|py|txt|csv|ics|svg|png|jpg)\b", re.I
)
TOKEN = re.compile(r"\S+")


def clean(text):
    """The text without quotation marks, file names and slashes (but with web addresses)."""

    def word(match):
        token = match.group()
        if "://" in token or token.startswith("www."):
            return token
        return FILE_NAME.sub(" ", token).replace("/", " ")

    return TOKEN.sub(word, QUOTE.sub(" ", text))


class PaginaFilter(HtmlFilter):
    """The html filter without splitting a page into blocks."""

    def set_block(self, node, force=False):
        if force:  # the start of a page
            self._pagina = []

    def pop_block(self, node, force=False):
        pass

    def extract_string(self, node, is_comments):
        if is_comments:
            super().extract_string(node, is_comments)
        elif text := str(node).strip():
            self._pagina += [text, " "]

    def format_blocks(self):
        text = clean("".join(self._pagina))
        return [(text, "html")] if text.strip() else []


def get_plugin():
    return PaginaFilter
