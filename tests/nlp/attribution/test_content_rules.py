"""The content rules and fallbacks, on sentences parsed by the base pipeline.

These pin what each rule does with the content it is handed, whatever the
taggers happen to tag for these sentences.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from onrecord.nlp.attribution.content_fallbacks import (
    CONTENT_FALLBACKS,
    paragraph_after_colon,
    quote_before,
    starting_content,
)
from onrecord.nlp.attribution.content_rules import (
    completed_clause,
    with_fronted_part,
    within_participle_clause,
    without_addressee,
    without_named_speaker,
    without_occasion,
    without_speaker_clause,
)
from onrecord.nlp.attribution.finder import paragraph_starts
from onrecord.nlp.attribution.roles import without_stray_preposition
from onrecord.nlp.attribution.views import CueView
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


def cue_at(ctx: DocContext, word: str, tagged_source: frozenset[int] = frozenset()) -> CueView:
    """The one-word cue ``word``, as the content rules see it."""
    head = index(ctx, word)
    return CueView([head], head, tagged_source)


def test_a_cue_inside_the_clause_leaves_its_start_as_content(nlp: Language) -> None:
    ctx = parse(nlp, "The average weekly benefit, he said, would be $300 for most families.")
    after = span_of(ctx, "would", "families")
    content = with_fronted_part(ctx, cue_at(ctx, "said"), after)
    assert words(ctx, content) == "The average weekly benefit would be $ 300 for most families"


def test_a_cue_before_its_clause_adds_nothing(nlp: Language) -> None:
    ctx = parse(nlp, "In Washington, the mayor said the bridge would open.")
    clause = span_of(ctx, "the", "open")[-4:]
    assert with_fronted_part(ctx, cue_at(ctx, "said"), clause) == clause


def test_a_content_cut_inside_a_phrase_runs_to_its_end(nlp: Language) -> None:
    ctx = parse(nlp, "The senator listed problems in the Middle East, China and elsewhere.")
    cut = span_of(ctx, "problems", "China")
    content = completed_clause(ctx, cue_at(ctx, "listed"), cut)
    assert words(ctx, content) == "problems in the Middle East , China and elsewhere"


def test_a_content_cut_at_its_clause_s_subject_is_the_whole_clause(nlp: Language) -> None:
    ctx = parse(nlp, "The campaign says the candidate will announce a new program on Friday.")
    cut = span_of(ctx, "the", "candidate")
    content = completed_clause(ctx, cue_at(ctx, "says"), cut)
    assert words(ctx, content) == "the candidate will announce a new program on Friday"


def test_a_quoted_content_is_not_completed(nlp: Language) -> None:
    ctx = parse(nlp, "He called the plan “a disaster for the city” and left.")
    cut = span_of(ctx, "the", "disaster")
    assert completed_clause(ctx, cue_at(ctx, "called"), cut) == cut


def test_a_phrase_between_the_cue_and_its_that_clause_is_not_content(nlp: Language) -> None:
    ctx = parse(nlp, "Trump tweeted in the early morning hours that Machado was a con.")
    content = without_addressee(ctx, cue_at(ctx, "tweeted"), span_of(ctx, "in", "con"))
    assert words(ctx, content) == "that Machado was a con"


def test_a_relative_that_does_not_start_the_content(nlp: Language) -> None:
    ctx = parse(nlp, "He reported on talks that extended beyond security.")
    tagged = span_of(ctx, "on", "security")
    assert without_addressee(ctx, cue_at(ctx, "reported"), tagged) == tagged


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
    assert without_speaker_clause(ctx, cue_at(ctx, cue), tagged) == quote


def test_a_quote_in_an_earlier_sentence_keeps_what_follows_the_cue(nlp: Language) -> None:
    ctx = parse(nlp, "He called it “a disgrace.” The network said it would send her to Crimea.")
    tagged = span_of(ctx, "“", "disgrace") + span_of(ctx, "it", "Crimea")[-6:]
    assert without_speaker_clause(ctx, cue_at(ctx, "said"), tagged) == tagged


def test_a_participle_cues_content_stays_in_its_clause(nlp: Language) -> None:
    ctx = parse(nlp, "After saying her foot was swollen, she was whisked off to the hospital.")
    tagged = span_of(ctx, "her", "hospital")
    kept = within_participle_clause(ctx, cue_at(ctx, "saying"), tagged)
    assert words(ctx, kept) == "her foot was swollen"


def test_a_participle_cues_content_apart_from_its_governor_stays(nlp: Language) -> None:
    ctx = parse(nlp, "She sang to him before asking: “Where do we go from here?”")
    tagged = span_of(ctx, "“", "”")
    assert within_participle_clause(ctx, cue_at(ctx, "asking"), tagged) == tagged


def test_when_asked_is_not_content(nlp: Language) -> None:
    ctx = parse(
        nlp,
        "Blinken said it would “adjust and adapt”, when asked at a press conference about it.",
    )
    tagged = list(range(index(ctx, "it"), len(ctx.doc) - 1))  # up to the final stop
    kept = without_occasion(ctx, cue_at(ctx, "said"), tagged)
    assert words(ctx, kept) == "it would “ adjust and adapt ”"


def test_a_quoted_when_asked_stays(nlp: Language) -> None:
    ctx = parse(nlp, "He said: “I never lie, when asked about it.”")
    tagged = span_of(ctx, "“", "”")
    assert without_occasion(ctx, cue_at(ctx, "said"), tagged) == tagged


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


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ("According to the mayor, the bridge will open in March.", "According", "the mayor"),
        ("“It will open,” the mayor said on Friday.", "said", "the mayor"),
    ],
)
def test_the_speaker_named_outright_is_never_content(
    nlp: Language, sentence: str, cue: str, speaker: str
) -> None:
    ctx = parse(nlp, sentence)
    everything = [i for i in range(len(ctx.doc)) if i != index(ctx, cue)]
    kept = words(ctx, without_named_speaker(ctx, cue_at(ctx, cue), everything))
    assert speaker not in kept and "open" in kept


def test_with_no_tagged_content_the_cue_s_clause_is_the_content(nlp: Language) -> None:
    ctx = parse(nlp, "The bridge will open in March, the mayor said.")
    origin, tokens = starting_content(ctx, cue_at(ctx, "said"), []) or ("", [])
    assert (origin, words(ctx, tokens)) == ("clause", "The bridge will open in March")


def test_a_fallback_content_loses_what_the_tagger_marked_as_source(nlp: Language) -> None:
    ctx = parse(nlp, "The bridge will open in March, the mayor said.")
    cue = cue_at(ctx, "said", tagged_source=frozenset({index(ctx, "bridge")}))
    _, tokens = starting_content(ctx, cue, []) or ("", [])
    assert words(ctx, tokens) == "The will open in March"


def test_the_tagged_content_needs_no_fallback(nlp: Language) -> None:
    ctx = parse(nlp, "The bridge will open in March, the mayor said.")
    tagged = span_of(ctx, "The", "bridge")
    assert starting_content(ctx, cue_at(ctx, "said"), tagged) == ("tagger", tagged)


def test_the_fallbacks_keep_the_names_the_checker_was_trained_on() -> None:
    # The checker reads the name as a feature ("content_from=clause"): renaming one
    # silently drops its weight.
    assert [name for name, _ in CONTENT_FALLBACKS] == ["clause", "that", "quote", "interrupted"]
