"""What grouping reads from an article: title, lead, body tokens and central names.

Only cheap, deterministic text handling lives here, so grouping runs with the base install:
URL lines (ECB+ pages start with one) and short chrome lines are skipped, the title falls back to
the first sentence, and names are the text's capitalised phrases (:func:`heuristic_names`).

Grouping does not read the entity stage's names, though ``analyze`` runs it first. Measured on the
full ``analyze`` path (session 17, ``newsweave eval clustering --full``), spaCy's names group
worse than the capitalised phrases the grouping was tuned with: events 0.938 against 0.948
(giveme5w1h) and 0.908 against 0.932 (ECB+ dev); the union of both 0.938 / 0.902, spaCy's
mention texts instead of its canonical names 0.940 / 0.910. The phrases also read every language
alike, where spaCy has models for a few: in a stream of English and Spanish pages, one reader
of names keeps their names comparable. The entity stage's people and places serve the report.

A page's text is not always its headline's story: a photo gallery of other stories, a copyright
footer, a menu or another article scraped under the headline. When an article came with an
informative headline (not one guessed from its first line, nor a site's name) and its text holds
few of the headline's words (``HEADLINE_SUPPORT``), grouping reads the headline alone
(:attr:`Parts.headline_only`), and the events stage reports it. A title that is a site's or
section's name ("ABC News") says nothing of the story; a news URL often spells the headline in
its path, and its words join the title (:func:`url_slug`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import Article
from ..stopwords import stop_words

#: Words of the lead (after the title) that count as the lead.
LEAD_WORDS = 80
#: Share of a headline's words that its text must contain to be read as the headline's story.
#: Measured on giveme5w1h (the one labelled set with headlines): 0.15 / 0.25 / 0.34 give event
#: BCubed F1 0.930 / 0.932 / 0.933 (0.921 without the rule, with the stub rule of the dedupe
#: stage); it flags 9 of its 383 pages, and 7 of the 949 real pages of trafilatura-eval.
HEADLINE_SUPPORT = 0.25
#: Different words a headline needs to be read alone. A page's title is often its site's or
#: section's name ("Pressemitteilungen", "Allgemein"); without this, 43 of the 68 titles their
#: text does not support on trafilatura-eval's pages had 1-3 words, the text being the story. The
#: headlines over a gallery or a footer in giveme5w1h have 5 to 11.
HEADLINE_MIN_WORDS = 5
#: Hyphenated words a URL path segment needs to be read as a headline (see :func:`url_slug`).
SLUG_WORDS = 3
#: Letters of a word that :func:`headline_supported` compares (a crude stem for any language).
STEM = 5

_URL_LINE = re.compile(r"^\s*(https?\s*:|www\s*\.)|^\S*\s*[:.]\s*/\s*/", re.I)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.U)
# A capitalised word (initials like "U.S." allowed) followed by more, joined by spaces or
# lower-case particles ("Bank of England"); a period only ends initials, so phrases stay
# inside one sentence.
_CAP_WORD = r"(?:[A-Z]\.){2,}|[A-Z][\w\-]*(?:['’][A-Za-z]+)?"
_CAP_PHRASE = re.compile(
    rf"\b(?:{_CAP_WORD})(?:[ \t]+(?:(?:of|de|la|van|von|al|bin|and|&)[ \t]+)?(?:{_CAP_WORD}))*"
)
_SENT_END = re.compile(r"(?<=[.!?])\s+")
# Capitalised words that start sentences or name weekdays/months are not names.
_NOT_NAMES = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "photo", "image", "read",
        "getty", "images", "reuters", "ap", "afp", "advertisement", "video", "click",
        "share", "follow", "related", "the", "a", "an", "i", "he", "she", "it", "we",
        "they", "this", "that", "but", "and", "in", "on", "at", "as", "for", "if",
        "when", "after", "while", "his", "her", "its", "their", "there", "what", "mr",
        "mrs", "ms", "dr", "so", "by", "with", "from", "to", "of", "or", "not", "no",
    }
)  # fmt: skip


@dataclass
class Parts:
    """The pieces of an article grouping compares."""

    title: list[str]
    lead: list[str]
    body: list[str]
    names: list[str]
    #: The text is not the headline's story (see ``HEADLINE_SUPPORT``): only the title is read.
    headline_only: bool = False


def content_lines(text: str) -> list[str]:
    """Non-empty lines of ``text`` without URL lines."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not _URL_LINE.match(ln)]


def tokens(text: str, language: str | None = None) -> list[str]:
    """Lower-cased word tokens without ``language``'s stop words (:func:`stop_words`; numbers
    kept: years and counts matter)."""
    stop = stop_words(language)
    out = []
    for m in _WORD.finditer(text.lower()):
        w = m.group().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 1 and w not in stop:
            out.append(w)
    return out


def title_of(article: Article, lines: list[str]) -> str:
    """The article's title, else its first line when short, else its first sentence."""
    if article.title and article.title.strip():
        return article.title.strip()
    if not lines:
        return ""
    for line in lines[:4]:  # skip date/byline lines: a title has a few real words
        if sum(1 for w in _WORD.findall(line) if len(w) > 2 and not w.isdigit()) < 3:
            continue
        if len(line) <= 160:
            return line
        return _SENT_END.split(line, maxsplit=1)[0][:300]
    return lines[0][:300]


def heuristic_names(text: str) -> list[str]:
    """Capitalised phrases not at a sentence start (or multi-word ones), lower-cased."""
    names = []
    for m in _CAP_PHRASE.finditer(text):
        phrase = re.sub(r"['’]s$", "", m.group().rstrip("."))
        words = phrase.split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        start = m.start()
        before = text[max(0, start - 2) : start]
        sentence_start = start == 0 or bool(re.search(r"[.!?\n\"“]\s*$", before))
        if sentence_start and len(words) == 1:
            continue  # a lone capitalised word starting a sentence is usually not a name
        names.append(" ".join(words).lower())
    return names


def headline_supported(title: list[str], body: list[str]) -> bool:
    """Whether ``body`` holds at least ``HEADLINE_SUPPORT`` of the words of ``title`` (tokens).
    Words are compared by their first ``STEM`` letters, so that inflections and compounds meet
    in any language ("Schwangere" / "Schwangerschaft", "shooting" / "shootings")."""
    words = {w[:STEM] for w in title}
    have = {w[:STEM] for w in body}
    return not words or len(words & have) >= HEADLINE_SUPPORT * len(words)


def guessed_title_untold(article: Article) -> bool:
    """Whether ``article``'s title is the cleaner's guess from the first line of plain text and
    the rest of its text does not tell it (:func:`headline_supported`): a scraped site's teaser
    or a section name above the story ("España exigirá una PCR negativa ..." over an article on
    Egypt in 2011), which should not name an event."""
    if not (article.title and article.ext.get("newsweave", {}).get("title_in_text", False)):
        return False
    lang = article.language
    return not headline_supported(tokens(article.title, lang), tokens(article.text, lang))


def informative_headline(title: str, words: list[str]) -> bool:
    """Whether ``title`` (with its tokens ``words``) can stand for a story: at least
    ``HEADLINE_MIN_WORDS`` different words and no "Headline | Site" separator. A page's title is
    often its site's or section's name ("Pressemitteilungen", "Blog | Site"); then it is the
    title that is not the text's, and the text is what to read."""
    return len(set(words)) >= HEADLINE_MIN_WORDS and "|" not in title


def url_slug(url: str | None, language: str | None = None) -> list[str]:
    """Words of the headline a news URL spells in its path (".../2017/12/29/russian-space-
    experts-regain-control-1st-angola-satellite-52044233"): the tokens of its longest path
    segment of at least ``SLUG_WORDS`` hyphenated words (numbers and file endings dropped)."""
    if not url:
        return []
    path = urlsplit(url).path
    best: list[str] = []
    for seg in path.split("/"):
        seg = re.sub(r"\.[a-z0-9]{2,5}$", "", seg)
        words = [w for w in re.split(r"[-_]+", seg) if w and not w.isdigit()]
        if len(words) >= SLUG_WORDS and len(words) > len(best):
            best = words
    return tokens(" ".join(best), language)


def _headline_given(article: Article) -> bool:
    """Whether ``article`` came with its headline (a page's or a record's title). A title the
    cleaner took from the first line of plain text is a guess: when the text does not support
    it, the guess is the chrome (a site name, a caption, a style rule), not the text."""
    from_text = article.ext.get("newsweave", {}).get("title_in_text", False)
    return bool(article.title and article.title.strip()) and not from_text


def parts(article: Article) -> Parts:
    """Split ``article`` into the parts the grouping representation weights."""
    lines = content_lines(article.text)
    title = title_of(article, lines)
    body_text = "\n".join(lines)
    if lines and lines[0] == title:
        body_text = "\n".join(lines[1:]) or body_text
    lang = article.language
    body = tokens(body_text, lang)
    head = tokens(title, lang)
    names = heuristic_names(article.text)
    given = _headline_given(article)
    if given and not informative_headline(title, head):
        # A site's name for a title: the URL often spells the headline
        # ("ABC News" over .../russian-space-experts-regain-control-1st-angola-satellite-5204).
        head += url_slug(article.url, lang)
    elif given and not headline_supported(head, body):
        in_title = set(head)
        names = [n for n in names if in_title.issuperset(tokens(n, lang))]
        return Parts(title=head, lead=[], body=[], names=names, headline_only=True)
    return Parts(title=head, lead=body[:LEAD_WORDS], body=body, names=names)
