"""Generated text never breaks the analysis, and every offset it returns is valid."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.ingest.text import parse_text
from onrecord.model import Analysis, Article, AttributionKind, Block, BlockKind, Span
from onrecord.nlp import Annotator

QUOTE_MARKS = list("\"'“”‘’«»„‟‚‹›")
WORDS = [
    "The", "minister", "said", "told", "reporters", "that", "according", "to", "officials",
    "reportedly", "warned", "calls", "he", "she", "they", "Ukraine’s", "don't", "weapons",
    "on", "Thursday", "a", "fresh", "warning", "reports", "say", "added", "—", "(", ")",
]  # fmt: skip
PUNCTUATION = [".", ",", ":", ";", "?", "!", "…", " "]
SEPARATORS = [" ", " ", " ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\u00a0", "\t", "\n\n\n"]

SLOW = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


fragment = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(PUNCTUATION),
    st.text(min_size=1, max_size=6),
)
newsy_text = st.lists(
    st.tuples(fragment, st.sampled_from(SEPARATORS + [""])), min_size=0, max_size=120
).map(lambda pairs: "".join(word + sep for word, sep in pairs))


@st.composite
def quoted_text(draw: st.DrawFn) -> str:
    """Sentences with quotes, nested quotes and stray marks, across paragraphs."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        opening, closing = draw(st.sampled_from(["“”", '""', "«»", "‘’", "''", "„“"]))
        inner = draw(st.sampled_from(["‘’", "''", "“”", ""]))
        body = draw(newsy_text)
        nested = f"{inner[:1]}{draw(newsy_text)}{inner[1:]}" if inner else ""
        close = draw(st.sampled_from([closing, ""]))
        stray = draw(st.sampled_from(["", *QUOTE_MARKS]))
        paragraphs.append(f"{opening}{body} {nested}{close}, the minister said{stray}.")
    return draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"])).join(paragraphs)


def analysed(annotator: Annotator, article: Article) -> Analysis:
    analysis = annotator.analyze(article)
    assert analysis.error is None, analysis.error
    if article.text.strip():
        assert analysis.skipped is None
    return analysis


def assert_valid_span(text: str, span: Span) -> None:
    assert 0 <= span.start < span.end <= len(text)
    assert text[span.start : span.end] == span.text


def assert_valid(analysis: Analysis) -> None:
    text = analysis.article.text
    for attribution in analysis.attributions:
        assert attribution.content
        for part in attribution.content:
            assert_valid_span(text, part)
            assert part.text.strip()
        for span in (attribution.cue, attribution.source):
            if span is not None:
                assert_valid_span(text, span)
        assert isinstance(attribution.kind, AttributionKind)
        assert 0.0 <= attribution.confidence <= 1.0


def as_paragraphs(text: str) -> Article:
    """``text`` with one paragraph block per line, as an HTML reader would give."""
    blocks, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(BlockKind.PARAGRAPH, start, start + len(line)))
        start += len(line) + 1
    return Article(text=text, blocks=blocks, language="en")


@SLOW
@given(text=newsy_text)
def test_plain_text_with_random_marks(annotator: Annotator, text: str) -> None:
    assert_valid(analysed(annotator, parse_text(text, language="en")))


@SLOW
@given(text=quoted_text())
def test_quotes_nesting_and_stray_marks(annotator: Annotator, text: str) -> None:
    assert_valid(analysed(annotator, parse_text(text, language="en")))


@SLOW
@given(text=quoted_text())
def test_paragraph_blocks(annotator: Annotator, text: str) -> None:
    assert_valid(analysed(annotator, as_paragraphs(text)))


@SLOW
@given(text=st.text(max_size=400))
def test_random_unicode(annotator: Annotator, text: str) -> None:
    assert_valid(analysed(annotator, parse_text(text, language="en")))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph=quoted_text(), repeat=st.integers(1, 2))
def test_very_long_paragraphs(annotator: Annotator, paragraph: str, repeat: int) -> None:
    one_line = paragraph.replace("\r", " ").replace("\n", " ") + " "
    long = one_line * (12_000 // max(len(one_line), 1) + 1)
    text = "\n\n".join([long] * repeat)
    assert len(text) >= 10_000
    assert_valid(analysed(annotator, parse_text(text, language="en")))


def test_a_long_article_of_quotes_keeps_its_offsets(annotator: Annotator) -> None:
    paragraph = "“We will hold the line,” the minister said. "
    text = "\n\n".join(paragraph * 40 for _ in range(10))
    analysis = analysed(annotator, parse_text(text, language="en"))
    assert_valid(analysis)
    assert len(analysis.attributions) >= 100
