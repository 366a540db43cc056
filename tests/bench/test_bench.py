"""The benchmark machinery on two invented texts, onrecord only; timings are not asserted."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from onrecord.bench import BenchReport, polnear_texts, run_worker
from onrecord.bench._runner import summarise
from onrecord.cli.bench import print_table
from onrecord.errors import DataError

TEXTS = {
    "a.txt": 'The mayor said on Monday that the bridge would reopen. "We are ready," she added.\n',
    "b.txt": "Officials warned that the storm could reach the coast by Friday, according to the "
    "weather service.\n",
}
NUMBERS = (
    "load_seconds",
    "seconds",
    "articles_per_second",
    "peak_rss_after_load_mb",
    "peak_rss_mb",
)


@pytest.fixture(scope="module")
def split_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("polnear")
    text = root / "dev" / "text"
    text.mkdir(parents=True)
    for name, body in TEXTS.items():
        (text / name).write_text(body, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def onrecord_run(split_dir: Path) -> dict:  # type: ignore[type-arg]
    return run_worker("onrecord", polnear_texts(split_dir, "dev"), batch_size=8)


def test_worker_prints_one_json_record(onrecord_run: dict) -> None:  # type: ignore[type-arg]
    assert onrecord_run["system"] == "onrecord"
    assert onrecord_run["articles"] == 2
    assert onrecord_run["failed"] == 0
    assert onrecord_run["batch_size"] == 8
    assert isinstance(onrecord_run["found"], int) and onrecord_run["found"] >= 1
    assert onrecord_run["output_chars"] > 0
    assert all(isinstance(onrecord_run[key], float | int) for key in NUMBERS)
    assert onrecord_run["peak_rss_mb"] >= onrecord_run["peak_rss_after_load_mb"] > 0
    assert "onrecord_attribution_v1" in onrecord_run["model"]


def test_report_without_the_peer(onrecord_run: dict) -> None:  # type: ignore[type-arg]
    report = BenchReport("x/dev", "dev", 1, 16, summarise([onrecord_run]), textacy_missing="no")
    data = report.to_dict()
    assert data["textacy"] is None and data["throughput_ratio"] is None
    assert data["onrecord"]["runs"] == [onrecord_run]
    out = io.StringIO()
    print_table(report, out)
    assert "onrecord" in out.getvalue() and "textacy" not in out.getvalue()


def test_ratio_is_onrecord_over_textacy(onrecord_run: dict) -> None:  # type: ignore[type-arg]
    ours = summarise([onrecord_run])
    theirs = summarise([{**onrecord_run, "system": "textacy", "articles_per_second": 2.0}])
    ours.articles_per_second = 3.0
    assert BenchReport("x/dev", "dev", 1, 16, ours, theirs).ratio == pytest.approx(1.5)


def test_missing_split_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no .txt files"):
        polnear_texts(tmp_path, "dev")
