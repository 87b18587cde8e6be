"""Web pages: the raw page goes to ``article.html``; the cleaning stage extracts the text.

The reader only decodes the page (declared charset, else detection) and reads the canonical
URL (``<link rel=canonical>`` or ``og:url``) so ids and outlets can come from it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import Code, InputError
from ...model import Article, Problem
from .. import ReadOptions
from .base import Blob, problem
from .decode import declared_charset, decode_bytes


def page_url(html: str) -> str | None:
    """The page's canonical URL or og:url, when it declares an absolute http(s) one."""
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(html[:200_000].encode("utf-8", "replace"))
    except Exception:  # lxml refuses some fragments; a page without a URL is fine
        return None
    found = doc.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
        " | //meta[@property='og:url']/@content"
    )
    for href in found:
        href = str(href).strip()
        if href.startswith(("http://", "https://")):
            return href
    return None


def html_article(
    html: str, *, source: str, article_id: str, url: str | None, meta: dict[str, object]
) -> Article:
    """An article carrying a raw page for the cleaning stage."""
    url = url or page_url(html)
    return Article(
        id=article_id,
        source=source,
        text="",
        url=url,
        outlet=None,  # the cleaning stage prefers the page's site name, then the URL's domain
        html=html,
        ext={"newsweave": {"format": "html", **meta}},
    )


def read_html(blob: Blob, options: ReadOptions) -> Iterator[Article | Problem]:
    """One article per page file; id is the file stem."""
    if blob.truncated:
        yield blob.truncation_problem()
        return
    try:
        html, encoding = decode_bytes(blob.data, declared_charset(blob.data))
    except InputError as exc:
        yield problem(blob.source, exc.code, exc.reason)
        return
    if not html.strip():
        yield problem(blob.source, Code.EMPTY, "page is empty")
        return
    yield html_article(
        html, source=blob.source, article_id=blob.stem, url=None, meta={"encoding": encoding}
    )
