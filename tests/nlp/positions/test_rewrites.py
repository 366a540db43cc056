"""The positions stage's tables: the signals' names, the rewrite rules read in context
(on real parses), and what a signal means from who holds the position."""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from onrecord.model import SIGNALS, Actor, ActorType, Signal
from onrecord.nlp import Annotator, lexicons
from onrecord.nlp.lemmas import LemmaCache
from onrecord.nlp.positions.cues import Marker
from onrecord.nlp.positions.stance import find_signals, for_holder
from onrecord.nlp.positions.statements import _is_opening_participle

UK = Actor("Government of the United Kingdom", ActorType.GOVERNMENT)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return Annotator().nlp


def parse(nlp: Language, sentence: str) -> Doc:
    return next(nlp.pipe([nlp.make_doc(sentence)]))


def test_the_signals_keep_the_names_issue_files_and_the_cue_lexicon_use() -> None:
    assert SIGNALS == {
        "permission",
        "limits",
        "prohibition",
        "advocacy",
        "opposition",
        "warning",
        "consideration",
    }
    assert SIGNALS == {s.value for s in Signal}
    said = set(lexicons.load_table("stance-cues-v1").values())
    assert said <= SIGNALS | {m.value for m in Marker}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They discussed the restrictions.", []),  # talked about, not imposed
        ("There are no restrictions on their use.", [("permission", "restrictions")]),
        ("Ukraine is not allowed to strike.", [("prohibition", "allowed")]),
        ("Ukraine should be allowed to strike.", [("advocacy", "allowed")]),
        ("If allies allow it, Russia will respond.", []),  # hypothetical
        ("Allies warned of war if Kyiv is allowed to strike.", [("warning", "warned")]),
        ("The weapons can be used.", [("permission", "used")]),  # a rule on use
        ("The weapons cannot be used.", [("prohibition", "used")]),
        ("He refused to allow the strikes.", [("opposition", "refused")]),
        ("She could not support the deal.", [("opposition", "support")]),
        ("He did not warn anyone.", []),  # no stance either way
    ],
)
def test_a_cue_means_what_its_context_makes_it(
    nlp: Language, sentence: str, expected: list[tuple[str, str]]
) -> None:
    doc = parse(nlp, sentence)
    hits = find_signals(list(doc), LemmaCache.for_pipeline(nlp).lemmas(doc), [])
    assert [(h.signal.value, h.token.text) for h in hits] == expected


@pytest.mark.parametrize(
    ("holder", "words", "expected"),
    [
        (UK, "backed strikes using British-supplied weapons", Signal.PERMISSION),
        (UK, "backed strikes using American-supplied weapons", Signal.ADVOCACY),
        (UK, "backed strikes using U.K.-made drones", Signal.PERMISSION),
        (Actor("David Cameron", ActorType.PERSON), "using British-supplied arms", Signal.ADVOCACY),
    ],
)
def test_backing_the_use_of_what_ones_own_country_supplied_decides_it(
    nlp: Language, holder: Actor, words: str, expected: Signal
) -> None:
    tokens = list(parse(nlp, f"The minister {words}."))
    assert for_holder(frozenset({Signal.ADVOCACY}), holder, tokens) == {expected}


def test_someone_with_no_power_to_decide_asks_for_what_they_allow(nlp: Language) -> None:
    tokens = list(parse(nlp, "He said Ukraine may strike."))
    institute = Actor("Institute for the Study of War", ActorType.ORGANIZATION)
    found = frozenset({Signal.PERMISSION, Signal.PROHIBITION, Signal.LIMITS})
    assert for_holder(found, institute, tokens) == {
        Signal.ADVOCACY,
        Signal.OPPOSITION,
        Signal.LIMITS,
    }
    assert for_holder(found, UK, tokens) == found


def test_each_positions_lexicon_says_what_it_holds() -> None:
    names = [
        "stance-hypothetical-markers-v1.txt",
        "stance-obligation-modals-v1.txt",
        "stance-obligation-verbs-v1.txt",
        "stance-negations-v1.txt",
        "stance-permission-modals-v1.txt",
        "stance-support-verbs-v1.txt",
        "position-hedges-v1.txt",
        "position-earlier-words-v1.txt",
        "policy-nouns-v1.txt",
        "provenance-participles-v1.txt",
        "state-offices-v1.txt",
        "non-state-office-words-v1.txt",
        "issue-reference-nouns-v1.txt",
    ]
    folder = resources.files(lexicons)
    for name in names:
        assert folder.joinpath(name).read_text(encoding="utf-8").startswith("# "), name
        assert lexicons.lexicon(name.removesuffix(".txt")).entries


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Reacting, Dmitry Medvedev, a former president, warned of war.", 6, True),
        ("Speaking, Lars Holm said nothing.", 4, True),
        ("Beijing, the capital, said no.", 4, False),  # a country's seat, not a participle
        ("Dmitry Medvedev warned of war.", 2, False),
    ],
)
def test_an_opening_participle_names_no_one(
    nlp: Language, text: str, words: int, expected: bool
) -> None:
    doc = parse(nlp, text)
    assert _is_opening_participle(doc[0:words]) is expected
