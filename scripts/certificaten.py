"""Make one certificate PDF per participant from a CSV file of names.

    .venv/bin/python scripts/certificaten.py namen.csv --periode "april tot juli 2027"

The CSV has a header `naam` and one name per line; empty lines are skipped.
The certificate is the one on the site (formulieren/certificaat), filled in.
Everything happens on this computer: names are never sent anywhere.
"""

import argparse
import csv
import sys
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import cohort, make_renderer, prints  # noqa: E402


def read_names(csv_path):
    """The names in the CSV file, in order, without empty lines."""
    with open(csv_path, newline="", encoding="utf-8-sig") as handle:
        rows = csv.DictReader(handle)
        if not rows.fieldnames or "naam" not in rows.fieldnames:
            raise SystemExit(f"{csv_path}: de eerste regel moet de kop 'naam' zijn")
        return [row["naam"].strip() for row in rows if (row.get("naam") or "").strip()]



def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", help="CSV-bestand met de kop 'naam'")
    parser.add_argument("--periode", default="",
                        help="bijvoorbeeld 'april tot juli 2027'; standaard de data van de editie")
    parser.add_argument("--uit", default="certificaten", help="map voor de PDF's")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml of een editie")
    args = parser.parse_args(argv)

    config = load_config(args.config)
    renderer = make_renderer(config)
    out = Path(args.uit)
    out.mkdir(parents=True, exist_ok=True)

    names = read_names(args.csv)
    for name in names:
        body = renderer.certificate(naam=name, periode=args.periode or None)
        html = prints.document(renderer, "Certificaat", body, landscape=True, footer=False)
        pdf, _ = prints.render_pdf(html, config["docs_dir"])
        (out / f"{cohort.slug(name)}.pdf").write_bytes(pdf)
    print(f"{len(names)} certificaten gemaakt in {out}/")


if __name__ == "__main__":
    main()
