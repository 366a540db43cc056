"""The store benchmark (``onrecord bench store``): what storing costs, how big the
record grows, and how fast the questions asked of it are answered.

1. *With the NLP*: a few dozen copies of the originals (``bench._corpus``: new texts,
   so nothing is stored already) analysed alone, then the same number ingested end to
   end (``api.ingest_articles``: analyse, store, resolve the actors, link copies and
   quotes); and the analyses of the first set stored alone, as ingest stores them
   (transactions, actors, copies and quotes). "Storing adds" is the time to store
   analyses as a share of the time to make them.
2. *Without the NLP*: ``articles`` copies of the analyses of the originals stored one
   transaction each, then the actors resolved across the whole store: articles and
   attributions a second. Copies and quotes are not linked there: the copies are one
   text each, so all of an original's would be one group of thousands, which no
   record holds.
3. The database's size per 1,000 articles, and the median latency of ``quotes
   --speaker``, ``quotes --about`` (all its quotes, and the first page of 100) and
   ``positions --as-of`` on that store, through the Python API on an open store: wall
   clock, and this process's CPU time (on a busy machine the wall clock waits for a
   core; the CPU time of a PostgreSQL server is not in it).

SQLite in a temporary folder always; PostgreSQL too when a URL of an empty database
is given. The pipeline is loaded once, before anything is timed.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from onrecord import api, query
from onrecord.bench._corpus import EPOCH, copies, copy_of
from onrecord.errors import ConfigError
from onrecord.model import ActorType, Analysis, Article, Issue
from onrecord.settings import Settings
from onrecord.store import Store

__all__ = ["NlpFigures", "StoreBenchReport", "StoreFigures", "bench_store"]

Progress = Callable[[str], None]
NLP_COPIES = 1_000_000  # copy numbers of the NLP sets, apart from the stored copies'
PAGE = 100  # the first page of a long answer, as the web app would show it


@dataclass
class NlpFigures:
    """Real articles analysed alone, ingested whole, and their analyses stored alone."""

    articles: int
    attributions: int
    analyse_seconds: float
    store_seconds: float
    ingest_seconds: float
    # This process's CPU time for the same two (a busy machine's wall clock adds the
    # waits for a core; a PostgreSQL server's CPU time is not in it).
    analyse_cpu_seconds: float = 0.0
    store_cpu_seconds: float = 0.0

    @property
    def storing_adds(self) -> float:
        """Storing the analyses, as a share of making them (0.05: 5 %)."""
        return self.store_seconds / self.analyse_seconds

    @property
    def storing_adds_cpu(self) -> float:
        """The same share, in this process's CPU time."""
        return (
            self.store_cpu_seconds / self.analyse_cpu_seconds if self.analyse_cpu_seconds else 0.0
        )

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.ingest_seconds

    @property
    def attributions_per_second(self) -> float:
        return self.attributions / self.ingest_seconds


@dataclass
class StoreFigures:
    """One database: storing analyses without the NLP, its size, query latencies."""

    dialect: str
    articles: int
    attributions: int
    positions: int
    actors: int
    store_seconds: float  # every copy's transaction
    resolve_seconds: float  # the actors of the whole store, once at the end
    size_bytes: int  # the whole database, the NLP sets' articles too
    stored_articles: int  # what size_bytes holds
    nlp: NlpFigures | None = None
    latency_ms: dict[str, float] = field(default_factory=dict)  # wall clock
    cpu_ms: dict[str, float] = field(default_factory=dict)  # this process's CPU time
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return self.store_seconds + self.resolve_seconds

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds

    @property
    def attributions_per_second(self) -> float:
        return self.attributions / self.seconds

    @property
    def megabytes_per_1000_articles(self) -> float:
        return self.size_bytes / self.stored_articles * 1000 / 1e6


@dataclass
class StoreBenchReport:
    originals: list[str]  # the names of the articles analysed
    issue: str
    queries: dict[str, str]  # what each timed query asked
    stores: list[StoreFigures]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for figures, shown in zip(self.stores, out["stores"], strict=True):
            shown.update(
                articles_per_second=round(figures.articles_per_second, 1),
                attributions_per_second=round(figures.attributions_per_second, 1),
                megabytes_per_1000_articles=round(figures.megabytes_per_1000_articles, 2),
            )
            if figures.nlp is not None:
                shown["nlp"].update(
                    storing_adds=round(figures.nlp.storing_adds, 4),
                    storing_adds_cpu=round(figures.nlp.storing_adds_cpu, 4),
                    articles_per_second=round(figures.nlp.articles_per_second, 2),
                    attributions_per_second=round(figures.nlp.attributions_per_second, 1),
                )
        return out


def bench_store(
    originals: Sequence[Article],
    issue_file: Path,
    *,
    articles: int = 10_000,
    nlp_articles: int = 20,
    postgres: str | None = None,
    repeat: int = 7,
    progress: Progress | None = None,
) -> StoreBenchReport:
    """Run the benchmark on SQLite (in a temporary folder) and, given its URL, on an
    empty PostgreSQL database; see the module docstring."""
    say = progress or (lambda _: None)
    if not originals:
        raise ConfigError("bench store: no articles to analyse")
    settings = Settings.load()
    issue = api.load_issue(issue_file)
    say(f"analysing the {len(originals)} originals (the pipeline loads)")
    analysed = [a for a in api.analyze_many(originals, settings, [issue]) if not a.error]
    if not analysed:
        raise ConfigError("bench store: every original failed to be analysed")
    queries = _queries(analysed, issue)
    stores = []
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-") as folder:
        targets = [str(Path(folder) / "bench.db"), *([postgres] if postgres else [])]
        for db in targets:
            with api.open_store(db, settings) as store:
                if store.counts()["articles"]:
                    raise ConfigError(f"bench store: {store.url} holds articles; give an empty one")
                say(f"{store.dialect}: ingesting {nlp_articles} articles with the NLP")
                nlp = _with_nlp(store, db, analysed, issue_file, nlp_articles, settings)
                say(f"{store.dialect}: storing {articles} copies without the NLP")
                figures = _without_nlp(store, analysed, issue_file, articles)
                figures.nlp = nlp
                say(f"{store.dialect}: timing the queries")
                _time_queries(store, queries, repeat, figures)
                stores.append(figures)
    names = [a.article.name for a in analysed]
    return StoreBenchReport(names, issue.id, queries, stores)


def _with_nlp(
    store: Store,
    db: str,
    analysed: Sequence[Analysis],
    issue_file: Path,
    count: int,
    settings: Settings,
) -> NlpFigures:
    issue = api.load_issue(issue_file)
    first, second = (_articles(analysed, offset, count) for offset in (NLP_COPIES, 2 * NLP_COPIES))
    started, used = time.perf_counter(), time.process_time()
    made = list(api.analyze_many(first, settings, [issue]))
    analyse_seconds, analyse_cpu = time.perf_counter() - started, time.process_time() - used
    used = time.process_time()
    stored, resolved = _store(store, made, issue_file, link=True)
    store_seconds = stored + resolved  # all that ingest does beside analysing
    store_cpu = time.process_time() - used
    started = time.perf_counter()
    summary = api.ingest_articles(second, db=db, issues=[issue_file], settings=settings)
    ingest_seconds = time.perf_counter() - started
    return NlpFigures(
        articles=summary.new,
        attributions=summary.attributions,
        analyse_seconds=analyse_seconds,
        store_seconds=store_seconds,
        ingest_seconds=ingest_seconds,
        analyse_cpu_seconds=analyse_cpu,
        store_cpu_seconds=store_cpu,
    )


def _articles(analysed: Sequence[Analysis], offset: int, count: int) -> list[Article]:
    """``count`` new articles from the originals' texts, to analyse again."""
    return [copy_of(analysed[n % len(analysed)], offset + n).article for n in range(count)]


def _without_nlp(
    store: Store, analysed: Sequence[Analysis], issue_file: Path, count: int
) -> StoreFigures:
    made = list(copies(analysed, count))
    store_seconds, resolve_seconds = _store(store, made, issue_file)
    stored = store.counts()["articles"]
    return StoreFigures(
        dialect=store.dialect,
        articles=len(made),
        attributions=sum(len(a.attributions) for a in made),
        positions=sum(len(a.positions or []) for a in made),
        actors=store.counts()["actors"],
        store_seconds=store_seconds,
        resolve_seconds=resolve_seconds,
        size_bytes=store.database_size(),
        stored_articles=stored,
    )


def _store(
    store: Store, made: Sequence[Analysis], issue_file: Path, *, link: bool = False
) -> tuple[float, float]:
    """Store analyses as ``onrecord ingest`` does: one run, one transaction an article,
    then the actors of the whole store and (``link``) its copies and quote clusters;
    the seconds of the transactions, and of what follows them."""
    started = time.perf_counter()
    issue = api.load_issue(issue_file)
    kept = store.put_issue(issue, issue_file.read_text(encoding="utf-8"), str(issue_file))
    run = store.start_run("bench", [], "bench")
    for analysis in made:
        store.add_analysis(analysis, analysis.article.url or analysis.article.id, run, [kept.hash])
    stored = time.perf_counter()
    api.resolve_actors(store)
    if link:
        query.link_copies(store, run)
    store.finish_run(run, {"articles": len(made)})
    return stored - started, time.perf_counter() - stored


def _queries(analysed: Sequence[Analysis], issue: Issue) -> dict[str, str]:
    """What to ask: the first person the copies quote (by the name they give), the first
    long word of the first quote, and a day a year after the first original's."""
    sample = [a for copy in copies(analysed, len(analysed)) for a in copy.attributions]
    people = [a.actor.name for a in sample if a.actor and a.actor.type is ActorType.PERSON]
    if not people:
        raise ConfigError("bench store: the originals quote no person to ask for")
    contents = " ".join(part.text for a in analysed[0].attributions for part in a.content)
    words = re.findall(r"[^\W\d_]{6,}", contents)
    published = analysed[0].article.published or EPOCH
    return {
        "speaker": people[0],
        "about": words[0] if words else "said",
        "as_of": (published + timedelta(days=365)).date().isoformat(),
        "issue": issue.id,
    }


def _time_queries(
    store: Store, queries: dict[str, str], repeat: int, figures: StoreFigures
) -> None:
    as_of = date.fromisoformat(queries["as_of"])
    asked: dict[str, Callable[[], Sequence[Any]]] = {
        "quotes --speaker": lambda: api.quotes(store, speaker=queries["speaker"]),
        "quotes --about": lambda: api.quotes(store, about=queries["about"]),
        f"quotes --about --limit {PAGE}": lambda: api.quotes(
            store, about=queries["about"], limit=PAGE
        ),
        "positions --as-of": lambda: api.tracker(queries["issue"], store, as_of=as_of).shown,
    }
    for name, ask in asked.items():
        figures.rows[name] = len(ask())  # and the caches warm
        wall, cpu = [], []
        for _ in range(repeat):
            started, used = time.perf_counter(), time.process_time()
            ask()
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
        figures.latency_ms[name] = round(statistics.median(wall) * 1000, 1)
        figures.cpu_ms[name] = round(statistics.median(cpu) * 1000, 1)
