"""Page numbers for the book's cross-references, written in after layout.

WeasyPrint can print "zie Kick-off, pagina 59" itself (`target-counter`), but a
page that links to a later page is then laid out two more times. This book has
such links on about 370 of its 520 pages: 40% of the build went to that.

So the print styles give every cross-reference a place of three figure spaces
(PLACE): a figure space is as wide as a digit, and the digits of the book's font
all have the same width. The book is laid out once; then each place gets the
page number of its link's target. A shorter number frees some width: the rest of
its line moves left by that much. Text is set ragged right, so the line simply
ends a little earlier and nothing else moves.

The contents list keeps `target-counter`: it is a few pages, and its numbers are
aligned to the right.
"""

from urllib.parse import unquote

from mkdocs.exceptions import PluginError
from weasyprint.formatting_structure.boxes import InlineBox, LineBox, TextBox
from weasyprint.text.line_break import Layout, line_size

PLACE = "\u2007" * 3  # three figure spaces: $plek in styles.scss


class PageNumberError(PluginError):
    """A cross-reference that cannot get its page number (stops the build)."""


def fill_in(document):
    """Write the page number of each cross-reference's target into its place."""
    page_of = first_pages(document)
    for page in document.pages:
        for line in page._page_box.descendants(placeholders=True):
            if isinstance(line, LineBox):
                for path in places(line):
                    write_number([line, *path], number_for(path[-1], page_of))


def first_pages(document):
    """Anchor name -> the page number where it starts."""
    page_of = {}  # an element over several pages is an anchor on each page
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            page_of.setdefault(anchor, number)
    return page_of


def places(parent):
    """Paths [child, grandchild, ..., text box] to the text boxes on this line that hold PLACE."""
    for child in parent.children:
        if isinstance(child, TextBox) and PLACE in child.text:
            yield [child]
        elif isinstance(child, InlineBox):  # not into inline blocks: their lines are visited apart
            for path in places(child):
                yield [child, *path]


def number_for(box, page_of):
    href = box.element.get("href", "") if box.element is not None else ""
    number = page_of.get(unquote(href.removeprefix("#")))
    if number is None:
        raise PageNumberError(f"PDF-handboek: de verwijzing {href!r} ('{box.text.strip()}') wijst naar "
                              "een plek die niet in het boek staat; verwacht: een kop of pagina uit het boek.")
    if len(str(number)) > len(PLACE):
        raise PageNumberError(f"PDF-handboek: paginanummer {number} past niet in de ruimte van "
                              f"{len(PLACE)} cijfers (PLACE in macros/pdf/page_numbers.py).")
    return str(number)


def write_number(path, digits):
    """Put `digits` in the place of the text box at the end of `path` (which starts
    at its line); close up the line behind it."""
    box = path[-1]
    box.text = box.pango_layout.text = box.text.replace(PLACE, digits, 1)  # drawing reads pango_layout.text
    spare = (len(PLACE) - len(digits)) * figure_width(box.style)
    if not spare:
        return
    for parent, child in zip(path, path[1:]):
        child.width -= spare  # the boxes that hold the number get narrower...
        for later in parent.children[parent.children.index(child) + 1:]:
            later.translate(dx=-spare)  # ...and what follows them on the line moves left


_figure_widths = {}


def figure_width(style):
    """The width of one digit (or figure space) in this box's font."""
    font = (tuple(style["font_family"]), style["font_weight"], style["font_style"], style["font_size"])
    if font not in _figure_widths:
        layout = Layout(style)
        layout.set_text("\u2007")
        line, _ = layout.get_first_line()
        _figure_widths[font] = line_size(line, style)[0]
    return _figure_widths[font]
