"""What the engine generates, as a reader finds it in the built site and PDFs."""

import csv
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from conftest import ROOT
from macros import readability, sheets
from macros.content import load


@pytest.fixture(scope="module")
def handbook():
    return load(ROOT / "docs")


def text_of(site, page):
    html = (site / page).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_kick_off_run_sheet_has_clock_times_roles_and_hand_overs(site):
    text = text_of(site, "traject/kick-off.html")
    for clock in ("13:00", "13:15", "16:00"):
        assert clock in text
    assert "Overdracht: van hoofdtrainer naar co-trainer" in text
    assert "Werkvorm: Naamspel" in text
    assert "Pauze" in text


def test_materials_are_counted_for_the_group(site):
    text = text_of(site, "traject/kick-off.html")
    assert "Portfoliomap 1 per deelnemer 17" in text  # 15 participants and 2 spare
    overview = text_of(site, "traject/materialen.html")
    assert "Totaal" in overview and "Materialen voor het hele traject, voor 15 deelnemers" in overview


def test_trajectory_overview_has_every_session_total_hours_and_timeline(site, handbook):
    html = (site / "traject/index.html").read_text(encoding="utf-8")
    assert "<svg" in html and "Tijdlijn van het traject K!X Works" in html
    text = text_of(site, "traject/index.html")
    for session in handbook.sessions:
        assert session.title in text
    minutes = sum(s.data["duur"] for s in handbook.sessions if s.data.get("groep") != "individueel")
    hours = f"{minutes / 60:.1f}".replace(".", ",").removesuffix(",0")
    assert f"Contacturen met de hele groep {hours} uur" in text


def test_overviews_collect_every_session(site, handbook):
    key_points = text_of(site, "traject/kernpunten.html")
    notes = text_of(site, "traject/trainersnotities.html")
    by_werkvorm = text_of(site, "traject/werkvormen-per-sessie.html")
    for session in handbook.sessions:
        assert session.title in key_points
        assert session.data["kernpunten"][0][:40] in key_points
    assert "Voor een vrouwengroep" in notes
    assert "Incidentmethode" in by_werkvorm


def test_werkvorm_pages_show_where_they_are_used(site, handbook):
    text = text_of(site, "werkvormen/kennismaken/naamspel.html")
    assert "In het kort" in text and "Gebruikt in deze sessies" in text
    for session in handbook.sessions_using_werkvorm("naamspel"):
        assert session.title in text


def test_timeline_and_times_are_in_the_pdf(pdf_pages_text):
    text = re.sub(r"\s+", " ", " ".join(pdf_pages_text))
    assert "Draaiboek" in text and "13:15" in text
    assert "Contacturen met de hele groep" in text


def test_every_worksheet_and_form_has_its_own_pdf_with_its_title(site, handbook):
    for sheet in handbook.sheets:
        reader = PdfReader(site / "pdf" / f"{sheet.kind}-{sheet.id}.pdf")
        assert len(reader.pages) == sheets.sides(sheet.data), sheet.id
        first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
        assert sheet.title in first, sheet.id
        assert "Naam:" in first or sheet.data.get("naamveld") is False


def test_each_session_has_its_worksheets_in_one_pdf_and_a_run_sheet(site, handbook):
    for session in handbook.sessions:
        run_sheet = PdfReader(site / "pdf" / f"draaiboek-{session.id}.pdf")
        assert 1 <= len(run_sheet.pages) <= 2
        if session.data["werkbladen"]:
            bundle = PdfReader(site / "pdf" / f"werkbladen-{session.id}.pdf")
            text = " ".join(p.extract_text() for p in bundle.pages)
            for ident in session.data["werkbladen"]:
                assert handbook.werkbladen[ident].title in text


def test_forms_exist_on_the_site_and_in_the_pdf(site, pdf_pages_text):
    text = " ".join(pdf_pages_text)
    for page, title in [("presentielijst", "Presentielijst"), ("intakeformulier", "Intakeformulier"),
                        ("toestemmingsformulier", "Mag ik je filmen of op de foto zetten?"),
                        ("evaluatie-deelnemers", "Wat vond je van K!X Works?"),
                        ("evaluatie-co-trainer", "Evaluatie voor de co-trainer"),
                        ("certificaat", "Certificaat")]:
        assert title in text_of(site, f"formulieren/{page}.html")
        assert title in text
    attendance = PdfReader(site / "pdf" / "formulier-presentielijst.pdf")
    assert len(attendance.pages) == 1
    assert "Paraaf trainer" in attendance.pages[0].extract_text()


def test_everything_participants_read_passes_the_a2_gate(handbook):
    too_hard = readability.sheet_problems(handbook)
    assert not too_hard, too_hard
    assert len(handbook.sheets) >= 20


def test_a2_gate_names_the_text_and_its_scores():
    hard = ("De deelnemers reflecteren gezamenlijk op hun professionele ontwikkeling binnen "
            "de maatschappelijke context van arbeidsmarktparticipatie en integratievraagstukken.")
    message = readability.problem("docs/werkbladen/moeilijk.md", hard)
    assert message.startswith("docs/werkbladen/moeilijk.md: te moeilijk voor A2")
    assert "woorden per zin" in message and "Flesch-Douma" in message
    assert readability.problem("x", "Wat kun je goed? Schrijf het op. Vraag een ander.") is None


def test_certificate_command_makes_one_pdf_per_name(tmp_path):
    names = tmp_path / "namen.csv"
    with open(names, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerows([["naam"], ["Aïcha el-Amrani"], [""], ["José Müller"], ["Ngozi Okafor"]])
    out = tmp_path / "certificaten"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "certificaten.py"), str(names),
         "--periode", "april tot juli 2027", "--uit", str(out)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in out.glob("*.pdf"))
    assert files == ["aicha-el-amrani.pdf", "jose-muller.pdf", "ngozi-okafor.pdf"]
    text = PdfReader(out / "aicha-el-amrani.pdf").pages[0].extract_text()
    assert "Aïcha el-Amrani" in text
    assert "april tot juli 2027" in text
    assert "Wie ben ik en wat kan ik?" in text
