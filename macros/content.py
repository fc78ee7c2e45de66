"""Load the handbook's structured content from the Markdown files in docs/.

A content file is a Markdown page whose YAML header holds one of these keys:
`sessie` (docs/traject/), `werkvorm` (docs/werkvormen/<categorie>/),
`werkblad` (docs/werkbladen/) or `formulier` (docs/formulieren/). Its
identifier is the file name without `.md`.
Loading reads every header once, checks it (validation.py) and checks the
references between files; any problem stops the build with a clear message.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils.meta import get_data

from .validation import ContentError, problems_in, problems_in_worksheet_parts

KINDS = ("sessie", "werkvorm", "werkblad", "formulier")

# The werkvorm categories: each is a folder docs/werkvormen/<categorie>/.
CATEGORY_FOLDERS = ("intervisie", "reflectie", "coaching", "kennismaken", "presenteren",
                    "netwerken", "communicatie", "energizers", "afsluiten")

# A form has the same parts as a worksheet.
SCHEMA_OF = {"sessie": "sessie", "werkvorm": "werkvorm", "werkblad": "werkblad",
             "formulier": "werkblad"}

# The fixed parts of every werkvorm page, in this order (## headings).
WERKVORM_PARTS = (
    "Wanneer gebruik je deze werkvorm?",
    "Stappen",
    "Wie doet wat?",
    "Tips en valkuilen",
    "Varianten",
)


@dataclass
class Item:
    """One content file: its identifier, where it lives and what it holds."""

    id: str
    kind: str
    src: str  # path relative to docs/, with forward slashes
    data: dict
    body: str

    @property
    def title(self):
        return self.data["titel"]


@dataclass
class Handbook:
    """Everything the macros need, loaded and checked once per build."""

    items: dict = field(default_factory=lambda: {kind: {} for kind in KINDS})

    @property
    def sessions(self):
        """All sessions in the order of the trajectory."""
        return sorted(self.items["sessie"].values(), key=lambda s: (s.data["week"], s.src))

    @property
    def werkvormen(self):
        return self.items["werkvorm"]

    @property
    def werkbladen(self):
        return self.items["werkblad"]

    @property
    def formulieren(self):
        return self.items["formulier"]

    @property
    def sheets(self):
        """Everything printed on A4 from its header: worksheets, then forms."""
        return list(self.werkbladen.values()) + list(self.formulieren.values())

    def item_at(self, src):
        """The content item of the page at `src` (relative to docs/), or None."""
        return next(
            (i for group in self.items.values() for i in group.values() if i.src == src), None
        )

    def sessions_using_werkvorm(self, werkvorm_id):
        return [s for s in self.sessions if werkvorm_id in werkvorm_ids(s)]

    def sessions_using_werkblad(self, werkblad_id):
        return [s for s in self.sessions if werkblad_id in s.data["werkbladen"]]


def werkvorm_ids(session):
    """The werkvormen a session uses, in order of first use."""
    ids = [b["werkvorm"] for b in session.data["blokken"] if b.get("werkvorm")]
    return list(dict.fromkeys(ids))


def read_items(docs_dir):
    """Yield every content file in docs_dir as an Item, unchecked."""
    for path in sorted(Path(docs_dir).rglob("*.md")):
        body, meta = get_data(path.read_text(encoding="utf-8"))
        kinds = [k for k in KINDS if k in meta]
        if not kinds:
            continue
        src = path.relative_to(docs_dir).as_posix()
        if len(kinds) > 1:
            raise ContentError([f"docs/{src}: kies één soort kop, niet {' en '.join(kinds)}"])
        kind = kinds[0]
        yield Item(id=path.stem, kind=kind, src=src, data=meta[kind], body=body)


# Fields that the build works out itself; a header that still writes them gets
# this advice (the value would otherwise be a second place to keep up to date).
DERIVED = {
    ("sessie", "duur"): "de duur wordt uitgerekend uit de minuten van de blokken",
    ("werkvorm", "categorie"): "de categorie is de map waarin het bestand staat",
}


def derived_field_problems(item, where):
    """An old header that still writes a field the build derives."""
    if not isinstance(item.data, dict):
        return []
    return [
        f"{where}: veld '{kind}.{name}' hoeft niet meer: {why}; haal de regel '{name}: …' weg"
        for (kind, name), why in DERIVED.items()
        if kind == item.kind and name in item.data
    ]


def derive_fields(item):
    """Fill in what follows from the rest: a session's length, a werkvorm's category."""
    if item.kind == "sessie":
        item.data["duur"] = sum(block["minuten"] for block in item.data["blokken"])
    elif item.kind == "werkvorm":
        item.data["categorie"] = Path(item.src).parent.name


def load(docs_dir):
    """Read and check all content; return a Handbook or raise ContentError."""
    handbook = Handbook()
    problems = []
    for item in read_items(docs_dir):
        where = f"docs/{item.src}"
        item_problems = derived_field_problems(item, where)
        if item_problems:
            problems += item_problems
            continue
        item_problems = problems_in(item.data, SCHEMA_OF[item.kind], where, prefix=item.kind)
        if not item_problems:
            derive_fields(item)
        if SCHEMA_OF[item.kind] == "werkblad" and isinstance(item.data, dict):
            item_problems += problems_in_worksheet_parts(
                item.data.get("onderdelen"), where, prefix=item.kind
            )
        if item.kind == "werkvorm" and not item_problems:
            item_problems += werkvorm_page_problems(item, where)
        if not item_problems and item.body.lstrip().startswith("# "):
            item_problems.append(
                f"{where}: de pagina begint met een kop '# ...'; laat die weg, "
                "de titel komt uit het veld 'titel'"
            )
        problems += item_problems
        twin = handbook.items[item.kind].get(item.id)
        if twin is not None:
            problems.append(
                f"{where}: de naam '{item.id}' bestaat al (docs/{twin.src}); "
                "verwacht een unieke bestandsnaam"
            )
        else:
            handbook.items[item.kind][item.id] = item
    if problems:
        raise ContentError(problems)

    for session in handbook.sessions:
        problems += session_problems(session, handbook)
    if problems:
        raise ContentError(problems)
    return handbook


def werkvorm_page_problems(item, where):
    """A werkvorm lives in the folder of a known category and has the fixed parts."""
    found = []
    folder = Path(item.src).parent.name
    if folder not in CATEGORY_FOLDERS:
        found.append(
            f"{where}: de werkvorm staat in de map '{folder}', maar dat is geen categorie; "
            f"verwacht een van de mappen docs/werkvormen/{{{','.join(CATEGORY_FOLDERS)}}}/"
        )
    headings = re.findall(r"^## +(.+?) *$", item.body, flags=re.MULTILINE)
    if tuple(headings) != WERKVORM_PARTS:
        expected = ", ".join(f"'## {h}'" for h in WERKVORM_PARTS)
        found.append(
            f"{where}: de tekst heeft de koppen {', '.join(repr(h) for h in headings) or 'geen'}; "
            f"verwacht precies deze koppen in deze volgorde: {expected}"
        )
    return found


def session_problems(session, handbook):
    """Checks that need more than one file: references to werkvormen and worksheets."""
    where = f"docs/{session.src}"
    data = session.data
    found = []
    for number, block in enumerate(data["blokken"], start=1):
        ref = block.get("werkvorm")
        if ref and ref not in handbook.werkvormen:
            found.append(
                f"{where}: veld 'sessie.blokken[{number}].werkvorm' verwijst naar '{ref}', "
                "maar die werkvorm bestaat niet; verwacht de naam van een bestand in "
                "docs/werkvormen/ (zonder .md)"
            )
    for number, ref in enumerate(data["werkbladen"], start=1):
        if ref not in handbook.werkbladen:
            found.append(
                f"{where}: veld 'sessie.werkbladen[{number}]' verwijst naar '{ref}', maar dat "
                "werkblad bestaat niet; verwacht de naam van een bestand in docs/werkbladen/ "
                "(zonder .md)"
            )
    return found
