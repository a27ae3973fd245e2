"""The repository a site is built from, for its "edit" actions and "Reporting an error": never a placeholder.

``EXPLAINER_EDIT_URI`` (the Pages workflow sets it) wins; otherwise the git remote ``origin`` of the work tree,
when it is a GitHub or GitLab address, with the branch checked out. When neither is known the site has no edit
action and no repository link: a button that opens someone else's repository, or none at all, misleads.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

VARIABLE = "EXPLAINER_EDIT_URI"
# git@github.com:owner/repo.git, https://github.com/owner/repo(.git), ssh://git@gitlab.com/group/sub/repo.git
_REMOTE = re.compile(r"^(?:https://(?:[^@/]+@)?|ssh://git@|git@)(github\.com|gitlab\.com)[:/](.+?)(?:\.git)?/?$")
_EDIT = re.compile(r"^(https://(?:github\.com|gitlab\.com)/.+?)(/-)?/edit/")


@dataclass(frozen=True)
class Repository:
    edit_uri: str  # the docs folder's edit address, as MkDocs' ``edit_uri``
    url: str | None  # the repository's home page, when the host is known
    issues: str | None  # where a reader opens an issue, when the host is known


def edit_uri_of_remote(remote: str, branch: str) -> str | None:
    """``https://github.com/o/r/edit/BRANCH/docs/`` for a GitHub or GitLab remote address, else None."""
    found = _REMOTE.match(remote.strip())
    if not found or not re.fullmatch(r"[\w.\-/]+", branch):
        return None
    host, path = found.groups()
    separator = "/-" if host == "gitlab.com" else ""
    return f"https://{host}/{path}{separator}/edit/{branch}/docs/"


def repository_of(edit_uri: str) -> Repository:
    """The repository behind an edit address; its home and issues only for GitHub and GitLab addresses."""
    found = _EDIT.match(edit_uri)
    if not found:
        return Repository(edit_uri, None, None)
    home = found.group(1)
    return Repository(edit_uri, home, f"{home}{found.group(2) or ''}/issues")


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10,
                                check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else None


def find_repository(root: Path, environ: Mapping[str, str]) -> Repository | None:
    """The site's repository: ``EXPLAINER_EDIT_URI`` if set, else the git remote ``origin``; None if unknown."""
    given = environ.get(VARIABLE, "").strip()
    if given:
        return repository_of(given) if given.startswith(("https://", "http://")) else None
    remote = _git(root, "remote", "get-url", "origin")
    if remote is None:
        return None
    branch = _git(root, "symbolic-ref", "--short", "HEAD")  # None on a detached HEAD: the usual default then
    edit_uri = edit_uri_of_remote(remote, branch or "main")
    return repository_of(edit_uri) if edit_uri else None
