"""Shared test set-up: the project root on sys.path, the built site (one full
build per run, shared by every test that asks for the `site` fixture; a few tests
build a copy of their own), and the test tiers.

Tiers: every test gets one of the markers fast, build or browser (see pytest.ini).
A test that uses a browser fixture is `browser`; one that uses a build fixture, or
calls build() or renders PDFs, is `build`; the rest is `fast`. A marker written on
the test itself wins.
"""

import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PDF_NAME = "pdf/kix-works-handboek.pdf"

TIERS = ("fast", "build", "browser")
BROWSER_FIXTURES = {"browser", "page", "server", "visits"}
BUILD_FIXTURES = {"site", "pdf", "pdf_pages_text", "edition_site"}
# A test whose own code does one of these builds or renders (slow), whatever it uses.
BUILDS = re.compile(r"\bbuild\w*\(|PrintRun|render_pdf|write_pdf|certificaten\.py|nieuw\(")


def tier_of(item):
    """The tier of one collected test (see the module's docstring)."""
    own = [tier for tier in TIERS if item.get_closest_marker(tier)]
    if own:
        return own[0]
    params = set(getattr(getattr(item, "callspec", None), "params", {}))
    fixtures = set(item.fixturenames) - params
    if fixtures & BROWSER_FIXTURES:
        return "browser"
    if fixtures & BUILD_FIXTURES:
        return "build"
    try:
        source = inspect.getsource(item.function)
    except (OSError, TypeError, AttributeError):
        source = ""
    return "build" if BUILDS.search(source) else "fast"


def pytest_collection_modifyitems(items):
    for item in items:
        tier = tier_of(item)
        if not item.get_closest_marker(tier):
            item.add_marker(tier)


def build(config="mkdocs.yml", site_dir=None, pdf=True, cwd=ROOT):
    """Run `mkdocs build --strict`; return the finished process (never raises)."""
    env = dict(os.environ, KIX_PDF="1" if pdf else "0", NO_MKDOCS_2_WARNING="1")
    if Path(cwd).resolve() != ROOT:
        # A copy of the handbook outside git: its pages get today as their date. Only
        # the real checkout must get its dates from git (CI=true makes that strict).
        env.pop("CI", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    if site_dir:
        command += ["-d", str(site_dir)]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The handbook, built once (site and PDF) into a temporary folder.

    To test an existing build while developing, set KIX_SITE to its folder.
    """
    if os.environ.get("KIX_SITE"):
        return Path(os.environ["KIX_SITE"])
    site_dir = tmp_path_factory.mktemp("site")
    result = build(site_dir=site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-5000:]}"
    return site_dir


@pytest.fixture(scope="session")
def pdf(site):
    """The PDF handbook, opened once."""
    from pypdf import PdfReader

    return PdfReader(site / PDF_NAME)


@pytest.fixture(scope="session")
def pdf_pages_text(pdf):
    """The text of every page of the PDF handbook (extracted once: it takes a while)."""
    return [page.extract_text() or "" for page in pdf.pages]
