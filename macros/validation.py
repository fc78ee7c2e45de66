"""Check content headers against the schemas in macros/schemas/.

Every problem becomes one Dutch sentence that names the file, the field and
what is expected, so that a contributor can fix it without reading code.
"""

import datetime
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, validators

from . import vocabulary

# YAML reads 2027-04-20 as a date; schemas call that type "datum".
Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "datum", lambda _, value: isinstance(value, datetime.date)
    ),
)

SCHEMA_DIR = Path(__file__).parent / "schemas"

TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "ja of nee (true/false)",
    "array": "een lijst",
    "object": "een groep velden",
    "datum": "een datum zoals 2027-04-20 (jaar-maand-dag, zonder aanhalingstekens)",
}


class ContentError(Exception):
    """One or more content files are wrong; the message lists every problem."""

    def __init__(self, problems):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"De inhoud bevat {len(self.problems)} fout(en); de build stopt.\n{lines}"
        )


@cache
def schema(name):
    """The schema called `name` (sessie, werkvorm, werkblad, editie, planning, methode),
    with the lists of vocabulary.yml filled in."""
    loaded = yaml.safe_load((SCHEMA_DIR / f"{name}.yml").read_text(encoding="utf-8"))
    return vocabulary.fill_in(name, loaded)


def field_path(prefix, path):
    """Render a jsonschema path as `sessie.blokken[2].minuten`."""
    text = prefix
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return text


def describe(value):
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (list, dict)):
        return TYPE_NAMES["array" if isinstance(value, list) else "object"]
    return str(value)


def is_clock_rule(rules):
    """A rule for a clock time such as "13:00" (a pattern with a colon)."""
    return ":" in rules.get("pattern", "")


def clock_of(minutes):
    """750 (what YAML 1.1 makes of an unquoted 12:30) back to '12:30'."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def expectation(error):
    """What the schema expected, in Dutch, for one jsonschema error."""
    kind, rule, found = error.validator, error.validator_value, error.instance
    description = error.schema.get("description")
    hint = f" ({description})" if description else ""
    if kind == "type" and rule == "string" and is_clock_rule(error.schema) and isinstance(found, int):
        return (
            f"verwacht een tijd tussen aanhalingstekens, zoals \"{clock_of(found)}\"; zonder "
            f"aanhalingstekens leest YAML {clock_of(found)} als {found} minuten"
        )
    if kind == "type":
        return f"verwacht {TYPE_NAMES.get(rule, rule)}{hint}, maar er staat {describe(found)}"
    if kind == "enum":
        options = ", ".join(str(o) for o in rule)
        return f"verwacht een van: {options}; maar er staat {describe(found)}"
    if kind == "minimum":
        return f"verwacht minstens {rule}{hint}, maar er staat {describe(found)}"
    if kind == "maximum":
        return f"verwacht hoogstens {rule}{hint}, maar er staat {describe(found)}"
    if kind == "minLength":
        return f"verwacht een tekst van minstens {rule} tekens{hint}, maar er staat {describe(found)}"
    if kind == "pattern":
        return f"verwacht {description or 'een andere schrijfwijze'}, maar er staat {describe(found)}"
    if kind == "maxLength":
        return f"verwacht een tekst van hoogstens {rule} tekens{hint}, maar deze is {len(found)} tekens lang"
    if kind == "minItems":
        return f"verwacht een lijst met minstens {rule} item(s){hint}"
    if kind == "maxItems":
        return f"verwacht een lijst met hoogstens {rule} items{hint}"
    if kind == "uniqueItems":
        return "verwacht een lijst zonder dubbele items"
    if kind == "const":
        return f"verwacht {describe(rule)}, maar er staat {describe(found)}"
    return error.message


def problems_in(data, schema_name, where, prefix=None):
    """All schema problems of `data`, as Dutch sentences starting with `where`."""
    return list(problems_against(data, schema(schema_name), where, prefix or schema_name))


def problems_in_worksheet_parts(parts, where, prefix="werkblad"):
    """Check each part of a worksheet against the kind named by its first key."""
    kinds = schema("werkblad")["$defs"]
    found = []
    for number, part in enumerate(parts if isinstance(parts, list) else [], start=1):
        field = f"{prefix}.onderdelen[{number}]"
        kind = next((key for key in part if key in kinds), None) if isinstance(part, dict) else None
        if kind is None:
            found.append(
                f"{where}: veld '{field}': verwacht een onderdeel dat begint met een van: "
                f"{', '.join(kinds)}"
            )
        else:
            found += problems_against(part, kinds[kind], where, field)
    return found


def problems_against(data, rules, where, prefix):
    """Yield one Dutch sentence per way in which `data` breaks `rules`."""
    validator = Validator(rules)
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.path)):
        path = list(error.path)
        known = error.schema.get("properties", {})
        if error.validator == "required":
            missing = error.message.split("'")[1]
            what = known.get(missing, {}).get("description")
            yield (
                f"{where}: het veld '{field_path(prefix, path + [missing])}' ontbreekt"
                + (f"; verwacht: {what}" if what else "")
            )
        elif error.validator == "additionalProperties":
            for extra in sorted(set(error.instance) - set(known)):
                yield (
                    f"{where}: onbekend veld '{field_path(prefix, path + [extra])}' "
                    f"(een tikfout?); toegestaan zijn: {', '.join(known)}"
                )
        else:
            yield f"{where}: veld '{field_path(prefix, path)}': {expectation(error)}"
