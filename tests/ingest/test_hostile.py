"""Hostile input, reader by reader: every failure is a ReadError naming the document
(and the record in it), never another exception, and never the end of a batch."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.ingest import read, read_many
from onrecord.ingest.decode import decode
from onrecord.ingest.feeds import read_feed
from onrecord.ingest.html import parse_html
from onrecord.ingest.jsonl import read_jsonl
from onrecord.ingest.warc import read_warc
from onrecord.model import Article

# A WARC response record without WARC-Target-URI (the WARC standard requires one).
NO_TARGET_URI = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 7\r\n\r\ngarbage"
STORY = "The mayor said on Thursday that the bridge would reopen in June."


def _not_internal(outcome: Article | ReadError) -> None:
    # The batch-level safety net says "internal error"; a reader must not need it.
    if isinstance(outcome, ReadError):
        assert "internal error" not in outcome.reason, outcome


def test_warc_response_without_target_uri_fails_alone() -> None:
    from test_warc import build_warc, page

    good = build_warc([("response", "text/html", page(2))], gzip=False)
    outcomes = list(
        read_warc(io.BytesIO(NO_TARGET_URI + b"\r\n\r\n" + good), "c.warc", max_bytes=10**6)
    )
    assert [type(o).__name__ for o in outcomes] == ["ReadError", "Article"]
    error = outcomes[0]
    assert isinstance(error, ReadError) and error.document == "c.warc:1"
    assert "WARC-Target-URI" in error.reason and "at byte 0" in error.reason
    assert "Story number 2" in outcomes[1].text  # type: ignore[union-attr]


def test_a_broken_warc_in_a_folder_does_not_end_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(NO_TARGET_URI)
    (tmp_path / "b.txt").write_text(STORY)
    outcomes = list(read_many([tmp_path]))
    assert [type(o).__name__ for o in outcomes] == ["ReadError", "Article"]
    assert outcomes[0].document == f"{tmp_path / 'a.warc'}:1"  # type: ignore[union-attr]
    _not_internal(outcomes[0])
    with pytest.raises(ReadError, match="WARC-Target-URI"):
        read(tmp_path / "a.warc")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"text": ' + b"[" * 100_000 + b"}", "nested too deeply"),
        (b'{"id": ' + b"9" * 5000 + b', "text": "hi"}', "number too long"),
    ],
    ids=["deep", "long-number"],
)
def test_jsonl_lines_that_break_the_json_parser(line: bytes, reason: str) -> None:
    good = b'{"text": "' + STORY.encode() + b'"}\n'
    outcomes = list(read_jsonl(io.BytesIO(line + b"\n" + good), "x.jsonl", max_bytes=10**7))
    assert [type(o).__name__ for o in outcomes] == ["ReadError", "Article"]
    assert outcomes[0].document == "x.jsonl:1" and reason in outcomes[0].reason  # type: ignore[union-attr]


@pytest.mark.parametrize("label", ["base64", "rot13", "zlib", "undefined", "hex"])
def test_a_declared_charset_that_is_not_a_text_encoding_is_not_used(label: str) -> None:
    data = "Café: the mayor said the bridge would reopen.".encode("cp1252")
    assert decode(data, "a.html", declared=label) == data.decode("cp1252")


def test_html_declaring_a_non_text_charset_is_read() -> None:
    page = (
        '<html><head><meta charset="base64"></head><body><p>Caf\xe9 owners said on Thursday'
        " that the bridge would reopen in June, after repairs.</p></body></html>"
    ).encode("cp1252")
    article = parse_html(page, source="x.html")
    assert "Café owners said" in article.text


def test_a_path_with_a_nul_character_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="cannot read it") as info:
        read("bad\x00name.txt")
    assert info.value.document == "bad\x00name.txt"


def test_a_reader_bug_fails_its_document_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import onrecord.ingest.sources as sources

    real = sources.parse_text

    def buggy(text: str, **kwargs: object) -> Article:
        if "BUG" in text:
            raise RuntimeError("a bug")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "parse_text", buggy)
    (tmp_path / "a.txt").write_text("BUG " + STORY)
    (tmp_path / "b.txt").write_text(STORY)
    outcomes = list(read_many([tmp_path]))
    assert [type(o).__name__ for o in outcomes] == ["ReadError", "Article"]
    error = outcomes[0]
    assert isinstance(error, ReadError) and error.document == str(tmp_path / "a.txt")
    assert "internal error, please report it" in error.reason and "a bug" in error.reason
    with pytest.raises(ReadError, match="internal error"):
        read(tmp_path / "a.txt")


@pytest.mark.parametrize(
    "feed",
    [
        # A character reference to a lone surrogate, in a feed loose enough for
        # feedparser's lenient parser, which then fails encoding it.
        b"<rss><channel><item><description>&#xD800; The mayor said the bridge would reopen."
        b" <b></description></item></channel></rss>",
        # An XML declaration whose encoding name is not UTF-8.
        b'<?xml version="1.0" encoding="\xff"?><rss><channel><item><description>x'
        b"</description></item></channel></rss>",
    ],
    ids=["surrogate", "encoding-name"],
)
def test_a_feed_feedparser_cannot_parse_is_a_read_error(feed: bytes) -> None:
    with pytest.raises(ReadError, match="not a readable feed") as info:
        list(read_feed(feed, "f.rss"))
    assert info.value.document == "f.rss"


def test_a_feed_entry_with_an_impossible_date_is_read_without_it() -> None:
    feed = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        b'<updated>0000-01-01T00:00:00Z</updated><content type="html">&lt;p&gt;'
        + STORY.encode()
        + b"&lt;/p&gt;</content></entry></feed>"
    )
    (entry,) = read_feed(feed, "f.atom")
    assert isinstance(entry, Article) and entry.updated is None and STORY in entry.text
