"""The analysis pool: the same analyses as one process, in input order, byte for byte;
a worker that dies takes no analysis with it; ``--workers`` on the commands."""

from __future__ import annotations

import json
import os
import signal
from importlib import resources
from pathlib import Path

import pytest

from onrecord import api
from onrecord.cli import main
from onrecord.ingest import parse_text
from onrecord.model import Analysis, Article
from onrecord.nlp import AnalysisPool
from onrecord.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def corpus() -> list[Article]:
    """Real articles in several shapes, an empty one (skipped) and one too long (an error)."""
    examples = resources.files("onrecord").joinpath("examples")
    texts = [examples.joinpath(n).read_text(encoding="utf-8") for n in ("clinic-hours.txt",)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "text").glob("*.txt"))]
    articles = [parse_text(text, source=f"text-{n}") for n, text in enumerate(texts)]
    articles += [Article(text=" \n", source="blank"), Article(text="x" * 5000, source="huge")]
    short = [parse_text(f"Mayor Lee said bridge {n} would open.", source=f"s{n}") for n in range(9)]
    return [*articles, *short]


def lines(analyses: list[Analysis]) -> list[str]:
    return [json.dumps(a.to_dict(with_article=True), ensure_ascii=False) for a in analyses]


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings.load({"max_article_chars": 4000})


@pytest.fixture(scope="module")
def one_process(settings: Settings) -> list[str]:
    return lines(list(api.analyze_many(corpus(), settings)))


def test_two_workers_give_the_analyses_of_one_process(
    settings: Settings, one_process: list[str]
) -> None:
    with AnalysisPool(settings, 2) as pool:
        pooled = lines(list(pool.analyze_many(corpus())))
        figures = list(pool.figures.values())
    assert pooled == one_process
    assert any('"skipped": "empty article"' in line for line in pooled)
    assert any("too long to analyse" in line for line in pooled)
    assert 1 <= len(figures) <= 2 and all(f.peak_rss_mb > 50 for f in figures)


def test_a_killed_worker_loses_no_analysis(settings: Settings, one_process: list[str]) -> None:
    with AnalysisPool(settings, 2) as pool:
        analyses = pool.analyze_many(corpus())
        got = [next(analyses)]  # a worker has answered: its pid is known
        os.kill(next(iter(pool.figures)), signal.SIGKILL)
        got += list(analyses)
    assert lines(got) == one_process


def test_analyze_and_ingest_take_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = FIXTURES / "text"
    assert main(["analyze", "--quiet", str(folder)]) == 0
    alone = capsys.readouterr().out
    assert main(["analyze", "--quiet", "--workers", "2", str(folder)]) == 0
    assert capsys.readouterr().out == alone
    db = tmp_path / "store.db"
    assert main(["ingest", "--quiet", "--format", "json", "--workers", "2", "--db", str(db),
                 str(folder)]) == 0  # fmt: skip
    summary = json.loads(capsys.readouterr().out)
    assert summary["new"] == len(alone.splitlines()) and summary["failures"] == []
