"""The web benchmark (``onrecord bench web``): server time of each API call and page on
a store of thousands of articles, and search under concurrent clients.

1. The store: the originals analysed once, then ``articles`` copies of their analyses
   stored (``bench._corpus``: new texts, dates, outlets and speakers), the actors
   resolved across it: what ``bench store`` builds.
2. The server: ``onrecord serve`` (uvicorn) in a process of its own on 127.0.0.1,
   with ``workers`` worker processes.
3. Each call: asked ``repeat`` times one after the other; the median of the server's
   own time (its ``Server-Timing`` header: from the request's arrival to its
   response) and of the client's wall clock. Pages are timed when the app has them.
4. Load: ``clients`` clients at once, each with its own connection, asking the quote
   search for ``requests`` searches in turn; requests a second, and the 50th and 99th
   percentile of the latency each client saw. The clients run in this process, the
   server in its own: on a machine with fewer cores than clients both share them.
"""

from __future__ import annotations

import math
import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from onrecord import api
from onrecord.bench._corpus import copies
from onrecord.bench._serving import Served, served
from onrecord.errors import ConfigError
from onrecord.model import Analysis, Article
from onrecord.settings import Settings
from onrecord.store import Store

__all__ = ["CallFigures", "LoadFigures", "WebBenchReport", "bench_web"]

Progress = Callable[[str], None]
SEARCH = "quotes ?q (search)"  # the call the concurrent clients make
# The pages webui serves, timed when the app has them ({…} filled from the store).
PAGES = ("/", "/issues/{issue}?as_of={as_of}", "/actors/{actor}", "/quotes?q={word}",
         "/articles/{article}", "/quotes/{quote}/provenance",
         "/issues/{issue}/actors/{positioned}?as_of={as_of}",
         "/issues/{issue}/timeline.svg?as_of={as_of}", "/quotes", "/actors",
         "/sources")  # fmt: skip


@dataclass
class CallFigures:
    """One URL asked ``repeat`` times: medians of server time and client wall clock."""

    name: str
    url: str
    status: int
    server_ms: float
    wall_ms: float
    max_server_ms: float
    bytes: int


@dataclass
class LoadFigures:
    """The quote search under ``clients`` concurrent clients."""

    clients: int
    requests: int
    failed: int
    seconds: float
    p50_ms: float
    p99_ms: float
    server_cpu_seconds: float | None

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds


@dataclass
class WebBenchReport:
    dialect: str
    articles: int
    attributions: int
    actors: int
    workers: int
    calls: list[CallFigures]
    load: LoadFigures
    load_average: dict[str, tuple[float, float, float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["load"]["requests_per_second"] = round(self.load.requests_per_second, 1)
        return out


def bench_web(
    originals: Sequence[Article],
    issue_file: Path,
    *,
    articles: int = 5_000,
    postgres: str | None = None,
    repeat: int = 9,
    clients: int = 16,
    requests: int = 50,
    workers: int = 1,
    progress: Progress | None = None,
) -> WebBenchReport:
    """Run the benchmark on SQLite in a temporary folder, or on the empty PostgreSQL
    database ``postgres``; see the module docstring."""
    say = progress or (lambda _: None)
    settings = Settings.load()
    issue = api.load_issue(issue_file)
    say(f"analysing the {len(originals)} originals (the pipeline loads)")
    analysed = [a for a in api.analyze_many(originals, settings, [issue]) if not a.error]
    if not analysed:
        raise ConfigError("bench web: every original failed to be analysed")
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-web-") as folder:
        db = postgres or str(Path(folder) / "web.db")
        with api.open_store(db, settings) as store:
            if store.counts()["articles"]:
                raise ConfigError(f"bench web: {store.url} holds articles; give an empty one")
            say(f"{store.dialect}: storing {articles} articles")
            _fill(store, analysed, issue_file, articles)
            counts, dialect = store.counts(), store.dialect
            asked = _asked(store, issue.id)
        load_average = {"start": os.getloadavg()}
        with served(db, workers) as server:
            say(f"timing {len(asked)} calls, {repeat} times each")
            calls = [_time(server, name, url, repeat) for name, url in asked.items()]
            calls = [c for c in calls if not (c.name.startswith("page") and c.status == 404)]
            say(f"search with {clients} clients, {requests} requests each")
            load = _load(server, asked[SEARCH], clients, requests)
        load_average["end"] = os.getloadavg()
    return WebBenchReport(
        dialect,
        counts["articles"],
        counts["attributions"],
        counts["actors"],
        workers,
        calls,
        load,
        load_average,
    )


def _fill(store: Store, analysed: Sequence[Analysis], issue_file: Path, count: int) -> None:
    """Store ``count`` copies as ``onrecord ingest`` would: one transaction an article,
    then the actors of the whole store."""
    issue = api.load_issue(issue_file)
    kept = store.put_issue(issue, issue_file.read_text(encoding="utf-8"), str(issue_file))
    run = store.start_run("bench", [], "bench")
    for analysis in copies(analysed, count):
        store.add_analysis(analysis, analysis.article.url or analysis.article.id, run, [kept.hash])
    api.resolve_actors(store)
    store.finish_run(run, {"articles": count})


def _asked(store: Store, issue_id: str) -> dict[str, str]:
    """Every API call (and page) to time, with real ids and words from the store."""
    quotes = api.quotes(store, limit=200)
    if not quotes:
        raise ConfigError("bench web: the store holds no quotes to ask for")
    person = next((q for q in quotes if q.speaker_type == "person"), quotes[0])
    word = _word(quotes)
    last_day = max((q.day for q in quotes if q.day), default=None)
    around = person.day or date(2024, 6, 1)
    as_of = last_day or date(2025, 1, 1)
    held = api.tracker(issue_id, store).positions
    fill = {
        "issue": issue_id,
        "as_of": as_of.isoformat(),
        # An actor with a position: its evidence page (a tracker cell's).
        "positioned": quote(held[0].actor.id if held else "none", safe=""),
        "actor": person.speaker_id or "",
        "word": quote(word),
        "article": person.article_id,
        "quote": str(person.id),
    }
    calls = {
        "index": "/v1/",
        "quotes (first page)": "/v1/quotes",
        "quotes ?speaker": f"/v1/quotes?speaker={fill['actor']}",
        SEARCH: f"/v1/quotes?q={fill['word']}",
        "quotes ?q&limit=500": f"/v1/quotes?q={fill['word']}&limit=500",
        "quotes ?offset=10000": "/v1/quotes?offset=10000",
        "quotes ?since&until&outlet": f"/v1/quotes?since={around - timedelta(days=90)}"
        f"&until={around + timedelta(days=90)}&outlet={quote(person.outlet or '')}",
        "quote": f"/v1/quotes/{fill['quote']}",
        "provenance": f"/v1/quotes/{fill['quote']}/provenance",
        "actors (first page)": "/v1/actors",
        "actors ?search": f"/v1/actors?search={quote((person.speaker or 'a')[:4])}",
        "actor": f"/v1/actors/{fill['actor']}",
        "issues": "/v1/issues",
        "positions ?as_of": f"/v1/issues/{issue_id}/positions?as_of={fill['as_of']}",
        "timeline": f"/v1/issues/{issue_id}/timeline",
        "articles ?q": f"/v1/articles?q={fill['word']}",
        "article": f"/v1/articles/{fill['article']}",
        "sources": "/v1/sources",
        "openapi": "/v1/openapi.json",
    }
    pages = {f"page {page}": page.format(**fill) for page in PAGES}
    return {**calls, **pages}


def _word(quotes: Sequence[Any]) -> str:
    words = re.findall(r"[^\W\d_]{6,}", " ".join(q.content for q in quotes))
    return words[0] if words else "said"


def _time(server: Served, name: str, url: str, repeat: int) -> CallFigures:
    with httpx.Client(base_url=server.base, timeout=60) as client:
        answer = client.get(url)  # and the caches warm
        server_ms, wall_ms = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            answer = client.get(url)
            wall_ms.append((time.perf_counter() - started) * 1000)
            server_ms.append(_server_ms(answer))
    return CallFigures(
        name=name,
        url=url,
        status=answer.status_code,
        server_ms=round(statistics.median(server_ms), 1),
        wall_ms=round(statistics.median(wall_ms), 1),
        max_server_ms=round(max(server_ms), 1),
        bytes=len(answer.content),
    )


def _server_ms(answer: httpx.Response) -> float:
    timing = answer.headers.get("server-timing", "")
    found = re.search(r"dur=([\d.]+)", timing)
    return float(found.group(1)) if found else float("nan")


def _load(server: Served, search: str, clients: int, requests: int) -> LoadFigures:
    """``clients`` threads, each its own connection, asking ``requests`` searches."""

    def one_client(_: int) -> list[tuple[float, bool]]:
        seen = []
        with httpx.Client(base_url=server.base, timeout=120) as client:
            for _n in range(requests):
                started = time.perf_counter()
                ok = client.get(search).status_code == 200
                seen.append(((time.perf_counter() - started) * 1000, ok))
        return seen

    cpu_before = server.cpu_seconds()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = [item for seen in pool.map(one_client, range(clients)) for item in seen]
    seconds = time.perf_counter() - started
    cpu_after = server.cpu_seconds()
    latencies = sorted(ms for ms, _ in results)
    cpu = cpu_after - cpu_before if cpu_after is not None and cpu_before is not None else None
    return LoadFigures(
        clients=clients,
        requests=len(results),
        failed=sum(1 for _, ok in results if not ok),
        seconds=round(seconds, 2),
        p50_ms=round(_percentile(latencies, 50), 1),
        p99_ms=round(_percentile(latencies, 99), 1),
        server_cpu_seconds=round(cpu, 2) if cpu is not None else None,
    )


def _percentile(ordered: Sequence[float], percent: float) -> float:
    """The nearest-rank percentile of sorted values."""
    rank = math.ceil(percent / 100 * len(ordered))
    return ordered[min(len(ordered), max(1, rank)) - 1]
