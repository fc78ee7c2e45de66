"""Every check of the handbook, in one place, for every entry point.

The build (define_env and on_post_build in __init__.py), `mkdocs serve`,
`python -m macros` and `scripts/nieuw.py` all call this module, so the same
mistake gives the same Dutch message everywhere. There are two levels,
`checked_renderer` (content) and `check_prints` (print):

- content: the headers and their schemas, references between files, one
  session per week, methode.yml, the edition, the start planning, the A2 gate
  of worksheets, forms and slides, whether the slide text fits, the pictogram
  named by a session block, every page in
  the nav, relative links between pages, files over 500 kB and example text
  left by scripts/nieuw.py. Takes seconds.
- print: also renders every print PDF and checks that it has the pages it
  promises (prints.py). Takes a minute or more.

Under GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as an
annotation, `::error file=…,line=…::…`, so it shows on the line of the file.
"""

import difflib
import os
import posixpath
import re
from collections import Counter
from pathlib import Path

import yaml

from . import (budget, cards, coaching, cohort, planner, content, method, pictograms, prints, render,
               schedule, slides)
from .readability import sheet_problems
from .validation import ContentError, problems_in

# --- the content level --------------------------------------------------------


def checked_renderer(config):
    """Load and check everything for one build at the content level.

    Returns the Renderer; raises ContentError with every problem found (and
    prints them as GitHub annotations when running there)."""
    renderer, problems = content_check(config)
    fail_on(problems, config)
    return renderer


def content_check(config):
    """(renderer or None, problems) for the configuration of one build."""
    root = Path(config.config_file_path).parent
    docs = Path(config["docs_dir"])
    problems = []
    handbook = attempt(lambda: content.load(docs), problems)
    facts_data = attempt(lambda: method.load(root), problems)
    config_name = Path(config.config_file_path).name
    edition = attempt(lambda: cohort.edition_from(config["extra"], config_name), problems)
    problems += nav_problems(config)
    problems += link_problems(docs)
    problems += size_problems(docs)
    if handbook is None or facts_data is None:
        return None, problems
    meetings = attempt(lambda: planned(handbook, edition, config_name), problems)
    if meetings is None:
        return None, problems
    facts = method.facts(facts_data, handbook.sessions)
    problems += page_header_problems(docs, facts, handbook.sessions)
    settings = settings_from(config, facts, edition)
    rota = attempt(lambda: coaching.rota(facts["coaching"], handbook.sessions,
                                         settings.groepsgrootte), problems)
    renderer = render.Renderer(handbook, settings, pdf_path(config), edition=edition,
                               meetings=meetings, facts=facts, coaching_rota=rota or ())
    renderer.card_sets = attempt(lambda: cards.load(docs), problems) or {}
    problems += sheet_problems(handbook)
    problems += pictogram_problems(handbook.sessions)
    problems += slides.decks(renderer)[1]
    return renderer, problems


def pictogram_problems(sessions):
    """A block's `pictogram` must name a file in docs/assets/pictogrammen/."""
    found = []
    for session in sessions:
        for number, block in enumerate(session.data["blokken"], start=1):
            name = block.get("pictogram")
            if name is not None and name not in pictograms.PICTOGRAMS:
                found.append(
                    f"docs/{session.src}: blok {number} ('{block['titel']}'), veld "
                    f"'sessie.blokken[{number}].pictogram': het pictogram '{name}' bestaat niet; "
                    f"kies een van: {', '.join(pictograms.PICTOGRAMS)} (zie "
                    "docs/assets/pictogrammen/README.txt), of laat het veld weg"
                )
    return found


def planned(handbook, edition, config_name):
    """The meetings of the edition's cohort (none without an edition); a problem that
    names no file (the start date) gets the name of the edition's file."""
    if edition is None:
        return []
    try:
        return cohort.plan(handbook.sessions, edition)
    except ContentError as error:
        raise ContentError([
            p if PLACE.match(p) else f"{config_name}: veld '{p.split(' ', 1)[0]}' {p.split(' ', 1)[1]}"
            for p in error.problems
        ]) from None


def attempt(step, problems):
    """The result of step(), or None after adding its ContentError's problems."""
    try:
        return step()
    except ContentError as error:
        problems += error.problems
        return None


def settings_from(config, facts, edition=None):
    extra = config["extra"]
    return schedule.Settings(
        groepsgrootte=extra.get("groepsgrootte", facts["groep_max"]),
        reserve=extra.get("reserve", 2),
        begintijd=edition.begintijd if edition else facts["begintijd"],
    )


def pdf_path(config):
    """Where the PDF handbook lands in site/ (the to-pdf plugin's output_path)."""
    return config["plugins"]["to-pdf"].config["output_path"]


def page_header_problems(docs, facts, sessions):
    """The `planning:` (start planning) and `begroting:` (budget example) headers of
    ordinary pages, against their schemas."""
    found = []
    for path in sorted(Path(docs).rglob("*.md")):
        header, _ = content.split_header(content.read_text(path))
        if not header or ("planning:" not in header and "begroting:" not in header):
            continue
        try:
            meta = yaml.load(header, Loader=content.HeaderLoader)
        except yaml.YAMLError:
            continue  # reported by content.load for content files; MkDocs fails on others
        if not isinstance(meta, dict):
            continue
        where = f"docs/{path.relative_to(docs).as_posix()}"
        if "planning" in meta:
            found += problems_in(method.with_fact_weeks(meta["planning"], facts), "planning", where)
        if "begroting" in meta:
            found += budget.problems(meta["begroting"], budget.quantities(facts, sessions), where)
    return found


MAX_FILE_KB = 500


def size_problems(docs):
    """A file in docs/ that makes the site and the PDF heavy (a photo straight from a phone)."""
    found = []
    for path in sorted(Path(docs).rglob("*")):
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_FILE_KB * 1024:
            found.append(
                f"docs/{path.relative_to(docs).as_posix()}: het bestand is {size // 1024} kB; "
                f"verwacht hoogstens {MAX_FILE_KB} kB. Maak een afbeelding kleiner (zo'n 1600 "
                "pixels breed is genoeg) of zet een groot bestand niet in docs/"
            )
    return found


# --- the nav and the links between pages ----------------------------------------


def nav_pages(nav, sections=()):
    """Yield (page, section titles) for every page in the nav of mkdocs.yml."""
    for entry in nav or []:
        if isinstance(entry, str):
            yield entry, sections
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    yield value, sections
                else:
                    yield from nav_pages(value, sections + (title,))


def nav_problems(config):
    """Every page in docs/ must be in the nav; every page in the nav must exist."""
    if not config["nav"]:
        return []
    docs = Path(config["docs_dir"])
    listed = dict(nav_pages(config["nav"]))
    found = [
        f"mkdocs.yml: de inhoudsopgave (nav:) noemt '{page}', maar docs/{page} bestaat niet; "
        "verwacht het pad van een pagina in docs/"
        for page in listed if "://" not in page and not (docs / page).is_file()
    ]
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    for page in pages:
        if page not in listed and not any(part.startswith(".") for part in page.split("/")):
            found.append(
                f"docs/{page}: deze pagina staat niet in de inhoudsopgave; zet in mkdocs.yml "
                f"onder nav:, {nav_place(page, listed)}, de regel  - {page}"
            )
    return found


def nav_place(page, listed):
    """Where in the nav a page belongs: the section that holds most of the pages in
    its folder (or, failing that, in the nearest folder above it)."""
    folder = posixpath.dirname(page).split("/")

    def shared(other):
        return len(posixpath.commonprefix([folder, posixpath.dirname(other).split("/")]))

    best = max((shared(other) for other in listed), default=0)
    if not folder[0] or best == 0:
        return "bovenaan de lijst"
    sections = Counter(listed[other] for other in listed if shared(other) == best)
    section = sections.most_common(1)[0][0]
    return "in het onderdeel '" + " > ".join(section) + "'" if section else "bovenaan de lijst"


LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def link_problems(docs):
    """Relative Markdown links to a page that does not exist."""
    docs = Path(docs)
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    found = []
    for page in pages:
        in_code = False
        for number, line in enumerate(content.read_text(docs / page).split("\n"), start=1):
            if FENCE.match(line):
                in_code = not in_code
            if in_code:
                continue
            for target in LINK.findall(re.sub(r"`[^`]*`", "", line)):
                problem = link_problem(page, target, pages)
                if problem:
                    found.append(f"docs/{page}, regel {number}: {problem}")
    return found


def link_problem(page, target, pages):
    """What is wrong with one link on docs/<page>, or None."""
    path = target.split("#", 1)[0]
    if (not path.endswith(".md") or "://" in path or path.startswith(("/", "mailto:"))
            or "{" in path):
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if resolved in pages:
        return None
    close = difflib.get_close_matches(resolved, pages, n=1, cutoff=0.6)
    advice = (f"; bedoel je '{posixpath.relpath(close[0], posixpath.dirname(page) or '.')}'?"
              if close else "")
    return (f"de link naar '{target}' wijst naar docs/{resolved}, maar die pagina bestaat niet; "
            f"verwacht een pad vanaf deze pagina naar een pagina in docs/{advice}")


# --- the print level -------------------------------------------------------------


def start_prints(renderer, site_dir, site_url=None):
    """Start rendering every print PDF into site_dir, in the background; `finish_prints`
    waits for them. The build starts them before it lays out the PDF handbook, so the
    two share the machine's cores. Links in the prints go to the published site
    (site_url) or are plain text."""
    renderer.set_page("index.md")
    return prints.PrintRun(renderer, site_dir, site_url)


def print_problems(run):
    """Wait for the print PDFs of `run`; their problems (pages, slides)."""
    try:
        run.finish()
    except prints.PrintError as error:  # its message lists one problem per "  - " line
        return [line[4:] for line in str(error).splitlines() if line.startswith("  - ")]
    return []


def check_prints(renderer, site_dir, config=None):
    """The print level: raise ContentError when a print falls short."""
    run = start_prints(renderer, site_dir, planner.published_url(config) if config else None)
    finish_prints(run, config)


def finish_prints(run, config=None):
    """Wait for the print PDFs started by `start_prints`; raise ContentError when one
    falls short."""
    fail_on(print_problems(run), config)


# --- reporting ---------------------------------------------------------------------


def fail_on(problems, config=None):
    """Raise ContentError with the problems, if there are any (annotated on GitHub)."""
    if problems:
        annotate(problems, Path(config.config_file_path).parent if config else Path.cwd())
        raise ContentError(problems)


PLACE = re.compile(r"^(?P<file>[\w./-]+\.(?:md|yml|pdf|pptx))(?:, regel (?P<line>\d+))?")
FIELD = re.compile(r"veld '([^']+)'")


def annotate(problems, root):
    """Print each problem as a GitHub annotation when running in GitHub Actions."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    for problem in problems:
        print(annotation(problem, root), flush=True)


def annotation(problem, root):
    """`::error file=…,line=…::problem` for one problem."""
    place = PLACE.match(problem)
    if not place:
        return f"::error::{escape(problem)}"
    name, line = place.group("file"), place.group("line")
    if line is None:
        field = FIELD.search(problem)
        line = line_of(Path(root) / name, field.group(1)) if field else 1
    return f"::error file={name},line={line}::{escape(problem)}"


def escape(text):
    """GitHub's escaping of an annotation message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def line_of(path, field):
    """The line in a header (or YAML file) where `field`, e.g. sessie.blokken[2].minuten,
    is written; 1 when it cannot be found."""
    try:
        text = content.read_text(path)
    except OSError:
        return 1
    offset = 0
    if path.suffix == ".md":
        header, _ = content.split_header(text)
        text, offset = header or "", 1
    try:
        node = yaml.compose(text, Loader=content.HeaderLoader)
    except yaml.YAMLError:
        return 1
    line = 1
    for key in re.findall(r"[^.\[\]]+", field):
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if str(k.value) == key), None)
        elif isinstance(node, yaml.SequenceNode) and key.isdigit():
            index = int(key) - 1
            node = node.value[index] if 0 <= index < len(node.value) else None
        else:
            node = None  # e.g. extra.editie in mkdocs.yml: not a path from the top
        if node is None:
            break
        line = node.start_mark.line + 1 + offset
    return line
