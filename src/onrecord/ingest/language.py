"""Language detection for article text, offline (py3langid)."""

from __future__ import annotations

import py3langid

__all__ = ["detect_language"]

# Below this many letters the classifier guesses; an honest "unknown" is better.
MIN_LETTERS = 20
# py3langid's normalised probability; below it the text is mixed or too odd to call.
MIN_CONFIDENCE = 0.5
# Long articles are decided by their start; classifying megabytes buys nothing.
SAMPLE_CHARS = 5000
# What the classifier answers when it abstains.
UNDECIDED = "und"


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when it cannot be decided."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    if code == UNDECIDED or confidence < MIN_CONFIDENCE:
        return None
    return str(code)


def _identifier() -> py3langid.langid.LanguageIdentifier:
    global _IDENTIFIER
    if _IDENTIFIER is None:
        _IDENTIFIER = py3langid.langid.LanguageIdentifier.from_model_file(
            py3langid.langid.MODEL_FILE, norm_probs=True
        )
    return _IDENTIFIER


_IDENTIFIER: py3langid.langid.LanguageIdentifier | None = None
