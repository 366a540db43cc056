"""What fuzzing the readers found (issue 21), each pinned at its root."""

from __future__ import annotations

import gzip
import io
import itertools
import json

import pytest
from robust_inputs import page, warc_of

from onrecord.errors import ReadError
from onrecord.ingest import parse_text
from onrecord.ingest._deep_markup import flatten
from onrecord.ingest.html import parse_html
from onrecord.ingest.jsonl import read_jsonl
from onrecord.ingest.warc import read_warc
from onrecord.model import Article, valid_unicode

RECORDS = [warc_of([page(n)], gzip=False) for n in (1, 2, 3)]
STORY = "The mayor said on Thursday that the bridge would reopen in June after the repairs."


def test_a_damaged_warc_gz_is_read_to_its_end_not_round_and_round() -> None:
    # A gzip member holding the start of a record, then one holding two whole records
    # (not one a member, as WARC.gz wants): warcio placed the end of a record before its
    # start, and reading resumed where it had begun, for ever.
    data = gzip.compress(RECORDS[0][:100]) + gzip.compress(RECORDS[1] + RECORDS[2])
    outcomes = list(itertools.islice(read_warc(io.BytesIO(data), "c.warc.gz", max_bytes=10**6), 50))
    assert len(outcomes) < 10
    numbers = [int(str(o.source if isinstance(o, Article) else o.document).rsplit(":", 1)[1])
               for o in outcomes]  # fmt: skip
    assert numbers == sorted(set(numbers)), "a record was read twice"
    assert any(isinstance(o, Article) for o in outcomes)


@pytest.mark.parametrize("zipped", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [150, 450])  # in the record's HTTP headers; in its page
def test_a_truncated_warc_record_is_a_read_error(zipped: bool, cut: int) -> None:
    whole = RECORDS[0] + RECORDS[1]
    data = RECORDS[0] + RECORDS[1][:cut]
    if zipped:
        data = gzip.compress(RECORDS[0]) + gzip.compress(RECORDS[1][:cut])
    outcomes = list(read_warc(io.BytesIO(data), "t.warc", max_bytes=10**6))
    assert len(whole) > len(data) - 40 * zipped
    assert isinstance(outcomes[0], Article) and "Story number 1" in outcomes[0].text
    (error,) = outcomes[1:]
    assert isinstance(error, ReadError) and error.document == "t.warc:2"
    assert "truncated" in error.reason
    if not zipped:
        assert f"at byte {len(RECORDS[0])}" in error.reason


def test_lone_surrogates_in_jsonl_are_replaced_not_refused() -> None:
    line = json.dumps(
        {"text": "The mayor \ud800said hello.", "title": "Bridge \udfff", "id": "x\udc00"}
    ).encode()
    (article,) = read_jsonl(io.BytesIO(line), "s.jsonl", max_bytes=10**6)
    assert isinstance(article, Article)
    assert article.text == "The mayor \ufffdsaid hello."
    assert article.title == "Bridge \ufffd" and article.external_id == "x\ufffd"
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")  # it can be written


def test_a_surrogate_pair_escape_is_kept_and_an_escaped_backslash_is_not_read_as_one() -> None:
    line = b'{"text": "ok \\ud83d\\ude00 and \\\\ud800 as written"}'
    (article,) = read_jsonl(io.BytesIO(line), "s.jsonl", max_bytes=10**6)
    assert isinstance(article, Article) and article.text == "ok \U0001f600 and \\ud800 as written"


def test_lone_surrogates_in_html_and_in_an_article_are_replaced() -> None:
    html = f"<html><body><p>{STORY[:9]}\udc00{STORY[9:]}</p></body></html>"
    assert STORY[9:] in parse_html(html).text  # libxml2 stopped reading at the surrogate
    article = Article(text="\ud800 x")
    assert article.text == "\ufffd x" and article.id
    assert parse_text(f"{STORY}\ud800").text.endswith("\ufffd")
    assert valid_unicode("a\ud83d\ude00b") == "a\ufffd\ufffdb"  # a pair in a str is two lone ones


@pytest.mark.parametrize("section", ["<![Cv x]>", "<![ x>", "<![Cvx]]>", "<![if !IE]>"])
def test_an_unknown_marked_section_in_deep_markup_is_a_bogus_comment(section: str) -> None:
    # Python's html.parser raised AssertionError on these; HTML reads them as comments.
    depth = 300  # deeper than libxml2 goes, so that the page is flattened
    page_html = f"<html><body>{'<div>' * depth}{section}<p>{STORY}</p>{'</div>' * depth}"
    article = parse_html(page_html)
    assert article.text == STORY
    assert flatten(f"<p>a{section}b</p>") == "<p>ab</p>"
    assert flatten("<p><![CDATA[x < y]]></p>") == "<p>x &lt; y</p>"
