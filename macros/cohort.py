"""A municipality edition and the calendar of its cohort.

An edition sets `extra.editie` (gemeente, startdatum, times, location, days
off, contact). From the start date and the weeks of the sessions this module
plans a real date for every meeting: weekly on the weekday of the kick-off,
skipping Dutch public holidays (the `holidays` library) and the edition's
`vrije_dagen`. A skipped week moves that meeting and every later one a week on.

The same rules run in the browser (docs/assets/javascripts/planner.js, for the
page "Plan je groep"); tests/test_planner.py checks that both give the same dates.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import holidays
import icalendar

from . import schedule
from .validation import ContentError, problems_in

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
# A plan that needs more weeks than this after the kick-off has days off that
# swallow the whole period (the trajectory itself takes about half of it).
LONGEST_WEEKS = 52


@dataclass
class Edition:
    gemeente: str
    startdatum: datetime.date
    begintijd: str
    eindtijd: str
    locatie: str = ""
    vrije_dagen: list = field(default_factory=list)
    contact: dict = field(default_factory=dict)
    certificaat: dict = field(default_factory=dict)  # logo, trainers, place (forms.py)


@dataclass
class Meeting:
    """One meeting of the cohort: a session on a date, and the weeks it skipped."""

    session: object
    datum: datetime.date
    begin: str
    eind: str
    overgeslagen: list = field(default_factory=list)  # (date, reason) of skipped weeks


def minutes_of(clock):
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def edition_from(extra, where):
    """The edition in `extra.editie`, checked; None when there is none."""
    data = extra.get("editie")
    if data is None:
        return None
    problems = problems_in(data, "editie", where, prefix="extra.editie")
    if not problems:
        if minutes_of(data["eindtijd"]) <= minutes_of(data["begintijd"]):
            problems.append(
                f"{where}: veld 'extra.editie.eindtijd' ({data['eindtijd']}) ligt niet na "
                f"'extra.editie.begintijd' ({data['begintijd']}); verwacht een eindtijd na de begintijd"
            )
        for number, period in enumerate(data.get("vrije_dagen", []), start=1):
            if period["tot"] < period["van"]:
                problems.append(
                    f"{where}: veld 'extra.editie.vrije_dagen[{number}]' eindigt ({period['tot']}) "
                    f"voor het begint ({period['van']}); verwacht 'tot' op of na 'van'"
                )
    if problems:
        raise ContentError(problems)
    return Edition(**data)


def blocked_days(edition, years):
    """Every day without meetings: Dutch public holidays and the edition's days off."""
    blocked = dict(holidays.Netherlands(years=years, language="nl"))
    for period in edition.vrije_dagen:
        day = period["van"]
        while day <= period["tot"]:
            blocked.setdefault(day, "vrije dag van de gemeente")
            day += datetime.timedelta(days=1)
    return blocked


def group_sessions(sessions):
    """The sessions the whole group attends, in order (not the individual intake)."""
    return [s for s in sessions if s.data.get("groep") != "individueel"]


def plan(sessions, edition):
    """A Meeting for every group session, in order; raise ContentError if one cannot fit."""
    start = edition.startdatum
    blocked = blocked_days(edition, range(start.year, start.year + 2))
    last_day = start + datetime.timedelta(weeks=LONGEST_WEEKS)
    slot = minutes_of(edition.eindtijd) - minutes_of(edition.begintijd)
    problems, meetings = [], []
    if start in blocked:
        problems.append(
            f"extra.editie.startdatum ({start}) valt op {blocked[start]}; "
            "verwacht een dag waarop de groep bij elkaar kan komen"
        )
    previous = None  # (week, date) of the previous meeting
    for session in group_sessions(sessions):
        data = session.data
        if data["duur"] > slot:
            problems.append(
                f"docs/{session.src}: de sessie duurt {data['duur']} minuten, maar van "
                f"{edition.begintijd} tot {edition.eindtijd} is maar {slot} minuten; "
                "verwacht een eindtijd die ruimte geeft aan de langste sessie"
            )
        day = start if previous is None else (
            previous[1] + datetime.timedelta(weeks=data["week"] - previous[0]))
        skipped = []
        while previous is not None and day in blocked and day <= last_day:
            skipped.append((day, blocked[day]))
            day += datetime.timedelta(weeks=1)
        if day > last_day:
            problems.append(
                f"extra.editie.vrije_dagen: na {date_text(previous[1], weekday=False)} is er "
                f"binnen {LONGEST_WEEKS} weken na de kick-off geen week meer vrij voor "
                f"'{session.title}'; verwacht vrije dagen die niet de hele periode beslaan"
            )
            break
        meetings.append(Meeting(session, day, edition.begintijd,
                                schedule.add_minutes(edition.begintijd, data["duur"]), skipped))
        previous = (data["week"], day)
    if problems:
        raise ContentError(problems)
    return meetings


def intake_window(edition, weeks):
    """First and last day for the intake conversations: the `weeks` before the kick-off
    (methode.yml: intake.weken_voor_kickoff)."""
    return (edition.startdatum - datetime.timedelta(weeks=weeks),
            edition.startdatum - datetime.timedelta(days=1))


def date_text(day, weekday=True):
    """'dinsdag 20 april 2027' (or without the weekday)."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def calendar_file(meetings, edition, url_of, made=None):
    """The cohort as an iCalendar file (bytes): every meeting with place and link.
    `made` (default: now) is the DTSTAMP, the moment the file was made."""
    tz = ZoneInfo("Europe/Amsterdam")
    made = made or datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//K!X Works open handboek//kalender//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"K!X Works {edition.gemeente}")
    for meeting in meetings:
        event = icalendar.Event()
        event.add("uid", f"{meeting.session.id}-{meeting.datum.isoformat()}@kix-works")
        event.add("dtstamp", made)
        event.add("summary", f"K!X Works: {meeting.session.title}")
        for key, clock in (("dtstart", meeting.begin), ("dtend", meeting.eind)):
            moment = datetime.time.fromisoformat(clock)
            event.add(key, datetime.datetime.combine(meeting.datum, moment, tzinfo=tz))
        if edition.locatie:
            event.add("location", edition.locatie)
        link = url_of(meeting.session)
        event.add("description", f"Draaiboek en werkbladen: {link}")
        event.add("url", link)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def slug(text):
    """A safe file name part: 'Aïcha el-Amrani' -> 'aicha-el-amrani'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def calendar_path(edition):
    """Where the calendar file lands in site/: kalender/kix-works-<gemeente>.ics."""
    return f"kalender/kix-works-{slug(edition.gemeente)}.ics"
