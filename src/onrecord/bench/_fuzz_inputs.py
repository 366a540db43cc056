"""Hostile documents for ``onrecord bench fuzz``, from a seed: the same seed, the same bytes.

Every document is one of the formats onrecord reads (text, HTML, JSON Lines, WARC
and WARC.gz, RSS), built from news-like text and hostile pieces (quotation marks,
control characters, lone surrogates, marked sections, deep nesting, broken
escapes), and then, half the time, damaged: bytes flipped, cut, inserted or
repeated. A tenth are random bytes under a format's name.
"""

from __future__ import annotations

import gzip
import io
import json
import random
from collections.abc import Callable, Iterator

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

__all__ = ["documents", "newsy_text"]

STORY = (
    "The mayor said on Thursday that the bridge would reopen in June. “We are ready,” "
    "she told reporters, according to a statement. Critics called it “a tax on "
    "families,” the council said."
)
HOSTILE = (
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "\x00", "\x1b", "\x7f", "\ufeff",
    "\u202e", "\u200b", "\r", "\n\n", "\t", "\ud800", "\udfff", "<![Cv x]>", "<![CDATA[",
    "]]>", "<!--", "-->", "&#xD800;", "&#0;", "&amp", "<div>", "</p>", "<p>", "<br/>",
    "<script>", "\\ud800", "\\u0000", "{", "}", "[", "WARC/1.0\r\n", "\x1f\x8b\x08",
    "said", "told", "according to", "—", "…", "Mr.", "U.S.", "(", ")", ":", ";",
)  # fmt: skip
_TAGS = ("p", "div", "article", "span", "h1", "h2", "figure", "figcaption", "b", "li", "table")
_SUFFIXES = {"text": ".txt", "html": ".html", "jsonl": ".jsonl", "feed": ".rss"}


def documents(seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    """``count`` documents as (file name, bytes), the format cycling with each."""
    rng = random.Random(seed)
    makers: tuple[tuple[str, Callable[[random.Random], bytes]], ...] = (
        ("text", _text_document),
        ("html", lambda r: _utf8(_html(r))),
        ("jsonl", _jsonl),
        ("warc", _warc),
        ("feed", _feed),
    )
    for number in range(count):
        kind, make = makers[number % len(makers)]
        data = bytes(rng.randbytes(rng.randint(0, 400))) if rng.random() < 0.1 else make(rng)
        if rng.random() < 0.5:
            data = _damaged(rng, data)
        suffix = ".warc.gz" if kind == "warc" and data[:2] == b"\x1f\x8b" else ".warc"
        yield f"{number:07d}{_SUFFIXES.get(kind, suffix)}", data


def newsy_text(rng: random.Random, pieces: int = 40) -> str:
    """Text of the story's words, hostile pieces and odd characters."""
    words = STORY.split()
    out = []
    for _ in range(rng.randint(1, pieces)):
        roll = rng.random()
        if roll < 0.55:
            out.append(rng.choice(words))
        elif roll < 0.85:
            out.append(rng.choice(HOSTILE))
        else:
            out.append(_odd_characters(rng))
    return rng.choice((" ", "", "\n")).join(out)


def _odd_characters(rng: random.Random) -> str:
    ranges = ((0x20, 0x7F), (0x80, 0x2FF), (0x2000, 0x206F), (0xD800, 0xDFFF), (0x1F600, 0x1F64F))
    low, high = rng.choice(ranges)
    return "".join(chr(rng.randint(low, high)) for _ in range(rng.randint(1, 6)))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate as the bytes it would be


def _text_document(rng: random.Random) -> bytes:
    text = "\n\n".join(newsy_text(rng) for _ in range(rng.randint(1, 4)))
    encoding = rng.choice(("utf-8", "utf-8", "utf-16", "latin-1", "cp1252", "utf-8-sig"))
    return _utf8(text) if encoding == "utf-8" else text.encode(encoding, "replace")


def _html(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 15)):
        roll = rng.random()
        tag = rng.choice(_TAGS)
        if roll < 0.3:
            parts.append(f"<{tag}>{newsy_text(rng, 20)}</{tag}>")
        elif roll < 0.5:
            parts.append(f"<{tag}>" if rng.random() < 0.5 else f"</{tag}>")
        elif roll < 0.55:
            parts.append("<div>" * rng.randint(200, 400))  # past libxml2's depth
        elif roll < 0.75:
            parts.append(newsy_text(rng, 10))
        else:
            parts.append(f"<p>{STORY}</p>")
    title = newsy_text(rng, 5)
    return f"<html><head><title>{title}</title></head><body>{''.join(parts)}</body></html>"


def _json_value(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return rng.choice((None, True, 0, -1, 2**70, 1.5e308, newsy_text(rng, 8), ""))
    if roll < 0.75:
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {newsy_text(rng, 2): _json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def _jsonl(rng: random.Random) -> bytes:
    lines = []
    for _ in range(rng.randint(1, 4)):
        record: dict[str, object] = {}
        for key in ("text", "html", "id", "title", "published", "url", "article", "blocks"):
            if rng.random() < 0.35:
                record[key] = _json_value(rng)
        if rng.random() < 0.6:
            record["text"] = newsy_text(rng)
        elif rng.random() < 0.5:
            record["html"] = _html(rng)
        lines.append(json.dumps(record) if rng.random() < 0.9 else newsy_text(rng, 10))
    return _utf8("\n".join(lines))


def _warc(rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=rng.random() < 0.5)
    for number in range(rng.randint(1, 3)):
        content_type = rng.choice(("text/html", "text/html; charset=latin-1", "text/plain"))
        http = StatusAndHeaders(
            rng.choice(("200 OK", "200 OK", "404 Not Found")),
            [("Content-Type", content_type)],
            protocol="HTTP/1.1",
        )
        fixed = {
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "WARC-Date": "2024-05-30T12:00:00Z",
        }
        record = writer.create_warc_record(
            f"https://news.example/{number}",
            "response",
            payload=io.BytesIO(_utf8(_html(rng))),
            http_headers=http,
            warc_headers_dict=fixed,
        )
        writer.write_record(record)
    return buffer.getvalue()


def _feed(rng: random.Random) -> bytes:
    items = []
    for _ in range(rng.randint(0, 4)):
        if rng.random() < 0.5:
            items.append(f"<item><description><![CDATA[{_html(rng)}]]></description></item>")
        else:
            text = newsy_text(rng, 10)
            items.append(f"<item><title>{text}</title><pubDate>{text}</pubDate></item>")
    return _utf8(f"<rss><channel><title>News</title>{''.join(items)}</channel></rss>")


def _damaged(rng: random.Random, data: bytes) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(damaged))
        change = rng.random()
        if change < 0.3 and at < len(damaged):
            damaged[at] ^= rng.randint(1, 255)
        elif change < 0.5:
            del damaged[at:]
        elif change < 0.75:
            damaged[at:at] = _utf8(rng.choice(HOSTILE))
        elif change < 0.9:
            damaged[at:at] = damaged[at : at + rng.randint(1, 200)]
        else:
            damaged[at:] = gzip.compress(bytes(damaged[at:]), mtime=0)
    return bytes(damaged)
