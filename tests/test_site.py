"""Build the real site into a temporary folder and read its HTML."""

from __future__ import annotations

import re
from html import escape as html_escape
from pathlib import Path

from markupsafe import escape as markup_escape

from macros.load.dataset import load_dataset
from tests.conftest import ROOT
from tests.htmlcheck import page_text, parse, resolve

DATA = load_dataset(ROOT)


def page(site: Path, path: str) -> Path:
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    assert file.exists(), f"{path} was not built"
    return file


def test_every_entity_has_a_page_and_every_kind_an_index(site: Path) -> None:
    for folder, table in (("actors", DATA.actors), ("places", DATA.places), ("events", DATA.events)):
        page(site, folder)
        for entity_id in table:
            page(site, f"{folder}/{entity_id}")
    for path in ("timeline", "glossary", "sources", "article", "about"):
        page(site, path)


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    parsed = {}
    for file in site.rglob("*.html"):
        if file.name == "404.html":  # served from any depth, so its links are absolute by design
            continue
        for _tag, _attr, url in parse(file).links:
            target = resolve(site, file, url)
            if target is None:
                continue
            path, anchor = target
            if not path.exists():
                broken.append(f"{file.relative_to(site)}: {url}")
                continue
            if anchor and path.suffix == ".html":
                ids = parsed.setdefault(path, parse(path).ids)
                if anchor not in ids:
                    broken.append(f"{file.relative_to(site)}: {url} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    for file in [*site.rglob("*.html"), *site.rglob("*.css"), *site.rglob("*.js")]:
        text = file.read_text(encoding="utf-8", errors="replace")
        if file.suffix == ".html":
            for tag, attr, url in parse(file).links:
                if tag in {"script", "img", "link", "iframe", "source", "video", "audio"} and attr in {"src", "href"}:
                    assert not re.match(r"^(https?:)?//", url), f"{file.relative_to(site)} loads {url}"
        else:
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, file


def test_place_page_shows_every_name_with_language_and_script(site: Path) -> None:
    place = DATA.places["stepanakert"]
    html = page(site, "places/stepanakert").read_text(encoding="utf-8")
    text = page_text(page(site, "places/stepanakert"))
    for name in place.names:
        assert name.text in text
        assert f'lang="{name.lang}' in html
    assert "Azerbaijani" in text
    assert "Events" in text


def test_event_page_cites_numbered_sources_and_claims(site: Path) -> None:
    event = DATA.events["2023-09-19-azerbaijani-operation"]
    file = page(site, f"events/{event.id}")
    html = file.read_text(encoding="utf-8")
    assert 'href="#ref-1"' in html and 'id="ref-1"' in html
    text = page_text(file)
    for source_id in event.sources:
        assert DATA.sources[source_id].title in text
    for claim in event.claims:
        assert claim.says in text


def test_timeline_is_chronological_with_dates_at_their_precision(site: Path) -> None:
    # Over periods.TIMELINE_WHOLE events, the timeline is parted by period into pages under timeline/, in order.
    parts = [page(site, "timeline"), *(page(site, f"timeline/{period.slug}") for period in DATA.timeline_periods
                                       if len(DATA.timeline_periods) > 1)]
    html = "".join(part.read_text(encoding="utf-8") for part in parts)
    order = [match.group(1) for match in re.finditer(r'<article class="ex-event" id="([^"]+)"', html)]
    assert order == [event.id for event in DATA.chronology]
    assert '<time datetime="2023-09-19">19 September 2023</time>' in html
    assert 'id="ref-1"' in html


def test_sources_page_lists_what_cites_each_source(site: Path) -> None:
    # Over periods.SOURCES_WHOLE sources, the list is parted by period into pages under sources/.
    html = "".join(file.read_text(encoding="utf-8") for file in sorted((site / "sources").rglob("index.html")))
    for source in DATA.sources.values():
        assert f'id="{source.id}"' in html
        if source.url:
            assert html_escape(source.url) in html
    for event in DATA.events.values():
        assert f"events/{event.id}/" in html


def test_glossary_shows_who_uses_each_term(site: Path) -> None:
    text = page_text(page(site, "glossary"))
    for term in DATA.terms.values():
        assert term.term in text
    assert "Used by" in text


def test_seed_article_is_shown_as_text(site: Path) -> None:
    text = page_text(page(site, "article"))
    assert "Khankendi" in text and "Stepanakert" in text


def test_a_quote_is_marked_with_the_language_of_its_source(site: Path) -> None:
    dataset = DATA
    foreign = [(event, claim) for event in dataset.events.values() for claim in event.claims
               if claim.quote and dataset.sources[claim.source].language != "en"]
    assert foreign, "the data has a quote in another language than English; this test needs one"
    for event, claim in foreign:
        page = (site / "events" / event.id / "index.html").read_text(encoding="utf-8")
        page = re.sub(r"</?a\b[^>]*>", "", page)  # someone's words may link a name they use
        lang = dataset.sources[claim.source].language
        assert f'<q lang="{lang}">{markup_escape(claim.says)}</q> <span class="ex-quote-lang">(in ' in page, event.id
