"""pyspelling filter for the handbook's Markdown pages (first step of the pipeline).

A page starts with a YAML header between two `---` lines. This filter keeps the
Dutch texts in that header (the values) and drops what is not Dutch prose:

* the field names (`titel:`, `dagen_vooraf:`, ...);
* numbers and yes/no values;
* names of files that a header refers to (`werkvorm: iedereen-die`,
  `werkbladen: [mijn-talenten]`, `categorie: intervisie`) and MkDocs' `hide:`.

Each text becomes its own Markdown paragraph, followed by the page itself. The
page's macros (`{{ tijdlijn() }}`, `{% if ... %}`) are dropped too: what they
show comes from the headers, which are checked here. The next steps of the
pipeline (markdown, html, url) handle code, links and addresses.
"""

import re

import yaml
from pyspelling import filters

# Keys whose values are names of files or settings, not Dutch text.
SKIP_KEYS = {"hide", "werkvorm", "werkbladen", "categorie"}
HEADER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def texts(value, key=None):
    """Every text in a YAML value, except those under SKIP_KEYS."""
    if key in SKIP_KEYS and not isinstance(value, dict):
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from texts(v, key)


def split(text):
    """The header's texts as Markdown paragraphs, and the page without its header."""
    match = HEADER.match(text)
    if not match:
        return "", text
    try:  # the loader MkDocs and macros/content.py use (libyaml when installed)
        data = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        data = None  # python -m macros and the build stop on it, with line and column
    header = "\n\n".join(t.strip() for t in texts(data) if t.strip())
    return header, text[match.end():]


class KopFilter(filters.Filter):
    """Header values and page text, without field names, file names or macros."""

    def get_default_config(self):
        return {}

    def _filter(self, text):
        header, body = split(text)
        return MACRO.sub(" ", header + "\n\n" + body)

    def filter(self, source_file, encoding):  # noqa: A003 (pyspelling's name)
        with open(source_file, encoding=encoding, errors="strict") as f:
            text = f.read()
        return [filters.SourceText(self._filter(text), source_file, encoding, "markdown")]

    def sfilter(self, source):
        return [filters.SourceText(self._filter(source.text), source.context, source.encoding, "markdown")]


def get_plugin():
    return KopFilter
