"""Bytes to text: UTF-8 with or without a BOM, other encodings detected, binary refused."""

from __future__ import annotations

import pytest
from conflict_kg.extract import DocumentError
from conflict_kg.extract._encoding import Decoded, decode_bytes, is_binary_text

TEXT = "Houthi fighters shelled the airport in Taiz; the café’s owner said two guards died."


@pytest.mark.parametrize(
    ("data", "encoding", "detected"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig", False),
        (TEXT.encode("utf-16"), "utf_16", True),
        (TEXT.encode("cp1252"), "cp1252", True),
    ],
)
def test_text_comes_back_whatever_its_encoding(data: bytes, encoding: str, detected: bool) -> None:
    """The text is exact, the BOM gone; a detected encoding is named."""
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.detected) == (TEXT, encoding, detected)


def test_latin1_reads_as_windows_1252_on_a_tie() -> None:
    """Short Latin-1 text decodes as cleanly in Windows-1250 (près as prčs): Windows-1252 wins the tie."""
    text = "Les forces ont bombardé la ville près de Kidal; l'armée a démenti."
    assert decode_bytes(text.encode("latin-1")) == Decoded(text, "cp1252", detected=True)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        bytes(2048),
        b"PK\x03\x04" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100 + b"text",
    ],
)
def test_binary_data_is_refused_naming_the_source(data: bytes) -> None:
    """Images, archives, executables and zeros are refused, not decoded into noise."""
    with pytest.raises(DocumentError, match=r"^scan\.txt: binary data, not text; give text"):
        decode_bytes(data, source="scan.txt")


@pytest.mark.parametrize(
    ("text", "binary"),
    [("A line.\n\tIndented.\r\n\f", False), ("nul\x00", True), ("\x01\x02\x03" + "x" * 10, True), ("", False)],
)
def test_is_binary_text(text: str, binary: bool) -> None:
    """Tabs, line breaks and form feeds are text; NULs and runs of control characters are not."""
    assert is_binary_text(text) is binary
