"""Any bytes, in any of the formats, read to valid Articles or to ReadErrors that name the
document, never to another exception (issue 21). Sized for CI: a few hundred documents;
`onrecord bench fuzz` runs the nightly size."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_inputs import page, warc_of

from conftest import assert_valid_blocks
from onrecord.errors import ReadError
from onrecord.ingest import read_many
from onrecord.model import Article

CI = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
STORY = "The mayor said on Thursday that the bridge would reopen in June after the repairs."
# Pieces of hostile text: quotation marks, controls, surrogates, markup, escapes.
HOSTILE = [
    "“", "”", '"', "'", "\x00", "\x1b", "\ufeff", "\ud800", "\udfff", "\u202e", "\r",
    "\n\n", "<![Cv", "<![CDATA[", "<!--", "&#xD800;", "&#0;", "<div>", "</p>", "<p>",
    "\\ud800", "\\u0000", "{", "[", "WARC/1.0\r\n", "\x1f\x8b\x08",
]  # fmt: skip
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20), st.just(STORY)), max_size=30
).map("".join)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate as the bytes it would be


def any_bytes(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Raw bytes, or text in UTF-8."""
    return st.one_of(st.binary(max_size=300), text.map(_utf8))


def read_one(name: str, data: bytes) -> list[Article | ReadError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        outcomes = list(read_many([path]))  # would raise on an escaped exception
        assert outcomes, "a document gives an article or an error"
        for outcome in outcomes:
            assert_outcome(outcome, str(path))
    return outcomes


def assert_outcome(outcome: Article | ReadError, document: str) -> None:
    if isinstance(outcome, ReadError):
        assert outcome.document.startswith(document), outcome
        assert "internal error" not in outcome.reason, outcome
        return
    assert isinstance(outcome, Article)
    assert outcome.text.strip()
    assert_valid_blocks(outcome)
    written = json.dumps(outcome.to_dict(), ensure_ascii=False).encode("utf-8")
    assert Article.from_dict(json.loads(written)) == outcome


@CI
@given(any_bytes(hostile_text))
def test_text(data: bytes) -> None:
    read_one("a.txt", data)


tags = st.sampled_from(["p", "div", "article", "span", "h1", "figure", "figcaption", "b"])
html_piece = st.one_of(
    tags.map(lambda t: f"<{t}>"),
    tags.map(lambda t: f"</{t}>"),
    hostile_text,
    st.just(f"<p>{STORY}</p>"),
    st.integers(200, 400).map(lambda depth: "<div>" * depth),  # past libxml2's depth
)
html_page = st.lists(html_piece, max_size=20).map(lambda parts: f"<html><body>{''.join(parts)}")


@CI
@given(any_bytes(html_page))
def test_html(data: bytes) -> None:
    read_one("a.html", data)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
record = st.fixed_dictionaries(
    {},
    optional={
        "text": hostile_text,
        "html": html_page,
        "id": st.one_of(st.integers(), hostile_text, json_value),
        "title": st.one_of(hostile_text, json_value),
        "published": st.one_of(st.just("2024-05-30"), hostile_text, json_value),
        "article": json_value,
    },
)
jsonl_line = st.one_of(
    record.map(json.dumps), json_value.map(json.dumps), hostile_text, st.just(json.dumps(STORY))
)


@CI
@given(st.lists(jsonl_line, min_size=1, max_size=5).map("\n".join).map(_utf8))
def test_jsonl(data: bytes) -> None:
    read_one("a.jsonl", data)  # json.dumps writes a lone surrogate as an escape


@st.composite
def damaged_warc(draw: st.DrawFn) -> bytes:
    zipped = draw(st.booleans())
    bodies = draw(st.lists(st.one_of(st.just(page(1)), any_bytes(html_page)), max_size=3))
    data = bytearray(warc_of(bodies, gzip=zipped))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        change = draw(st.sampled_from(["cut", "flip", "insert", "zip"]))
        if change == "cut":
            del data[at:]
        elif change == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif change == "insert":
            data[at:at] = draw(st.binary(max_size=40)) or b"WARC/1.0\r\n"
        else:
            data[at:] = gzip.compress(bytes(data[at:]), mtime=0)
    return bytes(data)


@CI
@given(damaged_warc())
def test_warc(data: bytes) -> None:
    read_one("a.warc.gz", data)


item = st.one_of(
    html_page.map(lambda h: f"<item><description><![CDATA[{h}]]></description></item>"),
    hostile_text.map(lambda t: f"<item><title>{t}</title><link>{t}</link></item>"),
    st.just(f"<item><description>{STORY}</description><pubDate>junk</pubDate></item>"),
)
feed = st.lists(item, max_size=4).map(lambda items: f"<rss><channel>{''.join(items)}")


@CI
@given(any_bytes(feed))
def test_feed(data: bytes) -> None:
    read_one("a.rss", data)
