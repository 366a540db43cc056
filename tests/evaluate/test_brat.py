"""Reading brat standoff annotations, hand-written and real."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import DataError
from onrecord.evaluate import load_split, parse_ann
from onrecord.model.gold import GoldDocument, RangeAttribution

TEXT = "The Post reports that he won. Critics, he said, were wrong\nand late."
#       0123456789012345678901234567890123456789012345678901234567890123456789


def test_a_full_relation() -> None:
    ann = (
        "T1\tSource 0 8\tThe Post\n"
        "T2\tCue 9 16\treports\n"
        "T3\tContent 17 28\tthat he won\n"
        "T4\tAttribution 9 16\treports\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    assert parse_ann(ann, TEXT) == [RangeAttribution(((0, 8),), ((9, 16),), ((17, 28),))]


def test_discontinuous_content_spans_lines_and_content2_joins_it() -> None:
    # The content's text field holds the newline it covers, so it runs over two lines.
    ann = (
        "T1\tSource 39 41\the\n"
        "T2\tCue 42 46\tsaid\n"
        "T3\tContent 30 37;48 62\tCritics were wrong\n"
        "and\n"
        "T5\tContent 63 67\tlate\n"
        "T4\tAttribution 42 46\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5\n"
    )
    (attribution,) = parse_ann(ann, TEXT)
    assert attribution.content == ((30, 37), (48, 62), (63, 67))
    assert attribution.source == ((39, 41),)


def test_no_source_relation() -> None:
    ann = (
        "T2\tCue 9 16\treports\n"
        "T3\tContent 17 28\tthat he won\n"
        "T4\tAttribution-no-source 9 16\treports\n"
        "E1\tAttribution-no-source:T4 Content:T3 Cue:T2\n"
    )
    assert parse_ann(ann, TEXT) == [RangeAttribution((), ((9, 16),), ((17, 28),))]


def test_working_marks_notes_attributes_and_contentless_relations_are_ignored() -> None:
    ann = (
        "T1\tDiscuss 0 8\tThe Post\n"
        "T2\tDiscard 9 16\treports\n"
        "#1\tAnnotatorNotes T1\tIs this a source?\n"
        "T3\tCue 9 16\treports\n"
        "T4\tAttribution 9 16\treports\n"
        "A1\tConfidence T4 High\n"
        "R1\tLink Arg1:T3 Arg2:T4\n"
        "E1\tAttribution:T4 Cue:T3\n"
        "\n"
    )
    assert parse_ann(ann, TEXT) == []


def test_an_empty_file_has_no_attributions() -> None:
    assert parse_ann("", TEXT) == []


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tSource 0 x\tThe", "ann:1: bad offsets"),
        ("T1\tSource 0 999\tThe", "outside the text"),
        ("T1\tSource 8 0\tThe", "outside the text"),
        ("T1\tSource\tThe", "ann:1: expected"),
        ("T1\tSource 0 8\tThe Post\nsomething else", "ann:2: not a brat standoff line"),
        ("E1\tAttribution:T4 Content:T3", "ann:1: the event refers to T3"),
        ("T3\tContent 17 28\tx\nE1\tAttribution:T4 Content", "ann:2: bad event argument"),
        ("E1\t", "ann:1: empty event line"),
    ],
)
def test_malformed_lines_name_the_file_and_line(ann: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        parse_ann(ann, TEXT, "x.ann")


def _write(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / "dev" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="")


def test_the_first_annotator_wins_and_crlf_text_is_kept(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "text/a_b.txt": "He said\r\nit.",
            "attributions/a_b_aaaa.ann": "T1\tCue 3 7\tsaid\nT2\tContent 9 11\tit\n"
            "E1\tAttribution-no-source:T1 Content:T2 Cue:T1\n",
            "attributions/a_b_bbbb.ann": "",
            "text/c.txt": "Nothing.",
            "attributions/c_0001.ann": "",
        },
    )
    documents = load_split(tmp_path, "dev")
    assert documents == [
        GoldDocument("a_b", "He said\r\nit.", [RangeAttribution((), ((3, 7),), ((9, 11),))]),
        GoldDocument("c", "Nothing.", []),
    ]


def test_a_text_without_annotations_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, {"text/a.txt": "x", "attributions/b_0001.ann": ""})
    with pytest.raises(DataError, match="no .ann file: a"):
        load_split(tmp_path, "dev")


def test_a_missing_split_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such directory"):
        load_split(tmp_path, "train")


def _quoted_share(documents: list[GoldDocument]) -> float:
    marks = set('"“”«»„')
    contents = [
        "".join(d.text[s:e] for s, e in a.content) for d in documents for a in d.attributions
    ]
    return sum(any(c in marks for c in content) for content in contents) / len(contents)


def test_polnear_train_and_dev_load(polnear_dir: Path) -> None:
    train, dev = load_split(polnear_dir, "train"), load_split(polnear_dir, "dev")
    assert (len(train), len(dev)) == (840, 84)
    assert sum(len(d.attributions) for d in train) == 19832
    assert sum(len(d.attributions) for d in dev) == 2192
    assert 0.25 < _quoted_share(train + dev) < 0.35
    for document in dev:
        for attribution in document.attributions:
            for start, end in attribution.content + attribution.cue + attribution.source:
                assert 0 <= start < end <= len(document.text)
