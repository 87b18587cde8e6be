"""The headline of plain-text input, taken from its first headline-like line."""

from __future__ import annotations

from .lines import Line, ends_sentence, words
from .rules import is_breadcrumb, is_caption, is_code, is_widget

#: A first line with more words than this is body text, not a headline.
MAX_TITLE_WORDS = 30
#: A line ending with a period and at least this many words is a paragraph, not a headline.
PARAGRAPH_WORDS = 15


def looks_like_paragraph(s: str) -> bool:
    """A full sentence or more: long and ending with a period, or several sentences."""
    n = len(words(s))
    if n > MAX_TITLE_WORDS:
        return True
    return ends_sentence(s) and n >= PARAGRAPH_WORDS


def find_title(lines: list[Line]) -> tuple[int | None, list[int]]:
    """Index of the headline line (or None) and the chrome lines skipped before it."""
    skipped: list[int] = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1].text if i + 1 < len(lines) else None
        if (
            is_widget(line.text)
            or is_code(line.text)
            or is_caption(line.text)
            or is_breadcrumb(line.text, nxt)
        ):
            skipped.append(i)
            continue
        return (None if looks_like_paragraph(line.text) else i), skipped
    return None, skipped
