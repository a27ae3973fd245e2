"""Search, in Chromium: every name of every place, in every script, lists the place's own page first, online and
from file:// in the offline edition ("Ханкенди" used to list Martuni, whose page cites a source titled with it)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from macros.load import load_dataset_cached
from tests.conftest import ROOT
from tests.test_offline import offline_page, offline_site  # noqa: F401 (fixtures)

THREE_SCRIPTS = ["Khankendi", "Ստեփանակերտ", "Ханкенди"]


def place_names() -> list[tuple[str, str]]:
    """(name, place id) for each name that names one place only; a name two entities share can rank either, and a
    name made of other places' names ("Berdzor corridor", "Goris-Stepanakert highway") may list those first."""
    dataset = load_dataset_cached(ROOT)
    owners: dict[str, set[str]] = {}
    for entity in [*dataset.places.values(), *dataset.actors.values()]:
        for name in entity.all_names:
            owners.setdefault(name.casefold(), set()).add(entity.id)

    def composite(name: str, place_id: str) -> bool:
        words = re.split(r"[\s\-]+", name.casefold())
        return len(words) > 1 and any(owners.get(word, {place_id}) != {place_id} for word in words)

    return [(name, place.id) for place in dataset.places.values() for name in dict.fromkeys(place.all_names)
            if owners[name.casefold()] == {place.id} and "'" not in name and not composite(name, place.id)]


def first_result(page: Any, query: str) -> str:
    search = page.locator(".md-search__input").first
    search.click()
    search.fill("")
    page.keyboard.type(query)  # Material searches on key events; fill() alone would not trigger it
    page.keyboard.press("End")  # a letter typed as text (Armenian, Cyrillic) fires no key event: this one does
    # Results come per keystroke; wait until the first one has stood still for half a second.
    last, steady = "", 0
    for _ in range(100):
        page.wait_for_timeout(100)
        href: str = page.evaluate("(document.querySelector('.md-search-result__item a') || {}).href || ''")
        steady = steady + 1 if href and href == last else 0
        last = href
        if steady >= 3:
            return href
    return last or "no result"


def test_every_name_lists_its_place_first(browser: Any, served_site: str) -> None:
    page = browser.new_page()
    try:
        page.goto(served_site)
        wrong = {}
        for name, place_id in place_names():
            href = first_result(page, name)
            if f"/places/{place_id}/" not in href:
                wrong[name] = href
        assert wrong == {}
    finally:
        page.close()


def test_three_scripts_find_stepanakert_first_offline(offline_site: Path, offline_page: Any) -> None:  # noqa: F811
    page, _ = offline_page
    page.goto((offline_site / "index.html").as_uri())
    for query in THREE_SCRIPTS:
        assert "/places/stepanakert.html" in first_result(page, query), query  # the edition has no folder URLs
