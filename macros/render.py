"""Turn checked content into page fragments, using the Jinja templates in templates/.

Each public function returns Markdown with HTML blocks, ready to be placed in
a page. Headings stay Markdown so that they appear in the page's table of
contents, the search index and the PDF bookmarks.
"""

import posixpath
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import cohort, schedule, slides

TEMPLATES = Path(__file__).parent / "templates"

ROLE_NAMES = {
    "hoofdtrainer": "Hoofdtrainer",
    "co-trainer": "Co-trainer",
    "samen": "Samen",
    "deelnemers": "Deelnemers",
    "coördinator": "Coördinator",
}

KIND_NAMES = {
    "intake": "Intake",
    "kick-off": "Kick-off",
    "kerntraining": "Kerntraining",
    "activiteit": "Activiteit",
    "certificaatuitreiking": "Certificaatuitreiking",
    "terugkomdag": "Terugkomdag",
}

CATEGORY_NAMES = {
    "intervisie": "Intervisie",
    "reflectie": "Reflectie",
    "coaching": "Coaching",
    "kennismaken": "Kennismaken en groepsvorming",
    "presenteren": "Presenteren",
    "netwerken": "Netwerken",
    "communicatie": "Communicatie en omgangsvormen",
    "energizers": "Energizers",
    "afsluiten": "Afsluiten en evalueren",
}

VARIANT_NAMES = {"vrouwengroep": "Voor een vrouwengroep", "lager_taalniveau": "Bij een lager taalniveau"}


def md(text):
    """Markdown text from a content field, as HTML (for use inside HTML blocks)."""
    return markdown.markdown(str(text), extensions=["sane_lists"])


def source_url(src):
    """The site URL of the page made from docs/<src>."""
    return src[: -len(".md")] + ".html"


class Renderer:
    """Renders fragments for one build; knows the handbook, settings and current page."""

    def __init__(self, handbook, settings, pdf_path, edition=None, meetings=(), facts=None):
        self.handbook = handbook
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
            days_before=schedule.days_before_text,
            hours=schedule.hours_text,
        )
        self.env.globals.update(
            url=self.url,
            kind_name=KIND_NAMES.get,
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
        )

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
        chosen = [
            w for w in self.handbook.werkvormen.values()
            if categorie in (None, w.data["categorie"])
        ]
        groups = [
            (c, sorted((w for w in chosen if w.data["categorie"] == c), key=lambda w: w.title))
            for c in CATEGORY_NAMES
        ]
        return self.render("werkvormen_table.html", groups=[g for g in groups if g[1]],
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

    # --- forms made from the session data -----------------------------------

    def group_meetings(self):
        """The sessions the whole group attends (not the individual intake)."""
        return [s for s in self.handbook.sessions if s.data.get("groep") != "individueel"]

    def attendance_list(self):
        return self.render("attendance_list.html", meetings=self.group_meetings(),
                           rows=self.settings.groepsgrootte)

    def certificate_themes(self):
        """What the certificate says the participant worked on: the themes of the
        core trainings and the activities, from their titles."""
        themes = [s.title.split(":", 1)[-1].strip() for s in self.handbook.sessions
                  if s.data["soort"] == "kerntraining"]
        themes += [s.title.split(":", 1)[0] for s in self.handbook.sessions
                   if s.data["soort"] == "activiteit"]
        return themes

    def certificate(self, naam="", periode=None):
        """The certificate; the period comes from the edition's dates unless given."""
        if periode is None and self.meetings:
            dates = [m.datum for m in self.meetings.values()
                     if m.session.data["soort"] != "terugkomdag"]
            periode = (f"van {cohort.date_text(min(dates), weekday=False)} "
                       f"tot {cohort.date_text(max(dates), weekday=False)}")
        return self.render("certificate.html", naam=naam, periode=periode or "",
                           themas=self.certificate_themes())

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
