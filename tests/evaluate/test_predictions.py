"""The predictions JSONL and the conversion from model attributions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.errors import DataError
from onrecord.evaluate import (
    prediction_line,
    read_predictions,
    to_range_attribution,
    write_predictions,
)
from onrecord.model import Attribution, AttributionKind, Span
from onrecord.model.gold import RangeAttribution

FULL = RangeAttribution(((0, 5),), ((6, 10),), ((13, 20), (30, 41)))
NO_SOURCE = RangeAttribution((), ((1, 2),), ((3, 4),))


def test_a_line_has_the_issues_shape() -> None:
    assert json.loads(prediction_line("doc-1", [FULL, NO_SOURCE])) == {
        "id": "doc-1",
        "attributions": [
            {"source": [[0, 5]], "cue": [[6, 10]], "content": [[13, 20], [30, 41]]},
            {"source": [], "cue": [[1, 2]], "content": [[3, 4]]},
        ],
    }


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_predictions(path, [("a", [FULL, NO_SOURCE]), ("b", []), ("ünï", [FULL])])
    assert len(path.read_text(encoding="utf-8").splitlines()) == 3
    assert read_predictions(path) == {"a": [FULL, NO_SOURCE], "b": [], "ünï": [FULL]}


def test_null_or_missing_roles_read_as_absent(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a", "attributions": [{"source": null, "content": [[3, 4]]}]}\n\n')
    assert read_predictions(path) == {"a": [RangeAttribution((), (), ((3, 4),))]}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "p.jsonl:2: not JSON"),
        ('{"attributions": []}', 'p.jsonl:2: expected an object with a string "id"'),
        ('{"id": "b", "attributions": {}}', "must be a list"),
        ('{"id": "b", "attributions": [[1, 2]]}', "each attribution must be an object"),
        ('{"id": "b", "attributions": [{"cue": [[5, 2]]}]}', "ranges must be"),
        ('{"id": "b", "attributions": [{"cue": [[1, 2, 3]]}]}', "ranges must be"),
        ('{"id": "b", "attributions": [{"cue": [["1", 2]]}]}', "ranges must be"),
        ('{"id": "a", "attributions": []}', "p.jsonl:2: article 'a' appears twice"),
    ],
)
def test_malformed_lines_name_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a", "attributions": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=message):
        read_predictions(path)


def test_model_attributions_convert_to_ranges() -> None:
    text = '"Win," he said, "now."'
    attribution = Attribution(
        content=[Span.of(text, 16, 21), Span.of(text, 1, 4)],
        cue=Span.of(text, 9, 13),
        source=Span.of(text, 6, 8),
        kind=AttributionKind.DIRECT,
        confidence=0.9,
    )
    assert to_range_attribution(attribution) == RangeAttribution(
        ((6, 8),), ((9, 13),), ((1, 4), (16, 21))
    )


def test_a_missing_source_and_cue_convert_to_empty_ranges() -> None:
    attribution = Attribution(
        content=[Span(0, 3, "Win")], cue=None, source=None, kind="direct", confidence=1.0
    )
    assert to_range_attribution(attribution) == RangeAttribution((), (), ((0, 3),))
