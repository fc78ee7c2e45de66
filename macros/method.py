"""The facts of the method (methode.yml), decided once and shown by macro.

Loading reads and checks methode.yml; `facts` adds what follows from the
sessions (so nobody types it): from which week participants lead blocks and
how many group meetings the certificate asks for. Pages show a fact with
`{{ methode.begintijd }}`; an unknown name stops the build.
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


def facts(data, sessions):
    """methode.yml plus what the sessions decide."""
    leading = [s.data["week"] for s in sessions
               if any(b.get("wie") == "deelnemers" for b in s.data["blokken"])]
    counted = certificate_meetings(sessions)
    needed = math.ceil(len(counted) * data["certificaat_aanwezigheid_procent"] / 100)
    return dict(
        data,
        deelnemers_leiden_vanaf_week=min(leading) if leading else None,
        certificaat_norm=f"{needed} van de {len(counted)} groepsbijeenkomsten",
    )
