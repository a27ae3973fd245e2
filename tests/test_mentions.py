"""Mentions linked by any name, the naming policy, term tooltips and backlinks: the core on small inputs, then
real builds of the mini dataset (tests/fixtures/mini) with a hand-written page that mentions its entities."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.context import mentions
from macros.model import naming
from macros.model.dataset import Actor, Dataset, Name, Place, Term
from macros.model.dates import PartialDate
from macros.site import render
from tests.conftest import ROOT, copy_project, mkdocs
from tests.htmlcheck import page_text

MINI = ROOT / "tests" / "fixtures" / "mini"
GLOSS = ' <small class="ex-aka" data-entity="[^"]+" data-search-exclude>'


def toy_dataset() -> Dataset:
    actors = {
        "nkr": Actor("nkr", "Republic of Artsakh", "de-facto-authority", "The breakaway republic.",
                     aliases=("Artsakh", "Nagorno-Karabakh Republic")),
        "az": Actor("az", "Azerbaijan", "state", "A state.", aliases=("Azerbaijan's defence ministry",)),
        "am": Actor("am", "Armenia", "state", "A state."),
        "ru": Actor("ru", "Russian peacekeeping contingent", "peacekeeping-force", "Troops.",
                    aliases=("Russian peacekeeping troops",)),
    }
    places = {
        "nk": Place("nk", "Nagorno-Karabakh", "region", "A region.", (Name("Nagorno-Karabakh", "en", "Latn"),)),
        "step": Place("step", "Stepanakert", "city", "A city.", (
            Name("Stepanakert", "en", "Latn", used_by=("am", "nkr")),
            Name("Ստեփանակերտ", "hy", "Armn", romanized="Step'anakert", used_by=("am",)),
            Name("Xankəndi", "az", "Latn", romanized="Khankendi", used_by=("az",)),
            Name("Stepanakert (old)", "ru", "Cyrl", used_by=("ru",), period_to=PartialDate(1991)))),
        "lachin": Place("lachin", "Lachin corridor", "road", "A road.", (Name("Lachin corridor", "en", "Latn"),)),
        "shusha": Place("shusha", "Shusha", "town", "A town.", (
            Name("Şuşa", "az", "Latn", used_by=("az",)),
            Name("Շուշի", "hy", "Armn", romanized="Shushi", used_by=("am",)))),
        "armenia-country": Place("armenia-country", "Armenia", "country", "A country.", ()),
    }
    terms = {"ato": Term("ato", "anti-terrorist measures", "Azerbaijan's name for the operation.", ("s",),
                         aliases=("anti-terrorist operation",))}
    return Dataset(sources={}, actors=actors, places=places, events={}, terms=terms)


DATA = toy_dataset()
INDEX = mentions.build_index(DATA)


def link(html: str, own: frozenset[str] = frozenset(), policy: naming.NamingPolicy | None = None) -> str:
    ctx = render.PageContext(DATA, lambda path: "/" + path)
    return mentions.link_mentions(html, INDEX, mentions.PageMentions(ctx, policy or naming.NamingPolicy(), own))


def linked(html: str) -> list[tuple[str, str]]:
    """(entity id, text) of every mention link, in order."""
    return re.findall(r'<a class="ex-link[^"]*" href="[^"]*" title="[^"]*" data-entity="([^"]*)">([^<]*)</a>', html)


def test_every_name_finds_its_entity_and_the_longest_name_wins() -> None:
    text = ("The Nagorno-Karabakh Republic, in Nagorno-Karabakh; KHANKENDI, Khánkendi and Xankəndi; the LACHIN "
            "corridor; Russian peacekeeping   troops; Azerbaijan’s defence ministry; Artsakh's")
    found = [(entity, text[start:end]) for start, end, entity in INDEX.find(text)]
    assert found == [("nkr", "Nagorno-Karabakh Republic"), ("nk", "Nagorno-Karabakh"), ("step", "KHANKENDI"),
                     ("step", "Khánkendi"), ("step", "Xankəndi"), ("lachin", "LACHIN corridor"),
                     ("ru", "Russian peacekeeping   troops"), ("az", "Azerbaijan’s defence ministry"),
                     ("nkr", "Artsakh")]


def test_a_name_inside_a_longer_word_is_not_a_mention() -> None:
    assert list(INDEX.find("Armenians and Azerbaijani forces")) == []


def test_a_name_two_kinds_share_goes_to_the_actor() -> None:
    assert [entity for *_, entity in INDEX.find("Armenia")] == ["am"]


def test_first_mention_is_linked_and_later_ones_are_not() -> None:
    html = link("<p>Artsakh said. The Republic of Artsakh said again.</p><p>Artsakh.</p>")
    assert linked(html) == [("nkr", "Artsakh")]
    assert html.count("Artsakh") == 4  # text kept as written; the link's title names it once more
    assert "Republic of Artsakh said again" in html


def test_headings_code_links_and_suppressed_spans_are_left_alone() -> None:
    html = link('<h2 id="x">Stepanakert</h2><p><code>Stepanakert</code> <a href="/x">Stepanakert</a> '
                '<span class="no-link">Stepanakert</span> <abbr title="t">Artsakh</abbr></p>'
                "<pre>Armenia</pre><script>var a = '<p>Armenia</p>';</script><p>then Armenia</p>")
    assert linked(html) == [("am", "Armenia")]
    assert html.startswith('<h2 id="x">Stepanakert</h2><p><code>Stepanakert</code> <a href="/x">Stepanakert</a>')
    assert "var a = '<p>Armenia</p>';" in html


def test_an_explicit_link_counts_as_the_first_mention() -> None:
    html = link('<p><a class="ex-link" href="/a" title="t" data-entity="am">Armenia</a> and Armenia</p>')
    assert linked(html) == [("am", "Armenia")]
    html = link('<p><a class="ex-link" href="/s" title="t" data-entity="step">Stepanakert</a>, Stepanakert</p>')
    assert "ex-aka" not in html  # the author linked it without the other side's name: so be it


def test_an_element_passed_over_whole_keeps_its_links_as_first_mentions_and_its_text() -> None:
    # A heading holding a link, a map holding links, a span nested in a span, a quotation in a heading: each is
    # passed over (or gone through tag by tag) with the same result.
    html = link('<h2 id="h">Armenia <a class="ex-link" href="/s" data-entity="step">Stepanakert</a></h2>'
                '<svg><g><a class="ex-link" href="/a" data-entity="am"><text>Armenia</text></a></g></svg>'
                '<p>Stepanakert, Armenia, Azerbaijan</p>')
    assert linked(html) == [("az", "Azerbaijan")]
    assert "ex-aka" not in html  # the heading's link was Stepanakert's first mention
    html = link('<span class="no-link">Armenia <span>Armenia</span> Armenia</span> <p>Armenia</p>')
    assert linked(html) == [("am", "Armenia")] and html.count(">Armenia<") == 2
    html = link('<h3 id="q"><q><a class="ex-link" href="/s" data-entity="step">Stepanakert</a></q></h3>'
                '<p>Stepanakert</p>')
    assert "ex-aka" in html  # linked inside a quotation: the gloss goes to the next mention


def test_what_is_left_open_runs_to_the_end_as_in_a_browser() -> None:
    """An unclosed comment, script or tag hides the rest of the page from a browser, and from the mentions: one
    token to the end, so a page of thousands of them is read in one pass."""
    for opened in ("<!-- a note", "<script>let a", '<p title="Armenia', "<a"):
        html = f"<p>Armenia</p>{opened} Azerbaijan and Shusha"
        assert link(html).endswith(f"{opened} Azerbaijan and Shusha"), opened
        assert linked(link(html)) == [("am", "Armenia")], opened
    hostile = "<a" * 20_000 + "<!--" * 20_000 + '<a"' * 20_000
    assert link(hostile) == hostile


def test_an_entity_is_not_linked_on_its_own_page() -> None:
    assert linked(link("<p>Stepanakert and Armenia</p>", own=frozenset({"step"}))) == [("am", "Armenia")]


def test_text_around_mentions_keeps_its_escaping() -> None:
    html = link("<p>Armenia &amp; Azerbaijan &lt;b&gt;</p>")
    assert "&amp;" in html and "&lt;b&gt;" in html and "<b>" not in html


def test_a_place_first_mention_shows_the_other_sides_names_with_their_language() -> None:
    html = link("<p>Stepanakert, then Stepanakert.</p>")
    assert ('>Stepanakert</a> <small class="ex-aka" data-entity="step" data-search-exclude>(Azerbaijani: '
            '<span lang="az">Xankəndi</span>, '
            '<span lang="az-Latn">Khankendi</span>)</small>, then Stepanakert.') in html
    assert "old" not in html  # a former name is not the other side's name
    assert html.count("ex-aka") == 1
    other = link("<p>Khankendi</p>")
    assert 'Armenian: <span lang="hy">Ստեփանակերտ</span>, <span lang="hy-Latn">Step&#39;anakert</span>' in other


def test_a_mention_by_the_other_sides_name_shows_the_policy_name_first() -> None:
    html = link("<p>Khankendi</p>")
    # The policy's name (Stepanakert) is shown as the side that uses it writes it, in its own script.
    assert re.search(">Khankendi</a>" + GLOSS + r'\(Armenian: <span lang="hy">Ստեփանակերտ</span>, '
                     r'<span lang="hy-Latn">Step&#39;anakert</span>\)</small>', html), html
    by_side = link("<p>Stepanakert</p>", policy=naming.NamingPolicy("az"))
    assert re.search(">Stepanakert</a>" + GLOSS + r'\(Azerbaijani: <span lang="az">Xankəndi', by_side)


def test_the_policy_name_comes_first_even_when_no_side_claims_it() -> None:
    html = link("<p>Şuşa</p>")
    assert re.search(">Şuşa</a>" + GLOSS + r'\(also <span lang="en">Shusha</span>; Armenian: <span lang="hy">Շուշի'
                     r'</span>, <span lang="hy-Latn">Shushi</span>\)</small>', html), html


def test_a_quotation_gets_links_but_no_inserted_gloss_which_goes_to_the_next_mention() -> None:
    html = link("<p><q>Stepanakert is under fire</q>, they said.</p><blockquote><p>Stepanakert</p></blockquote>"
                "<p>In Stepanakert, then Stepanakert.</p>")
    assert linked(html) == [("step", "Stepanakert")]
    assert html.index("ex-aka") > html.index("</blockquote>")
    assert "<p>In Stepanakert <small" in html and html.count("ex-aka") == 1


def test_a_term_is_linked_once_and_a_tooltip_everywhere_else() -> None:
    html = link("<p>the anti-terrorist operation</p><ul><li>Anti-terrorist measures</li></ul>")
    assert linked(html) == [("ato", "anti-terrorist operation")]
    # The apostrophe is escaped once: a browser's own title tooltip shows "Azerbaijan's", not "&#39;".
    assert '<abbr class="ex-term" title="anti-terrorist measures: Azerbaijan&#39;s name for the operation.">' \
           "Anti-terrorist measures</abbr>" in html


def test_backlinks_read_prose_and_link_macros_but_not_headings_or_code() -> None:
    found = mentions.backlinks([
        ("a.md", "A", '# Stepanakert\n\nIn Artsakh, `Armenia`, [a](places/nk.md) and {{ link("lachin") }}.\n'),
        ("b.md", "B", "```\nStepanakert\n```\n<span class=\"no-link\">Azerbaijan</span>\n"),
    ], INDEX, DATA)
    assert found == {"nkr": (("a.md", "A"),), "lachin": (("a.md", "A"),)}


def test_an_unknown_policy_is_refused_with_the_fix() -> None:
    policy, problem = naming.parse_policy("de-jure", DATA)
    assert policy is None and "english-common" in problem and "used-by:" in problem
    policy, problem = naming.parse_policy("used-by:nobody", DATA)
    assert policy is None and "'nobody'" in problem


# Real builds of the mini dataset, with a hand-written home page.
HOME = """# Home

## Southland and Northland

The Republic of Northland sent troops to Tepekent; later Hilltown was quiet and hilltown slept.
Some call it local measures; others do not say local measures.
Write `Southland` in code, or <span class="no-link">Southland</span>, and then Southland is linked.
{{ mention("hill-town", "Hilltown") }} is linked again on purpose.
"""


GENERIC_PAGES = {"timeline.md", "glossary.md", "sources.md"}


def mini_project(target: Path, policy: str | None = None) -> Path:
    project = copy_project(target, data=MINI / "data")
    shutil.copytree(MINI / "seeds", project / "seeds", dirs_exist_ok=True)
    for page in (project / "docs").glob("*.md"):  # the real site's pages cite the real data's ids
        if page.name not in GENERIC_PAGES:
            page.write_text(f"# {page.stem.capitalize()}\n\nA page.\n", encoding="utf-8")
    (project / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    if policy is not None:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "naming_policy: english-common", f"naming_policy: {policy}"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = mini_project(tmp_path_factory.mktemp("mini"))
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def content(file: Path) -> str:
    html = file.read_text(encoding="utf-8")
    return html[html.index('<article class="md-content__inner'):html.rindex("</article>")]


def test_hand_written_page_links_first_mentions_by_any_name(mini_site: Path) -> None:
    html = content(mini_site / "index.html")
    assert linked(html) == [("north", "Republic of Northland"), ("hill-town", "Tepekent"),
                            ("local-measures", "local measures"), ("south", "Southland"),
                            ("hill-town", "Hilltown")]
    assert re.search(r'href="places/hill-town/"[^>]*>Tepekent</a>' + GLOSS + r'\(also '
                     r'<span lang="en">Hilltown</span>\)', html), html
    assert '<h2 id="southland-and-northland">Southland and Northland' in html
    assert "<code>Southland</code>" in html and '<span class="no-link">Southland</span>' in html
    assert re.search(r'<abbr class="ex-term" title="local measures: [^"]*">local measures</abbr>', html)
    assert "hilltown slept" in html  # not linked again


def test_the_seed_article_links_its_mentions(mini_site: Path) -> None:
    html = content(mini_site / "article" / "index.html")
    ids = [entity for entity, _text in linked(html)]
    assert ids[:3] == ["north", "hill-town", "valley"], ids
    assert 'lang="ru"' in html


def test_entity_page_lists_the_written_pages_that_mention_it(mini_site: Path) -> None:
    html = content(mini_site / "places" / "hill-town" / "index.html")
    section = html[html.index('id="mentioned-in"'):]
    assert 'href="../../article/"' in section and ">The article<" in section
    assert '<a href="../../">Home</a>' in section
    assert "data-entity=\"hill-town\"" not in html  # never linked on its own page


def test_names_page_lists_every_place_name_by_language_and_side(mini_site: Path) -> None:
    text = page_text(mini_site / "names" / "index.html")
    assert "About the names" in text and "english-common" in text
    assert "Тепекент" in text and "Russian" in text and "Northland" in text


def test_glossary_entry_shows_who_uses_a_term_and_the_other_sides_words(mini_site: Path) -> None:
    text = page_text(mini_site / "glossary" / "index.html")
    assert "Used by: Northland" in text
    assert "Others say instead: aggression — Southland" in text


def test_naming_policy_chooses_the_name_shown_first(tmp_path: Path) -> None:
    project = mini_project(tmp_path, policy="used-by:north")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    file = project / "site" / "places" / "hill-town" / "index.html"
    assert '<h1><span lang="ru">Тепекент</span> / Hilltown</h1>' in content(file)
    assert "<title>Тепекент / Hilltown - " in file.read_text(encoding="utf-8")
    assert "used-by:north" in page_text(project / "site" / "names" / "index.html")


def test_an_unknown_naming_policy_stops_the_build_with_the_fix(tmp_path: Path) -> None:
    project = mini_project(tmp_path, policy="de-jure")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert "extra.naming_policy is 'de-jure'; write 'english-common'" in result.stderr
    assert "Traceback" not in result.stderr
