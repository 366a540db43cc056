"""When each statement was made: ``said_on`` on real parses, and the pure resolver.

The sentences are invented; the article they sit in is dated Thursday 30 May 2024
(the seed's publication date) unless a case says otherwise.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from spacy.language import Language

import onrecord
from onrecord.ingest.text import parse_text
from onrecord.model import Article, Block, BlockKind, DateRule, SaidOn
from onrecord.nlp import Annotator
from onrecord.nlp.dates.said_on import find_said_on
from onrecord.nlp.dates.temporal import Resolved, resolve
from onrecord.nlp.doc_records import DocAttribution, DocSaidOn

THURSDAY = date(2024, 5, 30)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The analysis pipeline, said_on component included."""
    return Annotator().nlp


def attributions(nlp: Language, sentence: str, published: date | None) -> list[DocAttribution]:
    doc = nlp.make_doc(sentence)
    doc._.published = published
    found: list[DocAttribution] = next(nlp.pipe([doc]))._.attributions
    return found


def the_one_cued(found: list[DocAttribution], cue: str) -> DocAttribution:
    matches = [a for a in found if a.cue is not None and a.cue.text.rstrip(":") == cue]
    described = [(a.cue and a.cue.text, a.source and a.source.text) for a in found]
    assert len(matches) == 1, f"cue {cue!r} not found once in {described}"
    return matches[0]


# sentence, cue, expected date, rule, basis
DATED = [
    # The seed's sentences.
    (
        "“The time has come,” said Jens Stoltenberg, the secretary general of NATO, "
        "on Thursday ahead of a meeting.",
        "said",
        date(2024, 5, 30),
        DateRule.WEEKDAY,
        "on Thursday",
    ),
    (
        "On Tuesday, Putin said that Europe should be careful.",
        "said",
        date(2024, 5, 28),
        DateRule.WEEKDAY,
        "On Tuesday",
    ),
    # A weekday after the day of publication is last week's.
    (
        "Germany on Friday suggested that Ukraine could use the weapons.",
        "suggested",
        date(2024, 5, 24),
        DateRule.WEEKDAY,
        "on Friday",
    ),
    (
        "Italy's foreign minister told an Italian news outlet on Thursday that the weapons "
        "must be used inside Ukraine.",
        "told",
        date(2024, 5, 30),
        DateRule.WEEKDAY,
        "on Thursday",
    ),
    (
        "Tajani said Tuesday that the weapons were for defence.",
        "said",
        date(2024, 5, 28),
        DateRule.WEEKDAY,
        "Tuesday",
    ),
    (
        "Speaking in Prague on Wednesday, Stoltenberg said the allies should lift the limits.",
        "said",
        date(2024, 5, 29),
        DateRule.WEEKDAY,
        "on Wednesday",
    ),
    (
        "According to a report published on Tuesday, the army has run out of shells.",
        "According to",
        date(2024, 5, 28),
        DateRule.WEEKDAY,
        "on Tuesday",
    ),
    # Explicit dates; the one in the content is what the statement is about.
    (
        "The minister said on May 13 that talks would resume on June 4.",
        "said",
        date(2024, 5, 13),
        DateRule.EXPLICIT,
        "on May 13",
    ),
    (
        "The minister said on 30 May 2023 that the talks had failed.",
        "said",
        date(2023, 5, 30),
        DateRule.EXPLICIT,
        "on 30 May 2023",
    ),
    (
        "The minister said on Nov. 17, 2023, that the talks had failed.",
        "said",
        date(2023, 11, 17),
        DateRule.EXPLICIT,
        "on Nov. 17, 2023",
    ),
    (
        "An assessment published on May 13 by the institute argued that the ban had failed.",
        "argued",
        date(2024, 5, 13),
        DateRule.EXPLICIT,
        "on May 13",
    ),
    (
        "On a visit to Kyiv on Thursday (2 May), Lord Cameron said the decision was theirs.",
        "said",
        date(2024, 5, 2),
        DateRule.EXPLICIT,
        "on Thursday (2 May)",
    ),
    # Days counted back from publication.
    (
        "The mayor said yesterday that the bridge would reopen.",
        "said",
        date(2024, 5, 29),
        DateRule.RELATIVE,
        "yesterday",
    ),
    (
        "Putin said two days ago that Europe should be careful.",
        "said",
        date(2024, 5, 28),
        DateRule.RELATIVE,
        "two days ago",
    ),
    (
        "The mayor told reporters this morning that the bridge would reopen.",
        "told",
        date(2024, 5, 30),
        DateRule.RELATIVE,
        "this morning",
    ),
]

# sentence, cue, rule, basis, earliest, latest: no single day
UNDATED = [
    # "Four weeks ago" is a guess at a day: a week, not a date.
    (
        "The mayor said four weeks ago that the bridge would reopen.",
        "said",
        DateRule.PERIOD,
        "four weeks ago",
        date(2024, 4, 29),
        date(2024, 5, 5),
    ),
    (
        "Blinken said in an interview last week that the policy would change.",
        "said",
        DateRule.PERIOD,
        "last week",
        date(2024, 5, 20),
        date(2024, 5, 26),
    ),
    (
        "Earlier this month, the mayor said that the bridge would reopen.",
        "said",
        DateRule.PERIOD,
        "Earlier this month",
        date(2024, 5, 1),
        date(2024, 5, 29),
    ),
    (
        "In March, the mayor said that the bridge would reopen.",
        "said",
        DateRule.PERIOD,
        "In March",
        date(2024, 3, 1),
        date(2024, 3, 31),
    ),
    (
        "The mayor said this week that the bridge would reopen.",
        "said",
        DateRule.PERIOD,
        "this week",
        date(2024, 5, 27),
        date(2024, 5, 30),
    ),
    (
        "The mayor recently said that the bridge would reopen.",
        "recently said",
        DateRule.UNKNOWN,
        "recently",
        None,
        None,
    ),
    (
        "During a recent visit to Kyiv, Blinken said the White House was considering it.",
        "said",
        DateRule.UNKNOWN,
        "During a recent visit",
        None,
        None,
    ),
    # A date that places the statement only before or after some event fixes no day.
    (
        "Before the vote on May 10, the party said it would abstain.",
        "said",
        DateRule.UNKNOWN,
        "Before the vote on May 10",
        None,
        None,
    ),
    (
        "Just days after the election, the senator said he would resign.",
        "said",
        DateRule.UNKNOWN,
        "Just days after the election",
        None,
        None,
    ),
]

# sentence, cue: no time expression of the statement's own
PUBLISHED = [
    ("The mayor said that the bridge would reopen.", "said"),
    ("The mayor warns that the bridge will close.", "warns"),
    ("The mayor has said that the bridge would reopen in March.", "has said"),
    ("The minister said that talks would resume on Tuesday.", "said"),
    ("The minister, who was appointed in March, said the army would help.", "said"),
]


@pytest.mark.parametrize(("sentence", "cue", "expected", "rule", "basis"), DATED)
def test_a_time_expression_that_fixes_the_day(
    nlp: Language, sentence: str, cue: str, expected: date, rule: DateRule, basis: str
) -> None:
    said_on = the_one_cued(attributions(nlp, sentence, THURSDAY), cue).said_on
    assert said_on is not None
    assert (said_on.date, said_on.rule) == (expected, rule)
    assert said_on.basis is not None and said_on.basis.text == basis
    assert (said_on.earliest, said_on.latest) == (None, None)


@pytest.mark.parametrize(("sentence", "cue", "rule", "basis", "earliest", "latest"), UNDATED)
def test_a_time_expression_that_fixes_no_day(
    nlp: Language,
    sentence: str,
    cue: str,
    rule: DateRule,
    basis: str,
    earliest: date | None,
    latest: date | None,
) -> None:
    said_on = the_one_cued(attributions(nlp, sentence, THURSDAY), cue).said_on
    assert said_on is not None
    assert said_on.date is None
    assert said_on.rule is rule
    assert said_on.basis is not None and said_on.basis.text == basis
    assert (said_on.earliest, said_on.latest) == (earliest, latest)


@pytest.mark.parametrize(("sentence", "cue"), PUBLISHED)
def test_no_time_expression_takes_the_publication_date(
    nlp: Language, sentence: str, cue: str
) -> None:
    said_on = the_one_cued(attributions(nlp, sentence, THURSDAY), cue).said_on
    assert said_on is not None
    assert (said_on.date, said_on.rule, said_on.basis) == (THURSDAY, DateRule.PUBLISHED, None)


def test_a_quotation_continuing_a_speaker_shares_the_speakers_day(nlp: Language) -> None:
    text = "“We will not rush this,” the mayor said on Tuesday.\n\n“The council agrees with us.”"
    found = attributions(nlp, text, THURSDAY)
    continuation = next(a for a in found if a.cue is None)
    assert continuation.said_on is not None
    assert (continuation.said_on.date, continuation.said_on.rule) == (
        date(2024, 5, 28),
        DateRule.WEEKDAY,
    )


def test_had_said_is_before_some_other_event_not_on_the_day(nlp: Language) -> None:
    found = attributions(nlp, "The mayor had warned that the bridge would close.", THURSDAY)
    said_on = the_one_cued(found, "had warned").said_on
    assert said_on is not None
    assert (said_on.date, said_on.rule, said_on.basis) == (None, DateRule.UNKNOWN, None)


def test_an_undated_article_gives_a_weekday_no_date_but_keeps_its_words(nlp: Language) -> None:
    found = attributions(nlp, "On Tuesday, Putin said that Europe should be careful.", None)
    said_on = the_one_cued(found, "said").said_on
    assert said_on is not None
    assert (said_on.date, said_on.rule) == (None, DateRule.UNKNOWN)
    assert said_on.basis is not None and said_on.basis.text == "On Tuesday"


def test_an_undated_article_still_has_its_explicit_dates(nlp: Language) -> None:
    found = attributions(nlp, "The minister said on 30 May 2023 that talks failed.", None)
    said_on = the_one_cued(found, "said").said_on
    assert said_on is not None
    assert (said_on.date, said_on.rule) == (date(2023, 5, 30), DateRule.EXPLICIT)


def test_an_undated_article_without_a_time_expression(nlp: Language) -> None:
    attribution = the_one_cued(attributions(nlp, "The mayor said it would rain.", None), "said")
    assert attribution.said_on == DocSaidOn(None, DateRule.UNKNOWN)


def test_a_publication_datetime_counts_as_its_day(nlp: Language) -> None:
    found = attributions(nlp, "On Tuesday, Putin said that Europe should be careful.", THURSDAY)
    attribution = the_one_cued(found, "said")
    said_on = find_said_on(attribution, datetime(2024, 5, 30, 15, 2))
    assert said_on.date == date(2024, 5, 28)


def one_paragraph_article(text: str, published: datetime) -> Article:
    return Article(
        text=text,
        blocks=[Block(BlockKind.PARAGRAPH, 0, len(text))],
        language="en",
        published=published,
    )


def test_the_analysis_carries_said_on_with_offsets_into_the_article() -> None:
    text = "On Tuesday, Putin said that Europe should be careful."
    analysis = onrecord.analyze(one_paragraph_article(text, datetime(2024, 5, 30)))
    assert analysis.error is None
    said_on = analysis.attributions[0].said_on
    assert isinstance(said_on, SaidOn)
    assert (said_on.date, said_on.rule) == (date(2024, 5, 28), DateRule.WEEKDAY)
    assert said_on.basis is not None
    assert text[said_on.basis.start : said_on.basis.end] == said_on.basis.text == "On Tuesday"


@pytest.mark.shared
def test_the_seed_article(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    analysis = onrecord.analyze(parse_text(text, language="en", published=datetime(2024, 5, 30)))
    dated = {
        a.source.text: a.said_on.date
        for a in analysis.attributions
        if a.source is not None and a.said_on is not None and a.said_on.basis is not None
    }
    stoltenberg = next(name for name in dated if name.startswith("Jens Stoltenberg"))
    assert dated[stoltenberg] == date(2024, 5, 30)
    assert dated["Putin"] == date(2024, 5, 28)


# The resolver alone: expression, published, expected Resolved (None: not a time
# expression). Thursday 30 May 2024 unless the case says otherwise.
R = Resolved
E, W, REL, P, U = (
    DateRule.EXPLICIT,
    DateRule.WEEKDAY,
    DateRule.RELATIVE,
    DateRule.PERIOD,
    DateRule.UNKNOWN,
)
LEAP_DAY = date(2024, 2, 29)
RESOLVER_CASES: list[tuple[str, date | None, Resolved | None]] = [
    # weekdays: the latest on or before publication
    ("on Thursday", THURSDAY, R(W, date(2024, 5, 30))),
    ("on Tuesday", THURSDAY, R(W, date(2024, 5, 28))),
    ("Wednesday", THURSDAY, R(W, date(2024, 5, 29))),
    ("Friday", THURSDAY, R(W, date(2024, 5, 24))),
    ("on Sunday", THURSDAY, R(W, date(2024, 5, 26))),
    ("Thursday night", THURSDAY, R(W, date(2024, 5, 30))),
    ("earlier on Thursday", THURSDAY, R(W, date(2024, 5, 30))),
    ("Thursday's", THURSDAY, R(W, date(2024, 5, 30))),
    ("last Thursday", THURSDAY, R(W, date(2024, 5, 23))),
    ("last Tuesday", THURSDAY, R(W, date(2024, 5, 28))),
    ("on Monday", date(2024, 6, 3), R(W, date(2024, 6, 3))),
    ("on Friday", date(2024, 1, 1), R(W, date(2023, 12, 29))),
    ("on Tuesday", None, R(U)),
    # explicit dates
    ("May 30", THURSDAY, R(E, date(2024, 5, 30))),
    ("on May 30", THURSDAY, R(E, date(2024, 5, 30))),
    ("30 May 2024", THURSDAY, R(E, date(2024, 5, 30))),
    ("May 30, 2024", THURSDAY, R(E, date(2024, 5, 30))),
    ("May 30th", THURSDAY, R(E, date(2024, 5, 30))),
    ("the 30th of May", THURSDAY, R(E, date(2024, 5, 30))),
    ("on Nov. 17", THURSDAY, R(E, date(2023, 11, 17))),
    ("Sept. 6", date(2024, 9, 8), R(E, date(2024, 9, 6))),
    ("on Aug. 30", date(2024, 11, 17), R(E, date(2024, 8, 30))),
    ("June 4", THURSDAY, R(E, date(2023, 6, 4))),
    ("Dec. 31", date(2024, 1, 2), R(E, date(2023, 12, 31))),
    ("Feb. 29", THURSDAY, R(E, LEAP_DAY)),
    ("Feb. 29", date(2025, 3, 1), R(E, LEAP_DAY)),
    ("on Thursday (2 May)", date(2024, 5, 3), R(E, date(2024, 5, 2))),
    ("2024-05-13", THURSDAY, R(E, date(2024, 5, 13))),
    ("30.05.2024", THURSDAY, R(E, date(2024, 5, 30))),
    ("5/13/2024", THURSDAY, R(E, date(2024, 5, 13))),
    ("30 May 2024", None, R(E, date(2024, 5, 30))),
    ("May 30", None, R(U)),
    ("May 32", THURSDAY, R(P, earliest=date(2024, 5, 1), latest=THURSDAY)),  # no such day
    # days counted back
    ("today", THURSDAY, R(REL, THURSDAY)),
    ("tonight", THURSDAY, R(REL, THURSDAY)),
    ("this morning", THURSDAY, R(REL, THURSDAY)),
    ("earlier today", THURSDAY, R(REL, THURSDAY)),
    ("three hours ago", THURSDAY, R(REL, THURSDAY)),
    ("yesterday", THURSDAY, R(REL, date(2024, 5, 29))),
    ("yesterday afternoon", THURSDAY, R(REL, date(2024, 5, 29))),
    ("last night", THURSDAY, R(REL, date(2024, 5, 29))),
    ("the day before yesterday", THURSDAY, R(REL, date(2024, 5, 28))),
    ("two days ago", THURSDAY, R(REL, date(2024, 5, 28))),
    ("a day ago", THURSDAY, R(REL, date(2024, 5, 29))),
    ("11 days ago", THURSDAY, R(REL, date(2024, 5, 19))),
    ("twenty-two days ago", THURSDAY, R(REL, date(2024, 5, 8))),
    ("yesterday", None, R(U)),
    # periods: never one day
    ("four weeks ago", THURSDAY, R(P, earliest=date(2024, 4, 29), latest=date(2024, 5, 5))),
    ("a week ago", THURSDAY, R(P, earliest=date(2024, 5, 20), latest=date(2024, 5, 26))),
    ("two months ago", THURSDAY, R(P, earliest=date(2024, 3, 1), latest=date(2024, 3, 31))),
    ("a year ago", THURSDAY, R(P, earliest=date(2023, 1, 1), latest=date(2023, 12, 31))),
    ("last week", THURSDAY, R(P, earliest=date(2024, 5, 20), latest=date(2024, 5, 26))),
    ("late last week", THURSDAY, R(P, earliest=date(2024, 5, 20), latest=date(2024, 5, 26))),
    ("this week", THURSDAY, R(P, earliest=date(2024, 5, 27), latest=THURSDAY)),
    ("earlier this week", THURSDAY, R(P, earliest=date(2024, 5, 27), latest=date(2024, 5, 29))),
    ("earlier this month", THURSDAY, R(P, earliest=date(2024, 5, 1), latest=date(2024, 5, 29))),
    ("this month", THURSDAY, R(P, earliest=date(2024, 5, 1), latest=THURSDAY)),
    ("last month", THURSDAY, R(P, earliest=date(2024, 4, 1), latest=date(2024, 4, 30))),
    ("last month", date(2024, 1, 15), R(P, earliest=date(2023, 12, 1), latest=date(2023, 12, 31))),
    ("last year", THURSDAY, R(P, earliest=date(2023, 1, 1), latest=date(2023, 12, 31))),
    ("earlier this year", THURSDAY, R(P, earliest=date(2024, 1, 1), latest=date(2024, 5, 29))),
    ("in March", THURSDAY, R(P, earliest=date(2024, 3, 1), latest=date(2024, 3, 31))),
    ("in May", THURSDAY, R(P, earliest=date(2024, 5, 1), latest=THURSDAY)),
    ("in August", THURSDAY, R(P, earliest=date(2023, 8, 1), latest=date(2023, 8, 31))),
    ("in March 2023", None, R(P, earliest=date(2023, 3, 1), latest=date(2023, 3, 31))),
    ("in 2023", THURSDAY, R(P, earliest=date(2023, 1, 1), latest=date(2023, 12, 31))),
    ("in 2024", THURSDAY, R(P, earliest=date(2024, 1, 1), latest=THURSDAY)),
    ("over the weekend", THURSDAY, R(P, earliest=date(2024, 5, 25), latest=date(2024, 5, 26))),
    ("last weekend", date(2024, 6, 1), R(P, earliest=date(2024, 5, 25), latest=date(2024, 5, 26))),
    ("past week", THURSDAY, R(P, earliest=date(2024, 5, 23), latest=THURSDAY)),
    ("in the past two weeks", THURSDAY, R(P, earliest=date(2024, 5, 16), latest=THURSDAY)),
    ("in the past few weeks", THURSDAY, R(P, earliest=None, latest=THURSDAY)),
    ("in recent days", THURSDAY, R(P, earliest=None, latest=THURSDAY)),
    ("last week", None, R(U)),
    # vague: a time, but no day and no period
    ("recently", THURSDAY, R(U)),
    ("earlier", THURSDAY, R(U)),
    ("previously", THURSDAY, R(U)),
    ("during a recent visit", THURSDAY, R(U)),
    ("prior to the meeting", THURSDAY, R(U)),
    ("just days after", THURSDAY, R(U)),
    ("a few days ago", THURSDAY, R(U)),
    ("in the past", THURSDAY, R(U)),
    # not time expressions at all
    ("week", THURSDAY, None),
    ("the same day", THURSDAY, None),
    ("the 2024 election", THURSDAY, None),
]


@pytest.mark.parametrize(("expression", "published", "expected"), RESOLVER_CASES)
def test_resolve(expression: str, published: date | None, expected: Resolved | None) -> None:
    assert resolve(expression, published) == expected
