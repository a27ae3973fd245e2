"""Search, in Chromium: an entity is found by every one of its names."""

from __future__ import annotations

from typing import Any


def first_results(browser: Any, url: str, query: str) -> list[str]:
    page = browser.new_page()
    try:
        page.goto(url)
        page.locator(".md-search__input").first.click()
        page.keyboard.type(query)  # Material searches on key events; fill() alone would not trigger it
        page.wait_for_selector(".md-search-result__item a", timeout=15000)
        links: list[str] = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
        return links
    finally:
        page.close()


def test_searching_khankendi_lists_stepanakert_first(browser: Any, served_site: str) -> None:
    results = first_results(browser, served_site, "Khankendi")
    assert results, "no search results"
    assert "/places/stepanakert/" in results[0], results[:3]
