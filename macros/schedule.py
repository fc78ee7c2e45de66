"""Computations on session data: clock times, hand-overs, quantities, totals.

Pure functions on plain data, so they are easy to test; rendering happens in
render.py and templates/.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

# How many participants one unit of `per` serves.
UNIT_SIZE = {"tweetal": 2, "drietal": 3, "viertal": 4}
TRAINERS = 2  # a hoofdtrainer and a co-trainer


@dataclass(frozen=True)
class Settings:
    """The handbook settings that computations depend on (mkdocs.yml `extra`)."""

    groepsgrootte: int = 15
    reserve: int = 2
    begintijd: str = "13:00"

    @property
    def copies(self):
        """Copies of anything each participant gets: the group plus spares."""
        return self.groepsgrootte + self.reserve


def add_minutes(clock, minutes):
    """'13:00' plus 75 minutes is '14:15'."""
    start = datetime.strptime(clock, "%H:%M")
    return (start + timedelta(minutes=minutes)).strftime("%H:%M")


@dataclass
class Row:
    """One line of a run sheet."""

    block: dict
    start: str  # clock time, or minutes from the start for an individual session
    end: str
    handover: tuple | None = None  # (from role, to role) when the lead changes here


def run_sheet(session, begintijd):
    """The blocks of a session with start and end times and hand-overs.

    Group sessions get clock times from `begintijd`; an individual conversation
    (the intake) gets minutes from its start, since each has its own time.
    """
    individual = session.get("groep") == "individueel"
    rows, elapsed, lead = [], 0, None
    for block in session["blokken"]:
        end = elapsed + block["minuten"]
        if individual:
            start_text, end_text = f"{elapsed}′", f"{end}′"
        else:
            start_text, end_text = add_minutes(begintijd, elapsed), add_minutes(begintijd, end)
        row = Row(block, start_text, end_text)
        role = None if block.get("pauze") else block["wie"]
        if role and lead and role != lead:
            row.handover = (lead, role)
        lead = role or lead
        rows.append(row)
        elapsed = end
    return rows


def quantity(material, settings):
    """How many of a material one session needs for the configured group."""
    per, each = material["per"], material["aantal"]
    if per == "deelnemer":
        return each * settings.copies
    if per in UNIT_SIZE:
        return each * math.ceil(settings.groepsgrootte / UNIT_SIZE[per])
    if per == "trainer":
        return each * TRAINERS
    return each  # per groep


def materials(session, settings):
    """The materials of one session with the quantity to bring."""
    return [dict(m, totaal=quantity(m, settings)) for m in session["materialen"]]


def contact_minutes(sessions):
    """Minutes the whole group meets (individual intakes not counted)."""
    return sum(s.data["duur"] for s in sessions if s.data.get("groep") != "individueel")


def materials_overview(sessions, settings):
    """Every material of the trajectory: where it is used and the most needed at once.

    Reusable things (pens, a flip-over) are needed at most `max` at a time;
    things used up are listed per session so a coordinator can add them up.
    """
    overview = {}
    for session in sessions:
        for material in materials(session.data, settings):
            entry = overview.setdefault(
                material["wat"].casefold(), {"wat": material["wat"], "sessies": []}
            )
            entry["sessies"].append((session, material["totaal"]))
    for entry in overview.values():
        entry["max"] = max(amount for _, amount in entry["sessies"])
    return sorted(overview.values(), key=lambda e: e["wat"].casefold())


def print_overview(sessions, werkbladen, settings):
    """Every worksheet with the sessions that use it and the copies to print."""
    rows = []
    for worksheet_id, worksheet in werkbladen.items():
        using = [s for s in sessions if worksheet_id in s.data["werkbladen"]]
        pages = worksheet.data.get("paginas", 1)
        rows.append({
            "werkblad": worksheet,
            "sessies": using,
            "kopieen": settings.copies * len(using),
            "vellen": settings.copies * len(using) * pages,
        })
    return sorted(rows, key=lambda r: (r["sessies"][0].data["week"] if r["sessies"] else 99,
                                       r["werkblad"].title))


def days_before_text(days):
    """Dutch wording for `dagen_vooraf`."""
    if days == 0:
        return "op de dag zelf"
    if days % 7 == 0:
        weeks = days // 7
        return f"{weeks} {'week' if weeks == 1 else 'weken'} vooraf"
    return f"{days} {'dag' if days == 1 else 'dagen'} vooraf"


def hours_text(minutes):
    """150 minutes is '2,5' (Dutch decimal comma, no trailing ',0')."""
    hours = minutes / 60
    text = f"{hours:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text
