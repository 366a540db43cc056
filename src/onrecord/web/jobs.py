"""Write jobs: work a write endpoint hands off, done one at a time in one thread.

One worker, because the store has one writer at a time (SQLite's rule, kept for
PostgreSQL too) and analysis is CPU-bound: a second worker would only wait. A client
polls ``/v1/jobs/{id}``. Jobs live in memory: a restarted server forgets them (what
they stored stays stored).
"""

from __future__ import annotations

import logging
import queue
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from onrecord.errors import OnrecordError

__all__ = ["Job", "JobQueue"]

KEPT = 1000  # finished jobs remembered; the oldest are forgotten first
_log = logging.getLogger(__name__)


@dataclass
class Job:
    """One write: what it is, where it stands, and what it did or why it failed."""

    id: str
    kind: str
    status: str = "queued"  # queued, running, done, failed
    submitted: datetime = field(default_factory=lambda: datetime.now(UTC))
    started: datetime | None = None
    finished: datetime | None = None
    result: dict[str, Any] | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "submitted": self.submitted.isoformat(),
            "started": self.started.isoformat() if self.started else None,
            "finished": self.finished.isoformat() if self.finished else None,
            "result": self.result,
            "error": self.error,
            "links": {"self": f"/v1/jobs/{self.id}"},
        }


Work = Callable[[], dict[str, Any]]


class JobQueue:
    """Jobs run in order of submission by one worker thread, started at the first."""

    def __init__(self) -> None:
        self._waiting: queue.Queue[tuple[Job, Work] | None] = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, kind: str, work: Work) -> Job:
        job = Job(secrets.token_hex(8), kind)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="onrecord-jobs")
                self._worker.daemon = True
                self._worker.start()
        self._waiting.put((job, work))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        """Finish the job running, drop those waiting, and stop the worker."""
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            self._waiting.put(None)
            worker.join()

    def _run(self) -> None:
        while (item := self._waiting.get()) is not None:
            job, work = item
            job.status, job.started = "running", datetime.now(UTC)
            try:
                job.result, job.status = work(), "done"
            except OnrecordError as exc:
                job.error, job.status = str(exc), "failed"
            except Exception as exc:  # a job's bug must not stop the worker for the rest
                _log.exception("job %s failed", job.id)
                job.error, job.status = f"internal error: {type(exc).__name__}: {exc}", "failed"
            job.finished = datetime.now(UTC)

    def _forget_old(self) -> None:
        finished = [j.id for j in self._jobs.values() if j.status in ("done", "failed")]
        for job_id in finished[: max(0, len(self._jobs) - KEPT)]:
            del self._jobs[job_id]
