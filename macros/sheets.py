"""What worksheet and form templates need besides the data: pictograms, the
traffic light with faces, the method's facts inside text fields, and the number
of sides a sheet has.

`add_to(env, facts)` registers these in the Jinja environment of the renderer.
"""

from markupsafe import Markup, escape

from .pictograms import pictogram

# The traffic light of the reflection sheets (part `stoplicht`): a colour, a
# face and a word, so that it reads the same in black and white.
STOPLICHT = [
    {"naam": "rood", "betekenis": "gaat nog niet", "kleur": "#f4b6b0", "mond": "M7 17 Q12 12.5 17 17"},
    {"naam": "oranje", "betekenis": "gaat een beetje", "kleur": "#ffd59a", "mond": "M7.5 15.5 L16.5 15.5"},
    {"naam": "groen", "betekenis": "gaat goed", "kleur": "#b9e2bb", "mond": "M7 14 Q12 18.5 17 14"},
]


def face(light):
    """A face in a coloured circle, as inline SVG (the mouth says the meaning)."""
    label = f"{light['naam']}: {light['betekenis']}"
    return Markup(
        '<svg class="kix-gezicht" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" '
        f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
        f'<circle cx="12" cy="12" r="10.5" fill="{light["kleur"]}" stroke="#000" stroke-width="1.2"/>'
        '<circle cx="8.5" cy="9.5" r="1.3"/><circle cx="15.5" cy="9.5" r="1.3"/>'
        f'<path d="{light["mond"]}" fill="none" stroke="#000" stroke-width="1.4" '
        'stroke-linecap="round"/></svg>'
    )


def sides(data):
    """How many A4 sides a sheet has: one, plus one per part `nieuwe_pagina`."""
    return 1 + sum(1 for part in data["onderdelen"] if "nieuwe_pagina" in part)


def add_to(env, facts):
    """Give the templates `pictogram`, `gezicht`, `stoplicht`, `sheet_pages` and the
    filter `feiten` ({{ methode.… }} inside a text field of a sheet)."""

    def with_facts(text):
        text = str(text)
        return env.from_string(text).render(methode=facts) if "{{" in text else text

    env.filters["feiten"] = with_facts
    env.globals.update(pictogram=pictogram, gezicht=face, stoplicht=STOPLICHT,
                       sheet_pages=sides)
