"""Line model shared by the cleaning rules: split text into lines, judge their shape, rejoin.

Extracted text holds one paragraph per line, sometimes separated by blank lines. Rules work on
:class:`Line` objects (text plus whether a blank line preceded it) and the result is joined back
with the original paragraph breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_BULLET = re.compile(r"^(?:[•·▪►‣◦*–—-]|\d{1,2}[.)])\s+")
_NUMBER = re.compile(r"^[+-]?\d[\d.,\s]*[kKmM]?$")


@dataclass
class Line:
    """One non-empty line of text; ``gap`` is True when a blank line preceded it."""

    text: str
    gap: bool = False


def split_lines(text: str) -> list[Line]:
    """Non-empty, stripped lines of ``text``, remembering paragraph gaps."""
    out: list[Line] = []
    gap = False
    for raw in text.split("\n"):
        s = raw.strip()
        if not s:
            gap = True
            continue
        out.append(Line(s, gap and bool(out)))
        gap = False
    return out


def join_lines(lines: list[Line]) -> str:
    """Rejoin lines: a blank line where the input had one, else a single newline."""
    parts: list[str] = []
    for i, line in enumerate(lines):
        if i:
            parts.append("\n\n" if line.gap else "\n")
        parts.append(line.text)
    return "".join(parts)


def words(s: str) -> list[str]:
    """Word tokens of ``s``."""
    return _WORD.findall(s)


def unbullet(s: str) -> str:
    """``s`` without a leading list bullet."""
    return _BULLET.sub("", s).strip()


def line_key(s: str) -> str:
    """What two lines must share to count as the same line: their words, case and bullet aside."""
    return " ".join(unbullet(s).casefold().split())


def is_bulleted(s: str) -> bool:
    return bool(_BULLET.match(s))


def ends_sentence(s: str) -> bool:
    """True when ``s`` ends like a sentence (period, ?, !, …, possibly inside a quote)."""
    return bool(_SENTENCE_END.search(s.rstrip()))


def is_bare_number(s: str) -> bool:
    """A line that is only a number, like a view or comment count ("64", "1.2k")."""
    return bool(_NUMBER.match(s.strip()))


def is_heading_like(s: str, max_words: int = 12) -> bool:
    """Short line that does not end like a sentence (may end with a colon)."""
    n = len(words(s))
    return 0 < n <= max_words and not ends_sentence(s)


def is_paragraph(s: str, min_words: int = 12) -> bool:
    """A body paragraph: enough words and ending like a sentence."""
    return len(words(s)) >= min_words and ends_sentence(s)


def shorten(s: str, limit: int = 120) -> str:
    """``s`` cut to ``limit`` characters for the audit list ``Article.removed``."""
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"
