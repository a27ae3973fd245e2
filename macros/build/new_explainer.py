"""``python -m macros new DIR``: a new explainer in one command.

DIR gets this project's site (configuration, pages, theme, code, schemas, Makefile and locks) and a minimal story
of its own: empty lists where there is nothing yet, one placeholder article (``seeds/article.txt``) and its source,
and ``data/seed.yml`` naming the site. It passes the check and builds as it is, and a TimelineJS sheet imports
into it with no other file to write (``python -m macros import-timelinejs sheet.csv --add ...``).
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
# What a new explainer shares with this one: everything but the story (data/, seeds/), the tests and benchmarks.
SITE_PARTS = ("mkdocs.yml", "mkdocs.offline.yml", "docs", "overrides", "macros", "schema", "scripts", "Makefile",
              "pyproject.toml", "requirements.lock", "requirements-dev.lock", ".pre-commit-config.yaml", ".gitignore")
EMPTY_LISTS = {"actors": "actors", "places": "places", "events": "events", "glossary": "terms"}
PLACEHOLDER_ARTICLE = """\
Replace this text with the text of the article the explainer is built around, as it was published.

Notes in data/seed.yml quote passages of it word for word; the site shows the article on its own page.
"""


def _yaml_text(text: str) -> str:
    # JSON strings are YAML double-quoted strings: any name is written safely.
    return json.dumps(text, ensure_ascii=False)


def seed_yaml(site_name: str, description: str) -> str:
    return f"""\
# yaml-language-server: $schema=../schema/seed.schema.json
# The story: the site's name, and the article the explainer is built around (its text in seeds/article.txt,
# where it was published in sources.yml as `seed-article`). Replace both placeholders with the real ones.
seed:
  site_name: {_yaml_text(site_name)}
  site_description: {_yaml_text(description)}
  source: seed-article
  file: seeds/article.txt
"""


def sources_yaml(year: int) -> str:
    return f"""\
# yaml-language-server: $schema=../schema/sources.schema.json
sources:
- id: seed-article
  # A placeholder: write the article's publisher, title, date (YYYY, YYYY-MM or YYYY-MM-DD) and url.
  publisher: The newsroom
  title: The article this explainer is built around
  date: '{year}'
  language: en
"""


def write_new_explainer(folder: Path, site_name: str, description: str) -> list[str]:
    """Write a new explainer into ``folder`` (which must not exist or be empty); return the problems, if any."""
    if folder.exists() and any(folder.iterdir()):
        return [f"{folder}: the folder is not empty; name a new folder"]
    folder.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, folder / part)
    data, seeds = folder / "data", folder / "seeds"
    data.mkdir()
    seeds.mkdir()
    for stem, key in EMPTY_LISTS.items():
        (data / f"{stem}.yml").write_text(f"# yaml-language-server: $schema=../schema/{stem}.schema.json\n{key}: []\n",
                                          encoding="utf-8")
    (data / "sources.yml").write_text(sources_yaml(datetime.datetime.now(tz=datetime.UTC).year), encoding="utf-8")
    (data / "seed.yml").write_text(seed_yaml(site_name, description), encoding="utf-8")
    (seeds / "article.txt").write_text(PLACEHOLDER_ARTICLE, encoding="utf-8")
    return []
