"""The field reference of the contributor guide (docs/bijdragen/index.md), made
from the schemas in macros/schemas/: each field with its Dutch description,
whether it is required and what it may hold. A new field in a schema shows up
there by itself; a field without a description is a mistake (see the tests).
"""

from .validation import TYPE_NAMES, schema

# The kinds of file a contributor writes, with where they live and the schema.
KINDS = [
    ("sessie", "Sessie", "docs/traject/<naam>.md, kop `sessie:`", "sessie"),
    ("werkvorm", "Werkvorm", "docs/werkvormen/<categorie>/<naam>.md, kop `werkvorm:`", "werkvorm"),
    ("werkblad", "Werkblad of formulier",
     "docs/werkbladen/<naam>.md (kop `werkblad:`) of docs/formulieren/<naam>.md (kop `formulier:`)",
     "werkblad"),
    ("editie", "Uitgave van een gemeente", "een bestand naast mkdocs.yml, onder `extra:` `editie:`",
     "editie"),
    ("planning", "Startplanning", "docs/invoeren/stappenplan.md, kop `planning:`", "planning"),
]


def what_it_holds(rules):
    """'een geheel getal (2 tot en met 180)', 'een van: a, b', ... for one field."""
    if "enum" in rules:
        return "een van: " + ", ".join(str(v) for v in rules["enum"])
    kind = rules.get("type", "object" if "properties" in rules else None)
    text = TYPE_NAMES.get(kind, kind or "")
    if kind == "array" and isinstance(rules.get("items"), dict):
        inner = rules["items"]
        if inner.get("type") == "string":
            text = "een lijst van teksten"
        elif "properties" in inner:
            text = "een lijst van groepen velden"
    if "minimum" in rules and "maximum" in rules:
        text += f" ({rules['minimum']} tot en met {rules['maximum']})"
    elif "minimum" in rules:
        text += f" (minstens {rules['minimum']})"
    if "maxLength" in rules:
        text += f", hoogstens {rules['maxLength']} tekens"
    return text


def fields(rules, prefix=""):
    """Rows (field, required, description, what it holds) of an object schema, nested."""
    required = set(rules.get("required", [])) | set(rules.get("else", {}).get("required", []))
    rows = []
    for name, field in rules.get("properties", {}).items():
        path = f"{prefix}{name}"
        always = name in rules.get("required", [])
        need = "ja" if always else ("ja, behalve bij een pauze" if name in required else "nee")
        rows.append(dict(veld=path, verplicht=need, uitleg=field.get("description", ""),
                         waarde=what_it_holds(field)))
        if "properties" in field:
            rows += fields(field, f"{path}.")
        elif isinstance(field.get("items"), dict) and "properties" in field["items"]:
            rows += fields(field["items"], f"{path}[].")
    return rows


def reference():
    """[(title, where, rows, parts)] for every kind; parts are the worksheet parts."""
    groups = []
    for _, title, where, name in KINDS:
        rules = schema(name)
        rows = fields(rules["items"] if rules.get("type") == "array" else rules,
                      "[]." if rules.get("type") == "array" else "")
        parts = [(kind, fields(part)) for kind, part in rules.get("$defs", {}).items()]
        groups.append((title, where, rows, parts))
    return groups
