"""The word-list loader, on packages made for the test and on every shelf the stages ship."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from importlib import resources
from itertools import count
from pathlib import Path

import pytest

from onrecord.errors import ModelError
from onrecord.knowledge.lexicons import Lexicons, alternatives, patterns

MakeShelf = Callable[[dict[str, str]], Lexicons]
_PACKAGE_NUMBER = count()
SHELVES = [
    "onrecord.nlp.lexicons",
    "onrecord.ingest.lexicons",
    "onrecord.resolve.lexicons",
    "onrecord.knowledge.data",
]


@pytest.fixture
def make_shelf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakeShelf:
    """A fresh importable package holding ``files`` (name -> text), as a Lexicons."""
    monkeypatch.syspath_prepend(str(tmp_path))

    def make(files: dict[str, str]) -> Lexicons:
        name = f"lexicon_shelf_{next(_PACKAGE_NUMBER)}"
        folder = tmp_path / name
        folder.mkdir()
        (folder / "__init__.py").write_text("", encoding="utf-8")
        for file_name, text in files.items():
            (folder / file_name).write_text(text, encoding="utf-8")
        importlib.invalidate_caches()
        return Lexicons(name)

    return make


def test_entries_skip_comments_and_blank_lines(make_shelf: MakeShelf) -> None:
    shelf = make_shelf({"words-v1.txt": "# what it holds\n\nalpha\n  beta  \n# gamma\nbeta\n"})
    found = shelf.lexicon("words-v1")
    assert found.name == "words-v1"
    assert found.entries == frozenset({"alpha", "beta"})
    assert shelf.load("words-v1") is found.entries


def test_table_maps_first_column_to_second_in_file_order(make_shelf: MakeShelf) -> None:
    shelf = make_shelf({"map-v1.tsv": "# key, value\nzeta\t1\nalpha\t 2 \n\ncouple of\tthree\n"})
    assert list(shelf.load_table("map-v1").items()) == [
        ("zeta", "1"),
        ("alpha", "2"),
        ("couple of", "three"),
    ]


def test_each_file_is_read_once(make_shelf: MakeShelf) -> None:
    shelf = make_shelf({"words-v1.txt": "alpha\n", "map-v1.tsv": "a\tb\n"})
    assert shelf.lexicon("words-v1") is shelf.lexicon("words-v1")
    assert shelf.load_table("map-v1") is shelf.load_table("map-v1")


def test_digest_follows_the_content(make_shelf: MakeShelf) -> None:
    one = make_shelf({"words-v1.txt": "# list\nalpha\n", "map-v1.tsv": "a\tb\n"})
    same = make_shelf({"words-v1.txt": "# list\nalpha\n", "map-v1.tsv": "a\tb\n"})
    other = make_shelf({"words-v1.txt": "# list\nalpha\nbeta\n", "map-v1.tsv": "a\tb\n"})
    assert one.lexicon("words-v1").digest == same.lexicon("words-v1").digest
    assert one.lexicon("words-v1").digest != other.lexicon("words-v1").digest
    assert one.digests() == same.digests()
    assert one.digests()["words-v1.txt"] != other.digests()["words-v1.txt"]
    assert one.digests()["map-v1.tsv"] == other.digests()["map-v1.tsv"]


def test_digest_sees_a_comment_change_too(make_shelf: MakeShelf) -> None:
    one = make_shelf({"words-v1.txt": "# list\nalpha\n"})
    other = make_shelf({"words-v1.txt": "# the list\nalpha\n"})
    assert one.load("words-v1") == other.load("words-v1")
    assert one.lexicon("words-v1").digest != other.lexicon("words-v1").digest


def test_digests_cover_word_lists_only(make_shelf: MakeShelf) -> None:
    shelf = make_shelf({"b-v1.txt": "x\n", "a-v1.tsv": "x\ty\n", "notes.md": "not a list\n"})
    digests = shelf.digests()
    assert list(digests) == ["a-v1.tsv", "b-v1.txt"]
    assert digests["b-v1.txt"] == shelf.lexicon("b-v1").digest
    assert digests["a-v1.tsv"] == shelf.table("a-v1").digest


def test_missing_file_names_the_file_and_package(make_shelf: MakeShelf) -> None:
    shelf = make_shelf({"words-v1.txt": "alpha\n"})
    with pytest.raises(ModelError, match=r"'wordz-v1\.txt'.*lexicon_shelf_\d+"):
        shelf.load("wordz-v1")
    with pytest.raises(ModelError, match=r"'words-v1\.tsv'"):
        shelf.load_table("words-v1")


def test_table_row_without_a_tab_names_the_file(make_shelf: MakeShelf) -> None:
    shelf = make_shelf({"map-v1.tsv": "a\tb\nno tab here\n"})
    with pytest.raises(ModelError, match=r"map-v1\.tsv: no tab .*'no tab here'"):
        shelf.load_table("map-v1")


def test_alternatives_match_literally_and_the_longest_first() -> None:
    found = re.search(rf"\b(?:{alternatives(['pa', 'pa media', 'a.b'])})\b", "by PA Media")
    assert found is None
    match = re.search(rf"\b(?:{alternatives(['pa', 'pa media', 'a.b'])})\b", "by pa media")
    assert match is not None and match.group() == "pa media"
    assert re.fullmatch(alternatives(["a.b"]), "axb") is None


def test_patterns_keep_each_expression_whole() -> None:
    rule = re.compile(rf"^(?:{patterns(['ad', 'related(?: news)?'])})$")
    assert rule.match("related news") and rule.match("ad") and not rule.match("adrelated")


@pytest.mark.parametrize("package", SHELVES)
def test_every_shipped_list_loads_and_says_what_it_holds(package: str) -> None:
    shelf = importlib.import_module(package)
    digests = shelf.digests()
    assert digests, f"{package} ships no word lists"
    for file_name in digests:
        name, suffix = file_name.rsplit(".", 1)
        entries = shelf.load(name) if suffix == "txt" else shelf.load_table(name)
        assert entries, f"{package}/{file_name} is empty"
        text = resources.files(package).joinpath(file_name).read_text(encoding="utf-8")
        assert text.startswith("#"), f"{package}/{file_name} should open with what it holds"
        assert re.fullmatch(r"[a-z0-9-]+-v\d+", name), f"{file_name}: name it <concept>-vN"
