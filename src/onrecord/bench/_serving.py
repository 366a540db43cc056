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
_SERVE = (
    "import sys, uvicorn\n"
    "from onrecord.web import create_app\n"
    "uvicorn.run(create_app(sys.argv[1]), host=sys.argv[2], port=int(sys.argv[3]),"
    " log_level='warning', access_log=False)\n"
)


@dataclass(frozen=True)
class Served:
    """The server running: its base URL and process id."""

    base: str
    pid: int

    def cpu_seconds(self) -> float | None:
        """The server process's user and system CPU time so far (``None``: no /proc)."""
        stat = Path(f"/proc/{self.pid}/stat")
        if not stat.exists():
            return None
        fields = stat.read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def served(store_url: str) -> Iterator[Served]:
    """The app over ``store_url`` served by uvicorn on a free loopback port, until exit."""
    port = _free_port()
    # Its messages go to a file: a pipe nobody reads would stop it once full.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVE, store_url, HOST, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=log,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
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
