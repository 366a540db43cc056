"""A real server for the web benchmark: uvicorn in a process of its own, on loopback.

Its own process, so that the clients timing it do not share its interpreter (and its
lock); its CPU time is read from ``/proc`` where there is one.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

from onrecord.errors import ConfigError

__all__ = ["Served", "served"]

HOST = "127.0.0.1"
START_SECONDS = 60  # the server must answer within this


@dataclass(frozen=True)
class Served:
    """The server running: its base URL and process id (of its workers' parent, when
    it has several)."""

    base: str
    pid: int

    def cpu_seconds(self) -> float | None:
        """The user and system CPU time so far of the server and its worker processes
        (``None``: no /proc to read it from)."""
        if not Path(f"/proc/{self.pid}/stat").exists():
            return None
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:
                continue  # a process that ended meanwhile
            if stat.parent.name == str(self.pid) or fields[1] == str(self.pid):
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


@contextmanager
def served(store_url: str, workers: int = 1) -> Iterator[Served]:
    """The app over ``store_url`` served by ``onrecord serve`` (uvicorn) with ``workers``
    processes on a free loopback port, until exit."""
    port = _free_port()
    # Its messages go to a file: a pipe nobody reads would stop it once full.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "onrecord", "serve", "--db", store_url, "--host", HOST]
        + ["--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=log,
        env={**_without_token(), "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        base = f"http://{HOST}:{port}"
        _wait_for(base, process, log)
        yield Served(base, process.pid)
    finally:
        log.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(base: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            error = log.read().decode(errors="replace").strip()
            raise ConfigError(f"bench web: the server stopped at start: {error}")
        try:
            httpx.get(f"{base}/v1/", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise ConfigError(f"bench web: the server at {base} did not answer in {START_SECONDS} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _without_token() -> dict[str, str]:
    # The benchmark serves read-only, whatever the shell it runs in has set.
    return {k: v for k, v in os.environ.items() if k != "ONRECORD_WRITE_TOKEN"}
