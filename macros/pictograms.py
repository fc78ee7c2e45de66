"""Action pictograms (docs/assets/pictogrammen/): small black icons that show what a
participant does in a task (read, write, talk, ...). Source and licence are in
docs/assets/pictogrammen/README.txt.

`pictogram(naam, alt)` returns the icon as inline SVG, so it prints without a
file reference; WeasyPrint tags an inline <svg> as a Figure with its <title> as
the alternative text. The names are stable: worksheets, slides, run sheets and
the card sets use them.
"""

import re
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

FOLDER = Path(__file__).parent.parent / "docs" / "assets" / "pictogrammen"

# name → default alternative text
PICTOGRAMS = {
    "lees": "Lezen",
    "schrijf": "Schrijven",
    "praat": "Praten",
    "luister": "Luisteren",
    "kijk": "Kijken",
    "samen": "Samen in de groep",
    "tweetal": "Met je maatje",
    "denk": "Denken",
    "teken": "Tekenen",
    "film": "Filmen",
    "kies": "Kiezen of aankruisen",
    "vraag": "Vragen",
    "doel": "Doel",
    "tijd": "Tijd",
    "pauze": "Pauze",
    "werk": "Werk",
    "netwerk": "Netwerk",
    "handtekening": "Tekenen voor akkoord",
}


class PictogramError(ValueError):
    """A pictogram name that does not exist."""


@cache
def paths(naam):
    """The <path> data of a pictogram (24 × 24 units)."""
    if naam not in PICTOGRAMS:
        raise PictogramError(
            f"pictogram '{naam}' bestaat niet; kies een van: {', '.join(PICTOGRAMS)}"
        )
    svg = (FOLDER / f"{naam}.svg").read_text(encoding="utf-8")
    return re.findall(r'<path d="([^"]+)"', svg)


def pictogram(naam, alt=None, size=None):
    """The pictogram `naam` as inline SVG with its alternative text (the default
    from PICTOGRAMS unless `alt` is given). `size` is a CSS length; without it the
    stylesheet decides (class kix-picto)."""
    body = "".join(f'<path d="{d}"/>' for d in paths(naam))  # checks the name
    text = PICTOGRAMS[naam] if alt is None else alt
    style = f' style="width: {escape(size)}; height: {escape(size)}"' if size else ""
    return Markup(
        f'<svg class="kix-picto kix-picto-{naam}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 24 24" role="img" aria-label="{escape(text)}"{style}>'
        f"<title>{escape(text)}</title>{body}</svg>"
    )
