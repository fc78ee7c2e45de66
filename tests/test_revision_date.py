"""Every page says when it was last changed, with the date of its last commit in git."""

import re
import subprocess

from conftest import ROOT
from macros.cohort import date_text
from macros.hooks import last_changed

LAST_CHANGED = re.compile(r'Laatst gewijzigd op\s*<span class="kix-datum-gewijzigd">([^<]+)</span>')


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


def test_the_date_is_the_last_commit_of_the_file():
    page = ROOT / "docs" / "index.md"
    committed = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs/index.md"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
    if committed:  # in a git checkout
        assert last_changed(page).isoformat() == committed


def test_a_file_unknown_to_git_gets_today(tmp_path):
    import datetime

    new = tmp_path / "nieuw.md"
    new.write_text("# Nieuw\n")
    assert last_changed(new) == datetime.date.today()
