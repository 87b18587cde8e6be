"""Page-chrome removal from extracted text: the rules of :mod:`.rules` applied by position.

Order: title (plain-text input), top metadata (breadcrumbs, byline, dateline), line rules
anywhere, the trailing teaser list and dangling trailing headings, repeated paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from .dateline import parse_byline, parse_dateline, parse_url_line, url_date
from .lines import (
    ends_sentence,
    is_bare_number,
    is_bulleted,
    is_heading_like,
    is_paragraph,
    join_lines,
    line_key,
    shorten,
    split_lines,
    words,
)
from .rules import (
    is_breadcrumb,
    is_call_to_action,
    is_caption,
    is_code,
    is_more_link,
    is_related_heading,
    is_see_also,
    is_widget,
)
from .similarity import block_similarity
from .title import find_title

#: Teaser blocks less similar than this to the body are dropped even without other signals.
TEASER_MAX_SIMILARITY = 0.05
#: A trailing block with more items than this is part of the page, not a teaser list.
TEASER_MAX_ITEMS = 40
#: Repeated lines shorter than this (in words) are left to the other rules.
DUPLICATE_MIN_WORDS = 6


#: Rules that judge a line on its own, anywhere in the text.
LINE_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("widget", is_widget),
    ("code", is_code),
    ("caption", is_caption),
    ("call-to-action", is_call_to_action),
    ("more-link", is_more_link),
    ("see-also", is_see_also),
)


@dataclass
class Cleaned:
    """Result of :func:`clean_text`."""

    text: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    place: str | None = None
    published: str | None = None
    url: str | None = None  # a URL line at the top (its date is the last fallback of published)
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (rule, line) per drop


class _Doc:
    """Lines plus the set of dropped indices, with helpers over the kept ones."""

    def __init__(self, text: str) -> None:
        self.lines = split_lines(text)
        self.drop: dict[int, str] = {}  # dropped line -> rule that dropped it

    def mark(self, i: int, rule: str) -> None:
        self.drop.setdefault(i, rule)

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


def clean_text(
    text: str,
    title: str | None = None,
    title_in_text: bool = False,
    repeated: Collection[str] = (),
) -> Cleaned:
    """Remove page chrome from ``text``; metadata found on the way is returned alongside.

    ``repeated``: keys (:func:`.lines.line_key`) of lines found to be the site's chrome across
    the run's pages (:mod:`.repeated`); they go first, so the headline is looked for after them."""
    doc = _Doc(text)
    out = Cleaned(text="", title=title)
    if not doc.lines:
        return out
    moved: set[int] = set()  # lines turned into metadata rather than dropped as chrome
    if repeated:
        for i, ln in enumerate(doc.lines):
            if line_key(ln.text) in repeated:
                doc.mark(i, "repeated")

    for i in doc.top():  # the page's URL on a line of its own (before the title is looked for)
        if (url := parse_url_line(doc.text(i))) is not None:
            doc.mark(i, "url")
            moved.add(i)
            out.url = out.url or url
    if title_in_text and title is None:
        kept = doc.kept()
        at, skipped = find_title([doc.lines[i] for i in kept])
        for n in skipped:
            doc.mark(kept[n], "top-chrome")
        if at is not None:
            idx = kept[at]
            out.title = doc.text(idx)
            doc.mark(idx, "title")
            moved.add(idx)
    _top(doc, out, moved)
    out.published = out.published or url_date(out.url)
    for i in doc.kept():
        for name, rule in LINE_RULES:
            if rule(doc.text(i)):
                doc.mark(i, name)
                break
    _tail(doc)
    _duplicates(doc)
    kept = doc.kept()
    if not kept:  # cleaning must never destroy an article: keep the text as it came
        out.text = join_lines(doc.lines)
        return out
    out.text = join_lines([doc.lines[i] for i in kept])
    out.removed = [shorten(doc.text(i)) for i in sorted(doc.drop) if i not in moved]
    out.reasons = [(doc.drop[i], doc.text(i)) for i in sorted(doc.drop)]
    return out


def _top(doc: _Doc, out: Cleaned, moved: set[int]) -> None:
    """Breadcrumbs, repeated headline, byline and dateline before the first body paragraph."""
    top = doc.top()
    for n, i in enumerate(top):
        s = doc.text(i)
        nxt = doc.text(top[n + 1]) if n + 1 < len(top) else None
        headline = out.title or nxt
        repeated_title = bool(out.title) and line_key(s) == line_key(out.title or "")
        if repeated_title or is_breadcrumb(s, headline) or is_breadcrumb(s, nxt):
            doc.mark(i, "breadcrumb")
        elif (dl := parse_dateline(s)) is not None:
            doc.mark(i, "dateline")
            moved.add(i)
            out.place = out.place or (dl.place.split(",")[0].strip() if dl.place else None)
            out.published = out.published or dl.date
            for j in (top[n - 1] if n else None, nxt and top[n + 1]):
                if isinstance(j, int) and j not in doc.drop:
                    author = parse_byline(doc.text(j), beside_dateline=True)
                    if author:
                        out.author = out.author or author
                        doc.mark(j, "byline")
                        moved.add(j)
        elif (author := parse_byline(s)) is not None:
            out.author = out.author or author
            doc.mark(i, "byline")
            moved.add(i)


def _duplicates(doc: _Doc) -> None:
    """A line repeated verbatim keeps its last copy; a label over a dropped copy at the top goes."""
    last: dict[str, int] = {}
    for i in doc.kept():
        if len(words(doc.text(i))) >= DUPLICATE_MIN_WORDS:
            last[line_key(doc.text(i))] = i
    top = set(doc.top())
    for i in doc.kept():
        k = line_key(doc.text(i))
        if k in last and last[k] != i:
            doc.mark(i, "duplicate")
            prev = [j for j in doc.kept() if j < i]
            if prev and prev[-1] in top and is_heading_like(doc.text(prev[-1]), max_words=4):
                doc.mark(prev[-1], "duplicate-label")


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
                for i in kept[n:]:
                    doc.mark(i, "teasers")
                break
    while (kept := doc.kept()) and (
        (doc.text(kept[-1]).endswith(":") and is_heading_like(doc.text(kept[-1])))
        or is_related_heading(doc.text(kept[-1]))
        or is_bare_number(doc.text(kept[-1]))
    ):
        doc.mark(kept[-1], "trailing-heading")


def _is_teaser_block(doc: _Doc, before: list[int], block: list[int]) -> bool:
    """Heading plus teaser items at the end, marked as teasers or unrelated to the body.

    Items are headlines, bare counts, bullets, or a summary paragraph under a repeated headline
    (the "title, title again, summary, view count" shape of teaser lists).
    """
    heading, items = doc.text(block[0]), [doc.text(i) for i in block[1:]]
    if not items or len(items) > TEASER_MAX_ITEMS:
        return False
    keys = [line_key(s) for s in items]
    repeated = {k for k in keys if keys.count(k) > 1}
    for n, s in enumerate(items):
        if not _is_teaser_item(s) and not (n and keys[n - 1] in repeated):
            return False
    if is_related_heading(heading):
        return True
    if repeated and any(is_bare_number(s) for s in items):
        return True
    # No marker: only a list of headlines that share next to nothing with the body.
    if len(items) < 2 or not all(_is_headline(s) for s in [heading, *items]):
        return False
    return block_similarity(items, [doc.text(i) for i in before]) < TEASER_MAX_SIMILARITY


def _is_headline(s: str) -> bool:
    """A plain headline: not a list item or table row, not a sentence or a label."""
    if is_bulleted(s) or "|" in s or s.endswith(":") or ends_sentence(s):
        return False
    return 1 <= len(words(s)) <= 20
