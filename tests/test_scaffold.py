"""scripts/nieuw.py: a new werkvorm, sessie or werkblad that passes every check at once."""

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, build
from macros.content import WERKVORM_PARTS, load
from macros.readability import problem, worksheet_text
from macros.validation import ContentError

NEW = {
    "werkvorm": (["werkvorm", "kennismaken", "Vier hoeken"], "werkvormen/kennismaken/vier-hoeken.md"),
    "sessie": (["sessie", "extra-oefendag"], "traject/extra-oefendag.md"),
    "werkblad": (["werkblad", "Mijn week"], "werkbladen/mijn-week.md"),
}


@pytest.fixture
def copy(tmp_path):
    """A copy of the handbook, so that the real one stays as it is."""
    root = tmp_path / "handboek"
    root.mkdir()
    for name in ("docs", "macros", "overrides", "scripts"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "methode.yml"):
        shutil.copy(ROOT / name, root / name)
    return root


def nieuw(root, *args):
    return subprocess.run([sys.executable, str(root / "scripts" / "nieuw.py"), *args],
                          cwd=root, capture_output=True, text=True)


def add_to_nav(root, pages):
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entries = "".join(f"      - {page}\n" for page in pages)
    assert "\nnav:\n" in text
    config.write_text(text.replace("\nnav:\n", f"\nnav:\n  - Nieuw:\n{entries}", 1), encoding="utf-8")


def write_own_text(path):
    """What a contributor does next: replace the example text 'Schrijf hier ...'."""
    text = path.read_text(encoding="utf-8").replace("Schrijf hier", "Hier staat")
    path.write_text(text, encoding="utf-8")


def test_new_files_pass_the_checks_once_the_example_text_is_replaced(copy, tmp_path):
    for kind, (args, src) in NEW.items():
        result = nieuw(copy, *args)
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"Gemaakt: docs/{src}" in result.stdout
        assert "nav:" in result.stdout and f"- {src}" in result.stdout  # what to do next
        assert (copy / "docs" / src).is_file()

    with pytest.raises(ContentError) as untouched:  # the example text does not pass
        load(copy / "docs")
    assert any(p.startswith("docs/traject/extra-oefendag.md, regel ") and "Schrijf hier" in p
               for p in untouched.value.problems)

    for _, src in NEW.values():
        write_own_text(copy / "docs" / src)
    handbook = load(copy / "docs")  # raises ContentError with every problem
    werkvorm = handbook.werkvormen["vier-hoeken"]
    assert werkvorm.title == "Vier hoeken" and werkvorm.data["categorie"] == "kennismaken"
    headings = [line[3:] for line in werkvorm.body.splitlines() if line.startswith("## ")]
    assert tuple(headings) == WERKVORM_PARTS
    session = next(s for s in handbook.sessions if s.id == "extra-oefendag")
    assert session.data["duur"] == sum(b["minuten"] for b in session.data["blokken"])
    werkblad = handbook.werkbladen["mijn-week"]
    assert problem("mijn-week", worksheet_text(werkblad.data)) is None  # A2

    add_to_nav(copy, [src for _, src in NEW.values()])
    result = build(config=copy / "mkdocs.yml", site_dir=tmp_path / "site", pdf=False, cwd=copy)
    assert result.returncode == 0, result.stderr[-5000:]
    for _, src in NEW.values():
        assert (tmp_path / "site" / src.replace(".md", ".html")).is_file()


def test_an_existing_file_is_never_overwritten(copy):
    page = copy / "docs" / "werkbladen" / "mijn-talenten.md"
    before = page.read_text(encoding="utf-8")
    result = nieuw(copy, "werkblad", "mijn-talenten")
    assert result.returncode == 1
    assert "docs/werkbladen/mijn-talenten.md bestaat al" in result.stderr
    assert "overschrijf" in result.stderr
    assert page.read_text(encoding="utf-8") == before


def test_a_werkvorm_name_is_unique_over_all_categories(copy):
    result = nieuw(copy, "werkvorm", "energizers", "doelenladder")
    assert result.returncode == 1
    assert "docs/werkvormen/coaching/doelenladder.md" in result.stderr
    assert not (copy / "docs" / "werkvormen" / "energizers" / "doelenladder.md").exists()


def test_mistakes_get_a_dutch_answer(copy):
    unknown = nieuw(copy, "werkvorm", "spelletjes", "Vier hoeken")
    assert unknown.returncode == 1
    assert "onbekende categorie 'spelletjes'" in unknown.stderr and "kennismaken" in unknown.stderr
    incomplete = nieuw(copy, "werkvorm", "kennismaken")
    assert incomplete.returncode == 2
    assert "Niet gelukt: dit ontbreekt: naam" in incomplete.stderr
    assert "scripts/nieuw.py werkvorm <categorie> <naam>" in incomplete.stderr
