"""The PDF handbook measured as a reader meets it (used by tests/test_book.py and scripts/meet.py).

Font sizes are read with pypdf: the size a piece of text is drawn at, times
the scale of its text and drawing matrices. The running header and footer
(in the top and bottom 20 mm of a page) are left out.
"""

MM = 72 / 25.4
MARGIN_BAND = 20 * MM


def product(m, n):
    """Product of two PDF transformation matrices [a b c d e f]."""
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


def body_sizes(page):
    """Font size (pt, one decimal) of every character of running text on a pypdf page."""
    height = float(page.mediabox.height)
    sizes = []

    def visit(text, cm, tm, font, size):
        matrix = product(tm, cm)
        if text.strip() and MARGIN_BAND < matrix[5] < height - MARGIN_BAND:
            scale = (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5
            sizes.extend([round(size * scale, 1)] * len(text.strip()))

    page.extract_text(visitor_text=visit)
    return sizes


def book_sizes(reader):
    """Sizes of all characters of running text in the book, the cover left out."""
    return [size for page in reader.pages[1:] for size in body_sizes(page)]
