"""Small rendering rules, checked on the core functions without a build: how a source is cited, where a place is."""

from __future__ import annotations

import dataclasses

from macros.context import names_page
from macros.load.dataset import load_dataset
from macros.site import render
from tests.conftest import MINI, ROOT


def _reference(**changes: object) -> str:
    dataset = load_dataset(MINI)
    source = dataclasses.replace(dataset.sources["src-one"], **changes)
    return str(render.source_reference(render.PageContext(dataset, link=lambda path: path), source))


def test_a_reference_names_publisher_title_date_and_language() -> None:
    reference = _reference()
    assert "Example Wire" in reference and 'href="https://example.org/one"' in reference
    assert "19 September 2023" in reference and "(English)" in reference
    assert "not seen" not in reference


def test_a_title_read_from_the_address_says_so() -> None:
    # When a page's headline was not seen, its title comes from its address: the reader is told, not misled.
    reference = _reference(title_from_address=True)
    assert "”" in reference and "headline not seen: title read from its web address" in reference


def test_a_language_without_a_name_in_the_table_is_shown_by_its_code() -> None:
    assert "(Swahili)" in _reference(language="sw")
    assert "(xx)" in _reference(language="xx")


def test_coordinates_name_their_hemisphere() -> None:
    assert render.coordinates_text(39.81528, 46.75194) == "39.8153° N, 46.7519° E"
    assert render.coordinates_text(-34.6037, -58.3816) == "34.6037° S, 58.3816° W"


def test_the_names_page_lists_places_then_actors_under_their_own_headings() -> None:
    dataset = load_dataset(ROOT)  # the explainer: the state and the country are both "Azerbaijan"
    page = str(names_page.names_page(render.PageContext(dataset, link=lambda path: path)))
    places, actors = page.index('id="by-place"'), page.index('id="by-actor"')
    assert places < page.index('id="azerbaijan-country"') < actors < page.index('id="azerbaijan"')


def test_a_page_gives_an_entitys_card_once_at_its_first_link() -> None:
    dataset = load_dataset(MINI)
    ctx = render.PageContext(dataset, link=lambda path: path)
    first, again = str(render.entity_link(ctx, "north")), str(render.entity_link(ctx, "north"))
    assert ' title="' in first and ' title="' not in again and 'data-entity="north"' in again
    # Another page starts afresh.
    assert ' title="' in str(render.entity_link(render.PageContext(dataset, link=lambda path: path), "north"))
