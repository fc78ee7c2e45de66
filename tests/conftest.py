"""Shared test set-up: the project root on sys.path, and one real build per run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PDF_NAME = "pdf/kix-works-handboek.pdf"


def build(config="mkdocs.yml", site_dir=None, pdf=True, cwd=ROOT):
    """Run `mkdocs build --strict`; return the finished process (never raises)."""
    env = dict(os.environ, KIX_PDF="1" if pdf else "0", NO_MKDOCS_2_WARNING="1")
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
