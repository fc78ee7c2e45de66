"""Make a certificate PDF for every participant from a CSV file of names.

    .venv/bin/python scripts/certificaten.py namen.csv
    .venv/bin/python scripts/certificaten.py namen.csv --periode "april tot juli 2027"
    .venv/bin/python scripts/certificaten.py namen.csv --config editie-voorbeeldstad.yml
    .venv/bin/python scripts/certificaten.py namen.csv --een-bestand

The CSV has a column `naam` (the first line is the header) and one name per
line; empty lines are skipped. A spreadsheet program may save it as UTF-8 (with
or without BOM) or Windows-1252, with `,` or `;` between the columns. Every
name gets its own PDF; names that give the same file name get a number, and a
name without Latin letters (such as an Arabic name) is named after its line.
With --een-bestand all certificates go into one PDF. The certificate is the one
on the site (formulieren/certificaat), filled in. Everything happens on this
computer: names are never sent anywhere. namen.csv and certificaten/ are in
.gitignore, so names do not end up in the repository.
"""

import argparse
import csv
import sys
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import cohort, make_renderer, prints  # noqa: E402

ENCODINGS = ("utf-8-sig", "cp1252")  # what spreadsheet programs write
# Letters that Unicode does not split into a base letter and an accent.
PLAIN_LETTERS = str.maketrans({"ı": "i", "İ": "I", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d",
                               "Đ": "D", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE"})


class NamesError(Exception):
    """The CSV file cannot be read as a list of names; the message says why, in Dutch."""


def decode(raw, where):
    """The text of the file: UTF-8 (with or without BOM), else Windows-1252."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NamesError(f"{where}: de tekens in dit bestand zijn niet te lezen; sla het op als "
                     "CSV UTF-8 (in Excel: Opslaan als > CSV UTF-8)")


def read_names(csv_path):
    """The names in the CSV file, in order, without empty lines."""
    path = Path(csv_path)
    if not path.is_file():
        raise NamesError(f"{csv_path}: dit bestand bestaat niet; geef het pad naar je CSV-bestand")
    text = decode(path.read_bytes(), csv_path)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise NamesError(f"{csv_path}: het bestand is leeg; de eerste regel moet de kop 'naam' zijn")
    separator = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = csv.reader(lines, delimiter=separator)
    header = [cell.strip().lower() for cell in next(rows)]
    if "naam" not in header:
        raise NamesError(
            f"{csv_path}: de eerste regel moet de kop 'naam' zijn, maar er staat "
            f"'{lines[0].strip()}'; zet 'naam' boven de kolom met de namen"
        )
    column = header.index("naam")
    names = [row[column].strip() for row in rows if len(row) > column and row[column].strip()]
    if not names:
        raise NamesError(f"{csv_path}: er staan geen namen onder de kop 'naam'")
    return names


def file_names(names):
    """One distinct file name per name: the name in plain letters; the line number
    when the name has no Latin letters; a number added when two names collide."""
    taken, result = set(), []
    for number, name in enumerate(names, start=1):
        base = cohort.slug(name.translate(PLAIN_LETTERS)) or f"certificaat-{number:02d}"
        candidate, extra = base, 2
        while candidate in taken:
            candidate, extra = f"{base}-{extra}", extra + 1
        taken.add(candidate)
        result.append(f"{candidate}.pdf")
    return result


def render(renderer, names, periode, docs_dir):
    """All certificates in one laid-out document, one page each."""
    body = "\n".join(renderer.certificate(naam=name, periode=periode or None, in_print=True)
                     for name in names)
    html = prints.document(renderer, "Certificaat", body, landscape=True, footer=False)
    document = prints.render_document(html, docs_dir)
    if len(document.pages) != len(names):
        raise NamesError(
            f"de {len(names)} certificaten beslaan {len(document.pages)} pagina's; een naam is "
            "te lang voor één regel. Kort die naam in of zet hem op twee regels in de CSV"
        )
    return document


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", help="CSV-bestand met de kop 'naam'")
    parser.add_argument("--periode", default="",
                        help="bijvoorbeeld 'van april tot juli 2027'; standaard de data van de editie")
    parser.add_argument("--uit", default="certificaten", help="map voor de PDF's")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml of een editie")
    parser.add_argument("--een-bestand", action="store_true",
                        help="alle certificaten in één PDF (certificaten.pdf)")
    args = parser.parse_args(argv)

    try:
        names = read_names(args.csv)
    except NamesError as error:
        raise SystemExit(f"Fout: {error}") from None
    config = load_config(args.config)
    renderer = make_renderer(config)
    renderer.set_page("index.md")
    try:
        document = render(renderer, names, args.periode, config["docs_dir"])
    except NamesError as error:
        raise SystemExit(f"Fout: {error}") from None

    out = Path(args.uit)
    out.mkdir(parents=True, exist_ok=True)
    if args.een_bestand:
        (out / "certificaten.pdf").write_bytes(document.write_pdf(pdf_variant=prints.PDF_VARIANT))
        print(f"{len(names)} certificaten gemaakt in {out / 'certificaten.pdf'}")
        return
    for number, (name, file_name) in enumerate(zip(names, file_names(names))):
        pdf = document.copy([document.pages[number]]).write_pdf(pdf_variant=prints.PDF_VARIANT)
        (out / file_name).write_bytes(pdf)
        print(f"  {file_name}: {name}")
    print(f"{len(names)} certificaten gemaakt in {out}/")


if __name__ == "__main__":
    main()
