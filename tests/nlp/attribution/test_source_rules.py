"""The source rules, on sentences parsed by the base pipeline.

These pin what each rule does with the source it is handed, whatever the
taggers happen to tag for these sentences.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from onrecord.nlp.attribution.source_rules import (
    grammatical_source,
    name_just_before,
    not_passive_subject,
    not_raised_subject,
    speaker_after_quote,
    speaker_between_quote_and_cue,
    subject_of_verb_before,
    without_governing_clause,
)
from onrecord.nlp.attribution.views import CueView, SourceView
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.pipeline import load_base


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_base()


def parse(nlp: Language, text: str) -> DocContext:
    return build_context(nlp(text), [0])


def index(ctx: DocContext, word: str) -> int:
    return next(t.i for t in ctx.doc if t.text == word)


def span_of(ctx: DocContext, first: str, last: str) -> list[int]:
    return list(range(index(ctx, first), index(ctx, last) + 1))


def found_at(
    ctx: DocContext, word: str, content: list[int] | None = None, cue: list[int] | None = None
) -> SourceView:
    """What a candidate with the cue ``word`` (or the words ``cue``) and the ``content``
    found, as the source rules see it."""
    head = index(ctx, word)
    return SourceView(CueView(cue or [head], head), frozenset(content or []))


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        ("The mayor spoke for an hour, saying the bridge would open.", "saying", "The mayor"),
        ("He courted voters by telling them that their lives were hard.", "telling", "He"),
        ("After saying her foot was swollen, she was taken to hospital.", "saying", "she"),
        ("The song was written by Springsteen.", "written", "Springsteen"),
    ],
)
def test_the_source_found_in_the_parse(nlp: Language, sentence: str, cue: str, source: str) -> None:
    ctx = parse(nlp, sentence)
    found = grammatical_source(ctx, found_at(ctx, cue), None)
    assert found is not None and found.text == source


FLYNN = (
    "“He's absolutely right. There's a severe disconnect between this White House and "
    "frankly the president and our military,” Flynn, a top Trump surrogate, said Thursday "
    "morning on Fox News’s “Fox and Friends.”"
)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (FLYNN, "Flynn , a top Trump surrogate"),  # the parse hangs "Flynn" inside the quote
        ("“It will open,” the mayor said.", "the mayor"),
        ("“It will open,” and the mayor said so.", "the mayor"),
    ],
)
def test_the_words_between_a_quote_and_its_cue_name_the_speaker(
    nlp: Language, sentence: str, speaker: str
) -> None:
    ctx = parse(nlp, sentence)
    found = speaker_after_quote(ctx, [index(ctx, "said")])
    assert found is not None and found.text.replace(",", " ,").split() == speaker.split()


@pytest.mark.parametrize(
    "sentence",
    [
        "“It will open.” The mayor said the bridge would open.",  # a new sentence
        "“It will open,” but in their report they said so.",  # not a name
        "“It will open,” the mayor who runs the city said.",  # a clause
        "The mayor said it would open.",  # no quote
    ],
)
def test_no_speaker_between_quote_and_cue(nlp: Language, sentence: str) -> None:
    ctx = parse(nlp, sentence)
    assert speaker_after_quote(ctx, [index(ctx, "said")]) is None


def test_a_passive_cues_subject_is_not_its_source(nlp: Language) -> None:
    ctx = parse(nlp, "He has been harshly criticized for policies that objectors dislike.")
    assert not_passive_subject(ctx, found_at(ctx, "criticized"), ctx.doc[0:1]) is None


def test_the_subject_after_a_bare_asked_is_not_its_source(nlp: Language) -> None:
    ctx = parse(nlp, "Asked about the delay, the mayor said it would not last.")
    mayor = ctx.doc[index(ctx, "the") : index(ctx, "mayor") + 1]
    assert not_passive_subject(ctx, found_at(ctx, "Asked"), mayor) is None


def test_a_passive_cues_agent_replaces_its_subject(nlp: Language) -> None:
    ctx = parse(nlp, "Mr. Quiros was accused by regulators of using the money.")
    source = not_passive_subject(ctx, found_at(ctx, "accused"), ctx.doc[0:2])
    assert source is not None and source.text == "regulators"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Critics have criticized the plan.", "criticized"),  # active
        ("Voters were startled by the plan.", "startled"),  # not a verb of saying
    ],
)
def test_other_sources_stay(nlp: Language, sentence: str, verb: str) -> None:
    ctx = parse(nlp, sentence)
    assert not_passive_subject(ctx, found_at(ctx, verb), ctx.doc[0:1]) == ctx.doc[0:1]


def test_the_subject_of_seem_is_not_its_source(nlp: Language) -> None:
    ctx = parse(nlp, "Melania seems to have vanished from the campaign trail.")
    assert not_raised_subject(ctx, found_at(ctx, "seems"), ctx.doc[0:1]) is None


def test_seem_with_a_verb_of_its_own_keeps_the_subject(nlp: Language) -> None:
    ctx = parse(nlp, "Stumpf appeared to blame the workers.")
    cue = span_of(ctx, "appeared", "blame")
    assert not_raised_subject(ctx, found_at(ctx, "appeared", cue=cue), ctx.doc[0:1]) == ctx.doc[0:1]


def test_a_clause_as_source_is_cut_to_the_noun_phrase_that_ends_it(nlp: Language) -> None:
    # The parse hangs "councillors" on "as", so the tagger takes the whole clause.
    ctx = parse(nlp, "Commuters face weeks more uncertainty as councillors ask for a study.")
    clause = ctx.doc[0 : index(ctx, "councillors") + 1]
    source = without_governing_clause(ctx, found_at(ctx, "ask"), clause)
    assert source is not None and source.text == "councillors"


def test_a_clause_inside_the_sources_noun_phrase_stays(nlp: Language) -> None:
    ctx = parse(nlp, "Mr. Kamin, who said that the plan would work, praised it.")
    source = ctx.doc[0 : index(ctx, "work") + 1]
    assert without_governing_clause(ctx, found_at(ctx, "praised"), source) == source


def test_a_name_run_into_the_phrase_before_a_subjectless_cue_is_its_speaker(
    nlp: Language,
) -> None:
    ctx = parse(nlp, "In a meeting with the Washington Post Trump said that the deal was over.")
    name = name_just_before(ctx, found_at(ctx, "said", span_of(ctx, "that", "over")), None)
    assert name is not None and name.text.endswith("Trump")


def test_a_participle_after_a_verb_and_a_comma_shares_its_subject(nlp: Language) -> None:
    ctx = parse(nlp, "“It is insane,” Sanders said, going on to say that the debate was over.")
    subject = subject_of_verb_before(
        ctx, found_at(ctx, "going", span_of(ctx, "that", "over")), None
    )
    assert subject is not None and subject.text == "Sanders"


def test_no_name_before_a_cue_with_a_subject(nlp: Language) -> None:
    ctx = parse(nlp, "Melania seems to have vanished from the campaign trail.")
    assert name_just_before(ctx, found_at(ctx, "seems"), None) is None


def test_the_speaker_between_quote_and_cue_replaces_part_of_it(nlp: Language) -> None:
    ctx = parse(nlp, FLYNN)
    found = found_at(ctx, "said")
    surrogate = ctx.doc[index(ctx, "top") - 1 : index(ctx, "surrogate") + 1]
    speaker = speaker_between_quote_and_cue(ctx, found, surrogate)
    assert speaker is not None and speaker.text == "Flynn, a top Trump surrogate"


def test_a_tagged_source_that_names_the_speaker_keeps_its_edges(nlp: Language) -> None:
    ctx = parse(nlp, FLYNN)
    flynn = ctx.doc[index(ctx, "Flynn") : index(ctx, "Flynn") + 1]
    assert speaker_between_quote_and_cue(ctx, found_at(ctx, "said"), flynn) == flynn


def test_a_rule_that_finds_a_source_keeps_the_one_found_before(nlp: Language) -> None:
    ctx = parse(nlp, "The song was written by Springsteen.")
    earlier = ctx.doc[0:2]
    assert grammatical_source(ctx, found_at(ctx, "written"), earlier) == earlier
    assert name_just_before(ctx, found_at(ctx, "written"), earlier) == earlier


def test_no_source_is_left_without_one(nlp: Language) -> None:
    ctx = parse(nlp, "Melania seems to have vanished from the campaign trail.")
    assert not_raised_subject(ctx, found_at(ctx, "seems"), None) is None
    assert without_governing_clause(ctx, found_at(ctx, "seems"), None) is None
