"""Quotes and their speakers, from quotation marks and the dependency parse.

For every quotation found by :mod:`newsweave.extract.quotemarks` the attribution is searched in
the text of the sentences around it that lies outside quotation marks: a speech verb (or any
verb the quote is the clausal complement of) and its subject, "according to X", or "X: ...".
A quote with no attribution of its own continues the previous quote's speaker when it follows
it in the same or the next paragraph, or takes the speaker of a speech verb in the sentence
just before it ("He said that ... . “We will not ...”").

Decisions:

* A quote split by its attribution ("“...,” X said, “...”") is ONE quote: ``start``/``end``
  cover both parts (and the attribution between them), ``text`` is the two parts joined by a
  space. The same holds for a quote running on over paragraphs. Cross-source comparison then
  sees the whole statement, and it is how PolNeAR annotates such quotes (one content span).
* Short quotations (fewer than ``min_words_unattributed`` words) count only when a speech verb
  governs them: scare quotes (“fraternal assistance”), titles and names are kept out.
* A quotation embedded in the reporter's own sentence (a partial quote: Clinton says Trump's
  “latest meltdown is unhinged”, he called it “a true wake-up call” to voters) is reported
  speech, not a direct quote: the quoted words are not the whole statement. It becomes a quote
  with ``direct=False`` whose span is the reported clause around the quotation marks (the cue
  verb's complement that holds them), so the verbatim words stay visible inside it. Embedded
  means a word of the sentence runs straight into the opening mark and the quotation starts in
  lower case, or a word of the sentence follows the closing mark with no punctuation between and
  it is not the attribution ("... remains under investigation").
* Indirect speech ("X said that ...") is a quote with ``direct=False``; a reported clause that
  holds quotation marks is covered by the partial quote above.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import nlp
from ..model import Article, EntityMention, Quote
from ..pipeline import Config, register
from .quotemarks import QuoteSpan, find_quotes
from .speakers import Speaker, SpeakerResolver
from .speechverbs import REPORTING_FORMS, SPEECH_FORMS

STAGE = "newsweave.extract.quotes.v1"
#: A quotation with fewer words and no speech verb governing it is a scare quote or a title.
MIN_WORDS_UNATTRIBUTED = 6
#: Fewer words than this need a governing speech verb even when a speech verb is near.
MIN_WORDS_NEARBY = 4
#: Distance added to a verb after a quotation that closed its own sentence, when the verb does
#: not govern it: a governing speech verb before the quotation is the better attribution.
GOVERN_BONUS = 8
#: Longest attribution (tokens) between two parts of one quote in a paragraph.
MAX_JOIN_GAP = 40
_DASHES = "―—–"
_THAT = frozenset({"that", "que", "qu'", "qu’"})
_SELON = frozenset({"selon", "d'après", "d’après"})
_CONJUNCTIONS = frozenset({"but", "and", "or", "so", "yet"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
#: Dependents after a speech verb that name the speaker in inverted order ("..., added a
#: Democrat"; French "..., a déclaré Jean Dupont").
_INVERTED_SUBJ = frozenset({"dobj", "obj", "attr", "npadvmod", "dep", "oprd", "nsubj"})
_CLAUSAL = frozenset({"ccomp", "conj", "xcomp", "parataxis", "advcl", "dep", "acomp", "oprd"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd", "ccomp", "xcomp", "obj"})
_CLIMB = frozenset({"conj", "advcl", "xcomp", "ccomp", "relcl", "parataxis", "acl"})


@dataclass
class _Attribution:
    speaker: Speaker | None
    cue: str
    verb: int | None  # token index of the cue
    governs: bool  # the cue's clause contains the quotation


@dataclass
class _Found:
    span: QuoteSpan
    first: int  # first and last token of the quotation, marks included
    last: int
    attribution: _Attribution | None
    inherited: bool = False


def _subject(verb: Token, quoted: list[bool], depth: int = 0) -> Token | None:
    """The subject of a speech verb, climbing to the governing verb for "..., saying"."""
    head = verb.head
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and head.dep_ == "ccomp"
        and head.head.lower_ in SPEECH_FORMS
    ):
        # "X said Russia should stay out, saying ...": the parser hangs "saying" on the
        # reported clause; the one saying it is the subject of the outer speech verb
        return _subject(head.head, quoted, depth + 1)
    for child in verb.children:
        if child.dep_ in _SUBJ and not quoted[child.i]:
            if child.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
                return verb.head  # "Karbalevich, who said ..."
            return child
    if depth < 2 and verb.dep_ in _CLIMB and head.i != verb.i and not quoted[head.i]:
        if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
            head = head.head  # "Russia offers intervention, saying ...": up to "offers"
        return _subject(head, quoted, depth + 1)
    return None


class _Finder:
    """Quotation attribution for one article."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan], mentions: list[EntityMention]) -> None:
        self.doc = doc
        self.spans = spans
        self.quoted = [False] * len(doc)
        self.ranges: list[tuple[int, int]] = []
        for span in spans:
            end = span.close_mark + 1 if span.close_mark is not None else span.end
            chars = doc.char_span(span.open_mark, end, alignment_mode="expand")
            first, last = (chars.start, chars.end - 1) if chars is not None else (0, -1)
            self.ranges.append((first, last))
            for i in range(first, last + 1):
                self.quoted[i] = True
        self.resolver = SpeakerResolver(doc, mentions, self.quoted)
        self.text = text = doc.text  # spaCy rebuilds doc.text on every access
        self.paragraph_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char)

    def _window(self, first: int, last: int) -> tuple[range, range]:
        """Tokens of the quotation's sentences before and after it, within its paragraph."""
        doc = self.doc
        left_start = doc[first].sent.start if first < len(doc) else first
        for i in range(first - 1, left_start - 1, -1):
            if "\n" in doc[i].text:
                left_start = i + 1
                break
        right_end = last + 1
        if last + 1 < len(doc):
            right_end = doc[last + 1].sent.end
            if right_end - (last + 1) <= 2 and right_end < len(doc):
                right_end = doc[right_end].sent.end  # a lone mark or comma as a sentence
        for i in range(last + 1, right_end):
            if "\n" in doc[i].text:
                right_end = i
                break
        return range(left_start, first), range(last + 1, right_end)

    def _governs(self, verb: Token, first: int, last: int) -> bool:
        """Whether the quotation is a clause reported by ``verb`` (not a title or a name)."""
        for tok in self.doc[first : last + 1]:
            if first <= tok.head.i <= last or tok.is_punct:
                continue
            node = tok
            for _ in range(6):
                if node.dep_ not in _CLAUSAL:
                    break
                if node.head.i == verb.i:
                    return True
                node = node.head
        return False

    def _from_verb(self, verb: Token, governs: bool) -> _Attribution:
        subj = _subject(verb, self.quoted)
        if subj is None:
            # inverted order after a quotation: "..., added a South Carolina Democrat"
            subj = next(
                (
                    c
                    for c in verb.rights
                    if c.dep_ in _INVERTED_SUBJ
                    and not self.quoted[c.i]
                    and c.pos_ in {"PROPN", "NOUN", "PRON"}
                    and not self.resolver.is_time(c)  # "..., X said Monday"
                ),
                None,
            )
        speaker = self.resolver.resolve(subj) if subj is not None else None
        return _Attribution(speaker, verb.lower_, verb.i, governs)

    def signed(self, close: int | None) -> _Attribution | None:
        """A quotation signed with a dash after its closing mark: "“...” ― Jorge Falcon"."""
        text = self.text
        if close is None:
            return None
        i = close + 1
        while i < len(text) and text[i] in " \t\u00a0":
            i += 1
        if i >= len(text) or text[i] not in _DASHES:
            return None
        j = i + 1
        while j < len(text) and text[j] in " \t\u00a0":
            j += 1
        end = text.find("\n", j)
        end = len(text) if end < 0 else end
        name = text[j:end].strip().rstrip(".").strip()
        words = name.split()
        if not 1 <= len(words) <= 6 or not all(w[:1].isupper() for w in words):
            return None
        span = self.doc.char_span(j, j + len(name), alignment_mode="expand")
        if span is None:
            return None
        speaker = self.resolver.resolve(span[-1])
        if speaker is None or not speaker.name[:1].isalpha():
            speaker = Speaker(name, j, j + len(name), span[-1].i)
        return _Attribution(speaker, "―", None, True)

    def attribute(self, first: int, last: int) -> _Attribution | None:
        """The attribution of the quotation on tokens ``first..last``, if its sentences hold one."""
        doc = self.doc
        left, right = self._window(first, last)
        clauses = {  # verbs the quotation is the clausal complement or object of
            t.head.i
            for t in doc[first : last + 1]
            if not first <= t.head.i <= last
            and t.dep_ in {"ccomp", "dobj", "parataxis"}
            and t.head.pos_ == "VERB"
        }
        best: tuple[int, _Attribution] | None = None
        for side, tokens in (("left", left), ("right", right)):
            for i in tokens:
                tok = doc[i]
                if self.quoted[i] or "\n" in tok.text:
                    continue
                dist = first - i if side == "left" else i - last
                cand: _Attribution | None = None
                according = tok.lower_ == "according" and i + 1 < len(doc)
                if (according and doc[i + 1].lower_ == "to") or tok.lower_ in _SELON:
                    if tok.lower_ in _SELON:  # "selon la direction": the noun governs "selon"
                        objs = [tok.head] if tok.dep_ == "case" and tok.head.i > i else []
                    else:
                        objs = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
                    speaker = self.resolver.resolve(objs[0]) if objs else None
                    cue = "according to" if according else tok.lower_
                    cand = _Attribution(speaker, cue, i, True)
                    dist += (
                        3  # a speech verb's subject is the better source ("X said, according to Y")
                    )
                elif (tok.pos_ in {"VERB", "AUX"} and tok.lower_ in SPEECH_FORMS) or i in clauses:
                    cand = self._from_verb(tok, self._governs(tok, first, last))
                    if cand.speaker is None:
                        dist += 20
                    elif not cand.governs and side == "right" and _ends_sentence(doc, last):
                        # '... would stay out "until ... less." He added that ...': the next
                        # sentence's verb does not report a quotation that closed its sentence
                        dist += GOVERN_BONUS
                elif (
                    tok.lower_ in SPEECH_FORMS
                    and tok.pos_ == "NOUN"
                    and i > 0
                    and doc[i - 1].pos_ in {"PROPN", "PRON"}
                    and not self.quoted[i - 1]
                ):  # "..., Conway notes.": the tagger took the verb for a plural noun
                    cand = _Attribution(self.resolver.resolve(doc[i - 1]), tok.lower_, i, True)
                elif tok.text == ":" and side == "left" and first - i <= 1 and i > left.start:
                    prev = doc[i - 1]
                    verb = next((a for a in prev.ancestors if a.pos_ == "VERB"), None)
                    if prev.pos_ == "VERB":
                        verb = prev
                    if verb is not None and not self.quoted[verb.i]:
                        cand = self._from_verb(verb, True)  # "X said in a statement: ..."
                    else:
                        cand = _Attribution(self.resolver.resolve(prev), ":", i, True)
                if cand is not None and (best is None or dist < best[0]):
                    best = (dist, cand)
        return best[1] if best else None

    def previous_sentence_speaker(self, first: int) -> _Attribution | None:
        """A speech verb with a subject in the sentence right before token ``first``."""
        doc = self.doc
        if first == 0:
            return None
        sent = doc[first - 1].sent
        if doc[first].sent.start != first and doc[first].sent.start > sent.start:
            sent = doc[first].sent
        colon = first - 1
        while colon > 0 and doc[colon].is_space:
            colon -= 1
        if doc[colon].text == ":" and colon > 0:
            # "Cruz called them on it:" closing the paragraph before the quotation
            before = doc[colon - 1]
            verb = before if before.pos_ == "VERB" else None
            verb = verb or next((a for a in before.ancestors if a.pos_ == "VERB"), None)
            if verb is not None and not self.quoted[verb.i]:
                att = self._from_verb(verb, True)
                if att.speaker is not None:
                    return att
        for tok in reversed(sent):
            if tok.i >= first or self.quoted[tok.i]:
                continue
            if tok.pos_ in {"VERB", "AUX"} and tok.lower_ in REPORTING_FORMS:
                att = self._from_verb(tok, False)
                if att.speaker is not None:
                    return att
        return None

    def find(self) -> list[_Found]:
        found: list[_Found] = []
        for span, (first, last) in zip(self.spans, self.ranges, strict=True):
            if last < first:
                continue
            att = self.signed(span.close_mark) or self.attribute(first, last)
            item = _Found(span, first, last, att)
            if att is None or att.speaker is None:
                prev = found[-1] if found else None
                near = (
                    prev is not None
                    and prev.attribution is not None
                    and prev.attribution.speaker is not None
                    and self.paragraph(span.open_mark) - self.paragraph(prev.span.end) <= 2
                )
                before = self.previous_sentence_speaker(first)
                newer = before is not None and (prev is None or (before.verb or 0) > prev.last)
                if before is not None and (newer or not near):
                    item.attribution, item.inherited = before, True
                elif near and prev is not None and att is None:
                    item.attribution, item.inherited = prev.attribution, True
            found.append(item)
        return found


def _ends_sentence(doc: Doc, last: int) -> bool:
    """Whether the quotation ending at token ``last`` closes with . ! or ? inside its marks."""
    return last > 0 and doc[last - 1].text in {".", "!", "?"}


def _words(text: str) -> int:
    return len(text.split())


def _piece_text(text: str, start: int, end: int) -> tuple[int, str]:
    piece = text[start:end]
    stripped = piece.rstrip(",;: ")
    return start + len(stripped), stripped


def _merge(found: list[_Found], finder: _Finder) -> list[list[_Found]]:
    """Groups of quotations that are one statement split by its attribution."""
    groups: list[list[_Found]] = []
    for item in found:
        if groups:
            prev = groups[-1][-1]
            att, patt = item.attribution, prev.attribution
            same_par = finder.paragraph(item.span.open_mark) == finder.paragraph(prev.span.end)
            split = (
                same_par
                and patt is not None
                and patt.speaker is not None
                and patt.verb is not None
                and prev.last < patt.verb < item.first
                and (
                    att is None
                    or att.speaker is None
                    or att.verb == patt.verb
                    or item.inherited
                    or att.speaker.name == patt.speaker.name
                )
                and item.first - prev.last <= MAX_JOIN_GAP
                and not _is_title(finder.text[item.span.start : item.span.end])
                and not _embedded(finder.text, [prev])  # a partial quote, then a new one
            )
            if split:
                item.attribution = patt
                groups[-1].append(item)
                continue
        groups.append([item])
    return groups


def _to_quote(text: str, group: list[_Found]) -> Quote | None:
    pieces = [p for item in group for p in item.span.pieces]
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    end = pieces[0][1]
    for s, e in pieces:
        end, part = _piece_text(text, s, e)
        if part:
            parts.append(part)
            offsets.append((s, end))
    if not parts:
        return None
    att = next((g.attribution for g in group if g.attribution is not None), None)
    speaker = att.speaker if att else None
    quote = Quote(start=pieces[0][0], end=end, text=" ".join(parts), direct=True, parts=offsets)
    if att is not None:
        quote.cue = att.cue
    if speaker is not None:
        quote.speaker, quote.speaker_start, quote.speaker_end = (
            speaker.name,
            speaker.start,
            speaker.end,
        )
    return quote


def _is_title(text: str) -> bool:
    """A title of a work or a slogan in title case ("Meet the Press"): no speech."""
    words = text.rstrip(".,!?").split()
    if len(words) > 8 or (text.rstrip().endswith((".", "?", "!")) and len(words) > 4):
        return False
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return bool(long) and all(w[:1].isupper() for w in long) and len(long) >= len(words) / 2


def _embedded(text: str, group: list[_Found]) -> bool:
    """Whether the quotation is a partial quote inside the reporter's sentence (see above)."""
    first, last = group[0], group[-1]
    i = first.span.open_mark - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    runs_in = i >= 0 and (text[i].isalnum() or text[i] in "’'")
    att = first.attribution
    if runs_in and att is not None and att.verb is not None and att.verb > first.last:
        # "..., but “if it is not enough, ...,” X said": a conjunction, then the statement
        word = text[max(0, i - 5) : i + 1].split()[-1:]
        runs_in = not word or word[0].lower() not in _CONJUNCTIONS
    body = text[first.span.start : last.span.end]
    letter = next((c for c in body if c.isalpha()), "")
    if runs_in and letter.islower():
        return True
    close = last.span.close_mark
    if close is None:
        return False
    j = close + 1
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    runs_on = j < len(text) and text[j].isalnum() and body.rstrip()[-1:] not in ".?!,;:"
    att = last.attribution
    cue_after = att is not None and att.verb is not None and last.last < att.verb <= last.last + 4
    return runs_on and not cue_after and letter.islower()


def _reported_clause(finder: _Finder, group: list[_Found]) -> tuple[int, int] | None:
    """Character span of the cue verb's complement that holds a partial quote."""
    att = next((g.attribution for g in group if g.attribution is not None), None)
    if att is None or att.verb is None or group[0].inherited:
        return None
    doc = finder.doc
    verb = doc[att.verb]
    first, last = group[0].first, group[-1].last
    lo, hi = first, last
    for child in verb.children:
        if child.dep_ in _SUBJ or child.is_punct or child.dep_ in {"aux", "auxpass", "neg"}:
            continue
        a, b = child.left_edge.i, child.right_edge.i
        if a <= last and b >= first:  # the complement holding the quotation
            lo, hi = min(lo, a), max(hi, b)
        elif verb.i < a and b < first and child.dep_ in _OBJECTS:  # "called [X] “a ...”"
            lo = min(lo, a)
    if doc[lo].lower_ in _THAT and lo < first:
        lo += 1
    for i in range(last + 1, hi + 1):  # "..., AP reports": another attribution ends it
        if doc[i].lower_ in SPEECH_FORMS and not finder.quoted[i]:
            hi = i - 1
            while hi > last and not doc[hi].is_punct:
                hi -= 1
            break
    while hi > last and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if lo >= hi or (lo == first and hi == last):  # no clause around it: keep the quoted words
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _keep(quote: Quote, group: list[_Found]) -> bool:
    words = _words(quote.text)
    att = group[0].attribution
    if words < 2 or _is_title(quote.text):
        return False
    if quote.speaker is None:
        return words >= MIN_WORDS_UNATTRIBUTED
    if words < MIN_WORDS_NEARBY:
        return att is not None and att.governs and not group[0].inherited
    return True


def _indirect(finder: _Finder) -> list[Quote]:
    """Reported speech: a reporting verb with a subject and a clausal complement."""
    doc = finder.doc
    out: list[Quote] = []
    for tok in doc:
        if tok.lower_ not in REPORTING_FORMS or tok.pos_ != "VERB" or finder.quoted[tok.i]:
            continue
        comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
        if not comps:
            continue
        comp = comps[0]
        left, right = comp.left_edge.i, comp.right_edge.i
        if right - left < 3 or any(finder.quoted[left : right + 1]):
            continue
        if doc[left].lower_ in _THAT:
            left += 1
        while right > left and doc[right].is_punct:
            right -= 1
        subj = _subject(tok, finder.quoted)
        speaker = finder.resolver.resolve(subj) if subj is not None else None
        if speaker is None:
            continue
        start, end = doc[left].idx, doc[right].idx + len(doc[right])
        out.append(
            Quote(
                start=start,
                end=end,
                text=finder.text[start:end],
                speaker=speaker.name,
                speaker_start=speaker.start,
                speaker_end=speaker.end,
                cue=tok.lower_,
                direct=False,
            )
        )
    return out


def extract(doc: Doc, mentions: list[EntityMention], indirect: bool = True) -> list[Quote]:
    """Direct quotes (and, with ``indirect``, reported speech) of a parsed text."""
    text = doc.text
    spans = find_quotes(text)
    finder = _Finder(doc, spans, mentions)
    quotes: list[Quote] = []
    for group in _merge(finder.find(), finder):
        quote = _to_quote(text, group)
        if quote is None or not _keep(quote, group):
            continue
        if _embedded(text, group):
            quote.direct = False
            span = _reported_clause(finder, group)
            if span is not None and span[0] <= quote.start and quote.end <= span[1]:
                quote.start, quote.end = span
                quote.text = text[span[0] : span[1]]
        quotes.append(quote)
    if indirect:
        quotes += _indirect(finder)
        quotes.sort(key=lambda q: q.start)
    return quotes


@register(STAGE, reads={"doc", "entities"}, writes={"quotes"})
def quotes(article: Article, config: Config) -> Article:
    """Direct and reported quotes with their speakers (quotation marks + dependency parse)."""
    indirect = bool(config.get(STAGE, "indirect", True))
    article.quotes = extract(nlp.doc(article), article.entities, indirect)
    return article
