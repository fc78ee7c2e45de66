"""The files in .github/: the checks on a pull request, publishing, and the templates."""

import re

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
ISSUE_FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.relative_to(ROOT)} is geen geldige YAML-groep"
    return data


def triggers(workflow):
    # YAML 1.1 (PyYAML) reads the key `on` as True.
    return workflow.get("on", workflow.get(True))


def steps(job):
    return job.get("steps", [])


def uses(job, action):
    return [s for s in steps(job) if s.get("uses", "").split("@")[0] == action]


def runs(job, command):
    return [s for s in steps(job) if command in s.get("run", "")]


def full_history(job):
    checkout = uses(job, "actions/checkout")
    return bool(checkout) and checkout[0].get("with", {}).get("fetch-depth") == 0


@pytest.fixture(scope="module")
def controle():
    return load(GITHUB / "workflows" / "controle.yml")


@pytest.fixture(scope="module")
def publiceer():
    return load(GITHUB / "workflows" / "publiceer.yml")


def test_pull_requests_run_the_tests_of_ci_and_keep_the_site(controle):
    assert "pull_request" in triggers(controle)
    (job,) = controle["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    assert str(job.get("env", {}).get("CI")).lower() == "true"
    assert full_history(job), "checkout met fetch-depth: 0 (de datum onder elke pagina komt uit git)"
    tests = runs(job, "bash .ci/run")
    build = runs(job, "bash scripts/installeer.sh")
    upload = uses(job, "actions/upload-artifact")
    assert tests and build and upload
    order = steps(job)
    # one build: the tests reuse it (KIX_SITE) and it is the artifact
    assert order.index(build[0]) < order.index(tests[0]) < order.index(upload[0])
    assert "KIX_SITE=" in tests[0]["run"]
    assert upload[0]["with"]["path"].rstrip("/") == "site"
    assert len(runs(job, "bash scripts/installeer.sh")) == 1


@pytest.mark.parametrize("workflow", ["controle.yml", "publiceer.yml"])
def test_git_may_read_the_workspace_in_the_container(workflow):
    """Without safe.directory git refuses the checkout ("dubious ownership") and every
    page would show the build date; under CI=true the build stops instead."""
    job = next(iter(load(GITHUB / "workflows" / workflow)["jobs"].values()))
    safe = runs(job, "git config --global --add safe.directory")
    build = runs(job, "bash scripts/installeer.sh")
    assert safe and steps(job).index(safe[0]) < steps(job).index(build[0])
    assert str(job.get("env", {}).get("CI")).lower() == "true"


def test_ci_script_is_the_test_command_of_the_readme():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/installeer.sh --geen-build" in script
    assert ".venv/bin/python -m pytest" in script
    assert script.index("run_tier fast") < script.index('run_tier "not fast"')
    assert ".venv/bin/python -m pytest" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_pages_are_published_from_main_with_the_pdf(publiceer):
    on = triggers(publiceer)
    assert on["push"]["branches"] == ["main"]
    assert publiceer["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    jobs = publiceer["jobs"]
    build = next(j for j in jobs.values() if uses(j, "actions/upload-pages-artifact"))
    deploy = next(j for j in jobs.values() if uses(j, "actions/deploy-pages"))
    assert full_history(build)
    assert runs(build, "bash scripts/installeer.sh"), "de build maakt de site én de PDF"
    assert uses(build, "actions/upload-pages-artifact")[0]["with"]["path"].rstrip("/") == "site"
    build_name = next(name for name, j in jobs.items() if j is build)
    assert deploy["needs"] == build_name
    assert deploy["if"] == "github.ref == 'refs/heads/main'"
    assert deploy["environment"]["name"] == "github-pages"


def test_pull_request_template_has_the_dutch_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(items) >= 6
    checklist = " ".join(items)
    for needed in ("één onderwerp", "één bestand", "python -m macros", "A2",
                   "persoonsgegevens", "overgenomen tekst", "tests slagen"):
        assert needed in checklist, needed


@pytest.mark.parametrize("file, name", [
    ("fout-in-de-inhoud.yml", "Fout in de inhoud"),
    ("voorstel-nieuwe-werkvorm.yml", "Voorstel voor een nieuwe werkvorm"),
])
def test_issue_forms_are_valid(file, name):
    form = load(GITHUB / "ISSUE_TEMPLATE" / file)
    assert form["name"] == name
    assert form["description"]
    body = form["body"]
    assert any(field["type"] != "markdown" and field.get("validations", {}).get("required")
               for field in body)
    ids = [field["id"] for field in body if "id" in field]
    assert len(ids) == len(set(ids))
    for field in body:
        assert field["type"] in ISSUE_FORM_TYPES, field
        attributes = field["attributes"]
        if field["type"] == "markdown":
            assert attributes["value"].strip()
        else:
            assert field.get("id") and attributes["label"].strip()
        if field["type"] in ("dropdown", "checkboxes"):
            assert attributes["options"]
