"""Every page says when it was last changed, with the date of its last commit in git."""

import datetime
import re
import shutil

import pytest

from conftest import ROOT
from macros.cohort import date_text
from macros.hooks import GitError, last_changed

LAST_CHANGED = re.compile(r'Laatst gewijzigd op\s*<span class="kix-datum-gewijzigd">([^<]+)</span>')

# Fixed points in this repository's history: (file, commit, date of the last change
# of that file up to that commit). They never change, whatever is committed later.
KNOWN = [
    ("docs/index.md", "9765ce7", datetime.date(2026, 11, 23)),
    ("methode.yml", "5c44164", datetime.date(2026, 12, 1)),
]


def test_every_page_shows_the_date_it_was_last_changed_from_git(site):
    wrong = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        match = LAST_CHANGED.search(path.read_text(encoding="utf-8"))
        source = ROOT / "docs" / path.relative_to(site).with_suffix(".md")
        if not match or match.group(1) != date_text(last_changed(source), weekday=False):
            wrong.append(path.relative_to(site).as_posix())
    assert not wrong, f"geen of een verkeerde datum 'Laatst gewijzigd op' op: {wrong[:10]}"


@pytest.mark.parametrize("name, commit, date", KNOWN)
def test_the_date_is_the_last_commit_of_the_file_at_a_known_commit(name, commit, date):
    assert (ROOT / ".git").exists(), "de tests draaien in een git-kopie (git clone)"
    assert last_changed(ROOT / name, commit) == date


def test_a_file_unknown_to_git_gets_today(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    new = tmp_path / "nieuw.md"
    new.write_text("# Nieuw\n")
    assert last_changed(new) == datetime.date.today()


def test_under_ci_a_failing_git_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "geen-repository"))  # git cannot be asked
    page = tmp_path / "pagina.md"
    page.write_text("# Pagina\n")
    with pytest.raises(GitError, match="safe.directory"):
        last_changed(page)
    assert shutil.which("git")
