"""Plain-text articles: the whole file is the text; the cleaning stage finds the title."""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import Code, InputError
from ...model import Article, Problem
from .. import ReadOptions
from .base import Blob, problem
from .decode import decode_bytes


def read_txt(blob: Blob, options: ReadOptions) -> Iterator[Article | Problem]:
    """One article per file; id is the file stem, ``title_in_text`` tells the cleaner."""
    if blob.truncated:
        yield blob.truncation_problem()
        return
    try:
        text, encoding = decode_bytes(blob.data)
    except InputError as exc:
        yield problem(blob.source, exc.code, exc.reason)
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text.strip()) < max(1, options.min_chars):
        yield problem(blob.source, Code.EMPTY, "file has no text")
        return
    yield Article(
        id=blob.stem,
        source=blob.source,
        text=text,
        title=None,
        ext={"newsweave": {"format": "txt", "title_in_text": True, "encoding": encoding}},
    )
