"""Rules that reshape attributions after the taggers, on hand-made attributions.

These pin what a rule does with what it is handed, whatever the taggers would find
in the sentence.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from onrecord.model import AttributionKind
from onrecord.nlp.attribution.document_rules import without_other_clauses
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.doc_records import DocAttribution
from onrecord.nlp.pipeline import load_base


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_base()


def span(ctx: DocContext, text: str) -> Span:
    start = ctx.doc.text.index(text)
    found = ctx.doc.char_span(start, start + len(text))
    assert found is not None
    return found


def attribution(ctx: DocContext, source: str, cue: str, *parts: str) -> DocAttribution:
    return DocAttribution(
        cue=span(ctx, cue),
        source=span(ctx, source),
        content=[span(ctx, part) for part in parts],
        kind=AttributionKind.INDIRECT,
        confidence=1.0,
        method="test",
    )


@pytest.mark.parametrize(
    ("text", "source", "cue", "before", "after"),
    [
        (
            "Tapper followed up with a question, but Obama said he was not speaking of Trump.",
            "Obama",
            "said",
            "Tapper followed up with a question",
            "he was not speaking of Trump",
        ),
        (
            "A video surfaced (her campaign later disclosed that she has pneumonia).",
            "her campaign",
            "later disclosed",
            "A video surfaced",
            "that she has pneumonia",
        ),
    ],
)
def test_a_part_cut_off_by_a_conjunction_or_parenthesis_is_another_clause(
    nlp: Language, text: str, source: str, cue: str, before: str, after: str
) -> None:
    ctx = build_context(nlp(text), [0])
    found = [attribution(ctx, source, cue, before, after)]
    found = without_other_clauses(ctx, found)
    assert [part.text for part in found[0].content] == [after]


def test_a_part_with_only_the_source_between_stays(nlp: Language) -> None:
    ctx = build_context(nlp("The bridge, the mayor said, will open in March."), [0])
    found = [attribution(ctx, "the mayor", "said", "The bridge", "will open in March")]
    found = without_other_clauses(ctx, found)
    assert [part.text for part in found[0].content] == ["The bridge", "will open in March"]
