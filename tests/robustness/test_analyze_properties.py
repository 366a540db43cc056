"""Any article analyses without an escaped exception, to spans inside its text
(issue 21). Sized for CI; `onrecord bench fuzz` runs the nightly size."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.ingest import parse_html, parse_text
from onrecord.model import Analysis, Article, Span
from onrecord.nlp import Annotator
from onrecord.settings import Settings

CI = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MARKS = list("\"'“”‘’«»„‟‚‹›")
WORDS = [
    "said", "told", "the", "minister", "“We", "will", "not,”", "she", "added", "according",
    "to", "Mr.", "Smith", "U.S.", "—", "(", ")", ":", "…", "\n\n", "\n", "\t", "\u00a0",
    "\ufeff", "\u200b", "\x00", "\ud800", "’s", "1,000", "http://x.example/a", "#",
]  # fmt: skip
text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.text(max_size=8)), max_size=60
).map(" ".join)
html = text.map(lambda t: f"<html><body><p>{t}</p><p>{t[::-1]}</p></body></html>")


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    # Small pieces, so that short generated texts are cut too (bounds, not results).
    return Annotator(Settings(piece_chars=1_000))


def articles_of(texts: list[str], pages: list[str]) -> list[Article]:
    found = [parse_text(t) for t in texts]
    for page in pages:
        try:
            found.append(parse_html(page))
        except Exception:  # noqa: BLE001 - a page with no article is the reader's business
            continue
    return found


def assert_span(article_text: str, span: Span | None) -> int:
    if span is None:
        return 0
    assert 0 <= span.start < span.end <= len(article_text), span
    assert article_text[span.start : span.end] == span.text
    return 1


def assert_sound(analysis: Analysis, article: Article) -> None:
    assert analysis.article is article
    assert analysis.error is None, analysis.error  # an escaped exception is caught as one
    for attribution in analysis.attributions:
        for span in (*attribution.content, attribution.cue, attribution.source):
            assert_span(article.text, span)
    json.dumps(analysis.to_dict(), ensure_ascii=False).encode("utf-8")


@CI
@given(st.lists(text, min_size=1, max_size=3), st.lists(html, max_size=1))
def test_any_article_analyses_to_spans_in_its_text(
    annotator: Annotator, texts: list[str], pages: list[str]
) -> None:
    articles = articles_of(texts, pages)
    analyses = list(annotator.analyze_many(articles))
    assert len(analyses) == len(articles)
    for analysis, article in zip(analyses, articles, strict=True):
        assert_sound(analysis, article)


@CI
@given(st.lists(st.sampled_from([*MARKS, " ", "\n\n", "x", "said"]), max_size=400).map("".join))
def test_any_run_of_quotation_marks_analyses(annotator: Annotator, marks: str) -> None:
    article = parse_text(marks or " ")
    assert_sound(annotator.analyze(article), article)
