"""One article's positions merged: one per actor, label and date, with all its
evidence; then the ones another says more precisely folded into it."""

from __future__ import annotations

from datetime import date

from onrecord.model import Issue, fold
from onrecord.nlp.positions.dating import dated_by_text
from onrecord.nlp.positions.records import DocPosition
from onrecord.nlp.positions.stance import signal_sets


def merge(positions: list[DocPosition], issue: Issue) -> list[DocPosition]:
    """One position per actor, label and date, with all its evidence; then the ones
    another says more precisely folded into it (see ``_refines``)."""
    merged: dict[tuple[str, str, date | None], DocPosition] = {}
    for position in positions:
        key = (fold(position.actor.name), position.stance, position.as_of)
        if key in merged:
            _absorb(merged[key], position)
        else:
            merged[key] = position
    kept: list[DocPosition] = []
    for position in merged.values():
        finer = next((p for p in merged.values() if _refines(p, position, issue)), None)
        if finer is None:
            kept.append(position)
        else:
            _absorb(finer, position)
    return kept


def _refines(finer: DocPosition, coarser: DocPosition, issue: Issue) -> bool:
    """Whether ``finer`` says what ``coarser`` says, more precisely, in one article: a
    label that adds signals ("permits_with_limits" to "permits") on the same day or on
    a day the text gives where the other has only the publication date or a period
    (the headline's "U.S. gives Ukraine permission" and the body's counter-fire limits;
    "Germany announced this week …" and "Germany on Friday suggested … attacks from
    just inside Russia"), or the same coarse stance with a day the text gives where
    the other has none (the lead's "Cameron has backed ..." and "On Thursday (2 May),
    Lord Cameron said ...")."""
    if finer is coarser or fold(finer.actor.name) != fold(coarser.actor.name):
        return False
    text_dated = _dated_by_text(finer) and not _dated_by_text(coarser)
    if _adds_signals(issue, finer.stance, coarser.stance):
        return finer.as_of == coarser.as_of or text_dated
    return finer.coarse is coarser.coarse and text_dated


def _adds_signals(issue: Issue, finer: str, coarser: str) -> bool:
    finer_sets = signal_sets(issue.stance(finer))
    coarser_sets = signal_sets(issue.stance(coarser))
    return bool(coarser_sets) and all(any(c < f for f in finer_sets) for c in coarser_sets)


def _dated_by_text(position: DocPosition) -> bool:
    return dated_by_text(position.said_on, position.as_of)


def _absorb(kept: DocPosition, position: DocPosition) -> None:
    kept.evidence += [s for s in position.evidence if s not in kept.evidence]
    kept.attributions += [a for a in position.attributions if a not in kept.attributions]
    kept.confidence = max(kept.confidence, position.confidence)
    kept.conditions = _joined(kept.conditions, position.conditions)
    kept.speaker = kept.speaker or position.speaker


def _joined(first: str | None, second: str | None) -> str | None:
    parts = [p for text in (first, second) if text for p in text.split("; ")]
    unique = list(dict.fromkeys(parts))
    return "; ".join(unique) if unique else None
