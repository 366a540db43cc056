"""Analysis over several processes: the pipeline loaded once in each, results in input order.

Articles go to the workers in small chunks, a few chunks ahead of the one being
collected, so every worker stays busy while the caller (one writer to the store)
takes the analyses in input order. Each article is parsed on its own
(``Annotator._parse``), so how articles are chunked changes no result: the analyses
are those of one process, byte for byte.

Workers start from a fork server (``multiprocessing``'s ``forkserver`` context): a
clean process that has not loaded the caller's threads, open files or database
connections, and is cheaper to fork than a fresh interpreter is to start. A worker
that dies (killed for memory, say) fails the articles of its chunk alone; the pool
starts afresh for the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from types import TracebackType

from onrecord.model import Analysis, Article, Issue
from onrecord.nlp.annotator import Annotator
from onrecord.settings import Settings

__all__ = ["AnalysisPool", "WorkerFigures"]

CHUNK = 4  # articles per task: small, so the last tasks of a run end close together
AHEAD = 2  # tasks in flight per worker
STOP_SECONDS = 10  # for a worker to exit when the pool closes, before it is ended
# One thread for each worker's BLAS and OpenMP: N workers on N cores, not N × N threads.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class WorkerFigures:
    """What one worker process has used so far: its peak RSS and its CPU time."""

    pid: int
    peak_rss_mb: float
    cpu_seconds: float


Done = tuple[list[Analysis], WorkerFigures | None]  # a task's analyses, its worker's figures
Pending = deque[tuple[list[Article], Future[Done]]]  # tasks in flight, oldest first
_annotator: Annotator | None = None  # the worker's pipeline, loaded once
_issues: tuple[Issue, ...] = ()


def _start_worker(settings: Settings, issues: tuple[Issue, ...]) -> None:
    global _annotator, _issues
    _annotator, _issues = Annotator(settings), issues


def _analyze_chunk(articles: list[Article]) -> Done:
    assert _annotator is not None, "the worker's initializer loads the pipeline"
    analyses = list(_annotator.analyze_many(articles, _issues))
    return analyses, own_figures()


def own_figures() -> WorkerFigures:
    """This process's peak RSS (MB) and CPU time (user and system seconds)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)  # bytes there
    return WorkerFigures(os.getpid(), peak, usage.ru_utime + usage.ru_stime)


class AnalysisPool:
    """``workers`` processes analysing articles with ``settings`` and ``issues``.

    ``figures`` holds the latest :class:`WorkerFigures` of each worker process seen.
    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, settings: Settings, workers: int, issues: Sequence[Issue] = ()) -> None:
        if workers < 1:
            raise ValueError(f"workers must be 1 or more, not {workers}")
        for name in THREAD_VARIABLES:  # read by the fork server when it starts
            os.environ.setdefault(name, "1")
        self.settings, self.workers, self.issues = settings, workers, tuple(issues)
        self.figures: dict[int, WorkerFigures] = {}
        self._executor = self._new_executor()

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order, as :meth:`Annotator.analyze_many` gives them."""
        pending: Pending = deque()
        chunks = _chunks(articles, CHUNK)
        for chunk in chunks:
            pending.append((chunk, self._submit(chunk)))
            if len(pending) >= self.workers * AHEAD:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)

    def close(self) -> None:
        _stop(self._executor)

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_start_worker,
            initargs=(self.settings, self.issues),
        )

    def _submit(self, chunk: list[Article]) -> Future[Done]:
        return self._executor.submit(_analyze_chunk, chunk)

    def _collect(self, pending: Pending) -> Iterator[Analysis]:
        """The analyses of the oldest task. When a worker died, every task in flight
        failed with it: the oldest runs again alone in a new pool, and fails (an error
        for each of its articles) only when it kills that pool too."""
        chunk, future = pending.popleft()
        try:
            analyses, figures = future.result()
        except BrokenProcessPool:
            self._renew()
            try:
                analyses, figures = self._submit(chunk).result()
            except BrokenProcessPool as exc:
                yield from (_died(article, exc) for article in chunk)
                self._renew()
                analyses, figures = [], None
            self._send_again(pending)
        if figures is not None:
            self.figures[figures.pid] = figures
        yield from analyses

    def _renew(self) -> None:
        _stop(self._executor)
        self._executor = self._new_executor()

    def _send_again(self, pending: Pending) -> None:
        """The tasks that were in flight in a pool that broke, sent to the new one."""
        chunks = [chunk for chunk, _ in pending]
        pending.clear()
        pending.extend((chunk, self._submit(chunk)) for chunk in chunks)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut the executor down, its workers given ``STOP_SECONDS`` to go, then ended.

    Every result has been taken when this is called, so nothing is lost by ending a
    worker. It matters after a worker died: a survivor can wait for ever on the task
    queue's lock that the dead one held, and ``shutdown(wait=True)`` would wait for it
    (seen with Python 3.11's ``ProcessPoolExecutor``).
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(STOP_SECONDS)
    for process in processes:
        if process.is_alive():
            process.terminate()
            process.join(STOP_SECONDS)


def _died(article: Article, exc: BaseException) -> Analysis:
    reason = (
        f"{article.name}: analysis failed: the worker process analysing it died ({exc}); "
        "out of memory? Fewer --workers use less"
    )
    return Analysis(article, error=reason)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    stream = iter(articles)
    while chunk := list(islice(stream, size)):
        yield chunk
