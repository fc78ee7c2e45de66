"""The PDF handbook read as a reader would: type size, margins, empty pages, contents, run sheets.

Font sizes come from pypdf (macros/pdf/measure.py, shared with scripts/meet.py);
the place of every line on the page comes from poppler's `pdftotext -bbox-layout`.
"""

import re
import shutil
import statistics
import subprocess
from collections import Counter, defaultdict
from xml.etree import ElementTree

import pytest

from conftest import PDF_NAME
from macros.pdf.measure import MARGIN_BAND, MM, book_sizes

EDGE = 12 * MM  # the narrowest side margin in the book is 15 mm (sheets as printed)
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="session")
def sizes(pdf):
    """Sizes of all characters of running text in the book, the cover left out."""
    return book_sizes(pdf)


@pytest.fixture(scope="session")
def pages(site):
    """Every page as poppler lays it out: width, height, its lines and its words, each as
    (x0, y0, x1, y1, text), y downwards."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) ontbreekt: installeer het met scripts/installeer.sh")
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(site / PDF_NAME), "-"],
                           capture_output=True, text=True, check=True).stdout
    result = []
    for page in ElementTree.fromstring(xhtml).iter(f"{XHTML}page"):
        lines = [(*place(line), " ".join(word.text or "" for word in line.iter(f"{XHTML}word")))
                 for line in page.iter(f"{XHTML}line")]
        words = [(*place(word), word.text or "") for word in page.iter(f"{XHTML}word")]
        result.append({"width": float(page.get("width")), "height": float(page.get("height")),
                       "lines": lines, "words": words})
    return result


def place(element):
    return [float(element.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")]


def body_lines(page):
    return [line for line in page["lines"] if MARGIN_BAND < line[1] and line[3] < page["height"] - MARGIN_BAND]


def header_text(page):
    """The running header: the lines that start in the top band."""
    return " ".join(line[4] for line in page["lines"] if line[1] < MARGIN_BAND)


def test_running_text_is_10_to_10_5_pt(sizes):
    median = statistics.median(sizes)
    assert 10 <= median <= 10.6, f"mediaan van de lopende tekst: {median} pt"


def test_little_text_is_smaller_than_9_pt(sizes):
    small = sum(1 for size in sizes if size < 9) / len(sizes)
    common = Counter(size for size in sizes if size < 9).most_common(3)
    assert small < 0.03, f"{small:.1%} van de tekens is kleiner dan 9 pt (vooral {common})"


def test_no_text_runs_into_the_page_edges(pages):
    offenders = []
    for number, page in enumerate(pages, start=1):
        for x0, y0, x1, y1, text in page["lines"]:
            if x0 < EDGE or x1 > page["width"] - EDGE or y0 < 0 or y1 > page["height"]:
                offenders.append(f"pagina {number}: {text[:40]!r} (x {x0 / MM:.0f}–{x1 / MM:.0f} mm)")
    assert not offenders, offenders[:10]


def test_no_near_empty_pages(pages):
    """A page with text holds more than three lines (the cover aside).

    Chapters start on a new page, so a chapter that ended with a line or two
    would leave such a page; the print style keeps a chapter's last blocks
    together (styles.scss, "never ends on a page of one to three lines").
    """
    near_empty = [f"pagina {number}: {header_text(page)!r}" for number, page in enumerate(pages, start=1)
                  if number > 1 and 0 < len(body_lines(page)) <= 3]
    assert not near_empty, f"bijna lege pagina's: {near_empty}"


def contents_range(pdf, pages):
    start = next(i for i, page in enumerate(pages[:10]) if any(line[4] == "Inhoud" for line in body_lines(page)))
    first_part = min(pdf.get_destination_page_number(entry) for entry in pdf.outline if not isinstance(entry, list))
    return start, first_part


def test_contents_fit_on_six_pages_without_duplicates(pdf, pages):
    start, end = contents_range(pdf, pages)
    assert 0 < end - start <= 6, f"de inhoudsopgave beslaat {end - start} pagina's"
    entries = [line[4] for page in pages[start:end] for line in body_lines(page)
               if not re.fullmatch(r"\d+", line[4]) and line[4] != "Inhoud"]
    twice = [title for title, count in Counter(entries).items() if count > 1]
    assert len(entries) > 50 and not twice, f"dubbel in de inhoud: {twice}"


def test_contents_have_two_levels(pdf):
    """Bookmarks: parts, groups and chapters; the contents list parts and chapters."""
    depth = 0

    def walk(entries, level):
        nonlocal depth
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                depth = max(depth, level)

    walk(pdf.outline, 1)
    assert depth == 3


def test_each_run_sheet_takes_at_most_three_pages(pages):
    """Every page of a run sheet repeats the table head; the running header names the session."""
    run_sheet_pages = defaultdict(list)
    for number, page in enumerate(pages, start=1):
        if any("Wat gebeurt er" in line[4] for line in body_lines(page)):
            run_sheet_pages[header_text(page)].append(number)
    assert len(run_sheet_pages) >= 10, sorted(run_sheet_pages)
    too_long = {session: numbers for session, numbers in run_sheet_pages.items() if len(numbers) > 3}
    assert not too_long, too_long


def test_a_hand_over_is_never_the_last_row_of_a_page(pages):
    """"Overdracht: ..." belongs to the block after it, on the same page."""
    alone = [number for number, page in enumerate(pages, start=1)
             if body_lines(page) and max(body_lines(page), key=lambda line: line[3])[4].startswith("Overdracht:")]
    assert not alone, f"overdracht onderaan de pagina: {alone}"


def test_the_presentielijst_fits_on_one_page(pages):
    """Fifteen rows and all meetings on one landscape page, as the print file."""
    with_list = [number for number, page in enumerate(pages, start=1)
                 if any(line[4].startswith("Naam deelnemer") for line in page["lines"])]
    assert len(with_list) == 1, f"de presentielijst staat op de pagina's {with_list}"
    page = pages[with_list[0] - 1]
    assert page["width"] > page["height"] and any(line[4] == "15" for line in page["lines"])


def test_running_header_names_the_session(pages):
    headers = [header_text(page) for page in pages]
    assert any("Kick-off" in header for header in headers)
    assert not any(header.endswith("Kerntrainingen") for header in headers)


def test_cross_references_carry_page_numbers(pages):
    text = " ".join(line[4] for page in pages for line in page["lines"])
    assert len(re.findall(r", pagina \d+", text)) > 50


def test_cross_reference_page_numbers_are_right(pages, pdf):
    """Every "pagina N" / "(p. N)" inside a link names the page the link goes to.

    The numbers are written in after layout (macros/pdf/page_numbers.py), so here the
    PDF's own link targets are the judge: a link is read as the words inside its box.
    """
    suffix = re.compile(r"(?:pagina|\(p\.)\s+(\d+)\)?[.,;:]?$")
    named = pdf.named_destinations
    checked, wrong = 0, []
    for number, page in enumerate(pdf.pages, start=1):
        height = float(page.mediabox.height)
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            destination = annotation.get("/Dest")
            if annotation.get("/Subtype") != "/Link" or not isinstance(destination, str):
                continue
            x0, y0, x1, y1 = (float(value) for value in annotation["/Rect"])
            top, bottom = height - max(y0, y1), height - min(y0, y1)
            inside = " ".join(word[4] for word in pages[number - 1]["words"]
                              if x0 - 1 <= (word[0] + word[2]) / 2 <= x1 + 1
                              and top - 1 <= (word[1] + word[3]) / 2 <= bottom + 1)
            if match := suffix.search(inside):
                checked += 1
                target = pdf.get_destination_page_number(named[destination]) + 1
                if int(match.group(1)) != target:
                    wrong.append(f"pagina {number}: {inside!r} gaat naar pagina {target}")
    assert checked > 1000, f"maar {checked} verwijzingen met paginanummer gevonden"
    assert not wrong, f"verkeerde paginanummers: {wrong[:10]}"
