"""Line classifiers for page chrome, each judging one line by its shape or a generic cue.

The cue patterns are generic page furniture (comment forms, share/subscribe calls, "related"
headings, photo credits) in the major languages of news, not strings from any particular site.
"""

from __future__ import annotations

import re

from .lines import ends_sentence, is_heading_like, unbullet, words

# -- widgets: template or CSS names left in the text ("ugc_banner", "mainImg", "main img") -------
_SNAKE = re.compile(r"^[a-z0-9]+(?:[_][a-z0-9]+)+$")
_CAMEL = re.compile(r"^[a-z]+(?:[A-Z][a-z0-9]+)+$")
_LOWER_FEW = re.compile(r"^[a-z]{2,10}(?: [a-z]{2,10})?$")


def is_widget(s: str) -> bool:
    """A widget or template name: snake_case/camelCase token, or one or two bare lowercase words."""
    return bool(_SNAKE.match(s) or _CAMEL.match(s) or (_LOWER_FEW.match(s) and len(s) <= 16))


# -- style rules and template placeholders left in the text ----------------------------------------
# A CSS rule (".logo{display: block; width: 330px}") or a template placeholder ("{{ title }}").
_CSS_RULE = re.compile(r"^[^{}]{0,80}\{\s*[\w-]+\s*:[^{}]*\}\s*$")
_PLACEHOLDER = re.compile(r"^\s*\{\{[^{}]{1,80}\}\}\s*$")


def is_code(s: str) -> bool:
    """A line of page code rather than text: a CSS rule or a template placeholder."""
    return bool(_CSS_RULE.match(s) or _PLACEHOLDER.match(s))


# -- photo credits and captions ------------------------------------------------------------------
_PHOTO = (
    r"(?:photo(?:graph)?s?|fotos?|images?|pictures?|pics?|bild|credits?|crédits?(?: photos?)?|"
    r"titelbild|beitragsbild|fotografía)"
)
_CAPTION_START = re.compile(rf"(?i)^[(\[]?{_PHOTO}\s*(?::|by\b|/)")
_CAPTION_END = re.compile(
    rf"(?i)(?:\b{_PHOTO}\s*:\s*\(?[^():]{{1,80}}\)?\.?|\({_PHOTO}\s*:[^)]{{1,80}}\)\.?)$"
)
_COPYRIGHT = re.compile(r"(?i)^(?:©|\(c\)\s|copyright\b)|[|/]\s*©[^.]{1,60}$")


def is_caption(s: str, max_words: int = 40) -> bool:
    """A photo credit or caption ("Photo: AGENCY ...", "... Photograph:(Reuters)", "© X/Getty")."""
    if len(words(s)) > max_words:
        return False
    return bool(_CAPTION_START.match(s) or _CAPTION_END.search(s) or _COPYRIGHT.search(s))


# -- comment forms, share and subscribe calls ------------------------------------------------------
_CALL = re.compile(
    r"(?i)leave a (?:reply|comment)|email address will not be published|required fields are "
    r"marked|post a comment|must be (?:logged|signed) in|log in to (?:comment|reply)|"
    r"\bshare (?:this|on|via)\b|\bsubscribe (?:now|to|here|today)\b|"
    r"\bsign up (?:for|to|here|now)\b|"
    r"\bnewsletter\b|\bfollow us\b|click here|all rights reserved|"
    r"kommentar (?:schreiben|verfassen|hinterlassen)|e-mail-adresse wird nicht veröffentlicht|"
    r"eingeloggt|alle rechte vorbehalten|jetzt abonnieren|laisser un commentaire|"
    r"tous droits réservés|deja (?:un|tu) comentario|todos los derechos reservados|s[ií]guenos|"
    r"suscr[ií]bete"
)


def is_call_to_action(s: str, max_words: int = 30) -> bool:
    """A comment-form, share, subscribe or copyright line (short, with a generic cue)."""
    return len(words(s)) <= max_words and bool(_CALL.search(s))


# -- "Load more", "Related articles", "Read also: <headline>" -------------------------------------
_MORE = re.compile(r"(?i)^(?:load|show|see|view|read) more\b")
_RELATED = re.compile(
    r"(?i)^(?:(?:similar|related|recommended|popular|trending|latest|top|more|most read|"
    r"further|other)\b.{0,30}\b(?:articles?|stories|posts?|news|reads?|videos?|topics?|reading)\b|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|see also|also read|more (?:from|on|in)\b|"
    r"auch interessant|lesen sie auch|"
    r"weitere (?:artikel|themen|beiträge|informationen|nachrichten)|"
    r"mehr (?:zum thema|themen|dazu)|empfohlene|schon gelesen|zum weiterlesen|"
    r"das (?:thema )?könnte (?:dich|sie) auch|à lire aussi|lire aussi|voir aussi|"
    r"sur le même sujet|notas relacionadas|contenido relacionado|te puede interesar|"
    r"le puede interesar|noticias relacionadas|leggi anche|potrebbe interessarti)"
)
_SEE_ALSO = re.compile(
    r"(?i)^(?:read(?: more| also)?|see also|also read|related|watch|listen|"
    r"lesen sie(?: auch| hier)?|"
    r"auch lesen|mehr dazu|à lire aussi|lire aussi|voir aussi|lea(?: también| más)?|"
    r"le puede interesar|te puede interesar|vea(?: también)?|puedes ver|mira|mire|leggi anche)"
    r"\s*[:»>]+\s*\S"
)
_CAPS_LABEL = re.compile(r"^[A-ZÀ-Þ¿¡][A-ZÀ-Þ ¿?¡!]{1,28}:\s*\S")


def is_more_link(s: str) -> bool:
    """A "Load more ..." / "Read more" navigation line."""
    return is_heading_like(s) and bool(_MORE.match(s))


def is_related_heading(s: str) -> bool:
    """A heading introducing links to other articles ("Similar articles", "Auch interessant:")."""
    return is_heading_like(s, max_words=10) and bool(_RELATED.match(unbullet(s)))


def is_see_also(s: str, max_words: int = 25) -> bool:
    """A "Read also: <headline>" line, or an ALL-CAPS label followed by a headline."""
    if len(words(s)) > max_words:
        return False
    if _SEE_ALSO.match(s):
        return True
    return bool(_CAPS_LABEL.match(s)) and not ends_sentence(s.split(":", 1)[1])


# -- breadcrumbs ---------------------------------------------------------------------------------
_CRUMB_SEP = re.compile(r"\s(?:>|»|›|/|\|)\s")


def is_breadcrumb(s: str, headline: str | None = None, max_prefix_words: int = 5) -> bool:
    """Navigation path: short words then the headline, or items joined by ">", "»", "/", "|"."""
    if headline and s != headline and s.endswith(headline):
        prefix = s[: -len(headline)].strip(" >»›/|-")
        toks = prefix.split()
        return 0 < len(toks) <= max_prefix_words and all(len(t) <= 15 for t in toks)
    parts = _CRUMB_SEP.split(s)
    return (
        len(parts) >= 3
        and is_heading_like(s, max_words=20)
        and all(0 < len(p.split()) <= 5 for p in parts)
    )
