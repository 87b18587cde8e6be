"""Readers (files, folders, archives, feeds, stdin) and report writers."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReadOptions:
    """How inputs are read."""

    field_map: dict[str, str] = field(default_factory=dict)  # contract field -> input field
    max_bytes: int = 200 * 1024 * 1024  # larger files are reported (E005), not read
    min_chars: int = 1  # records with less text than this are reported as empty
