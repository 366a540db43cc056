"""detect_language: ISO 639-1 codes offline, None when the text cannot decide."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onrecord.ingest.language import detect_language


def test_english_sentence() -> None:
    text = "The harbour council voted on Tuesday to fund two new ferry routes across the bay."
    assert detect_language(text) == "en"


def test_german_sentence() -> None:
    text = (
        "Der Stadtrat hat am Dienstag beschlossen, zwei neue Fährlinien über die Bucht zu bezahlen."
    )
    assert detect_language(text) == "de"


@pytest.mark.parametrize("text", ["", "   \n\t", "Hello", "12:45 — 3/4", "¡!"])
def test_too_little_text_is_undecided(text: str) -> None:
    assert detect_language(text) is None


@given(st.text(max_size=300))
def test_any_text_gives_a_code_or_none(text: str) -> None:
    code = detect_language(text)
    assert code is None or (isinstance(code, str) and 2 <= len(code) <= 3)


def test_topical_dev_languages(topical_dir: Path) -> None:
    found = {
        path.stem: detect_language(path.read_text(encoding="utf-8"))
        for path in sorted((topical_dir / "articles").glob("*.txt"))
    }
    assert found.pop("018") == "de"
    assert found and set(found.values()) == {"en"}
