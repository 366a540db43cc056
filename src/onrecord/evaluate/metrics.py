"""The attribution metrics of the engine issue, micro-averaged over a split.

- per role (source, cue, content), *exact*: distinct normalised spans per article;
- per role, *token overlap*: the ``\\w+`` tokens covered by the union of a role's spans;
- *attribution (a)*: one-to-one greedy matching by content token Jaccard >= 0.5;
- *attribution (b)*: matched pairs whose sources share a token, or that both lack one.

The figures compare with the public peers only if these rules stay exactly as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.errors import DataError
from onrecord.model.gold import GoldDocument, RangeAttribution, Ranges

__all__ = [
    "ROLES",
    "AttributionScores",
    "EvaluationReport",
    "RoleScores",
    "Score",
    "Tokenizer",
    "format_report",
    "greedy_match",
    "jaccard",
    "normalise_span",
    "one_to_one",
    "score_document",
    "score_documents",
]

ROLES = ("source", "cue", "content")
JACCARD_THRESHOLD = 0.5
QUOTATION_MARKS = frozenset("\"'`´“”„‟‘’‚‛«»‹›「」『』〝〞〟＂＇")
FINAL_PUNCTUATION = frozenset(".,;:!?…")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Score:
    """Counts behind a precision/recall/F1; zero divisions give 0.0."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class RoleScores:
    exact: Score = Score()
    token: Score = Score()

    def __add__(self, other: RoleScores) -> RoleScores:
        return RoleScores(self.exact + other.exact, self.token + other.token)


@dataclass(frozen=True)
class AttributionScores:
    matched: Score = Score()  # (a): content token Jaccard >= 0.5
    with_source: Score = Score()  # (b): (a) and the sources agree

    def __add__(self, other: AttributionScores) -> AttributionScores:
        return AttributionScores(self.matched + other.matched, self.with_source + other.with_source)


@dataclass(frozen=True)
class EvaluationReport:
    """Micro-averaged scores over ``documents`` articles."""

    documents: int = 0
    roles: dict[str, RoleScores] = field(default_factory=lambda: {r: RoleScores() for r in ROLES})
    attribution: AttributionScores = AttributionScores()

    def __add__(self, other: EvaluationReport) -> EvaluationReport:
        roles = {r: self.roles[r] + other.roles[r] for r in ROLES}
        return EvaluationReport(
            self.documents + other.documents, roles, self.attribution + other.attribution
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents}
        for role in ROLES:
            out[f"{role}_exact"] = self.roles[role].exact.to_dict()
            out[f"{role}_token"] = self.roles[role].token.to_dict()
        out["attribution_a"] = self.attribution.matched.to_dict()
        out["attribution_b"] = self.attribution.with_source.to_dict()
        return out


class Tokenizer:
    """The ``\\w+`` tokens of one text, identified by their start offsets."""

    def __init__(self, text: str) -> None:
        matches = list(_WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def covered(self, ranges: Ranges) -> frozenset[int]:
        """Tokens sharing at least one character with ``ranges``."""
        found: set[int] = set()
        for start, end in ranges:
            index = bisect_left(self.ends, start + 1)  # the first token ending after start
            while index < len(self.starts) and self.starts[index] < end:
                found.add(self.starts[index])
                index += 1
        return frozenset(found)


def normalise_span(text: str, ranges: Ranges) -> Ranges:
    """``ranges`` merged, trimmed, emptied ones dropped, and those apart by non-words joined."""
    trimmed = (_trim(text, start, end) for start, end in _merge(ranges))
    return _join(text, [r for r in trimmed if r[0] < r[1]])


def _merge(ranges: Ranges) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # Each loop runs to a fixed point, so trimming needs no further repetition.
    while start < end and (text[start].isspace() or text[start] in QUOTATION_MARKS):
        start += 1
    while start < end and _trimmed_at_end(text[end - 1]):
        end -= 1
    return start, end


def _trimmed_at_end(char: str) -> bool:
    return char.isspace() or char in QUOTATION_MARKS or char in FINAL_PUNCTUATION


def _join(text: str, ranges: list[tuple[int, int]]) -> Ranges:
    joined: list[tuple[int, int]] = []
    for start, end in ranges:
        if joined and _WORD.search(text, joined[-1][1], start) is None:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return tuple(joined)


def jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    """Token Jaccard; two empty sets score 0.0 so that empty contents never match."""
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def greedy_match(
    predicted: Sequence[frozenset[int]],
    gold: Sequence[frozenset[int]],
    threshold: float = JACCARD_THRESHOLD,
) -> list[tuple[int, int]]:
    """One-to-one ``(predicted index, gold index)`` pairs, highest Jaccard first."""
    return one_to_one(
        (score, p, g)
        for p, tokens in enumerate(predicted)
        for g, gold_tokens in enumerate(gold)
        if (score := jaccard(tokens, gold_tokens)) >= threshold
    )


def one_to_one(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs from ``(score, predicted index, gold index)`` candidates:
    the highest score first, ties to the lower indices; each index is used once."""
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    matches: list[tuple[int, int]] = []
    for _, p, g in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if p not in used_predicted and g not in used_gold:
            used_predicted.add(p)
            used_gold.add(g)
            matches.append((p, g))
    return matches


def score_document(
    text: str, gold: Sequence[RangeAttribution], predicted: Sequence[RangeAttribution]
) -> EvaluationReport:
    """The counts of one article, as a report over one document."""
    tokens = Tokenizer(text)
    roles = {role: _role_scores(text, tokens, role, gold, predicted) for role in ROLES}
    return EvaluationReport(1, roles, _attribution_scores(tokens, gold, predicted))


def score_documents(
    gold: Sequence[GoldDocument], predictions: Mapping[str, Sequence[RangeAttribution]]
) -> EvaluationReport:
    """Micro-averaged scores; an article with no entry in ``predictions`` has none."""
    unknown = set(predictions) - {document.id for document in gold}
    if unknown:
        examples = ", ".join(sorted(unknown)[:3])
        raise DataError(f"predictions for {len(unknown)} article(s) not in the gold: {examples}")
    report = EvaluationReport()
    for document in gold:
        predicted = predictions.get(document.id, ())
        report = report + score_document(document.text, document.attributions, predicted)
    return report


def _role_scores(
    text: str,
    tokens: Tokenizer,
    role: str,
    gold: Sequence[RangeAttribution],
    predicted: Sequence[RangeAttribution],
) -> RoleScores:
    gold_spans = _distinct_spans(text, role, gold)
    predicted_spans = _distinct_spans(text, role, predicted)
    exact = Score(len(gold_spans & predicted_spans), len(predicted_spans), len(gold_spans))
    gold_tokens = tokens.covered(tuple(r for a in gold for r in getattr(a, role)))
    predicted_tokens = tokens.covered(tuple(r for a in predicted for r in getattr(a, role)))
    token = Score(len(gold_tokens & predicted_tokens), len(predicted_tokens), len(gold_tokens))
    return RoleScores(exact, token)


def _distinct_spans(text: str, role: str, attributions: Sequence[RangeAttribution]) -> set[Ranges]:
    spans = (normalise_span(text, getattr(a, role)) for a in attributions)
    return {span for span in spans if span}


def _attribution_scores(
    tokens: Tokenizer, gold: Sequence[RangeAttribution], predicted: Sequence[RangeAttribution]
) -> AttributionScores:
    matches = greedy_match(
        [tokens.covered(a.content) for a in predicted], [tokens.covered(a.content) for a in gold]
    )
    with_source = sum(same_source(tokens, predicted[p], gold[g]) for p, g in matches)
    return AttributionScores(
        Score(len(matches), len(predicted), len(gold)),
        Score(with_source, len(predicted), len(gold)),
    )


def same_source(tokens: Tokenizer, predicted: RangeAttribution, gold: RangeAttribution) -> bool:
    if not predicted.source and not gold.source:
        return True
    return bool(tokens.covered(predicted.source) & tokens.covered(gold.source))


def format_report(report: EvaluationReport, counted: str = "articles") -> str:
    """A plain-text table of every figure, with the counts behind it; ``counted`` names
    what ``report.documents`` counts."""
    rows = [
        (f"{role} {kind}", getattr(report.roles[role], kind))
        for role in ROLES
        for kind in ("exact", "token")
    ]
    rows += [
        ("attribution (a)", report.attribution.matched),
        ("attribution (b)", report.attribution.with_source),
    ]
    header = f"{'metric':<17} {'P':>6} {'R':>6} {'F1':>6} {'correct':>8} {'pred':>7} {'gold':>7}"
    lines = [f"{report.documents} {counted}", header, "-" * len(header)]
    for name, score in rows:
        lines.append(
            f"{name:<17} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f} "
            f"{score.correct:>8} {score.predicted:>7} {score.gold:>7}"
        )
    return "\n".join(lines)
