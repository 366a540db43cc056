"""The topical dev set: real articles with gold attributions given as verbatim strings.

Layout: ``articles/NNN.txt``, ``manifest.jsonl`` (id, outlet, language, published, ...)
and ``gold/NNN.json``. Gold strings are located in the text by search; attributions
are scored by one-to-one greedy matching on content token Jaccard >= 0.5, with kind
accuracy on the matched pairs, per language. Positions on an issue are scored by
``evaluate.positions`` and shown here when an issue was given.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from onrecord.errors import DataError
from onrecord.evaluate.metrics import Score, Tokenizer, greedy_match
from onrecord.evaluate.positions import PositionReport, format_position_report
from onrecord.evaluate.predictions import json_record
from onrecord.model import Attribution, fold

__all__ = [
    "TopicalArticle",
    "TopicalAttribution",
    "TopicalPosition",
    "TopicalReport",
    "TopicalScore",
    "format_topical_report",
    "load_topical",
    "score_article",
    "score_topical",
    "speaker_mismatches",
]

Range = tuple[int, int]


@dataclass(frozen=True)
class TopicalAttribution:
    """A gold attribution; a ``*_range`` is ``None`` when its string was not found."""

    content: str
    content_range: Range | None
    cue: str | None
    cue_range: Range | None
    speaker_text: str | None
    speaker_range: Range | None
    speaker: str  # the canonical actor
    speaker_type: str
    role: str | None
    kind: str


@dataclass(frozen=True)
class TopicalPosition:
    """A gold position. ``stance`` is a label of the issue the set is annotated for."""

    actor: str
    as_of: str | None  # YYYY-MM-DD
    evidence: str
    evidence_range: Range | None
    stance: str = ""
    conditions: str | None = None


@dataclass(frozen=True)
class TopicalArticle:
    id: str
    text: str
    language: str
    outlet: str | None
    published: str | None
    attributions: list[TopicalAttribution]
    unlocated: list[str]  # gold strings not found in the text, as messages
    positions: list[TopicalPosition] = field(default_factory=list)


@dataclass(frozen=True)
class TopicalScore:
    """Scores for the articles of one language."""

    articles: int = 0
    attributions: Score = Score()  # matched / predicted / gold
    kind_correct: int = 0  # matched pairs whose kind agrees
    speaker_correct: int = 0  # matched pairs whose actor is the gold speaker
    # Gold positions whose evidence holds a predicted attribution, and how many of those
    # have the position's as_of date as said_on (null for null).
    dated: int = 0
    dated_correct: int = 0

    @property
    def kind_accuracy(self) -> float:
        matched = self.attributions.correct
        return self.kind_correct / matched if matched else 0.0

    @property
    def speaker_accuracy(self) -> float:
        matched = self.attributions.correct
        return self.speaker_correct / matched if matched else 0.0

    @property
    def said_on_accuracy(self) -> float:
        return self.dated_correct / self.dated if self.dated else 0.0

    def __add__(self, other: TopicalScore) -> TopicalScore:
        return TopicalScore(
            self.articles + other.articles,
            self.attributions + other.attributions,
            self.kind_correct + other.kind_correct,
            self.speaker_correct + other.speaker_correct,
            self.dated + other.dated,
            self.dated_correct + other.dated_correct,
        )


@dataclass(frozen=True)
class TopicalReport:
    by_language: dict[str, TopicalScore] = field(default_factory=dict)
    unlocated: list[str] = field(default_factory=list)
    positions: PositionReport | None = None  # only when an issue was given

    def to_dict(self) -> dict[str, Any]:
        # Without an issue the JSON stays exactly what it was before positions existed.
        out: dict[str, Any] = {
            "by_language": {k: asdict(v) for k, v in self.by_language.items()},
            "unlocated": list(self.unlocated),
        }
        if self.positions is not None:
            out["positions"] = self.positions.to_dict()
        return out


def load_topical(data_dir: str | Path) -> list[TopicalArticle]:
    """Every article of the manifest, in manifest order, with its located gold."""
    root = Path(data_dir)
    return [_load_article(root, entry) for entry in _read_manifest(root / "manifest.jsonl")]


def _read_manifest(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise DataError(f"{path}: no manifest; expected a topical data directory")
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                entries.append(json_record(line, f"{path}:{number}"))
    return entries


def _load_article(root: Path, entry: dict[str, Any]) -> TopicalArticle:
    article_id = entry["id"]
    with open(root / "articles" / f"{article_id}.txt", encoding="utf-8", newline="") as handle:
        text = handle.read()
    gold_path = root / "gold" / f"{article_id}.json"
    gold_json = json.loads(gold_path.read_text(encoding="utf-8"))
    unlocated: list[str] = []
    attributions = _locate_all(text, gold_json.get("attributions", []), f"{gold_path}", unlocated)
    positions = [_position(text, item) for item in gold_json.get("positions", [])]
    return TopicalArticle(
        id=article_id,
        text=text,
        language=entry.get("language") or "unknown",
        outlet=entry.get("outlet"),
        published=entry.get("published"),
        attributions=attributions,
        unlocated=unlocated,
        positions=positions,
    )


def _position(text: str, item: dict[str, Any]) -> TopicalPosition:
    evidence = item.get("evidence") or ""
    return TopicalPosition(
        actor=item.get("actor", ""),
        as_of=item.get("as_of"),
        evidence=evidence,
        evidence_range=_find_after(text, evidence, 0),
        stance=item.get("stance") or "",
        conditions=item.get("conditions"),
    )


def _locate_all(
    text: str, gold: list[dict[str, Any]], where: str, unlocated: list[str]
) -> list[TopicalAttribution]:
    located: list[TopicalAttribution] = []
    for index, item in enumerate(gold):
        try:
            attribution = _locate(text, item, located[-1] if located else None)
        except (KeyError, TypeError) as error:
            raise DataError(f"{where}: attribution {index} lacks a field: {error}") from None
        for role, value, found in _roles(attribution):
            if value is not None and found is None:
                unlocated.append(f"{where}: attribution {index}: {role} not found: {value!r}")
        located.append(attribution)
    return located


def _roles(a: TopicalAttribution) -> list[tuple[str, str | None, Range | None]]:
    return [
        ("content", a.content, a.content_range),
        ("cue", a.cue, a.cue_range),
        ("speaker_text", a.speaker_text, a.speaker_range),
    ]


def _locate(
    text: str, item: dict[str, Any], previous: TopicalAttribution | None
) -> TopicalAttribution:
    # Gold follows the text, so the content is the occurrence nearest after the previous
    # one; an equal content (a chain of sources, a group's members) stays in place.
    position = previous.content_range[0] if previous and previous.content_range else 0
    content_range = _find_after(text, item["content"], position)
    # A cue or speaker mention belongs to one attribution, so the previous one's is passed
    # over, unless the two share their content (a chain, a group) or their wording (a quote
    # continued over sentences, annotated with the first sentence's speaker and cue).
    taken = _taken(previous, item, content_range)
    cue_range = _find_nearest(text, item.get("cue"), content_range, taken[0])
    speaker_text = item.get("speaker_text")
    speaker_range = _find_nearest(text, speaker_text, cue_range or content_range, taken[1])
    return TopicalAttribution(
        content=item["content"],
        content_range=content_range,
        cue=item.get("cue"),
        cue_range=cue_range,
        speaker_text=speaker_text,
        speaker_range=speaker_range,
        speaker=item["speaker"],
        speaker_type=item.get("speaker_type", ""),
        role=item.get("role"),
        kind=item["kind"],
    )


def _taken(
    previous: TopicalAttribution | None, item: dict[str, Any], content_range: Range | None
) -> tuple[Range | None, Range | None]:
    if previous is None or previous.content_range == content_range:
        return None, None
    if (previous.cue, previous.speaker_text) == (item.get("cue"), item.get("speaker_text")):
        return None, None
    return previous.cue_range, previous.speaker_range


def _find_after(text: str, needle: str, position: int) -> Range | None:
    start = text.find(needle, position)
    if start < 0:
        start = text.find(needle)
    return (start, start + len(needle)) if needle and start >= 0 else None


def _find_nearest(
    text: str, needle: str | None, anchor: Range | None, taken: Range | None
) -> Range | None:
    """The occurrence of ``needle`` closest to ``anchor``, other than ``taken`` if possible."""
    if not needle:
        return None
    ranges = [(start, start + len(needle)) for start in _occurrences(text, needle)]
    free = [r for r in ranges if r != taken] or ranges
    if not free:
        return None
    return min(free, key=lambda r: _distance(r, anchor)) if anchor else free[0]


def _occurrences(text: str, needle: str) -> list[int]:
    starts, start = [], text.find(needle)
    while start >= 0:
        starts.append(start)
        start = text.find(needle, start + 1)
    return starts


def _distance(first: Range, second: Range) -> int:
    return max(first[0] - second[1], second[0] - first[1], 0)


def score_topical(
    articles: Sequence[TopicalArticle], predictions: Mapping[str, Sequence[Attribution]]
) -> TopicalReport:
    """Scores per language; an article with no entry in ``predictions`` has none."""
    unknown = set(predictions) - {article.id for article in articles}
    if unknown:
        raise DataError(f"predictions for articles not in the topical set: {sorted(unknown)}")
    by_language: dict[str, TopicalScore] = {}
    for article in articles:
        score = score_article(article, predictions.get(article.id, ()))
        by_language[article.language] = by_language.get(article.language, TopicalScore()) + score
    unlocated = [message for article in articles for message in article.unlocated]
    return TopicalReport(dict(sorted(by_language.items())), unlocated)


def score_article(article: TopicalArticle, predicted: Sequence[Attribution]) -> TopicalScore:
    """The counts of one article."""
    tokens = Tokenizer(article.text)
    predicted_sets = [tokens.covered(tuple((s.start, s.end) for s in a.content)) for a in predicted]
    matches = _content_matches(article, predicted_sets, tokens)
    kind_correct = sum(predicted[p].kind.value == article.attributions[g].kind for p, g in matches)
    speaker_correct = sum(same_speaker(predicted[p], article.attributions[g]) for p, g in matches)
    score = Score(len(matches), len(predicted), len(article.attributions))
    dated, dated_correct = _said_on_counts(article, predicted, predicted_sets, tokens)
    return TopicalScore(1, score, kind_correct, speaker_correct, dated, dated_correct)


def speaker_mismatches(
    article: TopicalArticle, predicted: Sequence[Attribution]
) -> list[tuple[Attribution, TopicalAttribution]]:
    """The matched pairs whose predicted actor is not the gold speaker, in gold order."""
    tokens = Tokenizer(article.text)
    predicted_sets = [tokens.covered(tuple((s.start, s.end) for s in a.content)) for a in predicted]
    pairs = sorted(_content_matches(article, predicted_sets, tokens), key=lambda pair: pair[1])
    gold = article.attributions
    return [(predicted[p], gold[g]) for p, g in pairs if not same_speaker(predicted[p], gold[g])]


def _content_matches(
    article: TopicalArticle, predicted_sets: list[frozenset[int]], tokens: Tokenizer
) -> list[tuple[int, int]]:
    gold_sets = [
        tokens.covered((a.content_range,)) if a.content_range else frozenset()
        for a in article.attributions
    ]
    return greedy_match(predicted_sets, gold_sets)


def _said_on_counts(
    article: TopicalArticle,
    predicted: Sequence[Attribution],
    predicted_sets: list[frozenset[int]],
    tokens: Tokenizer,
) -> tuple[int, int]:
    """Each gold position against the predicted attribution that overlaps its evidence
    sentence most: is its said_on date the position's as_of?"""
    dated = correct = 0
    for position in article.positions:
        if position.evidence_range is None:
            continue
        evidence = tokens.covered((position.evidence_range,))
        overlaps = [
            (len(evidence & covered), a)
            for covered, a in zip(predicted_sets, predicted, strict=True)
        ]
        best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
        if best[0] == 0 or best[1] is None:
            continue
        said_on = best[1].said_on
        date = said_on.date.isoformat() if said_on and said_on.date else None
        dated += 1
        correct += date == position.as_of
    return dated, correct


def same_speaker(predicted: Attribution, gold: TopicalAttribution) -> bool:
    """Canonical names compared without case or diacritics ("Braze" = "Braže")."""
    return predicted.actor is not None and fold(predicted.actor.name) == fold(gold.speaker)


def format_topical_report(report: TopicalReport) -> str:
    """A plain-text table per language, then any gold strings that were not found."""
    header = f"{'language':<9} {'articles':>8} {'P':>6} {'R':>6} {'F1':>6} {'kind acc':>8} "
    header += f"{'speaker':>8} {'said_on':>8} {'matched':>8} {'pred':>5} {'gold':>5}"
    lines = [header, "-" * len(header)]
    for language, score in report.by_language.items():
        a = score.attributions
        lines.append(
            f"{language:<9} {score.articles:>8} {a.precision:>6.3f} {a.recall:>6.3f} {a.f1:>6.3f} "
            f"{score.kind_accuracy:>8.3f} {score.speaker_accuracy:>8.3f} "
            f"{score.said_on_accuracy:>8.3f} {a.correct:>8} "
            f"{a.predicted:>5} {a.gold:>5}"
        )
    lines.append(
        "said_on: gold positions dated by the attribution that overlaps their evidence most "
        + ", ".join(
            f"{language} {s.dated_correct}/{s.dated}" for language, s in report.by_language.items()
        )
    )
    lines += [f"unlocated: {message}" for message in report.unlocated]
    if report.positions is not None:
        lines += ["", format_position_report(report.positions)]
    return "\n".join(lines)
