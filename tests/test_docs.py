"""Docs that cannot rot: the CLI reference matches --help; the README's commands exist."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO
from onrecord.cli import build_parser


def test_cli_reference_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "docs/cli.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"docs/cli.md is stale; run `cog -r docs/cli.md`\n{result}"


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
        "pip install -e '.[test]' && python -m pytest",
    ]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert setup[1] in ci


def _subcommands(parser) -> list[str]:  # type: ignore[no-untyped-def]
    names = []
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, child in action.choices.items():
                names.append(name)
                names += [f"{name} {sub}" for sub in _subcommands(child)]
    return names
