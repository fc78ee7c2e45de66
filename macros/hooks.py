"""Small fixes to the HTML of every page (an MkDocs hook, see `hooks:` in mkdocs.yml)."""

import html
import re

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
