"""Records as rows: each view's keys are its columns, and empty values are ``None``."""

from __future__ import annotations

from datetime import date

from onrecord.model import (
    Actor,
    ActorType,
    Attribution,
    AttributionAct,
    AttributionKind,
    Coarse,
    DateRule,
    Position,
    SaidOn,
    Span,
)
from onrecord.query import (
    ACTOR_COLUMNS,
    ATTRIBUTION_COLUMNS,
    POSITION_COLUMNS,
    TRACKED_POSITION_COLUMNS,
    TRACKED_POSITION_SUMMARY_COLUMNS,
    actor_row,
    attribution_row,
    position_row,
    tracked_position_row,
    tracked_position_summary,
)
from onrecord.resolve import RegistryEntry, RoleSighting, TrackedPosition

GERMANY = Actor("Government of Germany", ActorType.GOVERNMENT)


def _position(article: str, evidence: str, conditions: str | None = None) -> Position:
    return Position(
        issue="strikes",
        actor=GERMANY,
        stance="allows",
        coarse=Coarse.FOR,
        conditions=conditions,
        as_of=date(2024, 5, 31),
        evidence=[Span(0, len(evidence), evidence)],
        confidence=0.91234,
        method="rules",
        article=article,
    )


def _tracked(shifted_from: str | None = None) -> TrackedPosition:
    return TrackedPosition(
        issue="strikes",
        actor=GERMANY,
        stance="allows",
        coarse=Coarse.FOR,
        as_of=date(2024, 5, 31),
        placed_on=date(2024, 5, 31),
        published=date(2024, 5, 31),
        positions=(
            _position("reuters", "Germany said it may.", "near Kharkiv"),
            _position("dw", "Berlin agreed."),
        ),
        shifted_from=shifted_from,
    )


def test_an_attribution_row_names_the_actor_else_the_source_and_joins_the_parts() -> None:
    attribution = Attribution(
        content=[Span(0, 4, "We must"), Span(20, 30, "be ready")],
        cue=Span(10, 14, "said"),
        source=Span(15, 19, "Jens"),
        kind=AttributionKind.DIRECT,
        confidence=0.9,
        said_on=SaidOn(date(2024, 5, 27), DateRule.WEEKDAY, Span(31, 40, "on Monday")),
        act=AttributionAct.SPEECH,
    )
    row = attribution_row(attribution)
    assert tuple(row) == ATTRIBUTION_COLUMNS
    assert row == {
        "speaker": "Jens",
        "cue": "said",
        "said_on": "2024-05-27",
        "kind": "direct",
        "act": "speech",
        "content": "We must … be ready",
    }
    attribution.actor = Actor("Jens Stoltenberg", ActorType.PERSON)
    attribution.said_on = None
    assert attribution_row(attribution)["speaker"] == "Jens Stoltenberg"
    assert attribution_row(attribution)["said_on"] is None


def test_a_position_row() -> None:
    row = position_row(_position("reuters", "Germany said it may."))
    assert tuple(row) == POSITION_COLUMNS
    assert row == {
        "actor": "Government of Germany",
        "stance": "allows",
        "as_of": "2024-05-31",
        "evidence": "Germany said it may.",
    }


def test_an_actor_row_counts_and_lists_each_role_once() -> None:
    entry = RegistryEntry(
        actor=GERMANY,
        aliases=("Germany", "Berlin"),
        articles=("reuters", "dw"),
        mentions=3,
        roles=(RoleSighting("ally", "dw"), RoleSighting("NATO member", "reuters")),
    )
    row = actor_row(entry)
    assert tuple(row) == ACTOR_COLUMNS
    assert row == {
        "id": "government-of-germany",
        "name": "Government of Germany",
        "type": "government",
        "mentions": 3,
        "articles": 2,
        "roles": "NATO member; ally",
    }


def test_a_tracked_position_row_has_every_field_flat() -> None:
    row = tracked_position_row(_tracked())
    assert tuple(row) == TRACKED_POSITION_COLUMNS
    assert row["articles"] == "reuters; dw"
    assert row["evidence"] == "Germany said it may. | Berlin agreed."
    assert row["confidence"] == 0.912
    assert (row["shift"], row["shifted_from"], row["held_before"]) == (None, None, None)
    assert tracked_position_row(_tracked("forbids"))["shift"] == "yes"


def test_a_tracked_position_summary_is_one_line_of_it() -> None:
    row = tracked_position_summary(_tracked("forbids"))
    assert tuple(row) == TRACKED_POSITION_SUMMARY_COLUMNS
    assert row["shift"] == "← forbids"
    assert (row["articles"], row["evidence"]) == (2, "Germany said it may.")
    assert row["conditions"] == "near Kharkiv"
    assert tracked_position_summary(_tracked())["shift"] is None
