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


def load(docs_dir):
    """Read and check all content; return a Handbook or raise ContentError."""
    handbook = Handbook()
    problems = []
    for item in read_items(docs_dir):
        where = f"docs/{item.src}"
        item_problems = problems_in(item.data, SCHEMA_OF[item.kind], where, prefix=item.kind)
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
    """A werkvorm lives in the folder of its category and has the fixed parts."""
    found = []
    folder = Path(item.src).parent.name
    if item.data["categorie"] != folder:
        found.append(
            f"{where}: veld 'werkvorm.categorie' is '{item.data['categorie']}', maar het "
            f"bestand staat in de map '{folder}'; verwacht dat die twee gelijk zijn"
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
    """Checks that need more than one file: minutes and references."""
    where = f"docs/{session.src}"
    data = session.data
    found = []
    total = sum(block["minuten"] for block in data["blokken"])
    if total != data["duur"]:
        found.append(
            f"{where}: de blokken duren samen {total} minuten, maar veld 'sessie.duur' "
            f"is {data['duur']}; verwacht dat de minuten van 'sessie.blokken' optellen "
            "tot de duur"
        )
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
