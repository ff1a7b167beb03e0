"""Event classes: lexicon rules, context conditions, operators, loading and overrides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conflict_kg.extract._classes import (
    CATEGORIES,
    ENV_VAR,
    STATEMENT_DEFAULT,
    EventClass,
    classify,
    classify_token,
    get_lexicon,
    load_lexicon,
)
from conflict_kg.extract._exceptions import InputError

# (lemma, context keywords, expected category)
RULES: list[tuple[str, dict[str, Any], str]] = [
    # "fire": weapons or a target preposition are shooting, a person object a dismissal
    ("fire", {"obj": "rocket", "preps": {"at": "town"}}, "ASSAULT"),
    ("fire", {"obj": "rockets"}, "ASSAULT"),
    ("fire", {"preps": ("at",)}, "ASSAULT"),
    ("fire", {"obj": "shell", "preps": {"on": "village"}}, "ASSAULT"),
    ("fire", {"obj": "minister"}, "SANCTION"),
    ("fire", {"obj": "coach"}, "SANCTION"),
    ("open", {"obj": "fire"}, "ASSAULT"),
    # "strike": a target is an attack, workers without object a labour strike
    ("strike", {"obj": "base"}, "ASSAULT"),
    ("strike", {"subj": "worker"}, "PROTEST"),
    ("strike", {"noun": True, "modifiers": ("hunger",)}, "PROTEST"),
    ("hunger strike", {"noun": True}, "PROTEST"),
    ("strike", {"noun": True, "modifiers": ("air",)}, "ASSAULT"),
    ("strike", {"noun": True, "governor": "launch"}, "ASSAULT"),
    # support verbs take the class of their event noun
    ("go", {"subj": "worker", "preps": {"on": "strike"}}, "PROTEST"),
    ("hold", {"obj": "talks"}, "CONSULT"),
    ("hold", {"obj": "town"}, "COERCE"),
    ("hold", {"obj": "Aleppo", "obj_type": "GPE"}, "COERCE"),
    ("stage", {"obj": "rally"}, "PROTEST"),
    ("launch", {"obj": "investigation"}, "ACCUSE"),
    ("launch", {"obj": "missile"}, "ASSAULT"),
    ("impose", {"obj": "curfew"}, "COERCE"),
    ("impose", {"obj": "sanction"}, "SANCTION"),
    ("declare", {"obj": "ceasefire"}, "RETREAT"),
    ("begin", {"obj": "strike", "obj_modifiers": ("hunger",)}, "PROTEST"),
    ("issue", {"obj": "ultimatum"}, "THREATEN"),
    ("remain", {"preps": {"on": "alert"}}, "MOBILIZE"),
    # cessation: what is stopped decides
    ("halt", {"obj": "aid"}, "SANCTION"),
    ("cut", {"obj": "tie"}, "SANCTION"),
    ("cut off", {"obj": "city"}, "COERCE"),
    ("cut", {"particle": "off", "obj": "electricity"}, "COERCE"),
    ("lift", {"obj": "curfew"}, "CONCEDE"),
    ("call off", {"obj": "strike"}, "CONCEDE"),
    ("suspend", {"obj": "talks"}, "SANCTION"),
    ("stop", {"obj": "attack"}, "RETREAT"),
    ("cancel", {"obj": "visit"}, "SANCTION"),
    # territory and capture
    ("take", {"obj": "control", "preps": {"of": "town"}}, "ASSAULT"),
    ("seize", {"obj": "weapon"}, "COERCE"),
    ("seize", {"obj": "town"}, "ASSAULT"),
    ("capture", {"obj": "soldier"}, "ASSAULT"),
    # phrasal verbs via a preposition
    ("call", {"preps": {"for": "sanction"}}, "REQUEST"),
    ("call", {"preps": {"on": "government"}}, "REQUEST"),
    ("shoot", {"particle": "down", "obj": "helicopter"}, "ASSAULT"),
    # plain verbs of each category
    ("kill", {}, "ASSAULT"),
    ("arrest", {}, "COERCE"),
    ("deploy", {"obj": "troop"}, "MOBILIZE"),
    ("demonstrate", {}, "PROTEST"),
    ("accuse", {}, "ACCUSE"),
    ("investigate", {}, "ACCUSE"),
    ("reject", {}, "REJECT"),
    ("threaten", {}, "THREATEN"),
    ("urge", {}, "REQUEST"),
    ("agree", {}, "AGREE"),
    ("visit", {}, "CONSULT"),
    ("praise", {}, "SUPPORT"),
    ("sign", {"obj": "treaty"}, "SUPPORT"),
    ("extradite", {}, "COOPERATE"),
    ("donate", {}, "AID"),
    ("release", {"obj": "prisoner"}, "RETREAT"),
    ("pardon", {}, "CONCEDE"),
    ("expel", {"obj": "diplomat"}, "SANCTION"),
    ("expel", {"obj": "migrant"}, "COERCE"),
    ("protest", {"subj": "ministry"}, "ACCUSE"),
    ("block", {"obj": "road"}, "PROTEST"),
    ("block", {"obj": "resolution"}, "REJECT"),
    ("send", {"obj": "troop"}, "MOBILIZE"),
    ("send", {"obj": "arm"}, "AID"),
    ("withdraw", {"preps": {"from": "talks"}}, "SANCTION"),
    ("withdraw", {"obj": "troop"}, "RETREAT"),
    # a nominal predicate passed as a plain lemma
    ("offensive", {}, "ASSAULT"),
]


@pytest.mark.parametrize(("lemma", "context", "expected"), RULES)
def test_rule(lemma: str, context: dict[str, Any], expected: str) -> None:
    """Each lexicon rule gives its category."""
    assert classify(lemma, **context).plover == expected


def test_fired_minister_is_not_assault() -> None:
    """'fired the minister' is a dismissal, not an attack."""
    assert classify("fire", obj="minister").plover != "ASSAULT"


@pytest.mark.parametrize(
    ("lemma", "context", "expected"),
    [
        ("allow", {"modal": "would"}, "AGREE"),
        ("impose", {"obj": "restriction", "future": True}, "THREATEN"),
        ("shell", {"modal": "will"}, "THREATEN"),
        ("meet", {"obj": "demand", "modal": "would", "negated": True}, "REJECT"),
        ("attack", {"modal": "will", "negated": True}, "AGREE"),
        ("attack", {"negated": True}, "ASSAULT"),
        ("drop", {"obj": "barrier", "modal": "must"}, "REQUEST"),
        ("accuse", {"modal": "will"}, "ACCUSE"),
    ],
)
def test_modal_and_negation(lemma: str, context: dict[str, Any], expected: str) -> None:
    """Future, obligation and negated future shift the category."""
    assert classify(lemma, **context).plover == expected


@pytest.mark.parametrize(
    ("lemma", "complement", "expected"),
    [
        ("say", EventClass("AGREE", "03"), "AGREE"),
        ("announce", EventClass("COERCE", "17"), "COERCE"),
        ("plan", EventClass("COERCE", "17"), "THREATEN"),
        ("offer", EventClass("AID", "07"), "AGREE"),
        ("ready", EventClass("CONSULT", "04"), "AGREE"),
        ("refuse", EventClass("CONSULT", "04"), "REJECT"),
        ("threaten", EventClass("ASSAULT", "19"), "THREATEN"),
    ],
)
def test_complement_operators(lemma: str, complement: EventClass, expected: str) -> None:
    """Reporting verbs inherit, intent verbs shift, other verbs keep their own class."""
    assert classify(lemma, complement=complement).plover == expected


def test_statement_default_is_flagged() -> None:
    """A bare statement gets the documented default, CAMEO 01, flagged as fallback."""
    result = classify("say")
    assert (result.plover, result.cameo, result.fallback) == (STATEMENT_DEFAULT, "01", True)


def test_unknown_verb_gets_default() -> None:
    """An unknown verb gets the default category without a CAMEO code."""
    result = classify("frobnicate")
    assert result.plover in CATEGORIES and result.fallback and result.cameo is None


def test_cameo_roots() -> None:
    """CAMEO root codes come from the lexicon row or the derived category."""
    assert classify("shell").cameo == "19"
    assert classify("kidnap").cameo == "18"
    assert classify("urge").cameo == "02"
    assert classify("halt", obj="aid").cameo == "16"


def test_every_builtin_row_is_a_category_or_operator() -> None:
    """Whatever the context, classify returns one of the 16 categories."""
    lex = get_lexicon()
    for (pos, lemma, particle), _rows in lex.rows.items():
        assert classify(lemma, noun=pos == "N", particle=particle).plover in CATEGORIES


def _write(tmp_path: Path, text: str, name: str = "user.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "bad"),
    [
        ("shell\tV\t-\tBOMBARD\t19\n", "'BOMBARD'"),
        ("shell\tV\t-\tASSAULT\t190\n", "'190'"),
        ("shell\tX\t-\tASSAULT\t19\n", "'X'"),
        ("shell\tV\tobj\tASSAULT\t19\n", "'obj'"),
        ("shell\tV\tobj=@artillery\tASSAULT\t19\n", "'@artillery'"),
        ("shell\tV\tobj=%WAR\tASSAULT\t19\n", "'WAR'"),
        ("shell V - ASSAULT 19\n", "4 tab-separated columns"),
        ("talk\tN\t-\tOBJECT\t-\n", "'OBJECT'"),
    ],
)
def test_malformed_user_line(tmp_path: Path, line: str, bad: str) -> None:
    """A malformed line raises InputError naming the file, the line and the bad value."""
    path = _write(tmp_path, "# comment\n\n" + line)
    with pytest.raises(InputError) as err:
        load_lexicon(path)
    assert f"{path}:3" in str(err.value) and bad in str(err.value)


def test_missing_user_lexicon(tmp_path: Path) -> None:
    """A missing lexicon file is an InputError naming it."""
    with pytest.raises(InputError, match=r"nope\.tsv"):
        load_lexicon(tmp_path / "nope.tsv")


def test_user_override_and_extension(tmp_path: Path) -> None:
    """User rows override built-in rows and add new lemmas and class members."""
    path = _write(
        tmp_path,
        "say\tV\t-\tCONSULT\t04\nzap\tV\t-\tASSAULT\t19\tdrone\n@weapon\tphaser\n*\tV\t-\tAGREE\t-\n",
    )
    lex = load_lexicon(path)
    assert classify("say", lexicon=lex) == EventClass("CONSULT", "04", None, "user.tsv:1")
    assert classify("zap", lexicon=lex).mode == "drone"
    assert classify("fire", obj="phaser", lexicon=lex).plover == "ASSAULT"
    assert classify("frobnicate", lexicon=lex).plover == "AGREE"
    # built-in context rules still apply where the user file says nothing
    assert classify("fire", obj="minister", lexicon=lex).plover == "SANCTION"


def test_user_conditioned_row_beats_builtin(tmp_path: Path) -> None:
    """A user row with as many conditions as a built-in one wins over it."""
    path = _write(tmp_path, "fire\tV\tobj=@person,prep=-\tCOERCE\t17\n")
    assert classify("fire", obj="minister", lexicon=load_lexicon(path)).plover == "COERCE"


def test_env_var_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files named by the environment variable are read after the built-in lexicon."""
    path = _write(tmp_path, "zap\tV\t-\tASSAULT\t19\n")
    monkeypatch.setenv(ENV_VAR, str(path))
    assert classify("zap").plover == "ASSAULT"
    monkeypatch.delenv(ENV_VAR)
    assert classify("zap").fallback


def test_fallback_is_not_shifted() -> None:
    """An unknown act stays a flagged fallback under a future modal or negation."""
    assert classify("frobnicate", modal="would", negated=True).fallback


def test_obligation_on_unknown_verb_is_request() -> None:
    """'X must be ready', reported, is a demand even when the verb is unknown."""
    assert classify("be", modal="must").plover == "REQUEST"


def _token(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rebels fired rockets at the base.", "fired", "ASSAULT"),
        ("The president fired the defence minister.", "fired", "SANCTION"),
        ("Workers went on strike in Lagos.", "went", "PROTEST"),
        ("Iraq said it would allow the inspectors to return.", "said", "AGREE"),
        ("The government plans to impose a curfew in the capital.", "impose", "THREATEN"),
        ("Norway is willing to send medicine to the region.", "send", "AGREE"),
        ("The union called off the strike.", "called", "CONCEDE"),
        ("The donors halted food aid to the region.", "halted", "SANCTION"),
        ("Students staged a rally outside parliament.", "staged", "PROTEST"),
    ],
)
def test_classify_token(nlp: Any, text: str, word: str, expected: str) -> None:
    """The spaCy helper reads particle, object, prepositions, complement and intent."""
    assert classify_token(_token(nlp, text, word)).plover == expected
