"""One typed settings object.

Precedence, highest first: explicit arguments, environment variables
(``ONRECORD_<KEY>`` in upper case), a TOML config file (``[onrecord]`` table,
path from ``ONRECORD_CONFIG`` or given explicitly), then the defaults below.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from onrecord.errors import ConfigError

__all__ = ["Settings"]

ENV_PREFIX = "ONRECORD_"


@dataclass(frozen=True)
class Settings:
    # Largest input read, in bytes; larger documents fail alone with a clear error.
    max_bytes: int = 20_000_000
    # URL fetching.
    fetch_timeout: float = 20.0
    max_redirects: int = 5
    allow_private_addresses: bool = False  # loopback and private networks are refused unless set
    user_agent: str = "onrecord/0.1 (news attribution research)"
    # Languages the NLP stages analyse; other articles are marked skipped.
    languages: tuple[str, ...] = ("en",)
    # A folder of retrained attribution models (from `onrecord train`); empty: the shipped ones.
    model_dir: str = ""

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
        """A short hash of the settings, recorded as provenance."""
        blob = json.dumps(dataclasses.asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]


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
