"""Lighter pages (an MkDocs hook, see `hooks:` in mkdocs.yml).

A page must load at most 400 KB before anyone uses the search, also from a plain
server or a USB stick, which send nothing compressed (tests/test_search.py). Two
things made the pages heavy, and this hook takes them out after they are made:

- Material's templates leave long runs of blank lines and indentation in every
  page, most of all in the navigation: a third of a session page's HTML. Each run
  of white space becomes one character, which a browser shows the same way,
  except inside elements that keep their white space (pre, textarea, code, kbd,
  script, style).
- Material's stylesheet (main.*.min.css, 137 KB) styles every feature Material
  has: blog, tags, annotations, tabs, versions, mermaid. A rule stays when each
  class it needs stands in a page of this site or in one of its scripts (which
  add classes of their own, such as the search results); a custom property
  stays when a stylesheet, script or page uses it. This runs after the PDF
  handbook is made; the book trims its own copy the same way, by the classes
  in the book (material_css_for_the_book in macros/pdf/pdf_event_hook.py).

It also checks that overrides/main.html still leaves out Material's palette.css
(our colours are in kix.css).
"""

import re
from pathlib import Path

import tinycss2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Elements whose white space is shown (pre, code, kbd) or is code (script, style).
KEEP = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>", re.S | re.I)
SPACE = re.compile(r"\s+")
PALETTE = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[^"]*\.css">')
MATERIAL_CSS = "assets/stylesheets/main.*.min.css"
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
NAME = re.compile(r"[A-Za-z_][\w-]*")
CUSTOM_PROPERTY = re.compile(r"--[\w-]+")
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
INSIDE_PARENTHESES = re.compile(r"\([^()]*\)")


# --- White space ---------------------------------------------------------------

def fold_space(text):
    """A run of white space becomes one line break (when it had one) or one space."""
    return SPACE.sub(lambda m: "\n" if "\n" in m.group(0) else " ", text)


def squeeze(html):
    parts, last = [], 0
    for match in KEEP.finditer(html):
        parts += [fold_space(html[last:match.start()]), match.group(0)]
        last = match.end()
    parts.append(fold_space(html[last:]))
    return "".join(parts)


def on_post_page(output, page, config):
    return squeeze(output)


# --- Material's stylesheet -------------------------------------------------------

def names_in_use(site):
    """The classes on the site's pages, every name in its scripts, and every custom
    property its pages, scripts and other stylesheets mention."""
    classes, properties = set(), set()
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in CLASS_ATTRIBUTE.finditer(text):
            classes.update(match.group(1).split())
        properties.update(CUSTOM_PROPERTY.findall(text))
    for path in site.rglob("*.js"):
        text = path.read_text(encoding="utf-8", errors="replace")
        classes.update(NAME.findall(text))
        properties.update(CUSTOM_PROPERTY.findall(text))
    return classes, properties


def selector_in_use(selector, classes):
    """A selector can match when every class it needs is in use. Classes inside
    :not(), :is() and the like do not count: :not(.unused) still matches."""
    while INSIDE_PARENTHESES.search(selector):
        selector = INSIDE_PARENTHESES.sub("", selector)
    return all(name in classes for name in SELECTOR_CLASS.findall(selector))


def split_selectors(prelude):
    """The selectors of a rule, split at the commas outside parentheses."""
    selectors, depth, current = [], 0, ""
    for char in prelude:
        depth += char in "([" and 1 or char in ")]" and -1 or 0
        if char == "," and depth == 0:
            selectors.append(current)
            current = ""
        else:
            current += char
    return selectors + [current]


def declarations(content, properties):
    """The rule's declarations, without custom properties nobody uses."""
    nodes = tinycss2.parse_declaration_list(content)
    kept = [node for node in nodes if node.type == "declaration"
            and (not node.name.startswith("--") or node.name in properties)]
    if len(kept) == len([node for node in nodes if node.type == "declaration"]):
        return tinycss2.serialize(content)
    return "".join(tinycss2.serialize([node]) for node in kept)


def purge_rules(rules, classes, properties):
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in split_selectors(tinycss2.serialize(rule.prelude))
                         if selector_in_use(s, classes)]
            body = declarations(rule.content, properties) if selectors else ""
            if body:
                kept.append(",".join(selectors) + "{" + body + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = purge_rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True,
                                                         skip_comments=True), classes, properties)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "comment" and "sourceMappingURL" in rule.value:
            continue  # the map describes the whole stylesheet, not this one
        elif rule.type in ("at-rule", "comment"):
            kept.append(tinycss2.serialize([rule]))
    return kept


def referenced_properties(css):
    return {match for match in re.findall(r"var\(\s*(--[\w-]+)", css)}


def purge_stylesheet(css, classes, properties):
    """Material's stylesheet with only the rules and custom properties in use.
    A custom property counts as used when the kept rules refer to it (twice over:
    one property may be made of another)."""
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True)
    everything = properties | referenced_properties(css)
    purged = "".join(purge_rules(rules, classes, everything))
    for _ in range(2):
        used = properties | referenced_properties(purged)
        purged = "".join(purge_rules(tinycss2.parse_stylesheet(purged, skip_whitespace=True),
                                     classes, used))
    return purged


# After every other plugin (priority 0): the site's pages and scripts are all written.
@event_priority(-50)
def on_post_build(config):
    site = Path(config.site_dir)
    check_palette(site / "index.html")
    classes, properties = names_in_use(site)
    for path in site.glob(MATERIAL_CSS):
        others = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css") if p != path)
        used = properties | referenced_properties(others)
        path.write_text(purge_stylesheet(path.read_text(encoding="utf-8"), classes, used),
                        encoding="utf-8")


def check_palette(page):
    if PALETTE.search(page.read_text(encoding="utf-8")):
        raise PluginError(
            f"{page.name} laadt Material's palette.css nog. Material heeft dat bestand "
            "waarschijnlijk een nieuwe naam gegeven: zet die naam in overrides/main.html "
            "(block styles)."
        )
