"""The rule tuples: each kind of rule a tuple of same-signature functions, run in order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.nlp.attribution.content_fallbacks import CONTENT_FALLBACKS
from onrecord.nlp.attribution.content_rules import CONTENT_RULES
from onrecord.nlp.attribution.document_rules import DOCUMENT_RULES
from onrecord.nlp.attribution.source_rules import KEPT_SOURCE_RULES, SOURCE_RULES

RULE_SETS: dict[str, tuple[Callable[..., object], ...]] = {
    "content fallbacks": tuple(fallback for _, fallback in CONTENT_FALLBACKS),
    "content rules": CONTENT_RULES,
    "source rules": SOURCE_RULES,
    "kept source rules": KEPT_SOURCE_RULES,
    "document rules": DOCUMENT_RULES,
}
ALL_RULES = [rule for rules in RULE_SETS.values() for rule in rules]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.__name__)
def test_every_rule_says_what_it_does(rule: Callable[..., object]) -> None:
    assert rule.__doc__ and rule.__doc__.strip()


@pytest.mark.parametrize("name", RULE_SETS)
def test_a_rule_runs_once_in_its_set(name: str) -> None:
    rules = RULE_SETS[name]
    assert len(set(rules)) == len(rules)


def test_no_rule_is_of_two_kinds() -> None:
    assert len(set(ALL_RULES)) == len(ALL_RULES)
