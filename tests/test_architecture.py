"""The core imports no MkDocs; generated pages hold macro calls with ids, never data text."""

from __future__ import annotations

import ast

from macros.load import load_dataset
from macros.pages import generated_pages
from tests.conftest import ROOT

ADAPTER = {"mkdocs_adapter.py", "hooks.py"}


def test_core_modules_import_no_mkdocs() -> None:
    for module in (ROOT / "macros").glob("*.py"):
        if module.name in ADAPTER:
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.split(".")[0].startswith(("mkdocs", "material")), f"{module.name} imports {name}"


def test_generated_pages_hold_only_a_macro_call_with_an_id() -> None:
    dataset = load_dataset(ROOT)
    for page in generated_pages(dataset):
        assert page.content.startswith("{{ ") and page.content.endswith(" }}\n"), page.content
        if page.entity_id:
            assert page.content == f'{{{{ entity_page("{page.entity_id}") }}}}\n'
