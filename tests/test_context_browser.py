"""In Chromium: the timeline's filters (from file://, by keyboard, state in the URL, under instant navigation)
and the entity cards shown when hovering a mention (a title tooltip from file://, Material's styled tooltip over
HTTP, Material's instant preview when it is enabled with the right `site_url`)."""

from __future__ import annotations

import functools
import html
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.load.dataset import load_dataset
from tests.conftest import ROOT, _QuietHandler, copy_project, mkdocs

VISIBILITY = """() => [...document.querySelectorAll('.ex-timeline .ex-event')].map(e => ({
    id: e.id, kind: e.dataset.kind, actors: e.dataset.actors.split(' '), places: e.dataset.places.split(' '),
    visible: !e.hidden && e.offsetParent !== null}))"""


def open_page(browser: Any, url: str) -> Any:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.errors = errors
    return page


def timeline_pages(site: Path) -> list[Path]:
    """The timeline's pages with events: the one page, or each period's page when it is split."""
    slugs = [period.slug for period in load_dataset(ROOT).timeline_periods]
    if slugs == ["all"]:
        return [site / "timeline" / "index.html"]
    return [site / "timeline" / slug / "index.html" for slug in slugs]


def busiest(pages: list[Path]) -> Path:
    return max(pages, key=lambda file: file.read_text(encoding="utf-8").count('<article class="ex-event"'))


def test_timeline_filters_work_from_file_by_keyboard_and_keep_state_in_the_url(browser: Any, site: Path) -> None:
    url = busiest(timeline_pages(site)).as_uri()
    page = open_page(browser, url)
    try:
        assert page.locator("#ex-filters").is_visible()
        page.focus("#ex-filter-actor")
        page.keyboard.press("ArrowDown")  # the first actor, chosen by keyboard
        chosen = page.eval_on_selector("#ex-filter-actor", "s => [s.value, s.selectedOptions[0].dataset.ids]")
        assert chosen[0], "the keyboard did not choose an actor"
        ids = set(chosen[1].split())
        assert f"#actor={chosen[0]}" in page.url
        events = page.evaluate(VISIBILITY)
        assert events and all(event["visible"] == bool(ids & set(event["actors"])) for event in events), events

        # Untick the first kind with the space bar: its events go, the hash says which kinds are left.
        box = page.locator("input[name=kind]").first
        kind = box.get_attribute("value")
        box.focus()
        page.keyboard.press("Space")
        assert not box.is_checked()
        assert "kind=" in page.url
        events = page.evaluate(VISIBILITY)
        assert not any(event["visible"] for event in events if event["kind"] == kind)
        visible_ids = [event["id"] for event in events if event["visible"]]
        shared = page.url

        # The same URL, opened afresh, shows the same filtered view.
        again = open_page(browser, shared)
        try:
            assert again.eval_on_selector("#ex-filter-actor", "s => s.value") == chosen[0]
            assert not again.locator(f"input[name=kind][value='{kind}']").is_checked()
            assert [event["id"] for event in again.evaluate(VISIBILITY) if event["visible"]] == visible_ids
            assert not again.errors or all("search_index" in error for error in again.errors), again.errors
        finally:
            again.close()

        page.get_by_role("button", name="Show all events").press("Enter")
        page.wait_for_function("() => !location.hash")
        assert all(event["visible"] for event in page.evaluate(VISIBILITY))
        assert "Showing all" in page.locator(".ex-filter-count").inner_text()
    finally:
        page.close()


def test_an_event_anchor_in_the_hash_is_not_taken_for_a_filter(browser: Any, site: Path) -> None:
    page = open_page(browser, busiest(timeline_pages(site)).as_uri() + "#y2023")
    try:
        assert all(event["visible"] for event in page.evaluate(VISIBILITY))
        assert page.url.endswith("#y2023")
    finally:
        page.close()


def test_filters_on_a_split_timeline_count_the_matches_on_every_page(browser: Any, served_site: str) -> None:
    """The seed's timeline is split by weight: any of its pages, the overview too, filters over every event (its
    facets script) and links each page that has matches, where the same filter shows them."""
    dataset = load_dataset(ROOT)
    split = dataset.timeline_periods
    if len(split) == 1:
        pytest.skip("the timeline fits one page")
    actor = dataset.actors["armenia"]
    wanted = {entity_id for entity_id, other in dataset.actors.items() if entity_id == actor.id or
              other.part_of == actor.id}
    expected = {period.label: sum(1 for event in period.items if wanted & set(event.actors)) for period in split}
    page = open_page(browser, served_site + "timeline/")
    try:
        page.select_option("#ex-filter-actor", actor.id)
        listed = page.eval_on_selector_all(".ex-filter-pages li", "items => items.map(li => li.textContent)")
        counts = {text.split(" — ")[0]: int(text.split(" — ")[1].split()[0]) for text in listed}
        assert counts == {label: count for label, count in expected.items() if count}, listed
        total = sum(expected.values())
        assert f"{total} of {len(dataset.events)} events" in page.locator(".ex-filter-count").inner_text()
        link = page.locator(".ex-filter-pages a").first
        label = link.inner_text().split(" — ")[0]
        link.click()
        page.wait_for_selector("#ex-filters:not([hidden])")
        assert f"#actor={actor.id}" in page.url
        visible = [event for event in page.evaluate(VISIBILITY) if event["visible"]]
        assert len(visible) == expected[label]
        assert "(this page)" in " ".join(page.eval_on_selector_all(".ex-filter-pages li",
                                                                    "items => items.map(li => li.textContent)"))
        assert not page.errors or all("search_index" in error for error in page.errors), page.errors
    finally:
        page.close()


def test_mentions_carry_their_card_as_a_title_from_file(browser: Any, site: Path) -> None:
    page = open_page(browser, (site / "article" / "index.html").as_uri())
    try:
        titles = page.eval_on_selector_all("article a.ex-mention", "links => links.map(a => a.title)")
        assert len(titles) >= 3 and all(" — " in title or ": " in title for title in titles), titles
        # From file:// the browser shows the title itself: an apostrophe reads as one, not as "&#39;".
        assert any("'" in title for title in titles) and not any("&#" in title for title in titles), titles
    finally:
        page.close()


def test_hovering_a_mention_over_http_shows_materials_tooltip(browser: Any, served_site: str) -> None:
    page = open_page(browser, served_site + "article/")
    try:
        link = page.locator("article a.ex-mention").first
        card = link.get_attribute("title")
        link.hover()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(timeout=10000)
        # The title holds the card escaped once more, because Material inserts it as HTML: it shows as typed.
        assert card is not None and tooltip.inner_text().strip() == html.unescape(card)
    finally:
        page.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site with instant navigation and previews on, served at the `site_url` they require."""
    project = copy_project(tmp_path_factory.mktemp("instant"))
    port = free_port()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace('site_url: ""', f'site_url: "http://127.0.0.1:{port}/"')
    text = text.replace("    - navigation.sections\n",
                        "    - navigation.sections\n    - navigation.instant\n    - navigation.instant.preview\n")
    config.write_text(text, encoding="utf-8")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


def test_filters_and_previews_under_instant_navigation(browser: Any, instant_site: str) -> None:
    page = open_page(browser, instant_site)
    try:
        page.evaluate("() => { window.sameDocument = true; }")
        page.click("nav.md-nav--primary a[href$='timeline/']")
        page.wait_for_selector("#ex-filters:not([hidden])")
        assert page.evaluate("() => window.sameDocument"), "instant navigation should not reload the page"
        value = page.eval_on_selector("#ex-filter-place", "s => s.options[1].value")
        page.select_option("#ex-filter-place", value)
        assert f"#place={value}" in page.url
        assert "match" in page.locator(".ex-filter-count").inner_text()

        # Hovering a mention shows Material's instant preview of the entity's page.
        page.goto(instant_site + "article/")
        link = page.locator("article a.ex-link--actor.ex-mention").first
        link.hover()
        preview = page.locator(".md-tooltip2--active")
        preview.wait_for(timeout=10000)
        # The preview is the entity page itself (its title becomes an <h3>, its lede follows), not the title card.
        assert preview.locator("h3").first.inner_text().strip()
        assert preview.locator(".ex-lede").count() >= 1
    finally:
        page.close()
