"""Municipality editions and the cohort calendar."""

import datetime
import re
from types import SimpleNamespace

import icalendar
import pytest
from pypdf import PdfReader

from conftest import PDF_NAME, ROOT, build
from macros import cohort, content, method
from macros.validation import ContentError

D = datetime.date


def session(ident, week, minutes=180, group="groep", kind="kerntraining"):
    data = {"week": week, "duur": minutes, "groep": group, "soort": kind}
    return SimpleNamespace(id=ident, title=ident, src=f"traject/{ident}.md", data=data)


TRAJECT = [session("intake", 0, 45, group="individueel", kind="intake"),
           session("kick-off", 1, kind="kick-off")] + [session(f"t{w}", w) for w in range(2, 8)]


def edition(**settings):
    values = {"gemeente": "Voorbeeldstad", "startdatum": D(2027, 4, 20),
              "begintijd": "13:00", "eindtijd": "16:00"}
    return cohort.edition_from({"editie": dict(values, **settings)}, "editie-test.yml")


def dates(meetings):
    return [m.datum for m in meetings]


def test_weekly_on_the_weekday_of_the_kick_off_skipping_koningsdag():
    meetings = cohort.plan(TRAJECT, edition(startdatum=D(2027, 4, 20)))  # a Tuesday
    assert dates(meetings)[:3] == [D(2027, 4, 20), D(2027, 5, 4), D(2027, 5, 11)]
    assert meetings[1].overgeslagen == [(D(2027, 4, 27), "Koningsdag")]
    assert all(d.weekday() == 1 for d in dates(meetings))
    assert "intake" not in [m.session.id for m in meetings]


def test_hemelvaartsdag_on_the_meeting_day_moves_everything_after_it():
    meetings = cohort.plan(TRAJECT, edition(startdatum=D(2027, 4, 29)))  # a Thursday
    assert dates(meetings)[:3] == [D(2027, 4, 29), D(2027, 5, 13), D(2027, 5, 20)]
    assert meetings[1].overgeslagen[0][1] == "Hemelvaartsdag"


def test_days_off_of_the_municipality_are_skipped():
    holiday = [{"van": D(2027, 5, 8), "tot": D(2027, 5, 23)}]
    meetings = cohort.plan(TRAJECT, edition(vrije_dagen=holiday))
    assert dates(meetings)[1:5] == [D(2027, 5, 4), D(2027, 5, 25), D(2027, 6, 1), D(2027, 6, 8)]
    assert [day for day, _ in meetings[2].overgeslagen] == [D(2027, 5, 11), D(2027, 5, 18)]


def test_turn_of_the_year_skips_christmas_and_new_year():
    meetings = cohort.plan(TRAJECT, edition(startdatum=D(2028, 11, 13)))  # Mondays
    assert dates(meetings)[-2:] == [D(2028, 12, 18), D(2029, 1, 8)]
    assert [reason for _, reason in meetings[-1].overgeslagen] == ["Eerste kerstdag", "Nieuwjaarsdag"]


def test_gaps_between_sessions_are_kept():
    traject = TRAJECT[:3] + [session("terugkomdag", 8, 150, kind="terugkomdag")]
    meetings = cohort.plan(traject, edition())
    assert dates(meetings)[-1] - dates(meetings)[-2] == datetime.timedelta(weeks=6)
    assert meetings[-1].eind == "15:30"


def test_intake_window_is_the_weeks_of_methode_yml_before_the_kick_off():
    weeks = method.load(ROOT)["intake"]["weken_voor_kickoff"]
    first, last = cohort.intake_window(edition(), weeks)
    assert first == D(2027, 4, 20) - datetime.timedelta(weeks=weeks)
    assert last == D(2027, 4, 19)
    assert cohort.intake_window(edition(), 3)[0] == D(2027, 3, 30)


def test_days_off_that_swallow_the_whole_period_are_refused():
    days_off = [{"van": D(2027, 5, 1), "tot": D(2030, 1, 1)}]
    with pytest.raises(ContentError) as caught:
        cohort.plan(TRAJECT, edition(vrije_dagen=days_off))
    [message] = caught.value.problems
    assert message.startswith("extra.editie.vrije_dagen: na 20 april 2027 is er binnen 52 weken")


def test_kick_off_on_a_public_holiday_is_refused():
    with pytest.raises(ContentError) as caught:
        cohort.plan(TRAJECT, edition(startdatum=D(2027, 4, 27)))
    assert "extra.editie.startdatum (2027-04-27) valt op Koningsdag" in caught.value.problems[0]


def test_calendar_file_parses_and_holds_every_meeting():
    settings = edition(locatie="Buurthuis De Brug")
    meetings = cohort.plan(TRAJECT, settings)
    data = cohort.calendar_file(meetings, settings, lambda s: f"https://example.org/{s.id}.html")
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == len(meetings) == 7
    first = events[0]
    assert first["summary"] == "K!X Works: kick-off"
    assert first["location"] == "Buurthuis De Brug"
    assert first.decoded("dtstart") == datetime.datetime(
        2027, 4, 20, 13, 0, tzinfo=first.decoded("dtstart").tzinfo)
    assert str(first.decoded("dtstart").tzinfo) == "Europe/Amsterdam"
    assert str(first["url"]) == "https://example.org/kick-off.html"
    made = first.decoded("dtstamp")  # the moment the file was made, not a future date
    now = datetime.datetime.now(datetime.timezone.utc)
    assert now - datetime.timedelta(minutes=5) < made <= now


def problems_of(**settings):
    with pytest.raises(ContentError) as caught:
        edition(**settings)
    return caught.value.problems


def test_date_in_the_wrong_format_names_the_key():
    [message] = problems_of(startdatum="20-04-2027")
    assert "editie-test.yml: veld 'extra.editie.startdatum'" in message
    assert "verwacht een datum zoals 2027-04-20" in message


def test_end_time_before_start_time_names_the_key():
    [message] = problems_of(eindtijd="12:00")
    assert "'extra.editie.eindtijd' (12:00) ligt niet na 'extra.editie.begintijd'" in message


def test_time_in_the_wrong_format_names_the_key():
    [message] = problems_of(begintijd="1 uur")
    assert "veld 'extra.editie.begintijd'" in message


def test_unknown_key_names_the_key():
    [message] = problems_of(startdag=D(2027, 4, 20))
    assert "onbekend veld 'extra.editie.startdag'" in message


def test_holiday_range_ending_before_it_starts_names_the_key():
    [message] = problems_of(vrije_dagen=[{"van": D(2027, 7, 20), "tot": D(2027, 7, 1)}])
    assert "'extra.editie.vrije_dagen[1]' eindigt (2027-07-01) voor het begint (2027-07-20)" in message


def test_sessions_longer_than_the_time_slot_are_refused():
    with pytest.raises(ContentError) as caught:
        cohort.plan(TRAJECT, edition(eindtijd="15:00"))
    assert "de sessie duurt 180 minuten, maar van 13:00 tot 15:00 is maar 120 minuten" in caught.value.problems[0]


def test_without_an_edition_there_are_no_dates():
    assert cohort.edition_from({}, "mkdocs.yml") is None


@pytest.fixture(scope="module")
def edition_site(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("editie")
    result = build(config=ROOT / "editie-voorbeeldstad.yml", site_dir=site_dir)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def test_example_edition_has_dates_on_the_planning_page(edition_site):
    page = (edition_site / "invoeren" / "planning.html").read_text(encoding="utf-8")
    assert "Kalender van de groep in Voorbeeldstad" in page
    assert "dinsdag 20 april 2027" in page
    assert "dinsdag 4 mei 2027" in page and "Koningsdag" in page
    assert "dinsdag 31 augustus 2027" in page  # the return day, after the summer holiday
    kick_off = (edition_site / "traject" / "kick-off.html").read_text(encoding="utf-8")
    assert "Dinsdag 20 april 2027, 13:00–16:00 uur" in kick_off


def test_example_edition_calendar_file(edition_site):
    data = (edition_site / "kalender" / "kix-works-voorbeeldstad.ics").read_bytes()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    handbook = content.load(ROOT / "docs")
    assert len(events) == len(handbook.group_sessions)  # one event per group meeting
    assert all("Buurthuis De Brug" in str(e["location"]) for e in events)
    assert str(events[0]["url"]) == "https://kix-works.github.io/handboek/traject/kick-off.html"
    assert events[0].decoded("dtstamp").date() <= datetime.date.today()


def test_example_edition_pdf_has_the_municipality_and_dates(edition_site):
    reader = PdfReader(edition_site / PDF_NAME)
    cover = reader.pages[0].extract_text()
    assert "Uitgave voor de gemeente Voorbeeldstad" in cover
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    assert "dinsdag 13 juli 2027" in re.sub(r"\s+", " ", text)
    attendance = (edition_site / "pdf" / "formulier-presentielijst.pdf")
    assert "20-04" in PdfReader(attendance).pages[0].extract_text()
