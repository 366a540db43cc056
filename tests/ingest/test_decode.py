"""Bytes to text: encodings, binary, empty and oversized input."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onrecord.errors import ReadError
from onrecord.ingest.decode import decode, html_charset, normalize_charset


def test_utf8_keeps_crlf_exactly() -> None:
    assert decode(b"Line one\r\nLine two\r\n", "a.txt") == "Line one\r\nLine two\r\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_mark_wins_and_is_dropped(bom: bytes, codec: str) -> None:
    text = "Café said: “yes”.\n"
    assert decode(bom + text.encode(codec), "a.txt") == text


def test_declared_charset_is_used_when_bytes_fit_it() -> None:
    data = "Der Bürgermeister sagte, die Brücke öffne im Juni.".encode("cp1252")
    assert decode(data, "a.html", declared="windows-1252") == data.decode("cp1252")


def test_wrong_latin1_declaration_does_not_garble_utf8() -> None:
    text = "Le maire a déclaré que le pont rouvrira."
    assert decode(text.encode(), "a.html", declared="iso-8859-1") == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "Le maire a déclaré jeudi que le pont rouvrira en juin, après huit mois de travaux."
            " Les commerçants de la rue réclament une indemnité, a-t-il ajouté.",
            "cp1252",
        ),
        (
            "Мэр города заявил в четверг, что мост через реку откроется в июне. Ремонт"
            " продолжался восемь месяцев, и местные торговцы потеряли треть покупателей.",
            "cp1251",
        ),
    ],
)
def test_undeclared_legacy_encoding_is_detected(text: str, codec: str) -> None:
    assert decode(text.encode(codec), "a.txt") == text


def test_unknown_declared_charset_is_ignored() -> None:
    assert decode(b"plain words", "a.txt", declared="x-no-such-charset") == "plain words"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document"),
        (b" \r\n\t ", "empty document"),
        (b"\x00\x01\x02text", "NUL bytes"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (bytes(range(1, 9)) * 20 + b"abc", "control characters"),
    ],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason) as info:
        decode(data, "doc.txt")
    assert info.value.document == "doc.txt"


def test_oversized_input_names_the_limit_and_the_fix() -> None:
    with pytest.raises(ReadError, match=r"too large: 11 bytes, over the limit of 10.*--max-bytes"):
        decode(b"hello world", "big.txt", max_bytes=10)


def test_html_charset_from_meta_and_xml_declaration() -> None:
    assert html_charset(b'<html><head><meta charset="windows-1251">') == "windows-1251"
    meta = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">'
    assert html_charset(meta) == "ISO-8859-2"
    assert html_charset(b'<?xml version="1.0" encoding="koi8-r"?><rss>') == "koi8-r"
    assert html_charset(b"<html><body>no declaration") is None


def test_latin1_label_means_windows_1252() -> None:
    assert normalize_charset("ISO-8859-1") == "cp1252"
    assert normalize_charset("nonsense") is None


@given(st.binary(max_size=600))
def test_any_bytes_decode_or_fail_clearly(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except ReadError as exc:
        assert exc.document == "fuzz.txt" and exc.reason
    else:
        assert text.strip()
