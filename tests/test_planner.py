"""The page "Plan je groep" in a real browser, served and from file://.

The date logic exists twice: in Python for editions (macros/cohort.py) and in
JavaScript for the page (assets/javascripts/planner.js). Here both run on the
same inputs and must give the same dates. The other tests use the page as a
coordinator would: fill the form, read the planning, download the calendar
file, print the presentielijst and the certificates.
"""

import datetime
import random
import re
import unicodedata
from urllib.parse import urlparse

import icalendar
import pytest
from pypdf import PdfReader

from conftest import ROOT
from macros import cohort, content, method, planner
from macros.validation import ContentError
from test_browser import WCAG_AA, WIDTHS, browser, server  # noqa: F401 (fixtures)

D = datetime.date
PAGE = "invoeren/plan-je-groep.html"
SITE_URL = "https://kix-works.github.io/handboek/"
NAMES = ["Özlem Yıldız", "Nguyễn Thị Hoa", "محمد العلي"]
GROUP = {"gemeente": "Voorbeeldstad", "locatie": "Buurthuis De Brug, Dorpsstraat 1",
         "startdatum": "2027-04-20", "begintijd": "13:00", "eindtijd": "16:00",
         "vrije_dagen": [("2027-07-17", "2027-08-29")]}


@pytest.fixture(scope="module")
def handbook():
    return content.load(ROOT / "docs")


@pytest.fixture(scope="module")
def intake_weeks():
    return method.load(ROOT)["intake"]["weken_voor_kickoff"]


def edition_of(case):
    days_off = [{"van": D.fromisoformat(v), "tot": D.fromisoformat(t)} for v, t in case["vrije_dagen"]]
    return cohort.Edition(gemeente=case.get("gemeente", "Teststad"),
                          startdatum=D.fromisoformat(case["startdatum"]),
                          begintijd=case["begintijd"], eindtijd=case["eindtijd"],
                          locatie=case.get("locatie", ""), vrije_dagen=days_off)


FIELD_OF_PROBLEM = [("extra.editie.startdatum", "startdatum"),
                    ("extra.editie.vrije_dagen", "vrije_dagen"), ("docs/", "eindtijd")]


def python_plan(sessions, case):
    """The plan of cohort.plan, as plain data: meetings, or the fields with a problem."""
    try:
        meetings = cohort.plan(sessions, edition_of(case))
    except ContentError as error:
        fields = {field for problem in error.problems
                  for prefix, field in FIELD_OF_PROBLEM if problem.startswith(prefix)}
        return {"fouten": sorted(fields)}
    return {"bijeenkomsten": [
        [m.session.id, m.datum.isoformat(), m.begin, m.eind,
         [[day.isoformat(), reason] for day, reason in m.overgeslagen]] for m in meetings]}


JS_PLANS = """cases => cases.map(c => {
  const result = KixPlanner.plan(KIX_PLANNER, {startdatum: c.startdatum, begintijd: c.begintijd,
    eindtijd: c.eindtijd, vrijeDagen: c.vrije_dagen.map(([van, tot]) => ({van, tot}))});
  if (result.fouten.length) return {fouten: [...new Set(result.fouten.map(f => f.veld))].sort()};
  return {bijeenkomsten: result.bijeenkomsten.map(
    m => [m.sessie.id, m.datum, m.begin, m.eind, m.overgeslagen])};
})"""


def generated_cases(first, last, count=240, seed=19):
    """Start dates on every weekday across the supported years, with 0-3 periods off."""
    rng = random.Random(seed)
    span = (last - first).days
    cases = []
    for _ in range(count):
        start = first + datetime.timedelta(days=rng.randrange(span))
        days_off = []
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            begin = start + datetime.timedelta(days=rng.randrange(-20, 150))
            length = rng.choice([0, 1, 6, 13, 20, 41, 60, 200, 400])
            days_off.append((begin.isoformat(), (begin + datetime.timedelta(days=length)).isoformat()))
        hour = rng.choice([9, 10, 13, 14])
        cases.append({"startdatum": start.isoformat(), "begintijd": f"{hour:02d}:00",
                      "eindtijd": f"{hour + rng.choice([2, 3, 4]):02d}:{rng.choice(['00', '30'])}",
                      "vrije_dagen": days_off})
    return cases


def named_cases(first, last):
    """Kick-offs around the holidays that move meetings, on the weekday they fall on."""
    cases = []
    for year in range(first.year, last.year + 1):
        days = planner.public_holidays([year])
        for day, name in days.items():
            for weeks_before in (0, 1, 3):
                start = day - datetime.timedelta(weeks=weeks_before)
                cases.append({"startdatum": start.isoformat(), "begintijd": "13:00",
                              "eindtijd": "16:00", "vrije_dagen": [], "naam": name})
        christmas = D(year, 12, 25)
        cases.append({"startdatum": (christmas - datetime.timedelta(weeks=10)).isoformat(),
                      "begintijd": "13:00", "eindtijd": "16:00", "naam": "kerst en nieuwjaar",
                      "vrije_dagen": [(f"{year}-12-20", f"{year + 1}-01-03")]})
    return [c for c in cases if first.isoformat() <= c["startdatum"] <= last.isoformat()]


@pytest.fixture(scope="module")
def page_data(browser, server):  # noqa: F811
    context = browser.new_context(viewport=WIDTHS["desktop"], locale="nl-NL")
    page = context.new_page()
    page.goto(server + PAGE)
    yield page, page.evaluate("KIX_PLANNER")
    context.close()


def test_javascript_and_python_plan_the_same_dates(page_data, handbook):
    page, data = page_data
    first, last = D.fromisoformat(data["eersteStart"]), D.fromisoformat(data["laatsteStart"])
    cases = generated_cases(first, last)
    cases += named_cases(first, last)
    names = {c.get("naam") for c in cases}
    for holiday in ("Eerste paasdag", "Tweede paasdag", "Koningsdag", "Hemelvaartsdag",
                    "Tweede pinksterdag", "Eerste kerstdag", "Nieuwjaarsdag"):
        assert holiday in names
    in_javascript = page.evaluate(JS_PLANS, cases)
    in_python = [python_plan(handbook.sessions, case) for case in cases]
    different = [(case, py, js) for case, py, js in zip(cases, in_python, in_javascript) if py != js]
    assert not different, f"{len(different)} van {len(cases)} verschillen, bv. {different[:2]}"
    planned = [py for py in in_python if "bijeenkomsten" in py]
    assert len(planned) > 200
    assert any(m[4] for py in planned for m in py["bijeenkomsten"])  # weeks were skipped
    assert any(py.get("fouten") == ["vrije_dagen"] for py in in_python)  # and periods swallowed


def test_holiday_data_covers_the_next_five_years(page_data):
    _, data = page_data
    years = {int(day[:4]) for day in data["feestdagen"]}
    this_year = datetime.date.today().year
    assert set(range(this_year, this_year + 6)) <= years
    assert data["laatsteStart"] >= f"{this_year + 5}-12-31"
    assert data["intakeWeken"] == method.load(ROOT)["intake"]["weken_voor_kickoff"]


def test_build_fails_when_holidays_do_not_cover_the_years():
    problems = planner.coverage_problems(planner.public_holidays(range(2027, 2029)),
                                         range(2027, 2031))
    assert problems and "de feestdagen van 2029 ontbreken" in problems[0]


# --- Using the page -------------------------------------------------------------------------

def fill(page, group, names=()):
    page.fill("[name=gemeente]", group["gemeente"])
    page.fill("[name=locatie]", group["locatie"])
    page.fill("[name=startdatum]", group["startdatum"])
    page.fill("[name=begintijd]", group["begintijd"])
    page.fill("[name=eindtijd]", group["eindtijd"])
    for number, (van, tot) in enumerate(group["vrije_dagen"]):
        if number:
            page.click(".kix-planner-periode-erbij")
        page.locator(".kix-planner-vrij-van").nth(number).fill(van)
        page.locator(".kix-planner-vrij-tot").nth(number).fill(tot)
    page.fill("[name=namen]", "\n".join(names))
    page.click("button[name=plannen]")


def rows(page):
    return page.eval_on_selector_all(
        "tr[data-datum]", "rows => rows.map(r => [r.dataset.sessie, r.dataset.datum])")


@pytest.fixture(params=["server", "file"])
def planner_page(request, browser, server, site):  # noqa: F811
    """The page, opened over http or from the file system; every request it makes."""
    context = browser.new_context(viewport=WIDTHS["desktop"], locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    url = server + PAGE if request.param == "server" else (site / PAGE).as_uri()
    page.goto(url)
    yield page
    context.close()


def test_planning_on_the_page_is_the_plan_of_cohort(planner_page, handbook):
    fill(planner_page, GROUP, NAMES)
    expected = python_plan(handbook.sessions, GROUP)["bijeenkomsten"]
    assert rows(planner_page) == [[m[0], m[1]] for m in expected]
    assert planner_page.locator(".kix-fout:visible").count() == 0
    text = re.sub(r"\s+", " ", planner_page.locator(".kix-planner-uitkomst").inner_text())
    for _, day, _, _, skipped in expected:
        assert cohort.date_text(D.fromisoformat(day)) in text
        for skipped_day, reason in skipped:
            assert f"{reason} op {cohort.date_text(D.fromisoformat(skipped_day), weekday=False)}" in text
    assert "Koningsdag op 27 april 2027" in text
    assert "Intakegesprekken" in text
    first_link = planner_page.locator("tr[data-sessie='kick-off'] a")
    assert first_link.get_attribute("href") == "../traject/kick-off.html"
    first_link.click()
    planner_page.wait_for_url(re.compile(r"traject/kick-off\.html$"))


def test_calendar_file_downloads_and_parses(planner_page, handbook):
    fill(planner_page, GROUP)
    link = planner_page.locator("a.kix-planner-kalender")
    assert link.get_attribute("download").endswith(".ics")
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    with planner_page.expect_download() as waiting:
        link.click()
    download = waiting.value
    assert download.suggested_filename == "kix-works-voorbeeldstad.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Amsterdam"
    events = calendar.walk("VEVENT")
    expected = python_plan(handbook.sessions, GROUP)["bijeenkomsten"]
    assert len(events) == len(expected) > 10
    for event, (ident, day, begin, end, _) in zip(events, expected):
        start = event.decoded("dtstart")
        assert str(start.tzinfo) == "Europe/Amsterdam"
        assert (start.date().isoformat(), start.strftime("%H:%M")) == (day, begin)
        assert event.decoded("dtend").strftime("%H:%M") == end
        assert str(event["location"]) == GROUP["locatie"]
        assert str(event["url"]) == f"{SITE_URL}traject/{ident}.html"
        assert before - datetime.timedelta(seconds=1) <= event.decoded("dtstamp") <= \
            datetime.datetime.now(datetime.timezone.utc)
    summer = events[-1].decoded("dtstart")
    assert summer.utcoffset() == datetime.timedelta(hours=2)  # summer time in Amsterdam


def printed(page, view, target):
    """Choose a print view with its button (without the print dialog); the PDF's pages."""
    page.evaluate("window.print = () => {}")
    page.click(f"button[data-afdruk='{view}']")
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready.then(() => true)")  # the fonts of the names
    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    return PdfReader(target).pages


def plain(text):
    """PDF text without the shaping of Arabic (presentation forms) and without spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def has_name(text, name):
    text = plain(text)
    return plain(name) in text or plain(name)[::-1] in text or \
        all(part in text or part[::-1] in text for part in name.split())


def test_presentielijst_prints_with_dates_and_names(planner_page, handbook, tmp_path):
    fill(planner_page, GROUP, NAMES)
    pages = printed(planner_page, "presentielijst", tmp_path / "presentielijst.pdf")
    assert len(pages) == 1
    box = pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = pages[0].extract_text()
    for _, day, *_ in python_plan(handbook.sessions, GROUP)["bijeenkomsten"]:
        assert f"{day[8:10]}-{day[5:7]}" in plain(text), day  # a narrow column may wrap
    assert "Voorbeeldstad, vanaf 20 april 2027" in text
    for name in NAMES:
        assert has_name(text, name), name
    for chrome in ("Bewerk deze pagina", "Plan de groep", "Zoeken", "Kalender downloaden"):
        assert chrome not in text


def period_of(handbook, group):
    """The period on the certificate, as the build writes it for an edition."""
    dates = [D.fromisoformat(m[1]) for m in python_plan(handbook.sessions, group)["bijeenkomsten"]
             if handbook.items["sessie"][m[0]].data["soort"] != "terugkomdag"]
    return (f"van {cohort.date_text(min(dates), weekday=False)} "
            f"tot {cohort.date_text(max(dates), weekday=False)}")


def test_one_certificate_per_name_with_the_period(planner_page, handbook, tmp_path):
    fill(planner_page, GROUP, NAMES)
    pages = printed(planner_page, "certificaten", tmp_path / "certificaten.pdf")
    assert len(pages) == 3
    for page, name in zip(pages, NAMES):
        text = page.extract_text()
        assert "Certificaat" in text
        assert period_of(handbook, GROUP) in re.sub(r"\s+", " ", text)
        assert has_name(text, name), (name, text)
        assert "[[" not in text


def test_planning_prints_alone_on_a4(planner_page, handbook, tmp_path):
    fill(planner_page, GROUP, NAMES)
    pages = printed(planner_page, "planning", tmp_path / "planning.pdf")
    box = pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = " ".join(p.extract_text() for p in pages)
    assert "Planning van de groep in Voorbeeldstad" in text
    last = python_plan(handbook.sessions, GROUP)["bijeenkomsten"][-1][1]
    assert cohort.date_text(D.fromisoformat(last)) in re.sub(r"\s+", " ", text)
    for chrome in ("Bewerk deze pagina", "Gegevens van de groep", "Presentielijst", "Zoeken"):
        assert chrome not in text


def test_page_requests_nothing_from_other_hosts(planner_page):
    fill(planner_page, GROUP, NAMES)
    planner_page.locator("a.kix-planner-kalender").click()
    outside = [url for url in planner_page.requests
               if urlparse(url).scheme not in ("file", "blob", "data")
               and urlparse(url).hostname != "127.0.0.1"]
    assert not outside, outside


@pytest.mark.parametrize("change, field, message", [
    ({"eindtijd": "12:00"}, "eindtijd", "ligt niet na de begintijd"),
    ({"startdatum": "2027-04-27"}, "startdatum", "valt op Koningsdag"),
    ({"vrije_dagen": [("2027-04-21", "2030-12-31")]}, "vrije_dagen", "beslaan de hele periode"),
    ({"startdatum": "1999-04-20"}, "startdatum", "buiten het bereik"),
    ({"gemeente": ""}, "gemeente", "Vul de naam van de gemeente in"),
])
def test_bad_input_gets_a_message_next_to_the_field_and_no_output(planner_page, change, field, message):
    fill(planner_page, GROUP, NAMES)
    assert rows(planner_page)
    fill(planner_page, dict(GROUP, **change))
    error = planner_page.locator(f"#kix-fout-{field}.kix-fout")
    assert error.is_visible() and message in error.inner_text()
    assert planner_page.locator(".kix-fout:visible").count() == 1
    assert rows(planner_page) == []
    assert not planner_page.locator(".kix-planner-uitkomst").is_visible()
    assert planner_page.locator(".kix-afdruk *").count() == 0  # no half-filled papers


def test_inputs_are_kept_in_this_browser_until_cleared(planner_page):
    fill(planner_page, GROUP, NAMES)
    planner_page.reload()
    assert planner_page.input_value("[name=gemeente]") == "Voorbeeldstad"
    assert planner_page.input_value("[name=namen]").splitlines() == NAMES
    planner_page.click("button[name=wissen]")
    assert planner_page.evaluate("localStorage.getItem('kix-planner')") is None
    planner_page.reload()
    assert planner_page.input_value("[name=gemeente]") == ""
    assert planner_page.input_value("[name=namen]") == ""


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options=WCAG_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, bv. {v['nodes'][0]['target']})"
            for v in result.response["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_with_a_planning_and_with_errors(browser, server, width):  # noqa: F811
    context = browser.new_context(viewport=WIDTHS[width], locale="nl-NL")
    page = context.new_page()
    page.goto(server + PAGE)
    fill(page, GROUP, NAMES)
    planned = axe_violations(page)
    fill(page, dict(GROUP, eindtijd="12:00", startdatum="2027-04-27"))
    with_errors = axe_violations(page)
    context.close()
    assert planned == [] and with_errors == [], f"met planning: {planned}; met fouten: {with_errors}"


def type_date(page, iso):
    """Type a date into the focused date field in the order the browser shows it."""
    year, month, day = iso.split("-")
    for order in (month + day + year, day + month + year):
        page.keyboard.type(order)
        if page.evaluate("document.activeElement.value") == iso:
            return
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
    raise AssertionError(f"datum {iso} niet in te typen")


def tab_to(page, selector, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} niet bereikt met Tab")


def test_keyboard_only(browser, site):  # noqa: F811
    context = browser.new_context(viewport=WIDTHS["desktop"], locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.goto((site / PAGE).as_uri())
    tab_to(page, "[name=gemeente]")
    page.keyboard.type("Voorbeeldstad")
    page.keyboard.press("Tab")
    page.keyboard.type("Buurthuis De Brug")
    page.keyboard.press("Tab")
    type_date(page, "2027-04-20")
    tab_to(page, "[name=namen]")
    page.keyboard.type("Özlem Yıldız")
    tab_to(page, "button[name=plannen]")
    page.keyboard.press("Enter")
    assert rows(page)[0] == ["kick-off", "2027-04-20"]
    assert page.evaluate("document.activeElement.classList.contains('kix-planner-uitkomst')")
    tab_to(page, "a.kix-planner-kalender")
    with page.expect_download() as waiting:
        page.keyboard.press("Enter")
    assert waiting.value.suggested_filename.endswith(".ics")
    page.evaluate("window.print = () => { window.printed = document.body.dataset.kixAfdruk; }")
    tab_to(page, "button[data-afdruk='certificaten']")
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == "certificaten"
    context.close()
