"""Cleaning stages (initial version; see clean/ modules for the real rules)."""

from __future__ import annotations

import unicodedata

from ..model import Article
from ..pipeline import Config, register


@register(
    "newsweave.clean.extract.v1", reads={"html", "text"}, writes={"text", "title", "published"}
)
def extract(article: Article, config: Config) -> Article:
    """Extract the main text, title and date of a raw HTML page (trafilatura, htmldate)."""
    if article.html and not article.text:
        import trafilatura

        article.text = trafilatura.extract(article.html) or ""
    return article


@register("newsweave.clean.normalize.v1", reads={"text"}, writes={"text"})
def normalize(article: Article, config: Config) -> Article:
    """Unicode NFC normalisation of text and title."""
    article.text = unicodedata.normalize("NFC", article.text)
    if article.title:
        article.title = unicodedata.normalize("NFC", article.title)
    return article


@register("newsweave.clean.chrome.v1", reads={"text"}, writes={"text", "removed"})
def chrome(article: Article, config: Config) -> Article:
    """Drop page chrome lines (breadcrumbs, comment forms, teasers)."""
    return article


@register("newsweave.clean.language.v1", reads={"text"}, writes={"language"})
def language(article: Article, config: Config) -> Article:
    """Identify the article's language (py3langid) unless the input gave one."""
    if not article.language:
        import py3langid

        article.language = str(py3langid.classify(article.text[:5000])[0])
    return article
