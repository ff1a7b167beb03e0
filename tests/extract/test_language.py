"""Telling English from other languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conflict_kg.extract._language import foreign_language

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("قصفت القوات الحكومية مدينة حلب يوم الثلاثاء وقتل عشرة مدنيين.", "ar"),
        ("Правительственные войска обстреляли город во вторник, погибли десять человек.", "ru"),
        (
            "Les forces gouvernementales ont bombardé la ville mardi, tuant dix civils dans le quartier nord, selon "
            "un porte-parole de l'armée qui a affirmé que les rebelles avaient tiré les premiers sur les soldats.",
            "fr",
        ),
        (
            "Las fuerzas del gobierno bombardearon la ciudad el martes y mataron a diez civiles en el barrio norte, "
            "según un portavoz del ejército, que afirmó que los rebeldes habían disparado primero contra los soldados.",
            "es",
        ),
    ],
)
def test_foreign_text_is_named(text: str, code: str) -> None:
    """Other languages are recognised and named: other scripts from five words, Latin letters from thirty."""
    guess = foreign_language(text)
    assert guess is not None and guess.code == code and guess.confidence > 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled Taiz.",
        "ISIS",
        "Al-Shabaab fighters attacked Mogadishu's Hodan district overnight, police said.",
        "The Taliban seized Jalalabad without a fight on Sunday, cutting off the capital.",
        "Sabah al-Numani, a CTS spokesman, said on state television that snipers were holed up inside.",
        "Les forces gouvernementales ont bombardé la ville mardi.",  # Latin letters: too short to judge
    ],
)
def test_english_and_short_texts_pass(text: str) -> None:
    """English, names-heavy English and texts too short to judge are not flagged."""
    assert foreign_language(text) is None


@pytest.mark.skipif(not EVAL.is_dir(), reason="the gold sets live in ../shared/eval beside the repository")
def test_no_gold_document_is_flagged() -> None:
    """None of the English evaluation documents is taken for another language."""
    texts = [json.loads(line)["text"] for name in ("dev.jsonl", "dev_long.jsonl") for line in (EVAL / name).open()]
    assert [t[:60] for t in texts if foreign_language(t)] == []


def test_plain_english_does_not_load_the_detector() -> None:
    """An English article is told by its function words: lingua's models (0.6 s a process) stay unloaded."""
    from pathlib import Path

    from conflict_kg.extract import _language

    seed = Path(__file__).resolve().parents[2] / "seeds" / "fallujah-2016-06-17.txt"
    _language._detector.cache_clear()
    assert _language.foreign_language(seed.read_text(encoding="utf-8")) is None
    assert _language._detector.cache_info().currsize == 0
