"""Print-ready PDFs next to the PDF handbook: one per worksheet and form, one
run sheet per session, and all worksheets of a session in one file. The slide
decks of the group sessions (slides.py) are made here too, as .pptx and .pdf.

They are made at the end of a build (when the PDF is switched on) from the
same HTML as the site, with WeasyPrint, tagged as PDF/UA-1: the title of every
sheet is a heading (H1), which also gives each bundle its outline (bookmarks).
A sheet has one side, or a back side for each part `nieuwe_pagina`; a sheet
that does not fit exactly those pages stops the build: print must never be
silently cut or spill a few lines onto an extra page. A back side that holds only
a little (less than MIN_BACK_SIDE of the page) stops the build too.

Print files never link to the machine that built them: a link goes to the
published site (`site_url` in mkdocs.yml) or, without one, stays plain text.
"""

from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import weasyprint
from markupsafe import Markup, escape
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration

from . import cards, cohort, schedule, sheets, slides
from .render import source_url

MAX_RUN_SHEET_PAGES = 2  # landscape, text at 10.5 pt
# A back side (a page of a sheet without its title) must fill at least this part of the
# writable height. The back sides of the handbook fill 32-98 %; below a quarter a page
# holds a question or two with their lines, which belong on the front side.
MIN_BACK_SIDE = 0.25
PDF_VARIANT = "pdf/ua-1"


class PrintError(Exception):
    """A print PDF could not be made as promised."""


@cache
def fonts():
    """One font configuration per process. WeasyPrint unpacks a web font (woff2) when a
    document first asks for it and keeps it in its configuration, so the later prints of
    the same process reuse it: unpacking took most of the time of a one-page sheet."""
    return FontConfiguration()


def render_document(html, site_dir):
    """A stand-alone HTML document laid out on pages (a WeasyPrint Document)."""
    return weasyprint.HTML(string=html, base_url=f"{site_dir}/").render(
        pdf_variant=PDF_VARIANT, font_config=fonts())


def render_pdf(html, site_dir):
    """PDF bytes, page count and page_fills of a stand-alone HTML document."""
    document = render_document(html, site_dir)
    return (document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages),
            page_fills(document))


def page_fills(document):
    """For each page: (the part of its writable height above the lowest text, picture or
    line, whether a sheet starts there: it holds a title, h1)."""
    return [content_bottom(page._page_box) for page in document.pages]


def content_bottom(page):
    top = page.content_box_y()
    lowest, title = top, False
    stack = [child for child in page.children if not isinstance(child, boxes.MarginBox)]
    while stack:
        box = stack.pop()
        title = title or box.element_tag == "h1"
        if (isinstance(box, (boxes.TextBox, boxes.ReplacedBox)) or box.style["border_top_width"]
                or box.style["border_bottom_width"]):
            lowest = max(lowest, box.position_y + box.margin_top + box.border_height())
        stack += getattr(box, "children", [])
    return (lowest - top) / page.height, title


def back_side_problems(path, name, fills):
    """A nearly empty back side of a sheet (a file with one sheet: its bundle repeats it)."""
    if sum(title for _, title in fills) != 1:
        return []
    return [
        f"{path}: kant {number} van {name} is bijna leeg: de inhoud beslaat {fill:.0%} van "
        f"de hoogte (minstens {MIN_BACK_SIDE:.0%}). Zet die onderdelen op de voorkant (haal "
        "'nieuwe_pagina' weg, of maak de voorkant korter), of geef ze meer ruimte om te "
        "schrijven ('regels', 'rijen')"
        for number, (fill, title) in enumerate(fills, start=1)
        if not title and fill < MIN_BACK_SIDE
    ]


def document(renderer, title, body, landscape=False, footer=True, header=""):
    """A stand-alone HTML page for print; `footer` adds the title and page numbers,
    `header` a line on top of every page after the first."""
    return renderer.render(
        "print_document.html", title=title, body=Markup(body), landscape=landscape,
        footer=f"K!X Works · {title}" if footer else "", header=header,
    )


def site_linker(site_url):
    """A function that shows an item as a link to the published site, or as plain
    text when the handbook has no site_url."""
    def link(item):
        if not site_url:
            return item.title
        href = f"{site_url.rstrip('/')}/{source_url(item.src)}"
        return Markup(f'<a href="{escape(href)}">{escape(item.title)}</a>')
    return link


def printed_sheet(renderer, sheet):
    """A worksheet or form as printed: its title is a real heading (H1)."""
    return renderer.render("worksheet.html", data=sheet.data, kind=sheet.kind, in_print=True)


def sheet_pages(sheet):
    """(pages, problem): the sides of a sheet, and a problem when its header's
    `paginas` says otherwise."""
    pages = sheets.sides(sheet.data)
    promised = sheet.data.get("paginas", 1)  # the print overview counts sheets with it
    if promised != pages:
        return pages, (
            f"docs/{sheet.src}: 'paginas: {promised}' klopt niet met de {pages} kant(en) van het "
            f"blad; zet 'paginas: {pages}', of begin een achterkant met het onderdeel "
            "'nieuwe_pagina: true'"
        )
    return pages, None


def sheet_job(renderer, sheet):
    """(path, html, expected pages, name) for one worksheet or form."""
    html = document(renderer, sheet.title, printed_sheet(renderer, sheet),
                    landscape=sheet.data.get("liggend", False))
    return (renderer.print_path(sheet.kind, sheet.id), html, sheet_pages(sheet)[0],
            f"'{sheet.title}' (docs/{sheet.src})")


def session_sheets_job(renderer, session):
    """(path, html, expected pages, name) for all worksheets of a session in one
    file; every sheet starts on a new page."""
    chosen = [renderer.handbook.werkbladen[i] for i in session.data["werkbladen"]]
    body = "\n".join(printed_sheet(renderer, s) for s in chosen)
    html = document(renderer, f"Werkbladen {session.title}", body)
    pages = sum(sheet_pages(s)[0] for s in chosen)
    return (renderer.print_path("werkbladen", session.id), html, pages,
            f"de werkbladen van '{session.title}'")


def run_sheet_job(renderer, session, site_url=None):
    """(path, html, allowed pages, name) for the printed run sheet of a session; with
    an edition it carries the date of the meeting."""
    meeting = renderer.meetings.get(session.id)
    datum = cohort.date_text(meeting.datum) if meeting else ""
    body = renderer.render(
        "print_runsheet.html", data=session.data, datum=datum,
        rows=schedule.run_sheet(session.data, renderer.settings.begintijd),
        site_link=site_linker(site_url),
    )
    header = f"Draaiboek {session.title}" + (f" · {datum}" if datum else "")
    html = document(renderer, f"Draaiboek {session.title}", body, landscape=True,
                    header=header)
    return (renderer.print_path("draaiboek", session.id), html,
            range(1, MAX_RUN_SHEET_PAGES + 1), f"het draaiboek van '{session.title}'")


def form_jobs(renderer):
    """The presentielijst and the empty certificate, each on one landscape page."""
    return [
        (renderer.print_path("formulier", "presentielijst"),
         document(renderer, "Presentielijst", renderer.attendance_list(in_print=True),
                  landscape=True), 1, "de presentielijst"),
        (renderer.print_path("formulier", "certificaat"),
         document(renderer, "Certificaat", renderer.certificate(in_print=True),
                  landscape=True, footer=False), 1, "het certificaat"),
    ]


def card_set_jobs(renderer):
    """(path, html, None, name) for every card set: no page limit, a set has as many
    sheets as it has cards."""
    return [(cards.pdf_path(renderer, card_set), cards.print_html(renderer, card_set), None,
             f"de kaartenset '{card_set.title}'") for card_set in renderer.card_sets.values()]


class PrintRun:
    """The print files of one build, rendered by one worker process in the
    background: `start` hands them out and returns at once, so the build can lay out
    the PDF handbook at the same time; `finish` waits, writes the files and checks them.
    One worker, not two: on a 2-core machine the book then keeps a core to itself,
    and the whole build was 20% faster (125 s against 152 s)."""

    def __init__(self, renderer, site_dir, site_url=None):
        handbook = renderer.handbook
        self.site_dir = Path(site_dir)
        self.problems = [p for s in handbook.sheets if (p := sheet_pages(s)[1])]
        self.jobs = [sheet_job(renderer, s) for s in handbook.sheets]
        self.jobs += [run_sheet_job(renderer, s, site_url) for s in handbook.sessions]
        self.jobs += [session_sheets_job(renderer, s) for s in handbook.sessions
                      if s.data["werkbladen"]]
        self.jobs += form_jobs(renderer) + card_set_jobs(renderer)
        decks, deck_problems = slides.decks(renderer)  # slide text too hard or too long
        self.problems += deck_problems
        self.deck_jobs = [slides.pdf_job(renderer, deck) for deck in decks]
        # The worker starts (fork) here, before the book is laid out in this process.
        self.pool = ProcessPoolExecutor(max_workers=1)
        self.pending = [self.pool.submit(render_pdf, job[1], self.site_dir)
                        for job in self.jobs + self.deck_jobs]
        slides.write_pptx_files(renderer, decks, self.site_dir)

    def finish(self):
        """Wait for the renders, write the PDFs; raise PrintError if one falls short."""
        try:
            results = [future.result() for future in self.pending]
        finally:
            self.pool.shutdown(cancel_futures=True)
        problems = self.problems + slides.write_pdfs(self.deck_jobs, results[len(self.jobs):],
                                                     self.site_dir)
        for job, (pdf, pages, fills) in zip(self.jobs, results):
            target = self.site_dir / job[0]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pdf)
            problems += page_problems(job, pages)
            if isinstance(job[2], int):  # a sheet or form (not a run sheet or card set)
                problems += back_side_problems(job[0], job[3], fills)
        if problems:
            raise PrintError("Printbestanden kloppen niet:\n" + "\n".join(f"  - {p}" for p in problems))


def page_problems(job, pages):
    """A sheet or form that does not take exactly its pages (expected: a number); a run
    sheet that is too long (expected: a range); a card set has no limit (None)."""
    path, _, expected, name = job
    if isinstance(expected, int) and pages != expected:
        return [
            f"{path}: {name} beslaat {pages} A4-pagina('s) in plaats van {expected}: "
            "het loopt over op een extra pagina. Maak het blad korter (minder regels of "
            "rijen), of begin een achterkant met het onderdeel 'nieuwe_pagina: true'"
        ]
    if isinstance(expected, range) and pages not in expected:
        return [
            f"{path}: het draaiboek beslaat {pages} A4-pagina's; hoogstens "
            f"{MAX_RUN_SHEET_PAGES} zijn toegestaan. Maak de teksten bij 'wat' korter"
        ]
    return []
