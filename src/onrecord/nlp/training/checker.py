"""Training the attribution checker (``nlp.checker``) on out-of-fold candidates.

The checker must learn how the taggers err on text they have not seen, so
its examples come from taggers that did not see them: the corpus is cut
into folds, taggers are trained on all folds but one, and their candidates
on the held-out fold are labelled right or wrong against the gold (the
content matched at token Jaccard ≥ 0.5 and the source shares a token, as
attribution (b) scores it). A logistic regression is then fitted to all of
them. Its threshold is chosen on the probabilities each fold gets from a
model fitted on the other folds: the one that maximises the mean of
attribution (a) F1 (content right) and (b) F1 (content and source right).
Maximising (b) alone drops many candidates whose content is right and source
wrong, and content recall with them.

Judging a candidate against the gold is scoring, and scoring is ``evaluate``'s, which
sits above ``nlp``: the caller passes the judge in (``LabelCandidates``; ``onrecord
train`` passes ``evaluate.training.label_candidates``), so that the checker learns by
exactly the rules it is scored by, and nothing here imports ``evaluate``.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from onrecord.model import Attribution
from onrecord.model.gold import GoldDocument
from onrecord.nlp.attribution.checker import Checker, Features
from onrecord.nlp.attribution.finder import ADVERB, CUE_MODEL, ROLE_MODEL, AttributionFinder
from onrecord.nlp.crf import Tagger
from onrecord.nlp.doc_records import DocAttribution
from onrecord.nlp.document import ParsedArticle
from onrecord.nlp.to_model import to_attributions

FOLDS = 4
MIN_FEATURE_COUNT = 3  # rarer features (mostly cue words) get no weight of their own
L2 = 1.0
ITERATIONS = 400
LEARNING_RATE = 0.05

Corpus = Sequence[tuple[ParsedArticle, GoldDocument]]
TrainTaggers = Callable[[Corpus, Path], object]


@dataclass(frozen=True)
class CandidateLabel:
    """A candidate against the gold: its content matches a gold content (attribution (a)),
    and its source is that attribution's too (attribution (b))."""

    content_right: bool
    right: bool


# The gold article and its candidates, each as the record model holds it (None for one
# that maps to no text), to one label per candidate.
LabelCandidates = Callable[[GoldDocument, Sequence[Attribution | None]], list[CandidateLabel]]


@dataclass(frozen=True)
class Example:
    fold: int
    features: Features
    right: bool  # content and source
    content_right: bool


@dataclass(frozen=True)
class CheckerReport:
    examples: int
    right: int
    features: int
    threshold: float
    out_of_fold_f1: tuple[float, float]  # attribution (a) and (b) F1, candidates as kept


def train_checker(
    corpus: Corpus, train_taggers: TrainTaggers, label: LabelCandidates, out_path: Path
) -> CheckerReport:
    examples, n_gold = out_of_fold_examples(corpus, train_taggers, label)
    vocabulary = _vocabulary(examples)
    probabilities = np.zeros(len(examples))
    for fold in range(FOLDS):
        fitted = [e for e in examples if e.fold != fold]
        held = [i for i, e in enumerate(examples) if e.fold == fold]
        model = fit_logistic(fitted, vocabulary)
        for i in held:
            probabilities[i] = model.probability(examples[i].features)
    threshold, f1 = best_threshold(probabilities, examples, n_gold)
    checker = replace(fit_logistic(examples, vocabulary), threshold=threshold)
    checker.save(out_path)
    return CheckerReport(
        len(examples), sum(e.right for e in examples), len(vocabulary), threshold, f1
    )


def out_of_fold_examples(
    corpus: Corpus, train_taggers: TrainTaggers, label: LabelCandidates
) -> tuple[list[Example], int]:
    examples: list[Example] = []
    n_gold = 0
    for fold in range(FOLDS):
        held = [item for i, item in enumerate(corpus) if i % FOLDS == fold]
        rest = [item for i, item in enumerate(corpus) if i % FOLDS != fold]
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp)
            train_taggers(rest, directory)
            finder = AttributionFinder(
                Tagger(directory / CUE_MODEL), Tagger(directory / ROLE_MODEL)
            )
            for parsed, document in held:
                examples.extend(_labelled(finder, parsed, document, fold, label))
                n_gold += len(document.attributions)
    return examples, n_gold


def _labelled(
    finder: AttributionFinder,
    parsed: ParsedArticle,
    document: GoldDocument,
    fold: int,
    label: LabelCandidates,
) -> list[Example]:
    ctx = parsed.context()
    candidates = [c for c in finder.candidates(ctx) if c.roles.content_origin != ADVERB]
    labels = label(document, [_record(parsed, c.attribution) for c in candidates])
    return [
        Example(fold, c.features(ctx), verdict.right, verdict.content_right)
        for c, verdict in zip(candidates, labels, strict=True)
    ]


def _record(parsed: ParsedArticle, attribution: DocAttribution) -> Attribution | None:
    """The candidate as ``eval polnear`` scores it: article offsets, via the record model."""
    found = to_attributions(parsed.view, parsed.article.text, [attribution])
    return found[0] if found else None


def _vocabulary(examples: list[Example]) -> list[str]:
    counts = Counter(k for e in examples for k in e.features)
    return sorted(k for k, n in counts.items() if n >= MIN_FEATURE_COUNT)


def fit_logistic(examples: list[Example], vocabulary: list[str]) -> Checker:
    """L2-regularised logistic regression by full-batch Adam on a dense matrix (its
    threshold is left at 0.5 for the caller to choose)."""
    column = {k: j for j, k in enumerate(vocabulary)}
    x = np.zeros((len(examples), len(vocabulary)), dtype=np.float32)
    for i, example in enumerate(examples):
        for k, v in example.features.items():
            if k in column:
                x[i, column[k]] = v
    y = np.array([e.right for e in examples], dtype=np.float32)
    w = np.zeros(len(vocabulary), dtype=np.float64)
    b = 0.0
    moment = np.zeros(len(vocabulary) + 1)
    second = np.zeros(len(vocabulary) + 1)
    n = max(len(examples), 1)
    for t in range(1, ITERATIONS + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w + b, -30, 30)))
        error = p - y
        grad = np.append(x.T @ error / n + L2 * w / n, error.mean())
        moment = 0.9 * moment + 0.1 * grad
        second = 0.999 * second + 0.001 * grad**2
        step = LEARNING_RATE * (moment / (1 - 0.9**t)) / (np.sqrt(second / (1 - 0.999**t)) + 1e-8)
        w -= step[:-1]
        b -= float(step[-1])
    return Checker({k: float(w[j]) for k, j in column.items()}, b, threshold=0.5)


def best_threshold(
    probabilities: np.ndarray, examples: list[Example], n_gold: int
) -> tuple[float, tuple[float, float]]:
    """The threshold (in steps of 0.01) that maximises the mean of attribution (a) and
    (b) F1, each 2·right kept / (kept + gold); with those two F1 values."""
    right = np.array([e.right for e in examples])
    content_right = np.array([e.content_right for e in examples])
    best: tuple[float, tuple[float, float]] = (0.5, (0.0, 0.0))
    for threshold in np.arange(0.05, 0.96, 0.01):
        kept = probabilities >= threshold
        if not kept.any():
            continue
        f1 = tuple(
            round(float(2 * labels[kept].sum() / (kept.sum() + n_gold)), 4)
            for labels in (content_right, right)
        )
        if sum(f1) > sum(best[1]):
            best = (round(float(threshold), 2), (f1[0], f1[1]))
    return best
