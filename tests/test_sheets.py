"""Worksheets, forms, the certificate and the printed run sheets, read from the
PDFs as a trainer prints them (issue 16) and as a screen reader meets them
(tags, bookmarks; issue 15)."""

import re
import subprocess
import sys

import pytest
from mkdocs.config import load_config
from pypdf import PdfReader

from conftest import ROOT
from macros import make_renderer, pictograms, prints, sheets
from macros.content import load

FIVE_NAMES = ["Özlem Yıldız", "Nguyễn Thị Hoa", "Zoë de Vries", "محمد العلي", "Mohammed"]


@pytest.fixture(scope="module")
def handbook():
    return load(ROOT / "docs")


@pytest.fixture(scope="module")
def edition():
    """A renderer for the example edition (editie-voorbeeldstad.yml)."""
    renderer = make_renderer(load_config(str(ROOT / "editie-voorbeeldstad.yml")))
    renderer.set_page("index.md")
    return renderer


def text(reader):
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def structure(reader):
    """Every element of the tag tree: (tag, dictionary)."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if "/S" in node:
                found.append((str(node["/S"]), node))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)
        elif isinstance(node, list):
            for kid in node:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def sheet_pdfs(site, handbook):
    return [(s, PdfReader(site / "pdf" / f"{s.kind}-{s.id}.pdf")) for s in handbook.sheets]


# --- every sheet fits its pages ---------------------------------------------------


def test_every_sheet_and_bundle_has_exactly_its_sides(site, handbook):
    for sheet, reader in sheet_pdfs(site, handbook):
        assert len(reader.pages) == sheets.sides(sheet.data), sheet.id
    for session in handbook.sessions:
        if session.data["werkbladen"]:
            bundle = PdfReader(site / "pdf" / f"werkbladen-{session.id}.pdf")
            expected = sum(sheets.sides(handbook.werkbladen[i].data)
                           for i in session.data["werkbladen"])
            assert len(bundle.pages) == expected, session.id


def test_a_participant_sheet_has_a_name_field_on_every_page(site, handbook):
    for sheet, reader in sheet_pdfs(site, handbook):
        if sheet.data.get("naamveld", True):
            for number, page in enumerate(text(reader), start=1):
                assert "Naam:" in page, f"{sheet.id}, pagina {number}"


def test_a_sheet_that_spills_stops_the_build(handbook):
    sheet = handbook.werkbladen["reflectie-na-de-training"]
    promised = dict(sheet.data, paginas=2)
    pages, problem = prints.sheet_pages(type(sheet)(sheet.id, sheet.kind, sheet.src, promised, ""))
    assert pages == 1
    assert "docs/werkbladen/reflectie-na-de-training.md" in problem and "nieuwe_pagina" in problem


def test_a_nearly_empty_back_side_stops_the_build(edition):
    sheet = edition.handbook.werkbladen["reflectie-na-de-training"]
    parts = sheet.data["onderdelen"] + [{"nieuwe_pagina": True},
                                        {"vraag": "Wat neem je mee?", "regels": 1}]
    short = type(sheet)(sheet.id, sheet.kind, sheet.src, dict(sheet.data, onderdelen=parts,
                                                              paginas=2), "")
    path, html, pages, name = prints.sheet_job(edition, short)
    _, rendered, fills = prints.render_pdf(html, ROOT / "docs")
    assert rendered == pages == 2 and fills[0][1] and not fills[1][1]  # the title on side 1
    [problem] = prints.back_side_problems(path, name, fills)
    assert problem.startswith("pdf/werkblad-reflectie-na-de-training.pdf: kant 2 van 'Wat heb ik "
                              "vandaag geleerd?' (docs/werkbladen/reflectie-na-de-training.md) is "
                              "bijna leeg")
    assert "nieuwe_pagina" in problem and fills[1][0] < prints.MIN_BACK_SIDE


# --- tags: headings, bookmarks, pictograms as figures ------------------------------


def test_sheet_and_form_pdfs_have_a_heading_and_an_outline(site, handbook):
    files = [f"{s.kind}-{s.id}.pdf" for s in handbook.sheets]
    files += ["formulier-presentielijst.pdf", "formulier-certificaat.pdf"]
    for name in files:
        reader = PdfReader(site / "pdf" / name)
        assert any(tag == "/H1" for tag, _ in structure(reader)), name
        assert reader.outline, name
    for session in handbook.sessions:
        if session.data["werkbladen"]:
            bundle = PdfReader(site / "pdf" / f"werkbladen-{session.id}.pdf")
            titles = [item.title for item in bundle.outline]
            assert titles == [handbook.werkbladen[i].title for i in session.data["werkbladen"]]


def test_pictograms_are_tagged_figures_with_alternative_text(site, handbook):
    alt_texts = set(pictograms.PICTOGRAMS.values())
    for sheet, reader in sheet_pdfs(site, handbook):
        figures = [node for tag, node in structure(reader) if tag == "/Figure"]
        assert all(str(node.get("/Alt", "")).strip() for node in figures), sheet.id
        if sheet.data.get("voor", "deelnemer") == "deelnemer":
            assert any(str(node["/Alt"]) in alt_texts for node in figures), sheet.id


def test_every_pictogram_has_a_file_and_an_alt_text():
    files = {p.stem for p in pictograms.FOLDER.glob("*.svg")}
    assert files == set(pictograms.PICTOGRAMS)
    readme = (pictograms.FOLDER / "README.txt").read_text(encoding="utf-8")
    assert "Apache License 2.0" in readme
    for name in pictograms.PICTOGRAMS:
        assert re.search(rf"^{name} ", readme, re.M), name
        assert pictograms.paths(name)
    with pytest.raises(pictograms.PictogramError, match="bestaat niet"):
        pictograms.pictogram("dansen")


def test_print_pdfs_never_link_to_the_build_machine(site):
    for path in sorted((site / "pdf").glob("*.pdf")):
        assert b"file://" not in path.read_bytes(), path.name


# --- forms ---------------------------------------------------------------------------


def test_the_evaluation_form_asks_no_name(site):
    page = text(PdfReader(site / "pdf" / "formulier-evaluatie-deelnemers.pdf"))
    assert len(page) == 1
    assert "Naam:" not in page[0] and "Je hoeft je naam niet" in page[0]


def test_consent_items_and_signatures_are_on_one_page(site, handbook):
    form = handbook.formulieren["toestemmingsformulier"].data
    pages = text(PdfReader(site / "pdf" / "formulier-toestemmingsformulier.pdf"))
    assert len(pages) == 1
    page = pages[0]
    items = next(p["punten"] for p in form["onderdelen"] if "janee" in p)
    for item in items:
        assert item in page
    assert "Handtekening deelnemer" in page and "Handtekening trainer" in page
    assert page.count("Naam:") == 1 and "Datum:" in page
    assert "{{" not in page and "tot de terugkomdag" in page  # the facts from methode.yml


def test_intake_form_asks_name_and_date_once_and_refers_to_nothing_missing(site):
    pages = text(PdfReader(site / "pdf" / "formulier-intakeformulier.pdf"))
    whole = " ".join(pages)
    assert whole.count("Datum:") == 1
    assert "leidraad" not in whole
    assert all("Naam:" in page for page in pages)


def test_presentielijst_has_wide_names_dates_initials_and_totals(site, edition):
    reader = PdfReader(site / "pdf" / "formulier-presentielijst.pdf")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    page = text(reader)[0]
    for label in ("Naam deelnemer", "Datum", "Paraaf trainer", "Aantal aanwezig", "Totaal"):
        assert label in page
    html = edition.attendance_list()
    assert 'data-veld="datum-kick-off">20-04<' in html


# --- the certificate ---------------------------------------------------------------


def empty_values(page):
    """Places where a value is missing: 'periode .', ', .', a dangling 'op .'."""
    return re.findall(r"\b(?:periode|in|op|van|tot)\s*[.,]|\s[.,]\s", page)


def test_the_generated_certificate_has_no_empty_value(site):
    page = text(PdfReader(site / "pdf" / "formulier-certificaat.pdf"))[0]
    assert not empty_values(page), page
    assert "Certificaat" in page and "naam van de deelnemer" in page
    assert "Uitgereikt in" in page and "Hoofdtrainer" in page


def test_the_certificate_of_an_edition_is_filled_in(edition, tmp_path):
    html = prints.document(edition, "Certificaat", edition.certificate(in_print=True),
                           landscape=True, footer=False)
    pdf, pages, _ = prints.render_pdf(html, ROOT / "docs")
    (tmp_path / "c.pdf").write_bytes(pdf)
    page = text(PdfReader(tmp_path / "c.pdf"))[0]
    assert pages == 1 and not empty_values(page), page
    assert "van 20 april 2027 tot" in page and "Uitgereikt in Voorbeeldstad op" in page
    settings = edition.edition.certificaat
    assert settings["hoofdtrainer"] in page and settings["co-trainer"] in page
    figures = [str(node.get("/Alt")) for tag, node in structure(PdfReader(tmp_path / "c.pdf"))
               if tag == "/Figure"]
    assert "Logo van de gemeente of partner" in figures


def glyph_problems(path, names):
    """Characters of `names` not drawn by an embedded font that has a real glyph
    for them (gid 0 is the missing-glyph box)."""
    page = PdfReader(path).pages[0]
    covered = set()
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        descendant = font.get("/DescendantFonts")
        described = (descendant[0].get_object() if descendant else font)["/FontDescriptor"]
        if not any(key in described.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            continue
        cmap = font["/ToUnicode"].get_object().get_data().decode()
        for gid, code in re.findall(r"<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>", cmap):
            if int(gid, 16) and len(code) % 4 == 0:
                covered.update(chr(int(code[i:i + 4], 16)) for i in range(0, len(code), 4))
    return sorted({c for name in names for c in name if not c.isspace()} - covered)


def run_certificates(tmp_path, lines, encoding="utf-8", *extra):
    names = tmp_path / "namen.csv"
    names.write_bytes("\r\n".join(lines).encode(encoding))
    out = tmp_path / "uit"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "certificaten.py"), str(names), "--uit", str(out),
         *extra], capture_output=True, text=True, cwd=tmp_path,
    )
    return result, out


@pytest.mark.build  # renders PDFs with WeasyPrint: seconds each
def test_certificates_print_every_letter_of_five_names(tmp_path):
    result, out = run_certificates(tmp_path, ["naam", *FIVE_NAMES, "Zoe de Vries"])
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in out.glob("*.pdf"))
    assert files == sorted(["ozlem-yildiz.pdf", "nguyen-thi-hoa.pdf", "zoe-de-vries.pdf",
                            "certificaat-04.pdf", "mohammed.pdf", "zoe-de-vries-2.pdf"])
    assert "6 certificaten" in result.stdout
    for name, file_name in zip(FIVE_NAMES, ["ozlem-yildiz", "nguyen-thi-hoa", "zoe-de-vries",
                                            "certificaat-04", "mohammed"]):
        path = out / f"{file_name}.pdf"
        assert glyph_problems(path, [name]) == [], name
        assert name.split()[0] in (PdfReader(path).pages[0].extract_text() or "") or \
            file_name == "certificaat-04"


@pytest.mark.build  # renders PDFs with WeasyPrint: seconds each
def test_certificates_read_what_spreadsheets_save(tmp_path):
    result, out = run_certificates(tmp_path, ["Naam;Groep", "José Müller;1", ";", "Ana Søren;2"],
                                   "cp1252")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.pdf")) == ["ana-soren.pdf", "jose-muller.pdf"]
    bad, _ = run_certificates(tmp_path, ["name", "Ana"])
    assert bad.returncode != 0 and "de eerste regel moet de kop 'naam' zijn" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_participant_names_stay_out_of_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "namen*.csv" in ignored and "certificaten/" in ignored


# --- run sheets ------------------------------------------------------------------------


def bold_runs(page):
    """(text, font name, size in pt) of every run of text on a page."""
    runs = []

    def visitor(text, cm, tm, font, size):
        if text.strip() and font is not None:  # WeasyPrint sets sizes in CSS px
            runs.append((text.strip(), str(font.get("/BaseFont")), size * abs(tm[3] or 1) * 0.75))

    page.extract_text(visitor_text=visitor)
    return runs


def test_run_sheets_show_start_and_end_in_bold_and_the_session_on_every_page(site, handbook):
    for session in handbook.sessions:
        reader = PdfReader(site / "pdf" / f"draaiboek-{session.id}.pdf")
        assert len(reader.pages) <= prints.MAX_RUN_SHEET_PAGES
        for page in text(reader):
            assert session.title in page, session.id
        if session.data.get("groep") == "individueel":
            continue
        times = [r for r in bold_runs(reader.pages[0]) if re.match(r"\d\d:\d\d–\d\d:\d\d", r[0])]
        assert times, session.id
        assert all("Bold" in font and size >= 11 for _, font, size in times), times
        body = [r for r in bold_runs(reader.pages[0]) if not r[0].startswith(("K!X Works ·", "Pagina"))]
        assert min(size for _, _, size in body) >= 10.4, session.id


def test_the_run_sheet_of_an_edition_shows_the_date(edition):
    session = edition.handbook.items["sessie"]["kick-off"]
    _, html, _, _ = prints.run_sheet_job(edition, session)
    assert "dinsdag 20 april 2027" in html
    assert "file://" not in html and "<a " not in html  # no site_url: plain text


def test_run_sheet_links_go_to_the_published_site(edition):
    session = edition.handbook.items["sessie"]["kick-off"]
    _, html, _, _ = prints.run_sheet_job(edition, session, "https://example.org/kix/")
    assert 'href="https://example.org/kix/werkvormen/' in html
