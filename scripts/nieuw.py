"""Zet een nieuwe werkvorm, sessie of werkblad klaar, met alle verplichte velden.

    .venv/bin/python scripts/nieuw.py werkvorm <categorie> <naam>
    .venv/bin/python scripts/nieuw.py sessie <naam>
    .venv/bin/python scripts/nieuw.py werkblad <naam>

Voorbeelden:

    .venv/bin/python scripts/nieuw.py werkvorm kennismaken "Vier hoeken"
    .venv/bin/python scripts/nieuw.py sessie extra-oefendag
    .venv/bin/python scripts/nieuw.py werkblad "Mijn week"

De naam wordt de bestandsnaam (kleine letters, streepjes in plaats van spaties):
"Vier hoeken" wordt docs/werkvormen/kennismaken/vier-hoeken.md. Het bestand krijgt
voorbeeldtekst ("Schrijf hier ..."); de controles stoppen tot je die door je eigen tekst
vervangt. Een bestaand
bestand wordt nooit overschreven. Daarna zegt de opdracht wat je nog moet doen.
"""

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# The werkvorm categories (folder names), from the handbook's vocabulary.
CATEGORIES = list(yaml.safe_load(
    (ROOT / "macros" / "vocabulary.yml").read_text(encoding="utf-8"))["categorieen"])

# The section of the nav (mkdocs.yml) where a new page of each kind belongs.
NAV_SECTION = {
    "werkvorm": "Werkvormen, bij de categorie '{categorie}'",
    "sessie": "Het traject, op de plek in het traject waar de sessie hoort",
    "werkblad": "Werkbladen en formulieren, onder 'Werkbladen:'",
}

WERKVORM = """\
---
werkvorm:
  titel: {titel}
  doel: Schrijf hier in één zin wat de werkvorm mogelijk maakt.
  duur: 15                     # minuten
  groepsgrootte: {{min: 4, max: 15}}
  indeling: hele groep         # of: tweetallen, drietallen, viertallen
  ruimte: Stoelen in een kring. Schrijf hier hoe de ruimte is ingericht.
  materialen: [Flip-over en stiften]   # geen materialen: []
---
Schrijf hier een korte inleiding: wat is deze werkvorm, en waar komt hij vandaan? Noem een
bron met auteur en jaar, of schrijf dat het een werkwijze van dit handboek is.

## Wanneer gebruik je deze werkvorm?

Schrijf hier in welke sessie of bij welke vraag van de groep de werkvorm past.

## Stappen

1. Schrijf hier de eerste stap: wat zegt en doet de trainer?
2. Schrijf hier de volgende stap: wat doen de deelnemers?
3. Sluit af: hoe rond je de werkvorm af?

## Wie doet wat?

Schrijf hier wat de hoofdtrainer, de co-trainer en de deelnemers doen.

## Tips en valkuilen

- Schrijf hier een tip uit de praktijk.
- Schrijf hier een valkuil, en hoe je die voorkomt.

## Varianten

- Schrijf hier wat je anders doet in een groep met een lager taalniveau.
"""

SESSIE = """\
---
sessie:
  titel: {titel}
  soort: kerntraining          # intake, kick-off, kerntraining, activiteit,
                               # certificaatuitreiking of terugkomdag
  week: {week}                     # week in het traject; één sessie per week
  samenvatting: Schrijf hier in één of twee zinnen wat deelnemers in deze sessie doen.
  leerdoelen:
    - Schrijf hier wat deelnemers na afloop kunnen, met een werkwoord vooraan.
  kernpunten:
    - Schrijf hier de belangrijkste boodschap van de sessie.
  voorbereiding:
    - wat: Werkbladen printen
      wie: co-trainer          # coördinator, hoofdtrainer, co-trainer of samen
      dagen_vooraf: 2
  opstelling: Stoelen in een kring. Schrijf hier hoe de ruimte is ingericht.
  materialen:
    - wat: Flip-over met stiften
      per: groep               # deelnemer, tweetal, drietal, viertal, groep of trainer
      aantal: 1
  werkbladen: []               # namen van werkbladen, bijvoorbeeld [mijn-talenten]
  blokken:
    - titel: Welkom
      minuten: 15
{werkvorm_regel}      wie: co-trainer            # hoofdtrainer, co-trainer, samen of deelnemers
      wat: Schrijf hier kort wat de trainer zegt en doet.
      instructie: Kom in de kring. Zeg je naam.
    - titel: Oefenen
      minuten: 45
      wie: hoofdtrainer
      wat: Schrijf hier kort wat er in dit blok gebeurt.
      instructie: Werk met z'n tweeën. Stel elkaar een vraag.
    - titel: Pauze
      minuten: 15
      pauze: true
    - titel: Terugkijken
      minuten: 30
      wie: samen
      wat: Schrijf hier kort hoe de groep terugkijkt op de oefening.
      instructie: Wat ging goed? Vertel het aan de groep.
    - titel: Afsluiting
      minuten: 15
      wie: hoofdtrainer
      wat: Schrijf hier kort hoe je de sessie afsluit en wat de opdracht is.
      instructie: Wat neem je mee? Zeg het in één zin.
  trainersnotities: Schrijf hier de aandachtspunten voor de trainers.
  varianten:
    vrouwengroep: Schrijf hier wat je anders doet in een groep met alleen vrouwen.
    lager_taalniveau: Schrijf hier wat je anders doet bij een lager taalniveau.
---
## Achtergrond voor de trainer

Schrijf hier de uitleg die niet in de blokken past: waarom deze sessie, en hoe ze aansluit
op de vorige.

## Blok voor blok

Schrijf hier per blok wat de trainer moet weten.

## Na afloop

Schrijf hier wat de trainers na de sessie doen.
"""

WERKBLAD = """\
---
werkblad:
  titel: {titel}
  doel: Schrijf hier voor de trainer waarom je dit werkblad gebruikt.
  instructie: Lees de vragen. Schrijf je antwoord op de lijnen.
  portfolio: false             # true: het werkblad hoort in de portfoliomap
  onderdelen:
    - uitleg: Dit is een voorbeeld. Zet hier je eigen tekst.
    - vraag: Wat doe je graag?
      regels: 3
    - afvinklijst: Wat past bij jou? Zet een kruisje.
      punten: [Ik werk graag met mensen., Ik werk graag buiten.]
---
## Zo gebruik je dit werkblad

Schrijf hier voor de trainer in welke sessie het blad hoort en hoe je het gebruikt.
"""


class Fout(Exception):
    """A mistake in what the contributor asked for; the message says what to do."""


def slug(name):
    """'Vier hoeken' -> 'vier-hoeken' (the file name and the name other files use)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if not result:
        raise Fout(f"de naam '{name}' bevat geen letters of cijfers; kies een andere naam")
    return result


def title(name):
    """The title for the header: the name as typed, or 'vier-hoeken' -> 'Vier hoeken'."""
    text = name.strip() if re.search(r"[A-Z ]", name) else name.replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def yaml_text(text):
    """A title as a YAML value that stays text (quotes when needed)."""
    return text if yaml.safe_load(f"x: {text}") == {"x": text} else '"' + text.replace('"', "'") + '"'


def free_week():
    """The week after the last session: each week holds at most one session."""
    weeks = [int(w) for path in (DOCS / "traject").glob("*.md")
             for w in re.findall(r"^  week: *(\d+)", path.read_text(encoding="utf-8"), re.M)]
    return max(weeks, default=0) + 1


def new_file(kind, name, categorie=None):
    """Path and text of the new file."""
    ident = slug(name)
    titel = yaml_text(title(name))
    if kind == "werkvorm":
        if categorie not in CATEGORIES:
            raise Fout(f"onbekende categorie '{categorie}'; kies een van: {', '.join(CATEGORIES)}")
        twins = sorted((DOCS / "werkvormen").glob(f"*/{ident}.md"))
        if twins:
            raise Fout(f"er is al een werkvorm met de naam '{ident}': "
                       f"{twins[0].relative_to(ROOT).as_posix()}; kies een andere naam")
        return (DOCS / "werkvormen" / categorie / f"{ident}.md",
                WERKVORM.format(titel=titel, categorie=categorie))
    if kind == "sessie":
        example = "iedereen-die"
        line = (f"      werkvorm: {example}       # een bestand in docs/werkvormen/ (zonder .md)\n"
                if list((DOCS / "werkvormen").glob(f"*/{example}.md")) else "")
        return DOCS / "traject" / f"{ident}.md", SESSIE.format(titel=titel, werkvorm_regel=line,
                                                               week=free_week())
    return DOCS / "werkbladen" / f"{ident}.md", WERKBLAD.format(titel=titel)


def problems_with(path):
    """The problems of the build's content checks (macros/checks.py) that concern the new
    file, in the same words as `python -m macros`. The example text ('Schrijf hier ...')
    is reported apart: it is what the contributor writes next, not a mistake yet."""
    sys.path.insert(0, str(ROOT))
    from mkdocs.config import load_config

    from macros import checks

    where = path.relative_to(ROOT).as_posix()
    _, problems = checks.content_check(load_config(str(ROOT / "mkdocs.yml")))
    mine = [p for p in problems if p.startswith(where) and "staat niet in de inhoudsopgave" not in p]
    todo = [p for p in mine if "voorbeeldtekst" in p]
    return [p for p in mine if p not in todo], todo


def next_steps(kind, path, categorie):
    src = path.relative_to(DOCS).as_posix()
    steps = [
        f"Schrijf je tekst in {path.relative_to(ROOT).as_posix()}: vervang alles wat met "
        "'Schrijf hier' begint.",
        f"Zet de pagina in de inhoudsopgave: in mkdocs.yml onder nav:, bij "
        f"{NAV_SECTION[kind].format(categorie=categorie)}, de regel:  - {src}\n"
        "     Anders stopt de build met de melding dat de pagina niet in de navigatie staat.",
    ]
    if kind == "sessie":
        steps.append("Zet bij 'week' een week waarin nog geen sessie staat: de week bepaalt de "
                     "volgorde. Zet de werkbladen van de sessie bij 'werkbladen'. De duur van de "
                     "sessie rekent de build zelf uit: de minuten van de blokken samen.")
    if kind == "werkblad":
        steps.append(f"Zet '{path.stem}' bij 'werkbladen' van de sessie die het blad gebruikt.")
    steps += [
        "Controleer de inhoud:  .venv/bin/python -m macros",
        "Bekijk de pagina:  .venv/bin/mkdocs serve  (en open http://127.0.0.1:8000)",
        "Zet een regel op de pagina Wijzigingen (docs/over/wijzigingen.md), onder "
        "'Nog niet in een uitgave'.",
        "Snel alle controles zonder build:  .venv/bin/python -m pytest -m fast",
        "Draai alle tests voordat je je voorstel indient:  .venv/bin/python -m pytest",
    ]
    return steps


class Parser(argparse.ArgumentParser):
    """argparse in Dutch: help shows the explanation at the top of this file."""

    def print_help(self, file=None):
        print(__doc__.strip(), file=file)

    def error(self, message):
        missing = re.match(r"the following arguments are required: (.*)", message)
        wrong = re.match(r"argument \w+: invalid choice: '(.*?)'", message)
        if missing:
            message = f"dit ontbreekt: {missing.group(1).replace(', ', ' en ')}"
        elif wrong:
            message = f"'{wrong.group(1)}' kan niet; kies werkvorm, sessie of werkblad"
        print(f"Niet gelukt: {message}.\n", file=sys.stderr)
        self.print_help(sys.stderr)
        sys.exit(2)


def main(argv=None):
    parser = Parser(
        prog="scripts/nieuw.py",
        description="Zet een nieuwe werkvorm, sessie of werkblad klaar, met alle verplichte velden.",
        epilog="Voorbeeld: .venv/bin/python scripts/nieuw.py werkvorm kennismaken \"Vier hoeken\"",
    )
    kinds = parser.add_subparsers(dest="soort", required=True, metavar="soort",
                                  parser_class=Parser)
    werkvorm = kinds.add_parser("werkvorm", help="een werkvorm in docs/werkvormen/<categorie>/")
    werkvorm.add_argument("categorie", help=f"een van: {', '.join(CATEGORIES)}")
    werkvorm.add_argument("naam", help="de naam, bijvoorbeeld \"Vier hoeken\"")
    kinds.add_parser("sessie", help="een sessie in docs/traject/").add_argument(
        "naam", help="de naam, bijvoorbeeld extra-oefendag")
    kinds.add_parser("werkblad", help="een werkblad in docs/werkbladen/").add_argument(
        "naam", help="de naam, bijvoorbeeld \"Mijn week\"")
    args = parser.parse_args(argv)
    categorie = getattr(args, "categorie", None)

    try:
        path, text = new_file(args.soort, args.naam, categorie)
        if path.exists():
            raise Fout(f"{path.relative_to(ROOT).as_posix()} bestaat al; ik overschrijf het niet. "
                       "Kies een andere naam, of pas het bestaande bestand aan")
    except Fout as error:
        print(f"Niet gelukt: {error}.", file=sys.stderr)
        return 1

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as new:  # "x": never overwrite
        new.write(text)
    print(f"Gemaakt: {path.relative_to(ROOT).as_posix()}")

    problems, todo = problems_with(path)
    for problem in problems:
        print(f"  Let op: {problem}", file=sys.stderr)
    if todo:
        print(f"  Nog {len(todo)} keer voorbeeldtekst 'Schrijf hier …': de controles stoppen "
              "tot je die vervangt.")

    print("\nWat je nu doet:")
    for number, step in enumerate(next_steps(args.soort, path, categorie), start=1):
        print(f"  {number}. {step}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
