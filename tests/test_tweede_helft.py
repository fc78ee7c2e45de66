"""The second half of the trajectory as a trainer reads it on the built site.

Kerntraining 6 (routes and vacancies) and kerntraining 7 (the CV and the job
interview) are two sessions, the CV has its own worksheet, the week plan still
fits about three months, and the forbidden question about childcare is named
as forbidden, with where to report it.
"""

import re
from html import unescape

from conftest import ROOT
from macros.content import load

HANDBOOK = load(ROOT / "docs")


def page_text(site, path):
    html = (site / path).read_text(encoding="utf-8")
    article = html[html.index("<article"):html.rindex("</article>")]  # sheets nest articles
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).split())


def headings(site, path):
    html = (site / path).read_text(encoding="utf-8")
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", h)).split()).rstrip("¶#").strip()
            for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)]


def test_one_session_per_week_and_about_three_months():
    weeks = [s.data["week"] for s in HANDBOOK.sessions]
    assert len(weeks) == len(set(weeks)), weeks
    ceremony = next(s.data["week"] for s in HANDBOOK.sessions
                    if s.data["soort"] == "certificaatuitreiking")
    assert 12 <= ceremony <= 14   # weekly meetings for about three months


def test_the_cv_and_the_interview_have_their_own_session_with_the_cv_worksheet(site):
    kt6 = HANDBOOK.items["sessie"]["kerntraining-6"].data
    kt7 = HANDBOOK.items["sessie"]["kerntraining-7"].data
    assert "mijn-cv" in kt7["werkbladen"] and "mijn-cv" not in kt6["werkbladen"]
    assert kt7["week"] == kt6["week"] + 1
    text = page_text(site, "traject/kerntraining-7.html")
    assert "Wat staat er in mijn cv?" in text
    sheet = page_text(site, "werkbladen/mijn-cv.html")
    assert "Waar heb je gewerkt?" in sheet and "Is je cv klaar?" in sheet


def test_solliciteren_in_nederland_is_one_section(site):
    found = [h for page in ("traject/kerntraining-6.html", "traject/kerntraining-7.html")
             for h in headings(site, page) if h == "Solliciteren in Nederland"]
    assert len(found) == 1


def test_the_childcare_question_is_named_as_forbidden_with_where_to_report(site):
    text = page_text(site, "traject/kerntraining-7.html")
    assert "Hoe regelt u de opvang van uw kinderen?" in text
    assert "mag een werkgever niet stellen" in text
    assert "Algemene wet gelijke behandeling" in text and "AWGB" in text
    assert "College voor de Rechten van de Mens" in text
    assert "antidiscriminatievoorziening" in text
    assert "niet altijd" not in text
