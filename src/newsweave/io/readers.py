"""Read inputs (files, folders, ``-`` for JSONL on stdin) into articles, or problems.

Every input record yields exactly one :class:`~newsweave.model.Article` or one
:class:`~newsweave.model.Problem`; nothing ends the run. A file's format is chosen by its
content first (gzip magic, ``WARC/`` header, XML root ``rss``/``feed``/``RDF``/``opml``, HTML
markup, JSON) and its extension second; see :mod:`newsweave.io.formats.sniff`.

File-level problems (one per file): missing path (E012), empty (E001), binary (E002), larger
than ``max_bytes`` (E005, never read into memory), known non-article type (E011). The format
readers in :mod:`newsweave.io.formats` report record-level problems. Non-article records in
WARC archives are counted in a :class:`ReadStats` passed as ``stats`` (see
:mod:`newsweave.io.formats.warc`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..errors import Code, InputError
from ..model import Article, Problem
from . import ReadOptions
from .formats.base import GZIP_MAGIC, Blob, ReadStats, extension, gunzip, problem
from .formats.csvfmt import read_csv
from .formats.decode import looks_binary, sniff_head
from .formats.feeds import read_feed, read_opml
from .formats.html import read_html
from .formats.jsonfmt import iter_lines, read_json
from .formats.sniff import sniff, unsupported_magic
from .formats.text import read_txt
from .formats.warc import read_warc

__all__ = ["ReadStats", "iter_files", "read_inputs", "read_path", "read_stdin"]

Reader = Callable[[Blob, ReadOptions], Iterator[Article | Problem]]
READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "json": read_json,
    "csv": read_csv,
    "feed": read_feed,
    "opml": read_opml,
}
_HEAD = 8192


def read_inputs(
    inputs: Sequence[str], options: ReadOptions, stats: ReadStats | None = None
) -> Iterator[Article | Problem]:
    """Articles and problems from every input, in order (folders sorted, hidden files skipped)."""
    stats = stats if stats is not None else ReadStats()
    for given in inputs:
        if given == "-":
            yield from _guarded("<stdin>", read_stdin(options))
            continue
        path = Path(given)
        if path.is_dir():
            files = list(iter_files(path))
            if not files:
                yield problem(given, Code.EMPTY, "folder holds no (non-hidden) files")
            for file in files:
                yield from _guarded(str(file), read_path(file, options, stats))
        else:
            yield from _guarded(given, read_path(path, options, stats))


def iter_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, sorted by name; hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_stdin(options: ReadOptions) -> Iterator[Article | Problem]:
    """JSON lines from standard input, streamed (source ``<stdin>#LINE``)."""
    yield from iter_lines(enumerate(sys.stdin.buffer, 1), "<stdin>", options)


def read_path(
    path: Path, options: ReadOptions, stats: ReadStats | None = None
) -> Iterator[Article | Problem]:
    """Records of one file (not a folder)."""
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield problem(source, Code.NOT_FOUND, "no such file or folder")
        return
    except OSError as exc:
        yield problem(source, Code.OTHER, f"cannot read: {exc.strerror or exc}")
        return
    if size > options.max_bytes:
        yield problem(
            source, Code.TOO_LARGE, f"file is {size} bytes, over --max-bytes ({options.max_bytes})"
        )
        return
    if size == 0:
        yield problem(source, Code.EMPTY, "file is empty")
        return
    try:
        raw = path.read_bytes()
        blob = _blob(source, raw, path, options)
    except InputError as exc:
        yield problem(source, exc.code, exc.reason)
        return
    except OSError as exc:
        yield problem(source, Code.OTHER, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_blob(blob, options, stats)


def read_blob(
    blob: Blob, options: ReadOptions, stats: ReadStats | None = None
) -> Iterator[Article | Problem]:
    """Records of in-memory content (already gunzipped), format sniffed."""
    head = blob.data[:_HEAD]
    if not blob.data.strip():
        if blob.truncated:
            yield blob.truncation_problem()
        else:
            yield problem(blob.source, Code.EMPTY, "file has no content")
        return
    kind = unsupported_magic(head)
    if kind:
        yield problem(blob.source, Code.UNSUPPORTED, f"unsupported file type: {kind}")
        return
    if head.startswith(b"WARC/"):
        yield from read_warc(blob, options, stats)
        return
    if looks_binary(head):
        yield problem(blob.source, Code.BINARY, "binary content, not text")
        return
    fmt = sniff(sniff_head(head), blob.ext)
    if fmt == "warc":
        yield from read_warc(blob, options, stats)
    elif fmt in READERS:
        yield from READERS[fmt](blob, options)
    else:
        why = fmt.partition(":")[2]
        yield problem(blob.source, Code.UNSUPPORTED, f"unsupported: {why}")


def _blob(source: str, raw: bytes, path: Path | None, options: ReadOptions) -> Blob:
    truncated = None
    if raw.startswith(GZIP_MAGIC):
        raw, truncated = gunzip(raw, options.max_bytes)
    return Blob(source, raw, path, extension(source), truncated)


def _guarded(source: str, records: Iterator[Article | Problem]) -> Iterator[Article | Problem]:
    """Pass records through; an unexpected error becomes one E099 problem, and the run goes on."""
    try:
        yield from records
    except Exception as exc:  # a reader bug must not end the run: report it
        yield problem(source, Code.OTHER, f"reader failed: {type(exc).__name__}: {exc}")
