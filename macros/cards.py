"""Card sets that trainers print on A4 and cut: docs/kaarten/<naam>.md.

A card set is a page whose `kaarten:` header lists the cards (checked by
macros/schemas/kaarten.yml). From that one header the build makes the page
(what the set is for, where it is used, how many to print, the cards on
screen) and a print PDF, site/pdf/kaarten-<naam>.pdf, with cut lines.
Sessions and werkvormen name a set by linking to its page; those links are
how a page knows where the set is used.
"""

import math
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from .readability import as_sentences, problem
from .validation import ContentError, problems_in

FOLDER = "kaarten"
LAYOUT = {8: (2, 4), 4: (2, 2), 2: (1, 2)}  # cards per page: (columns, rows)


@dataclass
class CardSet:
    id: str
    src: str  # relative to docs/
    data: dict

    @property
    def title(self):
        return self.data["titel"]

    @property
    def cards(self):
        return self.data["kaarten"] + [{"titel": ""}] * self.data.get("lege_kaarten", 0)

    def pages(self):
        """The cards in groups that fill one A4 each."""
        size = self.data.get("per_pagina", 8)
        cards = self.cards
        return [cards[i:i + size] for i in range(0, len(cards), size)]


def set_name(src):
    """The card set a page at docs/<src> would hold, or None outside docs/kaarten/."""
    folder, _, name = src.rpartition("/")
    return name[: -len(".md")] if folder == FOLDER and name.endswith(".md") else None


# --- loading and checking ---------------------------------------------------

def load(docs_dir):
    """All card sets in docs/kaarten/, checked; raise ContentError on any problem."""
    sets, problems = {}, []
    for path in sorted((Path(docs_dir) / FOLDER).glob("*.md")):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        if "kaarten" not in meta:
            continue
        src = path.relative_to(docs_dir).as_posix()
        card_set = CardSet(id=path.stem, src=src, data=meta["kaarten"])
        found = problems_in(card_set.data, "kaarten", f"docs/{src}")
        problems += found or card_problems(card_set)
        sets[card_set.id] = card_set
    if problems:
        raise ContentError(problems)
    return sets


def card_problems(card_set):
    """Colour never carries meaning alone, and what a participant reads is A2."""
    where = f"docs/{card_set.src}"
    found = [
        f"{where}: veld 'kaarten.kaarten[{number}]' heeft een kleur maar geen teken; "
        "verwacht ook 'teken' (plus, golf, min of vraag), zodat de kaart ook in grijs te lezen is"
        for number, card in enumerate(card_set.data["kaarten"], start=1)
        if card.get("kleur") and not card.get("teken")
    ]
    fragments = [text for card in card_set.data["kaarten"]
                 for text in [card.get("tekst")] + card.get("vakjes", []) if text]
    a2 = problem(where, as_sentences(fragments)) if fragments else None
    return found + ([a2] if a2 else [])


# --- where a set is used ----------------------------------------------------

def used_in(card_set, handbook, docs_dir):
    """The sessions and werkvormen whose page links to the card set."""
    link = re.compile(rf"(?:\.\./)+kaarten/{re.escape(card_set.id)}\.md")
    items = handbook.sessions + list(handbook.werkvormen.values())
    return [item for item in items
            if link.search((Path(docs_dir) / item.src).read_text(encoding="utf-8"))]


def print_count(card_set, settings):
    """How many sets to print for one group: the group size decides it."""
    per, count = card_set.data["per"], card_set.data["aantal"]
    units = {"deelnemer": settings.groepsgrootte + settings.reserve,
             "tweetal": math.ceil(settings.groepsgrootte / 2),
             "drietal": math.ceil(settings.groepsgrootte / 3),
             "viertal": math.ceil(settings.groepsgrootte / 4)}
    return units.get(per, 1) * count


# --- rendering ----------------------------------------------------------------

def page_parts(renderer, card_set, users):
    """(top, bottom) of a card set's page: Markdown with HTML blocks."""
    top = renderer.render("cards_top.md", data=card_set.data, users=users,
                          prints=print_count(card_set, renderer.settings),
                          pdf=renderer.url(pdf_path(renderer, card_set)))
    return top, renderer.render("cards_bottom.md", data=card_set.data)


def overview(renderer, card_sets):
    """The table of all card sets, for docs/kaarten/index.md."""
    rows = [(s, print_count(s, renderer.settings)) for s in card_sets.values()]
    return renderer.render("cards_overview.html", rows=rows)


def pdf_path(renderer, card_set):
    return renderer.print_path(FOLDER, card_set.id)


def print_html(renderer, card_set):
    """The stand-alone A4 document with every card and cut lines."""
    columns, rows = LAYOUT[card_set.data.get("per_pagina", 8)]
    return renderer.render("cards.html", kaartenset=card_set, data=card_set.data,
                           columns=columns, rows=rows)
