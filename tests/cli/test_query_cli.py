"""The commands that read the store, end to end, in process: quotes, actors, actor,
positions ISSUE_ID, provenance, sources, export; over the hand-built corpus."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from onrecord.cli import main
from stored_corpus import ISSUE, filled


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = str(tmp_path_factory.mktemp("cli") / "record.db")
    with filled(path):
        yield path


def run(capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> tuple[str, str]:
    assert main(list(args)) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_quotes_table_csv_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    table, _ = run(capsys, "quotes", "--db", db, "--speaker", "Stoltenberg")
    lines = table.splitlines()
    assert lines[0].split() == ["ID", "DAY", "OUTLET", "SPEAKER", "KIND", "ACT", "CONTENT"]
    assert "The Independent" in lines[1] and "CBC News" in lines[2] and len(lines) == 3
    out, _ = run(capsys, "quotes", "--db", db, "--about", "kharkiv", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["outlet"] for r in rows] == ["CBC News", "Reuters", "Evening Standard", ""]
    out, _ = run(capsys, "quotes", "--db", db, "--anonymous", "--since", "2024-05-31",
                 "--format", "json")  # fmt: skip
    found = json.loads(out)
    assert [q["speaker"]["type"] for q in found] == ["anonymous", "anonymous"]
    assert found[0]["attribution_id"] == "a1" and found[0]["said_on"] == "2024-05-31"
    out, _ = run(capsys, "quotes", "--db", db, "--outlet", "reuters", "--kind", "indirect",
                 "--format", "jsonl")  # fmt: skip
    assert [json.loads(line)["content"] for line in out.splitlines()] == [
        "it would allow strikes on Russian territory too"
    ]


def test_quotes_that_find_nothing_or_cannot(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out, err = run(capsys, "quotes", "--db", db, "--about", "tolls")
    assert "no quotes found" in err
    _, err = run(capsys, "quotes", "--db", db, "--speaker", "Nobody", code=2)
    assert "'Nobody'" in err and "onrecord actors --search" in err
    _, err = run(capsys, "quotes", "--db", db, "--since", "May 3", code=2)
    assert "--since 'May 3' is not a date" in err
    # The corpus was stored with no acts, as analyses made before acts are.
    _, err = run(capsys, "quotes", "--db", db, "--act", "speech")
    assert "no quotes found" in err
    _, err = run(capsys, "quotes", "--db", db, "--act", "gossip", code=2)
    assert "--act 'gossip': give one or more of speech" in err


def test_reading_a_store_that_is_not_there_makes_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing.db"
    for command in (["quotes"], ["actors"], ["actor", "X"], ["sources"], ["positions", ISSUE]):
        _, err = run(capsys, *command, "--db", str(missing), code=2)
        assert "no store there" in err and "onrecord ingest" in err
    assert not missing.exists()


def test_actors_of_the_store(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = run(capsys, "actors", "--db", db, "--search", "stolt", "--format", "json")
    (jens,) = json.loads(out)
    assert jens["id"] == "jens-stoltenberg" and jens["aliases"] == [
        "Jens Stoltenberg",
        "Stoltenberg",
    ]
    # With no INPUT, the store of the db setting.
    monkeypatch.setenv("ONRECORD_DB", db)
    out, _ = run(capsys, "actors")
    assert out.splitlines()[0].split() == [
        "ID", "NAME", "TYPE", "MENTIONS", "ARTICLES", "ROLES", "ALIASES"
    ]  # fmt: skip
    assert len(out.splitlines()) == 6
    out, _ = run(capsys, "actors", "--format", "csv", "--search", "stoltenberg")
    (row,) = csv.DictReader(io.StringIO(out))
    assert (row["id"], row["aliases"]) == ("jens-stoltenberg", "Jens Stoltenberg; Stoltenberg")
    _, err = run(capsys, "actors", "news/", "--db", db, code=2)
    assert "not both" in err


def test_one_actor(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "actor", "jens stoltenberg", "--db", db)
    assert out.startswith("== Jens Stoltenberg  (person, id jens-stoltenberg)")
    assert "roles (1):" in out and "positions (2):" in out and "quotes (2):" in out
    assert "← opposes" in out
    out, _ = run(capsys, "actor", "Stoltenberg", "--db", db, "--format", "json")
    profile = json.loads(out)
    assert [p["stance"] for p in profile["positions"]] == ["opposes", "supports"]
    out, _ = run(capsys, "actor", "Stoltenberg", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["section"] for r in rows] == ["role", "position", "position", "quote", "quote"]
    assert rows[0]["day"] == "2024-05-30" and rows[-1]["outlet"] == "CBC News"


def test_positions_from_the_store(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "positions", ISSUE, "--db", db, "--as-of", "2024-05-31")
    lines = out.splitlines()
    assert lines[0].startswith(f"== {ISSUE}")
    assert [line.split()[0] for line in lines[2:]] == ["Government", "Government", "Jens"]
    out, _ = run(capsys, "positions", ISSUE, "--db", db, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 5
    _, err = run(capsys, "positions", ISSUE, "--db", db, "--as-of", "2024-01-01")
    assert "no positions on" in err
    _, err = run(capsys, "positions", "tolls", "--db", db, code=2)
    assert "follows no issue" in err
    _, err = run(capsys, "positions", ISSUE, "other", "--db", db, code=2)
    assert "one ISSUE_ID" in err


def test_provenance(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "quotes", "--db", db, "--outlet", "Evening Standard", "--anonymous",
                 "--format", "json")  # fmt: skip
    quote_id = str(json.loads(out)[0]["id"])
    out, _ = run(capsys, "provenance", quote_id, "--db", db)
    assert "first seen: 2024-05-30  CBC News, cbc" in out
    assert "outlets: CBC News, Reuters, Evening Standard" in out
    out, _ = run(capsys, "provenance", quote_id, "--db", db, "--format", "json")
    assert json.loads(out)["first_seen"]["outlet"] == "CBC News"
    out, _ = run(capsys, "provenance", quote_id, "--db", db, "--format", "csv")
    assert [r["first"] for r in csv.DictReader(io.StringIO(out))] == ["yes", "", ""]
    _, err = run(capsys, "provenance", "the quote", "--db", db, code=2)
    assert "ARTICLE_ID:ATTRIBUTION_ID" in err


def test_sources(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "sources", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (rows[0]["by"], rows[0]["group"], rows[0]["anonymous_share"]) == (
        "outlet",
        "CBC News",
        "0.5",
    )
    out, _ = run(capsys, "sources", "--db", db)
    assert out.splitlines()[0].split()[:3] == ["BY", "GROUP", "QUOTES"]


def test_export(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "export", "--db", db, "--format", "csv", "--out", str(tmp_path))
    assert out.splitlines()[0] == f"{tmp_path / 'articles.csv'}  5 rows"
    out, _ = run(capsys, "export", "--db", db, "--format", "graphml", "--out", str(tmp_path),
                 "--json")  # fmt: skip
    assert json.loads(out) == [
        {"table": "network", "path": str(tmp_path / "network.graphml"), "rows": 7}
    ]
