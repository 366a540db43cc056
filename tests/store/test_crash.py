"""A ``kill -9`` in the middle of an ingest loses nothing and duplicates nothing.

An ingest of generated articles runs in a child process and is killed (SIGKILL) at a
random early point, once some articles are stored; the same ingest run again must leave
the store equal to one clean run: the same rows in every table but the runs, and the
same records. 500 articles on SQLite; fewer on PostgreSQL, to keep the suite quick
(the transactions are the same code on both).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from onrecord import api
from onrecord.store import Store
from store.corpus import write_corpus

ARTICLES = {"sqlite": 500, "postgresql": 120}


def fingerprint(store: Store) -> dict[str, Any]:
    """What a store holds, apart from which run stored what: its row counts and every
    current analysis's records (articles by content hash), canonical actors included."""
    counts = {name: n for name, n in store.counts().items() if name != "runs"}
    records = sorted((a.article.id, str(a.to_dict(with_article=True))) for a in store.analyses())
    return {"counts": counts, "records": records}


def test_an_ingest_killed_and_run_again_equals_one_clean_run(db_url: str, tmp_path: Path) -> None:
    dialect = "sqlite" if "://" not in db_url else "postgresql"
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES[dialect])
    stored_before_kill = _ingest_killed(corpus, db_url, at=random.randint(5, 40))
    assert 0 < stored_before_kill < ARTICLES[dialect], "the kill came too late to test"
    again = api.ingest_articles([corpus], db=db_url)
    assert again.unchanged >= stored_before_kill and not again.failures
    clean_url = str(tmp_path / "clean.db") if dialect == "sqlite" else _other_db(db_url)
    clean = api.ingest_articles([corpus], db=clean_url)
    assert clean.new == ARTICLES[dialect]
    with api.open_store(db_url) as resumed, api.open_store(clean_url) as one_run:
        assert fingerprint(resumed) == fingerprint(one_run)
        assert resumed.counts()["articles"] == ARTICLES[dialect]
        assert [r.finished_at is None for r in resumed.runs()] == [True, False]


def _ingest_killed(corpus: Path, db_url: str, at: int) -> int:
    """Start ``onrecord ingest`` in a child, SIGKILL it once ``at`` articles are stored;
    the number stored when it died."""
    command = [sys.executable, "-m", "onrecord", "ingest", str(corpus), "--db", db_url, "--quiet"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    try:
        while time.monotonic() < deadline and child.poll() is None:
            stored = _stored(db_url)
            if stored >= at:
                os.kill(child.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
    finally:
        if child.poll() is None:
            child.kill()
        _, errors = child.communicate()
    assert child.returncode == -signal.SIGKILL, errors.decode(errors="replace")
    return _stored(db_url)


def _stored(db_url: str) -> int:
    """Articles stored so far, or 0 before the child has made the database."""
    if "://" not in db_url and not Path(db_url).exists():
        return 0
    try:
        with api.open_store(db_url) as store:
            return store.counts()["articles"]
    except Exception:  # noqa: BLE001 - the child may be creating the tables right now
        return 0


def _other_db(db_url: str) -> str:
    import psycopg

    server, _, name = db_url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}_clean"')
    return f"{db_url}_clean"


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
