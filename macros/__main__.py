"""Check all content without building the site:

    .venv/bin/python -m macros            headers, references and the A2 language gate
    .venv/bin/python -m macros --print    also renders every print PDF (slower) to
                                          check that each sheet fits its pages

Prints every problem with file and field; exits with 1 when there is one.
The build runs the same checks.
"""

import argparse
import sys
import tempfile
from pathlib import Path

from mkdocs.config import load_config

from . import make_renderer, prints
from .readability import sheet_problems
from .validation import ContentError

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description="Controleer de inhoud van het handboek.")
    parser.add_argument("--print", action="store_true", help="maak ook alle print-PDF's")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml of een editie")
    args = parser.parse_args()
    config = load_config(args.config)
    try:
        renderer = make_renderer(config)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    handbook = renderer.handbook
    found = sheet_problems(handbook)
    if args.print:
        with tempfile.TemporaryDirectory() as out:
            site = Path(out)
            (site / "assets").symlink_to(Path(config["docs_dir"]) / "assets")
            try:
                prints.write_prints(renderer, site)
            except prints.PrintError as error:
                found.append(str(error))
    for line in found:
        print(line, file=sys.stderr)
    print(
        f"{'Fouten gevonden' if found else 'In orde'}: {len(handbook.sessions)} sessies, "
        f"{len(handbook.werkvormen)} werkvormen, {len(handbook.werkbladen)} werkbladen, "
        f"{len(handbook.formulieren)} formulieren."
    )
    return 1 if found else 0


sys.exit(main())
