"""The cleaning stages: extract (HTML pages), normalize, chrome, language."""

from __future__ import annotations

from pathlib import Path

from ..model import Article
from ..pipeline import Config, register
from .chrome import clean_text
from .dateline import url_date
from .html import domain, extract_page
from .language import identify
from .repeated import HINT, mark_repeated
from .unicode import normalize_text

NS = "newsweave"  # key of newsweave's own entries in Article.ext
#: Where the pages of earlier runs are kept for :func:`find_repeated` (in ``Config.state_dir``).
MEMORY_FILE = "repeated_lines.json.gz"
#: Input formats with one article per file, whose path may carry its date ("2011-01-26/x.txt").
ONE_PER_FILE = frozenset({"txt", "html"})


@register(
    "newsweave.clean.extract.v1",
    reads={"html", "text"},
    writes={"text", "title", "published", "outlet", "author", "url"},
)
def extract(article: Article, config: Config) -> Article:
    """Extract the main text, title, date, author and outlet of a raw HTML page."""
    if article.html and not article.text.strip():
        page = extract_page(article.html, article.url)
        article.text = page.text
        article.title = article.title or page.title
        # A WARC capture date is only a fallback: the page's own date is the publication date.
        captured = article.ext.get("newsweave", {}).get("published_source") == "warc-date"
        article.published = (
            (page.published or article.published)
            if captured
            else (article.published or page.published)
        )
        article.author = article.author or page.author
        article.outlet = article.outlet or page.outlet
        article.url = article.url or page.url
    if not article.outlet:
        article.outlet = domain(article.url)
    return article


@register("newsweave.clean.normalize.v1", reads={"text"}, writes={"text", "title"})
def normalize(article: Article, config: Config) -> Article:
    """Unicode NFC, unified spaces and newlines, soft hyphens dropped (quotes kept)."""
    article.text = normalize_text(article.text)
    if article.title:
        article.title = normalize_text(article.title).replace("\n", " ")
    return article


def find_repeated(articles: list[Article], config: Config) -> None:
    """Over the whole run: note on each plain-text article the lines its site repeats across
    unrelated pages (:mod:`.repeated`), for :func:`chrome` to drop."""
    memory = Path(config.state_dir) / MEMORY_FILE if config.state_dir else None
    mark_repeated(articles, memory)


@register(
    "newsweave.clean.chrome.v1",
    reads={"text"},
    writes={"text", "removed", "title", "published", "place", "author", "url", "outlet"},
    prepare=find_repeated,
)
def chrome(article: Article, config: Config) -> Article:
    """Drop page chrome (and the lines its site repeats across unrelated pages, found over the
    run); move headline, byline, dateline and URL line into metadata (the date falls back to one
    in the file's path)."""
    ns = article.ext.setdefault(NS, {})
    repeated = ns.pop(HINT, ())
    res = clean_text(article.text, article.title, bool(ns.get("title_in_text")), set(repeated))
    article.text = res.text
    article.removed.extend(res.removed)
    article.title = res.title
    # The date of last resort: a date in the file's path (archives kept by day), as htmldate
    # reads it in URLs; a dateline or the page's URL in the text comes first.
    by_path = url_date(article.source) if ns.get("format") in ONE_PER_FILE else None
    article.published = article.published or res.published or by_path
    article.place = article.place or res.place
    article.author = article.author or res.author
    article.url = article.url or res.url
    article.outlet = article.outlet or domain(article.url)
    return article


@register("newsweave.clean.language.v1", reads={"text"}, writes={"language"})
def language(article: Article, config: Config) -> Article:
    """Identify the article's language (py3langid) unless the input gave one."""
    if not article.language:
        lang, prob = identify(article.text)
        article.language = lang
        article.ext.setdefault(NS, {})["language_confidence"] = round(prob, 4)
    return article
