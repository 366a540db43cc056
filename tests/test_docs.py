"""Docs that cannot rot: generated sections are current, commands and modules named exist.

The code blocks themselves run in tests/test_doc_blocks.py.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

from conftest import REPO
from onrecord.cli import build_parser

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
COGGED = [page for page in PAGES if "[[[cog" in page.read_text(encoding="utf-8")]


def test_generated_sections_are_up_to_date() -> None:
    """cog in one process, so the pipeline loads once; a section that needs ../shared
    data keeps its last output when the data is absent."""
    pages = [str(page.relative_to(REPO)) for page in COGGED]
    assert "docs/cli.md" in pages
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", *pages],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"stale; run `cog -r {' '.join(pages)}`\n{result}"


def test_every_command_is_documented() -> None:
    reference = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = _subcommands(build_parser())
    assert commands
    for command in commands:
        assert f"## `onrecord {command}`" in reference


def test_readme_has_the_two_setup_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    setup = [line for line in blocks[0].splitlines() if line and not line.startswith("#")]
    assert setup == [
        "pip install . && onrecord demo",
        "pip install -e '.[test,spark]' && python -m pytest",
    ]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert setup[1] in ci


def test_modules_and_files_the_docs_name_exist() -> None:
    """`nlp.dates.said_on`, `nlp/attribution/checker.py`, `tests/nlp/test_said_on.py`:
    a module or file named in backticks, from the repository or from src/onrecord."""
    missing = [
        f"{page.relative_to(REPO)}: {name}"
        for page in PAGES
        for name in _named(page.read_text(encoding="utf-8"))
        if not _exists(name)
    ]
    assert not missing, f"the docs name what is not there: {missing}"


_MODULE = re.compile(r"`((?:onrecord|nlp)(?:\.[A-Za-z_]\w*)+)`")
_PATH = re.compile(r"`((?:src|tests|docs|examples|nlp)/[\w./-]*)`")


def _named(text: str) -> list[str]:
    return _MODULE.findall(text) + _PATH.findall(text)


def _exists(name: str) -> bool:
    if "/" in name:
        return (REPO / name).exists() or (REPO / "src" / "onrecord" / name).exists()
    dotted = name if name.startswith("onrecord.") else f"onrecord.{name}"
    return _importable(dotted)


def _importable(dotted: str) -> bool:
    """A module, or an attribute of one (`onrecord.resolve.PositionTracker`)."""
    module, _, attribute = dotted.rpartition(".")
    try:
        importlib.import_module(dotted)
        return True
    except ModuleNotFoundError:
        pass
    try:
        return hasattr(importlib.import_module(module), attribute)
    except ModuleNotFoundError:
        return False


def _subcommands(parser) -> list[str]:  # type: ignore[no-untyped-def]
    names = []
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, child in action.choices.items():
                names.append(name)
                names += [f"{name} {sub}" for sub in _subcommands(child)]
    return names
