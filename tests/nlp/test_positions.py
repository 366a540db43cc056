"""Position extraction on invented articles, one pattern each, with the example issue.

Labels follow the topical-dev conventions that examples/issues/strikes-inside-russia.toml
uses: permits, permits_with_limits, supports_lifting, opposes, forbids, warns_against,
undecided; office-holders speak for "Government of X".
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

import onrecord
from conftest import REPO
from onrecord.ingest.text import parse_text
from onrecord.model import Coarse, Example, Issue, Position, StanceLabel
from onrecord.nlp.positions.stance import choose_label

ISSUE = onrecord.load_issue(REPO / "examples" / "issues" / "strikes-inside-russia.toml")
THURSDAY = datetime(2024, 5, 30)


def positions(*paragraphs: str, published: datetime | None = THURSDAY) -> list[Position]:
    article = parse_text("\n\n".join(paragraphs), published=published)
    found = onrecord.analyze(article, issues=[ISSUE]).positions
    assert found is not None
    return found


def held(found: list[Position]) -> set[tuple[str, str]]:
    return {(p.actor.name, p.stance) for p in found}


def test_a_government_permission_with_limits_its_conditions_and_day() -> None:
    (found,) = positions(
        "Germany on Friday said that Ukraine could use German-supplied weapons to defend"
        " itself against attacks launched from just inside Russia.",
        published=datetime(2024, 5, 31),
    )
    assert (found.actor.name, found.stance, found.coarse) == (
        "Government of Germany",
        "permits_with_limits",
        Coarse.FOR_WITH_LIMITS,
    )
    assert found.as_of == date(2024, 5, 31)
    assert found.conditions is not None and "defend itself" in found.conditions
    assert found.method == "rules-v1:attribution" and found.attributions


def test_an_announced_permission_without_limits() -> None:
    found = positions(
        "France announced on Thursday that Ukraine is allowed to use the missiles it"
        " supplied to strike targets inside Russia."
    )
    assert held(found) == {("Government of France", "permits")}


def test_a_negated_permission_forbids() -> None:
    found = positions(
        "The U.S. has said it does not allow the use of its weapons for attacks inside Russia."
    )
    assert held(found) == {("Government of the United States", "forbids")}


def test_a_rule_confining_use_to_ukraine_forbids_and_the_minister_speaks_for_italy() -> None:
    (found,) = positions(
        "Italy's Foreign Minister Antonio Tajani said on Thursday that weapons supplied by"
        " Italy should only be used in Ukraine, not against targets inside Russia."
    )
    assert (found.actor.name, found.stance) == ("Government of Italy", "forbids")
    assert found.speaker is not None and found.speaker.name == "Antonio Tajani"


def test_a_hint_before_the_speaker_is_read_without_the_speaker() -> None:
    found = positions(
        "Weapons supplied to Ukraine by Italy are to be used only inside the country's"
        " borders, Deputy Premier and Foreign Minister Antonio Tajani said Tuesday.",
        "Tajani spoke as allies debated strikes inside Russia.",
    )
    italy = {stance for actor, stance in held(found) if actor == "Government of Italy"}
    assert "forbids" in italy and "permits_with_limits" not in italy


def test_a_commentator_who_says_nothing_is_off_limits_supports_lifting() -> None:
    found = positions(
        "“We have to say no use of weapons is off-limits inside Russia, as long as it conforms"
        " to international law,” said Kurt Volker, a former U.S. ambassador to NATO."
    )
    assert held(found) == {("Kurt Volker", "supports_lifting")}
    assert "as long as" in (found[0].conditions or "")


def test_a_head_of_state_urging_other_allies_keeps_their_own_name() -> None:
    found = positions(
        "Latvian President Edgars Rinkēvičs called on allies to lift restrictions on the use"
        " of their weapons against targets in Russia."
    )
    assert held(found) == {("Edgars Rinkēvičs", "supports_lifting")}


def test_a_warning_about_a_hypothetical_permission_is_a_warning() -> None:
    found = positions(
        "Russian President Vladimir Putin warned of a global conflict if Western allies allow"
        " Ukraine to use their weapons to strike inside Russia."
    )
    assert held(found) == {("Government of Russia", "warns_against")}


def test_a_narrative_sentence_reports_a_policy() -> None:
    (found,) = positions(
        "Previously, Washington's official position prohibited U.S.-supplied weapons from"
        " striking Russian territory."
    )
    assert (found.actor.name, found.stance) == ("Government of the United States", "forbids")
    assert found.method == "rules-v1:narrative" and not found.attributions


def test_a_report_of_a_decision_is_the_decider_s_position() -> None:
    found = positions(
        "The U.S. has reportedly given Ukraine limited permission to use its weapons to strike"
        " targets inside Russia."
    )
    assert held(found) == {("Government of the United States", "permits_with_limits")}


def test_the_country_at_stake_is_not_who_allows_it() -> None:
    found = positions(
        "Allies say Ukraine should be able to use Western weapons to strike inside Russia."
    )
    assert all(p.actor.name != "Government of Ukraine" for p in found)


def test_two_statements_of_one_stance_on_one_day_are_one_position() -> None:
    (found,) = positions(
        "Canada said on Thursday that Ukraine is allowed to use Canadian weapons to strike"
        " targets inside Russia.",
        "Canada also said on Thursday that Kyiv is free to use the missiles it supplied against"
        " targets on Russian territory.",
    )
    assert (found.actor.name, found.stance) == ("Government of Canada", "permits")
    assert len(found.evidence) == 2 and len(found.attributions) == 2


def test_an_article_about_something_else_has_no_positions() -> None:
    assert positions("The mayor said the bridge would reopen on Monday, after repairs.") == []


def test_evidence_offsets_index_the_article_text() -> None:
    text = (
        "Germany on Friday said that Ukraine could use German-supplied weapons to defend"
        " itself against attacks launched from just inside Russia."
    )
    analysis = onrecord.analyze(text, issues=[ISSUE])
    record = analysis.to_dict()["positions"][0]
    for part in record["evidence"]:
        assert text[part["start"] : part["end"]] == part["text"]
    assert record["actor"]["name"] == "Government of Germany"
    assert record["attributions"] == [analysis.attributions[0].id]


def test_without_an_issue_there_are_no_positions_in_the_record() -> None:
    analysis = onrecord.analyze("Germany said Ukraine may use its weapons inside Russia.")
    assert analysis.positions is None and "positions" not in analysis.to_dict()


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        (
            "The German government said it is considering whether to let Ukraine strike"
            " inside Russia with its missiles.",
            "undecided",
        ),
        (
            "A German government spokesman said Berlin refuses to let Ukraine use German"
            " missiles against targets inside Russia.",
            "opposes",
        ),
    ],
)
def test_consideration_and_refusal(sentence: str, label: str) -> None:
    assert {p.stance for p in positions(sentence)} == {label}


def test_a_labelled_example_breaks_a_tie_between_labels() -> None:
    stances = (
        StanceLabel("rejects", "", Coarse.AGAINST, ("opposition",)),
        StanceLabel("threatens", "", Coarse.AGAINST, ("warning",)),
    )
    example = Example(
        "The ministry warned of retaliation against any strike on its airfields.", "threatens"
    )
    issue = Issue("x", "X", "X", "", stances, (("strike",),), (example,))
    both = frozenset({"opposition", "warning"})
    text = "The ministry rejected the plan and warned of retaliation against strikes on airfields."
    assert choose_label(issue, both, text).label == "threatens"
    assert choose_label(issue, both, "They rejected it.").label == "rejects"


def test_a_policy_held_before_publication_is_dated_by_it_not_on_a_guessed_day() -> None:
    (found,) = positions(
        "Previously, Washington's official position prohibited U.S.-supplied weapons from"
        " striking Russian territory."
    )
    assert found.as_of is None and found.held_before == THURSDAY.date()


def test_evidence_stops_at_the_paragraph_a_heading_ran_into() -> None:
    found = positions(
        "Allies weigh their options",
        "France announced on Thursday that Ukraine is allowed to use the missiles it"
        " supplied to strike targets inside Russia.",
    )
    (france,) = [p for p in found if p.actor.name == "Government of France"]
    assert all(not span.text.startswith("Allies") for span in france.evidence)
    assert france.evidence[0].text.startswith("France announced")


@pytest.mark.parametrize(
    ("sentence", "position"),
    [
        (
            "Britain has given Ukraine the green light to use Storm Shadow missiles against"
            " targets inside Russia, the defence ministry said on Monday.",
            ("Government of the United Kingdom", "permits"),
        ),
        (
            "French President Emmanuel Macron said on Tuesday that Ukraine should be allowed to"
            " neutralise military sites in Russia from which missiles are fired.",
            ("Government of France", "supports_lifting"),
        ),
        (
            "The German chancellor rejected calls to let Ukraine use Taurus missiles against"
            " targets inside Russia.",
            ("Government of Germany", "opposes"),
        ),
        (
            "Former NATO commander James Stavridis argued that Ukraine should be allowed to hit"
            " airfields inside Russia with American weapons.",
            ("James Stavridis", "supports_lifting"),
        ),
        (  # backing strikes with its own weapons is the supplier's permission
            "British Foreign Secretary David Cameron on Friday backed Ukrainian strikes against"
            " targets inside Russia using British-supplied weapons.",
            ("Government of the United Kingdom", "permits"),
        ),
        (  # with another country's weapons, he asks for it, as himself
            "British Foreign Secretary David Cameron on Friday backed Ukrainian strikes against"
            " targets inside Russia using American-supplied weapons.",
            ("David Cameron", "supports_lifting"),
        ),
    ],
)
def test_who_holds_the_position(sentence: str, position: tuple[str, str]) -> None:
    assert held(positions(sentence)) == {position}


@pytest.mark.parametrize(
    ("sentence", "position"),
    [
        (
            "The Pentagon said on Wednesday that Ukraine may not use ATACMS missiles inside"
            " Russia.",
            ("Government of the United States", "forbids"),
        ),
        (
            "Biden has so far resisted calls to let Ukraine use long-range missiles inside Russia.",
            ("Joe Biden", "opposes"),  # the actors knowledge's name for a surname alone
        ),
        (
            "Germany is still debating whether to allow Ukraine to use Taurus missiles against"
            " Russian territory.",
            ("Government of Germany", "undecided"),
        ),
    ],
)
def test_modal_use_refusal_and_debate(sentence: str, position: tuple[str, str]) -> None:
    assert held(positions(sentence)) == {position}


def test_a_hedged_report_is_held_with_less_confidence() -> None:
    (plain,) = positions(
        "Germany said on Thursday that Ukraine is allowed to use German weapons against"
        " targets inside Russia."
    )
    (hedged,) = positions(
        "Germany said on Thursday that Ukraine is apparently allowed to use German weapons"
        " against targets inside Russia."
    )
    assert hedged.stance == plain.stance == "permits"
    assert hedged.confidence < plain.confidence


def test_international_law_is_a_condition_not_a_limit() -> None:
    (found,) = positions(
        "Sweden's defence minister Pål Jonson said Ukraine has the right to use Swedish"
        " weapons against military targets in Russia in line with international law."
    )
    assert (found.actor.name, found.stance) == ("Government of Sweden", "permits")
    assert found.conditions == "in line with international law"


def test_a_narrative_permission_near_a_place_is_limited() -> None:
    (found,) = positions(
        "On Friday, Germany allowed Ukraine to use German weapons against targets in Russia"
        " near Kharkiv.",
        published=datetime(2024, 5, 31),
    )
    assert (found.actor.name, found.stance, found.as_of) == (
        "Government of Germany",
        "permits_with_limits",
        date(2024, 5, 31),
    )
    assert found.method == "rules-v1:narrative"
