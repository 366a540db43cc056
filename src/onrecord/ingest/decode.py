"""Bytes to text, refusing what is not text.

Order of trust: a byte-order mark, then UTF-8 when the bytes are valid
UTF-8 (they almost never are by chance, while a wrong "iso-8859-1" label is
common and would decode anything), then the charset the document or the
server declared, then a guess by ``charset_normalizer``. Newlines are never
translated, so offsets into a plain-text article map back to the file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from onrecord.errors import ReadError

__all__ = ["check_size", "decode", "html_charset", "normalize_charset"]

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Formats people feed in by mistake; naming them makes the error useful.
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/ODF document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
)

# Browsers treat these labels as their superset; so do we (WHATWG Encoding).
_CHARSET_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}

# Text has tabs and newlines; other C0 controls in any number mean binary.
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
MAX_CONTROL_RATIO = 0.05

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
SNIFF_BYTES = 2048


def check_size(size: int, limit: int, document: str) -> None:
    """Refuse a document over ``limit`` bytes."""
    if size > limit:
        raise ReadError(
            document,
            f"too large: {size} bytes, over the limit of {limit} "
            "(raise it with --max-bytes or ONRECORD_MAX_BYTES)",
        )


def decode(
    data: bytes, document: str, *, declared: str | None = None, max_bytes: int | None = None
) -> str:
    """Decode ``data`` to text or raise :class:`ReadError` saying why it is not text."""
    if max_bytes is not None:
        check_size(len(data), max_bytes, document)
    if not data.strip():
        raise ReadError(document, "empty document: no text in it")
    text = _decode_with_bom(data)
    if text is None:
        _refuse_binary(data, document)
        text = _decode_declared(data, declared) or _decode_guess(data, document)
    _refuse_control_chars(text, document)
    if not text.strip():
        raise ReadError(document, "empty document: only whitespace")
    return text


def normalize_charset(label: str | None) -> str | None:
    """The Python codec name for a charset label, or None when it is unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _CHARSET_ALIASES.get(name, name)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if any."""
    head = data[:SNIFF_BYTES]
    match = _XML_ENCODING.match(head.lstrip()) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _decode_with_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _refuse_binary(data: bytes, document: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(document, f"binary file: looks like {what}, not a text document")
    if b"\x00" in data[:8192]:
        raise ReadError(document, "binary file: it contains NUL bytes, so it is not text")


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    # When the bytes do not fit the declaration we go on guessing; so too when the
    # declared name is a Python codec that is not a text encoding ("base64", "zlib",
    # "undefined"), which bytes.decode refuses with LookupError or UnicodeError.
    for codec in ("utf-8", normalize_charset(declared)):
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError):
            continue
    return None


def _decode_guess(data: bytes, document: str) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ReadError(
            document, "unknown encoding: not UTF-8 and no other encoding fits; re-save it as UTF-8"
        )
    return str(best)


def _refuse_control_chars(text: str, document: str) -> None:
    sample = text[:65536]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if controls > MAX_CONTROL_RATIO * len(sample):
        raise ReadError(document, "binary file: too many control characters to be text")
