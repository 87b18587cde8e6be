"""CSV and TSV files with a header row of contract field names (one article per row)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from ...errors import Code, InputError
from ...model import Article, Problem
from .. import ReadOptions
from .base import Blob, problem
from .decode import decode_bytes
from .records import ALIASES, record_to_article

_DELIMITERS = ",;\t|"


def _raise_field_limit() -> None:
    # Article bodies easily exceed csv's 128 KB default field limit.
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _dialect(text: str, ext: str, options: ReadOptions) -> type[csv.Dialect] | csv.Dialect:
    """csv's sniffed dialect, checked against the header line.

    The sniffer guesses from character counts, which long article bodies full of commas can
    fool: a delimiter that splits the header into a text column is preferred, and a header
    with no delimiter at all means one column, so rows are not split.
    """
    if ext == ".tsv":
        return csv.excel_tab
    try:
        sniffed: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:65536], delimiters=_DELIMITERS
        )
    except csv.Error:
        sniffed = csv.excel
    header = text.split("\n", 1)[0]
    present = [d for d in (sniffed.delimiter, *_DELIMITERS) if d in header]
    if not present:
        return _with_delimiter("\x1f")  # unit separator: never in text, so one field per row
    for delimiter in present:
        names = [h.strip().strip('"') for h in header.split(delimiter)]
        if _has_column(names, "text", options) or _has_column(names, "html", options):
            return sniffed if delimiter == sniffed.delimiter else _with_delimiter(delimiter)
    return sniffed


def _with_delimiter(delimiter: str) -> type[csv.Dialect]:
    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def read_csv(blob: Blob, options: ReadOptions) -> Iterator[Article | Problem]:
    """Rows as records; E008 when no column holds text or html, or a row is unreadable."""
    _raise_field_limit()
    try:
        text, _ = decode_bytes(blob.data)
    except InputError as exc:
        yield problem(blob.source, exc.code, exc.reason)
        return
    if blob.truncated:  # the last line may be cut mid-row: drop it, report the cut below
        text = text.rsplit("\n", 1)[0] if "\n" in text else ""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text, blob.ext, options))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield problem(blob.source, Code.BAD_CSV, f"unreadable header: {exc}")
        return
    if not header or not any(h.strip() for h in header):
        yield problem(blob.source, Code.EMPTY, "CSV file has no header row")
        return
    names = [h.strip() for h in header]
    if not _has_column(names, "text", options) and not _has_column(names, "html", options):
        wanted = options.field_map.get("text") or "/".join(ALIASES["text"])
        yield problem(
            blob.source, Code.BAD_CSV, f"no text column ({wanted}) in header: {', '.join(names)}"
        )
        return
    rows = 0
    while True:
        lineno = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield problem(blob.source, Code.BAD_CSV, f"unreadable row, rest skipped: {exc}", lineno)
            return
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        record: dict[str, str] = {}
        for name, cell in zip(names, row, strict=False):
            if cell != "":
                record[name] = cell
                record.setdefault(name.lower(), cell)  # "Text" or "TITLE" headers work too
        yield record_to_article(
            record, source=f"{blob.source}#{lineno}", record_no=lineno, options=options, fmt="csv"
        )
    if blob.truncated:
        yield blob.truncation_problem(reader.line_num + 1)
    elif rows == 0:
        yield problem(blob.source, Code.EMPTY, "CSV file has a header but no rows")


def _has_column(names: list[str], contract: str, options: ReadOptions) -> bool:
    mapped = options.field_map.get(contract)
    wanted = (mapped, *ALIASES[contract]) if mapped else ALIASES[contract]
    present = set(names) | {n.lower() for n in names}
    return any(w in present for w in wanted)
