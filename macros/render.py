"""Turn checked content into page fragments, using the Jinja templates in templates/.

Each public function returns Markdown with HTML blocks, ready to be placed in
a page. Headings stay Markdown so that they appear in the page's table of
contents, the search index and the PDF bookmarks.

Where to make a change: questions about the content (which sessions use a
werkvorm, the group meetings, the themes of the certificate) are answered by
content.Handbook; the checks are in checks.py; computations on session data in
schedule.py; the print PDFs in prints.py and slides.py; the markup itself in
templates/. This module only ties data to templates, per page.
"""

import posixpath
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import coaching, cohort, forms, pictograms, schedule, sheets, slides, vocabulary

TEMPLATES = Path(__file__).parent / "templates"

ROLE_NAMES = {
    "hoofdtrainer": "Hoofdtrainer",
    "co-trainer": "Co-trainer",
    "samen": "Samen",
    "deelnemers": "Deelnemers",
    "coördinator": "Coördinator",
}

# The Dutch names of the session kinds and werkvorm categories: see vocabulary.yml.
KIND_NAMES = vocabulary.kind_names()
CATEGORY_NAMES = vocabulary.category_names()

VARIANT_NAMES = {"vrouwengroep": "Voor een vrouwengroep", "lager_taalniveau": "Bij een lager taalniveau"}


def handover_text(pair):
    """A hand-over between two roles in words: 'van hoofdtrainer naar co-trainer'."""
    def who(role):
        return "beide trainers samen" if role == "samen" else ROLE_NAMES.get(role, role).lower()
    return f"van {who(pair[0])} naar {who(pair[1])}"


def md(text):
    """Markdown text from a content field, as HTML (for use inside HTML blocks)."""
    return markdown.markdown(str(text), extensions=["sane_lists"])


def source_url(src):
    """The site URL of the page made from docs/<src>."""
    return src[: -len(".md")] + ".html"


class Renderer:
    """Renders fragments for one build; knows the handbook, settings and current page."""

    def __init__(self, handbook, settings, pdf_path, edition=None, meetings=(), facts=None,
                 coaching_rota=()):
        self.handbook = handbook
        self.coaching_rota = list(coaching_rota)
        self.card_sets = {}  # docs/kaarten/*.md by name (cards.py), set by checks.py
        self.facts = facts or {}
        self.settings = settings
        self.pdf_path = pdf_path
        self.edition = edition
        self.meetings = {m.session.id: m for m in meetings}
        self.page_src = "index.md"
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=jinja2.select_autoescape(["html", "md"], default_for_string=True),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            md=lambda text: Markup(md(text)),
            role=ROLE_NAMES.get,
            handover=handover_text,
            days_before=schedule.days_before_text,
            hours=schedule.hours_text,
        )
        self.env.globals.update(
            url=self.url,
            kind_name=KIND_NAMES.get,
            kind_marks=vocabulary.kind_marks(),  # {soort: {kleur, vorm}}, for the timeline
            category_name=CATEGORY_NAMES.get,
            variant_name=VARIANT_NAMES.get,
            md_link=self.md_link,
            print_url=lambda kind, ident, ext="pdf": self.url(self.print_path(kind, ident, ext)),
            settings=settings,
            handbook=handbook,
            methode=self.facts,
            edition=edition,
            meeting_of=lambda session: self.meetings.get(session.id),
            date_text=cohort.date_text,
            coaching_after=self.coaching_after,
        )
        sheets.add_to(self.env, self.facts)  # pictogram(), feiten, the traffic light

    def set_page(self, src):
        """Links rendered from now on are relative to the page docs/<src>."""
        self.page_src = src

    def url(self, target):
        """An HTML link from the current page to an item, a page or a file in site/."""
        path = target if isinstance(target, str) else target.src
        if path.endswith(".md"):
            path = source_url(path)
        return get_relative_url(path, source_url(self.page_src))

    def print_path(self, kind, ident, ext="pdf"):
        """Where a print file lives in site/: kind is werkblad, formulier, draaiboek,
        werkbladen (all worksheets of one session) or dia (the slide deck of a
        session, as .pdf and as .pptx: see slides.py)."""
        return f"{posixpath.dirname(self.pdf_path)}/{kind}-{ident}.{ext}"

    def md_link(self, target):
        """A Markdown link target from the current page to an item (checked by MkDocs)."""
        path = target if isinstance(target, str) else target.src
        return posixpath.relpath(path, posixpath.dirname(self.page_src) or ".")

    def render(self, template, **context):
        html = self.env.get_template(template).render(**context)
        return html.strip() + "\n"

    # --- pages with a content header --------------------------------------

    def session_parts(self, session):
        """(top, bottom) of a session page: the run sheet above the prose, notes below."""
        data = session.data
        context = dict(
            session=session,
            data=data,
            rows=schedule.run_sheet(data, self.settings.begintijd),
            materials=schedule.materials(data, self.settings),
            werkbladen=[self.handbook.werkbladen[i] for i in data["werkbladen"]],
        )
        return self.render("session_top.md", **context), self.render("session_bottom.md", **context)

    def werkvorm_parts(self, werkvorm):
        """(top, bottom) of a werkvorm page: the facts box and where it is used."""
        context = dict(
            werkvorm=werkvorm,
            data=werkvorm.data,
            sessions=self.handbook.sessions_using_werkvorm(werkvorm.id),
        )
        return self.render("werkvorm_top.md", **context), self.render("werkvorm_bottom.md", **context)

    def werkblad_parts(self, werkblad):
        """(top, bottom) of a worksheet or form page: trainer facts, downloads, the sheet."""
        top = self.render(
            "werkblad_top.md",
            werkblad=werkblad,
            data=werkblad.data,
            sessions=self.handbook.sessions_using_werkblad(werkblad.id),
            sheet=Markup(self.worksheet(werkblad)),
        )
        return top, ""

    def worksheet(self, werkblad):
        """The printable sheet itself (HTML), as on paper."""
        return self.render("worksheet.html", data=werkblad.data, kind=werkblad.kind)

    def page_parts(self, item):
        parts = {
            "sessie": self.session_parts,
            "werkvorm": self.werkvorm_parts,
            "werkblad": self.werkblad_parts,
            "formulier": self.werkblad_parts,
        }
        return parts[item.kind](item)

    # --- macros for overview pages ------------------------------------------

    def macros(self):
        """The functions that pages may call, by the name they use."""
        return {
            "trajectoverzicht": self.trajectory_table,
            "tijdlijn": self.timeline,
            "contacturen": self.contact_hours,
            "kernpunten_overzicht": self.key_points,
            "trainersnotities_overzicht": self.trainer_notes,
            "materialenlijst": self.materials_checklist,
            "werkvormen_per_sessie": self.werkvormen_by_session,
            "werkvormen_tabel": self.werkvormen_table,
            "werkbladen_tabel": self.werkbladen_table,
            "presentielijst": self.attendance_list,
            "gespreksleidraad": self.conversation_guide,
            "certificaat": self.certificate,
            "download": self.download_link,
            "dia_overzicht": self.slide_decks,
            "kalender": self.cohort_calendar,
            "contact": self.contact_box,
            "coachrooster": self.coaching_rota_table,
            "pictogram": pictograms.pictogram,
        }

    def trajectory_table(self):
        return self.render(
            "trajectory_table.html",
            sessions=self.handbook.sessions,
            total=schedule.contact_minutes(self.handbook.sessions),
        )

    def timeline(self):
        return self.render("timeline.html", sessions=self.handbook.sessions)

    def contact_hours(self):
        return schedule.hours_text(schedule.contact_minutes(self.handbook.sessions))

    def key_points(self):
        return self.render("key_points.md", sessions=self.handbook.sessions)

    def trainer_notes(self):
        return self.render("trainer_notes.md", sessions=self.handbook.sessions)

    def materials_checklist(self):
        return self.render(
            "materials_checklist.md",
            materials=schedule.materials_overview(self.handbook.sessions, self.settings),
            prints=schedule.print_overview(
                self.handbook.sessions, self.handbook.werkbladen, self.settings
            ),
        )

    def werkvormen_by_session(self):
        rows = [
            (w, self.handbook.sessions_using_werkvorm(w.id))
            for w in sorted(self.handbook.werkvormen.values(), key=lambda w: w.title)
        ]
        return self.render("werkvormen_by_session.html", rows=rows)

    def werkvormen_table(self, categorie=None):
        if categorie is not None and categorie not in CATEGORY_NAMES:
            raise ValueError(
                f"werkvormen_tabel('{categorie}'): onbekende categorie; verwacht een van: "
                + ", ".join(CATEGORY_NAMES)
            )
        return self.render("werkvormen_table.html",
                           groups=self.handbook.werkvormen_by_category(categorie),
                           grouped=categorie is None)

    def werkbladen_table(self):
        rows = schedule.print_overview(self.handbook.sessions, self.handbook.werkbladen,
                                       self.settings)
        return self.render("werkbladen_table.html", rows=rows)

    def start_planning(self, planning):
        return self.render("start_planning.html", planning=sorted(
            planning, key=lambda t: -t["weken_voor_start"]))

    def slide_decks(self):
        """All slide decks (see slides.py), with their downloads."""
        decks = [slides.deck(s, self.settings.begintijd) for s in self.group_meetings()]
        return self.render("slides_table.html", decks=decks)

    def download_link(self, kind, ident, text):
        """A download link to one of the print PDFs (see print_path)."""
        return self.render("download_link.html", href=self.url(self.print_path(kind, ident)),
                           text=text)

    # --- the coaching rota (coaching.py) -------------------------------------

    def coaching_after(self, data, end):
        """The coaching after the session with header `data`, ending at clock time
        `end`, as a dict for the run sheet; None when no conversations follow it."""
        slot = next((s for s in self.coaching_rota if s.session.data is data), None)
        if slot is None:
            return None
        start, end_head, end_co = coaching.times(slot, self.facts["coaching"], end)
        return dict(slot=slot, begin=start, eind_hoofdtrainer=end_head, eind_co_trainer=end_co,
                    eind=max(end_head, end_co),
                    minuten=max(slot.hoofdtrainer, slot.co_trainer) * self.facts["coaching"]["minuten"])

    def coaching_rota_table(self):
        """The coaching rota of the whole group, with the total time per trainer."""
        form = self.facts["coaching"]
        per_trainer = {"hoofdtrainer": sum(s.hoofdtrainer for s in self.coaching_rota),
                       "co-trainer": sum(s.co_trainer for s in self.coaching_rota)}
        rows = [self.coaching_after(slot.session.data, schedule.run_sheet(
                    slot.session.data, self.settings.begintijd)[-1].end)
                for slot in self.coaching_rota]
        return self.render("coaching_rota.md", rows=rows, form=form, per_trainer=per_trainer,
                           total=coaching.total_minutes(form, self.settings.groepsgrootte))

    # --- forms made from the session data -----------------------------------

    def group_meetings(self):
        """The sessions the whole group attends (see content.Handbook.group_sessions)."""
        return self.handbook.group_sessions

    def attendance_list(self, in_print=False):
        """The presentielijst (see forms.py); in_print makes its title a real heading."""
        return forms.attendance_list(self, in_print=in_print)

    def certificate(self, naam="", periode=None, in_print=False):
        """The certificate (see forms.py); the period comes from the edition unless given."""
        return forms.certificate(self, naam=naam, periode=periode, in_print=in_print)

    # --- the cohort calendar of an edition ----------------------------------

    def cohort_calendar(self):
        """The planning of the group: real dates with an edition, week numbers without."""
        intake = (cohort.intake_window(self.edition, self.facts["intake"]["weken_voor_kickoff"])
                  if self.edition else None)
        return self.render(
            "cohort_calendar.md", sessions=self.handbook.sessions, intake=intake,
            calendar_url=self.url(cohort.calendar_path(self.edition)) if self.edition else None,
        )

    def calendar_file(self, site_url):
        """The .ics file of the cohort; links are absolute when site_url is set."""
        def link(session):
            return (site_url.rstrip("/") + "/" if site_url else "") + source_url(session.src)
        return cohort.calendar_file(self.meetings.values(), self.edition, link)

    def contact_box(self):
        """The edition's contact person, if it has one (never required)."""
        return self.render("contact.html")

    def conversation_guide(self, sessie="intake"):
        """The blocks of a session as a numbered conversation guide (for the intake)."""
        session = self.handbook.items["sessie"].get(sessie)
        if session is None:
            raise ValueError(f"gespreksleidraad('{sessie}'): die sessie bestaat niet")
        return self.render("conversation_guide.md", session=session,
                           rows=schedule.run_sheet(session.data, self.settings.begintijd))
