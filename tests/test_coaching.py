"""Coaching in the schedule: the rota follows from methode.yml and shows in the built site.

The unit tests check how conversations are spread over sessions and trainers;
the site tests open the built run sheets and the rota on traject/index.html and
check what a trainer reads there against methode.yml.
"""

import re
from html import unescape

import pytest
import yaml

from conftest import ROOT
from macros import coaching
from macros.content import Item
from macros.validation import ContentError

METHODE = yaml.safe_load((ROOT / "methode.yml").read_text(encoding="utf-8"))
FORM = METHODE["coaching"]


def session(name, week, group="groep"):
    data = {"titel": name, "week": week, "groep": group, "blokken": []}
    return Item(name, "sessie", f"traject/{name}.md", data, "")


SESSIONS = [session("intake", 0, "individueel")] + [session(f"kt{i}", i) for i in range(1, 8)]


def form(**changes):
    base = dict(FORM, rondes=[{"onderwerp": "je doelen", "sessies": ["kt2", "kt3", "kt4"]},
                              {"onderwerp": "je plan", "sessies": ["kt5", "kt6", "kt7"]}])
    return dict(base, **changes)


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_participant_gets_one_conversation_per_round():
    slots = coaching.rota(form(gesprekken_per_trainer=3), SESSIONS, 15)
    for number in (1, 2):
        assert sum(s.total for s in slots if s.gesprek == number) == 15
    assert [s.total for s in slots] == [5, 5, 5, 5, 5, 5]


def test_trainers_share_the_conversations_evenly():
    slots = coaching.rota(form(gesprekken_per_trainer=3), SESSIONS, 15)
    assert sum(s.hoofdtrainer for s in slots) == sum(s.co_trainer for s in slots) == 15
    assert max(max(s.hoofdtrainer, s.co_trainer) for s in slots) <= 3


def test_a_round_that_cannot_hold_the_group_stops_the_build():
    too_small = form(gesprekken_per_trainer=2,
                     rondes=[{"onderwerp": "je doelen", "sessies": ["kt2", "kt3"]},
                             {"onderwerp": "je plan", "sessies": ["kt5", "kt6", "kt7"]}])
    with pytest.raises(ContentError, match=r"coaching\.rondes\[1\].*8 gesprekken.*15 deelnemers"):
        coaching.rota(too_small, SESSIONS, 15)


def test_unknown_or_individual_sessions_and_a_wrong_number_of_rounds_are_named():
    wrong = form(gesprekken_per_deelnemer=3,
                 rondes=[{"onderwerp": "je doelen", "sessies": ["kt2", "kt9", "intake"]},
                         {"onderwerp": "je plan", "sessies": ["kt5", "kt6", "kt7"]}])
    problems = coaching.problems(wrong, SESSIONS, 15)
    assert any("'kt9' bestaat niet" in p for p in problems)
    assert any("'intake' is geen groepsbijeenkomst" in p for p in problems)
    assert any("2 rondes" in p and "gesprekken_per_deelnemer is 3" in p for p in problems)


def test_the_handbook_rota_covers_the_whole_group():
    """The real methode.yml: each round fits the largest group."""
    from macros.content import load

    handbook = load(ROOT / "docs")
    slots = coaching.rota(FORM, handbook.sessions, METHODE["groep_max"])
    assert len({s.gesprek for s in slots}) == FORM["gesprekken_per_deelnemer"]
    assert sum(s.total for s in slots) == FORM["gesprekken_per_deelnemer"] * METHODE["groep_max"]


@pytest.mark.parametrize("round_", range(len(FORM["rondes"])))
def test_run_sheets_show_the_coaching_after_the_session(site, round_):
    for ident in FORM["rondes"][round_]["sessies"]:
        page = text_of((site / "traject" / f"{ident}.html").read_text(encoding="utf-8"))
        assert "Coachgesprekken na deze bijeenkomst" in page, ident
        found = re.search(r"(\d+) gesprekken van (\d+) minuten", page)
        assert found, ident
        assert int(found.group(2)) == FORM["minuten"]
        assert f"gesprek {round_ + 1}: {FORM['rondes'][round_]['onderwerp']}" in page


def test_sessions_without_coaching_have_no_coaching_row(site):
    planned = {i for r in FORM["rondes"] for i in r["sessies"]}
    for path in (site / "traject").glob("*.html"):
        if path.stem not in planned:
            assert "Coachgesprekken na deze bijeenkomst" not in path.read_text(encoding="utf-8"), path


def test_the_rota_on_the_trajectory_page_totals_the_coaching_hours(site):
    page = text_of((site / "traject" / "index.html").read_text(encoding="utf-8"))
    assert "Coachrooster voor een groep van" in page
    minutes = FORM["gesprekken_per_deelnemer"] * FORM["minuten"] * METHODE["groep_max"]
    hours = f"{minutes / 60:.1f}".replace(".", ",").removesuffix(",0")
    assert f"{FORM['gesprekken_per_deelnemer'] * METHODE['groep_max']} gesprekken en {hours} uur" in page
