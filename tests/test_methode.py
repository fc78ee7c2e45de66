"""The method's facts are one value each, and the handbook is written in its own words.

These tests read the built site (KIX_SITE reuses a build): what a reader sees.
- one start time, one intake window, one week from which participants lead;
- the core elements are one list, the same wherever the handbook shows them;
- a missing value in methode.yml stops the loader with a Dutch message naming the key;
- no page shares a run of six or more words with the source texts (../shared/seeds).
"""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from macros import content, method
from macros.validation import ContentError

import os

# The source texts lie beside the checkout (CI copies shared/ there). KIX_SEEDS points
# elsewhere while developing in a worktree.
SEEDS = Path(os.environ.get("KIX_SEEDS", ROOT.parent / "shared" / "seeds"))
RUN = 6  # words in a row that may not come from a source text

# Word runs that may appear as in the sources: names, titles of cited works and the
# method's own three questions. Written normalised (lower case, no punctuation).
ALLOWED = [
    "databank effectieve sociale interventies",
    "k x works zet in op empowerment van nieuwkomers",
    "stuk voor stuk powervrouwen het verhaal van k x works",
    "wie ben ik wat kan ik wat wil ik",
    "wie ben ik wat kan ik en wat wil ik",
]


# --- reading the built site -------------------------------------------------

def pages(site):
    """Every built content page: (path inside the site, its article element)."""
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        start, end = html.find("<article"), html.rfind("</article>")
        if start < 0 or end < 0:
            continue
        article = BeautifulSoup(html[start:end + len("</article>")], "lxml").select_one("article")
        if article is not None and "md-content__inner" in article.get("class", []):
            yield path.relative_to(site).as_posix(), article


def visible_text(article):
    """The text a reader sees in an article, without the permalink signs."""
    for anchor in article.select("a.headerlink"):
        anchor.decompose()
    return article.get_text(" ")


@pytest.fixture(scope="module")
def texts(site):
    return {name: visible_text(article) for name, article in pages(site)}


@pytest.fixture(scope="module")
def facts():
    handbook = content.load(ROOT / "docs")
    return method.facts(method.load(ROOT), handbook.sessions)


# --- one value per fact -----------------------------------------------------

# A clock time right after a word that starts something: "begint om 13:00",
# "van 9.30 tot 12.30", "begintijd: 13:00"; and start times written in words.
START_TIME = re.compile(r"\b(?:begin\w*|start\w*|vanaf|van)\W+(?:om\W+|het\W+)?(\d{1,2}[.:]\d{2})\b", re.I)
WORDED_START = re.compile(r"\b(?:begin\w*|start\w*|vanaf|van)\W+(?:om\W+)?((?:kwart over|kwart voor|half) "
                          r"(?:een|twee|drie|vier|acht|negen|tien|elf|twaalf))\b", re.I)


def start_times(text):
    """Times that a page presents as the start of something, written as on a clock."""
    return [time.replace(".", ":").zfill(5) for time in START_TIME.findall(text)]


def test_the_start_time_is_one_value(texts, facts):
    """No page names another start time than methode.begintijd, as a number or in words."""
    wrong = {}
    for name, text in texts.items():
        flat = " ".join(text.split())
        found = [t for t in start_times(flat) if t != facts["begintijd"]]
        found += WORDED_START.findall(flat)
        found += [p for p in ("9.30", "9:30") if p in flat]
        if found:
            wrong[name] = found
    assert not wrong, f"een andere begintijd dan {facts['begintijd']}: {wrong}"


def test_the_start_time_is_shown_where_the_handbook_names_it(texts, facts):
    for name in ("invoeren/stappenplan.html", "trainershandleiding/vrouwengroepen.html"):
        assert facts["begintijd"] in texts[name], name


WINDOW = r"(?:tussen (\w+) en |(\w+) tot )?(\w+) weken? (?:voor|vóór) de kick-off"
WEEKS_BEFORE = re.compile(rf"intake\w*[^.]{{0,120}}?\b{WINDOW}|{WINDOW}[^.]{{0,80}}?intake", re.I)
NUMBER = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
          "zeven": 7, "acht": 8}


def as_number(word):
    return int(word) if word.isdigit() else NUMBER.get(word.lower())


def test_the_intake_window_is_one_value(texts, facts):
    """Every sentence that places the intakes before the kick-off uses the same weeks."""
    expected = facts["intake"]["weken_voor_kickoff"]
    wrong, seen = {}, 0
    for name, text in texts.items():
        for match in WEEKS_BEFORE.finditer(" ".join(text.split())):
            words = [w for w in match.groups() if w]
            numbers = [as_number(w) for w in words if as_number(w) is not None]
            if not numbers:
                continue
            seen += 1
            if numbers != [expected]:
                wrong.setdefault(name, []).append(match.group(0))
    assert seen, "geen enkele pagina noemt de weken van de intake"
    assert not wrong, f"een ander intakevenster dan {expected} weken: {wrong}"


LEADING = re.compile(r"(?:vanaf|in|rond) week (\d+)(?: tot (?:en met )?(\d+))?[^.]{0,60}?"
                     r"\bleiden\b|deelnemers leiden[^.]{0,40}?vanaf week (\d+)", re.I)


def test_participants_lead_from_one_week(texts, facts):
    """No page lets participants lead blocks earlier than the sessions do, and the
    overview pages name exactly the week that follows from the run sheets."""
    expected = facts["deelnemers_leiden_vanaf_week"]
    overviews = {"methode/aanpak.html", "trainershandleiding/index.html", "traject/index.html"}
    wrong = {}
    for name, text in texts.items():
        flat = " ".join(text.split())
        for sentence in re.split(r"(?<=[.!?])\s+", flat):
            if "deelnemer" not in sentence.lower():
                continue
            for match in LEADING.finditer(sentence):
                week = int(match.group(1) or match.group(3))
                if week < expected or (name in overviews and week != expected):
                    wrong.setdefault(name, []).append(sentence)
    assert not wrong, f"deelnemers leiden volgens de draaiboeken vanaf week {expected}: {wrong}"
    assert f"week {expected}" in texts["methode/aanpak.html"]


def core_lists(site):
    """Every rendered list of core elements: (page, list of names)."""
    found = []
    for name, article in pages(site):
        for block in article.select(".kix-kernelementen"):
            names = [" ".join(item.get_text(" ").split()) for item in block.select(".kix-kernelement__naam")]
            found.append((name, names))
    return found


def test_core_elements_are_one_list_wherever_shown(site, facts):
    expected = [element["naam"] for element in facts["kernelementen"]]
    shown = core_lists(site)
    where = {name for name, _ in shown}
    for page in ("methode/aanpak.html", "trainershandleiding/maatwerk.html"):
        assert page in where, f"{page} toont de kernelementen niet met de macro"
    for name, names in shown:
        assert names == expected, f"{name}: {names}"


# --- a missing value stops the build ----------------------------------------

def copy_without(tmp_path, *keys):
    data = yaml.safe_load((ROOT / method.FILE).read_text(encoding="utf-8"))
    part = data
    for key in keys[:-1]:
        part = part[key]
    del part[keys[-1]]
    (tmp_path / method.FILE).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("keys", [("begintijd",), ("intake", "weken_voor_kickoff"),
                                  ("kernelementen",), ("coaching", "minuten")])
def test_a_missing_value_stops_the_loader_with_a_dutch_message(tmp_path, keys):
    with pytest.raises(ContentError) as error:
        method.load(copy_without(tmp_path, *keys))
    message = str(error.value)
    assert "methode.yml" in message and keys[-1] in message, message
    assert "ontbreekt" in message or "verplicht" in message, message


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ContentError, match="methode.yml"):
        method.load(tmp_path)


# --- own words --------------------------------------------------------------

def words(text):
    """Lower case words without punctuation (K!X becomes 'k x'); an allowed phrase
    (a name, a title, the three questions) becomes a break that no run crosses."""
    flat = " " + " ".join(re.findall(r"[0-9a-zà-ÿ]+", text.lower().replace("’", "").replace("'", ""))) + " "
    for phrase in ALLOWED:
        flat = flat.replace(f" {phrase} ", " | ")
    return flat.split()


def runs(word_list, length=RUN):
    """Every run of `length` words in a row that crosses no break."""
    return {" ".join(part) for i in range(len(word_list) - length + 1)
            if "|" not in (part := word_list[i:i + length])}


def seed_runs():
    if not SEEDS.is_dir():
        pytest.skip(f"de bronteksten ontbreken: verwacht ze in {SEEDS} (naast de repository)")
    found = set()
    for path in sorted(SEEDS.glob("*.txt")):
        found |= runs(words(path.read_text(encoding="utf-8")))
    return found


def shared_runs(text, sources):
    """The source runs that return in `text`, merged into longer passages."""
    tokens = words(text)
    hits = [i for i in range(len(tokens) - RUN + 1) if " ".join(tokens[i:i + RUN]) in sources]
    passages, start, end = [], None, None
    for i in hits:
        if start is not None and i <= end:
            end = i + RUN
            continue
        if start is not None:
            passages.append(" ".join(tokens[start:end]))
        start, end = i, i + RUN
    if start is not None:
        passages.append(" ".join(tokens[start:end]))
    return passages


def test_no_page_repeats_six_words_of_a_source_text(texts):
    sources = seed_runs()
    copied = {name: found for name, text in texts.items() if (found := shared_runs(text, sources))}
    assert not copied, "zinnen (bijna) letterlijk uit de bronteksten:\n" + "\n".join(
        f"- {name}: {passage}" for name, found in copied.items() for passage in found)


# --- the worked budget ------------------------------------------------------

def euros(text):
    return int(text.replace("€", "").replace(".", "").strip())


def test_budget_total_is_the_sum_of_its_lines(site, facts):
    page = BeautifulSoup((site / "invoeren/begroting.html").read_text(encoding="utf-8"), "lxml")
    table = page.select_one(".kix-begroting table")
    assert "aannames" in table.caption.get_text(), "het voorbeeld zegt niet dat de bedragen aannames zijn"
    rows = {row.th.get_text(" ", strip=True): [cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in table.select("tbody tr")}
    total = euros(table.select_one("tfoot td").get_text())
    assert total == sum(euros(cells[-1]) for cells in rows.values())
    coaching = facts["coaching"]
    hours = coaching["gesprekken_per_deelnemer"] * coaching["minuten"] * facts["groep_max"] / 60
    assert rows["Coaching"][1].startswith(f"{hours:g} uur ×".replace(".", ","))


def test_budget_with_an_unknown_quantity_names_the_field(facts):
    from macros import budget
    known = {"deelnemers": 15}
    found = budget.problems({"regels": [{"post": "Zaal", "toelichting": "Een zaal huren.",
                                         "uit": "zalen", "eenheid": "dagdeel", "prijs": 10}]},
                            known, "docs/invoeren/begroting.md")
    assert found and "begroting.regels[1].uit" in found[0] and "zalen" in found[0]
