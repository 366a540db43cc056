"""``onrecord actors``: one row an actor, merged across articles, in process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from onrecord.cli import main

NATO = """NATO Chief Warns Of Long War

NATO Secretary General Jens Stoltenberg said on Monday that allies must prepare for a long war.

"We must be ready for the long haul," Stoltenberg said at a news conference in Brussels.

German Chancellor Greta Lindqvist said Berlin would send more air defence systems.
"""

BERLIN = """Berlin Pledges More Air Defence

Lindqvist said the decision had been taken together with partners.
"""


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    paths = [tmp_path / "nato.txt", tmp_path / "berlin.txt"]
    for path, text in zip(paths, [NATO, BERLIN], strict=True):
        path.write_text(text, encoding="utf-8")
    return [str(path) for path in paths]


def actors_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict[str, Any]]:
    assert main(["actors", *args, "--format", "json"]) == 0
    return {entry["id"]: entry for entry in json.loads(capsys.readouterr().out)}


def test_json_has_one_entry_an_actor_with_its_evidence(
    articles: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    entries = actors_json(capsys, *articles)
    for entry in entries.values():
        assert set(entry) >= {"id", "name", "type", "roles", "mentions", "articles", "aliases"}
        assert entry["mentions"] >= len(entry["articles"]) >= 1
    stoltenberg = entries["jens-stoltenberg"]  # "Jens Stoltenberg said", then "Stoltenberg said"
    assert stoltenberg["name"] == "Jens Stoltenberg"
    assert stoltenberg["mentions"] == 2
    assert "NATO Secretary General" in {role["role"] for role in stoltenberg["roles"]}


def test_a_surname_in_one_article_joins_the_full_name_in_another(
    articles: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # an invented name: the actors knowledge would name a real chancellor in the article
    lindqvist = actors_json(capsys, *articles)["greta-lindqvist"]
    assert lindqvist["name"] == "Greta Lindqvist"
    assert len(lindqvist["articles"]) == 2
    assert set(lindqvist["aliases"]) == {"Greta Lindqvist", "Lindqvist"}


def test_an_aliases_file_renames_and_splits(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[merge]]\nname = "Jens Stoltenberg (NATO)"\naliases = ["Jens Stoltenberg"]\n'
        '[[split]]\nnames = ["Greta Lindqvist", "Lindqvist"]\n',
        encoding="utf-8",
    )
    entries = actors_json(capsys, *articles, "--aliases", str(aliases))
    assert entries["jens-stoltenberg-nato"]["name"] == "Jens Stoltenberg (NATO)"
    assert {"greta-lindqvist", "lindqvist"} <= set(entries)


def test_table_and_jsonl(articles: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", *articles]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["ID", "NAME", "TYPE"]
    assert any(line.startswith("jens-stoltenberg ") for line in table[1:])
    assert main(["actors", *articles, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(table) - 1
    assert all(json.loads(line)["id"] for line in lines)


def test_a_bad_aliases_file_stops_before_any_work(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[merge]]\nname = ""\n', encoding="utf-8")
    assert main(["actors", *articles, "--aliases", str(aliases)]) == 2
    assert "aliases.toml" in capsys.readouterr().err


def test_a_bad_document_is_reported_and_the_rest_listed(
    articles: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["actors", str(empty), *articles, "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err
    assert "jens-stoltenberg" in {entry["id"] for entry in json.loads(captured.out)}
