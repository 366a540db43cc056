"""Syndication groups: wire copies as one group, other stories apart, signatures as bytes,
and batch by batch the same as all at once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.model import Article, Block, BlockKind, RecordError
from onrecord.resolve import (
    Signature,
    SignedArticle,
    SyndicationIndex,
    SyndicationParams,
    group_articles,
    signature,
    signed_article,
)

WIRE = [
    "HARBOURTON (Wire) — The city council voted on Tuesday to double the toll on the old "
    "harbour bridge from next spring, ending a year of argument over who should pay for the "
    "crossing's repairs.",
    "The vote was seven to four. Mayor Lena Ortiz, who proposed the rise, said the bridge "
    "would otherwise close within five years. “We cannot keep a ninety-year-old bridge open on "
    "goodwill and duct tape,” she told reporters after the meeting.",
    "Commuter groups said the new toll would cost a daily driver more than six hundred a year "
    "and called on the regional government to share the bill. The transport minister's office "
    "said it would study the council's request for funding before the summer.",
    "Engineers found corrosion in two of the bridge's main cables last autumn, and heavy "
    "lorries have been banned from the crossing since January.",
]

OTHER_STORY = [
    "Shop owners on the harbour front say trade has fallen by a third since lorries were "
    "banned from the old bridge in January, and some fear the higher toll will finish them.",
    "“We cannot keep a ninety-year-old bridge open on goodwill and duct tape,” the mayor said "
    "last week, but the bakery owner Tom Reyes said nobody had asked the shops what they "
    "thought. He plans to close on Saturdays from March.",
    "A survey by the chamber of commerce found that nine in ten harbour businesses opposed the "
    "rise, and most said they had not been told when the repairs would begin.",
]


def make_article(
    paragraphs: list[str],
    title: str = "",
    byline: str = "",
    trailer: list[str] | None = None,
    trailer_kind: BlockKind = BlockKind.BOILERPLATE,
    published: datetime | None = None,
) -> Article:
    """An article whose blocks are typed as given: title, byline, paragraphs, trailer."""
    parts = [(BlockKind.TITLE, title), (BlockKind.BYLINE, byline)]
    parts += [(BlockKind.PARAGRAPH, p) for p in paragraphs]
    parts += [(trailer_kind, t) for t in trailer or []]
    text, blocks = "", []
    for kind, part in parts:
        if part:
            start = len(text) + (2 if text else 0)
            text = f"{text}\n\n{part}" if text else part
            blocks.append(Block(kind, start, len(text)))
    return Article(text, blocks, title=title or None, published=published)


def day(n: int) -> datetime:
    return datetime(2024, 5, n, tzinfo=UTC)


ORIGINAL = make_article(
    WIRE, "Council doubles harbour bridge toll", "By Ana Silva", published=day(3)
)
COPY = make_article(
    WIRE,
    "Harbour bridge toll to double as council backs mayor",
    "Wire staff",
    trailer=[
        "Sign up for our morning newsletter: the day's news before breakfast.",
        "© 2024 The Coast Gazette. All rights reserved.",
    ],
    published=day(4),
)
# A teaser: the first two paragraphs, with the trailer left in the body by its reader.
TEASER = make_article(
    WIRE[:2],
    "Toll on old bridge doubles",
    trailer=["Read more: the bridge's history in pictures. Share this story on social media."],
    trailer_kind=BlockKind.PARAGRAPH,
    published=day(5),
)
OTHER = make_article(OTHER_STORY, "Harbour shops fear bridge toll", published=day(4))


def test_a_wire_copy_with_its_own_headline_byline_and_boilerplate_is_one_group() -> None:
    (group,) = group_articles([ORIGINAL, COPY, TEASER, OTHER])
    assert group.members == (ORIGINAL.id, COPY.id, TEASER.id)
    assert group.id == ORIGINAL.id  # the earliest published names the group
    pair = {ORIGINAL.id, COPY.id}
    copy_link = next(link for link in group.links if {link.first, link.second} == pair)
    assert copy_link.jaccard == 1.0  # the bodies are the same words


def test_two_stories_on_one_topic_sharing_a_quote_are_not_one_group() -> None:
    assert group_articles([ORIGINAL, OTHER]) == []
    mine, theirs = signature(ORIGINAL), signature(OTHER)
    assert mine.containment(theirs) < SyndicationParams().min_containment


def test_a_body_too_short_to_judge_joins_no_group() -> None:
    short = make_article(["The council met on Tuesday."], published=day(6))
    also = make_article(["The council met on Tuesday."], published=day(7))
    assert signature(short).size < SyndicationParams().min_shingles
    assert group_articles([short, also]) == []


def test_the_signature_reads_back_from_its_bytes() -> None:
    made = signature(ORIGINAL)
    data = made.to_bytes()
    assert len(data) == 20 + 4 * SyndicationParams().num_perm
    assert Signature.from_bytes(data) == made
    stored = SignedArticle.from_bytes(ORIGINAL.id, ORIGINAL.published, data)
    assert stored == signed_article(ORIGINAL)


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"ORMH", "too short"), (b"XXXX" + bytes(16), "not a version-1"), (b"", "too short")],
)
def test_bad_signature_bytes_name_the_article(data: bytes, problem: str) -> None:
    with pytest.raises(RecordError, match=f"art-1: .*{problem}"):
        Signature.from_bytes(data, where="art-1")


def test_truncated_signature_bytes_are_refused() -> None:
    with pytest.raises(RecordError, match="bytes of values"):
        Signature.from_bytes(signature(ORIGINAL).to_bytes()[:-4], where="art-1")


def test_a_signature_made_otherwise_is_refused_with_the_fix() -> None:
    other = signature(ORIGINAL, SyndicationParams(num_perm=128, bands=64))
    index = SyndicationIndex()
    with pytest.raises(RecordError, match="recompute it from the article"):
        index.add([SignedArticle("art-1", None, other)])


def test_a_signature_depends_on_the_body_alone() -> None:
    values = signature(ORIGINAL).minhash.hashvalues
    again = signature(make_article(WIRE, "Another title")).minhash.hashvalues
    assert list(values) == list(again)


def test_signatures_are_pinned_so_stored_ones_stay_valid() -> None:
    # Seeded permutations and SHA-1 of each shingle: the same values in every run and
    # release; a change here makes every stored signature incomparable.
    text = "The council voted on Tuesday to double the toll on the old harbour bridge."
    made = signature(Article(text, [Block(BlockKind.PARAGRAPH, 0, len(text))]))
    assert made.size == 12
    assert [int(v) for v in made.minhash.hashvalues[:4]] == [
        107570099,
        289194143,
        751949753,
        13748469,
    ]


def test_adding_the_same_article_again_changes_nothing() -> None:
    index = SyndicationIndex()
    index.add([signed_article(ORIGINAL), signed_article(COPY)])
    assert index.add([signed_article(COPY)]) == []
    assert len(index) == 2


def test_an_earlier_copy_added_later_renames_the_group_and_says_so() -> None:
    index = SyndicationIndex()
    first = index.add([signed_article(COPY), signed_article(TEASER)])
    assert {a.group_id for a in first} == {COPY.id}
    later = index.add([signed_article(ORIGINAL)])
    assert {a.article_id for a in later} == {ORIGINAL.id, COPY.id, TEASER.id}
    assert {a.group_id for a in later} == {ORIGINAL.id}


def test_undated_articles_name_a_group_only_when_none_is_dated() -> None:
    undated = make_article(WIRE, "No date")
    (group,) = group_articles([undated, TEASER])
    assert group.id == TEASER.id
    assert group.members[-1] == undated.id


SIGNED = [signed_article(a) for a in (ORIGINAL, COPY, TEASER, OTHER)] + [
    signed_article(make_article(OTHER_STORY[:2], "Shops", published=day(2))),
    signed_article(make_article(WIRE[1:], "Bridge", published=day(3))),
]


def _batch() -> tuple[list[tuple[str, tuple[str, ...]]], dict[str, str]]:
    index = SyndicationIndex()
    index.add(SIGNED)
    groups = [(g.id, g.members) for g in index.groups()]
    return groups, {a.article_id: index.group_of(a.article_id) for a in SIGNED}


BATCH = _batch()


@settings(max_examples=30, deadline=None)
@given(order=st.permutations(range(len(SIGNED))), cuts=st.sets(st.integers(1, len(SIGNED) - 1)))
def test_batch_by_batch_equals_all_at_once(order: list[int], cuts: set[int]) -> None:
    index = SyndicationIndex()
    assigned: dict[str, str] = {}
    bounds = [0, *sorted(cuts), len(order)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        for change in index.add(SIGNED[i] for i in order[start:end]):
            assigned[change.article_id] = change.group_id
    assert [(g.id, g.members) for g in index.groups()] == BATCH[0]
    assert assigned == BATCH[1]  # the changes returned, applied in turn, are the groups


@settings(max_examples=25, deadline=None)
@given(text=st.text(min_size=0, max_size=400))
def test_any_text_has_a_signature_that_reads_back(text: str) -> None:
    made = signature(Article(text, [Block(BlockKind.PARAGRAPH, 0, len(text))]))
    assert Signature.from_bytes(made.to_bytes()) == made
