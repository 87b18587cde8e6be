"""newsweave: from a heap of news articles to stories you can trust."""

from __future__ import annotations

__version__ = "0.1.0"

from .model import Article, Report

__all__ = ["Article", "Report", "__version__"]
