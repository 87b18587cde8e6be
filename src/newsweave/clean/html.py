"""Main text and metadata of a raw HTML page (trafilatura, with htmldate for the date)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..errors import Code, InputError

#: trafilatura settings: tables kept (they often hold body text), comments dropped.
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "with_metadata": True,
}
#: htmldate settings: the original publication date, not the last modification.
DATE_OPTIONS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": True,
    "outputformat": "%Y-%m-%d",
}


@dataclass
class Page:
    """What a page yields: main text plus the metadata found in its markup."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def domain(url: str | None) -> str | None:
    """Host name of ``url`` without a leading ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def extract_page(html: str, url: str | None = None) -> Page:
    """Main text, title, author, date and outlet of ``html``.

    Raises :class:`InputError` (``E007``) when the page has no extractable main text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, date_extraction_params=DATE_OPTIONS, **EXTRACT_OPTIONS
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError(Code.NO_TEXT, "page has no extractable main text")
    assert doc is not None
    page_url = url or getattr(doc, "url", None) or None
    return Page(
        text=text,
        title=getattr(doc, "title", None) or None,
        author=getattr(doc, "author", None) or None,
        published=getattr(doc, "date", None) or None,
        outlet=getattr(doc, "sitename", None) or domain(page_url) or getattr(doc, "hostname", None),
        url=page_url,
    )
