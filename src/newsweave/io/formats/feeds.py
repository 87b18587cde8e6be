"""RSS/Atom/RDF feeds (feedparser) and OPML subscription lists.

Each feed entry is an article. Entry content that is HTML is reduced to plain text here (a
feed's content is a fragment, not a page, so page extraction would throw most of it away).
An OPML file lists feeds: local ones (relative to the OPML file) are read, http(s) ones are
fetched (10 s timeout); a feed that cannot be had or parsed is one E010 problem.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ...errors import Code, InputError
from ...model import Article, Problem
from .. import ReadOptions
from .base import GZIP_MAGIC, Blob, gunzip, problem
from .records import normalize_date, record_to_article, url_domain

FETCH_TIMEOUT = 10.0
_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")
_BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # not parseable as HTML: strip tags the crude way
        return _MARKUP.sub(" ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_feed(blob: Blob, options: ReadOptions) -> Iterator[Article | Problem]:
    """Entries of an RSS/Atom/RDF feed; E010 when feedparser finds no feed at all."""
    import feedparser

    if blob.truncated:
        yield blob.truncation_problem()
        return
    parsed: Any = feedparser.parse(blob.data, sanitize_html=False, resolve_relative_uris=False)
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS/Atom feed found"
        yield problem(blob.source, Code.BAD_FEED, f"unparseable feed: {reason}")
        return
    if not entries:
        yield problem(blob.source, Code.EMPTY, "feed has no entries")
        return
    outlet = (feed.get("title") or "").strip() or None
    for i, entry in enumerate(entries, 1):
        yield _entry(entry, f"{blob.source}#{i}", i, outlet, options)


def _entry(
    entry: Any, source: str, number: int, outlet: str | None, options: ReadOptions
) -> Article | Problem:
    body = ""
    is_html = False
    for item in [*entry.get("content", []), entry.get("summary_detail") or {}]:
        value = (item.get("value") or "").strip()
        if value:
            body = value
            is_html = "html" in (item.get("type") or "") or bool(_MARKUP.search(value))
            break
    text = html_to_text(body) if is_html else body
    link = entry.get("link")
    guid = entry.get("id")
    record = {
        "id": guid if guid and not str(guid).startswith(("http://", "https://")) else None,
        "url": link,
        "title": entry.get("title"),
        "text": text,
        "outlet": outlet or url_domain(link),
        "published": entry.get("published") or entry.get("updated"),
        "author": entry.get("author"),
    }
    result = record_to_article(
        record,
        source=source,
        record_no=number,
        options=ReadOptions(min_chars=options.min_chars),  # our own keys: no field_map
        fmt="feed",
    )
    if isinstance(result, Article) and result.published is None:
        struct = entry.get("published_parsed") or entry.get("updated_parsed")
        if struct:  # feedparser understood a date format dateutil did not
            result.published = normalize_date(
                "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}+00:00".format(*struct[:6])
            )
    if isinstance(result, Article) and entry.get("language"):
        result.language = str(entry["language"]).lower()
    return result


Fetcher = Callable[[str, int], bytes]


def fetch_url(url: str, max_bytes: int) -> bytes:
    """GET ``url`` (10 s timeout, at most ``max_bytes``); raises OSError on failure."""
    req = urllib.request.Request(url, headers={"User-Agent": "newsweave feed reader"})
    with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT) as resp:
        data: bytes = resp.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise OSError(f"feed larger than --max-bytes ({max_bytes})")
    return data


def read_opml(
    blob: Blob, options: ReadOptions, fetch: Fetcher = fetch_url
) -> Iterator[Article | Problem]:
    """Every feed an OPML file lists, read (local path) or fetched (http/https)."""
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
        root = etree.fromstring(blob.data, parser)
    except etree.XMLSyntaxError as exc:
        yield problem(blob.source, Code.BAD_FEED, f"unparseable OPML: {exc}")
        return
    urls = [str(u).strip() for u in root.xpath("//outline/@xmlUrl") if str(u).strip()]
    if not urls:
        yield problem(blob.source, Code.EMPTY, "OPML lists no feeds (no outline with xmlUrl)")
        return
    base = blob.path.parent if blob.path else None
    for url in urls:
        yield from _opml_feed(url, base, options, fetch)


def _opml_feed(
    url: str, base: Path | None, options: ReadOptions, fetch: Fetcher
) -> Iterator[Article | Problem]:
    scheme = urlsplit(url).scheme.lower()
    try:
        if scheme in ("http", "https"):
            data = fetch(url, options.max_bytes)
            source, path = url, None
        else:
            local = Path(unquote(urlsplit(url).path)) if scheme == "file" else Path(url)
            path = local if local.is_absolute() or base is None else base / local
            source = str(path)
            if path.stat().st_size > options.max_bytes:
                yield problem(source, Code.TOO_LARGE, "feed larger than --max-bytes")
                return
            data = path.read_bytes()
    except (OSError, ValueError) as exc:
        yield problem(url, Code.BAD_FEED, f"feed could not be fetched: {exc}")
        return
    truncated = None
    if data.startswith(GZIP_MAGIC):
        try:
            data, truncated = gunzip(data, options.max_bytes)
        except InputError as exc:
            yield problem(source, exc.code, exc.reason)
            return
    yield from read_feed(Blob(source, data, path, ".xml", truncated), options)
