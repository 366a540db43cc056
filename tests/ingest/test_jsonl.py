"""JSON Lines: records kept exactly, metadata winning, bad lines failing alone."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.ingest.jsonl import read_jsonl
from onrecord.model import Analysis, Article

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "jsonl" / "articles.jsonl"


@pytest.fixture(scope="module")
def outcomes() -> list[Article | ReadError]:
    with FIXTURE.open("rb") as lines:
        return list(read_jsonl(lines, "articles.jsonl", max_bytes=1_000_000))


def test_good_lines_and_bad_lines_both_come_back(outcomes: list[Article | ReadError]) -> None:
    names = [o.document if isinstance(o, ReadError) else o.source for o in outcomes]
    assert names == [f"articles.jsonl:{n}" for n in (1, 2, 3, 4, 6)]
    assert [isinstance(o, Article) for o in outcomes] == [True, True, False, False, True]


def test_text_record_is_kept_exactly_with_its_metadata(outcomes: list[Article | ReadError]) -> None:
    article = outcomes[0]
    assert isinstance(article, Article)
    expected = (
        "Bridge to reopen\r\n\r\n"
        "The mayor said on Thursday that the bridge would reopen in June.\r\n"
    )
    assert article.text == expected
    assert article.external_id == "a1"
    assert article.url == "https://gazette.example/a1"
    assert article.outlet == "The Riverton Gazette"
    assert article.title == "Bridge to reopen"
    assert article.published is not None and article.published.utcoffset() is not None
    assert article.language == "en"


def test_html_record_goes_through_the_html_reader(outcomes: list[Article | ReadError]) -> None:
    article = outcomes[1]
    assert isinstance(article, Article)
    assert article.external_id == "2"
    assert "Ferry fares will rise by ten per cent" in article.text


def test_bad_lines_say_why(outcomes: list[Article | ReadError]) -> None:
    assert isinstance(outcomes[2], ReadError) and "not valid JSON" in outcomes[2].reason
    assert isinstance(outcomes[3], ReadError) and "'text' or an 'html'" in outcomes[3].reason
    assert str(outcomes[2]).startswith("articles.jsonl:3: ")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"[1, 2]", "expected a JSON object"),
        (b'{"text": ""}', "empty 'text'"),
        (b'{"text": "x", "title": 5}', "'title' must be a string"),
        (b'{"text": "x", "id": [1]}', "'id' must be a string or an integer"),
        (b'{"text": "x", "published": "last Tuesday"}', "not an ISO 8601 date"),
        (b'{"text": "caf\xe9"}', "not UTF-8"),
        (b'{"text": "' + b"x" * 200 + b'"}', "too large"),
    ],
)
def test_each_bad_record_has_a_clear_reason(line: bytes, reason: str) -> None:
    (outcome,) = read_jsonl(io.BytesIO(line), "b.jsonl", max_bytes=100)
    assert isinstance(outcome, ReadError)
    assert outcome.document == "b.jsonl:1"
    assert reason in outcome.reason


def test_bom_on_the_first_line_is_accepted() -> None:
    (article,) = read_jsonl(io.BytesIO(b'\xef\xbb\xbf{"text": "hello"}'), "b.jsonl", max_bytes=100)
    assert isinstance(article, Article) and article.text == "hello"


def _lines(*records: dict[str, object]) -> list[Article | ReadError]:
    data = "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")
    return list(read_jsonl(io.BytesIO(data), "out.jsonl", max_bytes=1_000_000))


def test_an_analysis_or_article_record_gives_back_its_article_whole() -> None:
    article = Article("Bridge\n\nThe mayor said it would open.", external_id="a1", url="u")
    article.published = datetime(2024, 5, 30)
    analysis = Analysis(article).to_dict(with_article=True)
    from_analysis, from_article = _lines(analysis, article.to_dict())
    for read in (from_analysis, from_article):
        assert isinstance(read, Article)
        assert read.to_dict() == article.to_dict()


def test_an_analysis_without_its_article_or_with_a_bad_one_fails_alone() -> None:
    article = Article("The mayor said it would open.")
    bare, bad = _lines(Analysis(article).to_dict(), {"article": {"text": 3}})
    assert isinstance(bare, ReadError) and "without its article" in bare.reason
    assert isinstance(bad, ReadError) and "Article.text" in bad.reason
