"""Web archives (WARC, optionally gzipped): each HTML page captured with status 200 is an article.

Accounting: only ``response`` (HTTP 200) and ``resource`` records whose content type is HTML
are records. Everything else in an archive (``warcinfo``, ``request``, ``metadata``,
``revisit``, redirects, images, scripts) is not an article and not an input error, so it
yields nothing; it is counted in :class:`~newsweave.io.formats.base.ReadStats` instead, per
file and reason. An archive with no HTML page at all yields one E007 problem so it is never
silently empty. A record cut short (truncated gzip or file) becomes E003 (gzip) or E009.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from ...errors import Code, InputError
from ...model import Article, Problem
from .. import ReadOptions
from .base import Blob, ReadStats, problem
from .decode import codec_name, declared_charset, decode_bytes
from .html import html_article
from .records import canonical_url, normalize_date, short_hash

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    blob: Blob, options: ReadOptions, stats: ReadStats | None = None
) -> Iterator[Article | Problem]:
    """HTML pages of a WARC archive (``blob.data`` is already gunzipped)."""
    from warcio.archiveiterator import ArchiveIterator

    stats = stats or ReadStats()
    data = blob.data
    cut_code = Code.GZIP if blob.truncated else Code.BAD_WARC
    end = 0  # where the last complete record ended
    pages = 0
    number = 0
    iterator = ArchiveIterator(io.BytesIO(data))
    try:
        for record in iterator:
            number += 1
            if record.rec_type is None:
                yield problem(blob.source, Code.BAD_WARC, "unreadable WARC record header", number)
                return
            kind = _page_kind(record)
            page = None if kind else _page(record, blob.source, number)
            # Only now (the body is read): asking for the offset reads the record to its end.
            offset = iterator.get_record_offset()
            head_end = data.find(b"\r\n\r\n", offset)
            record_end = (head_end + 4 if head_end >= 0 else len(data) + 1) + (record.length or 0)
            if record_end > len(data):
                yield problem(
                    blob.source, cut_code, "WARC record cut short; the rest is lost", number
                )
                return
            end = record_end
            if page is None:
                stats.skip(blob.source, kind or "")
                continue
            pages += 1
            yield page
    except Exception as exc:  # warcio raises many types on corrupt input
        yield problem(blob.source, cut_code, f"corrupt WARC: {type(exc).__name__}: {exc}", number)
        return
    if data[end:].strip(b"\r\n\x00 "):
        yield problem(
            blob.source, cut_code, "unreadable data after the last complete WARC record", number + 1
        )
    elif blob.truncated:
        yield blob.truncation_problem(number + 1)
    elif pages == 0:
        skipped = sum(stats.skipped.get(blob.source, {}).values())
        yield problem(
            blob.source, Code.NO_TEXT, f"WARC holds no HTML pages ({skipped} other records)"
        )


def _page_kind(record: object) -> str | None:
    """None for an HTML page; else why the record is not an article."""
    rec_type = getattr(record, "rec_type", None)
    if rec_type == "response":
        http = getattr(record, "http_headers", None)
        if http is None:
            return "response without HTTP headers"
        status = http.get_statuscode()
        if status != "200":
            return f"HTTP status {status}"
        ctype = (http.get_header("Content-Type") or "").lower()
    elif rec_type == "resource":
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()  # type: ignore[attr-defined]
    else:
        return f"{rec_type} record"
    if not ctype.startswith(_HTML_TYPES):
        return f"not HTML ({ctype.split(';')[0] or 'no content type'})"
    return None


def _page(record: object, source: str, number: int) -> Article | Problem:
    rec_headers = record.rec_headers  # type: ignore[attr-defined]
    url = (rec_headers.get_header("WARC-Target-URI") or "").strip() or None
    where = url or source
    body: bytes = record.content_stream().read()  # type: ignore[attr-defined]
    if not body.strip():
        return problem(where, Code.EMPTY, "HTML page is empty", number)
    http = getattr(record, "http_headers", None)
    ctype = (http.get_header("Content-Type") if http else None) or ""
    declared = None
    if "charset=" in ctype.lower():
        declared = codec_name(ctype.lower().split("charset=", 1)[1].split(";")[0])
    try:
        html, encoding = decode_bytes(body, declared or declared_charset(body))
    except InputError as exc:
        return problem(where, exc.code, exc.reason, number)
    meta: dict[str, object] = {"encoding": encoding, "warc_record": number}
    warc_date = normalize_date(rec_headers.get_header("WARC-Date"))
    article = html_article(
        html,
        source=where,
        article_id=short_hash(canonical_url(url)) if url else short_hash(html),
        url=url,
        meta=meta,
    )
    if warc_date:  # capture time: a fallback; the cleaning stage may find the real date
        article.published = warc_date
        article.ext["newsweave"]["published_source"] = "warc-date"
    return article
