"""spaCy pipeline components registered under versioned names.

``onrecord_attribution_v1`` finds attributions (source, cue, content) and
sets ``doc._.attributions``. It works in any English pipeline that has a
tagger and a dependency parser (with a lemmatizer, enabled or disabled)::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("onrecord_attribution_v1")
    doc = nlp(text)
    doc._.attributions
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from onrecord.nlp.attribution import AttributionFinder, DocAttribution
from onrecord.nlp.fast_attributes import FastAttributeRuler
from onrecord.nlp.lemmas import LemmaCache

__all__ = ["AttributionComponent", "DocAttribution", "make_attribution_component"]

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


class AttributionComponent:
    def __init__(self, nlp: Language, name: str, model_dir: str | None, min_confidence: float):
        self.name = name
        self.finder = AttributionFinder.load(Path(model_dir) if model_dir else None, min_confidence)
        # Lemmas come from the pipeline's lemmatizer, run or not (see nlp.lemmas).
        self.lemmas = LemmaCache.for_pipeline(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = self.finder.find(doc, self.lemmas.lemmas(doc))
        return doc


@Language.factory(
    "onrecord_fast_attributes_v1",
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_fast_attributes(nlp: Language, name: str) -> FastAttributeRuler:
    """The pipeline's ``attribute_ruler`` (left in place, disabled), by table lookup."""
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise ValueError("onrecord_fast_attributes_v1 needs the pipeline's attribute_ruler")
    return FastAttributeRuler(ruler)


@Language.factory(
    "onrecord_attribution_v1",
    requires=["token.dep", "token.pos", "token.tag", "token.head"],
    assigns=["doc._.attributions"],
    default_config={"model_dir": None, "min_confidence": 0.0},
)
def make_attribution_component(
    nlp: Language, name: str, model_dir: str | None, min_confidence: float
) -> AttributionComponent:
    return AttributionComponent(nlp, name, model_dir, min_confidence)
