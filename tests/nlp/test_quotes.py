"""Quotation regions found by ``find_quotes`` on hand-written strings."""

from __future__ import annotations

import re
import time

import pytest

from onrecord.nlp.quotes import QuoteRegion, find_quotes


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\n", text)]


def quotes(text: str) -> list[str]:
    """The text of every region found, paragraphs taken from blank lines."""
    return [text[r.start : r.end] for r in find_quotes(text, paragraph_starts(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said “yes” on Friday.", "“yes”"),
        ('The mayor said "yes" on Friday.', '"yes"'),
        ("The mayor said «yes» on Friday.", "«yes»"),
        ("Der Bürgermeister sagte „ja“ am Freitag.", "„ja“"),
    ],
)
def test_finds_a_closed_quote_of_each_kind(text: str, expected: str) -> None:
    regions = find_quotes(text, paragraph_starts(text))
    assert [text[r.start : r.end] for r in regions] == [expected]
    assert regions[0].closed


def test_finds_spaced_guillemets() -> None:
    assert quotes("Le maire a dit « oui » vendredi.") == ["« oui »"]


def test_finds_two_quotes_in_one_paragraph() -> None:
    text = "“We will build it,” she said. “And we will pay for it.”"
    assert quotes(text) == ["“We will build it,”", "“And we will pay for it.”"]


@pytest.mark.parametrize(
    "text",
    [
        "“My aunt said ‘never again’ and meant it,” he said.",
        "\"My aunt said 'never again' and meant it,\" he said.",
        "\"I've always hated the term 'outreach,' \" he said.",
        "“I’ve always hated the term ‘outreach,’ ” he said.",
    ],
)
def test_nested_single_quotes_stay_inside_the_double_quote(text: str) -> None:
    regions = find_quotes(text, paragraph_starts(text))
    assert [text[r.start : r.end] for r in regions] == [text[: text.index(" he said")]]
    assert regions[0].closed


def test_a_nested_quote_with_the_same_curly_marks_stays_inside() -> None:
    text = "“I’d rather live in what he calls “hell” than live in his world.” ― A. Reader"
    assert quotes(text) == ["“I’d rather live in what he calls “hell” than live in his world.”"]


def test_a_new_quote_after_an_unclosed_one_is_not_nested() -> None:
    text = "“They revel in it.\n“There is another side,” Sexton said. “It is cathartic.”"
    assert len(quotes(text)) == 2  # nested, the last mark would close one long quote
    assert quotes(text)[-1] == "“It is cathartic.”"


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine’s army won’t retreat, the engineers’ report said.",
        "Ukraine's army won't retreat, the engineers' report said.",
        "Rock music of the ’90s and the '80s was louder, O'Brien said.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert find_quotes(text, paragraph_starts(text)) == []


def test_apostrophes_do_not_break_a_double_quote() -> None:
    text = "Ukraine’s army said “we don't retreat, we won’t” on Monday."
    assert quotes(text) == ["“we don't retreat, we won’t”"]


@pytest.mark.parametrize("stray", ["”", "“", '"', "«", "»"])
def test_a_stray_mark_does_not_swallow_the_next_paragraphs(stray: str) -> None:
    text = f"A stray {stray} mark sits here.\n\nThe next paragraph says “this” plainly."
    assert quotes(text)[-1] == "“this”"


def test_an_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "He said “the plan is dead.\n\nThe council met on Monday.\n\nShe said “no” twice."
    regions = find_quotes(text, paragraph_starts(text))
    assert [text[r.start : r.end] for r in regions] == ["“the plan is dead.", "“no”"]
    assert [r.closed for r in regions] == [False, True]


def test_an_unclosed_quote_at_the_end_of_the_text_ends_there() -> None:
    text = "He said “the plan is dead.  "
    assert find_quotes(text, paragraph_starts(text)) == [QuoteRegion(8, 26, False)]


def test_a_quote_over_several_paragraphs_closes_in_the_last() -> None:
    text = (
        "She said: “The first part.\n\n“The second part.\n\n“The third part,” she added."
        "\n\nThe council met on Monday."
    )
    regions = find_quotes(text, paragraph_starts(text))
    assert len(regions) == 1
    assert text[regions[0].start : regions[0].end] == (
        "“The first part.\n\n“The second part.\n\n“The third part,”"
    )
    assert regions[0].closed


def test_paragraphs_matter_only_when_given() -> None:
    text = "He said “the plan is dead.\n\nThe council met on Monday."
    one_paragraph = find_quotes(text)
    assert [(r.start, r.end) for r in one_paragraph] == [(8, len(text))]
    assert [(r.start, r.end) for r in find_quotes(text, paragraph_starts(text))] == [(8, 26)]


def test_regions_are_sorted_and_do_not_overlap() -> None:
    text = "“One,” he said. “Two.\n\n“Three,” she said, “four” and «five»."
    regions = find_quotes(text, paragraph_starts(text))
    assert len(regions) == 4
    for first, second in zip(regions, regions[1:], strict=False):
        assert first.end <= second.start


def test_empty_text_has_no_quotes() -> None:
    assert find_quotes("") == []
    assert find_quotes("", [0]) == []


def test_a_paragraph_of_opening_marks_is_read_in_linear_time() -> None:
    # Before: the closing marks after each “ were counted again for every one of them;
    # 100,000 took about ten seconds.
    text = "“" + " ".join("“w" for _ in range(100_000)) + "”"
    start = time.perf_counter()
    regions = find_quotes(text, [0])
    assert [(r.start, r.end) for r in regions] == [(0, len(text))]
    assert time.perf_counter() - start < 2.0


def test_a_continued_quote_is_reopened_only_by_its_paragraphs_first_mark() -> None:
    text = "She said: “One.\n\n“Two “three” four.”\n\nDone."
    regions = find_quotes(text, paragraph_starts(text))
    assert [text[r.start : r.end] for r in regions] == ["“One.\n\n“Two “three” four.”"]
