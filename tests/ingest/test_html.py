"""HTML pages: body, metadata, dates and the captions trafilatura drops."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import assert_valid_blocks
from onrecord.errors import ReadError
from onrecord.ingest import parse_html
from onrecord.model import Article, BlockKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def texts(article: Article, kind: BlockKind) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks if b.kind is kind]


@pytest.fixture(scope="module")
def bridge() -> Article:
    return parse_html((FIXTURES / "bridge.html").read_bytes(), source="bridge.html")


def test_metadata(bridge: Article) -> None:
    assert bridge.title == "Mayor says Elm Street bridge will reopen in June"
    assert bridge.outlet == "The Riverton Gazette"
    assert bridge.bylines == ["Jane Roe"]
    assert bridge.language == "en"
    assert bridge.source == "bridge.html"


def test_dates_keep_their_timezone(bridge: Article) -> None:
    edt = timezone(timedelta(hours=-4))
    assert bridge.published == datetime(2024, 5, 30, 15, 2, tzinfo=edt)
    assert bridge.updated == datetime(2024, 5, 31, 9, 10, tzinfo=edt)


def test_blocks_in_reading_order(bridge: Article) -> None:
    kinds = [b.kind for b in bridge.blocks]
    assert kinds[:3] == [BlockKind.TITLE, BlockKind.DECK, BlockKind.CAPTION]
    assert texts(bridge, BlockKind.HEADING) == ["Costs rising"]
    assert kinds.index(BlockKind.HEADING) < len(kinds) - 1
    assert texts(bridge, BlockKind.CREDIT_LINE) == ["With files from The Canadian Press"]
    assert_valid_blocks(bridge)


def test_text_is_the_blocks_joined_by_blank_lines(bridge: Article) -> None:
    pieces = [bridge.text[b.start : b.end] for b in bridge.blocks]
    assert bridge.text == "\n\n".join(pieces)


def test_captions_keep_their_credits(bridge: Article) -> None:
    captions = [b for b in bridge.blocks if b.kind is BlockKind.CAPTION]
    assert [c.credit for c in captions] == [
        "Sam Lee/Riverton Gazette",
        "Kim Park/The Associated Press",
    ]
    first = bridge.text[captions[0].start : captions[0].end]
    assert first.startswith("Workers repair the Elm Street bridge")
    assert "Kim Park/The Associated Press" in bridge.text[captions[1].start : captions[1].end]


def test_caption_sits_after_the_paragraph_before_its_figure(bridge: Article) -> None:
    second_caption = [b for b in bridge.blocks if b.kind is BlockKind.CAPTION][1]
    before = bridge.blocks[bridge.blocks.index(second_caption) - 1]
    assert bridge.text[before.start : before.end].startswith("The city council had warned")


def test_boilerplate_never_in_paragraphs(bridge: Article) -> None:
    body = " ".join(texts(bridge, BlockKind.PARAGRAPH))
    for furniture in ("Leave a Reply", "email address", "Copyright", "Most read", "Teaser", "Home"):
        assert furniture not in body
    assert "Local team wins" not in bridge.text  # a teaser figure in an aside


@pytest.mark.parametrize(
    ("figcaption", "credit"),
    [
        ("A crowd on Main Street. (Photo: Ana Diaz/AFP)", "Ana Diaz/AFP"),
        (
            "A crowd on Main Street. (Ana Diaz/AFP via Getty Images)",
            "Ana Diaz/AFP via Getty Images",
        ),
        ("A crowd on Main Street. Photograph: Ana Diaz", "Ana Diaz"),
        ("A crowd on Main Street (file).", None),
        ("A crowd. <cite>Ana Diaz</cite>", "Ana Diaz"),
        ('A crowd. <small class="photo-credit">Credit: Ana Diaz</small>', "Ana Diaz"),
    ],
)
def test_caption_credit_forms(figcaption: str, credit: str | None) -> None:
    page = (
        "<html><body><article><p>The march went ahead on Saturday despite the rain, organisers"
        " said, with thousands of people walking through the centre of the city.</p>"
        f"<figure><img src='x.jpg'><figcaption>{figcaption}</figcaption></figure>"
        "<p>Police said the day passed without incident and that roads would reopen by"
        " evening, after the last marchers had left the square.</p></article></body></html>"
    )
    captions = [b for b in parse_html(page).blocks if b.kind is BlockKind.CAPTION]
    assert [c.credit for c in captions] == [credit]


def test_fragment_as_feeds_carry_it() -> None:
    article = parse_html("<p>The council voted on Tuesday to close the old library.</p>")
    assert texts(article, BlockKind.PARAGRAPH) == [
        "The council voted on Tuesday to close the old library."
    ]


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   ",
        "<html></html>",
        "<html><head><title>T</title></head><body></body></html>",
        "<!-- only a comment -->",
    ],
)
def test_pages_without_an_article_fail_clearly(page: str) -> None:
    with pytest.raises(ReadError, match="no article text|broken HTML") as info:
        parse_html(page, source="page.html")
    assert info.value.document == "page.html"


def test_broken_markup_is_still_read() -> None:
    page = "<html><body><div><p>The mayor said the bridge would reopen in June<p>Unclosed <b>tags"
    article = parse_html(page)
    assert "The mayor said the bridge would reopen in June" in article.text
    assert_valid_blocks(article)


def test_bytes_use_the_declared_charset() -> None:
    page = (
        '<html><head><meta charset="windows-1251"></head><body><p>Мэр заявил, что мост'
        " откроется в июне.</p></body></html>"
    ).encode("cp1251")
    assert "Мэр заявил" in parse_html(page).text


_TAGS = ["<html>", "<body>", "<p>", "</p>", "<div>", "<h2>", "</h2>", "<figure>", "<figcaption>"]
_TAGS += ["</figcaption>", "<article>", "<!--", "-->", "&amp;", "<script>", "<meta charset=x>"]
html_like = st.lists(st.sampled_from(_TAGS) | st.text(max_size=40), max_size=30).map("".join)


@settings(max_examples=80, deadline=None)
@given(html_like | st.text(max_size=300))
def test_any_string_gives_an_article_or_a_read_error(page: str) -> None:
    try:
        article = parse_html(page, source="fuzz.html")
    except ReadError as exc:
        assert exc.document == "fuzz.html"
    else:
        assert article.blocks
        assert_valid_blocks(article)


PARAGRAPH = "The mayor said on Thursday that the Elm Street bridge would reopen in June."
AFTER = "After the vote, the council said it would publish the repair contract."


@pytest.mark.parametrize("depth", [300, 10_000])
def test_markup_nested_deeper_than_the_parser_goes_keeps_its_text(depth: int) -> None:
    # libxml2 stops at 256 levels and drops the rest of the page, so the nesting is
    # flattened and the page read again.
    page = (
        "<html><head><title>Bridge</title></head><body>"
        + "<div>" * depth
        + f"<p>{PARAGRAPH}</p>"
        + "</div>" * depth
        + f"<p>{AFTER}</p></body></html>"
    )
    article = parse_html(page, source="deep.html")
    assert texts(article, BlockKind.PARAGRAPH) == [PARAGRAPH, AFTER]
    assert_valid_blocks(article)


@pytest.mark.parametrize("depth", [0, 1000])
def test_deep_nesting_inside_a_figure_keeps_the_caption(depth: int) -> None:
    # Paragraphs of a real article's length: trafilatura reads a tiny page another way.
    first, after = f"{PARAGRAPH} {AFTER} {PARAGRAPH}", f"{AFTER} {PARAGRAPH} {AFTER}"
    last = f"{AFTER} {AFTER} {PARAGRAPH}"
    caption = "The bridge in May. (Ana Duarte/Riverton Gazette)"
    page = (
        f"<html><head><title>Bridge</title></head><body><article><p>{first}</p><figure>"
        + "<span>" * depth
        + f"<img src='bridge.jpg'><figcaption>{caption}</figcaption>"
        + "</span>" * depth
        + f"</figure><p>{after}</p><p>{last}</p></article></body></html>"
    )
    article = parse_html(page, source="deep.html")
    assert texts(article, BlockKind.CAPTION) == [caption]
    assert texts(article, BlockKind.PARAGRAPH) == [first, after, last]


def test_flattened_markup_keeps_entities_attributes_and_scripts() -> None:
    words = "Caf&eacute; owners &amp; the mayor said on Thursday that the bridge would reopen."
    page = (
        '<html><head><title>Bridge</title><script>if (a<b) { x = "</div>"; }</script></head>'
        "<body>"
        + '<div class="x" data-note="a &quot;b&quot;">' * 400
        + f"<p>{words}</p>"
        + "</div>" * 400
        + "</body></html>"
    )
    article = parse_html(page, source="deep.html")
    assert texts(article, BlockKind.PARAGRAPH) == [
        "Café owners & the mayor said on Thursday that the bridge would reopen."
    ]
    assert "x = " not in article.text
