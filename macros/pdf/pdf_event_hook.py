"""Build glue for the PDF handbook (an MkDocs hook, see `hooks:` in mkdocs.yml).

This one file serves two masters:

* MkDocs loads it as a hook. `on_startup` switches the PDF on for
  `mkdocs build` and off for `mkdocs serve` (set KIX_PDF=1 to preview with
  the PDF, or KIX_PDF=0 to build without it).
* mkdocs-to-pdf imports a module named `pdf_event_hook` from sys.path and
  calls its `pre_pdf_render` just before WeasyPrint renders the book. That
  hook also hands the plugin `BookHTML`, which writes the page numbers of
  cross-references after layout (page_numbers.py, beside this file).
* As the last step of a build, `on_post_build` waits for the print PDFs that
  the macros started before the book, so that both use the machine's cores.
  `on_startup` puts this folder (macros/pdf/, which holds only the PDF glue:
  this file, the cover, the contents, the print styles) on sys.path so it is found.

mkdocs-to-pdf joins the pages in nav order: a nav section becomes an
<article> (top level) or <section> (deeper) with the section title as its
first heading, and every heading below it is shifted one level per depth.
`pre_pdf_render` turns that into a book with a fixed structure, whatever the
depth in the nav:

* part (top-level nav item): h1, starts on a new page with its own contents
  list ("In dit deel"); a part's index page with the same title is its
  introduction and loses its duplicate title;
* group (a nav section inside a part, e.g. Kerntrainingen): h2 title;
* chapter (a page): h2 title, always on a new page; its own headings are h3
  and deeper.

The book's contents (two levels: parts and chapters) are made here too, from
the same headings, so they always match the bookmarks.
"""

import gc
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import jinja2
import mkdocs_to_pdf.generator
import weasyprint
from mkdocs.plugins import event_priority

PDF_SWITCH = "KIX_PDF"
FOLDER = Path(__file__).resolve().parent
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# Pages that stay on the site: the book keeps only their introduction
# (the text before the first subheading) and points to the site for the rest.
SHORT_IN_PRINT = {"/bijdragen/"}


def on_startup(command, dirty):
    # A build makes millions of small objects that live until its end; with
    # Python's default (a collection every 700 new objects) the collector costs
    # more than a tenth of the build.
    gc.set_threshold(50_000, 20, 20)
    os.environ.setdefault(PDF_SWITCH, "0" if command == "serve" else "1")
    folder = str(FOLDER)
    if folder not in sys.path:
        sys.path.append(folder)


@event_priority(-100)  # after every plugin: mkdocs-to-pdf has written the book by now
def on_post_build(config):
    """Wait for the print PDFs, which were rendered in the background while the book
    was laid out (macros/__init__.py starts them), and check them."""
    import macros  # the module mkdocs-macros loaded (module_name: macros)

    macros.finish_print_files(config)


def pre_pdf_render(soup, logger):
    """Prepare the combined handbook HTML for print."""
    # Tagged PDF (PDF/UA-1): WeasyPrint reads its defaults when rendering, and
    # the plugin offers no other way to pass render options.
    weasyprint.DEFAULT_OPTIONS["pdf_variant"] = "pdf/ua-1"
    # The plugin renders with HTML(string=...).render() right after this hook and
    # has no step between layout and writing: give it our HTML, which has one.
    mkdocs_to_pdf.generator.HTML = BookHTML
    soup.html["lang"] = "nl"
    # Boxes that only make sense on screen (print buttons, trainer notes above a sheet).
    # Download links themselves are already gone: they carry Material's class for
    # page actions (md-content__button), which mkdocs-to-pdf leaves out.
    for element in soup.select(".kix-alleen-web"):
        element.decompose()
    parts = [structure_part(soup, article) for article in soup.body.find_all("article", recursive=False)
             if article.get("id") not in ("doc-cover", "doc-toc")]
    for part in parts:
        add_part_contents(soup, part)
    replace_contents(soup, parts)
    keep_caption_heading_with_table(soup)
    drop_empty_columns(soup)
    repair_links(soup)
    material_css_for_the_book(soup)
    return soup


def material_css_for_the_book(soup):
    """Material's stylesheet styles every feature Material has, and WeasyPrint matches
    each of its rules against each element of the book. The book gets only the rules
    for the classes it holds, trimmed as the site's copy is (macros/page_weight.py),
    inline: the stylesheet's only url()s are data: URIs."""
    from macros import page_weight  # the module mkdocs-macros loaded, so on sys.path

    link = next(link for link in soup.find_all("link", rel="stylesheet")
                if re.search(r"/main\.[0-9a-f]+\.min\.css$", link["href"]))
    material = Path(urlparse(link["href"]).path)
    classes = {name for element in soup.find_all(class_=True) for name in element["class"]}
    others = "".join(Path(urlparse(other["href"]).path).read_text(encoding="utf-8")
                     for other in soup.find_all("link", rel="stylesheet") if other is not link)
    properties = page_weight.referenced_properties(others + str(soup))
    style = soup.new_tag("style")
    style.string = page_weight.purge_stylesheet(material.read_text(encoding="utf-8"), classes, properties)
    link.replace_with(style)


class BookHTML(weasyprint.HTML):
    """The book's HTML: after layout, the cross-references get their page numbers."""

    def render(self, *args, **kwargs):
        import page_numbers  # beside this file, on sys.path since on_startup
        import pdf_tags

        pdf_tags.install()  # the plugin writes the PDF after this: a faster tag tree

        # By now the build holds a few million objects (pages, the parsed book) that
        # live until the end. Freezing them keeps Python's garbage collector from
        # going through them again and again while WeasyPrint makes its own objects.
        gc.freeze()
        document = super().render(*args, **kwargs)
        page_numbers.fill_in(document)
        return document


# --- structure ----------------------------------------------------------------

def nav_children(container):
    """The nav pages and sections directly inside `container` (they carry data-url)."""
    return [c for c in container.find_all(["article", "section"], recursive=False) if c.has_attr("data-url")]


def own_headings(container):
    """Headings of `container` that are not inside one of its nav children."""
    return [h for h in container.find_all(HEADINGS)
            if h.find_parent(lambda tag: tag.has_attr("data-url")) is container]


def title_of(heading):
    return re.sub(r"\s+", " ", heading.get_text(" ", strip=True)) if heading else ""


def set_level(heading, level, kind=None):
    heading.name = f"h{min(level, 6)}"
    if kind:
        heading["class"] = heading.get("class", []) + [kind]


def shift_page(page, title_level):
    """Give a page's title `title_level` and its own headings h3 and deeper."""
    headings = own_headings(page)
    if not headings:
        return None
    title, rest = headings[0], headings[1:]
    base = int(title.name[1])
    set_level(title, title_level)
    for heading in rest:  # the page's own h2 becomes h3, whatever the page's depth
        set_level(heading, 2 + max(int(heading.name[1]) - base, 1))
    return title


def structure_part(soup, article):
    """One top-level nav item: a part with an introduction, groups and chapters."""
    article["class"] = article.get("class", []) + ["kix-boekdeel"]
    children = nav_children(article)
    if not children:  # a single page at the top level (Start): a part of one page
        title = shift_page(article, 1)
        shorten_for_print(soup, article)
        title["class"] = title.get("class", []) + ["kix-deeltitel"]
        return {"title": title, "element": article, "entries": []}
    title = own_headings(article)[0]
    set_level(title, 1, "kix-deeltitel")
    entries = []
    structure_children(soup, article, children, title, entries, in_group=False)
    if entries:
        title["class"].append("kix-met-inhoud")
        article["class"].append("kix-met-inhoud")
    return {"title": title, "element": article, "entries": entries}


def structure_children(soup, parent, children, parent_title, entries, in_group):
    for index, child in enumerate(children):
        grandchildren = nav_children(child)
        if grandchildren:  # a group
            heading = own_headings(child)[0]
            set_level(heading, 2, "kix-groeptitel")
            child["class"] = child.get("class", []) + ["kix-groep"]
            group_entries = []
            structure_children(soup, child, grandchildren, heading, group_entries, in_group=True)
            entries.append({"title": heading, "group": True, "children": group_entries})
            continue
        title = shift_page(child, 2)
        shorten_for_print(soup, child)
        if index == 0 and title is not None and title_of(title) == title_of(parent_title):
            # The index page of a part or group: its introduction, without the title again.
            title.decompose()
            child["class"] = child.get("class", []) + ["kix-inleiding"]
            continue
        child["class"] = child.get("class", []) + ["kix-hoofdstuk"]
        if title is None:
            continue
        title["class"] = title.get("class", []) + ["kix-hoofdstuktitel"] + (["kix-in-groep"] if in_group else [])
        mark_sheet_chapter(child, title)
        entries.append({"title": title, "group": False})
    if in_group and children and "kix-inleiding" not in children[0].get("class", []):
        # A group without an introduction: its first chapter shares the group's page.
        children[0]["class"] = children[0].get("class", []) + ["kix-direct"]
        if "kix-blad-eerst" in children[0]["class"]:
            # That chapter opens with a sheet: the group title, like the chapter
            # title, takes no room on the sheet's page (it would be alone on a page).
            parent_title["class"] = parent_title.get("class", []) + ["kix-titel-van-blad"]


def mark_sheet_chapter(chapter, title):
    """A chapter that holds a worksheet or form prints the sheet as it is handed out.

    When the sheet comes right after the title, the sheet's own header and title
    open the chapter (the chapter title stays for the bookmarks and the running
    header, but takes no room), on a page shaped like the sheet.
    """
    sheet = chapter.select_one(".kix-werkblad, .kix-formulier")
    if sheet is None:
        return
    chapter["class"].append("kix-met-blad")
    landscape = "kix-liggend" in sheet.get("class", [])
    first = title.find_next_sibling()
    if first is sheet or (first is not None and sheet in first.find_all(True)):
        chapter["class"].append("kix-blad-liggend" if landscape else "kix-blad-eerst")
        title["class"] = title.get("class", []) + ["kix-titel-van-blad"]
        return
    heading = sheet.find_previous_sibling()
    if heading is not None and heading.name in HEADINGS:
        # A heading right above the sheet ("Voorbeeld") goes to the sheet's page.
        heading["class"] = heading.get("class", []) + ["kix-kop-bij-blad"] + (["kix-liggend"] if landscape else [])


def shorten_for_print(soup, page):
    """Keep only the introduction of a page that stays on the site, and say so."""
    if not any(page.get("data-url", "").rstrip("/").endswith(url.rstrip("/")) for url in SHORT_IN_PRINT):
        return
    headings = own_headings(page)
    if len(headings) < 2:
        return
    first_sub = headings[1]
    container = first_sub.parent
    for sibling in list(first_sub.find_next_siblings()):
        sibling.decompose()
    first_sub.replace_with(parse(render("alleen_op_de_site.html", title=title_of(headings[0]))))


# --- contents -------------------------------------------------------------------

def anchor_of(heading, soup):
    if not heading.get("id"):
        heading["id"] = "kix-" + re.sub(r"[^a-z0-9]+", "-", title_of(heading).lower()) + f"-{id(heading)}"
    return heading["id"]


def contents_items(soup, part):
    items = []
    for entry in part["entries"]:
        items.append({"title": title_of(entry["title"]), "href": "#" + anchor_of(entry["title"], soup),
                      "group": entry["group"], "in_group": False})
        for child in entry.get("children", []):
            items.append({"title": title_of(child["title"]), "href": "#" + anchor_of(child["title"], soup),
                          "group": False, "in_group": True})
    return items


def add_part_contents(soup, part):
    """The part's own contents right under its title ("In dit deel")."""
    items = contents_items(soup, part)
    if not items:
        return
    part["title"].insert_after(parse(render("deel_inhoud.html", items=items)))


def replace_contents(soup, parts):
    """The book's contents: parts and their chapters, with page numbers."""
    toc = soup.find("article", id="doc-toc")
    entries = [{"title": title_of(p["title"]), "href": "#" + anchor_of(p["title"], soup),
                "items": contents_items(soup, p)} for p in parts]
    toc.replace_with(parse(render("inhoud.html", parts=entries)))


# --- details --------------------------------------------------------------------

def keep_caption_heading_with_table(soup):
    """A heading right before a run sheet travels with it to its page."""
    for block in soup.select(".kix-draaiboek"):
        previous = block.find_previous_sibling()
        if previous is not None and previous.name in HEADINGS:
            wrapper = soup.new_tag("div", attrs={"class": "kix-draaiboek-boek"})
            previous.insert_before(wrapper)
            wrapper.append(previous.extract())
            wrapper.append(block.extract())


def drop_empty_columns(soup):
    """A column of an overview that is empty on paper (the PDF and PowerPoint
    downloads, which mkdocs-to-pdf leaves out) leaves the table. Only overviews:
    the empty cells of a worksheet are there to write in."""
    for table in soup.select(".kix-overzicht table"):
        rows = table.select("tr")
        if not table.tbody or any(cell.has_attr("colspan") for cell in table.select("th, td")):
            continue
        body = [row.find_all(["th", "td"], recursive=False) for row in table.tbody.find_all("tr", recursive=False)]
        if not body or len({len(cells) for cells in body}) != 1:
            continue
        empty = [index for index in range(len(body[0]))
                 if all(not cells[index].get_text(strip=True) and not cells[index].find(["img", "svg"]) for cells in body)]
        for row in rows:
            cells = row.find_all(["th", "td"], recursive=False)
            for index in reversed(empty):
                if index < len(cells):
                    cells[index].decompose()


def repair_links(soup):
    """Links to parts of pages that are not in the book go to the page, or become text."""
    ids = {element["id"] for element in soup.find_all(id=True)}
    for link in soup.select('a[href^="#"]'):
        target = link["href"][1:]
        if target in ids:
            continue
        page = target.split(":")[0] + ":"
        if page in ids:
            link["href"] = "#" + page
        else:
            link.unwrap()


# --- templates ------------------------------------------------------------------

_templates = jinja2.Environment(loader=jinja2.FileSystemLoader(FOLDER), autoescape=True,
                                undefined=jinja2.StrictUndefined)


def render(name, **context):
    return _templates.get_template(name).render(**context)


def parse(html):
    from bs4 import BeautifulSoup

    fragment = BeautifulSoup(html, "html.parser")
    return next(element for element in fragment.contents if getattr(element, "name", None))


def inject_link(html, href, page, logger):
    """Leave pages as they are: our own templates link to the PDF (partials/actions.html)."""
    return html
