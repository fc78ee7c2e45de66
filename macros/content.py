"""Load the handbook's structured content from the Markdown files in docs/.

A content file is a Markdown page whose YAML header holds one of these keys:
`sessie` (docs/traject/), `werkvorm` (docs/werkvormen/<categorie>/),
`werkblad` (docs/werkbladen/) or `formulier` (docs/formulieren/). Its
identifier is the file name without `.md`.
Loading reads every header once, checks it (validation.py) and checks the
references between files; any problem stops the build with a clear message.
"""

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import vocabulary
from .validation import ContentError, problems_in, problems_in_worksheet_parts

KINDS = ("sessie", "werkvorm", "werkblad", "formulier")

# The werkvorm categories: each is a folder docs/werkvormen/<categorie>/.
CATEGORY_FOLDERS = tuple(vocabulary.categories())

# The folders (under docs/) that hold content files; other pages there are overviews.
CONTENT_FOLDERS = ("traject", "werkvormen", "werkbladen", "formulieren")

# The text that scripts/nieuw.py puts where the contributor still has to write.
SCAFFOLD_TEXT = "Schrijf hier"

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
        """All sessions in the order of the trajectory: by `week` alone (one session
        per week, see same_week_problems)."""
        return sorted(self.items["sessie"].values(), key=lambda s: s.data["week"])

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

    @property
    def group_sessions(self):
        """The sessions the whole group attends (not the individual intake)."""
        return [s for s in self.sessions if s.data.get("groep") != "individueel"]

    @property
    def certificate_themes(self):
        """What the certificate says the participant worked on: the themes of the
        core trainings and the activities, from their titles, each once."""
        themes = [s.title.split(":", 1)[-1].strip() for s in self.sessions
                  if s.data["soort"] == "kerntraining"]
        themes += [s.title.split(":", 1)[0] for s in self.sessions
                   if s.data["soort"] == "activiteit"]
        return list(dict.fromkeys(themes))

    def werkvormen_by_category(self, categorie=None):
        """[(category, werkvormen sorted by title)] in the vocabulary's order, for one
        category or all; categories without werkvormen are left out."""
        groups = [
            (c, sorted((w for w in self.werkvormen.values() if w.data["categorie"] == c),
                       key=lambda w: w.title))
            for c in CATEGORY_FOLDERS if categorie in (None, c)
        ]
        return [g for g in groups if g[1]]


def werkvorm_ids(session):
    """The werkvormen a session uses, in order of first use."""
    ids = [b["werkvorm"] for b in session.data["blokken"] if b.get("werkvorm")]
    return list(dict.fromkeys(ids))


# A header: a line '---', the YAML, and a line '---' (or '...'), as MkDocs reads it.
HEADER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)


# The loader MkDocs uses for page headers (libyaml when installed, as here).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class HeaderLoader(SafeLoader):
    """MkDocs' safe loader, except that 12:30 stays the text '12:30'.

    YAML 1.1 reads digits with colons as a number in base 60 (12:30 is 750);
    a contributor who writes a time never means that.
    """


HeaderLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if not (tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
                    and regexp.match("12:30"))]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}
HeaderLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)
HeaderLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)


def read_text(path):
    """A file's text as MkDocs sees it: without a byte-order mark, with \\n line ends."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_header(text):
    """(header YAML or None, body) of a page's text."""
    match = HEADER.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end():]


# The usual cause of each kind of YAML error, for a contributor.
YAML_CAUSES = (
    ("mapping values are not allowed", "meestal staat er een dubbele punt ':' in een waarde; "
     "zet de hele waarde tussen aanhalingstekens, zoals titel: \"Kerntraining 1: Wie ben ik?\""),
    ("found character '\\t'", "er staat een tab in de kop; gebruik spaties om in te springen"),
    ("expected <block end>", "meestal springt een regel verkeerd in, of begint een waarde met "
     "een aanhalingsteken dat niet aan het eind staat; zet velden van één groep precies onder "
     "elkaar en zet een waarde met aanhalingstekens helemaal tussen aanhalingstekens"),
    ("while scanning a quoted scalar", "een aanhalingsteken wordt niet gesloten; zet er een "
     "aan het eind van de waarde"),
    ("did not find expected key", "meestal springt een regel verkeerd in of staat er een "
     "aanhalingsteken midden in een waarde; zet velden van één groep precies onder elkaar"),
    ("did not find expected '-'", "een lijst springt verkeerd in; zet elk '- ' precies onder "
     "het vorige"),
)
YAML_CAUSE_ELSE = ("kijk op deze regel en de regel erboven naar een dubbele punt of "
                   "aanhalingsteken in een waarde, een tab, of een regel die verkeerd inspringt")


def yaml_problem(where, error):
    """A YAML error as one Dutch sentence with the line and column in the file."""
    mark = getattr(error, "problem_mark", None)
    place = f", regel {mark.line + 2}, kolom {mark.column + 1}" if mark else ""
    text = f"{getattr(error, 'problem', '')} {getattr(error, 'context', '')}"
    cause = next((c for key, c in YAML_CAUSES if key in text), YAML_CAUSE_ELSE)
    return f"{where}{place}: de kop (tussen de regels ---) is geen geldige YAML: {cause}"


def in_content_folder(src):
    return src.split("/", 1)[0] in CONTENT_FOLDERS


def header_problems(src, header, body):
    """What is wrong with the header of docs/<src> before its fields are checked:
    a tab, broken YAML, an empty file, a misspelled kind (sesie:). Returns
    (meta, problems); meta is {} when there is no usable header."""
    where = f"docs/{src}"
    content = in_content_folder(src)
    if header is None:
        if content and not body.strip():
            return {}, [f"{where}: het bestand is leeg; verwacht een kop met "
                        f"{expected_kind(src)}, of haal het bestand weg"]
        return {}, []
    for number, line in enumerate(header.split("\n"), start=2):
        if "\t" in line[: len(line) - len(line.lstrip())]:
            return {}, [f"{where}, regel {number}: deze regel van de kop springt in met een tab; "
                        "gebruik spaties (YAML kent geen tabs)"]
    try:
        meta = yaml.load(header, Loader=HeaderLoader)
    except yaml.YAMLError as error:
        return {}, [yaml_problem(where, error)]
    if meta is None and content and not body.strip():
        return {}, [f"{where}: het bestand heeft een lege kop en geen tekst; verwacht een kop "
                    f"met {expected_kind(src)}"]
    if not isinstance(meta, dict):
        return {}, ([f"{where}: de kop is geen groep velden; verwacht {expected_kind(src)}"]
                    if content else [])
    if content and not any(kind in meta for kind in KINDS):
        for key in meta:
            close = difflib.get_close_matches(str(key), KINDS, n=1, cutoff=0.6)
            if close:
                return {}, [f"{where}: onbekend veld '{key}' bovenaan de kop; bedoel je "
                            f"'{close[0]}:'? (toegestaan: {', '.join(KINDS)})"]
    return meta, []


def expected_kind(src):
    """The kind of header a file in docs/<src> usually has, as text."""
    folder = src.split("/", 1)[0]
    kind = {"traject": "sessie", "werkvormen": "werkvorm", "werkbladen": "werkblad",
            "formulieren": "formulier"}.get(folder)
    return f"'{kind}:'" if kind else "een van: " + ", ".join(KINDS)


def scaffold_problems(src, text):
    """Lines where the example text of scripts/nieuw.py ('Schrijf hier ...') is still."""
    return [
        f"docs/{src}, regel {number}: hier staat nog de voorbeeldtekst '{SCAFFOLD_TEXT} …' "
        "van scripts/nieuw.py; vervang die door je eigen tekst"
        for number, line in enumerate(text.split("\n"), start=1)
        if SCAFFOLD_TEXT in line
    ]


def read_items(docs_dir, problems):
    """Yield every content file in docs_dir as an Item, unchecked; append what is
    wrong with a header itself (broken YAML, empty file, ...) to `problems`."""
    for path in sorted(Path(docs_dir).rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        text = read_text(path)
        header, body = split_header(text)
        meta, found = header_problems(src, header, body)
        problems += found
        kinds = [k for k in KINDS if k in meta]
        if not kinds:
            continue
        problems += scaffold_problems(src, text)
        if len(kinds) > 1:
            problems.append(f"docs/{src}: kies één soort kop, niet {' en '.join(kinds)}")
            continue
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
    for item in read_items(docs_dir, problems):
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
    problems += same_week_problems(handbook.sessions)
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
                "docs/werkvormen/ (zonder .md)" + nearest(ref, handbook.werkvormen)
            )
    for number, ref in enumerate(data["werkbladen"], start=1):
        if ref not in handbook.werkbladen:
            found.append(
                f"{where}: veld 'sessie.werkbladen[{number}]' verwijst naar '{ref}', maar dat "
                "werkblad bestaat niet; verwacht de naam van een bestand in docs/werkbladen/ "
                "(zonder .md)" + nearest(ref, handbook.werkbladen)
            )
    return found


def nearest(name, known):
    """'; bedoel je 'naamspel'?' for the known name closest to `name`, or ''."""
    close = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
    return f"; bedoel je '{close[0]}'?" if close else ""


def same_week_problems(sessions):
    """The order of the sessions comes from `week` alone: two in one week is a mistake."""
    found, seen = [], {}
    for session in sessions:
        week = session.data["week"]
        if week in seen:
            found.append(
                f"docs/{session.src}: veld 'sessie.week' is {week}, net als in "
                f"docs/{seen[week].src}; verwacht één sessie per week (de week bepaalt de "
                "volgorde van het traject)"
            )
        else:
            seen[week] = session
    return found
