"""The tokenizer gives spaCy's own tokens, in time linear in a run of marks (issue 21, F2)."""

from __future__ import annotations

import importlib
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from onrecord.nlp.pipeline import EXCLUDED, base_model_name, load_base
from onrecord.nlp.tokenizer import MAX_RUN, SUFFIX_WINDOW, TailSuffixSearch, make_doc

# What the English suffix rules look at: marks, dots, units after digits, letters.
SUFFIX_TEXT = st.text(alphabet=list("\"'“”‘’«»)]}.,:;!?…%°CFkmgs0123 aA-+*"), max_size=3 * 64)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_base()


@pytest.fixture(scope="module")
def spacys_own() -> Language:
    own: Language = importlib.import_module(base_model_name()).load(exclude=list(EXCLUDED))
    return own


def test_the_pipeline_has_the_bounded_suffix_search(nlp: Language) -> None:
    assert isinstance(nlp.tokenizer.suffix_search.__self__, TailSuffixSearch)  # type: ignore[union-attr]


@settings(max_examples=400, deadline=None)
@given(SUFFIX_TEXT)
def test_the_bounded_search_finds_the_same_suffix(spacys_own: Language, text: str) -> None:
    search = spacys_own.tokenizer.suffix_search
    assert search is not None
    expected = search(text)
    got = TailSuffixSearch(search).search(text)
    assert (got.span() if got else None) == (expected.span() if expected else None)


@pytest.mark.parametrize("length", [SUFFIX_WINDOW - 1, SUFFIX_WINDOW, SUFFIX_WINDOW + 1, 500])
def test_a_run_of_dots_longer_than_the_window_is_one_suffix(
    spacys_own: Language, length: int
) -> None:
    search = spacys_own.tokenizer.suffix_search
    assert search is not None
    text = "end" + "." * length
    got = TailSuffixSearch(search).search(text)
    assert got is not None and got.span() == (3, 3 + length)


@pytest.mark.parametrize(
    "text",
    [
        "“We’re gonna fix it,” she said. “It ain't over.”\n\nThey disagreed, officials said.",
        'He said "no" (twice)... and left: http://example.com/a?b=c&d="e" 5km 10°C.',
        "x" * MAX_RUN + ' "' + '"' * (MAX_RUN - 2) + "y",  # runs of the longest length kept
    ],
)
def test_ordinary_text_gets_spacys_own_tokens(
    nlp: Language, spacys_own: Language, text: str
) -> None:
    ours, own = make_doc(nlp, text), spacys_own.make_doc(text)
    assert [(t.text, t.whitespace_, t.norm_) for t in ours] == [
        (t.text, t.whitespace_, t.norm_) for t in own
    ]


@pytest.mark.parametrize(
    "text", ['"' * 5000, "a" + "(" * 3000 + "b", "x" * 2500, '“a”"b"' * 700 + " tail"]
)
def test_a_long_run_keeps_its_text_exactly(nlp: Language, text: str) -> None:
    doc = make_doc(nlp, text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text


def test_a_run_of_marks_is_tokenized_in_linear_time(nlp: Language) -> None:
    # Before: spaCy searched the whole remaining run for each mark it split off, and
    # copied and hashed it each time; 20,000 marks took about half a minute.
    start = time.perf_counter()
    doc = make_doc(nlp, '"' * 20_000 + " and " + "(" * 20_000)
    assert len(doc) == 40_001
    assert time.perf_counter() - start < 3.0
