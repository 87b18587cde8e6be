"""Small helper for the word lists of the rule-based extractors."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (keeps long lists readable)."""
    return frozenset(text.split())
