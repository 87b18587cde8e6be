"""What every format reader gets: the input's bytes (gunzipped, size-capped) and its name."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import Code, InputError
from ...model import Problem

GZIP_MAGIC = b"\x1f\x8b"
_OUT_CHUNK = 8 << 20


@dataclass
class Blob:
    """One input file, read into memory (at most ``max_bytes`` after decompression)."""

    source: str  # the path as given, or a URL
    data: bytes
    path: Path | None = None  # None for fetched or stdin input
    ext: str = ""  # lowercased extension without .gz, e.g. ".jsonl"
    truncated: str | None = None  # why the gzip stream ended early, if it did

    @property
    def stem(self) -> str:
        """File name without extensions such as ``.html.gz``."""
        name = self.path.name if self.path else self.source.rstrip("/").rsplit("/", 1)[-1]
        lowered = name.lower()
        if lowered.endswith(".gz"):
            name = name[:-3]
        if self.ext and name.lower().endswith(self.ext):
            name = name[: -len(self.ext)]
        return name or self.source

    def truncation_problem(self, record: int | None = None) -> Problem:
        """The one problem that stands for everything after a gzip cut."""
        return Problem(
            source=self.source,
            reason=f"truncated gzip stream ({self.truncated}); the rest of the file is lost",
            record=record,
            code=Code.GZIP.value,
        )


def extension(name: str) -> str:
    """Lowercased last extension, ignoring a trailing ``.gz`` (``a.JSONL.gz`` -> ``.jsonl``)."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    base = lowered.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[-1] if "." in base.lstrip(".") else ""


def gunzip(data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """Decompress (possibly multi-member) gzip ``data``; returns ``(bytes, truncation_reason)``.

    A truncated or corrupt stream keeps everything decoded before the cut. Output beyond
    ``max_bytes`` raises E005, so a gzip bomb is never held in memory.
    """
    out: list[bytes] = []
    size = 0
    rest = data
    while rest:
        dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            for chunk in _decompress_chunks(dec, rest):
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(
                        Code.TOO_LARGE, f"decompressed size exceeds --max-bytes ({max_bytes})"
                    )
                out.append(chunk)
        except zlib.error as exc:
            return b"".join(out), f"corrupt data: {exc}"
        if not dec.eof:
            return b"".join(out), "stream ends before the end-of-stream marker"
        rest = dec.unused_data.lstrip(b"\x00")  # members may be padded with NULs
        if rest and not rest.startswith(GZIP_MAGIC):
            return b"".join(out), "trailing garbage after the gzip stream"
    return b"".join(out), None


def _decompress_chunks(dec: zlib._Decompress, data: bytes) -> Iterator[bytes]:
    # The whole member is fed at once (so ``unused_data`` holds the next member) while
    # ``max_length`` bounds each output piece, so the size cap is checked as we go.
    piece = dec.decompress(data, _OUT_CHUNK)
    while True:
        if piece:
            yield piece
        if dec.eof or not dec.unconsumed_tail:
            break
        piece = dec.decompress(dec.unconsumed_tail, _OUT_CHUNK)
    if not dec.eof:
        tail = dec.flush()
        if tail:
            yield tail


def problem(source: str, code: Code, reason: str, record: str | int | None = None) -> Problem:
    """A :class:`Problem` with a catalogue code."""
    return Problem(source=source, reason=reason, record=record, code=code.value)


@dataclass
class ReadStats:
    """What was seen but is not a record: e.g. WARC request/metadata/non-HTML records.

    These are not articles, so they yield neither an Article nor a Problem; they are counted
    here (per source and reason) so a caller can show them without breaking
    ``read == articles + problems``.
    """

    skipped: dict[str, dict[str, int]] = field(default_factory=dict)

    def skip(self, source: str, reason: str) -> None:
        """Count one skipped non-record in ``source``."""
        per = self.skipped.setdefault(source, {})
        per[reason] = per.get(reason, 0) + 1

    @property
    def total_skipped(self) -> int:
        return sum(n for per in self.skipped.values() for n in per.values())
