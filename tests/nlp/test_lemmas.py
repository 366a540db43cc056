"""Lemmas from the set-based rules equal spaCy's rule lemmatizer's, and the Doc shares them."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from onrecord.nlp.lemmas import LemmaCache, RuleLemmas
from onrecord.nlp.pipeline import load_base

TEXTS = [
    "The mayors said on Tuesday that the bridges wouldn't open until March.",
    "Children were better off, she argued, than their parents had been; the oxen grazed.",
    "He's been saying it for years: “We are going to win, and winning is the best thing.”",
    "Ministers warned, urged, denied and lied; the Ukrainians' strikes hit the Russians' "
    "depots. Analyses differed, criteria varied, and the data were mixed.",
    "Mr. O'Neill, 54, told reporters: “I have been clear.”\n\nThey disagreed.",
]


@pytest.fixture(scope="module")
def parsed() -> tuple[Lemmatizer, list[Doc]]:
    nlp: Language = load_base()
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    with nlp.select_pipes(disable=["lemmatizer"]):
        docs = list(nlp.pipe(TEXTS))
    return lemmatizer, docs


def test_rule_lemmas_equal_spacys(parsed: tuple[Lemmatizer, list[Doc]]) -> None:
    lemmatizer, docs = parsed
    rules = RuleLemmas(lemmatizer)
    for doc in docs:
        for token in doc:
            assert rules(token) == lemmatizer.rule_lemmatize(token)[0].lower(), token.text


def test_inflections_are_undone(parsed: tuple[Lemmatizer, list[Doc]]) -> None:
    lemmatizer, docs = parsed
    lemmas = LemmaCache(lemmatizer).lemmas(docs[1])
    words = [t.text for t in docs[1]]
    assert lemmas[words.index("Children")] == "child"
    assert lemmas[words.index("argued")] == "argue"
    assert lemmas[words.index("parents")] == "parent"


def test_lemmas_are_worked_out_once_per_doc(parsed: tuple[Lemmatizer, list[Doc]]) -> None:
    lemmatizer, docs = parsed
    first = LemmaCache(lemmatizer).lemmas(docs[0])
    assert LemmaCache(lemmatizer).lemmas(docs[0]) is first
