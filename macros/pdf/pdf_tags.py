"""A faster PDF tag tree for WeasyPrint's tagged PDFs (PDF/UA-1).

While it builds the tag tree, WeasyPrint asks pydyf for the list of page
references once for every tagged box, and pydyf makes that list anew each time:
for the 520-page book that is 60,000 lists of 520 entries, about 8 seconds.
All pages exist by then, so during `add_tags` the list is made once.
Checked by the book's tests: tags, headings and bookmarks (tests/test_book.py).
"""

from functools import cached_property

import pydyf
import weasyprint.pdf

_add_tags = weasyprint.pdf.add_tags


class _AllPagesAdded(pydyf.PDF):
    @cached_property
    def page_references(self):
        return pydyf.PDF.page_references.fget(self)


def add_tags(pdf, *args, **kwargs):
    kind = pdf.__class__
    pdf.__class__ = _AllPagesAdded
    try:
        return _add_tags(pdf, *args, **kwargs)
    finally:
        pdf.__class__ = kind
        pdf.__dict__.pop("page_references", None)


def install():
    weasyprint.pdf.add_tags = add_tags
