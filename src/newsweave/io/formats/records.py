"""Structured records (JSON, CSV, feeds) to articles: field names, ids, outlets and dates.

Field names follow the report contract; ``ReadOptions.field_map`` maps a contract field to the
input's own name, and a dotted name (``source.name``) reaches into nested objects.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from ...errors import Code
from ...model import Article, Problem
from .. import ReadOptions
from .base import problem

#: Input names tried for each contract field, in order (a ``field_map`` entry comes first).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "url": ("url", "link"),
    "outlet": ("outlet", "source_domain", "publisher"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "maintext"),
    "published": ("published", "date", "date_publish", "date_published", "published_at"),
    "language": ("language", "lang"),
    "html": ("html", "raw_html"),
    "author": ("author", "authors", "byline"),
}
_YEAR = re.compile(r"(?<!\d)(1[89]|2[01])\d\d(?!\d)")
_TIME = re.compile(r"\d{1,2}:\d{2}")


def lookup(record: Mapping[str, Any], name: str) -> Any:
    """Value of ``name`` in ``record``; dotted names reach into nested mappings."""
    if name in record:
        return record[name]
    current: Any = record
    for part in name.split("."):
        if not isinstance(current, Mapping) or part not in current:
            return None
        current = current[part]
    return current


def field(record: Mapping[str, Any], contract: str, options: ReadOptions) -> Any:
    """The first non-empty value for ``contract`` field (mapped name first, then aliases)."""
    names: tuple[str, ...] = ALIASES.get(contract, (contract,))
    mapped = options.field_map.get(contract)
    if mapped:
        names = (mapped, *names)  # the mapped name wins; defaults still apply to other files
    for name in names:
        value = lookup(record, name)
        if value not in (None, "", [], {}):
            return value
    return None


def as_text(value: Any) -> str | None:
    """A string from a scalar or a list of strings (paragraphs joined by blank lines)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [as_text(v) for v in value]
        return "\n\n".join(p for p in parts if p) or None
    if isinstance(value, Mapping):
        return None
    return str(value)


def canonical_url(url: str) -> str:
    """URL normalised for hashing: lowercased host, no fragment, no tracking (utm_*) params."""
    from courlan import normalize_url

    try:
        norm = normalize_url(url.strip())
    except Exception:  # courlan rejects some odd URLs; hash the plain string then
        norm = url.strip()
    return norm.split("#", 1)[0]


def url_domain(url: str | None) -> str | None:
    """The URL's host without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def short_hash(text: str) -> str:
    """First 16 hex digits of the SHA-1 of ``text``: a stable id."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def stable_id(given: Any, *, stem: str | None, url: str | None, content: str | None) -> str:
    """Input id, else file stem, else hash of the canonical URL, else hash of the content."""
    if given not in (None, ""):
        return str(given).strip()
    if stem:
        return stem
    if url:
        return short_hash(canonical_url(url))
    return short_hash(content or "")


def normalize_date(value: Any) -> str | None:
    """ISO date (or datetime when a time is given) from a string or epoch number, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not _YEAR.search(text):  # dateutil fills missing parts from today; demand a year
        return None
    from dateutil import parser

    try:
        parsed = parser.parse(text)
    except (ValueError, OverflowError, parser.ParserError):
        return None
    if _TIME.search(text):
        return parsed.isoformat()
    return parsed.date().isoformat()


def record_to_article(
    record: Mapping[str, Any],
    *,
    source: str,
    record_no: int | None,
    options: ReadOptions,
    fmt: str,
    stem: str | None = None,
) -> Article | Problem:
    """One input record as an Article, or a Problem (E007) when it has no text and no html.

    ``stem`` is the file stem, used as the id only for single-article files.
    """
    text = as_text(field(record, "text", options))
    html = as_text(field(record, "html", options))
    url = as_text(field(record, "url", options))
    if not (text and text.strip()) and not (html and html.strip()):
        return problem(source, Code.NO_TEXT, "record has no text and no html", record_no)
    if text and html is None and len(text.strip()) < options.min_chars:
        return problem(
            source, Code.EMPTY, f"text shorter than {options.min_chars} characters", record_no
        )
    meta: dict[str, Any] = {"format": fmt}
    raw_date = field(record, "published", options)
    published = normalize_date(raw_date)
    if raw_date is not None and published is None:
        meta["published_raw"] = str(raw_date)
        meta["published_unparsed"] = True
    has_text = bool(text and text.strip())
    article = Article(
        id=stable_id(
            field(record, "id", options), stem=stem, url=url, content=text if has_text else html
        ),
        source=source,
        text=text if has_text and text else "",
        title=(as_text(field(record, "title", options)) or "").strip() or None,
        url=url.strip() if url else None,
        outlet=(as_text(field(record, "outlet", options)) or "").strip() or url_domain(url),
        published=published,
        language=(as_text(field(record, "language", options)) or "").strip().lower() or None,
        author=_author(field(record, "author", options)),
        html=None if has_text else html,
        ext={"newsweave": meta},
    )
    return article


def _author(value: Any) -> str | None:
    if isinstance(value, list):
        value = ", ".join(a for a in (as_text(v) for v in value) if a)
    text = (as_text(value) or "").strip()
    return text or None
