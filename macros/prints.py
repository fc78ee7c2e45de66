"""Print-ready PDFs next to the PDF handbook: one per worksheet and form, one
run sheet per session, and all worksheets of a session in one file. The slide
decks of the group sessions (slides.py) are made here too, as .pptx and .pdf.

They are made at the end of a build (when the PDF is switched on) from the
same HTML as the site, with WeasyPrint, tagged as PDF/UA-1. A sheet that does
not fit the number of pages it promises stops the build: print must never be
silently cut or spill over.
"""

from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import weasyprint
from markupsafe import Markup

from . import schedule, slides

MAX_RUN_SHEET_PAGES = 2


class PrintError(Exception):
    """A print PDF could not be made as promised."""


def render_pdf(html, site_dir):
    """PDF bytes and page count of a stand-alone HTML document."""
    document = weasyprint.HTML(string=html, base_url=f"{site_dir}/").render(
        pdf_variant="pdf/ua-1"
    )
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


def document(renderer, title, body, landscape=False, footer=True):
    """A stand-alone HTML page for print; `footer` adds the title and page numbers."""
    return renderer.render(
        "print_document.html", title=title, body=Markup(body), landscape=landscape,
        footer=f"K!X Works · {title}" if footer else "",
    )


def sheet_job(renderer, sheet):
    """(path, html, expected pages) for one worksheet or form."""
    html = document(renderer, sheet.title, renderer.worksheet(sheet),
                    landscape=sheet.data.get("liggend", False))
    return renderer.print_path(sheet.kind, sheet.id), html, sheet.data.get("paginas", 1)


def session_sheets_job(renderer, session):
    """(path, html, expected pages) for all worksheets of a session in one file."""
    sheets = [renderer.handbook.werkbladen[i] for i in session.data["werkbladen"]]
    body = "\n".join(renderer.worksheet(s) for s in sheets)
    html = document(renderer, f"Werkbladen {session.title}", body)
    pages = sum(s.data.get("paginas", 1) for s in sheets)
    return renderer.print_path("werkbladen", session.id), html, pages


def run_sheet_job(renderer, session):
    """(path, html, None) for the printed run sheet of a session."""
    body = renderer.render(
        "print_runsheet.html", data=session.data,
        rows=schedule.run_sheet(session.data, renderer.settings.begintijd),
    )
    html = document(renderer, f"Draaiboek {session.title}", body, landscape=True)
    return renderer.print_path("draaiboek", session.id), html, None


def write_prints(renderer, site_dir):
    """Write every print PDF into site_dir; raise PrintError if one falls short."""
    handbook = renderer.handbook
    jobs = [sheet_job(renderer, s) for s in handbook.sheets]
    jobs += [run_sheet_job(renderer, s) for s in handbook.sessions]
    jobs += [session_sheets_job(renderer, s) for s in handbook.sessions if s.data["werkbladen"]]
    jobs += [
        (renderer.print_path("formulier", "presentielijst"),
         document(renderer, "Presentielijst", renderer.attendance_list(), landscape=True), 1),
        (renderer.print_path("formulier", "certificaat"),
         document(renderer, "Certificaat", renderer.certificate(), landscape=True,
                  footer=False), 1),
    ]

    decks, problems = slides.decks(renderer)  # slide text too hard or too long
    deck_jobs = [slides.pdf_job(renderer, deck) for deck in decks]

    site_dir = Path(site_dir)
    with ProcessPoolExecutor(max_workers=2) as pool:
        pending = pool.map(partial(render_pdf, site_dir=site_dir),
                           [j[1] for j in jobs + deck_jobs])
        slides.write_pptx_files(renderer, decks, site_dir)  # while the pool renders
        results = list(pending)

    problems += slides.write_pdfs(deck_jobs, results[len(jobs):], site_dir)
    for (path, _, expected), (pdf, pages) in zip(jobs, results):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
        if expected is not None and pages != expected:
            problems.append(
                f"{path}: beslaat {pages} A4-pagina('s) in plaats van {expected}; maak het "
                "werkblad korter of zet 'paginas' op het juiste aantal"
            )
        if expected is None and pages > MAX_RUN_SHEET_PAGES:
            problems.append(
                f"{path}: het draaiboek beslaat {pages} A4-pagina's; hoogstens "
                f"{MAX_RUN_SHEET_PAGES} zijn toegestaan. Maak de teksten bij 'wat' korter"
            )
    if problems:
        raise PrintError("Printbestanden kloppen niet:\n" + "\n".join(f"  - {p}" for p in problems))

