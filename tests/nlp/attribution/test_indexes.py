"""The indexes that keep the rules linear in the quotations and candidates of an article
answer exactly as the loops over all of them did (issue 21, F2)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from onrecord.model import AttributionKind
from onrecord.nlp.attribution.checker import Rivals, Sketch
from onrecord.nlp.attribution.spans import Claims
from onrecord.nlp.attribution.windows import _widened_to_quotes
from onrecord.nlp.doc_records import DocAttribution

N_TOKENS = 200
DOC = Doc(Vocab(), words=["w"] * N_TOKENS)
EXAMPLES = settings(max_examples=300, deadline=None)


def widened_by_every_quote(quotes: list[tuple[int, int]], first: int, end: int) -> tuple[int, int]:
    """What ``role_window`` did: every quotation read in turn for each cue."""
    for q_first, q_end in quotes:
        if q_first < end and q_end > first:
            first, end = min(first, q_first), max(end, q_end)
    return first, end


@st.composite
def quotations(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Disjoint token ranges in order, some empty, as ``DocContext.quote_tokens``."""
    cuts = sorted(draw(st.lists(st.integers(0, N_TOKENS), max_size=40)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return [(a, b) for a, b in pairs]


@EXAMPLES
@given(quotations(), st.integers(0, N_TOKENS), st.integers(0, 60))
def test_windows_widen_as_reading_every_quotation(
    quotes: list[tuple[int, int]], first: int, length: int
) -> None:
    end = min(first + length, N_TOKENS)
    assert _widened_to_quotes(quotes, first, end) == widened_by_every_quote(quotes, first, end)


def claimed_by_any(found: list[DocAttribution], first: int, end: int) -> bool:
    """What the document rules asked of every attribution, for each quotation."""
    for attribution in found:
        cue = attribution.cue
        if cue is not None and first <= cue.start and cue.end <= end:
            continue
        if any(span.start < end and first < span.end for span in attribution.content):
            return True
    return False


token_range = st.tuples(st.integers(0, N_TOKENS), st.integers(0, 80)).map(
    lambda r: (r[0], min(r[0] + r[1], N_TOKENS))
)


@st.composite
def attributions(draw: st.DrawFn) -> DocAttribution:
    cue = draw(st.none() | token_range)
    parts = draw(st.lists(token_range, min_size=1, max_size=3))
    return DocAttribution(
        cue=Span(DOC, *cue) if cue else None,
        source=None,
        content=[Span(DOC, a, b) for a, b in parts],
        kind=AttributionKind.DIRECT,
        confidence=0.9,
        method="test",
    )


@EXAMPLES
@given(st.lists(attributions(), max_size=12), st.lists(token_range, min_size=1, max_size=8))
def test_claims_answer_as_reading_every_attribution(
    found: list[DocAttribution], questions: list[tuple[int, int]]
) -> None:
    claims = Claims(found)
    for first, end in questions + [(end, first) for first, end in questions]:
        assert claims.claimed(first, end) == claimed_by_any(found, first, end)


@EXAMPLES
@given(st.lists(attributions(), min_size=1, max_size=8), attributions(), token_range)
def test_claims_see_content_added_later(
    found: list[DocAttribution], later: DocAttribution, question: tuple[int, int]
) -> None:
    claims = Claims(found)
    found[0].content.append(Span(DOC, *question))
    claims.add(found[0])
    found.append(later)
    claims.add(later)
    found[0].content = found[0].content[1:]  # replaced content: the old stays filed
    claims.add(found[0])
    for first, end in [question, (0, N_TOKENS), (question[0], question[0])]:
        assert claims.claimed(first, end) == claimed_by_any(found, first, end)


def rivals_pairwise(own: int, sketches: list[Sketch]) -> frozenset[str]:
    """What the checker did: every other candidate compared with each."""
    me = sketches[own]
    found = set()
    for k, other in enumerate(sketches):
        if k == own:
            continue
        rank = "stronger" if other.cue_confidence > me.cue_confidence else "weaker"
        if me.head in other.content:
            found.add(f"cue_in_content_of_{rank}")
        shared = len(me.content & other.content)
        union = len(me.content) + len(other.content) - shared
        if me.content and 2 * shared >= union:
            found.add(f"content_shared_with_{rank}")
        if other.head in me.content:
            found.add("content_holds_cue")
    return frozenset(found)


sketch = st.builds(
    Sketch,
    head=st.integers(0, 30),
    cue_confidence=st.sampled_from([0.2, 0.5, 0.9]),
    content=st.frozensets(st.integers(0, 30), max_size=12),
)


@EXAMPLES
@given(st.lists(sketch, min_size=1, max_size=10))
def test_rivals_are_those_of_every_pair(sketches: list[Sketch]) -> None:
    rivals = Rivals(sketches)
    for own in range(len(sketches)):
        assert rivals.features(own) == rivals_pairwise(own, sketches)
