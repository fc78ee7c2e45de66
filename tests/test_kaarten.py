"""Card sets and worksheets that sessions and werkvormen name exist as print files.

A session or werkvorm names a card set or worksheet by linking to its page
(docs/kaarten/<naam>.md, docs/werkbladen/<naam>.md). Every such link must lead
to a set or sheet that the build prints, and every card set's PDF must hold
all its cards, cut into the promised number of A4 pages.
"""

import math
import re
import textwrap
from pathlib import Path

import pytest

from macros import cards
from macros.validation import ContentError

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CARD_SETS = cards.load(DOCS)
LINK = re.compile(r"\]\((?:\.\./)+(kaarten|werkbladen)/([a-z0-9-]+)\.md")


def named_prints():
    """(page, kind, name) for every card set or worksheet a session or werkvorm links to."""
    pages = sorted((DOCS / "traject").glob("*.md")) + sorted((DOCS / "werkvormen").rglob("*.md"))
    return sorted({(page.relative_to(DOCS).as_posix(), kind, name)
                   for page in pages
                   for kind, name in LINK.findall(page.read_text(encoding="utf-8"))})


def pdf_text(path):
    from pypdf import PdfReader

    reader = PdfReader(path)
    return len(reader.pages), " ".join(p.extract_text() or "" for p in reader.pages)


def test_sessions_name_card_sets():
    """The sessions and werkvormen that use cards link to them (else nobody finds them)."""
    linked = {name for _, kind, name in named_prints() if kind == "kaarten"}
    assert linked == set(CARD_SETS), f"niet gelinkt: {set(CARD_SETS) - linked}"


@pytest.mark.parametrize("page,kind,name", named_prints())
def test_named_print_file_exists(site, page, kind, name):
    prefix = {"kaarten": "kaarten", "werkbladen": "werkblad"}[kind]
    assert (site / "pdf" / f"{prefix}-{name}.pdf").is_file(), (
        f"docs/{page} noemt {kind}/{name}, maar site/pdf/{prefix}-{name}.pdf bestaat niet"
    )


@pytest.mark.parametrize("name", sorted(CARD_SETS))
def test_card_pdf_holds_every_card(site, name):
    card_set = CARD_SETS[name]
    pages, text = pdf_text(site / "pdf" / f"kaarten-{name}.pdf")
    per_page = card_set.data.get("per_pagina", 8)
    assert pages == math.ceil(len(card_set.cards) / per_page)
    flat = " ".join(text.split())
    for card in card_set.data["kaarten"]:
        assert " ".join(card["titel"].split()) in flat, f"{name}: kaart '{card['titel']}' ontbreekt"


def test_card_page_says_how_many_to_print(site):
    html = (site / "kaarten" / "kwaliteiten.html").read_text(encoding="utf-8")
    assert "print 5 sets voor een groep van 15" in html
    assert "Kerntraining 1" in html  # where it is used, derived from the links


def write_set(tmp_path, body):
    folder = tmp_path / "kaarten"
    folder.mkdir()
    (folder / "proef.md").write_text(textwrap.dedent(body), encoding="utf-8")
    return tmp_path


def test_colour_without_sign_is_refused(tmp_path):
    docs = write_set(tmp_path, """\
        ---
        kaarten:
          titel: Proef
          doel: Een set om de controle te testen.
          per: deelnemer
          aantal: 1
          kaarten:
            - {titel: Goed, kleur: groen, tekst: Ik snap het.}
        ---
        """)
    with pytest.raises(ContentError, match=r"docs/kaarten/proef.md.*kleur maar geen teken"):
        cards.load(docs)


def test_hard_card_text_is_refused(tmp_path):
    docs = write_set(tmp_path, """\
        ---
        kaarten:
          titel: Proef
          doel: Een set om de controle te testen.
          per: drietal
          aantal: 1
          kaarten:
            - titel: Moeilijk
              tekst: Gedurende de voorafgaande overeenkomstige werkzaamheden onderscheidde de organisatorische verantwoordelijkheid zich uitdrukkelijk.
        ---
        """)
    with pytest.raises(ContentError, match="te moeilijk voor A2"):
        cards.load(docs)


def test_unknown_field_is_named(tmp_path):
    docs = write_set(tmp_path, """\
        ---
        kaarten:
          titel: Proef
          doel: Een set om de controle te testen.
          per: drietal
          aantal: 1
          kaarten:
            - {titel: Goed, uitleg: Tikfout in de veldnaam.}
        ---
        """)
    with pytest.raises(ContentError, match=r"onbekend veld 'kaarten.kaarten\[1\].uitleg'"):
        cards.load(docs)
