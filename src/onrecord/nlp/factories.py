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

from onrecord.issues import load_issue
from onrecord.knowledge.actors import load_actor_knowledge
from onrecord.nlp import extensions
from onrecord.nlp.attribution import AttributionFinder
from onrecord.nlp.attribution.finder import CANDIDATE_CUE, SECOND_CHANCE_CONTENT
from onrecord.nlp.dates import find_said_on, share_occasions
from onrecord.nlp.doc_records import DocAttribution
from onrecord.nlp.fast_attributes import FastAttributeRuler
from onrecord.nlp.lemmas import LemmaCache
from onrecord.nlp.positions import PositionFinder
from onrecord.nlp.speakers import SpeakerResolver

__all__ = [
    "AttributionComponent",
    "DocAttribution",
    "make_attribution_component",
    "make_positions_component",
    "make_said_on_component",
    "make_speakers_component",
]

extensions.register()


class AttributionComponent:
    def __init__(
        self,
        nlp: Language,
        name: str,
        model_dir: str | None,
        min_confidence: float,
        *,
        candidate_cue: float,
        second_chance_content: float,
    ):
        self.name = name
        self.finder = AttributionFinder.load(
            Path(model_dir) if model_dir else None,
            min_confidence,
            candidate_cue=candidate_cue,
            second_chance_content=second_chance_content,
        )
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
    default_config={
        "model_dir": None,
        "min_confidence": 0.0,
        "candidate_cue": CANDIDATE_CUE,
        "second_chance_content": SECOND_CHANCE_CONTENT,
    },
)
def make_attribution_component(
    nlp: Language,
    name: str,
    model_dir: str | None,
    min_confidence: float,
    candidate_cue: float,
    second_chance_content: float,
) -> AttributionComponent:
    """The attribution finder; the thresholds are the settings of the same names
    (docs/settings.md)."""
    return AttributionComponent(
        nlp,
        name,
        model_dir,
        min_confidence,
        candidate_cue=candidate_cue,
        second_chance_content=second_chance_content,
    )


@Language.factory(
    "onrecord_speakers_v1",
    default_config={"actors_file": ""},
    requires=["doc._.attributions", "token.dep", "token.tag"],
    assigns=["doc._.attributions"],
)
def make_speakers_component(nlp: Language, name: str, actors_file: str) -> SpeakerResolver:
    """Sets ``actor`` on each of ``doc._.attributions``: who the source is; ``actors_file``
    is the setting of that name (empty: the shipped actors knowledge alone)."""
    return SpeakerResolver(load_actor_knowledge(actors_file) if actors_file else None)


def _set_said_on(doc: Doc) -> Doc:
    found = doc._.attributions or []
    for attribution in found:
        attribution.said_on = find_said_on(attribution, doc._.published, doc._.updated)
    share_occasions(found)
    return doc


@Language.factory(
    "onrecord_said_on_v1",
    requires=["doc._.attributions", "token.dep", "token.tag"],
    assigns=["doc._.attributions"],
)
def make_said_on_component(nlp: Language, name: str) -> object:
    """Sets ``said_on`` on each of ``doc._.attributions``, from ``doc._.published`` (and
    ``doc._.updated``)."""
    return _set_said_on


class PositionsComponent:
    def __init__(self, nlp: Language, issue_files: list[str]) -> None:
        self.issues = [load_issue(path) for path in issue_files]
        self.finder = PositionFinder()
        self.lemmas = LemmaCache.for_pipeline(nlp)

    def __call__(self, doc: Doc) -> Doc:
        issues = doc._.issues if doc._.issues is not None else self.issues
        if not issues:
            doc._.positions = []
            return doc
        doc._.positions = self.finder.find(doc, issues, self.lemmas.lemmas(doc))
        return doc


@Language.factory(
    "onrecord_positions_v1",
    requires=["doc._.attributions", "token.dep", "token.tag"],
    assigns=["doc._.positions"],
    default_config={"issue_files": []},
)
def make_positions_component(
    nlp: Language, name: str, issue_files: list[str]
) -> PositionsComponent:
    """Sets ``doc._.positions`` for ``doc._.issues``, or for the issues in ``issue_files``."""
    return PositionsComponent(nlp, issue_files)
