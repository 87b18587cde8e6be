"""Lines a site repeats across unrelated pages, found over a whole run before per-page cleaning.

A scraped plain-text page keeps its site's chrome: menus, "most read" teasers of other stories,
cookie and comment notices, copyright footers. One page at a time, a teaser headline looks like
any headline. Across pages it shows: the same line in many pages of one site whose stories are
otherwise unrelated. A line repeated across *related* pages belongs to the story (a wire copy's
paragraphs, a quoted tweet, a background sentence every article of a campaign carries) and stays.

The rule, for each site (the article's outlet, else its URL's domain; pages with neither form
one pool):

1. a line is a candidate when at least ``MIN_PAGES`` pages hold it;
2. the pages holding it are compared on the rest of their text (TF-IDF without each page's
   language's stop words, candidate lines left out); the line is chrome when their mean cosine is
   under ``MAX_RELATEDNESS``;
3. a page keeps a chrome line that its own text tells (``TOLD``: most of the line's words are in
   the page's other lines), as the one story a teaser list names is the page's own.

Measured on the labelled sets (``benchmarks/repeated_lines.py``, the unit tests): on 498 of
ML-Crisis's 791 scraped pages, 4,294 lines (351 distinct; 6.3% of the characters) go: site menus,
Cuban and Spanish teaser lists, a 2020 COVID teaser on pages of 2011, cookie and comment notices.
On the news sets only chrome goes: giveme5w1h 13 lines ("Advertisement Continue reading the main
story", the AP copyright line, "Scroll down for video"), PolNeAR 17 ("Abstract.", "Full
text.", author plugs, an editor's note one outlet put under every article on a candidate), ECB+
none. The lines ECB+'s wire copies share (mean cosine 0.40 to 0.81), a background sentence
four campaign articles carry (0.46) and a tweet four articles quote (0.28) stay.

Hand-written: boilerplate tools (trafilatura, jusText) judge one HTML page at a time, and the
site-level template detection of the literature (Bar-Yossef & Rajagopalan, WWW 2002) has no
maintained Python package; this must work on plain text. The vectors are scikit-learn's.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from ..model import Article
from ..stopwords import stop_words
from .html import domain
from .language import identify
from .lines import line_key
from .unicode import normalize_text

#: Pages of a site that must hold a line before it can be chrome.
MIN_PAGES = 4
#: Mean cosine of the pages holding a line above which they are one story's (and the line its).
#: Chrome measured 0.03-0.15, lines shared by wire copies and a story's articles 0.25-0.94.
MAX_RELATEDNESS = 0.15
#: Pages compared per line (evenly spread over them, so the result does not depend on chance).
SAMPLE = 40
#: A page keeps a chrome line when this share of the line's words (at least ``TOLD_MIN_WORDS``)
#: is in its other lines.
TOLD = 0.6
TOLD_MIN_WORDS = 4
#: Characters of a page its language is told from (for its stop words; enough for that).
LANGUAGE_CHARS = 1000
#: Pages of earlier runs remembered for a feed's next runs (``mark_repeated``'s ``memory``).
RECENT = 2000
FORMAT = "newsweave.repeated-lines.v1"
#: Where the hint for the chrome stage is kept in ``Article.ext["newsweave"]``.
HINT = "repeated_lines"

_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass
class _Page:
    """A page's site and distinct line hashes; its lines are read again when needed (holding
    them for every page of a big run would copy its whole text)."""

    article: Article | None  # None: a page of an earlier run (counted, not noted)
    site: str
    hashes: np.ndarray  # its lines' distinct hashes, sorted
    stored: list[str] | None = None  # the line keys of a page of an earlier run

    def line_keys(self) -> list[str]:
        if self.stored is not None:
            return self.stored
        return _keys(self.article.text) if self.article is not None else []


def _keys(text: str) -> list[str]:
    """The keys of the text's lines as the chrome stage will see them, after normalisation."""
    return [k for line in normalize_text(text).split("\n") if (k := line_key(line))]


def _hash(site: str, key: str) -> int:
    digest = hashlib.blake2b(f"{site}\n{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _hashes(site: str, keys: list[str]) -> np.ndarray:
    return np.unique(np.array([_hash(site, k) for k in keys], dtype=np.int64))


def site_of(article: Article) -> str:
    """The pool an article's lines are counted in: its outlet, else its URL's domain."""
    return article.outlet or domain(article.url) or ""


def _pages(articles: Sequence[Article]) -> list[_Page]:
    pages = []
    for a in articles:
        if not a.text.strip():  # an HTML page: trafilatura drops its chrome
            continue
        site = site_of(a)
        pages.append(_Page(a, site, _hashes(site, _keys(a.text))))
    return pages


def load_recent(path: Path | None) -> dict[str, tuple[str, list[str]]]:
    """Pages of earlier runs kept at ``path`` (id -> site and line keys); none when absent."""
    if path is None or not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a newsweave repeated-lines memory; use a fresh state_dir")
    return {p["id"]: (p["site"], p["keys"]) for p in data["pages"]}


def save_recent(path: Path, recent: dict[str, tuple[str, list[str]]]) -> None:
    """Keep the last ``RECENT`` pages at ``path`` (written whole, then moved into place)."""
    pages = [{"id": k, "site": s, "keys": keys} for k, (s, keys) in recent.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        json.dump({"format": FORMAT, "pages": pages[-RECENT:]}, fh)
    tmp.replace(path)


def _candidates(pages: list[_Page]) -> np.ndarray:
    """Hashes of the lines held by at least ``MIN_PAGES`` pages of one site (sorted)."""
    if not pages:
        return np.zeros(0, dtype=np.int64)
    values, counts = np.unique(np.concatenate([p.hashes for p in pages]), return_counts=True)
    return values[counts >= MIN_PAGES]


def _rest_words(page: _Page, repeated: set[int]) -> tuple[str, str | None]:
    """The page's words outside its candidate lines, without its language's stop words, and
    that language."""
    rest = [k for k in page.line_keys() if _hash(page.site, k) not in repeated]
    lang = identify(" ".join(rest)[:LANGUAGE_CHARS])[0]
    stop = stop_words(lang)
    return " ".join(w for k in rest for w in _WORD.findall(k) if w not in stop), lang


def _spread(rows: list[int], n: int) -> list[int]:
    if len(rows) <= n:
        return rows
    return [rows[int(i * len(rows) / n)] for i in range(n)]


def chrome_lines(pages: list[_Page], candidates: np.ndarray) -> tuple[set[int], dict[str, str]]:
    """The candidates whose pages are unrelated (mean cosine under ``MAX_RELATEDNESS``), and
    the language most of each site's compared pages are in.

    Only a spread sample of each line's pages is compared (``SAMPLE``); the samples of a site's
    lines are mostly the same pages, so the cost stays bounded however many pages hold them."""
    rows: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(pages):
        for h in p.hashes[np.isin(p.hashes, candidates, assume_unique=True)]:
            rows[int(h)].append(i)
    if not rows:
        return set(), {}
    sampled = {h: _spread(r, SAMPLE) for h, r in rows.items()}
    compared = sorted({i for r in sampled.values() for i in r})
    at = {i: n for n, i in enumerate(compared)}
    cand = set(rows)
    site_langs: dict[str, Counter[str]] = defaultdict(Counter)

    def texts() -> Iterator[str]:  # read once by the vectorizer; the languages on the way
        for i in compared:
            text, lang = _rest_words(pages[i], cand)
            site_langs[pages[i].site][lang or ""] += 1
            yield text

    try:
        vecs = TfidfVectorizer(sublinear_tf=True, token_pattern=r"\S+").fit_transform(texts())
    except ValueError:  # not one word outside the candidates: nothing to compare
        vecs = None
    language = {site: c.most_common(1)[0][0] for site, c in site_langs.items()}
    if vecs is None:
        return set(), language
    out = set()
    for h, r in sampled.items():
        idx = [at[i] for i in r]
        sims = (vecs[idx] @ vecs[idx].T).toarray()
        n = len(idx)
        if (sims.sum() - np.trace(sims)) / (n * (n - 1)) < MAX_RELATEDNESS:
            out.add(h)
    return out, language


def _told(key: str, others: set[str], stop: frozenset[str]) -> bool:
    words = [w for w in _WORD.findall(key) if w not in stop]
    if len(words) < TOLD_MIN_WORDS:
        return False
    return sum(w in others for w in words) >= TOLD * len(words)


def _remembered(pages: list[_Page], memory: Path) -> list[_Page]:
    """The pages of earlier runs kept in ``memory`` that are not among ``pages``; ``memory``
    then keeps the newest ``RECENT`` of both."""
    recent = load_recent(memory)
    now = {p.article.id: p for p in pages if p.article is not None}
    earlier = [
        _Page(None, site, _hashes(site, keys), keys)
        for i, (site, keys) in recent.items()
        if i not in now
    ]
    for aid, p in list(now.items())[-RECENT:]:  # only these can be kept: read no more
        recent.pop(aid, None)  # re-inserted last: the newest are kept
        recent[aid] = (p.site, p.line_keys())
    save_recent(memory, recent)
    return earlier


def mark_repeated(articles: Sequence[Article], memory: Path | None = None) -> int:
    """Note on each article (``ext["newsweave"][HINT]``) the keys (:func:`.lines.line_key`) of
    its lines that are its site's chrome; returns how many articles got a note.

    ``memory``: a file keeping the last ``RECENT`` pages between runs, so that a feed's small
    runs are judged with the pages before them (an article of an earlier run read again
    replaces its earlier copy: the same input twice gives the same notes)."""
    pages = _pages(articles)
    if memory is not None:
        pages = [*pages, *_remembered(pages, memory)]
    chrome, language = chrome_lines(pages, _candidates(pages))
    noted = 0
    for p in pages:
        if p.article is None:
            continue
        if not chrome.intersection(p.hashes.tolist()):
            continue
        keys = p.line_keys()
        drop = {k for k in keys if _hash(p.site, k) in chrome}
        stop = stop_words(language.get(p.site) or None)
        others = {w for k in keys if k not in drop for w in _WORD.findall(k)}
        drop = {k for k in drop if not _told(k, others, stop)}
        if drop:
            p.article.ext.setdefault("newsweave", {})[HINT] = sorted(drop)
            noted += 1
    return noted
