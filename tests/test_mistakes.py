"""The mistakes a contributor makes, one row each: every one stops the checks with a
Dutch message that names the file and the field (or line), and says what to do.

The rows run on a small handbook of three files (test_content.make_docs), so the
whole table stays in the fast tier. One test at the end builds a copy of the real
handbook with a broken header, to see that the build itself stops with that message.
"""

import datetime
import shutil

import pytest

from conftest import ROOT, build
from macros import checks, cohort
from macros.content import load
from macros.validation import ContentError
from test_content import SESSIE, WERKBLAD, WERKVORM, make_docs

KICK_OFF = "docs/traject/kick-off.md"
NAAMSPEL = "docs/werkvormen/kennismaken/naamspel.md"
WAT_KAN_IK = "docs/werkbladen/wat-kan-ik.md"


def problems_of(tmp_path, **files):
    with pytest.raises(ContentError) as caught:
        load(make_docs(tmp_path, **files))
    return caught.value.problems


def one(found, *parts):
    """The one problem that contains every part (and say which were found if none)."""
    matching = [p for p in found if all(part in p for part in parts)]
    assert matching, f"geen melding met {parts}; wel: {found}"
    return matching[0]


# (name, file that is changed, old text, new text, file named, expected parts)
SCHEMA_MISTAKES = [
    ("week als tekst", "session", "week: 1", "week: een", KICK_OFF,
     ["'sessie.week'", "verwacht een geheel getal", "'een'"]),
    ("week te groot", "session", "week: 1", "week: 99", KICK_OFF,
     ["'sessie.week'", "hoogstens 30", "99"]),
    ("onbekende soort", "session", "soort: kick-off", "soort: feest", KICK_OFF,
     ["'sessie.soort'", "verwacht een van: intake, kick-off", "'feest'"]),
    ("minuten als tekst", "session", "minuten: 20", "minuten: twintig", KICK_OFF,
     ["'sessie.blokken[1].minuten'", "verwacht een geheel getal", "'twintig'"]),
    ("onbekende rol", "session", "wie: hoofdtrainer", "wie: stagiair", KICK_OFF,
     ["'sessie.blokken[1].wie'", "verwacht een van"]),
    ("materiaal per onbekend", "session", "per: deelnemer", "per: persoon", KICK_OFF,
     ["'sessie.materialen[1].per'", "'persoon'"]),
    ("leerdoelen geen lijst", "session", "leerdoelen: [De namen van de anderen noemen.]",
     "leerdoelen: De namen noemen.", KICK_OFF, ["'sessie.leerdoelen'", "verwacht een lijst"]),
    ("tikfout in een veld", "session", "  kernpunten:", "  kernpunt:", KICK_OFF,
     ["onbekend veld 'sessie.kernpunt'", "toegestaan zijn"]),
    ("duur van werkvorm als tekst", "werkvorm", "duur: 10", "duur: kort", NAAMSPEL,
     ["'werkvorm.duur'", "verwacht een geheel getal", "'kort'"]),
    ("groep te groot", "werkvorm", "max: 15", "max: 99", NAAMSPEL,
     ["'werkvorm.groepsgrootte.max'", "hoogstens 30"]),
    ("doel te kort", "werkvorm", "doel: Namen leren op een luchtige manier.", "doel: Namen",
     NAAMSPEL, ["'werkvorm.doel'", "minstens 10 tekens"]),
    ("regels als tekst", "werkblad", "regels: 3", "regels: drie", WAT_KAN_IK,
     ["'werkblad.onderdelen[1].regels'", "'drie'"]),
    ("oud veld duur", "session", "  week: 1\n", "  week: 1\n  duur: 60\n", KICK_OFF,
     ["'sessie.duur' hoeft niet meer", "haal de regel"]),
    ("oud veld categorie", "werkvorm", "  titel: Naamspel\n",
     "  titel: Naamspel\n  categorie: kennismaken\n", NAAMSPEL,
     ["'werkvorm.categorie' hoeft niet meer", "de map"]),
]

# YAML syntax: the line in the file (the header starts on line 2) and the usual cause.
YAML_MISTAKES = [
    ("dubbele punt in een waarde", "session", "titel: Kick-off", "titel: Kick-off: de start",
     KICK_OFF, ["regel 3", "geen geldige YAML", "dubbele punt", "aanhalingstekens"]),
    ("tab om in te springen", "session", "  soort: kick-off", "\tsoort: kick-off", KICK_OFF,
     ["regel 4", "tab", "spaties"]),
    ("verkeerd ingesprongen", "werkvorm", "  doel: Namen", " doel: Namen", NAAMSPEL,
     ["regel 4", "geen geldige YAML", "springt een regel verkeerd in"]),
    ("aanhalingsteken niet gesloten", "werkblad", "titel: Wat kan ik goed?",
     'titel: "Wat kan ik goed?', WAT_KAN_IK, ["regel", "geen geldige YAML", "aanhalingsteken"]),
    ("tikfout in de soort", "session", "sessie:", "sesie:", KICK_OFF,
     ["onbekend veld 'sesie'", "bedoel je 'sessie:'?"]),
]

REFERENCE_MISTAKES = [
    ("onbekende werkvorm", "session", "werkvorm: naamspel", "werkvorm: namenspel", KICK_OFF,
     ["'sessie.blokken[1].werkvorm'", "'namenspel'", "bestaat niet", "bedoel je 'naamspel'?"]),
    ("onbekend werkblad", "session", "[wat-kan-ik]", "[wat-kan-jij]", KICK_OFF,
     ["'sessie.werkbladen[1]'", "'wat-kan-jij'", "bedoel je 'wat-kan-ik'?"]),
]

FILES = {"session": SESSIE, "werkvorm": WERKVORM, "werkblad": WERKBLAD}


@pytest.mark.parametrize(
    "change, old, new, where, parts",
    [row[1:] for row in SCHEMA_MISTAKES + YAML_MISTAKES + REFERENCE_MISTAKES],
    ids=[row[0] for row in SCHEMA_MISTAKES + YAML_MISTAKES + REFERENCE_MISTAKES],
)
def test_a_mistake_names_the_file_and_the_field(tmp_path, change, old, new, where, parts):
    assert old in FILES[change]
    found = problems_of(tmp_path, **{change: FILES[change].replace(old, new, 1)})
    message = one(found, *parts)
    assert message.startswith(where + ":") or message.startswith(where + ", regel ")


def test_a_broken_werkvorm_is_blamed_not_the_session_that_uses_it(tmp_path):
    found = problems_of(tmp_path, werkvorm="")
    assert found == [f"{NAAMSPEL}: het bestand is leeg; verwacht een kop met 'werkvorm:', "
                     "of haal het bestand weg"]
    found = problems_of(tmp_path, werkblad=WERKBLAD.replace("doel:", "doel: a: b\n  x:"))
    assert all(p.startswith(WAT_KAN_IK) for p in found), found


@pytest.mark.parametrize("text, expected", [
    ("\ufeff" + SESSIE, None),                        # a byte-order mark is accepted
    (SESSIE.replace("\n", "\r\n"), None),             # so are Windows line ends
    ("", "het bestand is leeg"),
    ("---\n---\n", "lege kop en geen tekst"),
])
def test_byte_order_mark_line_ends_and_empty_files(tmp_path, text, expected):
    if expected is None:
        assert [s.id for s in load(make_docs(tmp_path, session=text)).sessions] == ["kick-off"]
    else:
        one(problems_of(tmp_path, session=text), KICK_OFF, expected)


def test_the_example_text_of_nieuw_py_does_not_pass(tmp_path):
    session = SESSIE.replace("Zeg je naam.", "Schrijf hier wat deelnemers doen.")
    message = one(problems_of(tmp_path, session=session), "voorbeeldtekst")
    assert message.startswith(f"{KICK_OFF}, regel 21: ") and "vervang" in message


def test_two_sessions_in_the_same_week(tmp_path):
    docs = make_docs(tmp_path)
    (docs / "traject" / "tweede.md").write_text(SESSIE.replace("titel: Kick-off", "titel: Tweede"),
                                               encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(docs)
    one(caught.value.problems, "docs/traject/tweede.md", "'sessie.week' is 1",
        "docs/traject/kick-off.md", "één sessie per week")


def test_an_unquoted_time_is_shown_as_the_time_not_as_minutes():
    with pytest.raises(ContentError) as caught:
        cohort.edition_from({"editie": {"gemeente": "Voorbeeldstad",
                                        "startdatum": datetime.date(2027, 4, 20),
                                        "begintijd": "13:00", "eindtijd": 750}},
                            "editie-test.yml")  # YAML made 750 of eindtijd: 12:30
    message = one(caught.value.problems, "editie-test.yml", "'extra.editie.eindtijd'")
    assert '"12:30"' in message and "aanhalingstekens" in message


def test_an_edition_that_starts_on_a_public_holiday(tmp_path):
    handbook = load(make_docs(tmp_path))
    edition = cohort.edition_from({"editie": {"gemeente": "Voorbeeldstad",
                                              "startdatum": datetime.date(2027, 4, 27),
                                              "begintijd": "13:00", "eindtijd": "16:00"}},
                                  "editie-test.yml")
    with pytest.raises(ContentError) as caught:
        checks.planned(handbook, edition, "editie-test.yml")
    [message] = caught.value.problems
    assert message.startswith("editie-test.yml: veld 'extra.editie.startdatum' (2027-04-27) "
                              "valt op Koningsdag")


@pytest.mark.parametrize("planning, parts", [
    ([{"wat": "Zaal", "wie": "coördinator", "weken_voor_start": 4}], []),
    ([{"wat": "Zaal huren", "wie": "conciërge", "weken_voor_start": 4}],
     ["veld 'planning[1].wie'", "'conciërge'"]),
    ([{"wat": "Zaal huren", "wie": "coördinator", "weken_voor_start": "vier"}],
     ["veld 'planning[1].weken_voor_start'", "'vier'"]),
    ([{"wat": "Zaal huren", "wie": "coördinator"}],
     ["het veld 'planning[1].weken_voor_start' ontbreekt"]),
])
def test_planning_mistakes(tmp_path, planning, parts):
    import yaml

    page = tmp_path / "invoeren" / "stappenplan.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\n" + yaml.safe_dump({"planning": planning}, allow_unicode=True)
                    + "---\nTekst.\n", encoding="utf-8")
    facts = {"intake": {"weken_voor_kickoff": 3}}
    found = checks.page_header_problems(tmp_path, facts, sessions=[])
    if not parts:
        assert found == [] or all("minstens 3 tekens" in p for p in found)
    else:
        assert one(found, "docs/invoeren/stappenplan.md: ", *parts)


def test_an_oversized_file(tmp_path):
    photo = tmp_path / "assets" / "foto.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"\xff" * (checks.MAX_FILE_KB + 1) * 1024)
    [message] = checks.size_problems(tmp_path)
    assert message.startswith("docs/assets/foto.jpg: het bestand is 501 kB")
    assert "hoogstens 500 kB" in message


def test_a_page_missing_from_the_nav_and_a_broken_link(tmp_path):
    docs = make_docs(tmp_path / "docs")
    (docs / "werkvormen" / "kennismaken" / "index.md").write_text(
        "# Kennismaken\n\nZie [naamspel](naamspel.md) en [de start](../../traject/kickof.md).\n",
        encoding="utf-8")
    config = {"docs_dir": str(docs), "nav": [
        {"Traject": ["traject/kick-off.md"]},
        {"Werkvormen": [{"Kennismaken en groepsvorming": ["werkvormen/kennismaken/index.md"]}]},
        {"Werkbladen": ["werkbladen/wat-kan-ik.md"]},
    ]}
    [missing] = checks.nav_problems(config)
    assert missing == (
        f"{NAAMSPEL}: deze pagina staat niet in de inhoudsopgave; zet in mkdocs.yml onder nav:, "
        "in het onderdeel 'Werkvormen > Kennismaken en groepsvorming', de regel  - "
        "werkvormen/kennismaken/naamspel.md")
    [broken] = checks.link_problems(docs)
    assert broken.startswith("docs/werkvormen/kennismaken/index.md, regel 3: de link naar "
                             "'../../traject/kickof.md'")
    assert "bedoel je '../../traject/kick-off.md'?" in broken


def test_a_problem_becomes_a_github_annotation_on_its_line(tmp_path, monkeypatch, capsys):
    docs = make_docs(tmp_path / "docs")
    problem = f"{KICK_OFF}: veld 'sessie.blokken[3].minuten': verwacht een geheel getal"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    checks.annotate([problem, f"{KICK_OFF}, regel 7: iets"], docs.parent)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"::error file={KICK_OFF},line=24::{problem}"
    assert lines[1].startswith(f"::error file={KICK_OFF},line=7::")


def test_the_build_stops_on_a_broken_header_with_the_same_message(tmp_path):
    copy = tmp_path / "handboek"
    copy.mkdir()
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "methode.yml"):
        shutil.copy(ROOT / name, copy / name)
    page = copy / "docs" / "traject" / "kick-off.md"
    text = page.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("  titel:"))
    page.write_text(text.replace(line, "  titel: Kick-off: we beginnen", 1), encoding="utf-8")
    result = build(config=copy / "mkdocs.yml", site_dir=tmp_path / "site", pdf=False, cwd=copy)
    assert result.returncode != 0
    assert "docs/traject/kick-off.md, regel " in result.stderr
    assert "is geen geldige YAML: meestal staat er een dubbele punt" in result.stderr
