"""What a reader noticed: link previews on every page; on a phone the names tables keep "Used by" in view and a
citation cluster never starts a line; the dark scheme follows the system and can be toggled."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path
from typing import Any

import pytest

PREVIEW = ("og:title", "og:description", "og:type", "og:site_name")


def meta(html: str, key: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return html_module.unescape(found.group(1)) if found else None


def test_every_page_carries_a_link_preview(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 100
    missing = [str(page.relative_to(site)) for page in pages
               if not all(meta(page.read_text(encoding="utf-8"), key) for key in PREVIEW)
               or meta(page.read_text(encoding="utf-8"), "twitter:card") != "summary"]
    assert missing == []
    assert all("og:image" not in page.read_text(encoding="utf-8") for page in pages)


def test_a_preview_is_told_from_the_data(site: Path) -> None:
    event = (site / "events" / "2023-09-19-azerbaijani-operation" / "index.html").read_text(encoding="utf-8")
    assert meta(event, "og:description").startswith("In the early afternoon of 19 September 2023")  # type: ignore[union-attr]
    assert meta(event, "og:type") == "article"
    place = (site / "places" / "stepanakert" / "index.html").read_text(encoding="utf-8")
    assert meta(place, "og:title") == "Stepanakert / Khankendi"
    assert meta(place, "og:description").startswith("The largest city of Nagorno-Karabakh")  # type: ignore[union-attr]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert meta(home, "og:type") == "website"
    assert meta(home, "og:description").startswith("A sourced explainer")  # type: ignore[union-attr]


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_names_tables_show_used_by_on_a_phone(phone: Any, site: Path) -> None:
    for path in ("names/index.html", "places/stepanakert/index.html"):
        phone.goto((site / path).as_uri())
        table = phone.locator("table.ex-names").first
        box = table.bounding_box()
        header = table.locator("th", has_text="Used by").bounding_box()
        assert header is not None and box is not None
        assert header["x"] + header["width"] <= min(box["x"] + box["width"], 390) + 1, path


def test_a_citation_cluster_never_starts_a_line(phone: Any, site: Path) -> None:
    phone.goto((site / "index.html").as_uri())
    alone = phone.evaluate("""() => [...document.querySelectorAll('.ex-cite')].filter(cite => {
        const range = document.createRange();
        range.setStartBefore(cite); range.setEndBefore(cite);
        const before = cite.previousSibling;
        if (!before) return false;
        const word = document.createRange(); word.selectNodeContents(before);
        const last = [...word.getClientRects()].pop(), own = cite.getClientRects()[0];
        return last && own && own.top > last.bottom - 2;  // the cluster sits on a line below its word
    }).length""")
    assert alone == 0


def test_the_dark_scheme_follows_the_system_and_toggles(browser: Any, served_site: str) -> None:
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(served_site)
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        page.locator("[data-md-component=palette] label:not([hidden])").click()
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
    finally:
        context.close()
