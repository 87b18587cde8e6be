"""Unicode normalisation: NFC, odd spaces and invisible characters; typographic quotes kept."""

from __future__ import annotations

import re
import unicodedata

# Space-like characters (no-break, thin, ideographic, ...) that become a plain space.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Invisible characters dropped outright: soft hyphen, zero-width space/joiners, BOM, word joiner.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_MULTI_SPACE = re.compile(r" {2,}")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\u0085]")


def normalize_text(text: str) -> str:
    """NFC text with unified newlines and spaces; quotes and dashes are left as they are."""
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    lines = [_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
