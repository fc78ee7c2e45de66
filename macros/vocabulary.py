"""The handbook's vocabulary (vocabulary.yml): werkvorm categories and session kinds.

One file holds their Dutch names, colours and shapes; the schemas, the
overview tables, the timeline and the category folders all take them from here.
"""

from functools import cache
from pathlib import Path

import yaml

from .pictograms import PICTOGRAMS

VOCABULARY = Path(__file__).parent / "vocabulary.yml"


@cache
def load():
    return yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))


def categories():
    """{folder: {naam}} of every werkvorm category, in the handbook's order."""
    return load()["categorieen"]


def kinds():
    """{soort: {naam, kleur, vorm}} of every kind of session, in the trajectory's order."""
    return load()["soorten"]


def category_names():
    return {key: value["naam"] for key, value in categories().items()}


def kind_names():
    return {key: value["naam"] for key, value in kinds().items()}


def kind_marks():
    """{soort: {kleur, vorm}}: how each kind of session is drawn on the timeline."""
    return {key: {"kleur": value["kleur"], "vorm": value["vorm"]} for key, value in kinds().items()}


def fill_in(schema_name, schema):
    """Put the vocabulary's lists into a schema as it is loaded (see validation.schema)."""
    if schema_name == "sessie":
        soort = schema["properties"]["soort"]
        soort["enum"] = list(kinds())
        soort["description"] = "de soort bijeenkomst: " + _or_list(list(kinds()))
        block = schema["properties"]["blokken"]["items"]["properties"]["pictogram"]
        block["description"] = (
            "het pictogram op de dia's van het blok: " + _or_list(list(PICTOGRAMS))
            + "; zonder dit veld kiest het eerste werkwoord van de instructie er een "
            "(bijvoorbeeld: 'Kijk' geeft kijk, 'Vertel' geeft praat)"
        )
    if schema_name == "werkblad":
        for part in schema["$defs"].values():
            if "pictogram" in part.get("properties", {}):
                part["properties"]["pictogram"].update(
                    enum=list(PICTOGRAMS),
                    description="het pictogram bij de opdracht: " + _or_list(list(PICTOGRAMS)))
    return schema


def _or_list(words):
    return ", ".join(words[:-1]) + " of " + words[-1] if len(words) > 1 else "".join(words)
