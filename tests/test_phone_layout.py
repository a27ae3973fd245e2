"""In Chromium at a phone's width: no page of the explainer scrolls sideways (wide tables scroll inside
themselves), so a reader on a phone never loses the text's right edge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

PAGES = ["index.html", "article/index.html", "timeline/index.html", "names/index.html", "glossary/index.html",
         "places/hakari-bridge/index.html", "actors/ilham-aliyev/index.html",
         "events/2023-09-19-azerbaijani-operation/index.html",
         "events/2023-09-24-exodus/index.html", "contributing/index.html", "data/index.html"]


def test_no_page_is_wider_than_a_phone(browser: Any, site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        wide = {}
        for path in PAGES:
            page.goto((site / path).as_uri())
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                wide[path] = width
        assert wide == {}
    finally:
        context.close()
