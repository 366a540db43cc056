"""Shared fixtures. Tests need no network; data under ../shared is used when present."""

from __future__ import annotations

import functools
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from onrecord.model import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ONRECORD_SHARED", REPO.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


@pytest.fixture
def seed_path() -> Path:
    return shared_path("seed", "cbc-2024-05-30-us-ukraine-strikes.txt")


@pytest.fixture
def polnear_dir() -> Path:
    return shared_path("data", "polnear")


@pytest.fixture
def topical_dir() -> Path:
    return shared_path("data", "topical-dev")


def assert_valid_blocks(article: Article) -> None:
    """Blocks in order, inside the text, not overlapping, trimmed of whitespace."""
    text, previous_end = article.text, 0
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(text)
        assert block.start >= previous_end, "blocks overlap or are out of order"
        piece = text[block.start : block.end]
        assert piece == piece.strip(), f"untrimmed block {piece!r}"
        previous_end = block.end


# A throwaway PostgreSQL cluster for the store's tests: initdb into a temporary folder,
# started on a free port of 127.0.0.1, stopped at the end of the session. CI installs
# the server (.ci/run); a machine without its binaries skips the PostgreSQL cases.
PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's newest."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    return next((d for d in PG_BIN_DIRS if (d / "initdb").exists()), None)


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running PostgreSQL server (its ``postgres`` database), for this session."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    root = Path(tempfile.mkdtemp(prefix="onrecord-pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    as_user = _postgres_user(root)
    port = _free_port()
    run = functools.partial(subprocess.run, check=True, capture_output=True, text=True)
    run(
        [
            *as_user,
            bin_dir / "initdb",
            "-D",
            data,
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]
    )
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(
        [*as_user, bin_dir / "pg_ctl", "-D", data, "-o", options, "-l", root / "log", "-w", "start"]
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


def _postgres_user(root: Path) -> list[str]:
    """The command prefix to run the server's tools: as ``postgres`` when we are root
    (initdb refuses root), with the folder made theirs."""
    if os.geteuid() != 0:
        return []
    entry = pwd.getpwnam("postgres")
    for path in (root, *root.rglob("*")):
        os.chown(path, entry.pw_uid, entry.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each dialect: an SQLite file, or a new PostgreSQL db."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    server: str = request.getfixturevalue("postgres_server")
    name = f"test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name
