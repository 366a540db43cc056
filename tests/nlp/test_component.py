"""The attribution component in an ordinary spaCy pipeline, found through its entry point."""

from __future__ import annotations

import importlib

from onrecord.model import AttributionKind
from onrecord.nlp.pipeline import base_model_name


def test_component_works_in_a_plain_spacy_pipeline() -> None:
    nlp = importlib.import_module(base_model_name()).load()
    nlp.add_pipe("onrecord_attribution_v1")
    doc = nlp("“We will not rush this,” the mayor said on Tuesday. The council said it would wait.")
    found = [(a.source.text, a.cue.text, a.kind) for a in doc._.attributions]
    assert ("the mayor", "said", AttributionKind.DIRECT) in found
    assert ("The council", "said", AttributionKind.INDIRECT) in found
    council = next(a for a in doc._.attributions if a.source.text == "The council")
    assert [span.text for span in council.content] == ["it would wait"]
    assert all(0.0 < a.confidence <= 1.0 for a in doc._.attributions)


def test_component_on_an_empty_doc() -> None:
    nlp = importlib.import_module(base_model_name()).load()
    nlp.add_pipe("onrecord_attribution_v1")
    assert nlp("")._.attributions == []
