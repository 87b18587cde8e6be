"""Coded, actionable errors in one catalogue (after spaCy's ``errors.py``).

Every problem newsweave reports about input or configuration carries one of these codes, so a
user can look it up and a test can assert on it without matching free text.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Problem codes; the value is what appears in ``report.json`` ``problems[].code``."""

    EMPTY = "E001"  # file or record has no content
    BINARY = "E002"  # content is not text (NUL bytes, unknown magic)
    GZIP = "E003"  # truncated or corrupt gzip stream
    ENCODING = "E004"  # bytes could not be decoded even with legacy-encoding detection
    TOO_LARGE = "E005"  # file larger than --max-bytes
    BAD_JSON = "E006"  # malformed JSON line or document
    NO_TEXT = "E007"  # page or record had no extractable main text
    BAD_CSV = "E008"  # CSV without a text column or unreadable rows
    BAD_WARC = "E009"  # corrupt WARC archive
    BAD_FEED = "E010"  # RSS/Atom/OPML that could not be parsed
    UNSUPPORTED = "E011"  # file type newsweave does not read
    NOT_FOUND = "E012"  # input path does not exist
    STAGE_FAILED = "E013"  # a pipeline stage raised on this article
    DUPLICATE_ID = "E014"  # two records share an id; the later one got a suffix (warning)
    HEADLINE_ONLY = "E015"  # text not the headline's story; grouped by the headline (warning)
    STORED_UNREADABLE = "E016"  # a stored article could not be rebuilt for its story (warning)
    OTHER = "E099"


class NewsweaveError(Exception):
    """Base class for errors raised by newsweave's library API."""


class PipelineConfigError(NewsweaveError):
    """A pipeline was built from stages whose reads/writes do not line up."""


class UnknownStageError(NewsweaveError):
    """A stage name is not in the registry."""


class InputError(NewsweaveError):
    """An input could not be read; carries a :class:`Code`."""

    def __init__(self, code: Code, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class NotInstalledError(NewsweaveError, ImportError):
    """An optional extra is needed for this feature (after BERTopic's ``NotInstalled``), or
    (``extra=None``) a dependency of the base install is missing from the environment."""

    def __init__(self, what: str, extra: str | None) -> None:
        super().__init__(
            f"{what} needs the optional extra '{extra}': pip install 'newsweave[{extra}]'"
            if extra
            else f"{what} is not installed"
        )
        self.extra = extra
