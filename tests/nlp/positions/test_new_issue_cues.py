"""Cues and actors that hold on an issue other than the example's, on invented articles.

The issue (Norway and the euro) is written here as a user would write it from
docs/positions.md; each test is one class of statement that the sets of more than one
issue showed missed: a welcome, an objection, a label's own hint with no cue of the
lexicon, an office-holder whose country only the rest of the article gives.
"""

from __future__ import annotations

from datetime import datetime

import onrecord
from onrecord.ingest.text import parse_text
from onrecord.model import Coarse, Issue, StanceLabel

ISSUE = Issue(
    id="norway-euro",
    title="Norway and the euro",
    statement="Norway should adopt the euro as its currency",
    description="",
    topics=(("Norway", "Norwegian", "Oslo"), ("euro", "single currency", "eurozone")),
    stances=(
        StanceLabel("supports", "", Coarse.FOR, signals=("advocacy", "permission")),
        StanceLabel(
            "opposes",
            "",
            Coarse.AGAINST,
            signals=("opposition", "prohibition", "warning"),
            hints=("no rush",),
        ),
        StanceLabel("undecided", "", Coarse.UNDECIDED, signals=("consideration",)),
    ),
)


def held(*paragraphs: str) -> set[tuple[str, str, str | None]]:
    article = parse_text("\n\n".join(paragraphs), published=datetime(2025, 3, 6))
    found = onrecord.analyze(article, issues=[ISSUE]).positions or []
    return {(p.actor.name, p.stance, p.speaker.name if p.speaker else None) for p in found}


def test_a_welcome_supports() -> None:
    found = held("Denmark on Monday welcomed Norway's plan to adopt the euro.")
    assert found == {("Government of Denmark", "supports", None)}


def test_an_objection_opposes() -> None:
    found = held("The Swedish government raised strong objections to Norway joining the eurozone.")
    assert found == {("Government of Sweden", "opposes", None)}


def test_objecting_opposes() -> None:
    found = held("Sweden objected to Norway adopting the euro, its government said on Monday.")
    assert found == {("Government of Sweden", "opposes", None)}


def test_encouraging_supports() -> None:
    found = held("Denmark encouraged Norway to adopt the euro, its government said on Monday.")
    assert found == {("Government of Denmark", "supports", None)}


def test_a_hint_gives_its_label_without_a_cue_of_the_lexicon() -> None:
    found = held(
        "Finland is in no rush to see Norway adopt the euro, Finnish Prime Minister"
        " Anna Virta said on Tuesday."
    )
    assert found == {("Government of Finland", "opposes", "Anna Virta")}


def test_a_hint_needs_the_issue_all_the_same() -> None:
    assert held("Finland is in no rush to cut taxes, Prime Minister Anna Virta said.") == set()


def test_an_office_holder_speaks_for_the_country_the_article_is_about() -> None:
    found = held(
        "Danish lawmakers met in Copenhagen on Monday. Denmark's budget was debated for hours.",
        "Finance Minister Lars Holm said he supported Norway adopting the euro.",
    )
    assert found == {("Government of Denmark", "supports", "Lars Holm")}


def test_not_voting_for_it_opposes() -> None:
    found = held("Sweden said on Monday it would not vote for Norway joining the euro.")
    assert found == {("Government of Sweden", "opposes", None)}


def test_the_proposal_refers_back_to_the_issue_the_sentence_before_names() -> None:
    found = held(
        "Norway's government proposed on Monday that the country adopt the euro."
        " Denmark voted against the proposal on Tuesday."
    )
    assert ("Government of Denmark", "opposes", None) in found


def test_an_indefinite_proposal_refers_to_nothing_before_it() -> None:
    found = held(
        "Norway's government proposed on Monday that the country adopt the euro."
        " Denmark voted against a proposal on fishing quotas on Tuesday."
    )
    assert not any(actor == "Government of Denmark" for actor, _, _ in found)


def test_raising_concerns_warns() -> None:
    found = held("Sweden raised concerns over Norway adopting the euro on Monday.")
    assert found == {("Government of Sweden", "opposes", None)}


def test_a_dateline_read_as_a_speaker_holds_no_position() -> None:
    found = held(
        "COPENHAGEN: Prime Minister Lars Holm said on Friday that Denmark supports Norway"
        " adopting the euro.",
        "Speaking in Copenhagen, Holm said the euro would help Norway.",
    )
    assert found == {("Government of Denmark", "supports", "Lars Holm")}
