"""Bytes to text: UTF-8 (with or without a byte-order mark), other encodings by detection.

UTF-8 is tried first and its byte-order mark dropped. Anything else is handed
to charset-normalizer, which detects the encoding from the bytes themselves
(UTF-16 with its mark, Latin-1, Windows-1252, ...); the caller reports that a
detection was needed. Bytes that decode to no plausible text (images, archives,
executables) are refused with :class:`DocumentError`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ._exceptions import DocumentError

__all__ = ["BINARY", "Decoded", "decode_bytes", "is_binary_text"]

#: Control characters that never occur in text (tab, line feed, form feed and carriage return do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: More than this share of control characters marks a file as binary.
_MAX_CONTROL_SHARE = 0.01
_SAMPLE = 65_536
#: What is wrong with a binary input, and what to do.
BINARY = "binary data, not text; give text, HTML or JSON Lines files"
#: The codepage that wins a tie between equally plausible detections.
_PREFERRED = "cp1252"


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes and the encoding it was read in.

    ``detected`` is True when the bytes were not UTF-8 and the encoding was
    detected (so the caller can say which one it used).
    """

    text: str
    encoding: str
    detected: bool = False


def is_binary_text(text: str) -> bool:
    """Whether decoded text looks like binary data: a NUL, or many control characters.

    >>> is_binary_text("Rebels shelled the airport.\\n")
    False
    >>> is_binary_text("PK\\x03\\x04\\x00\\x00")
    True
    """
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * max(len(sample), 1)


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> Decoded:
    """Decode ``data`` as UTF-8 (dropping a byte-order mark), else in the encoding detected.

    Raises :class:`DocumentError`, naming ``source``, for binary data.

    Examples
    --------
    >>> decode_bytes("\\ufeffTroops entered Fallujah.".encode("utf-8"))
    Decoded(text='Troops entered Fallujah.', encoding='utf-8-sig', detected=False)
    >>> decoded = decode_bytes("Les forces ont bombardé la ville.".encode("utf-16"))
    >>> decoded.text, decoded.encoding, decoded.detected
    ('Les forces ont bombardé la ville.', 'utf_16', True)
    >>> decode_bytes(bytes(range(256)) * 4, source="photo.txt")
    Traceback (most recent call last):
    ...
    conflict_kg.extract._exceptions.DocumentError: photo.txt: binary data, not text; give text, HTML or JSON Lines files
    """
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        decoded = Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        decoded = _detect(data, source)
    if is_binary_text(decoded.text):
        raise _binary(source)
    return decoded


def _detect(data: bytes, source: str) -> Decoded:
    """Decode in the encoding charset-normalizer finds least chaotic; on a tie, Windows-1252 if it fits.

    Short texts often decode equally well in several codepages (``près`` is as
    clean in Windows-1250 as ``prčs``); English news that is not UTF-8 is mostly
    Windows-1252 or Latin-1, so that reading wins a tie.
    """
    from charset_normalizer import from_bytes  # imported only for text that is not UTF-8

    matches = list(from_bytes(data))
    if not matches:
        raise _binary(source) from None
    top = min((m.chaos, -m.coherence) for m in matches)
    tied = [m for m in matches if (m.chaos, -m.coherence) == top]
    best = next((m for m in tied if _PREFERRED in m.could_be_from_charset), tied[0])
    if _PREFERRED in best.could_be_from_charset:
        return Decoded(data.decode(_PREFERRED), _PREFERRED, detected=True)
    return Decoded(str(best), best.encoding, detected=True)


def _binary(source: str) -> DocumentError:
    return DocumentError(f"{source}: {BINARY}")
