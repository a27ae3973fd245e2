"""The offline edition (`make offline`), unzipped and opened from file:// in Chromium with the network blocked."""

from __future__ import annotations

import re
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, copy_project, run
from tests.htmlcheck import parse


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip `scripts/build-offline` makes in a copy of the project, unzipped where a reader would."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    shutil.copy2(ROOT / "mkdocs.offline.yml", project)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    result = run(project / "scripts" / "build-offline", cwd=project, env={"PYTHON": sys.executable})
    assert result.returncode == 0, result.stdout + result.stderr
    reader = tmp_path_factory.mktemp("reader")
    with zipfile.ZipFile(project / "dist" / "explainer-offline.zip") as bundle:
        bundle.extractall(reader)
    return reader / "site-offline"


@pytest.fixture()
def offline_page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page that may load file:// URLs only; every other request is aborted and recorded."""
    context = browser.new_context()
    blocked: list[str] = []

    def only_files(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    context.on("request", lambda request: None if request.url.startswith("file:") else blocked.append(request.url))
    try:
        yield context.new_page(), blocked
    finally:
        context.close()


def test_the_bundle_refers_to_no_other_host(offline_site: Path) -> None:
    assert (offline_site / "search" / "search_index.js").exists()
    index = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in index and "iframe-worker/shim.js" in index
    for file in offline_site.rglob("*.html"):
        for tag, attr, url in parse(file).links:
            if tag in {"script", "img", "link", "iframe", "source"} and attr in {"src", "href"}:
                assert not re.match(r"^(https?:)?//", url), f"{file.relative_to(offline_site)} loads {url}"


def test_navigation_search_and_tooltips_work_from_file_urls(offline_site: Path, offline_page: Any) -> None:
    page, blocked = offline_page
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-nav__link", has_text="Timeline").first.click()
    page.wait_for_url("**/timeline.html")
    assert page.locator("h1").first.inner_text().startswith("Timeline")

    page.locator(".md-search__input").first.click()
    page.keyboard.type("Khankendi")  # Material searches on key events; fill() alone would not trigger it
    page.wait_for_selector(".md-search-result__item a", timeout=15000)
    results = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert "places/stepanakert.html" in results[0], results[:3]
    page.keyboard.press("Escape")
    if page.locator(".ex-periods a").count():  # a timeline split into pages: go to its first page of events
        page.locator(".ex-periods a").first.click()
        page.wait_for_selector("article .ex-event")
        # The filters read every event's facets from a script, which loads from file:// too.
        page.wait_for_selector("#ex-filters:not([hidden])")
        assert page.eval_on_selector("#ex-filter-actor", "s => s.options.length") > 1

    # A glossary term (abbr) or an entity link carries its explanation as a title: Material shows it on hover.
    target = page.locator("article abbr[title], article a.ex-link[title]").first
    explanation = target.get_attribute("title")
    assert explanation
    target.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert explanation[:40] in tooltip.inner_text()
    assert blocked == [], blocked
