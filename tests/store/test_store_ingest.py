"""``api.ingest_articles``, ``api.reanalyze`` and their commands, end to end on the example
articles (the real pipeline), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from onrecord import api
from onrecord.cli import main
from onrecord.ingest import parse_text

EXAMPLES = REPO / "src" / "onrecord" / "examples"
ISSUE = EXAMPLES / "bridge-tolls.toml"
OTHER_ISSUE = REPO / "examples" / "issues" / "strikes-inside-russia.toml"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """The example articles (not the issue file beside them) in a folder of their own."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def without_runs(counts: dict[str, int]) -> dict[str, int]:
    return {name: n for name, n in counts.items() if name != "runs"}


def test_ingesting_twice_stores_once_and_reads_back_what_was_found(
    db_url: str, articles: Path
) -> None:
    first = api.ingest_articles([articles], db=db_url, issues=[ISSUE])
    assert (first.new, first.unchanged, first.failures) == (2, 0, [])
    assert first.attributions > 10 and first.positions >= 1 and first.actors > 5
    with api.open_store(db_url) as store:
        counts = store.counts()
        stored = list(store.analyses(canonical=False))
    second = api.ingest_articles([articles], db=db_url)
    assert (second.new, second.unchanged, second.attributions) == (0, 2, 0)
    with api.open_store(db_url) as store:
        assert without_runs(store.counts()) == without_runs(counts)
        assert store.counts()["runs"] == 2
    issue = api.load_issue(ISSUE)
    fresh = list(api.analyze_many(api.read(articles), issues=[issue]))
    assert [a.to_dict(with_article=True) for a in stored] == [
        a.to_dict(with_article=True) for a in fresh
    ]
    from_store = api.track_positions(stored, issue).timeline()
    from_files = api.track_positions(fresh, issue).timeline()
    assert [t.to_dict() for t in from_store] == [t.to_dict() for t in from_files]


def test_the_store_resolves_actors_across_every_ingest(db_url: str, articles: Path) -> None:
    one, two = sorted(articles.glob("*.txt"))
    api.ingest_articles([one], db=db_url)
    api.ingest_articles([two], db=db_url)
    with api.open_store(db_url) as store:
        in_store = store.actors()
        analyses = list(store.analyses(canonical=False))
        canonical = list(store.analyses())
    registry = api.actor_registry(analyses)
    expected = [entry.to_dict() for entry in registry.actors()]
    key = lambda record: record["id"]  # noqa: E731
    assert sorted(in_store, key=key) == sorted(expected, key=key)
    # Every stored attribution is its registry actor, keeping the role its article gave.
    for raw, resolved in zip(analyses, canonical, strict=True):
        assert registry.apply(raw).to_dict() == resolved.to_dict()


def test_reanalyze_runs_again_only_what_changed(db_url: str, articles: Path) -> None:
    api.ingest_articles([articles], db=db_url, issues=[ISSUE])
    nothing = api.reanalyze(db=db_url)
    assert (nothing.inputs, nothing.reanalysed) == (0, 0)
    again = api.reanalyze(db=db_url, issues=[OTHER_ISSUE])  # the store now follows two
    assert (again.reanalysed, again.failures) == (2, [])
    with api.open_store(db_url) as store:
        counts = store.counts()
        assert counts["analyses"] == 4  # the superseded analyses are kept
        assert [run.command for run in store.runs()] == ["ingest", "reanalyze", "reanalyze"]
        assert all(run.provenance is not None for run in store.runs()[::2])
        assert len(store.current_issues()) == 2
        current = list(store.analyses())
    assert len(current) == 2 and all(a.positions is not None for a in current)
    assert api.reanalyze(db=db_url).reanalysed == 0


def test_a_failing_article_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    bad = parse_text("He said “yes”.\x00", source="nul.txt")
    good = EXAMPLES / "clinic-hours.txt"
    summary = api.ingest_articles([bad, tmp_path / "missing.txt", good], db=db)
    assert summary.new == 1
    reasons = {failure.document: failure.reason for failure in summary.failures}
    assert "NUL" in reasons["nul.txt"] and "nothing of it was written" in reasons["nul.txt"]
    assert any("missing.txt" in document for document in reasons)
    with api.open_store(db) as store:
        assert store.counts()["articles"] == 1


def test_a_changed_file_is_a_new_version(tmp_path: Path) -> None:
    db, path = str(tmp_path / "store.db"), tmp_path / "story.txt"
    path.write_text("“We will wait,” the mayor said on Tuesday.", encoding="utf-8")
    api.ingest_articles([path], db=db)
    path.write_text("“We will not wait,” the mayor said on Tuesday.", encoding="utf-8")
    summary = api.ingest_articles([path], db=db)
    assert (summary.new, summary.versions) == (0, 1)


def test_an_aliases_file_is_kept_for_later_ingests(tmp_path: Path, articles: Path) -> None:
    db = str(tmp_path / "store.db")
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[merge]]\nname = "Mayor Achebe"\naliases = ["Lionel Achebe"]\n', encoding="utf-8"
    )
    one, two = sorted(articles.glob("*.txt"))
    api.ingest_articles([one], db=db, aliases=aliases)
    api.ingest_articles([two], db=db)  # no aliases given: the kept file still applies
    with api.open_store(db) as store:
        names = {record["name"] for record in store.actors()}
    assert "Mayor Achebe" in names and "Lionel Achebe" not in names


def test_the_commands_print_a_summary(
    tmp_path: Path, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.db")
    assert main(["ingest", str(articles), "--db", db, "--issue", str(ISSUE), "--quiet"]) == 0
    out = capsys.readouterr()
    assert "2 new" in out.out and out.err == ""  # no progress bar when not a terminal
    assert main(["reanalyze", "--db", db, "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["reanalysed"] == 0 and summary["failures"] == []
    assert main(["ingest", str(tmp_path / "missing.txt"), "--db", db]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_the_db_setting_names_the_default_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONRECORD_DB", str(tmp_path / "from-env.db"))
    api.ingest_articles([EXAMPLES / "clinic-hours.txt"])
    assert (tmp_path / "from-env.db").exists()
