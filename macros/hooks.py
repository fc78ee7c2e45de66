"""Small additions to every page (an MkDocs hook, see `hooks:` in mkdocs.yml)."""

import datetime
import html
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


def last_changed(path):
    """The date of the last commit that changed `path`; today for a file git does not
    know yet (new, or a copy without .git). Works in a shallow clone too: there the
    oldest visible commit stands in for older history."""
    result = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", Path(path).name],
        cwd=Path(path).parent, capture_output=True, text=True, check=False,
    )
    found = result.stdout.strip()
    return datetime.date.fromisoformat(found) if found else datetime.date.today()


def on_page_markdown(markdown, page, config, files):
    """Remember when the page was last changed ("Laatst gewijzigd op", see
    overrides/partials/source-file.html)."""
    from macros.cohort import date_text  # the macros package is loaded by then

    page.meta["laatst_gewijzigd"] = date_text(last_changed(page.file.abs_src_path), weekday=False)
    return markdown
