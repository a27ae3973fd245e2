"""Maps drawn at build time: read from real builds (the SVG's role, title, description, links and labels, under
two naming policies), their weight, the check of data/boundaries.geojson, and in Chromium at a phone's width."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from macros.load import boundaries as boundaries_module
from macros.load import load_dataset
from macros.load.boundaries import feature_lines
from macros.site import maps
from tests.conftest import ROOT, copy_project, mkdocs
from tests.test_check_messages import check_in_process, make_case

FIGURE = re.compile(r'<figure class="ex-map".*?</figure>', re.S)
SVG = re.compile(r"<svg class=\"ex-map-svg\".*?</g></svg></div>", re.S)
DATA = load_dataset(ROOT)


def _figure(site: Path, path: str) -> str:
    found = FIGURE.findall((site / path).read_text(encoding="utf-8"))
    assert len(found) == 1, f"{path}: {len(found)} maps"
    return found[0]


def _marks(svg: str) -> dict[str, str]:
    """place id -> the label of its mark."""
    return dict(re.findall(r'<a class="ex-map-place[^"]*" href="[^"]*" tabindex="-1" data-place="([a-z0-9-]+)">'
                           r".*?<text [^>]*>([^<]*)</text></a>", svg))


@pytest.fixture(scope="module")
def azerbaijani_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built with the names Azerbaijan uses shown first."""
    project = copy_project(tmp_path_factory.mktemp("az-project"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "naming_policy: english-common", "naming_policy: used-by:azerbaijan"), encoding="utf-8")
    out = tmp_path_factory.mktemp("az-site")
    result = mkdocs("build", "--strict", "--site-dir", out, cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def test_the_home_page_map_is_an_accessible_picture_with_its_places_as_links(site: Path) -> None:
    figure = _figure(site, "index.html")
    svg = SVG.search(figure)
    assert svg is not None
    head = svg.group(0)[:400]
    assert 'viewBox="0 0 440 ' in head and 'width="100%"' in head
    # The picture is role="img", named by its title and description; the links lie over it, not inside it.
    assert '<svg role="img" aria-labelledby="ex-map-overview-title ex-map-overview-desc"' in head
    picture = figure[figure.index('<svg role="img"'):figure.index('<g class="ex-map-links" aria-hidden="true">')]
    assert "<a " not in picture
    assert '<title id="ex-map-overview-title">Where it happened</title>' in figure
    desc = re.search(r'<desc id="ex-map-overview-desc">([^<]*)</desc>', figure)
    assert desc and "Armenia and Azerbaijan" in desc.group(1) and "not a boundary" in desc.group(1)
    marks = _marks(svg.group(0))
    # The key events' places that have coordinates; the corridor is labelled on its line.
    assert marks == {"stepanakert": "Stepanakert", "lachin-corridor": "Lachin corridor", "goris": "Goris"}
    assert figure.count('class="ex-map-road"') == 1 and figure.count('class="ex-map-region"') == 1
    assert "ex-map-land--story" in figure and "ARMENIA" in figure and "AZERBAIJAN" in figure
    # The same places as text beside the picture, each a link to its page.
    text = figure[figure.index("<figcaption"):]
    for place_id in ("stepanakert", "lachin-corridor", "goris", "nagorno-karabakh"):
        assert f'href="places/{place_id}/"' in text
    # Places of key events without coordinates are named in words, and cited outlines credit their source.
    assert re.search(r"No sourced coordinates yet for .*Kornidzor.*Hakari bridge", text)
    assert "Natural Earth, via the world-atlas package (public domain" in text
    assert "<script" not in figure and "http://www.w3.org/2000/svg" in figure  # nothing to fetch, nothing to run


def test_every_mark_links_to_a_page_that_exists(site: Path) -> None:
    for page in [site / "index.html", *sorted((site / "places").glob("*/index.html")),
                 *sorted((site / "events").glob("*/index.html"))]:
        for figure in FIGURE.findall(page.read_text(encoding="utf-8")):
            for href in re.findall(r'<a class="ex-map-place[^"]*" href="([^"]+)"', figure):
                assert (page.parent / href / "index.html").resolve().exists(), (page, href)


def test_a_place_page_has_a_locator_map_with_the_place_first_and_its_neighbours(site: Path) -> None:
    figure = _figure(site, "places/shusha/index.html")
    assert '<title id="ex-map-shusha-title">Shusha and its surroundings</title>' in figure
    assert re.search(r'<g class="ex-map-place ex-map-place--focus" data-place="shusha">.*?>Shusha</text></g>', figure)
    marks = _marks(figure)
    assert {"stepanakert", "lachin"} <= set(marks) and "shusha" not in marks  # its own page: marked, not linked
    assert "km</text>" in figure  # a scale bar


def test_a_country_page_shows_its_outline_and_a_place_without_coordinates_says_so(site: Path) -> None:
    armenia = _figure(site, "places/armenia-country/index.html")
    assert "ex-map-land--focus" in armenia and "goris" in _marks(armenia)
    hakari = (site / "places/hakari-bridge/index.html").read_text(encoding="utf-8")
    assert FIGURE.search(hakari) is None
    assert re.search(r"No sourced coordinates yet for <a [^>]*>Hakari bridge</a>", hakari)
    region = _figure(site, "places/nagorno-karabakh/index.html")
    assert 'class="ex-map-region"' in region and "stepanakert" in region


def test_an_event_page_maps_its_places(site: Path) -> None:
    for event in DATA.events.values():
        page = (site / "events" / event.id / "index.html").read_text(encoding="utf-8")
        located = [place for place in event.places if DATA.places[place].coordinates
                   and DATA.places[place].category != "country"]
        if located:
            assert set(located) <= set(_marks(_figure(site, f"events/{event.id}/index.html"))), event.id
        elif not event.places:
            assert FIGURE.search(page) is None


def test_labels_follow_the_naming_policy_in_the_readers_script(azerbaijani_site: Path) -> None:
    figure = _figure(azerbaijani_site, "index.html")
    assert re.search(r'data-place="stepanakert">.*?<text [^>]*lang="az-Latn">Xankəndi</text>', figure)
    assert re.search(r'<text class="ex-map-country ex-map-country--story"[^>]*lang="az-Latn"[^>]*>Ermənistan</text>',
                     figure)
    assert "Xankəndi" in re.search(r"<desc[^>]*>([^<]*)</desc>", figure).group(1)  # type: ignore[union-attr]
    locator = _figure(azerbaijani_site, "places/shusha/index.html")
    assert re.search(r'data-place="shusha"><circle[^>]*/><text [^>]*lang="az-Latn">Şuşa</text>', locator)


def test_a_map_weighs_at_most_30_kb_and_the_home_page_stays_under_150_kb(site: Path) -> None:
    heaviest = max((len(figure.encode()), str(page)) for page in site.rglob("*.html")
                   for figure in FIGURE.findall(page.read_text(encoding="utf-8")))
    assert heaviest[0] <= 30_000, heaviest
    assert (site / "index.html").stat().st_size < 150_000


def test_the_check_refuses_an_outline_file_that_would_make_builds_slow(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_case(tmp_path / "none", tmp_path)
    (project / "data" / "boundaries.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": f"f-{n}", "name": "F", "kind": "road", "source": "src-two",
                                           "licence": "CC0"},
         "geometry": {"type": "LineString", "coordinates": [[46, 40], [46.1, 40.1], [46.2, 40]]}}
        for n in range(4)]}), encoding="utf-8")
    monkeypatch.setattr(boundaries_module, "MAX_POINTS", 10)
    code, out = check_in_process(project)
    assert code == 1
    assert out == ("data/boundaries.geojson:1: 12 points in all, more than the 10 a build draws; simplify the "
                   "outlines (scripts/boundaries.py, TOLERANCE) or cut them to the story's region\n")
    monkeypatch.setattr(boundaries_module, "MAX_FEATURES", 3)
    assert check_in_process(project)[1] == ("data/boundaries.geojson:1: 4 features, more than the 3 a build draws; "
                                            "keep the countries and places around the story\n")


def test_feature_lines_are_found_whatever_the_layout() -> None:
    assert feature_lines('{"features": [{"a": 1}, {"b": [1, 2]}]}') == [1, 1]
    assert feature_lines('{\n "type": "FeatureCollection",\n "x": {"features": []},\n "features": [\n  {},\n\n  {"a": '
                         '"]"}\n ]\n}') == [5, 7]


def test_a_region_is_drawn_around_its_places_and_labels_avoid_each_other() -> None:
    frame = maps.frame_around([(46.0, 40.0), (46.5, 40.5)])
    assert 0.55 * maps.WIDTH <= frame.height <= 0.85 * maps.WIDTH
    assert len(maps.hull([(0, 0), (1, 0), (0, 1), (1, 1), (0.5, 0.5)])) == 4
    stepanakert, shusha = DATA.places["stepanakert"], DATA.places["shusha"]
    marks = [maps.Mark(place, frame.xy((place.coordinates.lon, place.coordinates.lat)))  # type: ignore[union-attr]
             for place in (stepanakert, shusha)]
    first, second = maps.place_labels(marks, ["Stepanakert", "Shusha"], frame)
    assert first != second


def test_on_a_phone_the_map_shows_and_every_mark_is_a_target_a_finger_can_hit(browser: Any, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    try:
        page = context.new_page()
        for path in ("", "places/stepanakert/", "events/2023-09-24-exodus/"):
            page.goto(served_site + path)
            svg = page.locator("svg.ex-map-svg")
            box = svg.bounding_box()
            assert box is not None and box["width"] >= 340 and box["height"] >= 200, (path, box)
            for hit in page.locator("a.ex-map-place rect.ex-map-hit").all():
                target = hit.bounding_box()
                assert target is not None and target["width"] >= 24 and target["height"] >= 24, (path, target)
        page.goto(served_site)
        page.locator('a.ex-map-place[data-place="goris"]').tap()
        page.wait_for_url("**/places/goris/**")
        assert page.locator("h1").first.inner_text().startswith("Goris")
    finally:
        context.close()
