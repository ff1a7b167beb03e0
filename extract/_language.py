"""Telling English articles from others, with lingua's language detector.

The extractor's rules and its spaCy model read English; Arabic, French or
Russian text yields only noise. :func:`foreign_language` names the language of
a text that is confidently not English, from its first few thousand
characters. Text mostly in another script than Latin (Arabic, Cyrillic, Chinese...)
is judged from :data:`MIN_WORDS` words on; text in Latin letters only from
:data:`MIN_LATIN_WORDS` on, since a short English sentence full of names can look
like Tagalog or Danish to a detector ("Rebels shelled Taiz." is not English to lingua).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["MIN_LATIN_WORDS", "MIN_WORDS", "LanguageGuess", "foreign_language"]

#: Texts with fewer words than this are taken as English, whatever they look like.
MIN_WORDS = 5
#: Texts in Latin letters with fewer words than this are taken as English.
MIN_LATIN_WORDS = 30
#: A text is foreign when English's confidence is below this and another language leads.
_MAX_ENGLISH = 0.1
_SAMPLE_CHARS = 3000
#: A Latin-script text whose words are at least this share of English function words is English without
#: asking the detector: English news runs at 0.36-0.45 (dev_long; short dev items from 0.18), French,
#: Spanish, German and Italian prose at 0.03-0.07.
_PLAINLY_ENGLISH = 0.25
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


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


def _english_word_share(sample: str) -> float:
    """The share of ``sample``'s words that are English function words (spaCy's English stop words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in _LETTERS.findall(sample)]
    return sum(w in STOP_WORDS for w in words) / len(words) if words else 0.0


def foreign_language(text: str) -> LanguageGuess | None:
    """The language of ``text`` if it is confidently not English, else None.

    Examples
    --------
    >>> foreign_language("قصفت القوات الحكومية مدينة حلب يوم الثلاثاء وقتل عشرة مدنيين.")
    LanguageGuess(code='ar', name='Arabic', confidence=1.0)
    >>> foreign_language(
    ...     "Les forces gouvernementales ont bombardé la ville mardi, tuant dix civils dans le quartier nord, "
    ...     "selon un porte-parole de l'armée qui a affirmé que les rebelles avaient tiré les premiers sur les soldats."
    ... )
    LanguageGuess(code='fr', name='French', confidence=1.0)
    >>> foreign_language("Les forces gouvernementales ont bombardé la ville.") is None  # too short to judge
    True
    """
    sample = text[:_SAMPLE_CHARS]
    words = len(_WORD.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample)) >= 0.5 * len(_LETTER.findall(sample))
    if words < (MIN_LATIN_WORDS if latin else MIN_WORDS):
        return None
    if latin and _english_word_share(sample) >= _PLAINLY_ENGLISH:
        return None  # plainly English: no need to load the detector's models (0.6 s a process)
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    english = next((v.value for v in values if v.language.iso_code_639_1.name == "EN"), 0.0)
    if best.language.iso_code_639_1.name == "EN" or english >= _MAX_ENGLISH:
        return None
    return LanguageGuess(best.language.iso_code_639_1.name.lower(), best.language.name.title(), round(best.value, 2))
