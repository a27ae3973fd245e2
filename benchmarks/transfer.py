"""What a reader's browser transfers: a page opened in Chromium over loopback HTTP, then a search.

``first_page`` is every response body the page loads before the reader does anything (HTML, CSS, JavaScript, the
search worker, any data), uncompressed; ``search`` is what typing a query in the search box fetches on top (the
index). ``python -m benchmarks.transfer SITE [PAGE] [QUERY]`` prints both for a built site.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """``site`` over HTTP on a free loopback port, for as long as the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Transfer:
    first_page: int  # bytes
    search: int  # bytes
    first_urls: list[str]
    search_urls: list[str]
    results: list[str]  # the hrefs of the search results


def measure(browser: Any, base: str, path: str, query: str) -> Transfer:
    """Open ``base + path``, wait until the network is idle, then search for ``query`` and wait for results."""
    page = browser.new_page()
    loaded: list[tuple[str, int]] = []

    def record(response: Any) -> None:
        try:
            loaded.append((response.url, len(response.body())))
        except Exception:  # a redirect or an aborted request has no body
            loaded.append((response.url, 0))

    page.on("response", record)
    try:
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        first = list(loaded)
        page.locator(".md-search__input").first.click()
        page.keyboard.type(query)
        page.wait_for_selector(".md-search-result__item a", timeout=60000)
        page.wait_for_load_state("networkidle")
        results = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
        later = loaded[len(first):]
        return Transfer(sum(size for _url, size in first), sum(size for _url, size in later),
                        [url for url, _size in first], [url for url, _size in later], results)
    finally:
        page.close()


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.transfer", description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("page", nargs="?", default="")
    parser.add_argument("query", nargs="?", default="Stepanakert")
    args = parser.parse_args(argv)
    with served(args.site) as base, chromium() as browser:
        transfer = measure(browser, base, args.page, args.query)
    print(f"first page: {transfer.first_page / 1000:.0f} KB in {len(transfer.first_urls)} responses")
    for url in transfer.first_urls:
        print("  ", url)
    print(f"search: {transfer.search / 1000:.0f} KB more; first result {transfer.results[:1]}")
    for url in transfer.search_urls:
        print("  ", url)


if __name__ == "__main__":
    main()
