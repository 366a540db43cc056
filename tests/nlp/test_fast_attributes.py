"""The table-driven attribute ruler gives exactly what spaCy's attribute ruler gives."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from onrecord.nlp import factories  # noqa: F401  (registers the factories)
from onrecord.nlp.pipeline import load_base

ATTRS = ["POS", "MORPH", "LEMMA", "TAG", "DEP"]
TEXTS = [
    "The mayor said on Tuesday that the bridge wouldn't open until March.",
    "“We’re gonna fix it,” she said. “It ain't over.”",
    "Mr. O'Neill, 54, told reporters: “I have been clear.”\n\nThey disagreed.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    reference = load_base()
    fast = load_base()
    fast.add_pipe("onrecord_fast_attributes_v1", after="attribute_ruler")
    fast.disable_pipe("attribute_ruler")
    return reference, fast


def assert_same(reference: Language, fast: Language, texts: list[str]) -> None:
    for expected, got in zip(reference.pipe(texts), fast.pipe(texts), strict=True):
        assert np.array_equal(expected.to_array(ATTRS), got.to_array(ATTRS)), expected.text[:80]


def test_same_annotations_on_written_sentences(pipelines: tuple[Language, Language]) -> None:
    assert_same(*pipelines, TEXTS)


@pytest.mark.shared
def test_same_annotations_on_polnear_dev(pipelines: tuple[Language, Language], polnear_dir) -> None:  # type: ignore[no-untyped-def]
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((polnear_dir / "dev" / "text").glob("*.txt"))
    ]
    assert texts
    assert_same(*pipelines, texts[:40])
