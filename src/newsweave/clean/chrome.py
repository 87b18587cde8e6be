"""Page-chrome removal from extracted text: the rules of :mod:`.rules` applied by position.

Order: title (plain-text input), top metadata (breadcrumbs, byline, dateline), line rules
anywhere, repeated paragraphs, the trailing teaser list, dangling trailing headings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dateline import parse_byline, parse_dateline
from .lines import (
    is_bare_number,
    is_bulleted,
    is_heading_like,
    is_paragraph,
    join_lines,
    shorten,
    split_lines,
    unbullet,
    words,
)
from .rules import (
    is_breadcrumb,
    is_call_to_action,
    is_caption,
    is_more_link,
    is_related_heading,
    is_see_also,
    is_widget,
)
from .similarity import block_similarity
from .title import find_title

#: Teaser blocks less similar than this to the body are dropped even without other signals.
TEASER_MAX_SIMILARITY = 0.12
#: Repeated lines shorter than this (in words) are left to the other rules.
DUPLICATE_MIN_WORDS = 6


@dataclass
class Cleaned:
    """Result of :func:`clean_text`."""

    text: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    place: str | None = None
    published: str | None = None


def _key(s: str) -> str:
    return " ".join(unbullet(s).casefold().split())


class _Doc:
    """Lines plus the set of dropped indices, with helpers over the kept ones."""

    def __init__(self, text: str) -> None:
        self.lines = split_lines(text)
        self.drop: set[int] = set()

    def kept(self) -> list[int]:
        return [i for i in range(len(self.lines)) if i not in self.drop]

    def text(self, i: int) -> str:
        return self.lines[i].text

    def top(self) -> list[int]:
        """Kept lines before the first body paragraph."""
        out = []
        for i in self.kept():
            if is_paragraph(self.text(i)):
                break
            out.append(i)
        return out


def clean_text(text: str, title: str | None = None, title_in_text: bool = False) -> Cleaned:
    """Remove page chrome from ``text``; metadata found on the way is returned alongside."""
    doc = _Doc(text)
    out = Cleaned(text="", title=title)
    if not doc.lines:
        return out
    moved: set[int] = set()  # lines turned into metadata rather than dropped as chrome

    if title_in_text and title is None:
        idx, skipped = find_title(doc.lines)
        doc.drop.update(skipped)
        if idx is not None:
            out.title = doc.text(idx)
            doc.drop.add(idx)
            moved.add(idx)
    _top(doc, out, moved)
    for i in doc.kept():
        s = doc.text(i)
        if (
            is_widget(s)
            or is_caption(s)
            or is_call_to_action(s)
            or is_more_link(s)
            or is_see_also(s)
        ):
            doc.drop.add(i)
    _duplicates(doc)
    _tail(doc)
    kept = doc.kept()
    if not kept:  # cleaning must never destroy an article: keep the text as it came
        out.text = join_lines(doc.lines)
        return out
    out.text = join_lines([doc.lines[i] for i in kept])
    out.removed = [shorten(doc.text(i)) for i in sorted(doc.drop - moved)]
    return out


def _top(doc: _Doc, out: Cleaned, moved: set[int]) -> None:
    """Breadcrumbs, repeated headline, byline and dateline before the first body paragraph."""
    top = doc.top()
    for n, i in enumerate(top):
        s = doc.text(i)
        nxt = doc.text(top[n + 1]) if n + 1 < len(top) else None
        headline = out.title or nxt
        repeated_title = bool(out.title) and _key(s) == _key(out.title or "")
        if repeated_title or is_breadcrumb(s, headline) or is_breadcrumb(s, nxt):
            doc.drop.add(i)
        elif (dl := parse_dateline(s)) is not None:
            doc.drop.add(i)
            moved.add(i)
            out.place = out.place or (dl.place.split(",")[0].strip() if dl.place else None)
            out.published = out.published or dl.date
            for j in (top[n - 1] if n else None, nxt and top[n + 1]):
                if isinstance(j, int) and j not in doc.drop:
                    author = parse_byline(doc.text(j), beside_dateline=True)
                    if author:
                        out.author = out.author or author
                        doc.drop.add(j)
                        moved.add(j)
        elif (author := parse_byline(s)) is not None:
            out.author = out.author or author
            doc.drop.add(i)
            moved.add(i)


def _duplicates(doc: _Doc) -> None:
    """A line repeated verbatim keeps its last copy; a label over a dropped copy at the top goes."""
    last: dict[str, int] = {}
    for i in doc.kept():
        if len(words(doc.text(i))) >= DUPLICATE_MIN_WORDS:
            last[_key(doc.text(i))] = i
    top = set(doc.top())
    for i in doc.kept():
        k = _key(doc.text(i))
        if k in last and last[k] != i:
            doc.drop.add(i)
            prev = [j for j in doc.kept() if j < i]
            if prev and prev[-1] in top and is_heading_like(doc.text(prev[-1]), max_words=4):
                doc.drop.add(prev[-1])


def _is_teaser_item(s: str) -> bool:
    return is_heading_like(s, max_words=20) or is_bare_number(s) or is_bulleted(s)


def _tail(doc: _Doc) -> None:
    """Drop a trailing list of teasers for other articles, then dangling trailing headings."""
    kept = doc.kept()
    body_paragraphs = [i for i in kept if is_paragraph(doc.text(i))]
    if len(body_paragraphs) >= 2:
        for n, h in enumerate(kept):
            if h <= body_paragraphs[1] or not is_heading_like(doc.text(h), max_words=10):
                continue
            if _is_teaser_block(doc, kept[:n], kept[n:]):
                doc.drop.update(kept[n:])
                break
    while (kept := doc.kept()) and (
        (doc.text(kept[-1]).endswith(":") and is_heading_like(doc.text(kept[-1])))
        or is_related_heading(doc.text(kept[-1]))
        or is_bare_number(doc.text(kept[-1]))
    ):
        doc.drop.add(kept[-1])


def _is_teaser_block(doc: _Doc, before: list[int], block: list[int]) -> bool:
    """Heading plus mostly short items at the end, unrelated to the body or marked as teasers."""
    heading, items = doc.text(block[0]), [doc.text(i) for i in block[1:]]
    if not items:
        return False
    short = sum(_is_teaser_item(s) for s in items)
    if short * 2 < len(items):
        return False
    keys = [_key(s) for s in items]
    repeated = len(set(keys)) < len(keys)
    counts = any(is_bare_number(s) for s in items)
    if is_related_heading(heading) or (repeated and counts):
        return True
    body = [doc.text(i) for i in before]
    return block_similarity(items, body) < TEASER_MAX_SIMILARITY
