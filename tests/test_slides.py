"""Slide decks per group session (macros/slides.py): the model, the checks, the files."""

import os
import re
import shutil
import subprocess
from datetime import date

import pytest
import yaml
from mkdocs.config import load_config
from pptx import Presentation
from pptx.util import Pt
from pypdf import PdfReader

from conftest import ROOT
from macros import checks, content, make_renderer, reference, slides
from macros.content import Item
from macros.validation import ContentError

SESSION = """\
titel: "Kerntraining 1: Wie ben ik?"
soort: kerntraining
week: 2
samenvatting: Deelnemers ontdekken hun talenten en vertellen elkaar wat ze goed kunnen.
leerdoelen:
  - Uitleggen wat een talent is, met een voorbeeld van werk, school of thuis, en dat onderbouwen.
kernpunten:
  - Iedereen heeft talenten, ook zonder diploma of betaald werk in Nederland.
voorbereiding: []
opstelling: Stoelen in een kring.
materialen: []
werkbladen: []
blokken:
  - titel: Welkom
    minuten: 15
    wie: co-trainer
    wat: De co-trainer heet iedereen welkom en leest de zin van vandaag voor.
    instructie: Vang de bal. Zeg je naam. Gooi de bal naar een ander.
    nodig: Zachte bal.
  - {titel: Pauze, minuten: 15, pauze: true}
  - titel: Kwaliteitenkaarten
    minuten: 20
    wie: hoofdtrainer
    wat: In drietallen met een set kaarten de moeilijke woorden leren.
    instructie: Kijk naar de kaarten. Kies drie kaarten. Schrijf ze op.
  - titel: Afsluiting
    minuten: 10
    wie: samen
    wat: Een rondje met één woord; geef daarna de opdracht voor volgende week.
    instructie: "Zeg één woord. Voor volgende week: neem een foto mee."
"""


def session(**changes):
    data = yaml.safe_load(SESSION)
    data.update(changes)
    return Item(id="kerntraining-1", kind="sessie", src="traject/kerntraining-1.md",
                data=data, body="")


def box_texts(slide):
    return [p.text for b in slide.boxes for p in b.paragraphs]


def all_box_text(deck):
    return " ".join(t for s in deck.slides for t in box_texts(s))


# --- the model ----------------------------------------------------------------


def test_deck_has_title_agenda_a_slide_per_block_and_a_closing_slide():
    deck = slides.deck(session())
    assert [s.title for s in deck.slides] == [
        "Kerntraining 1: Wie ben ik?", "Wat doen we vandaag?", "Welkom", "Pauze",
        "Kwaliteitenkaarten", "Afsluiting", "Wat neem je mee?",
    ]
    assert box_texts(deck.slides[0])[:2] == ["Kerntraining 1: Wie ben ik?", "Week 2"]


def test_the_pause_slide_says_when_the_group_starts_again():
    pause = slides.deck(session()).slides[3]
    assert box_texts(pause) == ["Pauze", "15 minuten", "We beginnen weer om 13:30 uur."]


def test_slides_are_numbered_and_titles_stay_in_place():
    deck = slides.deck(session())
    assert deck.slides[0].number == ""
    assert [s.number for s in deck.slides[1:]] == [f"{n} / 7" for n in range(2, 8)]
    places = {(s.boxes[0].y, s.boxes[0].h, s.rule_y) for s in deck.slides if s.kind != "title"
              and s.kind != "pause"}
    assert len(places) == 1


def test_title_slide_shows_the_date_when_known():
    deck = slides.deck(session(), datum=date(2026, 3, 3))
    assert "dinsdag 3 maart 2026" in box_texts(deck.slides[0])


def test_block_slide_shows_instruction_duration_and_a_pictogram():
    welcome = slides.deck(session()).slides[2]
    assert box_texts(welcome) == [
        "Welkom", "Vang de bal. Zeg je naam. Gooi de bal naar een ander.", "15 minuten",
    ]
    assert welcome.picture.name == "samen"  # "Vang de bal": a game of the group
    assert "Nodig: Zachte bal." in welcome.notes  # may be trainer things: notes only
    assert slides.deck(session()).slides[4].picture.name == "kijk"  # "Kijk naar ..."


def test_the_field_pictogram_wins_over_the_first_action_word():
    data = yaml.safe_load(SESSION)
    data["blokken"][2]["pictogram"] = "kies"  # "Kijk naar de kaarten. Kies drie kaarten."
    assert slides.deck(session(blokken=data["blokken"])).slides[4].picture.name == "kies"


@pytest.mark.parametrize("instructie, name", [
    ("Kijk naar de vijf stappen. Welke stap ken je?", "kijk"),
    ("Luister naar de gast. Schrijf twee dingen op.", "luister"),
    ("Werk met z'n tweeën. Lees de vacature.", "tweetal"),
    ("Ga in een kring staan. Zeg je naam.", "samen"),
    ("Zet een kruisje. Schrijf ook een eigen vraag.", "kies"),
    ("Je tekende het formulier. Zeg het tegen een trainer.", "praat"),  # not "teken"
    ("Welkom. Alles mag.", "samen"),  # no action word
])
def test_the_pictogram_is_the_first_action_word_of_the_instruction(instructie, name):
    assert slides.pictogram_of({"instructie": instructie}) == name


def test_an_unknown_pictogram_names_file_block_and_the_allowed_names():
    data = yaml.safe_load(SESSION)
    data["blokken"][2]["pictogram"] = "oog"
    [message] = checks.pictogram_problems([session(blokken=data["blokken"])])
    assert message.startswith("docs/traject/kerntraining-1.md: blok 3 ('Kwaliteitenkaarten'), "
                              "veld 'sessie.blokken[3].pictogram': het pictogram 'oog' bestaat niet")
    assert "kies een van: lees, schrijf, praat, luister, kijk," in message
    assert checks.pictogram_problems([session()]) == []


def test_the_schema_takes_the_field_and_the_reference_lists_the_names(tmp_path):
    data = yaml.safe_load(SESSION)
    data["blokken"][0]["pictogram"] = "kijk"
    page = tmp_path / "traject" / "kerntraining-1.md"
    page.parent.mkdir()
    page.write_text("---\n" + yaml.safe_dump({"sessie": data}, allow_unicode=True) + "---\n",
                    encoding="utf-8")
    assert content.load(tmp_path).sessions[0].data["blokken"][0]["pictogram"] == "kijk"
    rows = [r for _, _, group, _ in reference.reference() for r in group
            if r["veld"] == "blokken[].pictogram"]
    assert rows and "kijk" in rows[0]["uitleg"] and "handtekening" in rows[0]["uitleg"]


def test_a_long_instruction_continues_on_a_next_slide():
    data = yaml.safe_load(SESSION)
    data["blokken"][0]["instructie"] = " ".join(["Zeg je naam en je land."] * 6)
    deck = slides.deck(session(blokken=data["blokken"]))
    welcome = [s for s in deck.slides if s.title == "Welkom"]
    assert len(welcome) == 3  # 36 words, at most 15 a slide
    assert all(len(box_texts(s)[1].split()) <= slides.MAX_WORDS + 2 for s in welcome)
    assert "15 minuten" in box_texts(welcome[-1]) and "15 minuten" not in box_texts(welcome[0])


def test_trainer_text_is_in_the_notes_and_never_on_a_slide():
    data = yaml.safe_load(SESSION)
    deck = slides.deck(session())
    on_slides = all_box_text(deck)
    for block in data["blokken"]:
        if block.get("pauze"):
            continue
        slide = next(s for s in deck.slides if s.title == block["titel"])
        assert block["wat"] in slide.notes
        assert block["wie"].capitalize() in slide.notes
        assert block["wat"] not in on_slides
    closing = deck.slides[-1]
    assert data["kernpunten"][0] in closing.notes
    assert data["kernpunten"][0] not in on_slides
    assert data["samenvatting"] in deck.slides[0].notes
    assert data["samenvatting"] not in on_slides
    assert "13:00–13:15" in deck.slides[2].notes  # clock times are for the trainer


def test_the_agenda_shows_the_blocks_and_keeps_the_goals_in_the_notes():
    deck = slides.deck(session(leerdoelen=["Zeggen wat je goed kunt.", "Een ander helpen."]))
    agenda = deck.slides[1]
    assert box_texts(agenda) == ["Wat doen we vandaag?", "Welkom", "Kwaliteitenkaarten",
                                 "Afsluiting"]
    assert "Zeggen wat je goed kunt." in agenda.notes


def test_many_block_titles_go_into_two_columns():
    blocks = [dict(titel=f"Blok {n}", minuten=5, wie="samen", wat="Iets doen met de groep.",
                   instructie="Doe mee.") for n in range(1, 9)]
    deck = slides.deck(session(blokken=blocks))
    assert len([b for b in deck.slides[1].boxes if b.is_list]) == 2


def test_closing_slide_shows_what_to_do_for_next_week():
    closing = slides.deck(session()).slides[-1]
    assert box_texts(closing) == ["Wat neem je mee?", "Voor volgende week:", "Neem een foto mee."]
    assert closing.picture.name == "doel"


def test_closing_slide_without_next_week_shows_the_whole_instruction():
    data = yaml.safe_load(SESSION)
    data["blokken"][-1]["instructie"] = "Zeg één woord. Dank je wel."
    closing = slides.deck(session(blokken=data["blokken"])).slides[-1]
    assert box_texts(closing) == ["Wat neem je mee?", "Zeg één woord. Dank je wel."]


# --- the checks -----------------------------------------------------------------


def test_overflow_counts_the_characters_that_do_not_fit():
    style = slides.STYLES["text"]
    box = slides.Box("body", 0, 0, 300, style.line, [slides.Paragraph("woord " * 40)])
    lines = slides.wrapped(box.paragraphs[0], box.w)
    over, first = slides.overflow(box)
    assert over == sum(len(line) for line in lines[1:]) > 0
    assert first is box.paragraphs[0]
    box.h = len(lines) * style.line
    assert slides.overflow(box) == (0, None)


def test_too_long_instruction_stops_with_file_block_field_and_count():
    data = yaml.safe_load(SESSION)
    data["blokken"][0]["instructie"] = "Zeg je naam en " * 60 + "klaar."  # one sentence
    deck = slides.deck(session(blokken=data["blokken"]))
    [message] = [p for p in slides.problems(deck) if "past niet" in p]
    assert re.match(r"docs/traject/kerntraining-1.md: dia \d+ 'Welkom', blok 'Welkom': ", message)
    assert "tekens te veel" in message


def test_too_long_title_does_not_fit_either():
    data = yaml.safe_load(SESSION)
    data["blokken"][0]["titel"] = "Een heel lange titel die over drie regels loopt " * 2
    deck = slides.deck(session(blokken=data["blokken"]))
    assert any("veld 'sessie.blokken[1].titel'" in p and "tekens te veel" in p
               for p in slides.problems(deck))


def test_hard_participant_text_fails_the_a2_gate_with_session_and_score():
    data = yaml.safe_load(SESSION)
    data["blokken"][0]["instructie"] = (
        "Beargumenteer waarom interculturele communicatievaardigheden onontbeerlijk zijn "
        "binnen hedendaagse arbeidsorganisaties en personeelsbeleidsontwikkeling."
    )
    deck = slides.deck(session(blokken=data["blokken"]))
    [message] = [p for p in slides.problems(deck) if "A2" in p]
    assert message.startswith("docs/traject/kerntraining-1.md (dia's bij 'Kerntraining 1")
    assert re.search(r"Flesch-Douma -?\d+ \(minstens 80\)", message)


def test_a_block_without_instruction_names_the_file_and_the_block():
    data = yaml.safe_load(SESSION)
    del data["blokken"][2]["instructie"]
    with pytest.raises(slides.SlideError) as caught:
        slides.deck(session(blokken=data["blokken"]))
    message = str(caught.value)
    assert message.startswith("docs/traject/kerntraining-1.md: blok 3 ('Kwaliteitenkaarten')")
    assert "'sessie.blokken[3].instructie'" in message


def test_the_schema_already_refuses_a_block_without_instruction(tmp_path):
    data = yaml.safe_load(SESSION)
    del data["blokken"][2]["instructie"]
    page = tmp_path / "traject" / "kerntraining-1.md"
    page.parent.mkdir()
    page.write_text("---\n" + yaml.safe_dump({"sessie": data}, allow_unicode=True) + "---\n",
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        content.load(tmp_path)
    [message] = caught.value.problems
    assert message.startswith(
        "docs/traject/kerntraining-1.md: het veld 'sessie.blokken[3].instructie' ontbreekt")


@pytest.fixture(scope="module")
def renderer():
    """A renderer with the settings of the build (the clock times in the notes)."""
    return make_renderer(load_config(str(ROOT / "mkdocs.yml")))


@pytest.fixture(scope="module")
def decks(renderer):
    built, found = slides.decks(renderer)
    assert found == []
    return built


TRAINER_WORDS = ("presentielijst", "timer", "draaiboek", "co-trainer", "hoofdtrainer",
                 "leerdoel", "flip-over klaarzetten")


def body_words(slide):
    return " ".join(p.text for b in slide.boxes[1:] for p in b.paragraphs
                    if p.style not in ("label",)).split()


def test_content_slides_have_few_words_a_pictogram_and_no_trainer_words(decks):
    for deck in decks:
        for number, slide in enumerate(deck.slides, start=1):
            where = f"{deck.session.id}, dia {number} '{slide.title}'"
            text = " ".join(box_texts(slide)).lower()
            assert not [w for w in TRAINER_WORDS if w in text], where
            if slide.kind == "content":
                assert len(body_words(slide)) <= slides.MAX_WORDS + 2, where
                assert slide.picture is not None and slide.picture.png.is_file(), where


def test_kerntraining_7_shows_an_eye_where_the_group_looks_at_the_five_steps(decks):
    deck = next(d for d in decks if d.session.id == "kerntraining-7")
    steps = next(s for s in deck.slides if s.title == "Solliciteren in Nederland")
    assert "Kijk naar de vijf stappen" in box_texts(steps)[1]
    assert steps.picture.name == "kijk"  # not the ear of "luister"


def test_every_group_session_of_the_handbook_gets_a_deck_that_passes(renderer, decks):
    assert [d.session.id for d in decks] == [
        s.id for s in renderer.handbook.sessions if s.data.get("groep") != "individueel"]
    assert "intake" not in [d.session.id for d in decks]


# --- the real build ----------------------------------------------------------------


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def test_every_group_session_has_an_editable_pptx(site, decks):
    for deck in decks:
        path = site / "pdf" / f"dia-{deck.session.id}.pptx"
        presentation = Presentation(path)
        assert (presentation.slide_width, presentation.slide_height) == (Pt(960), Pt(540))
        assert len(presentation.slides) == len(deck.slides), path.name
        for model, slide in zip(deck.slides, presentation.slides):
            assert slide.shapes.title.text_frame.text == model.title
            assert slide.notes_slide.notes_text_frame.text == model.notes
            sizes = {run.font.size for shape in slide.shapes if shape.has_text_frame
                     and shape.name != "Dianummer"
                     for p in shape.text_frame.paragraphs for run in p.runs}
            assert min(sizes) >= Pt(28), f"{path.name}: tekst kleiner dan 28 pt"
            pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
            assert len(pictures) == (1 if model.picture else 0), path.name
            for picture in pictures:
                assert picture._element.nvPicPr.cNvPr.get("descr")
        for block in deck.session.data["blokken"]:
            if not block.get("pauze"):
                model = next(s for s in deck.slides if s.title == block["titel"])
                assert slides.plain(block["wat"]) in model.notes


def test_every_group_session_has_a_16_9_pdf_with_its_title(site, decks):
    for deck in decks:
        reader = PdfReader(site / "pdf" / f"dia-{deck.session.id}.pdf")
        assert len(reader.pages) == len(deck.slides)
        for page in reader.pages:
            box = page.mediabox
            assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01
        assert normalise(deck.title) in normalise(reader.pages[0].extract_text())
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
        assert str(root["/Lang"]).lower().startswith("nl")


# The content of a slide (title, text, pictogram; not the slide number) must reach from the
# title near the top to below about two thirds of the slide: at least MIN_SPAN of its height.
# The layout of issue 16 (28 pt text and a 120 pt pictogram at the top) gave 0.31-0.44: the
# lower half stayed empty. With 40 pt text and a 240 pt pictogram, both centred between the
# rule and the bottom margin, every content slide measures 0.60-0.72 (a one-line title and
# the eye, the flattest pictogram, give the lowest). 0.55 lies between the two.
MIN_SPAN = 0.55
NUMBER_BAND = 500 / 540  # below this the slide number sits; it does not count


def page_spans(pdf, folder):
    """For each page: the part of its height between the highest and the lowest dark
    pixel, from a greyscale rendering (what a viewer sees, pictograms included)."""
    subprocess.run(["pdftoppm", "-gray", "-r", "12", str(pdf), str(folder / "p")], check=True)
    spans = []
    for page in sorted(folder.glob("p-*.pgm")):
        data = page.read_bytes()
        _, width, height, _, pixels = data.split(maxsplit=4)
        width, height = int(width), int(height)
        pixels = pixels[-width * height:]
        rows = [y for y in range(int(height * NUMBER_BAND))
                if min(pixels[y * width:(y + 1) * width]) < 160]
        spans.append((rows[-1] - rows[0] + 1) / height if rows else 0)
        page.unlink()
    return spans


def test_content_slides_use_the_height_of_the_slide(site, decks, tmp_path):
    for deck in decks:
        spans = page_spans(site / "pdf" / f"dia-{deck.session.id}.pdf", tmp_path)
        assert len(spans) == len(deck.slides)
        for number, (slide, span) in enumerate(zip(deck.slides, spans), start=1):
            if slide.kind == "content":
                assert span >= MIN_SPAN, (
                    f"dia-{deck.session.id}.pdf, dia {number} '{slide.title}': de inhoud beslaat "
                    f"{span:.0%} van de hoogte (minstens {MIN_SPAN:.0%})")


def test_session_pages_and_the_overview_link_to_both_files(site, decks):
    overview = (site / "traject" / "dia.html").read_text(encoding="utf-8")
    for deck in decks:
        ident = deck.session.id
        page = (site / deck.session.src.replace(".md", ".html")).read_text(encoding="utf-8")
        for name in (f"dia-{ident}.pptx", f"dia-{ident}.pdf"):
            assert re.search(rf'href="\.\./pdf/{re.escape(name)}" download', page), name
            assert f'href="../pdf/{name}" download' in overview, name
    intake = (site / "traject" / "intake.html").read_text(encoding="utf-8")
    assert "dia-intake" not in intake


def test_libreoffice_opens_the_pptx_with_every_slide(site, decks, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) ontbreekt; onder CI moet deze test draaien")
        pytest.skip("LibreOffice (soffice) niet gevonden; installeer 'libreoffice-impress'")
    chosen = [decks[0], decks[-1]]
    sources = [str(site / "pdf" / f"dia-{d.session.id}.pptx") for d in chosen]
    profile = (tmp_path / "profiel").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *sources],
        check=True, capture_output=True, timeout=180,
    )
    for deck in chosen:
        reader = PdfReader(tmp_path / f"dia-{deck.session.id}.pdf")
        assert len(reader.pages) == len(deck.slides), deck.session.id
        assert normalise(deck.title) in normalise(reader.pages[0].extract_text())
