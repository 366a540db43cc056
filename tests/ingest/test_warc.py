"""WARC and WARC.gz archives built here with warcio's writer."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.errors import ReadError
from onrecord.ingest.warc import read_warc
from onrecord.model import Article

PAGE = (
    "<html><head><title>Story {n}</title></head><body><article><p>Story number {n}: the"
    " council said on Monday that the new park would open in the spring, after a vote.</p>"
    "</article></body></html>"
)


def build_warc(records: list[tuple[str, str, bytes]], *, gzip: bool) -> bytes:
    """A WARC of (record type, content type, body) records."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number, (rec_type, content_type, body) in enumerate(records, start=1):
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://news.example/{number}",
            rec_type,
            payload=io.BytesIO(body),
            http_headers=http if rec_type == "response" else None,
        )
        writer.write_record(record)
    return buffer.getvalue()


def page(n: int) -> bytes:
    return PAGE.format(n=n).encode()


MIXED = [
    ("response", "text/html; charset=utf-8", page(1)),
    ("response", "image/png", b"\x89PNG\r\n"),
    ("resource", "text/html", page(99)),
    ("response", "text/html", page(4)),
]


@pytest.mark.parametrize("gzip", [False, True])
def test_html_responses_only(gzip: bool) -> None:
    outcomes = list(read_warc(io.BytesIO(build_warc(MIXED, gzip=gzip)), "c.warc", max_bytes=10**6))
    assert all(isinstance(o, Article) for o in outcomes)
    articles = [o for o in outcomes if isinstance(o, Article)]
    assert [a.url for a in articles] == ["https://news.example/1", "https://news.example/4"]
    assert [a.source for a in articles] == ["c.warc:1", "c.warc:4"]
    assert "Story number 4" in articles[1].text


def test_broken_record_fails_alone() -> None:
    data = build_warc([("response", "text/html", page(n)) for n in (1, 2, 3)], gzip=False)
    second = data.index(b"WARC/1.", 10)
    broken = data[:second] + b"GARBAGE" + data[second + 7 :]
    outcomes = list(read_warc(io.BytesIO(broken), "c.warc", max_bytes=10**6))
    assert [type(o).__name__ for o in outcomes] == ["Article", "ReadError", "Article"]
    error = outcomes[1]
    assert isinstance(error, ReadError) and error.document == "c.warc:2"
    assert "broken WARC record" in error.reason
    assert "Story number 3" in outcomes[2].text  # type: ignore[union-attr]


def test_stray_bytes_after_a_record_are_a_warning_naming_it(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    data = build_warc([("response", "text/html", page(n)) for n in (1, 2)], gzip=False)
    second = data.index(b"WARC/1.", 10)
    # Bytes the first record's Content-Length does not count, before the blank line.
    damaged = data[: second - 4] + b"stray \x80 bytes" + data[second - 4 :]
    with caplog.at_level("WARNING", logger="onrecord.ingest.warc"):
        outcomes = list(read_warc(io.BytesIO(damaged), "c.warc", max_bytes=10**6))
    assert [type(o).__name__ for o in outcomes] == ["Article", "Article"]
    assert [r.getMessage().split(":")[0:2] for r in caplog.records] == [["c.warc", "1"]]
    assert "Content-Length may be wrong" in caplog.records[0].getMessage()
    assert "Record not followed" not in capsys.readouterr().err  # warcio's raw warning


def test_broken_gzip_member_fails_alone() -> None:
    members = [build_warc([("response", "text/html", page(n))], gzip=True) for n in (1, 2, 3)]
    damaged = members[1][:20] + b"\x00" * 40 + members[1][60:]
    outcomes = list(
        read_warc(io.BytesIO(members[0] + damaged + members[2]), "c.warc.gz", max_bytes=10**6)
    )
    assert isinstance(outcomes[0], Article) and isinstance(outcomes[-1], Article)
    assert any(isinstance(o, ReadError) for o in outcomes)
    assert "Story number 3" in outcomes[-1].text  # type: ignore[union-attr]


def test_oversized_record_fails_alone() -> None:
    data = build_warc([("response", "text/html", page(1) + b" " * 5000), MIXED[3]], gzip=True)
    outcomes = list(read_warc(io.BytesIO(data), "c.warc.gz", max_bytes=2000))
    assert isinstance(outcomes[0], ReadError) and "too large" in outcomes[0].reason
    assert isinstance(outcomes[1], Article)


def test_not_a_warc_at_all() -> None:
    (outcome,) = read_warc(io.BytesIO(b"hello, I am plain text"), "x.warc", max_bytes=10**6)
    assert isinstance(outcome, ReadError) and "not a WARC file" in outcome.reason
