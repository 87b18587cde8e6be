"""Which reader a file needs, decided by its content first and its extension second."""

from __future__ import annotations

import re

#: Magic numbers of file types that are not articles (checked before the binary test).
UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
HTML_EXT = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_EXT = frozenset({".json", ".jsonl", ".ndjson"})
CSV_EXT = frozenset({".csv", ".tsv"})
TEXT_EXT = frozenset({".txt", ".text", ""})
FEED_EXT = frozenset({".xml", ".rss", ".atom", ".rdf", ".opml"})
WARC_EXT = frozenset({".warc", ".arc"})

_FIRST_TAG = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*(?:<!doctype\s+([a-z]+)[^>]*>\s*)?"
    r"(?:<!--.*?-->\s*)*<([a-z][\w:.-]*)",
    re.I | re.S,
)
_HTML_TAGS = frozenset(
    {"html", "head", "body", "div", "p", "span", "a", "table", "article", "section", "main"}
    | {"header", "nav", "title", "meta", "link", "script", "style", "ul", "ol", "li", "br"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "img", "form"}
)
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})


def unsupported_magic(head: bytes) -> str | None:
    """A name for a known non-article file type, or None."""
    for magic, name in UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            return name
    if head[257:262] == b"ustar":
        return "tar archive"
    return None


def sniff(head: str, ext: str) -> str:
    """Format of a text file from its first characters and extension.

    Returns one of ``txt html json csv feed opml warc`` or ``unsupported:<why>``.
    """
    body = head.lstrip("\ufeff \t\r\n")
    if body.startswith("WARC/"):
        return "warc"
    if body.startswith("<"):
        m = _FIRST_TAG.match(body)
        doctype = (m.group(1) or "").lower() if m else ""
        root = m.group(2).lower() if m else ""
        if doctype == "html" or root in _HTML_TAGS:
            return "html"
        if root in _FEED_ROOTS:
            return "feed"
        if root == "opml":
            return "opml"
        if ext in HTML_EXT or ext in TEXT_EXT:
            return "html" if ext in HTML_EXT else "txt"
        return f"unsupported:XML document with root <{root or '?'}>"
    looks_json = body.startswith(("{", "["))
    if ext in HTML_EXT:
        return "html"
    if ext in CSV_EXT:
        return "csv"
    if ext in JSON_EXT:
        return "json"
    if ext in FEED_EXT:
        return "opml" if ext == ".opml" else "feed"  # the reader reports it as unparseable
    if ext in WARC_EXT:
        return "warc"
    if ext in TEXT_EXT:
        return "json" if ext == "" and looks_json else "txt"
    if looks_json:
        return "json"
    return f"unsupported:file type {ext!r}"
