"""The act gold (evaluate.acts): its file, its parts, and the sample it claims to be."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import SHARED, shared_path
from onrecord.errors import DataError
from onrecord.evaluate.acts import PARTS, draw_cues, load_act_gold, score_acts
from onrecord.model import AttributionAct


def test_the_gold_is_labelled_in_its_parts() -> None:
    gold = load_act_gold()
    counts = Counter(cue.part for cue in gold)
    assert set(counts) <= set(PARTS)
    assert counts["tune"] == sum(PARTS["tune"][:2])
    assert counts["held"] == sum(PARTS["held"][:2])
    assert all(cue.act is not None for cue in gold)
    assert len({cue.key for cue in gold}) == len(gold)


@pytest.mark.shared
def test_the_gold_is_the_sample_its_seeds_draw() -> None:
    shared_path("data", "polnear", "dev")
    drawn = {cue.key: cue for cue in draw_cues(SHARED / "data")}
    for cue in load_act_gold():
        assert drawn[cue.key].part == cue.part
        assert " ".join(drawn[cue.key].cue.split()) == cue.cue


def test_a_malformed_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text("# a comment\ntune\tpolnear-dev\tdoc\t1-4\tsaid\tgossip\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"gold.tsv:1: 'gossip' is not a valid AttributionAct"):
        load_act_gold(path)
    path.write_text("tune\tpolnear-dev\tdoc\t1-4\tsaid\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"gold.tsv:1: expected 6 tab-separated fields, found 5"):
        load_act_gold(path)


def test_scores_count_a_missing_act_as_wrong(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(
        "tune\ts\td\t0-4\tsaid\tspeech\n"
        "tune\ts\td\t5-9\tfelt\tthought\n"
        "held\ts\td\t9-12\tsaw\tthought\n",
        encoding="utf-8",
    )
    gold = load_act_gold(path)
    report = score_acts(gold, [AttributionAct.SPEECH, None, AttributionAct.SPEECH])
    assert report.accuracy("tune") == 0.5 and report.accuracy("held") == 0.0
    assert report.accuracy() == pytest.approx(1 / 3)
    assert report.to_dict()["tune"]["confusion"] == {"speech>speech": 1, "thought>-": 1}
