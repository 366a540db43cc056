"""The grammar that shapes spans around a cue, on sentences parsed by the base pipeline.

These pin what each helper does with what the taggers hand it, whatever the
taggers happen to tag for these sentences.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from onrecord.nlp.attribution.content_fallbacks import paragraph_after_colon, quote_before
from onrecord.nlp.attribution.content_rules import (
    completed_clause,
    with_fronted_part,
    within_participle_clause,
    without_addressee,
    without_occasion,
    without_speaker_clause,
)
from onrecord.nlp.attribution.finder import paragraph_starts
from onrecord.nlp.attribution.roles import without_stray_preposition
from onrecord.nlp.attribution.source_rules import (
    grammatical_source,
    name_just_before,
    not_passive_subject,
    not_raised_subject,
    speaker_after_quote,
    subject_of_verb_before,
    without_governing_clause,
)
from onrecord.nlp.context import DocContext, build_context
from onrecord.nlp.pipeline import load_base


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_base()


def parse(nlp: Language, text: str) -> DocContext:
    return build_context(nlp(text), [0])


def index(ctx: DocContext, word: str) -> int:
    return next(t.i for t in ctx.doc if t.text == word)


def words(ctx: DocContext, tokens: list[int]) -> str:
    return " ".join(ctx.doc[i].text for i in tokens)


def span_of(ctx: DocContext, first: str, last: str) -> list[int]:
    return list(range(index(ctx, first), index(ctx, last) + 1))


def test_a_cue_inside_the_clause_leaves_its_start_as_content(nlp: Language) -> None:
    ctx = parse(nlp, "The average weekly benefit, he said, would be $300 for most families.")
    after = span_of(ctx, "would", "families")
    content = with_fronted_part(ctx, index(ctx, "said"), after)
    assert words(ctx, content) == "The average weekly benefit would be $ 300 for most families"


def test_a_cue_before_its_clause_adds_nothing(nlp: Language) -> None:
    ctx = parse(nlp, "In Washington, the mayor said the bridge would open.")
    clause = span_of(ctx, "the", "open")[-4:]
    assert with_fronted_part(ctx, index(ctx, "said"), clause) == clause


def test_a_content_cut_inside_a_phrase_runs_to_its_end(nlp: Language) -> None:
    ctx = parse(nlp, "The senator listed problems in the Middle East, China and elsewhere.")
    cut = span_of(ctx, "problems", "China")
    content = completed_clause(ctx, index(ctx, "listed"), [index(ctx, "listed")], cut, set())
    assert words(ctx, content) == "problems in the Middle East , China and elsewhere"


def test_a_content_cut_at_its_clause_s_subject_is_the_whole_clause(nlp: Language) -> None:
    ctx = parse(nlp, "The campaign says the candidate will announce a new program on Friday.")
    cut = span_of(ctx, "the", "candidate")
    content = completed_clause(ctx, index(ctx, "says"), [index(ctx, "says")], cut, set())
    assert words(ctx, content) == "the candidate will announce a new program on Friday"


def test_a_phrase_between_the_cue_and_its_that_clause_is_not_content(nlp: Language) -> None:
    ctx = parse(nlp, "Trump tweeted in the early morning hours that Machado was a con.")
    head = index(ctx, "tweeted")
    content = sorted(without_addressee(ctx, head, span_of(ctx, "in", "con")))
    assert words(ctx, content) == "that Machado was a con"


def test_a_relative_that_does_not_start_the_content(nlp: Language) -> None:
    ctx = parse(nlp, "He reported on talks that extended beyond security.")
    tagged = span_of(ctx, "on", "security")
    assert sorted(without_addressee(ctx, index(ctx, "reported"), tagged)) == tagged


def test_a_name_run_into_the_phrase_before_a_subjectless_cue_is_its_speaker(
    nlp: Language,
) -> None:
    ctx = parse(nlp, "In a meeting with the Washington Post Trump said that the deal was over.")
    name = name_just_before(ctx, index(ctx, "said"), set(span_of(ctx, "that", "over")))
    assert name is not None and name.text.endswith("Trump")


def test_a_participle_after_a_verb_and_a_comma_shares_its_subject(nlp: Language) -> None:
    ctx = parse(nlp, "“It is insane,” Sanders said, going on to say that the debate was over.")
    head = index(ctx, "going")
    subject = subject_of_verb_before(ctx, head, set(span_of(ctx, "that", "over")))
    assert subject is not None and subject.text == "Sanders"


def test_no_name_before_a_cue_with_a_subject(nlp: Language) -> None:
    ctx = parse(nlp, "Melania seems to have vanished from the campaign trail.")
    assert name_just_before(ctx, index(ctx, "seems"), set()) is None


def test_a_quoted_content_is_not_completed(nlp: Language) -> None:
    ctx = parse(nlp, "He called the plan “a disaster for the city” and left.")
    cut = span_of(ctx, "the", "disaster")
    assert completed_clause(ctx, index(ctx, "called"), [index(ctx, "called")], cut, set()) == cut


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
    found = grammatical_source(ctx, index(ctx, cue), set())
    assert found is not None and found.text == source


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("“He really does love us,” Melanie said, and soon the balloons were dropping.", "said"),
        ("“It is finished,” she said of the election, in which she was sure he would win.", "said"),
        ("“I would,” Melanie said to the TV.", "said"),
    ],
)
def test_what_trails_a_cue_after_its_quote_is_not_content(
    nlp: Language, sentence: str, cue: str
) -> None:
    ctx = parse(nlp, sentence)
    head = index(ctx, cue)
    tagged = [i for i in range(len(ctx.doc)) if i != head and not ctx.doc[i].is_space]
    quote = [i for i in tagged if ctx.quote_of[i] >= 0]
    assert without_speaker_clause(ctx, head, tagged) == quote


def test_a_quote_in_an_earlier_sentence_keeps_what_follows_the_cue(nlp: Language) -> None:
    ctx = parse(nlp, "He called it “a disgrace.” The network said it would send her to Crimea.")
    head = index(ctx, "said")
    tagged = span_of(ctx, "“", "disgrace") + span_of(ctx, "it", "Crimea")[-6:]
    assert without_speaker_clause(ctx, head, tagged) == tagged


def test_the_quote_just_before_a_cue_is_its_fallback_content(nlp: Language) -> None:
    ctx = parse(
        nlp, "The ad ran.\n\n“You work hard. So why didn’t he pay?” a narrator in the ad asks."
    )
    quote = quote_before(ctx, index(ctx, "asks"))
    assert words(ctx, quote) == "“ You work hard . So why did n’t he pay ? ”"


def test_no_fallback_quote_when_words_stand_between(nlp: Language) -> None:
    ctx = parse(nlp, "“It is over,” he wrote. Later the mayor asks for calm.")
    assert quote_before(ctx, index(ctx, "asks")) == []


def test_a_colon_closing_the_cue_s_paragraph_quotes_the_next_one(nlp: Language) -> None:
    text = "“It was a mistake,” he said.\n\nLimbaugh added:\n\nShe knows it. She said so.\n\nNext."
    ctx = build_context(nlp(text), paragraph_starts(text))
    block = paragraph_after_colon(ctx, [index(ctx, "added")])
    assert words(ctx, block) == "She knows it . She said so ."


def test_no_next_paragraph_when_the_cue_s_paragraph_goes_on(nlp: Language) -> None:
    text = "He added: the plan is dead.\n\nShe knows it."
    ctx = build_context(nlp(text), paragraph_starts(text))
    assert paragraph_after_colon(ctx, [index(ctx, "added")]) == []


def test_a_preposition_saying_where_is_not_part_of_the_cue(nlp: Language) -> None:
    ctx = parse(nlp, "Blinken said in an interview that the policy would change.")
    cue = span_of(ctx, "said", "in")
    content = set(span_of(ctx, "that", "change"))
    assert without_stray_preposition(ctx, cue, content, ctx.doc[0:1]) == cue[:1]


def test_a_preposition_whose_object_is_content_stays_in_the_cue(nlp: Language) -> None:
    ctx = parse(nlp, "He pointed to the audit as the reason.")
    cue = span_of(ctx, "pointed", "to")
    content = set(span_of(ctx, "the", "audit"))
    assert without_stray_preposition(ctx, cue, content, ctx.doc[0:1]) == cue


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


SPEECH = frozenset({"criticize", "accuse", "ask"})


def test_a_passive_cues_subject_is_not_its_source(nlp: Language) -> None:
    ctx = parse(nlp, "He has been harshly criticized for policies that objectors dislike.")
    head = index(ctx, "criticized")
    assert not_passive_subject(ctx, head, ctx.doc[0:1], SPEECH) is None


def test_the_subject_after_a_bare_asked_is_not_its_source(nlp: Language) -> None:
    ctx = parse(nlp, "Asked about the delay, the mayor said it would not last.")
    mayor = ctx.doc[index(ctx, "the") : index(ctx, "mayor") + 1]
    assert not_passive_subject(ctx, index(ctx, "Asked"), mayor, SPEECH) is None


def test_a_passive_cues_agent_replaces_its_subject(nlp: Language) -> None:
    ctx = parse(nlp, "Mr. Quiros was accused by regulators of using the money.")
    source = not_passive_subject(ctx, index(ctx, "accused"), ctx.doc[0:2], SPEECH)
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
    assert not_passive_subject(ctx, index(ctx, verb), ctx.doc[0:1], SPEECH) == ctx.doc[0:1]


def test_a_participle_cues_content_stays_in_its_clause(nlp: Language) -> None:
    ctx = parse(nlp, "After saying her foot was swollen, she was whisked off to the hospital.")
    tagged = span_of(ctx, "her", "hospital")
    kept = within_participle_clause(ctx, index(ctx, "saying"), tagged)
    assert words(ctx, kept) == "her foot was swollen"


def test_a_participle_cues_content_apart_from_its_governor_stays(nlp: Language) -> None:
    ctx = parse(nlp, "She sang to him before asking: “Where do we go from here?”")
    tagged = span_of(ctx, "“", "”")
    assert within_participle_clause(ctx, index(ctx, "asking"), tagged) == tagged


def test_the_subject_of_seem_is_not_its_source(nlp: Language) -> None:
    ctx = parse(nlp, "Melania seems to have vanished from the campaign trail.")
    assert not_raised_subject(ctx, [index(ctx, "seems")], ctx.doc[0:1]) is None


def test_seem_with_a_verb_of_its_own_keeps_the_subject(nlp: Language) -> None:
    ctx = parse(nlp, "Stumpf appeared to blame the workers.")
    cue = span_of(ctx, "appeared", "blame")
    assert not_raised_subject(ctx, cue, ctx.doc[0:1]) == ctx.doc[0:1]


def test_when_asked_is_not_content(nlp: Language) -> None:
    ctx = parse(
        nlp,
        "Blinken said it would “adjust and adapt”, when asked at a press conference about it.",
    )
    tagged = list(range(index(ctx, "it"), len(ctx.doc) - 1))  # up to the final stop
    kept = without_occasion(ctx, index(ctx, "said"), tagged)
    assert words(ctx, kept) == "it would “ adjust and adapt ”"


def test_a_quoted_when_asked_stays(nlp: Language) -> None:
    ctx = parse(nlp, "He said: “I never lie, when asked about it.”")
    tagged = span_of(ctx, "“", "”")
    assert without_occasion(ctx, index(ctx, "said"), tagged) == tagged


def test_a_clause_as_source_is_cut_to_the_noun_phrase_that_ends_it(nlp: Language) -> None:
    # The parse hangs "councillors" on "as", so the tagger takes the whole clause.
    ctx = parse(nlp, "Commuters face weeks more uncertainty as councillors ask for a study.")
    clause = ctx.doc[0 : index(ctx, "councillors") + 1]
    source = without_governing_clause(ctx, index(ctx, "ask"), clause)
    assert source is not None and source.text == "councillors"


def test_a_clause_inside_the_sources_noun_phrase_stays(nlp: Language) -> None:
    ctx = parse(nlp, "Mr. Kamin, who said that the plan would work, praised it.")
    source = ctx.doc[0 : index(ctx, "work") + 1]
    assert without_governing_clause(ctx, index(ctx, "praised"), source) == source
