"""A manifest beside plain files gives them what they cannot say; --published dates the rest."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from conftest import SHARED
from onrecord import api
from onrecord.errors import ReadError
from onrecord.ingest import read, read_many
from onrecord.ingest.manifest import read_manifest
from onrecord.model import Article

TEXT = "Bridge to reopen\n\nThe mayor said on Thursday that the bridge would reopen in June.\n"


def write_manifest(folder: Path, *entries: dict[str, object]) -> Path:
    path = folder / "manifest.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("a1.txt", "a2.txt", "a3.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    write_manifest(
        tmp_path,
        {"file": "a1.txt", "url": "https://g.example/a1", "outlet": "Gazette", "title": "T"},
        {"id": "a2", "published": "2024-05-30", "language": "en", "syndicated_with": []},
    )
    return tmp_path


def test_a_folder_manifest_describes_its_files_by_name_or_id_and_is_no_article(
    folder: Path,
) -> None:
    a1, a2, a3 = read(folder)
    assert (a1.url, a1.outlet, a1.title, a1.published) == (
        "https://g.example/a1",
        "Gazette",
        "T",
        None,
    )
    assert (a2.published, a2.language, a2.url) == (datetime(2024, 5, 30), "en", None)
    assert (a3.name, a3.url, a3.published) == ("a3", None, None)
    assert a1.text == TEXT  # the text is the file's, untouched


def test_a_file_given_alone_is_described_by_the_manifest_beside_it(folder: Path) -> None:
    (article,) = read(folder / "a1.txt")
    assert article.outlet == "Gazette"


def test_published_dates_only_the_articles_without_a_date(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    day = datetime(2024, 1, 2)
    dated = tmp_path_factory.mktemp("jsonl") / "dated.jsonl"
    dated.write_text(json.dumps({"text": TEXT, "published": "2023-03-04"}) + "\n")
    articles = [a for a in read_many([folder, dated], published=day) if isinstance(a, Article)]
    assert [a.published for a in articles] == [
        day,
        datetime(2024, 5, 30),
        day,
        datetime(2023, 3, 4),
    ]


def test_a_manifest_elsewhere_names_files_by_path_from_its_folder_or_by_id(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("data")
    (root / "articles").mkdir()
    (root / "articles" / "a1.txt").write_text(TEXT, encoding="utf-8")
    manifest = write_manifest(root, {"file": "articles/a1.txt", "outlet": "Herald"})
    (by_path,) = api.read(root / "articles", manifest=manifest)
    assert by_path.outlet == "Herald"
    # Given, it is used instead of the one beside the files, whose entries then count not.
    other = write_manifest(root, {"id": "a2", "outlet": "Post"})
    outlets = [a.outlet for a in api.read(folder, manifest=other)]
    assert outlets == [None, "Post", None]


def test_bad_manifest_lines_fail_alone_and_are_reported_once(folder: Path) -> None:
    write_manifest(
        folder,
        {"id": "a1", "outlet": "Gazette"},
        {"url": "https://nameless.example"},
        {"id": "a2", "published": "last week"},
    )
    (folder / "manifest.jsonl").open("a").write("not json\n")
    outcomes = list(read_many([folder]))
    errors = [str(o) for o in outcomes if isinstance(o, ReadError)]
    manifest = folder / "manifest.jsonl"
    assert errors == [
        f"{manifest}:2: names no file: give 'file' (its path) or 'id' (its name)",
        f"{manifest}:3: 'published' is not an ISO 8601 date: 'last week'",
        f"{manifest}:4: not a JSON object of UTF-8 text: Expecting value: line 1 column 1 (char 0)",
    ]
    articles = [o for o in outcomes if isinstance(o, Article)]
    assert [a.outlet for a in articles] == ["Gazette", None, None]


def test_a_missing_manifest_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read the manifest"):
        read_manifest(tmp_path / "nowhere.jsonl")


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared")
def test_topical_devs_manifest_is_a_manifest() -> None:
    root = SHARED / "data" / "topical-dev"
    manifest = read_manifest(root / "manifest.jsonl")
    assert manifest.errors == ()
    (seed,) = api.read(root / "articles" / "000.txt", manifest=manifest)
    assert (seed.name, seed.outlet, seed.published) == ("000", "CBC News", datetime(2024, 5, 30))
