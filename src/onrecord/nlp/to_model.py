"""The one place where spaCy objects become record-model objects."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan

from onrecord.model import Attribution, Position, SaidOn, Span
from onrecord.nlp.doc_records import DocAttribution, DocSaidOn
from onrecord.nlp.positions import DocPosition
from onrecord.nlp.textview import TextView


def to_span(view: TextView, text: str, span: DocSpan) -> Span:
    start, end = view.span_to_article(span.start_char, span.end_char)
    return Span.of(text, start, end)


def to_spans(view: TextView, text: str, span: DocSpan) -> list[Span]:
    """One span per block the Doc span crosses (a quote over several paragraphs)."""
    ranges = view.range_to_article(span.start_char, span.end_char)
    return [Span.of(text, start, end) for start, end in ranges if text[start:end].strip()]


def to_attributions(
    view: TextView,
    text: str,
    found: list[DocAttribution],
    ids: dict[int, str] | None = None,
    *,
    first_number: int = 1,
) -> list[Attribution]:
    """Record attributions; one whose content maps to no text at all is dropped.

    ``ids``, when given, receives each kept DocAttribution's record id, by ``id()``;
    ids are numbered from ``first_number`` (an article's later pieces go on from the
    ones before).
    """
    out: list[Attribution] = []
    for item in found:
        content = [s for part in item.content for s in to_spans(view, text, part)]
        if not content:
            continue
        out.append(
            Attribution(
                content=content,
                cue=to_span(view, text, item.cue) if item.cue is not None else None,
                source=to_span(view, text, item.source) if item.source is not None else None,
                kind=item.kind,
                confidence=item.confidence,
                method=item.method,
                id=f"a{first_number + len(out)}",
                actor=item.actor,
                said_on=to_said_on(view, text, item.said_on) if item.said_on else None,
                act=item.act,
            )
        )
        if ids is not None:
            ids[id(item)] = out[-1].id
    return out


def to_positions(
    view: TextView, text: str, found: list[DocPosition], ids: dict[int, str]
) -> list[Position]:
    """Record positions; ``ids`` gives the record id of each DocAttribution they rest on."""
    return [
        Position(
            issue=item.issue,
            actor=item.actor,
            stance=item.stance,
            coarse=item.coarse,
            conditions=item.conditions,
            as_of=item.as_of,
            held_before=item.held_before,
            evidence=[s for span in item.evidence for s in to_spans(view, text, span)],
            confidence=item.confidence,
            method=item.method,
            attributions=[ids[id(a)] for a in item.attributions if id(a) in ids],
            speaker=item.speaker,
        )
        for item in found
    ]


def to_said_on(view: TextView, text: str, found: DocSaidOn) -> SaidOn:
    return SaidOn(
        date=found.date,
        rule=found.rule,
        basis=to_span(view, text, found.basis) if found.basis is not None else None,
        earliest=found.earliest,
        latest=found.latest,
    )
