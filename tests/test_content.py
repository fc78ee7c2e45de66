"""Loading and checking content: every kind of bad input gives a clear message."""

import re
import textwrap

import pytest

from macros.content import load
from macros.validation import ContentError

WERKVORM = """\
---
werkvorm:
  titel: Naamspel
  doel: Namen leren op een luchtige manier.
  duur: 10
  groepsgrootte: {min: 4, max: 15}
  indeling: hele groep
  ruimte: Stoelen in een kring.
  materialen: []
---
Uitleg.

## Wanneer gebruik je deze werkvorm?
Aan het begin.

## Stappen
1. Stap.

## Wie doet wat?
De trainer.

## Tips en valkuilen
Tips.

## Varianten
Varianten.
"""

WERKBLAD = """\
---
werkblad:
  titel: Wat kan ik goed?
  doel: Talenten zichtbaar maken voor het portfolio.
  instructie: Lees de vragen. Schrijf je antwoord op.
  onderdelen:
    - vraag: Wat doe je graag?
      regels: 3
---
"""

SESSIE = """\
---
sessie:
  titel: Kick-off
  soort: kick-off
  week: 1
  samenvatting: De groep leert elkaar kennen en hoort wat het traject brengt.
  leerdoelen: [De namen van de anderen noemen.]
  kernpunten: [Iedereen hoort erbij.]
  voorbereiding:
    - {wat: Zaal reserveren, wie: coördinator, dagen_vooraf: 28}
  opstelling: Stoelen in een kring.
  materialen:
    - {wat: Naamkaartje, per: deelnemer, aantal: 1}
  werkbladen: [wat-kan-ik]
  blokken:
    - titel: Welkom
      minuten: 20
      werkvorm: naamspel
      wie: hoofdtrainer
      wat: De trainer heet iedereen welkom.
      instructie: Zeg je naam.
    - {titel: Pauze, minuten: 10, pauze: true}
    - titel: Afsluiting
      minuten: 30
      wie: co-trainer
      wat: De co-trainer sluit af met een rondje.
      instructie: Zeg één woord.
---
"""


def make_docs(tmp_path, session=SESSIE, werkvorm=WERKVORM, werkblad=WERKBLAD):
    files = {
        "traject/kick-off.md": session,
        "werkvormen/kennismaken/naamspel.md": werkvorm,
        "werkbladen/wat-kan-ik.md": werkblad,
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def problems(tmp_path, **files):
    with pytest.raises(ContentError) as caught:
        load(make_docs(tmp_path, **files))
    return caught.value.problems


def test_valid_content_loads(tmp_path):
    handbook = load(make_docs(tmp_path))
    assert [s.id for s in handbook.sessions] == ["kick-off"]
    assert handbook.sessions_using_werkvorm("naamspel")[0].title == "Kick-off"
    assert handbook.sessions_using_werkblad("wat-kan-ik")[0].id == "kick-off"


def test_unknown_field_names_file_field_and_allowed(tmp_path):
    found = problems(tmp_path, session=SESSIE.replace("  kernpunten:", "  kernpunt:"))
    [message] = [p for p in found if "onbekend veld" in p]
    assert message.startswith("docs/traject/kick-off.md: ")
    assert "onbekend veld 'sessie.kernpunt' (een tikfout?)" in message
    assert "toegestaan zijn: titel, soort, week" in message


def test_missing_field_names_field_and_expectation(tmp_path):
    session = SESSIE.replace("  opstelling: Stoelen in een kring.\n", "")
    [message] = problems(tmp_path, session=session)
    assert "het veld 'sessie.opstelling' ontbreekt; verwacht: hoe de ruimte is ingericht" in message


def test_wrong_type_names_block_and_expected_type(tmp_path):
    session = SESSIE.replace("minuten: 20", "minuten: twintig")
    found = problems(tmp_path, session=session)
    assert any(
        "veld 'sessie.blokken[1].minuten': verwacht een geheel getal" in p and "'twintig'" in p
        for p in found
    )


def test_block_without_instruction_is_refused(tmp_path):
    session = SESSIE.replace("      instructie: Zeg je naam.\n", "")
    [message] = problems(tmp_path, session=session)
    assert "het veld 'sessie.blokken[1].instructie' ontbreekt" in message


def test_duration_is_the_sum_of_the_blocks(tmp_path):
    handbook = load(make_docs(tmp_path))
    assert handbook.items["sessie"]["kick-off"].data["duur"] == 60
    assert handbook.werkvormen["naamspel"].data["categorie"] == "kennismaken"


def test_an_old_header_with_a_derived_field_gets_advice(tmp_path):
    session = SESSIE.replace("  week: 1\n", "  week: 1\n  duur: 60\n")
    werkvorm = WERKVORM.replace("  titel: Naamspel\n", "  titel: Naamspel\n  categorie: kennismaken\n")
    messages = problems(tmp_path, session=session, werkvorm=werkvorm)
    assert any("veld 'sessie.duur' hoeft niet meer" in m and "docs/traject/kick-off.md" in m
               for m in messages)
    assert any("veld 'werkvorm.categorie' hoeft niet meer" in m for m in messages)


def test_unknown_werkvorm_reference(tmp_path):
    [message] = problems(tmp_path, session=SESSIE.replace("werkvorm: naamspel", "werkvorm: namenspel"))
    assert "'sessie.blokken[1].werkvorm' verwijst naar 'namenspel'" in message
    assert "docs/werkvormen/" in message


def test_unknown_worksheet_reference(tmp_path):
    [message] = problems(tmp_path, session=SESSIE.replace("[wat-kan-ik]", "[wat-kan-jij]"))
    assert "'sessie.werkbladen[1]' verwijst naar 'wat-kan-jij'" in message


def test_duplicate_identifier(tmp_path):
    make_docs(tmp_path)
    twin = tmp_path / "werkvormen" / "energizers" / "naamspel.md"
    twin.parent.mkdir(parents=True)
    twin.write_text(WERKVORM)
    with pytest.raises(ContentError) as caught:
        load(tmp_path)
    [message] = caught.value.problems
    assert "de naam 'naamspel' bestaat al (docs/werkvormen/" in message


def test_werkvorm_in_a_folder_that_is_no_category(tmp_path):
    make_docs(tmp_path)
    stray = tmp_path / "werkvormen" / "spelletjes" / "vier-hoeken.md"
    stray.parent.mkdir(parents=True)
    stray.write_text(WERKVORM)
    with pytest.raises(ContentError) as caught:
        load(tmp_path)
    [message] = caught.value.problems
    assert "de werkvorm staat in de map 'spelletjes', maar dat is geen categorie" in message


def test_werkvorm_needs_fixed_parts(tmp_path):
    [message] = problems(tmp_path, werkvorm=WERKVORM.replace("## Varianten", "## Variaties"))
    assert "verwacht precies deze koppen in deze volgorde" in message
    assert "'## Varianten'" in message


def test_worksheet_part_of_unknown_kind(tmp_path):
    werkblad = WERKBLAD.replace("- vraag: Wat doe je graag?", "- vraagje: Wat doe je graag?")
    found = problems(tmp_path, werkblad=werkblad)
    assert any("'werkblad.onderdelen[1]': verwacht een onderdeel dat begint met een van" in p
               for p in found)


def test_worksheet_part_with_unknown_field(tmp_path):
    [message] = problems(tmp_path, werkblad=WERKBLAD.replace("regels: 3", "lijnen: 3"))
    assert "onbekend veld 'werkblad.onderdelen[1].lijnen'" in message


def test_page_with_own_title_heading_is_refused(tmp_path):
    [message] = problems(tmp_path, session=SESSIE + "# Kick-off\n")
    assert "laat die weg, de titel komt uit het veld 'titel'" in message


def test_all_problems_are_reported_at_once(tmp_path):
    session = SESSIE.replace("  kernpunten:", "  kernpunt:").replace("soort: kick-off", "soort: feest")
    found = problems(tmp_path, session=session)
    assert len(found) == 3  # unknown field, missing field, wrong value


# --- one vocabulary (macros/vocabulary.yml) ------------------------------------------


def test_the_vocabulary_agrees_with_folders_nav_schema_and_issue_form():
    import yaml

    from conftest import ROOT
    from macros import render, vocabulary
    from macros.checks import nav_pages
    from macros.validation import schema

    names = vocabulary.category_names()
    folders = sorted(p.name for p in (ROOT / "docs" / "werkvormen").iterdir() if p.is_dir())
    assert folders == sorted(names), "mappen in docs/werkvormen/ en vocabulary.yml verschillen"

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    sections = {
        page.split("/")[1]: path[-1]
        for page, path in nav_pages(config["nav"])
        if page.startswith("werkvormen/") and page.count("/") == 2
    }
    assert sections == names, "de onderdelen van nav: 'Werkvormen' en vocabulary.yml verschillen"

    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "voorstel-nieuwe-werkvorm.yml")
                          .read_text(encoding="utf-8"))
    [choice] = [f for f in form["body"] if f.get("id") == "categorie"]
    assert choice["attributes"]["options"] == list(names.values())

    assert schema("sessie")["properties"]["soort"]["enum"] == list(vocabulary.kinds())
    assert render.KIND_NAMES == vocabulary.kind_names()
    assert render.CATEGORY_NAMES == names
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in (m["kleur"] for m in vocabulary.kind_marks().values()))


def contrast_on_white(colour):
    """WCAG contrast ratio of a #rrggbb colour against white."""
    def channel(hex_pair):
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_the_colours_of_the_session_kinds_are_readable_on_white():
    from macros import vocabulary

    weak = {kind: round(contrast_on_white(colour), 1)
            for kind, colour in ((k, m["kleur"]) for k, m in vocabulary.kind_marks().items())
            if contrast_on_white(colour) < 4.5}
    assert not weak, f"kleuren in macros/vocabulary.yml met te weinig contrast (< 4,5): {weak}"


# --- the contributor guide (docs/bijdragen/index.md) ---------------------------------


def test_every_schema_field_has_a_dutch_description_for_the_field_reference():
    from macros import reference

    missing = [f"{title}: {row['veld']}" for title, _, rows, parts in reference.reference()
               for row in rows + [r for _, part in parts for r in part] if not row["uitleg"]]
    assert not missing, f"velden zonder 'description' in macros/schemas/: {missing}"


def test_the_examples_in_the_contributor_guide_pass_the_checks():
    """Each header example on the Bijdragen page is checked as a real file would be."""
    import yaml

    from conftest import ROOT
    from macros.content import HeaderLoader, SCHEMA_OF
    from macros.validation import problems_in, problems_in_worksheet_parts

    page = (ROOT / "docs" / "bijdragen" / "index.md").read_text(encoding="utf-8")
    examples = re.findall(r"```yaml\n(.*?)```", page, re.S)
    checked = set()
    for example in examples:
        header = re.match(r"---\n(.*?\n)---\n", example, re.S)
        data = yaml.load(header.group(1) if header else example, Loader=HeaderLoader)
        if "extra" in data:
            kind, value, schema_name = "extra.editie", data["extra"]["editie"], "editie"
        elif "planning" in data:
            kind, value, schema_name = "planning", data["planning"], "planning"
        else:
            [kind] = data
            value, schema_name = data[kind], SCHEMA_OF[kind]
        if schema_name == "werkblad":
            value = {k: v for k, v in value.items() if k != "onderdelen"}
            value["onderdelen"] = [{"uitleg": "Een deel."}]  # the parts: checked below
        assert problems_in(value, schema_name, "docs/bijdragen/index.md", kind) == []
        if schema_name == "werkblad":
            assert problems_in_worksheet_parts(data[kind]["onderdelen"], "docs/bijdragen") == []
        checked.add(schema_name)
    assert checked >= {"sessie", "werkvorm", "werkblad", "editie", "planning"}


def test_the_handbook_passes_every_content_check_of_the_build():
    """What `python -m macros` and the build check, on the real handbook (fast tier)."""
    from mkdocs.config import load_config

    from conftest import ROOT
    from macros import checks

    renderer, found = checks.content_check(load_config(str(ROOT / "mkdocs.yml")))
    assert not found, "\n".join(found)
    assert len(renderer.handbook.sessions) >= 14
