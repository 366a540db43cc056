"""The base pipeline runs on numpy's BLAS and parses exactly as spaCy's own load does."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from spacy.language import Language
from thinc.api import get_current_ops

from onrecord.nlp.pipeline import EXCLUDED, base_model_name, load_base

ATTRS = ["TAG", "DEP", "HEAD", "SENT_START", "LEMMA"]
TEXTS = [
    "The mayor said on Tuesday that the bridge wouldn't open until March.",
    "“We’re gonna fix it,” she said. “It ain't over.”\n\nThey disagreed, officials said.",
    "",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    spacys_own = importlib.import_module(base_model_name()).load(exclude=list(EXCLUDED))
    return spacys_own, load_base()


def assert_same_parse(pipelines: tuple[Language, Language], texts: list[str]) -> None:
    spacys_own, ours = pipelines
    for expected, got in zip(spacys_own.pipe(texts), ours.pipe(texts), strict=True):
        assert np.array_equal(expected.to_array(ATTRS), got.to_array(ATTRS)), expected.text[:80]


def test_only_the_base_pipeline_leaves_blis(pipelines: tuple[Language, Language]) -> None:
    spacys_own, ours = pipelines
    assert not ours.get_pipe("tok2vec").model.ops.use_blis
    assert spacys_own.get_pipe("tok2vec").model.ops.use_blis
    assert get_current_ops().use_blis  # the process's default is left as it was


def test_same_parse_on_written_sentences(pipelines: tuple[Language, Language]) -> None:
    assert_same_parse(pipelines, TEXTS)


@pytest.mark.shared
def test_same_parse_on_polnear_dev(pipelines: tuple[Language, Language], polnear_dir) -> None:  # type: ignore[no-untyped-def]
    paths = sorted((polnear_dir / "dev" / "text").glob("*.txt"))[40:60]
    assert paths
    assert_same_parse(pipelines, [p.read_text(encoding="utf-8") for p in paths])
