"""The real build: the site and the PDF handbook, as a reader meets them."""

import re
import shutil

import pytest
from mkdocs.config import load_config

from conftest import ROOT, build


def nav_pages(items=None):
    """(title or None, docs path) of every page in the nav, in order."""
    if items is None:
        items = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    for item in items:
        if isinstance(item, str):
            yield None, item
            continue
        (title, value), = item.items()
        if isinstance(value, list):
            yield from nav_pages(value)
        else:
            yield title, value


def page_title(site, src):
    html = (site / src.replace(".md", ".html")).read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert h1, f"{src} heeft geen <h1>"
    return re.sub(r"<[^>]+>", "", h1.group(1)).replace("#", "").strip()


def flatten_outline(reader, outline=None, depth=1):
    for entry in reader.outline if outline is None else outline:
        if isinstance(entry, list):
            yield from flatten_outline(reader, entry, depth + 1)
        else:
            yield depth, entry.title, reader.get_destination_page_number(entry)


def test_every_nav_page_is_built_with_a_title(site):
    pages = list(nav_pages())
    assert len(pages) > 100
    for _, src in pages:
        assert (site / src.replace(".md", ".html")).is_file(), src
        assert page_title(site, src)


def test_pdf_is_tagged_and_dutch(pdf):
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).lower().startswith("nl")


def test_pdf_embeds_only_the_chosen_fonts(pdf):
    fonts = set()
    for page in pdf.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
    assert fonts and all(f.startswith(("Noto-Sans", "DejaVu-Sans-Mono")) for f in fonts), fonts


def test_pdf_cover_shows_title_and_edition(pdf_pages_text):
    cover = pdf_pages_text[0]
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "K!X Works" in cover
    assert f"Uitgave {config['extra']['uitgave']['versie']}" in cover
    assert "geen officiële uitgave van Movisie" in normalise(cover)


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def test_every_nav_page_title_is_in_the_pdf(site, pdf_pages_text):
    text = normalise(" ".join(pdf_pages_text))
    missing = [src for _, src in nav_pages() if normalise(page_title(site, src)) not in text]
    assert not missing, f"niet in de PDF: {missing}"


def test_bookmarks_follow_the_nav_three_levels(site, pdf):
    outline = list(flatten_outline(pdf))
    titles = {normalise(title) for _, title, _ in outline}
    missing = [src for _, src in nav_pages() if normalise(page_title(site, src)) not in titles]
    assert not missing, f"geen bladwijzer voor: {missing}"
    assert max(depth for depth, _, _ in outline) >= 3


def test_printed_contents_agree_with_real_page_numbers(pdf, pdf_pages_text):
    contents_pages = [i for i, t in enumerate(pdf_pages_text[:15]) if "Inhoud" in t.splitlines()]
    assert contents_pages, "geen inhoudsopgave gevonden"
    first = contents_pages[0]
    contents = "\n".join(pdf_pages_text[first:first + 6])
    # The numbers float right; text extraction may list them apart from the titles.
    numbers = set(re.findall(r"^(\d+)\s*$|(\d+)$", contents, re.M))
    numbers = {a or b for a, b in numbers}
    checked = 0
    for depth, title, page_index in flatten_outline(pdf):
        if depth != 1:
            continue
        assert normalise(title) in normalise(contents), f"'{title}' staat niet in de inhoudsopgave"
        assert str(page_index + 1) in numbers, f"'{title}': paginanummer {page_index + 1} ontbreekt"
        checked += 1
    assert checked >= 8


def test_footer_page_numbers_run_on(pdf_pages_text):
    total = len(pdf_pages_text)
    for number, text in enumerate(pdf_pages_text[1:], start=2):
        assert f"Pagina {number} van {total}" in normalise(text), f"pagina {number}"


EXTERNAL = re.compile(r"""(?:src|srcset|data)\s*=\s*["']\s*(?:https?:)?//|<link[^>]+href\s*=\s*["']\s*(?:https?:)?//|<iframe|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:url\()?\s*["']?(?:https?:)?//""", re.I)


def test_no_built_file_loads_anything_from_another_host(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix in {".html", ".css"}:
            for match in EXTERNAL.finditer(path.read_text(encoding="utf-8", errors="replace")):
                offenders.append(f"{path.relative_to(site)}: {match.group(0)}")
    assert not offenders, offenders[:10]


def build_with_line(tmp_path, page, line):
    """Build a copy of the handbook (without PDF) after adding `line` to one page."""
    copy = tmp_path / "handboek"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "site*", "__pycache__"))
    path = copy / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return build(config=copy / "mkdocs.yml", site_dir=tmp_path / "site", pdf=False, cwd=copy)


@pytest.mark.parametrize("page, line, name", [
    ("over/index.md", "{{ bestaat_niet() }}", "bestaat_niet"),           # unknown macro
    ("traject/index.md", "{{ onbekende_variabele }}", "onbekende_variabele"),  # undefined variable
])
def test_bad_macro_fails_the_build_and_names_the_page(tmp_path, page, line, name):
    result = build_with_line(tmp_path, page, line)
    assert result.returncode != 0
    assert page in result.stderr
    assert name in result.stderr
