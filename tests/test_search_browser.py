"""Search, in Chromium: an entity is found by every one of its names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks import transfer


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


def test_a_first_page_fetches_no_search_index_until_the_reader_searches(browser: Any, site: Path) -> None:
    """docs/assets/search-on-demand.js holds Material's request for the index (and its worker) until the search box
    is used: every page of the seed site costs at most 400 KB to open (HTML, CSS, scripts), and a search after it
    still finds a place by a name in another script."""
    pages = ["", "timeline/", "article/", *sorted(f"{path.parent.relative_to(site).as_posix()}/"
                                                 for path in site.glob("timeline/*/index.html"))]
    heaviest = max((path for path in site.rglob("index.html")), key=lambda path: path.stat().st_size)
    pages.append(f"{heaviest.parent.relative_to(site).as_posix()}/")
    with transfer.served(site) as base:
        for page in pages:
            measured = transfer.measure(browser, base, page, "Xankəndi")
            assert not any("search_index" in url or "/workers/" in url for url in measured.first_urls), page
            assert measured.first_page <= 400_000, (page, measured.first_page, measured.first_urls)
            assert any(url.endswith("search/search_index.json") for url in measured.search_urls), page
            assert "/places/stepanakert/" in measured.results[0], (page, measured.results[:3])
