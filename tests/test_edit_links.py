"""Every page's "edit" action opens its source: a generated page, the data file at the entry's line."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import yaml

from macros.build.repository import edit_uri_of_remote, repository_of
from macros.load.dataset import load_dataset
from macros.model import Origin
from macros.site.edit_links import file_url, moved_links, relink
from tests.conftest import ROOT, copy_project, mkdocs

DATA = load_dataset(ROOT)
GITHUB = "https://github.com/owner/repo/edit/main/docs/"


def edit_link(html_file: Path) -> str:
    match = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', html_file.read_text(encoding="utf-8"))
    assert match, f"{html_file} has no edit action"
    return match.group(1)


def test_github_and_gitlab_open_the_file_at_the_line() -> None:
    assert file_url(GITHUB, "..", "data/places.yml", 42) == "https://github.com/owner/repo/blob/main/data/places.yml#L42"
    assert (file_url("https://gitlab.com/group/repo/-/edit/main/docs/", "..", "data/events.yml", 7)
            == "https://gitlab.com/group/repo/-/blob/main/data/events.yml#L7")


def test_without_a_line_or_a_known_layout_the_file_opens_for_editing() -> None:
    assert file_url(GITHUB, "..", "data/places.yml") == "https://github.com/owner/repo/edit/main/data/places.yml"
    assert file_url("https://example.org/src/docs", "..", "data/a.yml", 3) == "https://example.org/src/data/a.yml"


def test_entity_pages_edit_their_entry(site: Path) -> None:
    for folder, table in (("actors", DATA.actors), ("places", DATA.places), ("events", DATA.events)):
        for entity in table.values():
            url = edit_link(site / folder / entity.id / "index.html")
            assert url.startswith("https://"), url
            assert "/blob/" in url and url.endswith(f"/{entity.origin.path}#L{entity.origin.line}"), url
    stepanakert = DATA.places["stepanakert"].origin
    line = (ROOT / stepanakert.path).read_text(encoding="utf-8").splitlines()[stepanakert.line - 1]
    assert line.strip() == "- id: stepanakert"


def test_hand_written_and_index_pages_edit_their_file(site: Path) -> None:
    for page, source in (("index.html", "/docs/index.md"), ("places/index.html", "/data/places.yml")):
        url = edit_link(site / page)
        assert "/edit/" in url and url.endswith(source), url


def test_repo_url_is_not_set_so_no_page_calls_the_github_api(site: Path) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506
    assert "repo_url" not in config
    for file in site.rglob("*.html"):
        assert 'data-md-component="source"' not in file.read_text(encoding="utf-8"), file


def test_the_repository_comes_from_the_git_remote_or_the_setting() -> None:
    assert edit_uri_of_remote("git@github.com:newsroom/hilltown.git", "main") == (
        "https://github.com/newsroom/hilltown/edit/main/docs/")
    assert edit_uri_of_remote("https://gitlab.com/newsroom/maps/hilltown.git", "trunk") == (
        "https://gitlab.com/newsroom/maps/hilltown/-/edit/trunk/docs/")
    assert edit_uri_of_remote("https://example.org/git/hilltown.git", "main") is None
    github = repository_of("https://github.com/newsroom/hilltown/edit/main/docs/")
    assert (github.url, github.issues) == ("https://github.com/newsroom/hilltown",
                                           "https://github.com/newsroom/hilltown/issues")
    gitlab = repository_of("https://gitlab.com/newsroom/hilltown/-/edit/main/docs/")
    assert gitlab.issues == "https://gitlab.com/newsroom/hilltown/-/issues"


def test_a_site_with_no_known_repository_has_no_edit_action_and_no_placeholder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")  # not a git work tree, and no setting
    result = mkdocs("build", "--strict", "-d", tmp_path / "site", cwd=project, env={"EXPLAINER_EDIT_URI": ""})
    assert result.returncode == 0, result.stderr
    for page in (tmp_path / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'rel="edit"' not in text and "OWNER/REPO" not in text and "owner/repo" not in text, page
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "tell the newsroom that publishes this explainer" in about


def test_a_github_remote_gives_the_edit_action_and_the_issues_link(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for command in (("init", "-q", "-b", "trunk"), ("remote", "add", "origin", "git@github.com:newsroom/hilltown.git")):
        subprocess.run(["git", "-C", str(project), *command], check=True)
    result = mkdocs("build", "--strict", "-d", tmp_path / "site", cwd=project, env={"EXPLAINER_EDIT_URI": ""})
    assert result.returncode == 0, result.stderr
    assert edit_link(tmp_path / "site" / "index.html") == "https://github.com/newsroom/hilltown/edit/trunk/docs/index.md"
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://github.com/newsroom/hilltown/issues">open an issue</a>' in about


def test_an_entry_moved_to_another_line_keeps_its_page_and_gets_a_new_link(tmp_path: Path) -> None:
    """serve --dirty rewrites the edit link of a page whose entry moved (an edit above it added a line)."""
    event = next(iter(DATA.events.values()))
    urls = [file_url(GITHUB, "..", event.origin.path, line) for line in (event.origin.line, event.origin.line + 1,
                                                                           event.origin.line + 1000)]
    moved = dataclasses.replace(event, origin=Origin(event.origin.path, event.origin.line + 1))
    after = dataclasses.replace(DATA, events={**DATA.events, event.id: moved})
    assert moved_links(GITHUB, "..", DATA, after) == {f"events/{event.id}.md": (urls[0], urls[1])}
    assert moved_links(GITHUB, "..", DATA, DATA) == {}
    page = tmp_path / "index.html"
    html = '<p>Ré</p>\r\n<a href="{}" title="Edit this page" rel="edit">\n<p>end</p>\n'
    page.write_bytes(html.format(urls[0]).encode())
    assert relink(page, urls[0], urls[1]) and page.read_bytes() == html.format(urls[1]).encode(), "in place"
    assert relink(page, urls[1], urls[2]) and page.read_bytes() == html.format(urls[2]).encode(), "longer"
    assert relink(page, urls[2], urls[0]) and page.read_bytes() == html.format(urls[0]).encode(), "shorter"
    assert not relink(page, urls[1], urls[2]), "not there: the page is rendered again"
    page.write_bytes((html.format(urls[0]) * 2).encode())
    assert not relink(page, urls[0], urls[1]) and page.read_bytes() == (html.format(urls[0]) * 2).encode()
    assert not relink(tmp_path / "gone.html", urls[0], urls[1])
