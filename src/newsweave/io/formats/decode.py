"""Bytes to text: BOMs, UTF-8, declared charsets, then legacy-encoding detection.

Detection is charset-normalizer's; we only add the order of attempts (BOM and strict UTF-8 first,
because they are unambiguous, then a charset the document declares) and a binary check.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from ...errors import Code, InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (TAB, LF, FF, CR and ESC excluded).
_CONTROL = frozenset(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | frozenset(range(0x10, 0x1B))
#: Legacy encodings seen in news files, most common first (Python codec names as
#: charset-normalizer reports them).
WEB_ENCODINGS: tuple[str, ...] = (
    "utf_8", "cp1252", "cp1251", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "koi8_r",
    "koi8_u", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "iso8859_5",
    "iso8859_7", "iso8859_9", "gb18030", "gbk", "gb2312", "big5", "shift_jis", "cp932",
    "euc_jp", "iso2022_jp", "euc_kr", "cp949", "tis_620", "cp874",
)  # fmt: skip
_NEAR_TIE = 0.03
#: Codec -> the superset browsers decode it as (WHATWG Encoding Standard).
_SUPERSETS = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "tis-620": "cp874",
}
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def looks_binary(head: bytes) -> bool:
    """True when ``head`` has NUL or other control bytes that text never has.

    UTF-16/32 text (with a BOM) contains NULs and is not binary.
    """
    if not head or bom_encoding(head):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(2, len(head) // 100)


def declared_charset(data: bytes) -> str | None:
    """Charset declared by an HTML ``<meta>`` or XML declaration in the first 4 KB."""
    head = data[:4096]
    m = _DECLARED.search(head) or _XML_DECL.search(head)
    if not m:
        return None
    return codec_name(m.group(1).decode("ascii", "ignore"))


def codec_name(label: str) -> str | None:
    """Python codec for a charset label, or None when unknown.

    As browsers do (WHATWG Encoding), a label means its superset: ``iso-8859-1`` and
    ``us-ascii`` pages routinely contain windows-1252 curly quotes, ``gb2312`` pages GBK
    characters, and so on.
    """
    try:
        name = codecs.lookup(label.strip(" \"'")).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def sniff_head(head: bytes) -> str:
    """The first characters of ``head`` as text, good enough to sniff a format."""
    return head.decode(bom_encoding(head) or "utf-8", "replace")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)``.

    Tries a BOM, strict UTF-8, the ``declared`` charset, then charset-normalizer's best guess.
    Raises :class:`InputError` (E004) when nothing gives plausible text.
    """
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and codecs.lookup(declared).name not in ("utf-8", "ascii"):
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(Code.ENCODING, "bytes are neither UTF-8 nor a detectable legacy encoding")
    best = _prefer_web(matches)
    return str(best), best.encoding


def _prefer_web(matches: list[Any]) -> Any:
    """charset-normalizer's best match, or a common web encoding that decodes nearly as well.

    On short texts charset-normalizer often ranks a Mac or DOS code page (mac_latin2, cp775)
    a hair above windows-1252 for French or German; news files are almost never in those, so
    among near-ties (chaos within ``_NEAR_TIE``) the encoding earlier in ``WEB_ENCODINGS`` wins.
    """
    floor = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= floor + _NEAR_TIE]

    def rank(m: Any) -> tuple[int, float]:
        enc = m.encoding
        return (WEB_ENCODINGS.index(enc) if enc in WEB_ENCODINGS else len(WEB_ENCODINGS), m.chaos)

    preferred = min(near, key=rank)
    return preferred if preferred.encoding in WEB_ENCODINGS else matches[0]
