"""The public Python API; the CLI and other adapters are thin layers over it."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onrecord import ingest, query
from onrecord.errors import ConfigError, ReadError, StoreError
from onrecord.ingest.manifest import Manifest, read_manifest
from onrecord.issues import load_issue
from onrecord.model import Actor, Analysis, Article, Issue
from onrecord.resolve import ActorRegistry, Aliases, PositionTracker, load_aliases, parse_aliases
from onrecord.settings import Settings
from onrecord.store import ActorRecord, Added, FormKey, Store, StoredIssue
from onrecord.store import open_store as _open_store

if TYPE_CHECKING:
    from datetime import date

    from onrecord.nlp import Annotator
    from onrecord.query import ActorProfile, Exported, QuoteProvenance, SourceShare, Timeline
    from onrecord.resolve import RegistryEntry
    from onrecord.store import StoredQuote

__all__ = [
    "Failure",
    "IngestSummary",
    "Progress",
    "actor",
    "actor_registry",
    "actors",
    "analyze",
    "analyze_many",
    "export",
    "ingest_articles",
    "load_issue",
    "load_manifest",
    "open_store",
    "provenance",
    "quotes",
    "read",
    "read_document",
    "read_many",
    "reanalyze",
    "resolve_actors",
    "settings",
    "sources",
    "store_analyses",
    "track_positions",
    "tracker",
]

Source = str | os.PathLike[str]


def settings(**overrides: Any) -> Settings:
    """Settings from arguments, then ``ONRECORD_*`` variables, then the config file."""
    return Settings.load(overrides)


def read(
    source: Source,
    settings: Settings | None = None,
    *,
    manifest: Source | Manifest | None = None,
    published: date | None = None,
) -> list[Article]:
    """Every article in one input (a file, folder, URL, JSONL, feed or WARC).

    Plain files take what a ``manifest.jsonl`` beside them says (url, outlet, title,
    published, language; docs/input.md), or ``manifest`` instead when given; articles
    with no date of their own are dated ``published``.
    """
    return ingest.read(source, settings, manifest=_manifest(manifest), published=_day(published))


def read_many(
    sources: Iterable[Source],
    settings: Settings | None = None,
    *,
    manifest: Source | Manifest | None = None,
    published: date | None = None,
) -> Iterator[Article | ReadError]:
    """Articles from many inputs; a bad document yields its error and the batch goes on.
    ``manifest`` and ``published`` as for :func:`read`."""
    return ingest.read_many(
        sources, settings, manifest=_manifest(manifest), published=_day(published)
    )


def read_document(
    data: bytes, document: str, settings: Settings | None = None
) -> Iterator[Article | ReadError]:
    """Every article in one file's bytes, named ``document`` (its path or URI), as
    :func:`read_many` would read that file."""
    return ingest.read_document(data, document, settings)


def load_manifest(path: Source) -> Manifest:
    """A manifest of files' metadata (docs/input.md); raises ``ReadError`` when it cannot
    be read, and keeps its bad lines in ``errors``."""
    return read_manifest(path)


def _manifest(manifest: Source | Manifest | None) -> Manifest | None:
    if manifest is None or isinstance(manifest, Manifest):
        return manifest
    return read_manifest(manifest)


def _day(published: date | None) -> datetime | None:
    if published is None or isinstance(published, datetime):
        return published
    return datetime(published.year, published.month, published.day)


def analyze(
    article: Article | str, settings: Settings | None = None, issues: Sequence[Issue] = ()
) -> Analysis:
    """Attributions in one article (an Article, or plain article text), and with
    ``issues`` the positions actors take on them."""
    if isinstance(article, str):
        article = ingest.parse_text(article)
    return next(analyze_many([article], settings, issues))


def analyze_many(
    articles: Iterable[Article],
    settings: Settings | None = None,
    issues: Sequence[Issue] = (),
    *,
    workers: int = 1,
) -> Iterator[Analysis]:
    """Analyses in input order, loading the pipeline once; with ``workers`` over 1, in
    that many processes, each loading it once (the same analyses, docs/scale.md)."""
    settings = settings or Settings.load()
    if workers == 1:
        return _annotator(settings).analyze_many(articles, issues)
    return _pooled(articles, settings, issues, workers)


def _pooled(
    articles: Iterable[Article], settings: Settings, issues: Sequence[Issue], workers: int
) -> Iterator[Analysis]:
    from onrecord.nlp import AnalysisPool  # spaCy loads only when analysis is asked for

    with AnalysisPool(settings, workers, issues) as pool:
        yield from pool.analyze_many(articles)


def actor_registry(
    analyses: Iterable[Analysis], aliases: str | os.PathLike[str] | None = None
) -> ActorRegistry:
    """One actor per real person, government or outlet across ``analyses``.

    ``aliases`` is a TOML file that forces merges or splits (see docs/actors.md);
    ``registry.apply(analysis)`` gives an analysis its corpus-wide actors.
    """
    registry = ActorRegistry(load_aliases(Path(aliases)) if aliases else None)
    for analysis in analyses:
        registry.add(analysis)
    return registry


def track_positions(
    analyses: Iterable[Analysis], issue: Issue, aliases: str | os.PathLike[str] | None = None
) -> PositionTracker:
    """Each actor's positions on ``issue`` across ``analyses``, on one timeline.

    The analyses must have been made with the issue (``analyze_many(..., issues=[issue])``);
    ``aliases`` is the actor registry's aliases file. See docs/positions.md for the rules::

        tracker = track_positions(analyses, issue)
        tracker.timeline()                    # actor by actor, in date order, shifts flagged
        tracker.current(date(2024, 6, 1))     # where each actor stood that day
        tracker.undated(date(2024, 6, 1))     # undated positions on record by then, apart
    """
    tracker = PositionTracker(issue, load_aliases(Path(aliases)) if aliases else None)
    for analysis in analyses:
        tracker.add(analysis)
    return tracker


# The store: ingest and reanalyze (docs/store.md).

# Called as work is done: (inputs done, inputs in all).
Progress = Callable[[int, int], None]
ALIASES_KEY = "aliases"  # the store's copy of the aliases file (a ``meta`` row)


@dataclass(frozen=True)
class Failure:
    """A document that was not stored, and why."""

    document: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"document": self.document, "reason": self.reason}


@dataclass
class IngestSummary:
    """What one ``ingest`` or ``reanalyze`` did. ``attributions`` and ``positions`` count
    the records it stored; ``actors``, ``groups`` and ``quote_clusters`` are the numbers
    of actors, groups of copies and quotes carried by several articles in the whole
    store after it."""

    run: int
    db: str
    inputs: int = 0  # articles read (or, for reanalyze, stored articles found stale)
    new: int = 0
    versions: int = 0  # new texts at addresses stored before
    unchanged: int = 0
    reanalysed: int = 0
    skipped: int = 0  # stored, not analysed (empty, or in a language not analysed)
    attributions: int = 0
    positions: int = 0
    actors: int = 0
    groups: int = 0  # groups of copies in the whole store after it
    quote_clusters: int = 0  # quotes carried by two articles or more, in the whole store
    failures: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in vars(self).items() if k != "failures"}
        return {**out, "failures": [f.to_dict() for f in self.failures]}


def open_store(db: str | None = None, settings: Settings | None = None) -> Store:
    """The store at ``db`` (a file path or a ``postgresql://`` URL), else the ``db``
    setting; created, or migrated to the newest schema, on open."""
    return _open_store(db or (settings or Settings.load()).db)


def ingest_articles(
    inputs: Iterable[Source | Article],
    *,
    db: str | None = None,
    issues: Sequence[Source] = (),
    aliases: Source | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Read, analyse, resolve and store every article of ``inputs`` (anything
    :func:`read` takes, or Articles), analysing in ``workers`` processes and storing
    from this one. An article whose text is stored already is left as
    it is; each other one is stored in one transaction, so a run stopped at any point and
    run again stores everything once. ``issues`` are issue files: stored, and looked for
    with the issues the store follows already in every new article. ``aliases`` is an
    aliases file for the actor registry, kept in the store for the runs after."""
    settings = settings or Settings.load()
    inputs = list(inputs)
    if aliases is not None:
        load_aliases(Path(aliases))  # a bad aliases file fails before anything is done
    with open_store(db, settings) as store:
        followed = _store_issues(store, issues)
        names = [os.fspath(i) if not isinstance(i, Article) else i.name for i in inputs]
        run = _Run(store, store.start_run("ingest", names, settings.digest()), followed)
        items = _read_inputs(inputs, settings)
        run.summary.inputs = sum(isinstance(item, Article) for item in items)
        run.total = len(items)
        fresh = run.new_articles(items, progress)
        looked_for = [i.issue for i in followed]
        for analysis in analyze_many(fresh, settings, looked_for, workers=workers):
            run.store_new(analysis)
            run.tick(progress)
        return run.finish(aliases)


def store_analyses(
    analyses: Iterable[Analysis],
    *,
    db: str | None = None,
    issues: Sequence[Source] = (),
    failures: Iterable[Failure] = (),
    inputs: Sequence[str] = (),
    aliases: Source | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Store analyses made elsewhere (``onrecord batch``) as :func:`ingest_articles`
    stores its own, in the order given: the same rows, then the actors resolved.
    ``issues`` are the issue files the analyses were made with; ``failures`` the
    documents that were not analysed, for the run's summary; ``inputs`` names what the
    run stored (a batch output folder)."""
    settings = settings or Settings.load()
    with open_store(db, settings) as store:
        wanted = {load_issue(path).id for path in issues}
        followed = [i for i in _store_issues(store, issues) if i.issue.id in wanted]
        run = _Run(store, store.start_run("load", list(inputs), settings.digest()), followed)
        run.summary.failures.extend(failures)
        for analysis in analyses:
            run.summary.inputs += 1
            run.total = run.summary.inputs
            if store.has_article(analysis.article.id):
                run.summary.unchanged += 1
            else:
                run.store_new(analysis)
            run.tick(progress)
        return run.finish(aliases)


def reanalyze(
    *,
    db: str | None = None,
    issues: Sequence[Source] = (),
    aliases: Source | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Analyse again every stored article whose current analysis was made by another
    pipeline (its provenance differs) or with other issues than those the store follows
    now (``issues`` adds or updates some). The new analysis becomes current; the old one
    stays, superseded, with its run's provenance. A failing article keeps its old one."""
    settings = settings or Settings.load()
    if aliases is not None:
        load_aliases(Path(aliases))  # a bad aliases file fails before anything is done
    with open_store(db, settings) as store:
        followed = _store_issues(store, issues)
        run = _Run(store, store.start_run("reanalyze", [], settings.digest()), followed)
        provenance = _annotator(settings).provenance
        store.set_run_provenance(run.id, provenance)
        stale = store.stale_articles(provenance, run.hashes)
        run.summary.inputs = run.total = len(stale)
        for analysis in analyze_many(store.articles(stale), settings, run.issues):
            run.store_again(analysis)
            run.tick(progress)
        # Reanalysed articles have new attributions: every quote is compared again.
        return run.finish(aliases, again=run.summary.reanalysed > 0)


def resolve_actors(store: Store, aliases: Source | None = None) -> int:
    """Resolve the actors of the whole store at once, with the actor registry of
    :func:`actor_registry` (an ``aliases`` file given is kept in the store; else the one
    kept before is used), and point every attribution and position at its actor.
    Returns the number of actors.

    Positions' actors and speakers are resolved with the attributions' (as the
    positions tracker does), but an actor's ``mentions`` and ``articles`` count its
    attributions only, as :func:`actor_registry` over the same analyses counts them."""
    registry = ActorRegistry(_aliases(store, aliases))
    forms: dict[FormKey, Actor] = {}
    said: Counter[FormKey] = Counter()
    said_in: dict[FormKey, set[str]] = defaultdict(set)
    for mention in store.mentions():
        registry.add_actor(mention.actor, mention.article, mention.said_on)
        key = FormKey(mention.actor.name, mention.actor.type)
        forms.setdefault(key, mention.actor)
        if mention.counted:
            said[key] += 1
            said_in[key].add(mention.article)
    resolved = {key: registry.resolve(actor).id for key, actor in forms.items()}
    mentions: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    for key, count in said.items():
        mentions[resolved[key]] += count
        articles[resolved[key]] |= said_in[key]
    records = []
    for entry in registry.actors():
        n, where = mentions[entry.actor.id], tuple(sorted(articles[entry.actor.id]))
        counted = dataclasses.replace(entry, mentions=n, articles=where)
        records.append(ActorRecord(entry.actor, entry.aliases, n, len(where), counted.to_dict()))
    known = {record.actor.id for record in records}
    store.put_actors(records, {key: i for key, i in resolved.items() if i in known})
    return len(records)


class _Run:
    """One ingest or reanalyze in progress: its store, run row, issues and summary."""

    def __init__(self, store: Store, run_id: int, followed: Sequence[StoredIssue]) -> None:
        self.store, self.id = store, run_id
        self.issues = [i.issue for i in followed]
        self.hashes = [i.hash for i in followed]
        self.summary = IngestSummary(run_id, store.url)
        self.total = self.done = 0
        self._seen: set[str] = set()
        self._provenance_kept = False
        store.set_run_issues(run_id, self.hashes)

    def tick(self, progress: Progress | None) -> None:
        self.done += 1
        if progress is not None:
            progress(self.done, self.total)

    def new_articles(
        self, items: Iterable[Article | ReadError], progress: Progress | None
    ) -> Iterator[Article]:
        """The articles to analyse; failures to read and stored articles counted."""
        for item in items:
            if isinstance(item, ReadError):
                self.summary.failures.append(Failure(item.document, item.reason))
            elif item.id in self._seen or self.store.has_article(item.id):
                self.summary.unchanged += 1
            else:
                self._seen.add(item.id)
                yield item
                continue
            self.tick(progress)

    def store_new(self, analysis: Analysis) -> None:
        if not self._analysed(analysis):
            return
        address = _address(analysis.article)
        try:
            added = self.store.add_analysis(analysis, address, self.id, self.hashes)
        except Exception as exc:  # noqa: BLE001 - an article that cannot be stored fails alone
            self._not_stored(analysis, exc)
            return
        if added is Added.UNCHANGED:  # stored by another run since it was read
            self.summary.unchanged += 1
            return
        self.summary.new += added is Added.NEW
        self.summary.versions += added is Added.VERSION
        self._count(analysis)

    def store_again(self, analysis: Analysis) -> None:
        if not self._analysed(analysis):
            return
        try:
            self.store.replace_analysis(analysis, self.id, self.hashes)
        except Exception as exc:  # noqa: BLE001 - an article that cannot be stored fails alone
            self._not_stored(analysis, exc)
            return
        self.summary.reanalysed += 1
        self._count(analysis)

    def finish(self, aliases: Source | None, *, again: bool = False) -> IngestSummary:
        self.summary.actors = resolve_actors(self.store, aliases)
        linked = query.link_copies(self.store, self.id, again=again)
        self.summary.groups, self.summary.quote_clusters = linked.groups, linked.clusters
        self.store.finish_run(self.id, self.summary.to_dict())
        return self.summary

    def _analysed(self, analysis: Analysis) -> bool:
        """Whether there is an analysis to store; a failed one is counted as a failure."""
        if analysis.error:
            self.summary.failures.append(Failure(analysis.article.name, analysis.error))
            return False
        if not self._provenance_kept:
            self.store.set_run_provenance(self.id, analysis.provenance)
            self._provenance_kept = True
        return True

    def _not_stored(self, analysis: Analysis, exc: Exception) -> None:
        reason = f"not stored (nothing of it was written): {exc!r}"
        self.summary.failures.append(Failure(analysis.article.name, reason))

    def _count(self, analysis: Analysis) -> None:
        self.summary.skipped += analysis.skipped is not None
        self.summary.attributions += len(analysis.attributions)
        self.summary.positions += len(analysis.positions or [])


def _read_inputs(
    inputs: Sequence[Source | Article], settings: Settings
) -> list[Article | ReadError]:
    """Every article of the inputs, in order, with an error in place of each bad one."""
    out: list[Article | ReadError] = []
    for item in inputs:
        if isinstance(item, Article):
            out.append(item)
        else:
            out.extend(read_many([item], settings))
    return out


def _store_issues(store: Store, files: Sequence[Source]) -> list[StoredIssue]:
    """The issue files stored (each the current version of its id); every issue the
    store follows. A bad file fails before anything is read."""
    loaded = [(load_issue(path), Path(path).read_text(encoding="utf-8"), path) for path in files]
    for issue, content, path in loaded:
        store.put_issue(issue, content, os.fspath(path))
    return store.current_issues()


def _aliases(store: Store, path: Source | None) -> Aliases | None:
    """The aliases file given (kept in the store for later runs), else the one kept."""
    if path is not None:
        aliases = load_aliases(Path(path))  # a bad file fails before the store changes
        store.set_meta(ALIASES_KEY, Path(path).read_text(encoding="utf-8"))
        return aliases
    kept = store.get_meta(ALIASES_KEY)
    if kept is None:
        return None
    try:
        return parse_aliases(tomllib.loads(kept), source=f"the aliases file kept in {store.url}")
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the aliases file kept in {store.url}: {exc}") from exc


def _address(article: Article) -> str:
    """Where an article lives, so that a changed text there is a new version: its URL,
    else the file it was read from (as an absolute path), else its content hash."""
    if article.url:
        return article.url
    if article.source and Path(article.source).is_file():
        return str(Path(article.source).resolve())
    return article.source or article.id


@lru_cache(maxsize=2)
def _annotator(settings: Settings) -> Annotator:
    from onrecord.nlp import Annotator  # spaCy loads only when analysis is asked for

    return Annotator(settings)


# Reading the store (docs/queries.md). ``db`` is an open Store, a path or URL, or None
# for the ``db`` setting; a store named by path must exist: reading never makes one.


def quotes(
    db: Store | str | None = None,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    kind: str | None = None,
    anonymous: bool = False,
    limit: int | None = None,
    act: str | None = None,
    settings: Settings | None = None,
) -> list[StoredQuote]:
    """Stored quotes meeting every condition given, by day; see ``query.find_quotes``."""
    with _reading(db, settings) as store:
        return query.find_quotes(
            store,
            speaker=speaker,
            about=about,
            since=since,
            until=until,
            outlet=outlet,
            kind=kind,
            anonymous=anonymous,
            limit=limit,
            act=act,
        )


def actors(
    db: Store | str | None = None, *, search: str | None = None, settings: Settings | None = None
) -> list[RegistryEntry]:
    """The store's actors, as ``actor_registry`` gives them for files; with ``search``,
    those whose name, an alias or the id holds it."""
    with _reading(db, settings) as store:
        return query.stored_entries(store, search)


def actor(
    name: str, db: Store | str | None = None, settings: Settings | None = None
) -> ActorProfile:
    """One actor (by id, name or alias): roles over time, quotes and positions."""
    with _reading(db, settings) as store:
        return query.actor_profile(store, name)


def tracker(
    issue_id: str,
    db: Store | str | None = None,
    *,
    as_of: date | None = None,
    settings: Settings | None = None,
) -> Timeline:
    """The positions tracker of a stored issue: ``track_positions`` over the store."""
    with _reading(db, settings) as store:
        return query.track_from_store(store, issue_id, as_of)


def provenance(
    quote_id: str | int, db: Store | str | None = None, settings: Settings | None = None
) -> QuoteProvenance:
    """Where a stored quote was first seen, and every article that carried it."""
    with _reading(db, settings) as store:
        return query.quote_provenance(store, quote_id)


def sources(db: Store | str | None = None, settings: Settings | None = None) -> list[SourceShare]:
    """Who gets quoted: named and anonymous sources by outlet and by speaker type."""
    with _reading(db, settings) as store:
        return query.source_shares(store)


def export(
    out: Source, fmt: str = "jsonl", db: Store | str | None = None, settings: Settings | None = None
) -> list[Exported]:
    """The store's tables into the folder ``out`` as jsonl, csv or parquet, or its
    discourse network as gexf or graphml; the files written."""
    with _reading(db, settings) as store:
        if fmt in query.NETWORK_FORMATS:
            return [query.write_network(store, Path(out), fmt)]
        return query.export_tables(store, Path(out), fmt)


@contextmanager
def _reading(db: Store | str | None, settings: Settings | None) -> Iterator[Store]:
    if db is not None and not isinstance(db, str):
        yield db  # the caller's store, left open
        return
    target = db or (settings or Settings.load()).db
    if "://" not in target or target.startswith("sqlite:///"):
        path = Path(target.removeprefix("sqlite:///")).expanduser()
        if not path.exists():
            raise StoreError(
                f"{path}: no store there; `onrecord ingest --db {target} ARTICLES…` makes one"
            )
    store = _open_store(target)
    try:
        yield store
    finally:
        store.close()
