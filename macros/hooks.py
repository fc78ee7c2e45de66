"""Small additions to every page (an MkDocs hook, see `hooks:` in mkdocs.yml)."""

import datetime
import html
import os
import re
import subprocess
from pathlib import Path

TASK = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled)'
    r'(/?>.*?</label>)(.*?)</li>',
    re.S,
)


def on_page_content(content, page, config, files):
    """Give each checklist box the text of its item as its name, for screen readers."""

    def label(match):
        text = html.unescape(re.sub(r"<[^>]+>", "", match.group(3))).strip()
        return f'{match.group(1)} aria-label="{html.escape(text)}"{match.group(2)}{match.group(3)}</li>'

    return TASK.sub(label, content)


class GitError(Exception):
    """git could not be asked for a page's date (only an error under CI=true)."""


def last_changed(path, commit="HEAD"):
    """The date of the last commit (up to `commit`) that changed `path`.

    A file git does not know yet (new) gets today. When git itself fails (not
    installed, no repository, or the "dubious ownership" refusal in a container)
    the date would silently be wrong: under CI=true that stops the build, elsewhere
    (a copy without .git) the page gets today. Works in a shallow clone too: there
    the oldest visible commit stands in for older history."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", commit, "--", Path(path).name],
            cwd=Path(path).parent, capture_output=True, text=True, check=False,
        )
    except FileNotFoundError:
        result = None
    if result is None or result.returncode != 0:
        if os.environ.get("CI") == "true":
            why = result.stderr.strip() if result else "git is niet geïnstalleerd"
            raise GitError(
                f"{path}: de datum 'Laatst gewijzigd' kan niet uit git komen ({why}); "
                "in een container: git config --global --add safe.directory <map>"
            )
        return datetime.date.today()
    found = result.stdout.strip()
    return datetime.date.fromisoformat(found) if found else datetime.date.today()


def on_page_markdown(markdown, page, config, files):
    """Remember when the page was last changed ("Laatst gewijzigd op", see
    overrides/partials/source-file.html)."""
    from macros.cohort import date_text  # the macros package is loaded by then

    page.meta["laatst_gewijzigd"] = date_text(last_changed(page.file.abs_src_path), weekday=False)
    return markdown
