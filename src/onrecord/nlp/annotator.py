"""The analysis entry point: Articles in, Analyses out."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from onrecord.model import Analysis, Article, AttributionAct, Issue, Position, Provenance
from onrecord.model.gold import Ranges
from onrecord.nlp import (
    factories,  # noqa: F401  (registers the factories)
    provenance,
)
from onrecord.nlp.assemble import ArticleRecords
from onrecord.nlp.attribution.acts import cue_act
from onrecord.nlp.attribution.checker import CHECKER_MODEL
from onrecord.nlp.attribution.finder import CUE_MODEL, MODEL_DIR, ROLE_MODEL, paragraph_starts
from onrecord.nlp.context import build_context
from onrecord.nlp.document import parse_articles, tokens_in
from onrecord.nlp.pipeline import load_base
from onrecord.settings import Settings

log = logging.getLogger(__name__)
ATTRIBUTION_PIPE = "onrecord_attribution_v1"
SPEAKERS_PIPE = "onrecord_speakers_v1"
SAID_ON_PIPE = "onrecord_said_on_v1"
POSITIONS_PIPE = "onrecord_positions_v1"
# Whose rules each rule-set hash covers (nlp.provenance): a component's package, and
# for the whole pipeline the annotator with all it runs (the text view, the factories,
# the conversion to the record).
RULE_SETS = {
    ATTRIBUTION_PIPE: "onrecord.nlp.attribution",
    SPEAKERS_PIPE: "onrecord.nlp.speakers",
    SAID_ON_PIPE: "onrecord.nlp.dates",
    POSITIONS_PIPE: "onrecord.nlp.positions",
    "pipeline": __name__,
}


class Annotator:
    """Loads the pipeline once; analyses one article or a stream of them."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.nlp = _build_pipeline(self.settings)
        model_dir = Path(self.settings.model_dir) if self.settings.model_dir else MODEL_DIR
        self.provenance = _provenance(self.nlp, self.settings, model_dir)

    def analyze(self, article: Article, issues: Sequence[Issue] = ()) -> Analysis:
        return next(self.analyze_many([article], issues))

    def analyze_many(
        self, articles: Iterable[Article], issues: Sequence[Issue] = ()
    ) -> Iterator[Analysis]:
        """Analyses in input order; a failing article yields an Analysis with ``error``.

        With ``issues``, each analysis has ``positions`` on them (else ``None``).
        """
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.chunk_size:
                yield from self._analyze_batch(batch, issues)
                batch = []
        if batch:
            yield from self._analyze_batch(batch, issues)

    def cue_acts(self, article: Article, cues: Sequence[Ranges]) -> list[AttributionAct | None]:
        """The act the attribution component gives each cue, a cue being character ranges
        of the article, read in this pipeline's parse of it: what the act gold is scored
        with (``evaluate.acts``), whether the taggers found the cue or not. A cue outside
        the analysed text (boilerplate) has none."""
        lemmas = self.nlp.get_pipe(ATTRIBUTION_PIPE).lemmas  # type: ignore[attr-defined]
        acts: list[AttributionAct | None] = [None] * len(cues)
        for parsed in parse_articles(self.nlp, [article], piece_chars=self.settings.piece_chars):
            doc = parsed.doc
            ctx = build_context(doc, paragraph_starts(doc.text), lemmas.lemmas(doc))
            for k, ranges in enumerate(cues):
                in_view = [r for a, b in ranges for r in parsed.view.range_to_view(a, b)]
                tokens = tokens_in(doc, in_view)
                if tokens and acts[k] is None:
                    acts[k] = cue_act(ctx, tokens)
        return acts

    def _analyze_batch(self, batch: list[Article], issues: Sequence[Issue]) -> Iterator[Analysis]:
        """The batch's analyses, each yielded as soon as it is done (so output and
        progress come article by article, not a chunk at a time)."""
        reasons = [self._skip_reason(a) for a in batch]
        errors = [
            self._size_error(a) if reason is None else None
            for a, reason in zip(batch, reasons, strict=True)
        ]
        results = self._parse(
            [
                a
                for a, reason, error in zip(batch, reasons, errors, strict=True)
                if reason is None and error is None
            ],
            issues,
        )
        for article, reason, error in zip(batch, reasons, errors, strict=True):
            if reason is not None:
                positions: list[Position] | None = [] if issues else None
                yield Analysis(
                    article, provenance=self.provenance, skipped=reason, positions=positions
                )
            elif error is not None:
                yield Analysis(article, provenance=self.provenance, error=error)
            else:
                result = next(results)  # one an analysed article, in their order
                if isinstance(result, Analysis):
                    yield result
                else:
                    yield Analysis(article, provenance=self.provenance, error=result)

    def _parse(self, articles: list[Article], issues: Sequence[Issue]) -> Iterator[Analysis | str]:
        """Each article's analysis, or the reason it failed, in order and as it comes;
        when the batch fails, the articles not yet given are analysed one by one to find
        the bad one. Each article is parsed on its own, so the retry changes no result."""
        done = 0
        try:
            for analysis in self._analyses(articles, issues):
                done += 1
                yield analysis
            return
        except Exception as exc:  # one bad document must not take the batch down
            if len(articles) == 1:
                log.debug("analysis failed", exc_info=True)
                yield f"{articles[0].name}: analysis failed: {exc!r}"
                return
        for article in articles[done:]:
            yield from self._parse([article], issues)

    def _analyses(self, articles: list[Article], issues: Sequence[Issue]) -> Iterator[Analysis]:
        """Each article's analysis, in order; a long article's pieces (nlp.document)
        are turned into records one by one (nlp.assemble) and make one analysis."""
        records = ArticleRecords()
        for parsed in parse_articles(
            self.nlp,
            articles,
            batch_size=self.settings.batch_size,
            issues=issues,
            piece_chars=self.settings.piece_chars,
        ):
            records.add(parsed, issues)
            if parsed.last:
                positions = records.merged_positions() if issues else None
                yield Analysis(
                    parsed.article,
                    records.attributions,
                    provenance=self.provenance,
                    positions=positions,
                )
                records = ArticleRecords()

    def _skip_reason(self, article: Article) -> str | None:
        if not article.text.strip():
            return "empty article"
        if article.language and article.language not in self.settings.languages:
            supported = ", ".join(self.settings.languages)
            return f"language {article.language!r} is not analysed (supported: {supported})"
        return None

    def _size_error(self, article: Article) -> str | None:
        limit = self.settings.max_article_chars
        if len(article.text) <= limit:
            return None
        return (
            f"{article.name}: too long to analyse: {len(article.text):,} characters, over"
            f" the limit of {limit:,} (the setting max_article_chars)"
        )


def _build_pipeline(settings: Settings) -> Language:
    nlp = load_base()
    # Same annotations, less time: the attribute ruler by table lookup (nlp.fast_attributes),
    # and lemmas memoised by the attribution component (nlp.lemmas).
    nlp.add_pipe("onrecord_fast_attributes_v1", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    if ATTRIBUTION_PIPE not in nlp.pipe_names:
        config = {
            "model_dir": settings.model_dir or None,
            "min_confidence": settings.min_confidence,
            "candidate_cue": settings.candidate_cue,
            "second_chance_content": settings.second_chance_content,
        }
        nlp.add_pipe(ATTRIBUTION_PIPE, config=config)
    if SPEAKERS_PIPE not in nlp.pipe_names:
        nlp.add_pipe(SPEAKERS_PIPE, config={"actors_file": settings.actors_file})
    for name in (SAID_ON_PIPE, POSITIONS_PIPE):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def _provenance(nlp: Language, settings: Settings, model_dir: Path) -> Provenance:
    return Provenance(
        components=_component_versions(nlp, model_dir),
        settings_hash=settings.digest(),
        package_version=provenance.package_version(),
        libraries=provenance.library_versions(),
        rule_sets={name: provenance.rules_digest(code) for name, code in RULE_SETS.items()},
        lexicons=provenance.data_digests(),
        models=provenance.model_digests(model_dir),
    )


def _component_versions(nlp: Language, model_dir: Path) -> dict[str, str]:
    digest = hashlib.sha256()
    for name in (CUE_MODEL, ROLE_MODEL, CHECKER_MODEL):
        if (model_dir / name).exists():  # models trained before the checker have none
            digest.update((model_dir / name).read_bytes())
    return {
        "spacy": spacy.__version__,
        "base_model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        ATTRIBUTION_PIPE: f"crf-v1 {digest.hexdigest()[:12]}",
        SPEAKERS_PIPE: "rules-v1",
        SAID_ON_PIPE: "rules-v1",
        POSITIONS_PIPE: "rules-v1",
    }
