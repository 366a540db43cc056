"""One typed settings object.

Precedence, highest first: explicit arguments, environment variables
(``ONRECORD_<KEY>`` in upper case), a TOML config file (``[onrecord]`` table,
path from ``ONRECORD_CONFIG`` or given explicitly), then the defaults below.
Every setting is documented in docs/settings.md (a test keeps the two in step).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

from onrecord.errors import ConfigError

__all__ = ["Settings"]

ENV_PREFIX = "ONRECORD_"


# Marks a setting that can change what an analysis holds: it goes into ``digest()``,
# the settings hash of every analysis's provenance. The others decide how input is
# read (no analysis exists for an input that fails to be read) or only how work is
# split, and changing them must not make a store think the analysis changed.
_CHANGES_OUTPUT = MappingProxyType({"changes_output": True})
# ``piece_chars``: three times the longest PolNeAR article (34,309 characters), so that
# news articles are parsed whole. Under a paragraph or two, pieces would cut most
# attributions apart; spaCy refuses a text over a million characters.
PIECE_CHARS = 100_000
MIN_PIECE_CHARS = 1_000
MAX_PIECE_CHARS = 1_000_000


@dataclass(frozen=True)
class Settings:
    # Largest input read, in bytes; larger documents fail alone with a clear error.
    max_bytes: int = 20_000_000
    # URL fetching: the longest wait for any one network operation, and for the whole
    # fetch (connect, headers and body, over every redirect), however the server trickles.
    fetch_timeout: float = 20.0
    fetch_deadline: float = 60.0
    max_redirects: int = 5
    allow_private_addresses: bool = False  # loopback and private networks are refused unless set
    user_agent: str = "onrecord/0.1 (news attribution research)"
    # Languages the NLP stages analyse; other articles are marked skipped.
    languages: tuple[str, ...] = field(default=("en",), metadata=_CHANGES_OUTPUT)
    # A folder of retrained attribution models (from `onrecord train`); empty: the shipped ones.
    # Not hashed: the provenance holds the hash of each model file, wherever it lies.
    model_dir: str = ""
    # Attribution: the lowest confidence an attribution is kept with (on top of the
    # checker's own threshold), the P(cue) a word off the cue tagger's best path needs
    # to be a candidate, and (models without a checker only) how sure such a candidate's
    # content must be. The defaults are the values the shipped models were tuned with.
    min_confidence: float = field(default=0.0, metadata=_CHANGES_OUTPUT)
    candidate_cue: float = field(default=0.4, metadata=_CHANGES_OUTPUT)
    second_chance_content: float = field(default=0.75, metadata=_CHANGES_OUTPUT)
    # Documents spaCy parses at once (bounds peak memory), and articles handed to it in
    # one go (a failing chunk is retried article by article). Each article is analysed
    # on its own, so neither changes any result.
    batch_size: int = 4
    chunk_size: int = 32
    # Long articles: the longest stretch parsed at once (a longer article is analysed in
    # pieces cut at paragraph breaks, see nlp.pieces; it changes the results of such
    # articles only), and the longest article analysed at all (a longer one fails alone).
    piece_chars: int = field(default=PIECE_CHARS, metadata=_CHANGES_OUTPUT)
    max_article_chars: int = 10_000_000
    # An actors knowledge file (docs/actors.md) read on top of the shipped starter, for
    # the speakers an article leaves short; empty: the starter alone.
    actors_file: str = field(default="", metadata=_CHANGES_OUTPUT)
    # The store (docs/store.md): an SQLite file path, or a postgresql:// URL.
    db: str = "onrecord.db"

    def __post_init__(self) -> None:
        for name in ("min_confidence", "candidate_cue", "second_chance_content"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"setting {name!r}: must be between 0 and 1")
        for name in ("batch_size", "chunk_size"):
            if getattr(self, name) < 1:
                raise ConfigError(f"setting {name!r}: must be at least 1")
        if not MIN_PIECE_CHARS <= self.piece_chars <= MAX_PIECE_CHARS:
            raise ConfigError(
                f"setting 'piece_chars': must be between {MIN_PIECE_CHARS:,} and"
                f" {MAX_PIECE_CHARS:,} (spaCy's own limit)"
            )
        if self.max_article_chars < 1:
            raise ConfigError("setting 'max_article_chars': must be at least 1")

    @classmethod
    def load(
        cls,
        overrides: Mapping[str, Any] | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        config_file: str | Path | None = None,
    ) -> Settings:
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        path = config_file or environ.get(ENV_PREFIX + "CONFIG")
        if path:
            values.update(_read_config_file(Path(path)))
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = raw
        values.update({k: v for k, v in (overrides or {}).items() if v is not None})
        return cls(**{k: _coerce(k, v) for k, v in values.items()})

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: _coerce(k, v) for k, v in changes.items()})

    def digest(self) -> str:
        """A short hash of the settings that change output, recorded as provenance."""
        blob = json.dumps(self.output_settings(), sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]

    def output_settings(self) -> dict[str, Any]:
        """The settings ``digest()`` covers, by name."""
        return {
            f.name: getattr(self, f.name) for f in fields(self) if f.metadata.get("changes_output")
        }


_FIELD_TYPES = {f.name: f.type for f in fields(Settings)}


def _coerce(key: str, value: Any) -> Any:
    if key not in _FIELD_TYPES:
        known = ", ".join(sorted(_FIELD_TYPES))
        raise ConfigError(f"unknown setting {key!r}; known settings: {known}")
    kind = _FIELD_TYPES[key]
    try:
        if kind == "bool":
            return _to_bool(value)
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind.startswith("tuple"):
            items = value.split(",") if isinstance(value, str) else value
            return tuple(str(i).strip() for i in items if str(i).strip())
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {key!r}: cannot use {value!r} as {kind}") from exc


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise ValueError(value)


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"config file {path}: {exc}") from exc
    table = data.get("onrecord", {})
    if not isinstance(table, dict):
        raise ConfigError(f"config file {path}: [onrecord] must be a table")
    return table
