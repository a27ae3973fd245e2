"""The layout is the architecture: parts in a strict order, the core free of MkDocs, pages holding only ids."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from macros.load import load_dataset
from macros.site import generated_pages
from tests.conftest import ROOT

MACROS = ROOT / "macros"
ADAPTER = {"mkdocs_adapter.py", "hooks.py"}
# Each part and the parts it may import, bottom up. A part imports only parts below it: no cycles.
PARTS: dict[str, set[str]] = {
    "model": set(),
    "build": set(),
    "load": {"model"},
    "interop": {"model", "load"},
    "site": {"model", "load", "interop"},
    "context": {"model", "load", "interop", "site"},
}
ENGINE = ("mkdocs", "material", "mkdocs_macros")


def _imports(module: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            if node.module == "macros":
                names += [f"macros.{alias.name}" for alias in node.names]
    return names


def test_every_module_lives_in_a_part() -> None:
    top = {module.name for module in MACROS.glob("*.py")}
    assert top == ADAPTER | {"__init__.py", "__main__.py"}
    folders = {folder.name for folder in MACROS.iterdir() if folder.is_dir() and folder.name != "__pycache__"}
    assert folders == set(PARTS)
    for part in PARTS:
        assert (MACROS / part / "__init__.py").read_text(encoding="utf-8").startswith('"""'), part


def test_parts_import_only_parts_below_them() -> None:
    for part, allowed in PARTS.items():
        for module in (MACROS / part).rglob("*.py"):
            for name in _imports(module):
                if name.startswith("macros."):
                    used = name.split(".")[1]
                    assert used == part or used in allowed, f"{module.relative_to(ROOT)} imports {name}"


def test_only_the_adapter_imports_the_site_engine() -> None:
    for module in MACROS.rglob("*.py"):
        if module.name in ADAPTER and module.parent == MACROS:
            continue
        for name in _imports(module):
            assert not name.split(".")[0].startswith(ENGINE), f"{module.relative_to(ROOT)} imports {name}"


def test_the_core_imports_without_mkdocs_installed() -> None:
    # A child Python whose import system refuses MkDocs and Material imports every part and loads the data.
    code = (
        "import sys, importlib.abc\n"
        "class Refuse(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Refuse())\n"
        "import macros.model, macros.build, macros.load, macros.interop, macros.site, macros.context\n"
        "import macros.__main__\n"
        "from pathlib import Path\n"
        "print(len(macros.load.load_dataset(Path('.')).events))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0


def test_generated_pages_hold_only_a_macro_call_with_an_id() -> None:
    dataset = load_dataset(ROOT)
    for page in generated_pages(dataset):
        assert page.content.startswith("{{ ") and page.content.endswith(" }}\n"), page.content
        if page.entity_id:
            assert page.content == f'{{{{ entity_page("{page.entity_id}") }}}}\n'
