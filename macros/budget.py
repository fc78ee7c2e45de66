"""The worked budget example (docs/invoeren/begroting.md, header `begroting:`).

Each line is a number of units times an amount per unit. A number is typed, or
named after a quantity the handbook already knows (`uit:`), so it follows the
sessions and methode.yml: the coaching hours are `methode.coaching` times the
group size. A line with `procent` is a share of the lines above it. The build
adds everything up; nobody types a total.
"""

from dataclasses import dataclass

from . import schedule
from .validation import ContentError, problems_in


def quantities(facts, sessions):
    """The numbers a budget line may take by name (`uit:`), with what they mean."""
    group = [s for s in sessions if s.data.get("groep") != "individueel"]
    return {
        "deelnemers": facts["groep_max"],
        "groepsbijeenkomsten": len(group),
        "deelnemersbijeenkomsten": facts["groep_max"] * len(group),
        "contacturen": schedule.contact_minutes(sessions) / 60,
        "intakeuren": facts["groep_max"] * facts["intake"]["minuten"] / 60,
        "coachinguren": facts["coaching_uren_groep"],
    }


@dataclass
class Line:
    post: str
    toelichting: str
    eenheid: str
    aantal: float
    prijs: float | None  # per unit; None for a percentage line
    bedrag: float


def problems(budget, known, where):
    """Schema problems plus `uit:` names the handbook does not know."""
    found = problems_in(budget, "begroting", where)
    if found:
        return found
    for number, line in enumerate(budget["regels"], start=1):
        name = line.get("uit")
        if name is not None and name not in known:
            found.append(f"{where}: veld 'begroting.regels[{number}].uit': '{name}' is onbekend; "
                         f"verwacht een van: {', '.join(known)}")
    return found


def lines(budget, known):
    """The lines with their amounts in whole euros (so the shown lines add up to the
    total); a percentage line takes its share of those above."""
    result = []
    for line in budget["regels"]:
        if "procent" in line:
            base = sum(item.bedrag for item in result)
            result.append(Line(line["post"], line["toelichting"], f"{line['procent']}% van het bedrag hierboven",
                               line["procent"], None, round(base * line["procent"] / 100)))
            continue
        count = known[line["uit"]] * line.get("keer", 1) if "uit" in line else line["aantal"]
        result.append(Line(line["post"], line["toelichting"], line["eenheid"], count,
                           line["prijs"], round(count * line["prijs"])))
    return result


def number_text(value):
    """12.5 is '12,5', 11.25 is '11,25' and 1250 is '1.250' (Dutch notation)."""
    whole, _, decimals = f"{round(value, 2):,.2f}".partition(".")
    decimals = decimals.rstrip("0")
    return whole.replace(",", ".") + (f",{decimals}" if decimals else "")


def euro_text(value):
    return f"€\u00a0{number_text(round(value))}"  # no line break after the euro sign


def render(renderer, budget, where, sessions):
    """The budget table with its computed total; a bad header stops the build."""
    known = quantities(renderer.facts, sessions)
    found = problems(budget, known, where)
    if found:
        raise ContentError(found)
    computed = lines(budget, known)
    return renderer.render("budget_table.html", regels=computed, totaal=sum(l.bedrag for l in computed),
                           getal=number_text, euro=euro_text)
