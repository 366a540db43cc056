"""The annotator gives each analysis as soon as it is done, and a bad article fails alone.

The parser is wrapped here (the real one runs) to count what it has parsed and, for
the failure test, to break on one article as a bug in a component would.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from onrecord.ingest import parse_text
from onrecord.model import Article
from onrecord.nlp import Annotator, annotator
from onrecord.nlp.document import ParsedArticle, parse_articles
from onrecord.settings import Settings

TEXTS = [f"Mayor Lee said bridge {n} would open." for n in range(5)]


@pytest.fixture(scope="module")
def small_chunks() -> Annotator:
    return Annotator(Settings.load({"chunk_size": 5, "batch_size": 1}))


def test_the_first_analysis_comes_before_the_chunk_is_parsed(
    small_chunks: Annotator, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []

    def counting(nlp: Any, articles: Iterable[Article], **kwargs: Any) -> Iterator[ParsedArticle]:
        for item in parse_articles(nlp, articles, **kwargs):
            parsed.append(item.article.text)
            yield item

    monkeypatch.setattr(annotator, "parse_articles", counting)
    analyses = small_chunks.analyze_many(parse_text(t) for t in TEXTS)
    first = next(analyses)
    assert first.article.text == TEXTS[0] and first.attributions
    assert len(parsed) < len(TEXTS)  # the rest of the chunk is still to come
    assert [a.article.text for a in analyses] == TEXTS[1:]


def test_a_failing_article_fails_alone_and_the_others_keep_their_order(
    small_chunks: Annotator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def breaking(nlp: Any, articles: Iterable[Article], **kwargs: Any) -> Iterator[ParsedArticle]:
        for item in parse_articles(nlp, articles, **kwargs):
            if "bridge 2" in item.article.text:
                raise RuntimeError("a component broke")
            yield item

    monkeypatch.setattr(annotator, "parse_articles", breaking)
    analyses = list(small_chunks.analyze_many(parse_text(t) for t in TEXTS))
    assert [a.article.text for a in analyses] == TEXTS
    assert [a.error is not None for a in analyses] == [False, False, True, False, False]
    assert "a component broke" in (analyses[2].error or "")
    assert all(a.attributions for n, a in enumerate(analyses) if n != 2)
