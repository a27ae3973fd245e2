"""Where a page's "edit" action leads: for a generated page, the data file it comes from, at the entry's line.

The repository is one setting, MkDocs' ``edit_uri`` (an absolute URL ending in the docs folder, e.g.
``https://github.com/OWNER/REPO/edit/main/docs/``); ``repo_url`` stays unset, since with it Material makes every
page call api.github.com. GitHub's and GitLab's edit view cannot open at a line, their ``blob`` view can (and has
an edit button), so an entry's action opens ``.../blob/main/data/places.yml#L42`` there.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from macros.model import Dataset
from macros.site.pages import GeneratedPage, page_of
from macros.site.safe_html import html


def file_url(edit_uri: str, docs_to_root: str, path: str, line: int = 0) -> str:
    """The URL that opens ``path`` (relative to the project root) for editing, at ``line`` where the host can.

    ``docs_to_root`` is the way from the docs folder to the project root (``..`` for ``docs/``).
    """
    url = urljoin(edit_uri if edit_uri.endswith("/") else edit_uri + "/", f"{docs_to_root.rstrip('/')}/{path}")
    parts = urlsplit(url)
    if line > 0 and "/edit/" in parts.path:  # GitHub: /OWNER/REPO/edit/main/…; GitLab: /GROUP/REPO/-/edit/main/…
        return parts._replace(path=parts.path.replace("/edit/", "/blob/", 1), fragment=f"L{line}").geturl()
    return url


def generated_page_url(edit_uri: str, docs_to_root: str, dataset: Dataset, page: GeneratedPage) -> str:
    """The edit URL of a generated page: its entity's entry, or the whole data file for an index page."""
    entity = dataset.entity(page.entity_id) if page.entity_id else None
    if entity is not None and entity.origin.path:
        return file_url(edit_uri, docs_to_root, entity.origin.path, entity.origin.line)
    return file_url(edit_uri, docs_to_root, page.edit_path)


def moved_links(edit_uri: str, docs_to_root: str, old: Dataset, new: Dataset) -> dict[str, tuple[str, str]]:
    """The entity pages whose entry is on another line in ``new`` than in ``old`` (an edit above it added or
    removed lines), each with its edit URL before and after: ``mkdocs serve --dirty`` rewrites that link in the
    page it keeps instead of rendering the page again."""
    moved: dict[str, tuple[str, str]] = {}
    for before_table, after_table in ((old.actors, new.actors), (old.places, new.places), (old.events, new.events)):
        for entity_id, after in after_table.items():
            before = before_table.get(entity_id)
            if before is not None and before.origin != after.origin and after.origin.path:
                moved[page_of(after)] = (file_url(edit_uri, docs_to_root, before.origin.path, before.origin.line),
                                         file_url(edit_uri, docs_to_root, after.origin.path, after.origin.line))
    return moved


def relink(output: Path, old_url: str, new_url: str) -> bool:
    """Point the edit link of a page ``mkdocs serve --dirty`` keeps at its entry's new line (see ``moved_links``);
    False when the page must be rendered again instead (its file is gone, or does not hold the link once)."""
    old_link, new_link = f'href="{old_url}"'.encode(), f'href="{new_url}"'.encode()
    try:
        with output.open("r+b") as file:
            text = file.read()
            if text.count(old_link) != 1:
                return False
            at = text.index(old_link)
            if len(old_link) == len(new_link):  # the usual case: written over in place, ten times faster
                file.seek(at)
                file.write(new_link)
            else:
                file.seek(0)
                file.write(text[:at] + new_link + text[at + len(old_link):])
                file.truncate()
    except OSError:
        return False
    return True


def reporting(edit_uri: str | None, url: str | None, issues: str | None) -> Markup:
    """How a reader reports an error: the repository's issues (``issues``, ``url``) and edit buttons
    (``edit_uri``) when they are known, else the newsroom; never a repository the site does not come from."""
    what = "naming the page, what is wrong and a source for the correction"
    if edit_uri is None:
        return html("<p>If a fact, a name, a date or a source is wrong or missing, tell the newsroom that publishes "
                    "this explainer, {}.</p>", what)
    if issues is None or url is None:
        return html("<p>If a fact, a name, a date or a source is wrong or missing, each page's edit button opens "
                    "the file it comes from: propose the correction there, {}.</p>", what)
    return html('<p>If a fact, a name, a date or a source is wrong or missing, <a href="{}">open an issue</a> or a '
                'pull request in <a href="{}">the project\'s repository</a>, {}. Each page has an edit button that '
                "opens the file it comes from; the data check tells contributors exactly what to fix.</p>",
                issues, url, what)
