"""A second issue, for another debate, works with no code of its own.

``examples/issues/tpp-trade-deal.toml`` follows the 2016 US campaign's debate on the
Trans-Pacific Partnership (see docs/positions.md, "A second issue"). The sentences
are invented in the style of that coverage.
"""

from __future__ import annotations

import pytest

import onrecord
from conftest import REPO
from onrecord.model import Coarse

ISSUE = onrecord.load_issue(REPO / "examples" / "issues" / "tpp-trade-deal.toml")


def positions(text: str) -> list[tuple[str, str]]:
    analysis = onrecord.analyze(text, issues=[ISSUE])
    return [(p.actor.name, p.stance) for p in analysis.positions]


def test_the_file_loads_with_its_own_labels() -> None:
    assert ISSUE.id == "tpp-trade-deal"
    assert {s.label: s.coarse for s in ISSUE.stances} == {
        "supports": Coarse.FOR,
        "opposes": Coarse.AGAINST,
        "undecided": Coarse.UNDECIDED,
    }
    assert len(ISSUE.topics) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Jane Whitfield said on Tuesday that she opposes the Trans-Pacific "
            "Partnership trade deal.",
            [("Jane Whitfield", "opposes")],
        ),
        (
            "Governor Tom Baxter urged Congress to approve the Trans-Pacific Partnership "
            "before the end of the year.",
            [("Tom Baxter", "supports")],
        ),
        (
            "Representative Maria Ortiz said she is still weighing the TPP trade pact and "
            "has not made up her mind.",
            [("Maria Ortiz", "undecided")],
        ),
        (  # "never allow" from someone who cannot decide it: against it
            "The union leader Frank Deluca said his members would never allow the TPP "
            "trade deal to pass.",
            [("Frank Deluca", "opposes")],
        ),
    ],
)
def test_a_stance_on_the_deal(text: str, expected: list[tuple[str, str]]) -> None:
    assert positions(text) == expected


def test_trade_in_general_is_not_the_deal() -> None:
    text = "Senator Jane Whitfield said she opposes new tariffs and wants tougher trade rules."
    assert positions(text) == []


def test_supports_as_a_verb() -> None:
    text = "Senator Jane Whitfield supports the Trans-Pacific Partnership trade deal."
    assert positions(text) == [("Jane Whitfield", "supports")]


def test_vote_against() -> None:
    text = "Senator Jane Whitfield said she will vote against the TPP trade pact."
    assert positions(text) == [("Jane Whitfield", "opposes")]
