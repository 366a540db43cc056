"""The report of several topical sets as plain-text tables or as a JSON document.

A held-out set shows its figures on a line of its own and nothing else: no error
counts, no notes on its articles, no individual errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from onrecord.evaluate.position_errors import ErrorClass, ErrorCounts, Outcome
from onrecord.evaluate.topical_sets import FIGURES, Figures, SetResult, SetsReport, SpeakerError
from onrecord.model import Position

__all__ = ["format_sets_report", "sets_report_dict"]

# (header, width) per figure, in FIGURES order.
_FIGURE_COLUMNS = (
    ("attr P", 6),
    ("attr R", 6),
    ("attr F1", 7),
    ("speaker", 7),
    ("said_on", 7),
    ("pos P", 6),
    ("pos R", 6),
    ("pos F1", 6),
    ("+as_of P", 8),
    ("+as_of R", 8),
    ("+as_of F1", 9),
)
_CLASS_COLUMNS = (
    ("gold", "gold"),
    ("correct", "correct"),
    ("wrong_date", "wrong date"),
    ("wrong_coarse", "wrong coarse"),
    ("wrong_actor", "wrong actor"),
    ("missed", "missed"),
    ("predicted", "predicted"),
    ("spurious", "spurious"),
)
_EVIDENCE_SHOWN = 100  # characters of an evidence sentence in an error line


def format_sets_report(report: SetsReport, errors: bool = False) -> str:
    """The figures per set, the macro average, the positions by class; with ``errors``,
    every error of the sets that are not held out."""
    width = max([len(_macro_label(report)), *(len(_row_label(s)) for s in report.sets), 12])
    lines = [*_figures_table(report, width), "", *_classes_table(report, width)]
    notes = [note for s in report.developed for note in _notes(s, errors)]
    lines += ["", *notes] if notes else []
    if errors:
        lines += ["", *_error_lines(report)]
    return "\n".join(lines)


def _row_label(result: SetResult) -> str:
    return f"held out: {result.name}" if result.held_out else result.name


def _macro_label(report: SetsReport) -> str:
    return f"macro ({len(report.developed)} sets)"


def _figures_table(report: SetsReport, width: int) -> list[str]:
    header = f"{'set':<{width}} {'articles':>8} " + " ".join(
        f"{name:>{size}}" for name, size in _FIGURE_COLUMNS
    )
    lines = [
        "attributions (content token Jaccard >= 0.5, one to one; speaker and said_on on "
        "the matched) and positions ((actor, coarse stance); +as_of: and the day), per set",
        header,
        "-" * len(header),
    ]
    lines += [_figures_row(s.name, str(s.articles), s.figures(), width) for s in report.developed]
    if len(report.developed) > 1:
        articles = str(sum(s.articles for s in report.developed))
        lines.append(_figures_row(_macro_label(report), articles, report.macro(), width))
    if report.held_out:
        lines += ["-" * len(header)] if report.developed else []
        lines += [
            _figures_row(_row_label(s), str(s.articles), s.figures(), width)
            for s in report.held_out
        ]
    return lines


def _figures_row(label: str, articles: str, figures: Figures, width: int) -> str:
    cells = [
        f"{_number(figures[name]):>{size}}"
        for name, (_, size) in zip(FIGURES, _FIGURE_COLUMNS, strict=True)
    ]
    return f"{label:<{width}} {articles:>8} " + " ".join(cells)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _classes_table(report: SetsReport, width: int) -> list[str]:
    scored = [s for s in report.developed if s.error_counts is not None]
    if not scored:
        return ["positions by class: none (no set scored on an issue that is not held out)"]
    header = f"{'set':<{width}} " + " ".join(
        f"{title:>{len(title)}}" for _, title in _CLASS_COLUMNS
    )
    lines = ["positions by class (each gold position and each prediction in one)", header]
    lines.append("-" * len(header))
    for result in scored:
        lines.append(_classes_row(result.name, result.error_counts or ErrorCounts(), width))
    if len(scored) > 1:
        lines.append(_classes_row(f"all ({len(scored)} sets)", report.error_counts(), width))
    if report.held_out:
        lines.append("(held-out sets are not broken down)")
    return lines


def _classes_row(label: str, counts: ErrorCounts, width: int) -> str:
    values = counts.to_dict()
    return f"{label:<{width}} " + " ".join(
        f"{values[key]:>{len(title)}}" for key, title in _CLASS_COLUMNS
    )


def _notes(result: SetResult, errors: bool) -> Iterator[str]:
    for article, reason in result.skipped.items():
        yield f"{result.name}: {article} skipped by the analyzer, so it predicts nothing ({reason})"
    for article, reason in result.failed.items():
        yield f"{result.name}: {article} failed, so it predicts nothing ({reason})"
    unlocated = result.report.unlocated
    if unlocated and not errors:
        yield f"{result.name}: {len(unlocated)} gold strings not found in their text (--errors)"


def _error_lines(report: SetsReport) -> Iterator[str]:
    yield "errors (sets not held out; positions, then speakers, then gold not found)"
    for result in report.developed:
        for outcome in result.outcomes:
            if outcome.kind is not ErrorClass.CORRECT:
                yield f"{result.name}/{outcome.article}  {outcome.kind.value}"
                yield from _outcome_lines(outcome)
        for error in result.speaker_errors:
            yield f"{result.name}/{error.article}  wrong_speaker"
            yield f"  gold       {error.gold.speaker}  {_quoted(error.gold.content)}"
            yield f"  predicted  {_actor(error.predicted.actor)}"
        yield from (f"{result.name}: unlocated: {m}" for m in result.report.unlocated)


def _outcome_lines(outcome: Outcome) -> Iterator[str]:
    if outcome.gold is not None:
        g = outcome.gold
        as_of = g.as_of or "undated"
        yield f"  gold       {g.actor} · {g.stance} · {as_of} · {_quoted(g.evidence)}"
    if outcome.predicted is not None:
        yield f"  predicted  {_predicted(outcome.predicted)}"


def _predicted(p: Position) -> str:
    evidence = " … ".join(span.text for span in p.evidence)
    as_of = p.as_of.isoformat() if p.as_of else "undated"
    return f"{p.actor.name} · {p.stance} ({p.coarse.value}) · {as_of} · {_quoted(evidence)}"


def _actor(actor: Any) -> str:
    return actor.name if actor is not None else "(no actor)"


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    cut = flat if len(flat) <= _EVIDENCE_SHOWN else flat[: _EVIDENCE_SHOWN - 1] + "…"
    return f"“{cut}”"


def sets_report_dict(report: SetsReport, errors: bool = False) -> dict[str, Any]:
    """The report as JSON-ready data; with ``errors``, each set that is not held out
    carries its individual errors."""
    out: dict[str, Any] = {
        "sets": [_set_dict(s, errors) for s in report.developed],
        "macro": {"sets": len(report.developed), **report.macro()},
        "position_classes": report.error_counts().to_dict(),
    }
    if report.held_out:
        out["held_out"] = [_held_out_dict(s) for s in report.held_out]
    return out


def _held_out_dict(result: SetResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "data": result.data,
        "issue": result.issue,
        "articles": result.articles,
        "figures": result.figures(),
    }


def _set_dict(result: SetResult, errors: bool) -> dict[str, Any]:
    counts = result.error_counts
    positions = result.report.positions
    out = _held_out_dict(result) | {
        "attributions": result.attributions.attributions.to_dict(),
        "positions": positions.total.to_dict() if positions else None,
        "position_classes": counts.to_dict() if counts else None,
        "skipped": dict(result.skipped),
        "failed": dict(result.failed),
        "unlocated": len(result.report.unlocated),
    }
    if errors:
        out["errors"] = _errors_dict(result)
    return out


def _errors_dict(result: SetResult) -> dict[str, Any]:
    return {
        "positions": [
            _outcome_dict(o) for o in result.outcomes if o.kind is not ErrorClass.CORRECT
        ],
        "speakers": [_speaker_dict(e) for e in result.speaker_errors],
        "unlocated": list(result.report.unlocated),
    }


def _outcome_dict(outcome: Outcome) -> dict[str, Any]:
    g, p = outcome.gold, outcome.predicted
    gold = None
    if g is not None:
        gold = {"actor": g.actor, "stance": g.stance, "as_of": g.as_of, "evidence": g.evidence}
    return {
        "article": outcome.article,
        "class": outcome.kind.value,
        "gold": gold,
        "predicted": p.to_dict() if p is not None else None,
    }


def _speaker_dict(error: SpeakerError) -> dict[str, Any]:
    return {
        "article": error.article,
        "gold": error.gold.speaker,
        "predicted": _actor(error.predicted.actor),
        "content": error.gold.content,
    }
