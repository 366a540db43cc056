"""The attribution checker: its model file, its decision, and the shipped one in use."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import ModelError
from onrecord.nlp.attribution.checker import CHECKER_MODEL, Checker, Sketch, rival_features
from onrecord.nlp.attribution.finder import (
    CANDIDATE_CUE,
    MODEL_DIR,
    SECOND_CHANCE_CONTENT,
    AttributionFinder,
)
from onrecord.nlp.context import build_context
from onrecord.nlp.pipeline import load_base


def test_probability() -> None:
    checker = Checker({"cue_p": 4.0, "lemma=say": 2.0}, bias=-3.0, threshold=0.5)
    sure = {"cue_p": 0.9, "lemma=say": 1.0}
    unsure = {"cue_p": 0.2, "lemma=tell": 1.0}  # an unknown feature weighs nothing
    assert checker.probability(sure) == pytest.approx(1 / (1 + 2.718281828**-2.6), rel=1e-6)
    assert checker.probability(sure) >= checker.threshold > checker.probability(unsure)


def test_saved_and_loaded_alike(tmp_path: Path) -> None:
    checker = Checker({"a": 0.5, "b": -1.25, "zero": 0.0}, bias=0.125, threshold=0.3)
    checker.save(tmp_path / CHECKER_MODEL)
    loaded = Checker.load(tmp_path / CHECKER_MODEL)
    assert loaded == Checker({"a": 0.5, "b": -1.25}, bias=0.125, threshold=0.3)


@pytest.mark.parametrize("text", ["", "{", '{"weights": {}}', '{"weights": [], "bias": 0}'])
def test_a_broken_model_file_is_an_error_naming_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / CHECKER_MODEL
    path.write_text(text)
    with pytest.raises(ModelError, match=CHECKER_MODEL):
        Checker.load(path)


def test_the_shipped_model_has_a_checker() -> None:
    assert (MODEL_DIR / CHECKER_MODEL).exists()
    finder = AttributionFinder.load()
    assert finder.checker is not None
    assert 0.0 < finder.checker.threshold < 1.0


def test_a_model_without_checker_keeps_the_older_rule(tmp_path: Path) -> None:
    for name in ("cue.crfsuite", "role.crfsuite"):
        (tmp_path / name).write_bytes((MODEL_DIR / name).read_bytes())
    assert AttributionFinder.load(tmp_path).checker is None


def test_the_knobs_reach_the_finder(tmp_path: Path) -> None:
    for name in ("cue.crfsuite", "role.crfsuite"):
        (tmp_path / name).write_bytes((MODEL_DIR / name).read_bytes())
    finder = AttributionFinder.load(tmp_path, candidate_cue=0.6, second_chance_content=0.9)
    assert (finder.candidate_cue, finder.second_chance_content) == (0.6, 0.9)
    default = AttributionFinder.load(tmp_path)
    assert (default.candidate_cue, default.second_chance_content) == (
        CANDIDATE_CUE,
        SECOND_CHANCE_CONTENT,
    )


def test_the_candidate_threshold_decides_the_cues_proposed() -> None:
    doc = load_base()("The mayor said the bridge would open. Critics doubt it will.")
    ctx = build_context(doc, [0])

    def cues(finder: AttributionFinder) -> list[list[int]]:
        return [candidate.cue.tokens for candidate in finder.candidates(ctx)]

    # at 0 every word is a candidate, and runs of them make longer cues
    assert cues(AttributionFinder.load(candidate_cue=0.0)) != cues(AttributionFinder.load())


def test_rival_features() -> None:
    said = Sketch(head=1, cue_confidence=0.9, content=frozenset(range(3, 10)))
    word_of_what_was_said = Sketch(head=5, cue_confidence=0.3, content=frozenset(range(8, 10)))
    same_content = Sketch(head=12, cue_confidence=0.5, content=frozenset(range(3, 9)))
    sketches = [said, word_of_what_was_said, same_content]
    assert rival_features(0, sketches) == {"content_holds_cue", "content_shared_with_weaker"}
    assert rival_features(1, sketches) == {"cue_in_content_of_stronger"}
    assert rival_features(2, sketches) == {"content_holds_cue", "content_shared_with_stronger"}
