"""The pipeline's view of an article and the offset map back to the article text."""

from __future__ import annotations

import pytest

from onrecord.model import Article, Block, BlockKind
from onrecord.nlp.textview import SEPARATOR, Segment, analysed_ranges, build_view

TITLE = "Bridge to open in March"
BYLINE = "By Jane Roe"
PARAGRAPH_1 = "The mayor said\r\nthe bridge\u00a0would open."
CAPTION = "The old bridge at dusk. (John Doe/Reuters)"
BOILERPLATE = "Leave a Reply"
PARAGRAPH_2 = "Residents\twelcomed it."


def article_of(*parts: tuple[BlockKind, str], credit: str | None = "John Doe/Reuters") -> Article:
    """An article whose blocks are ``parts`` joined by newlines."""
    text, blocks, cursor = "", [], 0
    for kind, part in parts:
        if text:
            text += "\n"
            cursor += 1
        text += part
        block_credit = credit if kind is BlockKind.CAPTION else None
        blocks.append(Block(kind, cursor, cursor + len(part), block_credit))
        cursor += len(part)
    return Article(text=text, blocks=blocks)


@pytest.fixture
def article() -> Article:
    return article_of(
        (BlockKind.TITLE, TITLE),
        (BlockKind.BYLINE, BYLINE),
        (BlockKind.PARAGRAPH, PARAGRAPH_1),
        (BlockKind.CAPTION, CAPTION),
        (BlockKind.BOILERPLATE, BOILERPLATE),
        (BlockKind.PARAGRAPH, PARAGRAPH_2),
    )


def test_view_joins_analysed_blocks_and_skips_the_rest(article: Article) -> None:
    view = build_view(article)
    assert view.text.split(SEPARATOR) == [
        TITLE,
        "The mayor said  the bridge would open.",
        "The old bridge at dusk.",
        "Residents welcomed it.",
    ]
    assert BYLINE not in view.text
    assert BOILERPLATE not in view.text


def test_whitespace_is_kept_one_for_one(article: Article) -> None:
    view = build_view(article)
    paragraph = view.text.split(SEPARATOR)[1]
    assert len(paragraph) == len(PARAGRAPH_1)


def test_caption_credit_is_trimmed(article: Article) -> None:
    view = build_view(article)
    assert "Reuters" not in view.text
    assert "(" not in view.text


def test_caption_keeps_a_parenthesis_that_is_not_its_credit() -> None:
    article = article_of((BlockKind.CAPTION, CAPTION), credit="Someone Else/AP")
    assert build_view(article).text == CAPTION


def test_every_view_character_maps_to_its_article_character(article: Article) -> None:
    view = build_view(article)
    for seg in view.segments:
        for k in range(seg.length):
            view_char = view.text[seg.view_start + k]
            article_char = article.text[view.to_article(seg.view_start + k)]
            assert view_char == article_char or (view_char == " " and article_char.isspace())


def test_segments_point_at_their_blocks(article: Article) -> None:
    view = build_view(article)
    for seg in view.segments:
        view_part = view.text[seg.view_start : seg.view_start + seg.length]
        article_part = article.text[seg.article_start : seg.article_start + seg.length]
        assert view_part == "".join(" " if c.isspace() else c for c in article_part)


def test_span_round_trips_to_the_same_words(article: Article) -> None:
    view = build_view(article)
    start = view.text.index("the bridge would open")
    a_start, a_end = view.span_to_article(start, start + len("the bridge would open"))
    assert article.text[a_start:a_end] == "the bridge\u00a0would open"


def test_span_ending_at_a_block_end_does_not_leak_into_the_separator(article: Article) -> None:
    view = build_view(article)
    end = view.text.index(SEPARATOR)
    a_start, a_end = view.span_to_article(0, end + len(SEPARATOR))
    assert article.text[a_start:a_end].rstrip("\n") == TITLE


def test_empty_span_maps_to_an_empty_range(article: Article) -> None:
    view = build_view(article)
    start = view.text.index("Residents")
    a_start, a_end = view.span_to_article(start, start)
    assert a_start == a_end == article.text.index("Residents")


def test_range_across_blocks_is_split_per_block(article: Article) -> None:
    view = build_view(article)
    start = view.text.index("would open.")
    end = view.text.index("Residents") + len("Residents")
    ranges = view.range_to_article(start, end)
    assert [article.text[s:e] for s, e in ranges] == [
        "would open.",
        "The old bridge at dusk.",
        "Residents",
    ]


def test_range_to_view_inverts_range_to_article(article: Article) -> None:
    view = build_view(article)
    start, end = view.text.index("mayor"), view.text.index("dusk") + 4
    back = [r for s, e in view.range_to_article(start, end) for r in view.range_to_view(s, e)]
    assert back[0][0] == start
    assert back[-1][1] == end
    assert all(view.text[s:e].strip() for s, e in back)


def test_range_to_view_drops_skipped_blocks(article: Article) -> None:
    view = build_view(article)
    start = article.text.index(BYLINE)
    assert view.range_to_view(start, start + len(BYLINE)) == []


def test_paragraph_starts_are_segment_starts(article: Article) -> None:
    view = build_view(article)
    starts = view.paragraph_starts()
    assert starts[0] == 0
    assert [view.text[s : s + 9] for s in starts[1:]] == ["The mayor", "The old b", "Residents"]


def test_blocks_are_read_in_text_order() -> None:
    text = "First line.\nSecond line."
    blocks = [Block(BlockKind.PARAGRAPH, 12, 24), Block(BlockKind.PARAGRAPH, 0, 11)]
    assert build_view(Article(text=text, blocks=blocks)).text == "First line.\n\nSecond line."


def test_article_without_blocks_is_read_whole() -> None:
    article = Article(text="One.\r\nTwo\u00a0three.")
    view = build_view(article)
    assert view.text == "One.  Two three."
    assert analysed_ranges(article) == [(0, len(article.text))]
    assert view.span_to_article(6, 9) == (6, 9)


def test_empty_article_has_an_empty_view() -> None:
    view = build_view(Article(text=""))
    assert view.text == ""
    assert view.segments == (Segment(0, 0, 0),)
    assert view.to_article(0) == 0


def test_article_with_only_skipped_blocks_is_read_whole() -> None:
    article = article_of((BlockKind.BOILERPLATE, BOILERPLATE))
    assert build_view(article).text == BOILERPLATE
