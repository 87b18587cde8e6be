"""Language identification with py3langid (offline model shipped in the wheel)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: Characters of text classified; more adds time, not accuracy.
SAMPLE_CHARS = 5000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and probability of ``text``'s language; ``(None, 0.0)`` for no text."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
