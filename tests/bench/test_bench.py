"""The benchmark machinery on invented texts, onrecord only; timings are not asserted."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from onrecord.bench import BenchReport, polnear_texts, run_worker
from onrecord.bench._runner import summarise
from onrecord.bench._worker import main as worker_main
from onrecord.cli.bench import print_table
from onrecord.errors import DataError

TEXTS = {
    "a.txt": 'The mayor said on Monday that the bridge would reopen. "We are ready," she added.\n',
    "b.txt": "Officials warned that the storm could reach the coast by Friday, according to the "
    "weather service.\n",
}
ISSUE = Path(__file__).parents[2] / "examples" / "issues" / "strikes-inside-russia.toml"
ON_THE_ISSUE = (
    "The senator urged the administration to let Kyiv strike deep inside Russia with "
    "American weapons, the newspaper reported on Tuesday.\n"
)
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


@pytest.fixture(scope="module")
def issue_run(split_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    on_the_issue = tmp_path_factory.mktemp("issue") / "c.txt"
    on_the_issue.write_text(ON_THE_ISSUE, encoding="utf-8")
    paths = [*polnear_texts(split_dir, "dev"), on_the_issue]
    return run_worker("onrecord", paths, batch_size=8, issue=ISSUE)


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
    assert onrecord_run["issue"] is None
    assert onrecord_run["positions"] is None and onrecord_run["articles_with_positions"] is None


def test_worker_counts_positions_with_an_issue(issue_run: dict) -> None:  # type: ignore[type-arg]
    assert issue_run["system"] == "onrecord" and issue_run["issue"] == "strikes-inside-russia"
    assert issue_run["articles"] == 3 and issue_run["failed"] == 0
    assert isinstance(issue_run["positions"], int)
    assert isinstance(issue_run["articles_with_positions"], int)
    assert 0 <= issue_run["articles_with_positions"] <= min(3, issue_run["positions"])
    assert all(isinstance(issue_run[key], float | int) for key in NUMBERS)


def test_issue_is_for_onrecord_only(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        worker_main(["textacy", "--issue", str(ISSUE), str(tmp_path / "a.txt")])


def test_report_with_the_issue(onrecord_run: dict, issue_run: dict) -> None:  # type: ignore[type-arg]
    plain = summarise([{**onrecord_run, "seconds": 1.0}, {**onrecord_run, "seconds": 2.0}])
    with_issue = summarise([{**issue_run, "seconds": 1.1}, {**issue_run, "seconds": 2.4}])
    report = BenchReport("x/dev", "dev", 2, 8, plain, with_issue=with_issue)
    assert report.positions_overhead == pytest.approx(15.0)  # the median of +10 % and +20 %
    data = report.to_dict()
    assert data["positions_overhead_percent"] == pytest.approx(15.0)
    figures = data["onrecord_with_issue"]
    assert figures["issue"] == "strikes-inside-russia"
    assert figures["positions"] == issue_run["positions"]
    assert figures["articles_with_positions"] == issue_run["articles_with_positions"]
    assert data["onrecord"]["positions"] is None
    out = io.StringIO()
    print_table(report, out)
    text = out.getvalue()
    assert "onrecord+issue" in text and "positions stage: +15.0 %" in text
    assert f"positions on strikes-inside-russia: {issue_run['positions']} in all" in text


def test_report_without_the_peer(onrecord_run: dict) -> None:  # type: ignore[type-arg]
    report = BenchReport("x/dev", "dev", 1, 16, summarise([onrecord_run]), textacy_missing="no")
    data = report.to_dict()
    assert data["textacy"] is None and data["throughput_ratio"] is None
    assert data["onrecord_with_issue"] is None and data["positions_overhead_percent"] is None
    assert data["onrecord"]["runs"] == [onrecord_run]
    out = io.StringIO()
    print_table(report, out)
    assert "onrecord" in out.getvalue() and "textacy" not in out.getvalue()
    assert "positions" not in out.getvalue()


def test_ratio_is_onrecord_over_textacy(onrecord_run: dict) -> None:  # type: ignore[type-arg]
    ours = summarise([onrecord_run])
    theirs = summarise([{**onrecord_run, "system": "textacy", "articles_per_second": 2.0}])
    ours.articles_per_second = 3.0
    assert BenchReport("x/dev", "dev", 1, 16, ours, theirs).ratio == pytest.approx(1.5)


def test_missing_split_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no .txt files"):
        polnear_texts(tmp_path, "dev")
