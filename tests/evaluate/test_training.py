"""`onrecord train` on a small corpus in PolNeAR's brat layout: taggers, checker, use; and
the checker's candidates judged against the gold as attribution (a) and (b) score them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.evaluate.training import label_candidates, train_from_split
from onrecord.model import Attribution, AttributionKind, Span
from onrecord.model.gold import GoldDocument, RangeAttribution
from onrecord.nlp.attribution.checker import CHECKER_MODEL, Checker
from onrecord.nlp.attribution.finder import AttributionFinder
from onrecord.nlp.pipeline import load_base
from onrecord.nlp.training.checker import CandidateLabel

NAMES = ["The mayor", "Maria Duarte", "The minister", "Officials", "The company", "Residents"]
CUES = ["said", "argued", "warned", "claimed"]
CLAIMS = [
    "the bridge would open in March",
    "the tolls were too high",
    "the plan had failed",
    "the vote would be delayed",
    "nobody had been told",
]
FILLER = "The weather was mild and the streets were quiet."


def _article(k: int) -> tuple[str, str]:
    """An article of four sentences, three of them attributions, and its .ann."""
    text, lines, n = "", [], 0
    for j in range(4):
        if j == 2:
            text += FILLER + " "
            continue
        source = NAMES[(k + j) % len(NAMES)]
        cue = CUES[(k * 3 + j) % len(CUES)]
        claim = CLAIMS[(k + 2 * j) % len(CLAIMS)]
        start = len(text)
        cue_start = start + len(source) + 1
        content_start = cue_start + len(cue) + 1
        text += f"{source} {cue} that {claim}. "
        n += 1
        lines += [
            f"T{3 * n - 2}\tSource {start} {start + len(source)}\t{source}",
            f"T{3 * n - 1}\tCue {cue_start} {cue_start + len(cue)}\t{cue}",
            f"T{3 * n}\tContent {content_start} {content_start + 5 + len(claim)}\tthat {claim}",
            f"E{n}\tAttribution:T{3 * n - 1} Source:T{3 * n - 2} Cue:T{3 * n - 1} Content:T{3 * n}",
        ]
    return text, "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("corpus")
    for k in range(24):
        text, ann = _article(k)
        (data / "train" / "text").mkdir(parents=True, exist_ok=True)
        (data / "train" / "attributions").mkdir(parents=True, exist_ok=True)
        (data / "train" / "text" / f"a{k:02d}.txt").write_text(text, encoding="utf-8")
        (data / "train" / "attributions" / f"a{k:02d}_x.ann").write_text(ann, encoding="utf-8")
    out = tmp_path_factory.mktemp("model")
    assert main(["train", "--data", str(data), "--split", "train", "--out", str(out)]) == 0
    return out


def test_training_writes_taggers_checker_and_report(trained: Path) -> None:
    for name in ("cue.crfsuite", "role.crfsuite", CHECKER_MODEL, "training.json"):
        assert (trained / name).stat().st_size > 0, name
    report = json.loads((trained / "training.json").read_text())
    assert (report["articles"], report["attributions"]) == (24, 72)
    assert report["checker"]["examples"] > 0
    assert 0.0 < report["checker"]["threshold"] < 1.0
    checker = Checker.load(trained / CHECKER_MODEL)
    assert checker.weights


def test_the_trained_model_finds_an_unseen_attribution(trained: Path) -> None:
    finder = AttributionFinder.load(trained)
    assert finder.checker is not None
    doc = load_base()("The governor warned that the budget would be cut.")
    found = finder.find(doc)
    assert [(str(a.source), str(a.cue)) for a in found] == [("The governor", "warned")]
    assert str(found[0].content[0]).startswith("that the budget would be cut")
    assert 0.0 < found[0].confidence <= 1.0


JUDGED = "Ann Lee said the plan had failed. Bo Chan said nothing."


def _candidate(source: tuple[int, int], content: tuple[int, int]) -> Attribution:
    return Attribution(
        content=[Span.of(JUDGED, *content)],
        cue=None,
        source=Span.of(JUDGED, *source),
        kind=AttributionKind.INDIRECT,
        confidence=1.0,
    )


def test_candidates_are_judged_as_attribution_a_and_b_score_them() -> None:
    gold = GoldDocument("d", JUDGED, [RangeAttribution(((0, 7),), ((8, 12),), ((13, 32),))])
    candidates = [
        _candidate((34, 41), (13, 32)),  # the content, but another source
        _candidate((4, 7), (17, 32)),  # most of the content and part of the source
        None,  # a candidate that maps to no text
        _candidate((34, 41), (47, 54)),  # content the gold does not have
    ]
    labels = label_candidates(gold, candidates)
    # One to one: the gold's content goes to the candidate whose content overlaps it most.
    assert labels == [
        CandidateLabel(content_right=True, right=False),
        CandidateLabel(content_right=False, right=False),
        CandidateLabel(content_right=False, right=False),
        CandidateLabel(content_right=False, right=False),
    ]
    assert label_candidates(gold, candidates[1:]) == [
        CandidateLabel(content_right=True, right=True),
        CandidateLabel(content_right=False, right=False),
        CandidateLabel(content_right=False, right=False),
    ]


def test_training_tells_its_progress_step_by_step(tmp_path: Path) -> None:
    data = tmp_path / "corpus"
    for k in range(16):
        text, ann = _article(k)
        (data / "train" / "text").mkdir(parents=True, exist_ok=True)
        (data / "train" / "attributions").mkdir(parents=True, exist_ok=True)
        (data / "train" / "text" / f"a{k:02d}.txt").write_text(text, encoding="utf-8")
        (data / "train" / "attributions" / f"a{k:02d}_x.ann").write_text(ann, encoding="utf-8")
    told: list[tuple[str, int, int]] = []
    notes: list[str] = []
    train_from_split(
        data, tmp_path / "model", log=notes.append, progress=lambda *step: told.append(step)
    )
    steps = list(dict.fromkeys(step for step, _, _ in told))
    assert steps[:3] == [
        "parsing train articles",
        "training cue.crfsuite",
        "training role.crfsuite",
    ]
    assert "checker fold 1/4: training cue.crfsuite" in steps
    assert "checker fold 4/4: training role.crfsuite" in steps
    parse = [(done, most) for step, done, most in told if step == "parsing train articles"]
    assert parse == [(n, 16) for n in range(1, 17)]
    cue = [done for step, done, _ in told if step == "training cue.crfsuite"]
    assert cue == list(range(1, len(cue) + 1)) and 0 < len(cue) <= 60
    assert notes[0] == "parsing 16 train articles…"
