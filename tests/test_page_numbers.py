"""Cross-reference page numbers written in after layout (macros/pdf/page_numbers.py), on a small book."""

import subprocess

import pytest
import weasyprint

from macros.pdf import page_numbers

STYLE = """<style>
  @page { size: A6; }
  body { font-family: 'Noto Sans', sans-serif; font-size: 10pt; }
  h1 { break-before: page; }
  a.verwijzing::after { content: ", pagina\\a0\\2007\\2007\\2007"; }
</style>"""


def render(body):
    document = weasyprint.HTML(string=f"<html lang='nl'><head>{STYLE}</head><body>{body}</body></html>").render()
    page_numbers.fill_in(document)
    return document


def text_of(document):
    pdf = document.write_pdf()
    return subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_the_number_is_the_target_page_and_the_line_closes_up():
    chapters = "".join(f"<h1 id='h{n}'>Hoofdstuk {n}</h1><p>Tekst.</p>" for n in range(2, 13))
    document = render("<p>Zie <a class='verwijzing' href='#h3'>drie</a>, daarna "
                      "<a class='verwijzing' href='#h12'>twaalf</a> en verder.</p>" + chapters)
    assert len(document.pages) == 12
    text = " ".join(text_of(document).split())
    assert "Zie drie, pagina 3, daarna twaalf, pagina 12 en verder." in text


def test_a_link_to_a_place_outside_the_book_stops_the_build():
    with pytest.raises(page_numbers.PageNumberError, match="'#nergens'.*niet in het boek"):
        render("<p>Zie <a class='verwijzing' href='#nergens'>ergens</a>.</p>")
