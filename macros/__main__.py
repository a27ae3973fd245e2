"""Command line: ``python -m macros check [--format github] [DATA_DIR]``, ``python -m macros gaps [DATA_DIR]``,
``python -m macros schema``, ``python -m macros import-timelinejs SHEET.csv``
(see ``macros.interop.import_timelinejs``) and ``python -m macros new DIR`` (see ``macros.build.new_explainer``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.build.new_explainer import write_new_explainer
from macros.interop import import_timelinejs
from macros.interop.annotations import github_report
from macros.load import DataError, load_dataset
from macros.load import gaps as gaps_module
from macros.load.schema import FILES, schema_json


def check(root: Path, data_dir: Path | None, output: str = "text") -> int:
    """Print every problem as ``path:line: message`` and return 1, or print a summary and return 0.

    With ``output="github"`` the problems are printed first as GitHub Actions annotations (see
    ``macros.interop.annotations``), then as plain text, so the log has every one.
    """
    try:
        dataset = load_dataset(root, data_dir)
    except DataError as error:
        lines = github_report(error.problems) if output == "github" else [str(p) for p in error.problems]
        for line in lines:
            print(line)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.", file=sys.stderr)
        return 1
    print(f"data is valid: {len(dataset.events)} events, {len(dataset.actors)} actors, {len(dataset.places)} "
          f"places, {len(dataset.terms)} terms, {len(dataset.sources)} sources"
          + (f", {len(dataset.figures)} figures" if dataset.figures else ""))
    return 0


def gaps(root: Path, data_dir: Path | None) -> int:
    """Print what valid data still lacks (see ``macros.load.gaps``); 1 if the data has problems, else 0."""
    try:
        dataset = load_dataset(root, data_dir)
    except DataError:
        print("the data has problems: run `python -m macros check` first", file=sys.stderr)
        return 1
    found = gaps_module.gaps(dataset)
    for gap in found:
        print(gaps_module.problem(gap))
    sys.stdout.flush()  # the gaps before the count, when both go to one terminal
    print(f"{len(found)} gap{'s' if len(found) != 1 else ''} to fill (none stops a build)", file=sys.stderr)
    return 0


def write_schemas(root: Path) -> int:
    """Write ``schema/<file>.schema.json`` for editors, from the one declaration in ``macros/load/schema.py``."""
    folder = root / "schema"
    folder.mkdir(exist_ok=True)
    for stem in FILES:
        (folder / f"{stem}.schema.json").write_text(schema_json(stem), encoding="utf-8")
    print(f"wrote {len(FILES)} schemas to {folder}")
    return 0


def new(folder: Path, site_name: str, description: str) -> int:
    """Write a new explainer into ``folder``, check it, and say what to do next."""
    problems = write_new_explainer(folder, site_name, description)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    code = check(folder, None)
    if code == 0:
        print(f"wrote a new explainer in {folder}; next: replace seeds/article.txt and the `seed-article` source in "
              f"data/sources.yml with your article, import a timeline (python -m macros import-timelinejs "
              f"sheet.csv --out {folder / 'data'} --add ...), then `cd {folder} && make serve`")
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="check the data files and report every problem")
    check_parser.add_argument("--format", choices=["text", "github"], default="text",
                              help="github: also print the problems as GitHub Actions annotations")
    check_parser.add_argument("data_dir", nargs="?", type=Path, help="the data folder (default: data/)")
    gaps_parser = commands.add_parser("gaps", help="list what valid data still lacks (an editor's to-do list)")
    gaps_parser.add_argument("data_dir", nargs="?", type=Path, help="the data folder (default: data/)")
    commands.add_parser("schema", help="write schema/*.schema.json from macros/load/schema.py")
    import_timelinejs.add_arguments(commands)
    new_parser = commands.add_parser("new", help="write a new explainer (site, empty data, a placeholder article)")
    new_parser.add_argument("folder", type=Path, help="the new explainer's folder (new, or empty)")
    new_parser.add_argument("--name", default="An explainer", help="the site's name (data/seed.yml site_name)")
    new_parser.add_argument("--description", default="A sourced explainer of one news article.",
                            help="the site's one-line description")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if args.command == "check":
        return check(root, args.data_dir, args.format)
    if args.command == "gaps":
        return gaps(root, args.data_dir)
    if args.command == "import-timelinejs":
        return import_timelinejs.run(args)
    if args.command == "new":
        return new(args.folder, args.name, args.description)
    return write_schemas(root)


if __name__ == "__main__":
    sys.exit(main())
