"""JSON documents and JSON lines.

A ``.json`` file holds one record, a list of records, or an object with an ``articles``,
``items``, ``data``, ``records`` or ``documents`` list. A JSON-lines file (or stdin) holds one
record per line; each malformed line is its own E006 problem and the good lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ...errors import Code, InputError
from ...model import Article, Problem
from .. import ReadOptions
from .base import Blob, problem
from .decode import decode_bytes
from .records import record_to_article

LIST_KEYS = ("articles", "items", "data", "records", "documents")


def read_json(blob: Blob, options: ReadOptions) -> Iterator[Article | Problem]:
    """A JSON document, or JSON lines when the file is ``.jsonl`` or holds several documents."""
    if blob.ext in (".jsonl", ".ndjson") or _is_json_lines(blob.data):
        yield from read_jsonl(blob, options)
        return
    if blob.truncated:
        yield blob.truncation_problem()
        return
    try:
        text, _ = decode_bytes(blob.data)
        doc = json.loads(text)
    except InputError as exc:
        yield problem(blob.source, exc.code, exc.reason)
        return
    except json.JSONDecodeError as exc:
        yield problem(blob.source, Code.BAD_JSON, f"malformed JSON: {exc}")
        return
    records = _records_of(doc)
    if records is None:  # a single record: the file is one article
        yield _one(doc, blob.source, None, options, "json", stem=blob.stem)
        return
    if not records:
        yield problem(blob.source, Code.EMPTY, "JSON document holds no records")
        return
    for i, rec in enumerate(records, 1):
        yield _one(rec, f"{blob.source}#{i}", i, options, "json")


def read_jsonl(blob: Blob, options: ReadOptions) -> Iterator[Article | Problem]:
    """One record per line; a gzip cut drops the partial last line and adds one E003."""
    lines = blob.data.split(b"\n")
    cut_line: int | None = None
    if blob.truncated:
        cut_line = len(lines)  # the last piece was cut mid-record (or is empty)
        lines = lines[:-1]
    seen = False
    for item in iter_lines(enumerate(lines, 1), blob.source, options):
        seen = True
        yield item
    if cut_line is not None:
        yield blob.truncation_problem(cut_line)
    elif not seen:
        yield problem(blob.source, Code.EMPTY, "no JSON lines in file")


def iter_lines(
    numbered: Iterable[tuple[int, bytes]], source: str, options: ReadOptions
) -> Iterator[Article | Problem]:
    """Parse numbered raw lines (blank lines are not records)."""
    for lineno, raw in numbered:
        raw = raw.strip()
        if not raw:
            continue
        where = f"{source}#{lineno}"
        try:
            text, _ = decode_bytes(raw)
            rec = json.loads(text)
        except InputError as exc:
            yield problem(source, exc.code, exc.reason, lineno)
            continue
        except json.JSONDecodeError as exc:
            reason = f"malformed JSON line: {exc.msg} (column {exc.colno})"
            yield problem(source, Code.BAD_JSON, reason, lineno)
            continue
        yield _one(rec, where, lineno, options, "jsonl")


def _one(
    rec: Any,
    source: str,
    record_no: int | None,
    options: ReadOptions,
    fmt: str,
    stem: str | None = None,
) -> Article | Problem:
    if not isinstance(rec, Mapping):
        return problem(
            source,
            Code.BAD_JSON,
            f"record is a JSON {type(rec).__name__}, not an object",
            record_no,
        )
    return record_to_article(
        rec, source=source, record_no=record_no, options=options, fmt=fmt, stem=stem
    )


def _records_of(doc: Any) -> list[Any] | None:
    """The record list of a document, or None when the document is a single record."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, Mapping):
        for key in LIST_KEYS:
            value = doc.get(key)
            if isinstance(value, list) and (not value or isinstance(value[0], Mapping)):
                return value
        return None
    return [doc]  # a bare scalar: reported as a non-object record


def _is_json_lines(data: bytes) -> bool:
    """True when the first non-blank line is a whole JSON object and more lines follow."""
    stripped = data.lstrip()
    if not stripped.startswith(b"{"):
        return False
    first, _, rest = stripped.partition(b"\n")
    if not rest.strip():
        return False
    try:
        json.loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return True
