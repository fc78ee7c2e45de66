"""Build glue for the PDF handbook (an MkDocs hook, see `hooks:` in mkdocs.yml).

This one file serves two masters:

* MkDocs loads it as a hook. `on_startup` switches the PDF on for
  `mkdocs build` and off for `mkdocs serve` (set KIX_PDF=1 to preview with
  the PDF, or KIX_PDF=0 to build without it).
* mkdocs-to-pdf imports a module named `pdf_event_hook` from sys.path and
  calls its `pre_pdf_render` just before WeasyPrint renders the book.
  `on_startup` puts this folder (macros/pdf/, which holds only the PDF glue:
  this file, the cover and the print styles) on sys.path so it is found.
"""

import os
import sys
from pathlib import Path

import weasyprint

PDF_SWITCH = "KIX_PDF"


def on_startup(command, dirty):
    os.environ.setdefault(PDF_SWITCH, "0" if command == "serve" else "1")
    folder = str(Path(__file__).resolve().parent)
    if folder not in sys.path:
        sys.path.append(folder)


def pre_pdf_render(soup, logger):
    """Prepare the combined handbook HTML for print."""
    # Tagged PDF (PDF/UA-1): WeasyPrint reads its defaults when rendering, and
    # the plugin offers no other way to pass render options.
    weasyprint.DEFAULT_OPTIONS["pdf_variant"] = "pdf/ua-1"
    soup.html["lang"] = "nl"
    # Boxes that only make sense on screen (print buttons, trainer notes above a sheet).
    # Download links themselves are already gone: they carry Material's class for
    # page actions (md-content__button), which mkdocs-to-pdf leaves out.
    for element in soup.select(".kix-alleen-web"):
        element.decompose()
    return soup


def inject_link(html, href, page, logger):
    """Leave pages as they are: our own templates link to the PDF (partials/actions.html)."""
    return html
