"""Dutch spelling of every page in docs/, with the texts in the YAML headers.

pyspelling runs hunspell with the Dutch dictionary (Debian: hunspell-nl); its
settings, two small filters and the project word list are in tests/spelling/.
Without hunspell or the dictionary these tests skip, except under CI (CI=true).
"""

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

SPELLING = "tests/spelling"
WORD_LIST = ROOT / SPELLING / "woordenlijst.txt"
HINT = (
    "Verbeter de spelling. Klopt het woord toch (een naam, een vakterm, een samenstelling)? "
    f"Zet het dan in {SPELLING}/woordenlijst.txt (zie de uitleg bovenin dat bestand)."
)


@pytest.fixture(scope="module")
def hunspell_nl():
    """hunspell with the Dutch dictionary, or a skip (a failure under CI) that says why."""
    reason = None
    if shutil.which("hunspell") is None:
        reason = "hunspell ontbreekt"
    else:
        check = subprocess.run(["hunspell", "-d", "nl_NL", "-l"], input="huis\n",
                               capture_output=True, text=True)
        if check.returncode != 0:
            reason = f"het Nederlandse woordenboek van hunspell ontbreekt ({check.stderr.strip()})"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; onder CI moet de spellingcontrole draaien")
        pytest.skip(f"{reason}; installeer de pakketten 'hunspell' en 'hunspell-nl'")


def spellcheck(root, *sources):
    """Run pyspelling in the project at `root` (optionally on some files only)."""
    command = [sys.executable, "-m", "pyspelling", "-c", f"{SPELLING}/pyspelling.yml",
               "--jobs", str(os.cpu_count() or 1)]
    if sources:  # pyspelling only takes sources together with the name of the task
        command += ["--name", "handboek"]
    for source in sources:
        command += ["--source", source]
    env = dict(os.environ, PYTHONPATH=str(root / SPELLING))
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)


def misspellings(result):
    """{file: [words]} from pyspelling's report."""
    found = {}
    for block in result.stdout.split("Misspelled words:")[1:]:
        where = re.search(r"^<[^>]*> (\S+?):", block, re.M)
        words = re.findall(r"^-{80}\n(.*?)\n-{80}$", block, re.M | re.S)
        if where and words:
            # hunspell keeps a full stop at the end of a word; the word list does not need it
            found.setdefault(where.group(1), []).extend(
                w.rstrip(".") or w for w in words[0].split("\n"))
    return found


def report(found):
    lines = [f"  {path}: {', '.join(sorted(set(words)))}" for path, words in sorted(found.items())]
    return "Spelfouten gevonden:\n" + "\n".join(lines) + "\n" + HINT


def changed_pages():
    """The pages in docs/ changed on this branch (against main) or not yet committed."""
    def git(*args):
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return result.stdout.split() if result.returncode == 0 else []

    base = next((b for b in ("origin/main", "main")
                 if git("rev-parse", "--verify", "--quiet", b)), None)
    names = set(git("diff", "--name-only", f"{base}...HEAD")) if base else set()
    names |= set(git("diff", "--name-only", "HEAD"))
    names |= set(git("ls-files", "--others", "--exclude-standard", "docs"))
    return sorted(n for n in names if n.startswith("docs/") and n.endswith(".md")
                  and (ROOT / n).is_file())


@pytest.mark.fast
def test_changed_pages_are_spelled_correctly(hunspell_nl):
    """The fast tier: only what changed (all pages: the test below, in the build tier)."""
    pages = changed_pages()
    if not pages:
        pytest.skip("geen pagina's veranderd ten opzichte van main")
    result = spellcheck(ROOT, *pages)
    found = misspellings(result)
    assert not found, report(found)


@pytest.mark.build  # a few minutes on a busy machine: not in the fast tier
def test_every_page_is_spelled_correctly(hunspell_nl):
    result = spellcheck(ROOT)
    found = misspellings(result)
    assert not found, report(found)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.mark.build
def test_a_misspelling_is_reported_with_file_and_word(hunspell_nl, tmp_path):
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / SPELLING, tmp_path / SPELLING,
                    ignore=shutil.ignore_patterns("__pycache__", ".*.dic"))
    page = tmp_path / "docs" / "werkvormen" / "energizers" / "iedereen-die.md"
    text = page.read_text(encoding="utf-8")
    # One mistake in a YAML value, one in the text; the rest must be left alone.
    text = text.replace("  titel: ", "  titel: Kringspell ", 1)
    text += (
        "\nDe groep vergaderrt in een kring.\n\n"
        "Geen fout in code: `nietgecontroleerdd`, in een adres: https://voorbeeld.nl/onzinadress, "
        "in een link: [de kick-off](../onzinpagina.md) of in een bestandsnaam: lijstt.pdf.\n\n"
        "```text\nookgeenfoutt\n```\n"
    )
    page.write_text(text, encoding="utf-8")

    result = spellcheck(tmp_path, "docs/werkvormen/energizers/*.md")
    found = misspellings(result)

    assert result.returncode != 0
    where = "docs/werkvormen/energizers/iedereen-die.md"
    assert set(found) == {where}, result.stdout
    assert sorted(found[where]) == ["Kringspell", "vergaderrt"]
    for shown in (where, "Kringspell", "vergaderrt"):
        assert shown in result.stdout  # pyspelling's own report names them
        assert shown in report(found)  # and so does the message of the test above


def test_word_list_is_sorted_and_has_no_duplicates():
    words = [line for line in WORD_LIST.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert all(w == w.strip() and " " not in w and "/" not in w for w in words), (
        "Eén woord per regel, zonder spaties of schuine strepen."
    )
    doubles = sorted({w for w in words if words.count(w) > 1})
    assert not doubles, f"Dubbel in de woordenlijst: {doubles}"
    expected = sorted(words, key=str.casefold)
    wrong = next((w for w, e in zip(words, expected) if w != e), None)
    assert words == expected, (
        f"De woordenlijst staat niet op alfabet (hoofdletters tellen niet mee); "
        f"kijk bij '{wrong}'. Op alfabet: {', '.join(expected)}"
    )
