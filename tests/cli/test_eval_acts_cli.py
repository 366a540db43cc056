"""`onrecord eval acts` end to end, in process, on a few cues of the act gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from onrecord.cli import main
from onrecord.evaluate.acts import load_act_gold


@pytest.mark.shared
def test_eval_acts_on_a_few_gold_cues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = shared_path("data")
    document = "breitbart_2016-09-30_the-latest-trump-urges-supporter"
    rows = [c for c in load_act_gold() if c.document == document]
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "".join(
            "\t".join([c.part, c.set, c.document, f"{c.ranges[0][0]}-{c.ranges[0][1]}", c.cue])
            + f"\t{c.act.value if c.act else ''}\n"
            for c in rows
            if len(c.ranges) == 1
        ),
        encoding="utf-8",
    )
    assert main(["eval", "acts", "--data", str(data), "--gold", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["all"]["cues"] == len(gold.read_text(encoding="utf-8").splitlines()) > 0
    assert 0.0 <= report["all"]["accuracy"] <= 1.0
    assert main(["eval", "acts", "--data", str(data), "--gold", str(gold)]) == 0
    assert "gold \\ predicted" in capsys.readouterr().out


@pytest.mark.shared
def test_eval_acts_names_a_cue_the_data_does_not_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = shared_path("data")
    gold = tmp_path / "gold.tsv"
    document = "breitbart_2016-09-30_the-latest-trump-urges-supporter"
    gold.write_text(f"tune\tpolnear-dev\t{document}\t0-4\tsaid\tspeech\n", encoding="utf-8")
    assert main(["eval", "acts", "--data", str(data), "--gold", str(gold)]) != 0
    assert "the gold was made on other data" in capsys.readouterr().err
