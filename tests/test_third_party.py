"""Online too, a reader's browser asks no other host for anything: no fonts, scripts or APIs (such as the
api.github.com calls Material makes when `repo_url` is set). Every request that does not go to the local
test server is recorded and aborted."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

PAGES = ["", "timeline/", "places/stepanakert/", "events/2023-09-19-offensive/", "glossary/", "sources/",
         "article/"]


def test_pages_request_nothing_from_another_host(browser: Any, served_site: str) -> None:
    home = urlsplit(served_site).netloc
    context = browser.new_context()
    elsewhere: list[str] = []

    def local_only(route: Any) -> None:
        if urlsplit(route.request.url).netloc == home:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(served_site + path, wait_until="networkidle")
        page.locator(".md-search__input").first.click()
        page.keyboard.type("Stepanakert")
        page.wait_for_selector(".md-search-result__item a", timeout=15000)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert elsewhere == [], elsewhere
