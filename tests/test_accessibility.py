"""axe-core, run in Chromium, finds no serious or critical violation on the pages a reader starts from, in the
light scheme and in the dark one (a reader whose system prefers dark gets Material's "slate")."""

from __future__ import annotations

from typing import Any

import pytest

PAGES = ["", "article/", "timeline/", "places/stepanakert/", "glossary/", "names/", "about/",
         "events/2022-12-12-corridor-blocked/", "events/2023-09-24-exodus/", "places/nagorno-karabakh/",
         "events/2023-09-25-fuel-depot-explosion/", "actors/azerbaijan/", "next/", "sources/", "events/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=[path.strip("/") or "home" for path in PAGES])
def test_no_serious_or_critical_violation(browser: Any, served_site: str, path: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(served_site + path)
        page.wait_for_load_state("load")
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        results = Axe().run(page)  # every rule axe-core ships; none is turned off
        serious = [f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:5]}"
                   for violation in results.response["violations"] if violation["impact"] in {"serious", "critical"}]
        assert not serious, "\n".join(serious)
    finally:
        context.close()
