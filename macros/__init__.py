"""The handbook's macros (mkdocs-macros, `module_name: macros`).

At the start of a build, `define_env` loads and checks all content once
(content.py, validation.py). Pages with a content header (sessie, werkvorm,
werkblad) get their generated parts added automatically in
`on_post_page_macros`, so contributors write only data and prose. Overview
pages call the macros registered below, e.g. `{{ trajectoverzicht() }}`.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import cohort, content, method, planner, prints, render, schedule, validation
from .validation import ContentError

renderer = None  # set by define_env; one per build


def edition_from(config):
    """The municipality edition (extra.editie) of this configuration, or None."""
    return cohort.edition_from(config["extra"], Path(config.config_file_path).name)


def settings_from(config, facts, edition=None):
    extra = config["extra"]
    return schedule.Settings(
        groepsgrootte=extra.get("groepsgrootte", facts["groep_max"]),
        reserve=extra.get("reserve", 2),
        begintijd=edition.begintijd if edition else facts["begintijd"],
    )


def make_renderer(config):
    """Load and check everything for one build; raise ContentError on any problem."""
    handbook = content.load(config["docs_dir"])
    facts = method.facts(method.load(Path(config.config_file_path).parent), handbook.sessions)
    edition = edition_from(config)
    meetings = cohort.plan(handbook.sessions, edition) if edition else []
    return render.Renderer(handbook, settings_from(config, facts, edition), pdf_path(config),
                           edition=edition, meetings=meetings, facts=facts)


def pdf_path(config):
    """Where the PDF handbook lands in site/ (the to-pdf plugin's output_path)."""
    return config["plugins"]["to-pdf"].config["output_path"]


def define_env(env):
    global renderer
    try:
        renderer = make_renderer(env.conf)
    except ContentError as error:
        raise PluginError(str(error)) from None
    env.variables["handboek"] = renderer.handbook
    env.variables["methode"] = renderer.facts   # {{ methode.begintijd }}: see methode.yml
    env.variables["editie"] = renderer.edition
    env.variables["pdf_handboek"] = renderer.pdf_path

    for name, function in renderer.macros().items():
        env.macro(function, name)

    @env.macro
    def startplanning():
        """The start planning table, from the `planning:` header of the calling page."""
        where = f"docs/{env.page.file.src_uri}"
        planning = env.page.meta.get("planning")
        problems = validation.problems_in(planning, "planning", where)
        if problems:
            raise PluginError(str(ContentError(problems)))
        return renderer.start_planning(planning)

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


def on_post_build(env):
    """Write the data of the planner, the cohort calendar (with an edition) and, with
    the PDF handbook, the print PDFs (worksheets, run sheets)."""
    site = Path(env.conf["site_dir"])
    try:
        planner.write_data(renderer, site, planner.published_url(env.conf))
    except ContentError as error:
        raise PluginError(str(error)) from None
    if renderer.edition:
        path = site / cohort.calendar_path(renderer.edition)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(renderer.calendar_file(planner.published_url(env.conf)))
    if not env.conf["plugins"]["to-pdf"].enabled:
        return
    renderer.set_page("index.md")
    try:
        prints.write_prints(renderer, site)
    except prints.PrintError as error:
        raise PluginError(str(error)) from None
