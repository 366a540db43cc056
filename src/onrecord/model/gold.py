"""Gold annotations: attributions as people marked them, as character ranges.

Plain data, apart from any file format, so that the scorers (``evaluate``) and the
trainers (``nlp.training``) share them without either importing the other: the brat
reader in ``evaluate`` makes them, and training fits its models to them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GoldDocument", "RangeAttribution", "Ranges"]

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class RangeAttribution:
    """One attribution as character ranges (end exclusive); an absent role is ``()``."""

    source: Ranges = ()
    cue: Ranges = ()
    content: Ranges = ()


@dataclass(frozen=True)
class GoldDocument:
    """An article's text and its annotated attributions."""

    id: str
    text: str
    attributions: list[RangeAttribution]
