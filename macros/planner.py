"""The page "Plan je groep": plan a cohort and make its papers in the browser.

The browser gets what the build knows as a small generated script
(DATA_PATH, a global `KIX_PLANNER`, so it works from a USB stick without a
server): the group sessions with their weeks, lengths, titles and pages, the
Dutch public holidays for a span of years (from the `holidays` library), the
intake weeks from methode.yml and the rules of cohort.py. The date logic
itself is in SCRIPT_PATH; tests/test_planner.py checks it gives the same dates
as cohort.plan. The print views (presentielijst, certificate) are the same
templates as the PDF forms, rendered here into <template> elements.
"""

import datetime
import json
import re
from pathlib import Path

import holidays
from markupsafe import Markup

from . import cohort, render
from .validation import ContentError

DATA_PATH = "assets/javascripts/planner-data.js"
SCRIPT_PATH = "assets/javascripts/planner.js"
STYLE_PATH = "assets/stylesheets/planner.css"
YEARS_BACK = 1     # a group that started last year can still be planned again
YEARS_AHEAD = 5    # and any group starting in the next five years
# Markers in the rendered certificate that the browser replaces by a name and a period.
NAME_MARK = "[[naam]]"
PERIOD_MARK = "[[periode]]"
# Every year of the holiday data must have these, or the data does not cover it.
YEARLY_HOLIDAYS = ("Nieuwjaarsdag", "Koningsdag", "Eerste kerstdag")


def published_url(config):
    """The address of the published site, for links in calendar files: site_url, or
    else the GitHub Pages address of repo_url (github.com/owner/name ->
    owner.github.io/name/). Empty when neither is known."""
    if config.get("site_url"):
        return config["site_url"].rstrip("/") + "/"
    match = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+?)/?", config.get("repo_url") or "")
    return f"https://{match[1].lower()}.github.io/{match[2]}/" if match else ""


def start_years(today):
    """The years in which a kick-off can be planned in the browser."""
    return range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1)


def holiday_years(today):
    """The years the holiday data covers: the start years and the year after the last
    (a plan lasts at most cohort.LONGEST_WEEKS weeks)."""
    years = start_years(today)
    return range(years.start, years.stop + 1)


def public_holidays(years):
    """{date: name} of the Dutch public holidays in `years`."""
    return dict(sorted(holidays.Netherlands(years=years, language="nl").items()))


def coverage_problems(found, years):
    """What is missing for the holiday data to cover every year in `years`."""
    names = {(day.year, name) for day, name in found.items()}
    return [
        f"{DATA_PATH}: de feestdagen van {year} ontbreken ({name}); verwacht feestdagen voor "
        f"{years[0]} tot en met {years[-1]} uit de bibliotheek 'holidays'"
        for year in years for name in YEARLY_HOLIDAYS if (year, name) not in names
    ]


def session_data(session):
    """What the browser needs of one session."""
    data = session.data
    return {"id": session.id, "titel": session.title, "soort": data["soort"],
            "week": data["week"], "duur": data["duur"], "groep": data.get("groep", "groep"),
            "pad": render.source_url(session.src)}


def browser_data(handbook, facts, site_url, today):
    """Everything the page needs from the build, as plain data; raise ContentError when
    the holidays do not cover the years to plan in."""
    years = holiday_years(today)
    found = public_holidays(years)
    problems = coverage_problems(found, years)
    if problems:
        raise ContentError(problems)
    first, last = start_years(today)[0], start_years(today)[-1]
    return {
        "sessies": [session_data(s) for s in handbook.sessions],
        "feestdagen": {day.isoformat(): name for day, name in found.items()},
        "eersteStart": datetime.date(first, 1, 1).isoformat(),
        "laatsteStart": datetime.date(last, 12, 31).isoformat(),
        "laatsteDag": datetime.date(years[-1], 12, 31).isoformat(),
        "begintijd": facts["begintijd"],
        "intakeWeken": facts["intake"]["weken_voor_kickoff"],
        "langsteWeken": cohort.LONGEST_WEEKS,
        "weekdagen": cohort.WEEKDAYS,
        "maanden": cohort.MONTHS,
        "siteUrl": site_url.rstrip("/") + "/" if site_url else "",
        "naamMerk": NAME_MARK,
        "periodeMerk": PERIOD_MARK,
    }


def data_script(data):
    """The data as a script that sets the global KIX_PLANNER (works from file://)."""
    text = json.dumps(data, ensure_ascii=True, indent=1)
    return ("// Made by the build (macros/planner.py) from the sessions and the holidays "
            "library; do not edit.\n"
            f"window.KIX_PLANNER = {text};\n")


def write_data(renderer, site_dir, site_url, today=None):
    """Write DATA_PATH into site_dir; raise ContentError when the holidays fall short."""
    data = browser_data(renderer.handbook, renderer.facts, site_url,
                        today or datetime.date.today())
    path = Path(site_dir) / DATA_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data_script(data), encoding="utf-8")


def page_part(renderer):
    """The form, the result area and the print templates of the page (HTML)."""
    return renderer.render(
        "planner.html",
        attendance_list=Markup(renderer.attendance_list()),
        certificate=Markup(renderer.certificate(naam=NAME_MARK, periode=PERIOD_MARK)),
        blank_certificate=Markup(renderer.certificate(naam="", periode=PERIOD_MARK)),
        data_url=renderer.url(DATA_PATH),
        script_url=renderer.url(SCRIPT_PATH),
        style_url=renderer.url(STYLE_PATH),
        base_url=renderer.url("index.md")[: -len("index.html")],
    )
