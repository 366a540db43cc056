"""One exception tree for onrecord.

Every message names the document (when there is one), the cause and, where
there is one, the fix. Catch :class:`OnrecordError` to catch them all.
"""

from __future__ import annotations

__all__ = [
    "OnrecordError",
    "ConfigError",
    "ReadError",
    "FetchError",
    "MissingExtraError",
    "ModelError",
    "DataError",
    "StoreError",
    "NotFoundError",
]


class OnrecordError(Exception):
    """Base class of every error onrecord raises on purpose."""


class ConfigError(OnrecordError):
    """A setting has a bad value; the message names the key."""


class ReadError(OnrecordError):
    """One document could not be read. The batch it came in goes on."""

    def __init__(self, document: str, reason: str) -> None:
        self.document = document
        self.reason = reason
        super().__init__(f"{document}: {reason}")


class FetchError(ReadError):
    """A URL could not be fetched (refused, unreachable, too large, bad status)."""


class MissingExtraError(OnrecordError):
    """An optional capability needs a package that is not installed."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"this needs the {package!r} package: pip install 'onrecord[{extra}]'")


class ModelError(OnrecordError):
    """A trained model is missing or cannot be loaded."""


class DataError(OnrecordError):
    """Evaluation or training data is missing or malformed."""


class StoreError(OnrecordError):
    """The database cannot be opened, or holds what this onrecord cannot read."""


class NotFoundError(OnrecordError):
    """The store holds no actor, issue or quote by the name or id asked for."""
