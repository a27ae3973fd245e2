"""Dates as historians write them on every page: no ISO date ("2023-09-19") is left in any page's visible text."""

from __future__ import annotations

import re
from pathlib import Path

from tests.htmlcheck import PageParser


def content_text(file: Path) -> str:
    html = file.read_text(encoding="utf-8")
    start = html.find('<article class="md-content__inner')
    parser = PageParser()
    content = html[start:html.rfind("</article>")] if start != -1 else ""  # event entries are <article>s too
    # Code shows the data's own format (the contributor guide quotes "2023-09-19"); only prose is judged.
    parser.feed(re.sub(r"<(pre|code)\b.*?</\1>", " ", content, flags=re.DOTALL))
    return re.sub(r"\s+", " ", "".join(parser.text + parser.glosses))


def test_no_page_shows_an_iso_date(site: Path) -> None:
    found, pages = [], 0
    for file in site.rglob("*.html"):
        text = content_text(file)
        pages += bool(text.strip())
        found += [f"{file.relative_to(site)}: …{text[max(0, m.start() - 40):m.end()]}"
                  for m in re.finditer(r"(?<![\"“\w-])\d{4}-\d{2}(?:-\d{2})?\b", text)]  # "2023-09": a format
    assert pages > 10
    assert not found, "\n".join(found[:10])
