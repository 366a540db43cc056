"""Where a long article is cut into pieces, and the view of each piece (issue 21, F4/F5)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.model import Article, Block, BlockKind
from onrecord.nlp.pieces import piece_bounds
from onrecord.nlp.textview import SEPARATOR, TextView, build_view


def starts_of(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(SEPARATOR, text)]


def pieces(text: str, max_chars: int) -> list[str]:
    return [text[a:b] for a, b in piece_bounds(text, starts_of(text), max_chars)]


def test_an_article_within_the_ceiling_is_one_piece() -> None:
    text = "  A short article.\n\nTwo paragraphs. "
    assert piece_bounds(text, starts_of(text), len(text)) == [(0, len(text))]


def test_pieces_end_at_paragraph_breaks() -> None:
    paragraphs = [f"Paragraph {k} has a few words in it." for k in range(40)]
    text = SEPARATOR.join(paragraphs)
    found = pieces(text, 200)
    assert all(len(p) <= 200 for p in found)
    assert [q for p in found for q in p.split(SEPARATOR)] == paragraphs


def test_a_quote_over_several_paragraphs_stays_in_one_piece() -> None:
    before = "The mayor spoke at length on Monday about it."
    quote = ["She said: “The first part", "“The second part", "“The third part.”"]
    text = SEPARATOR.join([before, *quote, "The council met later."])
    cut_inside = len(before) + len(SEPARATOR) + len(quote[0]) + len(SEPARATOR) + 5
    found = pieces(text, cut_inside)
    assert any(SEPARATOR.join(quote) in p for p in found)


def test_a_long_paragraph_is_cut_after_a_sentence() -> None:
    text = " ".join(f"Sentence number {k} ends here." for k in range(30))
    found = pieces(text, 150)
    assert all(len(p) <= 150 for p in found)
    assert all(p.endswith("ends here.") for p in found)
    assert " ".join(found) == text


def test_a_paragraph_without_sentences_is_cut_at_spaces() -> None:
    text = " ".join(["word"] * 1000)
    found = pieces(text, 100)
    assert all(len(p) <= 100 and p.startswith("word") and p.endswith("word") for p in found)
    assert " ".join(found) == text


def test_a_run_without_spaces_is_cut_anywhere() -> None:
    text = '"' * 1050
    found = pieces(text, 100)
    assert all(len(p) <= 100 for p in found) and "".join(found) == text


def test_no_piece_is_shorter_than_half_the_ceiling_for_want_of_a_break() -> None:
    text = "Short one.\n\n" + " ".join(["word"] * 400)
    found = pieces(text, 200)
    assert all(len(p) >= 100 for p in found[:-1])


def test_a_ceiling_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="a character"):
        piece_bounds("text", [0], 0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet=list("ab .!?“”\"'"), min_size=1, max_size=120), min_size=1, max_size=12
    ),
    st.integers(1, 150),
)
def test_pieces_keep_every_character_but_the_spaces_at_cuts(
    paragraphs: list[str], max_chars: int
) -> None:
    text = SEPARATOR.join(paragraphs)
    bounds = piece_bounds(text, starts_of(text), max_chars)
    if not text.strip() and len(text) > max_chars:
        assert bounds == []  # only spaces: nothing to parse (the annotator skips it as empty)
        return
    for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False):
        assert end <= start and not text[end:start].strip()
    assert all(b - a <= max_chars for a, b in bounds) or bounds == [(0, len(text))]
    assert not text[: bounds[0][0]].strip() and not text[bounds[-1][1] :].strip()


def article_of(paragraphs: list[str]) -> Article:
    text, blocks, cursor = "", [], 0
    for paragraph in paragraphs:
        if text:
            text += "\n"
            cursor += 1
        blocks.append(Block(BlockKind.PARAGRAPH, cursor, cursor + len(paragraph)))
        text += paragraph
        cursor += len(paragraph)
    return Article(text=text, blocks=blocks)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="ab \t", min_size=1, max_size=30), min_size=1, max_size=8),
    st.data(),
)
def test_a_pieces_view_maps_as_the_whole_view_does(
    paragraphs: list[str], data: st.DataObject
) -> None:
    view = build_view(article_of(paragraphs))
    start = data.draw(st.integers(0, len(view.text)))
    end = data.draw(st.integers(start, len(view.text)))
    piece = view.piece(start, end)
    assert piece.text == view.text[start:end]
    for k in range(end - start):
        if _in_segment(view, start + k):
            assert piece.to_article(k) == view.to_article(start + k)
    for a in range(end - start):
        for b in range(a, end - start + 1):
            assert piece.range_to_article(a, b) == view.range_to_article(start + a, start + b)
            if b > a and _in_segment(view, start + a) and _in_segment(view, start + b - 1):
                assert piece.span_to_article(a, b) == view.span_to_article(start + a, start + b)


def _in_segment(view: TextView, offset: int) -> bool:
    return any(s.view_start <= offset < s.view_start + s.length for s in view.segments)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="ab ", min_size=1, max_size=20), min_size=1, max_size=8), st.data()
)
def test_ranges_map_as_when_every_segment_was_read(
    paragraphs: list[str], data: st.DataObject
) -> None:
    view = build_view(article_of(paragraphs))
    start = data.draw(st.integers(0, len(view.text) + 2))
    end = data.draw(st.integers(start, len(view.text) + 2))
    assert view.range_to_article(start, end) == _read_every_segment(view, start, end, True)
    assert view.range_to_view(start, end) == _read_every_segment(view, start, end, False)


def _read_every_segment(
    view: TextView, start: int, end: int, to_article: bool
) -> list[tuple[int, int]]:
    out = []
    for seg in view.segments:
        origin, target = (
            (seg.view_start, seg.article_start)
            if to_article
            else (seg.article_start, seg.view_start)
        )
        lo, hi = max(start, origin), min(end, origin + seg.length)
        if lo < hi:
            out.append((lo - origin + target, hi - origin + target))
    return out
