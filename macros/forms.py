"""The two forms made from the whole trajectory rather than from one header: the
presentielijst and the certificate. `Renderer.attendance_list()` and
`Renderer.certificate()` call these; they also serve the planner, which fills
in values later: every value that can be filled in sits in an element with a
`data-veld` attribute (see the templates).
"""

import posixpath
from pathlib import Path

from . import cohort
from .validation import ContentError

DOCS = Path(__file__).parent.parent / "docs"


def edition_period(meetings):
    """(first, last) date of the group meetings of an edition, without the
    terugkomdag; None without an edition."""
    dates = [m.datum for m in meetings.values() if m.session.data["soort"] != "terugkomdag"]
    return (min(dates), max(dates)) if dates else None


def issue_date(meetings):
    """The date of the certificaatuitreiking in an edition, or None."""
    return next((m.datum for m in meetings.values()
                 if m.session.data["soort"] == "certificaatuitreiking"), None)


def certificate_settings(edition, docs_dir):
    """The edition's `certificaat` settings (logo, trainers, place), checked."""
    settings = dict(getattr(edition, "certificaat", None) or {}) if edition else {}
    logo = settings.get("logo")
    if logo and not (Path(docs_dir) / logo).is_file():
        raise ContentError([
            f"extra.editie.certificaat.logo: het bestand docs/{logo} bestaat niet; verwacht "
            "een afbeelding in de map docs/, zoals assets/logo-gemeente.png"
        ])
    return settings


def certificate(renderer, naam="", periode=None, in_print=False, docs_dir=DOCS):
    """The certificate; the period comes from the edition's dates unless given."""
    settings = certificate_settings(renderer.edition, docs_dir)
    span = edition_period(renderer.meetings) if periode is None else None
    issued = issue_date(renderer.meetings)
    logo = settings.get("logo")
    return renderer.render(
        "certificate.html", naam=naam, periode=periode or "", in_print=in_print,
        van=cohort.date_text(span[0], weekday=False) if span else "",
        tot=cohort.date_text(span[1], weekday=False) if span else "",
        datum=cohort.date_text(issued, weekday=False) if issued else "",
        plaats=settings.get("plaats") or (renderer.edition.gemeente if renderer.edition else ""),
        logo=(logo if in_print else renderer.url(posixpath.normpath(logo))) if logo else "",
        hoofdtrainer=settings.get("hoofdtrainer", ""),
        co_trainer=settings.get("co-trainer", ""),
        themas=renderer.handbook.certificate_themes,
    )


def attendance_list(renderer, in_print=False):
    """The presentielijst: a row per participant, a column per group meeting."""
    meetings = renderer.group_meetings()
    settings = certificate_settings(renderer.edition, DOCS)
    trainers = [settings[role] for role in ("hoofdtrainer", "co-trainer") if settings.get(role)]
    return renderer.render(
        "attendance_list.html", in_print=in_print, meetings=meetings, trainers=trainers,
        rows=renderer.settings.groepsgrootte,
        dates={s.id: m.datum.strftime("%d-%m") for s in meetings
               if (m := renderer.meetings.get(s.id))},
    )
