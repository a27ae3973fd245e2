"""What a contributor relies on: editor schemas that match the check, the modeline in every data file, the
pre-commit hook, and a data reference generated from the schema, with examples that pass it."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from macros.load.schema import FILES, schema_json
from macros.site import reference
from tests.conftest import ROOT, copy_project, run
from tests.htmlcheck import page_text

SCHEMAS = ROOT / "schema"
GUIDE = ROOT / "docs" / "contributing.md"


def test_committed_schemas_are_generated_from_macros_schema() -> None:
    assert sorted(path.name for path in SCHEMAS.glob("*.json")) == sorted(f"{stem}.schema.json" for stem in FILES)
    for stem in FILES:
        committed = (SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_json(stem), f"schema/{stem}.schema.json is stale: run `make schema`"
        Draft202012Validator.check_schema(json.loads(committed))


@pytest.mark.parametrize("stem", list(FILES))
def test_data_file_names_its_schema_for_editors(stem: str) -> None:
    text = (ROOT / "data" / f"{stem}.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schema/{stem}.schema.json"
    # An editor reads the file with a plain YAML parser and the committed schema: it must agree with the check.
    schema = json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8"))
    errors = [error.message for error in Draft202012Validator(schema).iter_errors(yaml.safe_load(text))]
    assert errors == []


def test_every_data_file_is_covered_by_a_schema() -> None:
    assert sorted(path.stem for path in (ROOT / "data").glob("*.yml")) == sorted(FILES)


def test_pre_commit_runs_the_check_from_the_site_lock() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    check = next(hook for hook in hooks if hook["id"] == "check-data")
    # `make check`: the project's .venv, from requirements.lock, the same lock as every build (no second list).
    assert (check["entry"], check["language"], check["pass_filenames"]) == ("make check", "system", False)
    assert "additional_dependencies" not in check
    assert re.search(check["files"], "data/events.yml") and re.search(check["files"], "seeds/article.txt")


def test_the_pre_commit_hook_passes_valid_data_and_stops_a_broken_commit(tmp_path: Path) -> None:
    """pre-commit itself (from PyPI, in requirements-dev.lock), installed in a new git repository."""
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.lock", ".pre-commit-config.yaml"):
        shutil.copy2(ROOT / name, project / name)
    os.utime(project / "requirements.lock", (0, 0))  # older than the running venv's sentinel: make installs nothing
    env = {"VENV": str(Path(sys.executable).parent.parent), "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    assert run("git", "init", "-q", cwd=project, env=env).returncode == 0
    installed = run(Path(sys.executable).parent / "pre-commit", "install", cwd=project, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    run("git", "add", "-A", cwd=project, env=env)
    good = run("git", "commit", "-q", "-m", "data", cwd=project, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "check data/ (make check)" in good.stdout + good.stderr and "Passed" in good.stdout + good.stderr
    events = project / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("- id: 1991-09-02-nkr-proclaimed",
                                                                 "  id: 1991-09-02-nkr-proclaimed"), encoding="utf-8")
    run("git", "add", "-A", cwd=project, env=env)
    broken = run("git", "commit", "-q", "-m", "broken", cwd=project, env=env)
    output = broken.stdout + broken.stderr
    assert broken.returncode != 0 and "Failed" in output
    assert "data/events.yml:" in output and "a new entry starts here without its `- `" in output


def examples() -> list[tuple[str, Any]]:
    blocks = re.findall(r"```yaml\n# data/(\w+)\.yml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    return [(stem, yaml.safe_load(body)) for stem, body in blocks]


def test_every_data_file_has_a_reference_table_and_an_example_that_passes_the_schema() -> None:
    shown = examples()
    assert sorted(stem for stem, _ in shown) == sorted(FILES)
    for stem, example in shown:
        errors = [error.message for error in Draft202012Validator(FILES[stem][1]).iter_errors(example)]
        assert errors == [], f"the {stem} example in docs/contributing.md: {errors}"
        assert f'{{{{ data_reference("{stem}") }}}}' in GUIDE.read_text(encoding="utf-8")


def test_reference_page_lists_every_field_with_its_allowed_values(site: Path) -> None:
    page = site / "contributing" / "index.html"
    # Character references are undone: macro output writes Markdown's `_` and `*` as references (markdown_inert).
    html = unescape(page.read_text(encoding="utf-8"))
    text = page_text(page)
    for stem in FILES:
        for row in reference.fields(reference.entry_schema(stem)):
            assert f"<code>{row.path}</code>" in html, (stem, row.path)
    assert "names[].period.from" in text and "military, diplomatic, political, humanitarian, legal" in text


def test_reference_escapes_what_the_schema_says(monkeypatch: pytest.MonkeyPatch) -> None:
    schema = {"description": "<b>file</b>", "properties": {"things": {"type": "array", "items": {
        "type": "object", "properties": {"x<y": {"enum": ["<script>"], "description": "a & b"}}, "required": []}}}}
    monkeypatch.setitem(reference.FILES, "things", ("things", schema))
    html = str(reference.field_table("things"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "x&lt;y" in html and "a &amp; b" in html


def test_readme_links_the_contributor_guide() -> None:
    assert "docs/contributing.md" in (ROOT / "README.md").read_text(encoding="utf-8")
