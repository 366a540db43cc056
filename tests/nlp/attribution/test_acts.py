"""Attribution acts from the cue's words and grammar, on real parses (docs/acts.md)."""

from __future__ import annotations

import importlib

import pytest

from onrecord.ingest.text import parse_text
from onrecord.model import AttributionAct
from onrecord.nlp import Annotator
from onrecord.nlp.pipeline import base_model_name


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def acts(annotator: Annotator, text: str) -> dict[str, AttributionAct | None]:
    analysis = annotator.analyze(parse_text(text, language="en"))
    return {a.cue.text: a.act for a in analysis.attributions if a.cue is not None}


@pytest.mark.parametrize(
    ("sentence", "cue", "act"),
    [
        ("The mayor said in a statement that it will open.", "said in a statement", "speech"),
        ("Documents show the tolls rose by a third.", "show", "evidence"),
        ("According to officials, the plan failed.", "According to", "report"),
        ("The minister wrote on Facebook that he was sorry.", "wrote on Facebook", "writing"),
        ("She believes the project is doomed.", "believes", "thought"),
        ("Reports say the deal is off.", "say", "report"),
        ("He is said to be furious about the vote.", "is said", "report"),
        ("It was revealed that the tolls would rise.", "was revealed", "report"),
        ("The study found that prices rose.", "found", "evidence"),
        ("“We will win,” she told reporters.", "told", "speech"),
        ("The union is concerned that jobs will go.", "is concerned", "thought"),
    ],
)
def test_act_from_cue_and_grammar(annotator: Annotator, sentence: str, cue: str, act: str) -> None:
    assert acts(annotator, sentence).get(cue) == AttributionAct(act)


def test_every_attribution_has_an_act(annotator: Annotator) -> None:
    text = "“We will wait,” the mayor said.\n\n“It is too early to tell.”"
    analysis = annotator.analyze(parse_text(text, language="en"))
    assert len(analysis.attributions) >= 1
    assert all(a.act is not None for a in analysis.attributions)
    assert all(a.to_dict()["act"] == a.act for a in analysis.attributions)


def test_acts_on_the_doc_extension_in_a_plain_spacy_pipeline() -> None:
    nlp = importlib.import_module(base_model_name()).load()
    nlp.add_pipe("onrecord_attribution_v1")
    doc = nlp("The council wants a new vote, the mayor said. Data suggest the tolls will rise.")
    found = {a.cue.text: a.act for a in doc._.attributions if a.cue is not None}
    assert found.get("said") == AttributionAct.SPEECH
    assert found.get("suggest") == AttributionAct.EVIDENCE
