"""The pathological inputs of issue 21 (F1–F8), generated here, each within a loose budget
of CPU time and memory: about ten times what it takes, so that a busy machine passes
and a return of super-linear growth fails. `onrecord bench robustness` runs them at full
size and reports the figures (docs/robustness.md)."""

from __future__ import annotations

import copy
import os
from importlib import resources
from pathlib import Path

import pytest
from robust_budget import within
from robust_inputs import page, warc_of

from onrecord.bench._probes import (
    nested_divs,
    quotation_marks,
    quoted_words,
    slow_loris_server,
    typical_article,
    unpunctuated,
)
from onrecord.errors import ConfigError, FetchError, ReadError
from onrecord.ingest import parse_html, parse_text, read_many
from onrecord.ingest.fetch import fetch
from onrecord.issues import load_issue
from onrecord.model import Analysis
from onrecord.nlp import Annotator
from onrecord.settings import Settings

STORY = "The mayor said on Thursday that the bridge would reopen in June."


@pytest.fixture(scope="module", autouse=True)
def warm_readers() -> None:
    """What the readers load on first use (trafilatura, the language identifier) is
    loaded once, outside the budgets."""
    parse_html(page(1))
    parse_text(STORY)


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    analyser = Annotator()
    analyser.analyze(parse_text(STORY))  # loaded and warmed up outside the budgets
    return analyser


def changed(annotator: Annotator, **settings: int) -> Annotator:
    """The same loaded pipeline under other settings."""
    other = copy.copy(annotator)
    other.settings = annotator.settings.replace(**settings)
    return other


def analysed(annotator: Annotator, text: str) -> Analysis:
    article = parse_text(text)
    analysis = annotator.analyze(article)
    assert analysis.error is None, analysis.error
    return analysis


def test_f1_a_warc_record_without_its_uri_fails_alone_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 7\r\n\r\ngarbage\r\n\r\n"
        + warc_of([page(1)], gzip=False)
    )
    (tmp_path / "b.txt").write_text(STORY)
    with within(cpu_seconds=5, megabytes=100):
        outcomes = list(read_many([tmp_path]))
    assert [type(o).__name__ for o in outcomes] == ["ReadError", "Article", "Article"]
    assert isinstance(outcomes[0], ReadError) and "WARC-Target-URI" in outcomes[0].reason


def test_f2_bare_quotation_marks_take_time_linear_in_their_number(annotator: Annotator) -> None:
    # 5,000 marks: about 0.6 s of CPU; 50,000 (the benchmark) about 8 s.
    with within(cpu_seconds=10, megabytes=400):
        analysed(annotator, quotation_marks(5_000))


def test_f2_quoted_words_take_time_linear_in_their_number(annotator: Annotator) -> None:
    # 600 short quotes, each attributed: about 1.3 s; 4,000 once took a minute.
    with within(cpu_seconds=15, megabytes=400):
        analysis = analysed(annotator, quoted_words(600))
    assert len(analysis.attributions) > 250


def test_f3_a_slow_loris_fetch_ends_by_its_deadline() -> None:
    settings = Settings(allow_private_addresses=True, fetch_deadline=1.0)
    with slow_loris_server() as url, within(cpu_seconds=5, megabytes=50) as spent:
        with pytest.raises(FetchError, match="deadline of 1 s"):
            fetch(url, settings)
    assert spent.wall_seconds < 10  # waiting on the server: the clock, not the CPU


def test_f4_an_article_over_the_maximum_size_is_refused_by_name(annotator: Annotator) -> None:
    text = typical_article(1_020)  # 5 MB
    article = parse_text(text)
    limited = changed(annotator, max_article_chars=1_000_000)
    with within(cpu_seconds=5, megabytes=200):
        analysis = limited.analyze(article)
    assert analysis.error is not None and "max_article_chars" in analysis.error
    assert f"{len(text):,} characters" in analysis.error


def test_f4_an_article_of_many_pieces_is_analysed_in_linear_time(annotator: Annotator) -> None:
    # 16 typical articles' length (78,000 characters) with pieces of 20,000: about 2 s.
    pieces = changed(annotator, piece_chars=20_000)
    with within(cpu_seconds=25, megabytes=600):
        analysis = pieces.analyze(parse_text(typical_article(16)))
    assert analysis.error is None and len(analysis.attributions) > 300


def test_f5_a_long_paragraph_without_punctuation_is_cut_and_analysed(
    annotator: Annotator,
) -> None:
    # 40,000 characters in pieces of 10,000: about 4 s (a paragraph of one "sentence"
    # costs the parser several times what prose does), memory bounded by the piece.
    with within(cpu_seconds=40, megabytes=500):
        analysed(changed(annotator, piece_chars=10_000), unpunctuated(40_000))


def test_f6_ten_thousand_nested_divs_keep_their_paragraph() -> None:
    with within(cpu_seconds=5, megabytes=200):
        article = parse_html(nested_divs(10_000))
    assert "the bridge would reopen in June" in article.text


def test_f7_every_folder_entry_not_read_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / ".hidden.txt").write_text(STORY)
    with within(cpu_seconds=5, megabytes=50):
        outcomes = list(read_many([tmp_path]))
    named = {Path(o.document).name for o in outcomes if isinstance(o, ReadError)}
    assert {"dangling.txt", "pipe.txt"} <= named
    assert sum(not isinstance(o, ReadError) for o in outcomes) == 1


def test_f8_issue_files_are_checked_alike(tmp_path: Path) -> None:
    example = resources.files("onrecord").joinpath("examples/bridge-tolls.toml").read_text()
    path = tmp_path / "issue.toml"
    path.write_bytes(b"\xef\xbb\xbf" + example.encode())
    with within(cpu_seconds=5, megabytes=50):
        assert load_issue(path).id
        path.write_text(example + '\n[[topic]]\nname = "x"\nterm = ["bridge"]\n')
        with pytest.raises(ConfigError, match="unknown key 'term' in \\[\\[topic\\]\\]"):
            load_issue(path)
