"""Dispatch of inputs to readers, and the public read / read_many API."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onrecord.ingest as ingest
from conftest import assert_valid_blocks
from onrecord.errors import ReadError
from onrecord.ingest import read, read_many
from onrecord.ingest.sources import Kind, sniff_kind
from onrecord.model import Article
from onrecord.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLAIN = "Bridge to reopen\r\n\r\nThe mayor said on Thursday that the bridge would reopen.\r\n"


def test_public_names() -> None:
    assert set(ingest.__all__) == {"read", "read_document", "read_many", "parse_text", "parse_html"}


@pytest.mark.parametrize(
    "name", ["jsonl/articles.jsonl", "text/glued_layout.txt", "html/bridge.html"]
)
def test_a_files_bytes_read_as_the_file(name: str) -> None:
    path = FIXTURES / name
    by_path = list(ingest.read_many([str(path)]))
    by_bytes = list(ingest.read_document(path.read_bytes(), str(path)))
    assert [_outcome(item) for item in by_bytes] == [_outcome(item) for item in by_path]
    assert any(isinstance(item, Article) for item in by_bytes)


def _outcome(item: Article | ReadError) -> object:
    return item.to_dict() if isinstance(item, Article) else (item.document, item.reason)


def test_plain_text_file_keeps_crlf_and_gets_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "bridge-story.txt"
    path.write_bytes(PLAIN.encode())
    (article,) = read(path)
    assert article.text == PLAIN
    assert article.external_id == "bridge-story"
    assert article.source == str(path)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.1\r\n", Kind.WARC),
        (b"\x1f\x8b\x08\x00", Kind.WARC),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', Kind.FEED),
        (b'<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">', Kind.FEED),
        (b"<rdf:RDF xmlns:rdf=", Kind.FEED),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", Kind.HTML),
        (b"  <div><p>hi</p></div>", Kind.HTML),
        (b'{"text": "hi"}\n', Kind.JSONL),
        (b"Headline\n\nThe mayor said <b> is bold.", Kind.TEXT),
    ],
)
def test_sniffing(head: bytes, kind: Kind) -> None:
    assert sniff_kind(head) is kind


def test_html_file_by_sniffing_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_bytes((FIXTURES / "html" / "bridge.html").read_bytes())
    (article,) = read(path)
    assert article.outlet == "The Riverton Gazette"
    assert article.external_id == "page"


def test_directory_reads_its_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second story text here.")
    (tmp_path / "a.txt").write_text("First story text here.")
    (tmp_path / ".hidden").write_text("not read")
    (tmp_path / "sub").mkdir()
    assert [a.external_id for a in read(tmp_path)] == ["a", "b"]


def test_feed_and_jsonl_files_yield_many(tmp_path: Path) -> None:
    feed = list(read_many([FIXTURES / "feeds" / "gazette.rss"]))
    assert [type(o).__name__ for o in feed] == ["Article", "Article", "ReadError"]
    jsonl = list(read_many([FIXTURES / "jsonl" / "articles.jsonl"]))
    assert sum(isinstance(o, Article) for o in jsonl) == 3
    assert sum(isinstance(o, ReadError) for o in jsonl) == 2


def test_warc_gz_file(tmp_path: Path) -> None:
    from test_warc import build_warc, page

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc([("response", "text/html", page(7))], gzip=True))
    (article,) = read(path)
    assert article.url == "https://news.example/1" and article.source == f"{path}:1"


def test_read_raises_and_read_many_goes_on(tmp_path: Path) -> None:
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "bin.txt"
    good.write_text("A good story about the town.")
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(ReadError, match="empty document"):
        read(empty)
    outcomes = list(read_many([empty, good, binary, tmp_path / "missing.txt"]))
    assert [type(o).__name__ for o in outcomes] == [
        "ReadError",
        "Article",
        "ReadError",
        "ReadError",
    ]
    reasons = [o.reason for o in outcomes if isinstance(o, ReadError)]
    assert "empty" in reasons[0] and "binary" in reasons[1] and "No such file" in reasons[2]


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(ReadError, match="too large: 5000 bytes"):
        read(path, Settings(max_bytes=1000))


def test_empty_warc_and_gzip_garbage(tmp_path: Path) -> None:
    (tmp_path / "e.warc").write_bytes(b"")
    (tmp_path / "g.warc.gz").write_bytes(gzip.compress(b"not a warc"))
    outcomes = list(read_many(sorted(tmp_path.iterdir())))
    assert all(isinstance(o, ReadError) for o in outcomes) and len(outcomes) == 2


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = type("Stdin", (), {"buffer": io.BytesIO(PLAIN.encode())})()
    monkeypatch.setattr(sys, "stdin", fake)
    (article,) = read("-")
    assert article.text == PLAIN and article.source == "<stdin>"


def test_url_source_refused_by_default() -> None:
    with pytest.raises(ReadError, match="refused"):
        read("http://127.0.0.1:9/story")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=400) | st.text(max_size=400).map(str.encode),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".rss", ""]),
)
def test_any_file_gives_articles_or_read_errors(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        articles = read(path)
    except ReadError as exc:
        assert exc.reason
    else:
        for article in articles:
            assert_valid_blocks(article)


@pytest.mark.shared
def test_shared_corpora_read_without_errors(topical_dir: Path, polnear_dir: Path) -> None:
    sources = [topical_dir / "articles", polnear_dir / "dev" / "text"]
    outcomes = list(read_many(sources))
    errors = [o for o in outcomes if isinstance(o, ReadError)]
    assert not errors
    for article in outcomes:
        assert_valid_blocks(article)  # type: ignore[arg-type]
