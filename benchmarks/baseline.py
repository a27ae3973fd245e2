"""The baseline: plain MkDocs + Material over N plain Markdown pages, none of them in the navigation.

It is what MkDocs itself costs for that many pages (Markdown, the theme's template, the search index), so the
explainer's build time is judged against it, measured in the same run on the same machine.
"""

from __future__ import annotations

import random
from pathlib import Path

CONFIG = """site_name: Baseline
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - index.md
not_in_nav: |
  /p/
"""
WORDS = ("the", "talks", "ceasefire", "region", "officials", "reported", "convoy", "border", "statement", "village",
         "forces", "agreed", "denied", "negotiations", "residents", "monitors", "road", "mission", "evening")


def write_baseline(target: Path, pages: int, seed: int = 1) -> Path:
    """Write a MkDocs project of ``pages`` pages, each with about the text of an explainer's event page."""
    rng = random.Random(seed)  # noqa: S311 (seeded on purpose: the same pages every run)
    docs = target / "docs"
    (docs / "p").mkdir(parents=True, exist_ok=True)
    (target / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Baseline\n\nPlain pages, none of them in the navigation.\n", encoding="utf-8")
    for number in range(pages):
        paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "."
                      for _ in range(3)]
        neighbours = "\n".join(f"- [Page {other}]({other}.md)" for other in
                               sorted({rng.randrange(pages) for _ in range(6)}))
        (docs / "p" / f"{number}.md").write_text(
            f"# Page {number}\n\n{paragraphs[0]}\n\n## Who\n\n{paragraphs[1]}\n\n## Where\n\n{paragraphs[2]}\n\n"
            f"## Related\n\n{neighbours}\n", encoding="utf-8")
    return target
