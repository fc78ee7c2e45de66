"""The facts of the method (methode.yml), decided once and shown by macro.

Loading reads and checks methode.yml; `facts` adds what follows from the
sessions (so nobody types it): from which week participants lead blocks, how
many group meetings the certificate asks for, how many weeks after the ceremony
the return day is, the coaching hours of a full group, and the week of each
session ({{ methode.week.bedrijfsbezoek }}, {{ methode.week.kick_off }}). Pages show a fact
with `{{ methode.begintijd }}` and the core elements with `{{ kernelementen() }}`;
an unknown name stops the build.
"""

import math
from pathlib import Path

import yaml

from .validation import ContentError, problems_in

FILE = "methode.yml"


def load(root):
    """The checked contents of methode.yml in the folder `root`."""
    path = Path(root) / FILE
    if not path.exists():
        raise ContentError([f"{FILE}: het bestand ontbreekt; verwacht de afspraken van de "
                            "methode naast mkdocs.yml"])
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", regel {mark.line + 1}" if mark else ""
        raise ContentError([f"{FILE}{line}: dit is geen geldige YAML ({error})"]) from None
    problems = problems_in(data, "methode", FILE)
    if problems:
        raise ContentError(problems)
    return data


def certificate_meetings(sessions):
    """The group meetings that count for the certificate: those before the ceremony."""
    group = [s for s in sessions if s.data.get("groep") != "individueel"]
    ceremony = next((s.data["week"] for s in group
                     if s.data["soort"] == "certificaatuitreiking"), None)
    return [s for s in group if ceremony is None or s.data["week"] < ceremony]


def week_of(sessions, kind):
    return next((s.data["week"] for s in sessions if s.data["soort"] == kind), None)


def usual_hours(sessions):
    """How long a group meeting usually lasts, in hours ('3' or '2,5'): the most common length."""
    lengths = [s.data["duur"] for s in sessions if s.data.get("groep") != "individueel"]
    if not lengths:
        return None
    hours = max(set(lengths), key=lengths.count) / 60
    return f"{hours:g}".replace(".", ",")


def core_elements(data):
    """The core elements, with the group size filled in where a 'waarom' names it."""
    return [dict(element, waarom=element["waarom"].replace("{groep_max}", str(data["groep_max"])))
            for element in data["kernelementen"]]


def facts(data, sessions):
    """methode.yml plus what the sessions decide."""
    leading = [s.data["week"] for s in sessions
               if any(b.get("wie") == "deelnemers" for b in s.data["blokken"])]
    counted = certificate_meetings(sessions)
    needed = math.ceil(len(counted) * data["certificaat_aanwezigheid_procent"] / 100)
    ceremony, return_day = week_of(sessions, "certificaatuitreiking"), week_of(sessions, "terugkomdag")
    coaching = data["coaching"]
    return dict(
        data,
        kernelementen=core_elements(data),
        week={s.id.replace("-", "_"): s.data["week"] for s in sessions},
        deelnemers_leiden_vanaf_week=min(leading) if leading else None,
        certificaat_norm=f"{needed} van de {len(counted)} groepsbijeenkomsten",
        trajectweken=ceremony,
        bijeenkomst_uren=usual_hours(sessions),
        terugkomdag_weken_na_certificaat=(return_day - ceremony) if ceremony and return_day else None,
        coaching_uren_groep=whole(coaching["gesprekken_per_deelnemer"] * coaching["minuten"]
                                  * data["groep_max"] / 60),
    )


def whole(number):
    """10.0 is shown as 10; 12.5 stays 12.5."""
    return int(number) if float(number).is_integer() else number


def core_elements_list(renderer):
    """{{ kernelementen() }}: the one list of core elements, as every page shows it."""
    return renderer.render("core_elements.html", elementen=renderer.facts["kernelementen"])


# A task in a start planning may take its week from methode.yml by name, so the
# planning and the pages say the same (weken_voor_start: intake).
FACT_WEEKS = {"intake": lambda facts: facts["intake"]["weken_voor_kickoff"]}


def with_fact_weeks(planning, facts):
    """The planning with each named week (`weken_voor_start: intake`) as its number."""
    if not isinstance(planning, list):
        return planning
    return [dict(task, weken_voor_start=FACT_WEEKS[task["weken_voor_start"]](facts))
            if isinstance(task, dict) and task.get("weken_voor_start") in FACT_WEEKS else task
            for task in planning]
