"""The handbook's macros (mkdocs-macros, `module_name: macros`).

At the start of a build, `define_env` loads and checks all content once
(checks.py: the same checks as `python -m macros`); after the build the print
PDFs are made and checked: `on_post_build` starts them in the background and
`finish_print_files` (called by macros/pdf/pdf_event_hook.py once the PDF
handbook is written) waits for them and checks them. Pages with a content header (sessie, werkvorm,
werkblad) get their generated parts added automatically in
`on_post_page_macros`, so contributors write only data and prose. Overview
pages call the macros registered below, e.g. `{{ trajectoverzicht() }}`.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import budget, cards, checks, cohort, method, planner, reference, validation
from .validation import ContentError

renderer = None  # set by define_env; one per build
print_run = None  # the print PDFs being rendered while the book is laid out


def make_renderer(config):
    """Load and check everything for one build; raise ContentError on any problem."""
    return checks.checked_renderer(config)


def define_env(env):
    global renderer
    try:
        renderer = make_renderer(env.conf)
    except ContentError as error:
        raise PluginError(str(error)) from None
    env.variables["handboek"] = renderer.handbook
    env.variables["methode"] = renderer.facts   # {{ methode.begintijd }}: see methode.yml
    env.variables["editie"] = renderer.edition
    env.variables["instellingen"] = renderer.settings  # groepsgrootte, reserve, begintijd
    env.variables["pdf_handboek"] = renderer.pdf_path

    for name, function in renderer.macros().items():
        env.macro(function, name)
    env.macro(lambda: cards.overview(renderer, renderer.card_sets), "kaarten_overzicht")

    @env.macro
    def veldenoverzicht():
        """Every field of every kind of header, from the schemas (docs/bijdragen/)."""
        return renderer.render("field_reference.md", groups=reference.reference())

    @env.macro
    def startplanning():
        """The start planning table, from the `planning:` header of the calling page."""
        where = f"docs/{env.page.file.src_uri}"
        planning = method.with_fact_weeks(env.page.meta.get("planning"), renderer.facts)
        problems = validation.problems_in(planning, "planning", where)
        if problems:
            raise PluginError(str(ContentError(problems)))
        return renderer.start_planning(planning)

    @env.macro
    def kernelementen():
        """The core elements of the method (methode.yml), the same list on every page."""
        return method.core_elements_list(renderer)

    @env.macro
    def rekenvoorbeeld():
        """The worked budget example, from the `begroting:` header of the calling page."""
        where = f"docs/{env.page.file.src_uri}"
        try:
            return budget.render(renderer, env.page.meta.get("begroting"), where,
                                 renderer.handbook.sessions)
        except ContentError as error:
            raise PluginError(str(error)) from None

    @env.macro
    def plan_je_groep():
        """The planner of the page "Plan je groep" (see planner.py)."""
        return planner.page_part(renderer)


def on_pre_page_macros(env):
    renderer.set_page(env.page.file.src_uri)


def on_post_page_macros(env):
    """Add the generated parts to pages that have a content header."""
    item = renderer.handbook.item_at(env.page.file.src_uri)
    if item is not None:
        top, bottom = renderer.page_parts(item)
        env.markdown = f"{top}\n{env.markdown}\n\n{bottom}"
    card_set = renderer.card_sets.get(cards.set_name(env.page.file.src_uri))
    if card_set is not None:
        users = cards.used_in(card_set, renderer.handbook, env.conf["docs_dir"])
        top, bottom = cards.page_parts(renderer, card_set, users)
        env.markdown = f"{top}\n{env.markdown}\n\n{bottom}"


def on_post_build(env):
    """Write the data of the planner, the cohort calendar (with an edition) and, with
    the PDF handbook, start the print PDFs (worksheets, run sheets, slides, cards)."""
    global print_run
    site = Path(env.conf["site_dir"])
    try:
        planner.write_data(renderer, site, planner.published_url(env.conf))
    except ContentError as error:
        raise PluginError(str(error)) from None
    if renderer.edition:
        path = site / cohort.calendar_path(renderer.edition)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(renderer.calendar_file(planner.published_url(env.conf)))
    if env.conf["plugins"]["to-pdf"].enabled:
        print_run = checks.start_prints(renderer, site, planner.published_url(env.conf))


def finish_print_files(config):
    """Wait for the print PDFs started in on_post_build and check them."""
    global print_run
    run, print_run = print_run, None
    if run is None:
        return
    try:
        checks.finish_prints(run, config)
    except ContentError as error:
        raise PluginError(str(error)) from None
