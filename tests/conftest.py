"""Shared fixtures. Tests need no network; data under ../shared is used when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from onrecord.model import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ONRECORD_SHARED", REPO.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


@pytest.fixture
def seed_path() -> Path:
    return shared_path("seed", "cbc-2024-05-30-us-ukraine-strikes.txt")


@pytest.fixture
def polnear_dir() -> Path:
    return shared_path("data", "polnear")


@pytest.fixture
def topical_dir() -> Path:
    return shared_path("data", "topical-dev")


def assert_valid_blocks(article: Article) -> None:
    """Blocks in order, inside the text, not overlapping, trimmed of whitespace."""
    text, previous_end = article.text, 0
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(text)
        assert block.start >= previous_end, "blocks overlap or are out of order"
        piece = text[block.start : block.end]
        assert piece == piece.strip(), f"untrimmed block {piece!r}"
        previous_end = block.end
