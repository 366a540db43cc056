"""Predictions as JSONL, one article a line, in the shape the evaluation command writes.

    {"id": "<txt file stem>", "attributions": [{"source": [[s, e], ...],
     "cue": [[s, e], ...], "content": [[s, e], ...]}]}

Offsets index the article's exact characters; ends are exclusive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from onrecord.errors import DataError
from onrecord.model import Attribution, Span
from onrecord.model.gold import RangeAttribution, Ranges

__all__ = [
    "prediction_line",
    "read_predictions",
    "to_range_attribution",
    "write_predictions",
]

_ROLES = ("source", "cue", "content")


def to_range_attribution(attribution: Attribution) -> RangeAttribution:
    """The character ranges of a model attribution; an absent source or cue is ``()``."""
    return RangeAttribution(
        source=_ranges([attribution.source]),
        cue=_ranges([attribution.cue]),
        content=_ranges(attribution.content),
    )


def _ranges(spans: Iterable[Span | None]) -> Ranges:
    return tuple(sorted((span.start, span.end) for span in spans if span is not None))


def prediction_line(document_id: str, attributions: Sequence[RangeAttribution]) -> str:
    """One JSONL line (without its newline) for one article."""
    record = {
        "id": document_id,
        "attributions": [
            {role: [list(r) for r in getattr(a, role)] for role in _ROLES} for a in attributions
        ],
    }
    return json.dumps(record, ensure_ascii=False)


def write_predictions(
    path: str | Path, predictions: Iterable[tuple[str, Sequence[RangeAttribution]]]
) -> None:
    """Write ``(article id, attributions)`` pairs, one line each, in the order given."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for document_id, attributions in predictions:
            handle.write(prediction_line(document_id, attributions) + "\n")


def read_predictions(path: str | Path) -> dict[str, list[RangeAttribution]]:
    """Predictions by article id; a malformed or repeated line raises :class:`DataError`."""
    predictions: dict[str, list[RangeAttribution]] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            document_id, attributions = _parse_line(line, f"{path}:{number}")
            if document_id in predictions:
                raise DataError(f"{path}:{number}: article {document_id!r} appears twice")
            predictions[document_id] = attributions
    return predictions


def _parse_line(line: str, where: str) -> tuple[str, list[RangeAttribution]]:
    record = json_record(line, where)
    attributions = record.get("attributions", [])
    if not isinstance(attributions, list):
        raise DataError(f'{where}: "attributions" must be a list')
    return record["id"], [_parse_attribution(a, where) for a in attributions]


def json_record(line: str, where: str) -> dict[str, Any]:
    """One JSON Lines record: an object with a string ``id``, or a DataError naming ``where``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise DataError(f"{where}: not JSON ({error.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise DataError(f'{where}: expected an object with a string "id"')
    return record


def _parse_attribution(data: Any, where: str) -> RangeAttribution:
    if not isinstance(data, dict):
        raise DataError(f"{where}: each attribution must be an object")
    source, cue, content = (_parse_ranges(data.get(role) or [], where) for role in _ROLES)
    return RangeAttribution(source=source, cue=cue, content=content)


def _parse_ranges(data: Any, where: str) -> Ranges:
    if not isinstance(data, list) or not all(_is_range(item) for item in data):
        raise DataError(f"{where}: ranges must be lists of [start, end] with 0 <= start <= end")
    return tuple(sorted((item[0], item[1]) for item in data))


def _is_range(item: Any) -> bool:
    return (
        isinstance(item, list)
        and len(item) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in item)
        and 0 <= item[0] <= item[1]
    )
