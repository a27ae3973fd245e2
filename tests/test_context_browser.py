"""In Chromium: the timeline's filters (from file://, by keyboard, state in the URL) and the entity cards shown
when hovering a mention (a title tooltip from file://, Material's styled tooltip over HTTP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def test_timeline_filters_work_from_file_by_keyboard_and_keep_state_in_the_url(browser: Any, site: Path) -> None:
    url = (site / "timeline" / "index.html").as_uri()
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
    page = open_page(browser, (site / "timeline" / "index.html").as_uri() + "#y2023")
    try:
        assert all(event["visible"] for event in page.evaluate(VISIBILITY))
        assert page.url.endswith("#y2023")
    finally:
        page.close()


def test_mentions_carry_their_card_as_a_title_from_file(browser: Any, site: Path) -> None:
    page = open_page(browser, (site / "article" / "index.html").as_uri())
    try:
        titles = page.eval_on_selector_all("article a.ex-mention", "links => links.map(a => a.title)")
        assert len(titles) >= 3 and all(" — " in title or ": " in title for title in titles), titles
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
        assert tooltip.inner_text().strip() == card
    finally:
        page.close()
