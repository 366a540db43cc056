"""RSS and Atom feeds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.ingest.feeds import read_feed
from onrecord.model import Article, BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


def read(name: str, **kwargs: object) -> list[Article | ReadError]:
    return list(read_feed((FIXTURES / name).read_bytes(), name, **kwargs))  # type: ignore[arg-type]


def test_rss_entries_with_content_or_summary_are_read() -> None:
    first, second, third = read("gazette.rss")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Mayor says Elm Street bridge will reopen in June"
    assert first.url == "https://gazette.example/2024/05/bridge"
    assert first.source == "gazette.rss:1"
    assert first.outlet == "The Riverton Gazette"
    assert first.published == datetime(2024, 5, 30, 19, 2, tzinfo=UTC)
    paragraphs = [
        first.text[b.start : b.end] for b in first.blocks if b.kind is BlockKind.PARAGRAPH
    ]
    assert paragraphs[1] == '"We are on schedule and on budget," Mayor Ana Duarte told reporters.'
    assert "open an hour later" in second.text


def test_link_only_entry_is_reported() -> None:
    third = read("gazette.rss")[2]
    assert isinstance(third, ReadError)
    assert third.document == "gazette.rss:3"
    assert "only a link" in third.reason and "--follow-links" in third.reason


def test_links_are_followed_when_asked() -> None:
    followed: list[str] = []

    def follow(link: str, name: str) -> Article:
        followed.append(link)
        return Article(text="Fetched page text.", source=name)

    outcomes = read("gazette.rss", follow_link=follow)
    assert followed == [
        "https://gazette.example/2024/05/library",
        "https://gazette.example/2024/05/council",
    ]
    assert all(isinstance(o, Article) for o in outcomes)
    assert outcomes[2].title == "Council meeting tonight"  # type: ignore[union-attr]


def test_atom_entry() -> None:
    (entry,) = read("gazette.atom")
    assert isinstance(entry, Article)
    assert entry.bylines == ["Sam Lee"]
    assert entry.url == "https://gazette.example/2024/05/ferry"
    assert entry.published == datetime(2024, 5, 30, 14, 0, tzinfo=UTC)
    assert "Fuel costs have doubled" in entry.text


@pytest.mark.parametrize("data", [b"<rss><channel></channel></rss>", b"<rss><chan", b"nonsense"])
def test_feed_without_entries_fails_clearly(data: bytes) -> None:
    with pytest.raises(ReadError, match="not a readable feed") as info:
        list(read_feed(data, "bad.rss"))
    assert info.value.document == "bad.rss"
