"""The coaching rota: which coaching conversations take place after which session.

methode.yml decides the form once (`coaching:`): how many conversations each
participant gets, how long one lasts, after which sessions each round falls
and how many one trainer holds after one session. From that and the group size
this module spreads the conversations of each round evenly over its sessions
and gives each trainer a time slot after the group time. Run sheets and the
planning show the result; nobody types a number of conversations by hand.
"""

import math
from dataclasses import dataclass

from .schedule import TRAINERS, add_minutes
from .validation import ContentError

FILE = "methode.yml"


@dataclass(frozen=True)
class Slot:
    """The coaching after one session: conversations per trainer."""

    session: object       # the content Item of the session
    gesprek: int          # which conversation of each participant (1, 2, ...)
    onderwerp: str
    hoofdtrainer: int     # conversations the hoofdtrainer holds
    co_trainer: int       # conversations the co-trainer holds

    @property
    def total(self):
        return self.hoofdtrainer + self.co_trainer


def problems(coaching, sessions, group_size):
    """Dutch descriptions of what is wrong with the `coaching:` block, if anything."""
    found = []
    rounds = coaching["rondes"]
    if len(rounds) != coaching["gesprekken_per_deelnemer"]:
        found.append(
            f"{FILE}, coaching.rondes: er staan {len(rounds)} rondes, maar "
            f"coaching.gesprekken_per_deelnemer is {coaching['gesprekken_per_deelnemer']}; "
            "verwacht één ronde per gesprek")
    known = {s.id: s for s in sessions}
    used = set()
    for number, round_ in enumerate(rounds, start=1):
        where = f"{FILE}, coaching.rondes[{number}]"
        for ident in round_["sessies"]:
            session = known.get(ident)
            if session is None:
                found.append(f"{where}: de sessie '{ident}' bestaat niet; verwacht de naam "
                             "van een bestand in docs/traject/ (zonder .md)")
            elif session.data.get("groep") == "individueel":
                found.append(f"{where}: '{ident}' is geen groepsbijeenkomst; coachgesprekken "
                             "vallen na een bijeenkomst van de groep")
            elif ident in used:
                found.append(f"{where}: na '{ident}' staat al een andere ronde; kies per "
                             "bijeenkomst één ronde")
            used.add(ident)
        capacity = len(round_["sessies"]) * TRAINERS * coaching["gesprekken_per_trainer"]
        if capacity < group_size:
            found.append(
                f"{where}: in {len(round_['sessies'])} bijeenkomsten met "
                f"{coaching['gesprekken_per_trainer']} gesprekken per trainer passen "
                f"{capacity} gesprekken, maar de groep heeft {group_size} deelnemers; "
                "voeg een bijeenkomst toe of verhoog coaching.gesprekken_per_trainer")
    return found


def rota(coaching, sessions, group_size):
    """The coaching slots, in the order of the trajectory; ContentError if impossible."""
    found = problems(coaching, sessions, group_size)
    if found:
        raise ContentError(found)
    known = {s.id: s for s in sessions}
    planned = [(known[ident], number, round_["onderwerp"], count)
               for number, round_ in enumerate(coaching["rondes"], start=1)
               for ident, count in zip(round_["sessies"],
                                       spread(group_size, len(round_["sessies"])))]
    planned.sort(key=lambda p: (p[0].data["week"], p[0].src))
    slots = []
    for index, (session, number, subject, count) in enumerate(planned):
        more, fewer = math.ceil(count / TRAINERS), count // TRAINERS
        # An odd number of conversations: the trainers take the extra one in turns.
        head, co = (more, fewer) if index % 2 == 0 else (fewer, more)
        slots.append(Slot(session, number, subject, head, co))
    return slots


def spread(total, parts):
    """`total` as `parts` whole numbers that differ by at most one, largest first."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def times(slot, coaching, end):
    """(start, end of the hoofdtrainer, end of the co-trainer) after a session ending at `end`."""
    start = add_minutes(end, coaching["minuten_na_afloop"])
    return (start,
            add_minutes(start, slot.hoofdtrainer * coaching["minuten"]),
            add_minutes(start, slot.co_trainer * coaching["minuten"]))


def total_minutes(coaching, group_size):
    """All coaching time of one group, in minutes (the budget counts it in hours)."""
    return coaching["gesprekken_per_deelnemer"] * coaching["minuten"] * group_size
