"""parse_text: structure recovered from scraped news text, offsets always valid."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import assert_valid_blocks
from onrecord.ingest.text import parse_text
from onrecord.model.article import Article, BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
COMMENT_FORM = ("Leave a Reply", "Cancel reply", "will not be published", "Name*", "Comment")


def read_fixture(name: str) -> str:
    with open(FIXTURES / name, encoding="utf-8", newline="") as f:
        return f.read()


def read_raw(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def texts_of(article: Article, kind: BlockKind) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks if b.kind is kind]


@pytest.fixture
def layout() -> Article:
    return parse_text(read_fixture("glued_layout.txt"))


def test_text_is_kept_exactly(layout: Article) -> None:
    assert layout.text == read_fixture("glued_layout.txt")
    assert_valid_blocks(layout)


def test_head_of_article(layout: Article) -> None:
    assert layout.title == "Harbour Council Backs Ferry Expansion After Long Debate"
    assert layout.outlet == "Coastline Daily"
    assert layout.bylines == ["Mara Quill"]
    assert layout.deck == [
        "Councillors voted 7-2 to fund two new routes across the bay.",
        "Critics say the plan ignores rising fuel costs",
    ]
    pacific = timezone(timedelta(hours=-7))
    assert layout.published == datetime(2023, 3, 14, 9, 45, tzinfo=pacific)
    assert layout.updated is not None and layout.updated.date().isoformat() == "2023-03-15"


def test_captions_keep_their_credits(layout: Article) -> None:
    captions = [b for b in layout.blocks if b.kind is BlockKind.CAPTION]
    assert [b.credit for b in captions] == [
        "Tomas Reyes/Coastline Daily",
        "Handout via Coastline Daily",
    ]
    glued = captions[0]
    assert layout.text[glued.start : glued.end].endswith("(Tomas Reyes/Coastline Daily)")
    assert layout.text[glued.end :].startswith("The harbour council")


def test_glued_headings_are_split_but_sentences_are_not(layout: Article) -> None:
    assert texts_of(layout, BlockKind.HEADING) == ["Budget worries", "Route planning"]
    paragraphs = texts_of(layout, BlockKind.PARAGRAPH)
    assert any(
        p.startswith("In a letter to the regional paper\u00a0Bay Courier") for p in paragraphs
    )
    assert any(p.startswith("Previously,\u00a0 the council") for p in paragraphs)
    assert any(p.startswith("While the first route") for p in paragraphs)


def test_video_bio_credit_and_comment_form(layout: Article) -> None:
    videos = texts_of(layout, BlockKind.VIDEO)
    assert len(videos) == 2 and videos[0].startswith("WATCH |")
    # The description repeats the teaser's title glued to it; the repeat is kept once.
    assert videos[1].startswith("Councillors spent three hours")
    assert "Council debates the ferry plan" in texts_of(layout, BlockKind.BOILERPLATE)
    assert texts_of(layout, BlockKind.AUTHOR_BIO)[0].startswith("Mara Quill is")
    assert texts_of(layout, BlockKind.CREDIT_LINE) == ["With files from Dana Holt"]
    assert "Leave a Reply" in texts_of(layout, BlockKind.BOILERPLATE)
    for paragraph in texts_of(layout, BlockKind.PARAGRAPH):
        assert not any(form in paragraph for form in COMMENT_FORM)


def test_date_token_and_dash_byline() -> None:
    article = parse_text(read_fixture("date_token_byline.txt"))
    assert_valid_blocks(article)
    assert texts_of(article, BlockKind.DATELINE) == ["date 2023-06-02"]
    assert article.title is None
    assert article.bylines == ["Mira Dane", "Olek Bart"]
    assert article.published == datetime(2023, 6, 2)
    paragraphs = texts_of(article, BlockKind.PARAGRAPH)
    assert paragraphs[0].startswith("The mayor of Portville said")
    assert any(p.startswith("Source: Portville Gazette") for p in paragraphs)
    assert texts_of(article, BlockKind.BOILERPLATE) == [
        "Read also: Ferry fares to stay the same this summer"
    ]


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    article = parse_text(read_fixture("hard_wrapped.txt"))
    paragraphs = texts_of(article, BlockKind.PARAGRAPH)
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("(BAYWIRE)") and paragraphs[0].endswith("for commuters.")
    assert paragraphs[2].endswith("the harbour board.")


def test_caller_metadata_wins() -> None:
    when = datetime(2020, 1, 2, tzinfo=UTC)
    article = parse_text(
        read_fixture("glued_layout.txt"),
        title="Given title",
        outlet="Given outlet",
        published=when,
        language="fr",
        source="feed.jsonl:3",
        external_id="a1",
        url="https://example.org/a1",
    )
    assert (article.title, article.outlet, article.published) == (
        "Given title",
        "Given outlet",
        when,
    )
    assert (article.language, article.source, article.external_id) == ("fr", "feed.jsonl:3", "a1")
    assert article.url == "https://example.org/a1"


def test_crlf_and_nbsp_offsets_map_back() -> None:
    text = "Title line\r\n\r\nFirst\u00a0paragraph says a lot.\r\n\r\nSecond one.\r\n"
    article = parse_text(text)
    assert_valid_blocks(article)
    assert article.title == "Title line"
    assert texts_of(article, BlockKind.PARAGRAPH) == [
        "First\u00a0paragraph says a lot.",
        "Second one.",
    ]


@pytest.mark.parametrize("text", ["", " ", "\n\n\r\n", "\u00a0", "x", "(AP)", "date 2024-13-45"])
def test_degenerate_input(text: str) -> None:
    article = parse_text(text)
    assert article.text == text
    assert_valid_blocks(article)


# -- properties ---------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "Officials said on Monday that talks would go on.",
        "“We will not back down,” the minister said.",
        '"Unclosed quote from a spokesperson',
        "A crowd gathers in the square on May 9. (Ana Lis/Reuters)",
        "Heading wordsThe sentence after it runs on.",
        "Short heading\u00a0While the text continues here.",
        "WATCH | A video teaser:",
        "Leave a Reply",
        "With files from Reuters",
        "By Jo Smith and Al Jones",
        "· Posted: May 30, 2024 3:02 PM EDT | Last Updated: May 31",
        " date 2024-05-03 ",
        "Read also: something else",
        "",
        "\u00a0",
        "’”)(",
    ]
)
SEPARATORS = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", " ", "", "\u00a0", "\r", "\n \n"])


@st.composite
def scraped_text(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=25))
    return "".join(piece + draw(SEPARATORS) for piece in pieces)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_valid_offsets(text: str) -> None:
    article = parse_text(text)
    assert article.text == text
    assert_valid_blocks(article)


@settings(max_examples=300, deadline=None)
@given(scraped_text())
def test_scraped_like_text_gives_valid_offsets(text: str) -> None:
    article = parse_text(text)
    assert article.text == text
    assert_valid_blocks(article)
    for paragraph in texts_of(article, BlockKind.PARAGRAPH):
        assert paragraph not in ("Leave a Reply", "Read also: something else")


# -- shared data (skipped when ../shared is absent) ------------------------------


def test_seed_article(seed_path: Path) -> None:
    article = parse_text(read_raw(seed_path))
    assert_valid_blocks(article)
    assert article.title is not None and article.title.startswith("U.S. Gives Ukraine Permission")
    assert not article.title.endswith("CBC News")
    assert article.outlet == "CBC News"
    assert article.bylines == ["Briar Stewart"]
    assert article.published == datetime(2024, 5, 30, 15, 2, tzinfo=timezone(timedelta(hours=-4)))
    assert article.updated is not None and article.updated.date().isoformat() == "2024-05-31"
    assert len(article.deck) == 2 and article.deck[1].startswith("Policy shift comes")
    captions = [b for b in article.blocks if b.kind is BlockKind.CAPTION]
    assert len(captions) == 4 and all(b.credit and "/Reuters" in b.credit for b in captions)
    headings = texts_of(article, BlockKind.HEADING)
    assert headings == ["Fears of escalation", "Kharkiv offensive", "Upcoming summit"]
    assert texts_of(article, BlockKind.VIDEO)[0].startswith("WATCH |")
    assert texts_of(article, BlockKind.AUTHOR_BIO)[0].startswith("Briar Stewart is")
    assert texts_of(article, BlockKind.CREDIT_LINE) == [
        "With files from Reuters and David Cochrane"
    ]
    for paragraph in texts_of(article, BlockKind.PARAGRAPH):
        assert not any(form in paragraph for form in COMMENT_FORM)
    assert any(
        p.startswith("In an interview with the Ukrainian outlet")
        for p in texts_of(article, BlockKind.PARAGRAPH)
    )


def test_topical_dev_articles(topical_dir: Path) -> None:
    paths = sorted((topical_dir / "articles").glob("*.txt"))
    assert len(paths) >= 11
    for path in paths:
        article = parse_text(read_raw(path))
        assert_valid_blocks(article)
        assert article.body_blocks(), path.name


def test_polnear_texts(polnear_dir: Path) -> None:
    paths = sorted(polnear_dir.glob("*/text/*.txt"))
    assert paths
    for path in paths:
        article = parse_text(read_raw(path))
        assert_valid_blocks(article)
        assert article.title, path.name
