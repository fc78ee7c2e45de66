"""Check all content without building the site:

    .venv/bin/python -m macros            the content checks of the build: headers,
                                          references, weeks, the A2 gate of worksheets,
                                          forms and slides, the nav and links between pages
    .venv/bin/python -m macros --print    also renders every print PDF (slower) to
                                          check that each sheet fits its pages

Prints every problem with file and field; exits with 1 when there is one.
The build runs the same checks (checks.py), with the same messages.
"""

import argparse
import sys
import tempfile
from pathlib import Path

from mkdocs.config import load_config

from . import checks
from .validation import ContentError

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description="Controleer de inhoud van het handboek.")
    parser.add_argument("--print", action="store_true", help="maak ook alle print-PDF's")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml of een editie")
    args = parser.parse_args()
    config = load_config(args.config)
    try:
        renderer = checks.checked_renderer(config)
        if args.print:
            with tempfile.TemporaryDirectory() as out:
                site = Path(out)
                (site / "assets").symlink_to(Path(config["docs_dir"]) / "assets")
                checks.check_prints(renderer, site, config)
    except ContentError as error:
        print(error, file=sys.stderr)
        print("Fouten gevonden: verbeter de punten hierboven.")
        return 1
    handbook = renderer.handbook
    print(
        f"In orde: {len(handbook.sessions)} sessies, {len(handbook.werkvormen)} werkvormen, "
        f"{len(handbook.werkbladen)} werkbladen, {len(handbook.formulieren)} formulieren."
    )
    return 0


sys.exit(main())
