"""Check all content without building the site: `python -m macros`.

Prints every problem with file and field, or a one-line summary when all is
well. The build runs the same checks; this is just faster.
"""

import sys
from pathlib import Path

from .content import load
from .validation import ContentError

DOCS = Path(__file__).resolve().parent.parent / "docs"

try:
    handbook = load(DOCS)
except ContentError as error:
    print(error, file=sys.stderr)
    sys.exit(1)
print(
    f"In orde: {len(handbook.sessions)} sessies, {len(handbook.werkvormen)} werkvormen, "
    f"{len(handbook.werkbladen)} werkbladen."
)

from .readability import problem, worksheet_text  # noqa: E402

too_hard = [
    p for w in handbook.werkbladen.values()
    if (p := problem(f"docs/{w.src}", worksheet_text(w.data)))
]
for line in too_hard:
    print(line, file=sys.stderr)
sys.exit(1 if too_hard else 0)
