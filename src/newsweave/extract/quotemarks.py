"""Find quoted spans in a text, in every quotation-mark style.

Hand-written because no maintained library pairs quotation marks robustly: textacy and
GenderGapTracker assume balanced straight or curly quotes, and fail on the unbalanced marks,
apostrophes and paragraph-continued quotes that real news text is full of. The scan is one
linear pass per paragraph with a single open quote at a time (marks of the other family inside
it are nested quotes and stay part of the content).

Handled: "..." “...” ‘...’ «...» »...« „...“ „...” ”...” (Nordic), ``...'', '...' where the
apostrophe-like mark delimits a quote (not in "don't", "Lukashenko's", "countries' "), and a
quote that runs on into the next paragraph: the paragraph ends without a closing mark and the
next paragraph opens with a quotation mark again (the typographic convention).
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOUBLE = "double"
SINGLE = "single"
GUILLEMET = "guillemet"

# mark -> (family, can it open, can it close) before looking at the context.
_MARKS: dict[str, tuple[str, bool, bool]] = {
    '"': (DOUBLE, True, True),
    "“": (DOUBLE, True, True),  # opens in English, closes after „ in German
    "”": (DOUBLE, True, True),  # closes in English, opens in Nordic ”...”
    "„": (DOUBLE, True, False),
    "‟": (DOUBLE, True, False),
    "«": (GUILLEMET, True, True),
    "»": (GUILLEMET, True, True),
    "‘": (SINGLE, True, True),
    "’": (SINGLE, True, True),
    "‚": (SINGLE, True, False),
    "'": (SINGLE, True, True),
    "‹": (GUILLEMET, True, True),
    "›": (GUILLEMET, True, True),
}
_OPEN_BEFORE = set(" \t\n([{―—–-/:;") | {"", "\u00a0", "\u202f"}
_CLOSE_AFTER = set(" \t\n)]}―—–-/.,;:!?…") | {"", "\u00a0", "\u202f"}
_INNER_SPACE = {" ", "\u00a0", "\u202f"}
# preferred closing mark for an opening one (others of the family close as a fallback)
_PAIR = {"“": "”", "„": "“", "«": "»", "»": "«", "‘": "’", "‚": "‘", "‹": "›", "›": "‹"}


@dataclass
class QuoteSpan:
    """One quotation: its content pieces (one per paragraph) as ``(start, end)`` offsets."""

    pieces: list[tuple[int, int]] = field(default_factory=list)
    open_mark: int = 0  # offset of the first opening mark
    close_mark: int | None = None  # offset of the last closing mark (None: ran to paragraph end)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass
class _Mark:
    pos: int
    char: str
    width: int
    family: str
    can_open: bool
    can_close: bool


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    """Quotation-mark candidates in ``text[start:end]`` with context-based open/close flags."""
    out: list[_Mark] = []
    i = start
    while i < end:
        ch = text[i]
        width = 1
        if ch == "`" and text.startswith("``", i):
            ch, width = "“", 2
        elif ch == "'" and text.startswith("''", i):
            ch, width = '"', 2
        elif ch not in _MARKS:
            i += 1
            continue
        family, may_open, may_close = _MARKS[ch]
        before = text[i - 1] if i > start else ""
        after = text[i + width] if i + width < end else ""
        if family == SINGLE and _is_word(before) and _is_word(after):
            i += width  # apostrophe inside a word: don't, Lukashenko’s
            continue
        if family == SINGLE and ch in "’'" and before in "sSzZ" and after in (" ", ",", ""):
            # plural possessive (countries' borders); closes only a pending single quote
            may_open = False
        if family == SINGLE and ch in "’'" and before in " \t\n" and after.isdigit():
            i += width  # elided year: ’90s
            continue
        can_open = may_open and (before in _OPEN_BEFORE or before in _MARKS) and after not in " \n"
        can_close = (
            may_close and before not in " \t\n" and (after in _CLOSE_AFTER or after in _MARKS)
        )
        if before == "" and after not in " \n":
            can_open = may_open
        if family == GUILLEMET and ch in "«‹" and after in _INNER_SPACE:
            # French typography puts a space inside guillemets: « Nous ne céderons pas »
            can_open = may_open and (before in _OPEN_BEFORE or before in _MARKS)
        if family == GUILLEMET and ch in "»›" and before in _INNER_SPACE:
            can_close = may_close and (after in _CLOSE_AFTER or after in _MARKS)
            can_open = can_open and not can_close
        if can_open or can_close:
            out.append(_Mark(i, ch, width, family, can_open, can_close))
        i += width
    return out


def _closes(opener: _Mark, mark: _Mark) -> bool:
    """Whether ``mark`` ends the quote ``opener`` began."""
    if mark.family != opener.family or not mark.can_close:
        return False
    if mark.char in "\"'":
        return True  # sloppy text mixes straight and curly marks (“...")
    partner = _PAIR.get(opener.char)
    if mark.char == opener.char and not mark.can_open:
        return True  # a mistyped closer: “rapists“ while ...
    if partner is None:  # straight or Nordic opener: any closing form of the family
        return mark.char not in ("„", "‚")
    return mark.char == partner or (opener.char == "„" and mark.char == "”")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quotations in ``text``, in order; a paragraph-continued quote is one span."""
    found: list[QuoteSpan] = []
    carry: QuoteSpan | None = None  # quote left open at the end of the previous paragraph
    carry_family = ""
    for p_start, p_end in _paragraphs(text):
        marks = _marks(text, p_start, p_end)
        opener: _Mark | None = None
        current: QuoteSpan | None = None
        first = marks[0] if marks else None
        continues = (
            carry is not None
            and first is not None
            and first.can_open
            and first.family == carry_family
            and not text[p_start : first.pos].strip()
        )
        if carry is not None and not continues:
            found.append(carry)  # never continued: it ran to the end of its paragraph
        if not continues:
            carry = None
        for mark in marks:
            if opener is None:
                if mark.can_open:
                    opener = mark
                    if carry is not None:
                        current, carry = carry, None
                    else:
                        current = QuoteSpan(open_mark=mark.pos)
                continue
            if _closes(opener, mark):
                assert current is not None
                s, e = _trimmed(text, opener.pos + opener.width, mark.pos)
                if e > s:
                    current.pieces.append((s, e))
                    current.close_mark = mark.pos
                    found.append(current)
                opener, current = None, None
        if opener is not None and current is not None:
            s, e = _trimmed(text, opener.pos + opener.width, p_end)
            if e > s:
                current.pieces.append((s, e))
                current.close_mark = None
                carry, carry_family = current, opener.family
    if carry is not None:
        found.append(carry)
    return found
