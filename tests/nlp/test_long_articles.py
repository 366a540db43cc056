"""Long articles are analysed in bounded pieces, with the article's offsets, and one over
the size limit fails alone (issue 21, F4 and F5)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language

from onrecord.errors import ConfigError, DataError
from onrecord.ingest.text import parse_text
from onrecord.model import Actor, ActorType, Analysis, Article, Coarse, Position, Span
from onrecord.nlp import Annotator
from onrecord.nlp.assemble import ArticleRecords
from onrecord.nlp.document import CHARS_PER_TOKEN, parse_articles
from onrecord.nlp.training.corpus import parse_corpus
from onrecord.settings import PIECE_CHARS, Settings

PIECE = 1_000
LIMIT = 20_000
PARAGRAPH = (
    "“We will not rush this,” the mayor said on Tuesday. The council said it would wait "
    "for the engineers to report on the bridge."
)


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator(Settings(piece_chars=PIECE, max_article_chars=LIMIT))


@pytest.fixture(scope="module")
def whole() -> Annotator:
    return Annotator()


def assert_valid_offsets(analysis: Analysis) -> None:
    text = analysis.article.text
    for attribution in analysis.attributions:
        for span in [*attribution.content, attribution.cue, attribution.source]:
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start : span.end] == span.text


def found(analysis: Analysis) -> list[tuple[object, ...]]:
    return [
        (
            tuple((s.start, s.end) for s in a.content),
            (a.cue.start, a.cue.end) if a.cue else None,
            (a.source.start, a.source.end) if a.source else None,
            a.kind,
        )
        for a in analysis.attributions
    ]


def test_an_article_longer_than_a_piece_is_analysed_in_pieces(
    annotator: Annotator, whole: Annotator
) -> None:
    article = parse_text("\n\n".join([PARAGRAPH] * 40))
    assert PIECE < len(article.text) < LIMIT
    in_pieces = annotator.analyze(article)
    assert in_pieces.error is None
    assert_valid_offsets(in_pieces)
    assert [a.id for a in in_pieces.attributions] == [
        f"a{k}" for k in range(1, len(in_pieces.attributions) + 1)
    ]
    # Paragraphs that stand alone, cut only between them: as when read whole.
    assert found(in_pieces) == found(whole.analyze(article))
    assert len(in_pieces.attributions) == 80


def test_a_paragraph_without_punctuation_is_cut_at_spaces(annotator: Annotator) -> None:
    words = "the mayor said the council would wait for the engineers and the bridge".split()
    article = parse_text(" ".join(words[k % len(words)] for k in range(800)))
    analysis = annotator.analyze(article)
    assert analysis.error is None
    assert_valid_offsets(analysis)


def test_an_article_over_the_limit_fails_alone(annotator: Annotator) -> None:
    too_long = Article(text="word " * (LIMIT // 5 + 1), source="huge.txt")
    after = parse_text(PARAGRAPH)
    first, second = annotator.analyze_many([too_long, after])
    assert first.error is not None
    assert "huge.txt" in first.error and "20,005" in first.error and "20,000" in first.error
    assert "max_article_chars" in first.error
    assert second.error is None and second.attributions


def test_a_piece_holds_at_most_a_quarter_as_many_tokens_as_its_characters(
    annotator: Annotator,
) -> None:
    article = parse_text('" ' * (PIECE // 2 - 1))  # under the ceiling, one token a mark
    parsed = list(parse_articles(annotator.nlp, [article], piece_chars=PIECE))
    assert len(parsed) > 1 and [p.last for p in parsed] == [False] * (len(parsed) - 1) + [True]
    assert all(len(p.doc) <= PIECE // CHARS_PER_TOKEN for p in parsed)
    assert "".join(p.view.text for p in parsed).replace(" ", "") == article.text.replace(" ", "")


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def over_spacys_limit() -> Article:
    paragraph = " ".join(["word"] * 2_000) + "."
    return parse_text("\n\n".join([paragraph] * 111), source="long.txt")  # 1,110,999 characters


def test_an_article_over_spacys_own_limit_is_parsed_in_pieces(blank: Language) -> None:
    # Before: spaCy's E088 ("Text of length 1110999 exceeds maximum of 1000000 …").
    article = over_spacys_limit()
    assert len(article.text) > blank.max_length
    parsed = list(parse_articles(blank, [article]))
    assert len(parsed) >= len(article.text) // PIECE_CHARS
    assert all(len(p.view.text) <= PIECE_CHARS for p in parsed)
    assert all(len(p.doc) <= PIECE_CHARS // CHARS_PER_TOKEN for p in parsed)
    assert " ".join(p.doc.text for p in parsed).split() == article.text.split()
    for p in parsed:
        start, end = p.view.span_to_article(0, len(p.view.text))
        assert article.text[start:end] == p.view.text


def test_an_article_too_long_to_parse_whole_is_not_trained_on(blank: Language) -> None:
    with pytest.raises(DataError, match="long.txt: too long to train on"):
        parse_corpus(blank, [over_spacys_limit()], "train")


@pytest.mark.parametrize(
    ("key", "value"), [("piece_chars", 999), ("piece_chars", 1_000_001), ("max_article_chars", 0)]
)
def test_bad_sizes_name_the_setting(key: str, value: int) -> None:
    with pytest.raises(ConfigError, match=key):
        Settings.load({key: value}, environ={})


def position(stance: str, evidence: int, confidence: float, conditions: str | None) -> Position:
    return Position(
        issue="strikes",
        actor=Actor("Government of Germany", ActorType.GOVERNMENT),
        stance=stance,
        coarse=Coarse.FOR,
        conditions=conditions,
        as_of=dt.date(2024, 5, 31),
        evidence=[Span(evidence, evidence + 4, "text")],
        confidence=confidence,
        method="test",
        attributions=[f"a{evidence}"],
    )


def test_pieces_positions_on_the_same_actor_label_and_date_are_one() -> None:
    positions = [
        position("permits", 1, 0.6, "near Kharkiv"),
        position("opposes", 2, 0.5, None),
        position("permits", 3, 0.8, "military targets"),
    ]
    records = ArticleRecords(positions=list(positions), pieces=2)
    merged = records.merged_positions()
    assert [p.stance for p in merged] == ["permits", "opposes"]
    assert [s.start for s in merged[0].evidence] == [1, 3]
    assert merged[0].attributions == ["a1", "a3"]
    assert merged[0].confidence == 0.8
    assert merged[0].conditions == "near Kharkiv; military targets"
    one_piece = ArticleRecords(positions=list(positions), pieces=1)
    assert one_piece.merged_positions() == positions
