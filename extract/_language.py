"""Telling English articles from others, with lingua's language detector.

The extractor's rules and its spaCy model read English; Arabic, French or
Russian text yields only noise. :func:`foreign_language` names the language of
a text that is confidently not English, from its first few thousand
characters. A text of fewer than :data:`MIN_WORDS` words is not judged (a
headline such as "Rebels shelled Taiz." looks Danish to any detector).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["MIN_WORDS", "LanguageGuess", "foreign_language"]

#: Texts with fewer words than this are taken as English, whatever they look like.
MIN_WORDS = 5
#: A text is foreign when English's confidence is below this and another language leads.
_MAX_ENGLISH = 0.1
_SAMPLE_CHARS = 3000
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LanguageGuess:
    """A detected language: ISO 639-1 code, English name and the detector's confidence (0-1)."""

    code: str
    name: str
    confidence: float

    def __str__(self) -> str:
        return f"{self.name} ({self.code}, confidence {self.confidence:.2f})"


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    """lingua's detector over all its languages, models loaded lazily, built once per process."""
    from lingua import LanguageDetectorBuilder  # heavy: imported on first use only

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def foreign_language(text: str) -> LanguageGuess | None:
    """The language of ``text`` if it is confidently not English, else None.

    Examples
    --------
    >>> foreign_language("Les forces gouvernementales ont bombardé la ville mardi, tuant dix civils.")
    LanguageGuess(code='fr', name='French', confidence=1.0)
    >>> foreign_language("Government troops recaptured the municipal building on Friday.") is None
    True
    >>> foreign_language("Rebels shelled Taiz.") is None  # too short to judge
    True
    """
    sample = text[:_SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    english = next((v.value for v in values if v.language.iso_code_639_1.name == "EN"), 0.0)
    if best.language.iso_code_639_1.name == "EN" or english >= _MAX_ENGLISH:
        return None
    return LanguageGuess(best.language.iso_code_639_1.name.lower(), best.language.name.title(), round(best.value, 2))
