"""Clock times, hand-overs, quantities and totals computed from session data."""

from types import SimpleNamespace

from macros import schedule

SETTINGS = schedule.Settings(groepsgrootte=15, reserve=2, begintijd="13:00")


def block(title, minutes, who="hoofdtrainer"):
    return {"titel": title, "minuten": minutes, "wie": who, "wat": "...", "instructie": "..."}


SESSION = {
    "blokken": [
        block("Welkom", 20),
        block("Oefening", 55, "co-trainer"),
        {"titel": "Pauze", "minuten": 15, "pauze": True},
        block("Intervisie", 50, "co-trainer"),
        block("Afsluiting", 40, "hoofdtrainer"),
    ],
}


def test_clock_times_run_on_across_a_break():
    rows = schedule.run_sheet(SESSION, "13:00")
    assert [(r.start, r.end) for r in rows] == [
        ("13:00", "13:20"), ("13:20", "14:15"), ("14:15", "14:30"),
        ("14:30", "15:20"), ("15:20", "16:00"),
    ]


def test_start_time_is_configurable():
    assert schedule.run_sheet(SESSION, "09:30")[-1].end == "12:30"


def test_hand_overs_are_marked_where_the_lead_changes_not_at_breaks():
    rows = schedule.run_sheet(SESSION, "13:00")
    assert [r.handover for r in rows] == [
        None, ("hoofdtrainer", "co-trainer"), None, None, ("co-trainer", "hoofdtrainer"),
    ]


def test_individual_session_counts_minutes_not_clock_times():
    rows = schedule.run_sheet(dict(SESSION, groep="individueel"), "13:00")
    assert (rows[1].start, rows[1].end) == ("20′", "75′")


def test_quantities_for_the_group():
    def amount(per, each=1):
        return schedule.quantity({"per": per, "aantal": each}, SETTINGS)

    assert amount("deelnemer") == 17  # 15 participants and 2 spare
    assert amount("deelnemer", 2) == 34
    assert amount("tweetal") == 8     # 15 people make 8 pairs (one of three)
    assert amount("drietal") == 5
    assert amount("viertal") == 4
    assert amount("groep", 3) == 3
    assert amount("trainer") == 2


def test_quantities_follow_the_group_size_setting():
    small = schedule.Settings(groepsgrootte=8, reserve=1)
    assert schedule.quantity({"per": "deelnemer", "aantal": 1}, small) == 9
    assert schedule.quantity({"per": "tweetal", "aantal": 1}, small) == 4


def item(name, week, minutes, materials=(), worksheets=(), group="groep"):
    data = {"week": week, "duur": minutes, "materialen": list(materials),
            "werkbladen": list(worksheets), "groep": group}
    return SimpleNamespace(id=name, title=name, data=data)


def test_contact_time_counts_group_sessions_only():
    sessions = [item("intake", 0, 45, group="individueel"), item("a", 1, 180), item("b", 2, 150)]
    assert schedule.contact_minutes(sessions) == 330
    assert schedule.hours_text(330) == "5,5"
    assert schedule.hours_text(360) == "6"


def test_materials_overview_merges_names_and_keeps_the_largest_need():
    pen = {"wat": "Pen", "per": "deelnemer", "aantal": 1}
    pens = {"wat": "pen", "per": "tweetal", "aantal": 1}
    flip = {"wat": "Flip-over", "per": "groep", "aantal": 1}
    sessions = [item("a", 1, 180, [pen, flip]), item("b", 2, 180, [pens])]
    overview = schedule.materials_overview(sessions, SETTINGS)
    assert [(m["wat"], m["max"]) for m in overview] == [("Flip-over", 1), ("Pen", 17)]
    assert [(s.id, n) for s, n in overview[1]["sessies"]] == [("a", 17), ("b", 8)]


def test_print_overview_counts_copies_per_session_and_pages():
    sessions = [item("a", 1, 180, worksheets=["x"]), item("b", 2, 180, worksheets=["x", "y"])]
    werkbladen = {"x": SimpleNamespace(title="X", data={}), "y": SimpleNamespace(title="Y", data={"paginas": 2})}
    rows = {r["werkblad"].title: r for r in schedule.print_overview(sessions, werkbladen, SETTINGS)}
    assert (rows["X"]["kopieen"], rows["X"]["vellen"]) == (34, 34)
    assert (rows["Y"]["kopieen"], rows["Y"]["vellen"]) == (17, 34)


def test_days_before_in_words():
    assert schedule.days_before_text(0) == "op de dag zelf"
    assert schedule.days_before_text(1) == "1 dag vooraf"
    assert schedule.days_before_text(14) == "2 weken vooraf"
    assert schedule.days_before_text(10) == "10 dagen vooraf"
