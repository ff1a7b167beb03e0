"""Event classes: a PLOVER category (and CAMEO root code) for every event.

The decision is driven by a data file, ``data/plover_lexicon.tsv``, which maps
verb lemmas (with an optional particle, ``shoot down``) and event nouns
(``talks``, ``hunger strike``) to one of the 16 current PLOVER categories and a
two-digit CAMEO root code, optionally under context conditions on the clause:
the object's head lemma or word class (``fire`` + ``@weapon`` is ASSAULT,
``fire`` + ``@person`` is SANCTION), a preposition (``fire at``), the subject
(``@labor`` + ``strike`` is PROTEST), modifiers of a noun (``hunger strike``)
or the verb governing a noun (``launch`` + ``strike``). The file header
documents the format; users extend or override it with their own files (see
:func:`load_lexicon` and :data:`ENV_VAR`).

:func:`classify` is a pure function of plain strings, so it is fast, testable and
independent of spaCy; :func:`classify_token` is a thin helper that reads the
same context from a parsed spaCy token (spaCy is never imported here).

Besides plain categories a lexicon row may name an *operator* that derives the
class from the clause:

``OBJECT``
    support verbs (``hold talks``, ``stage a protest``, ``launch an attack``,
    ``go on strike``): the class of the event noun that is the object (or a
    prepositional object).
``COMPLEMENT``
    reporting verbs (``said it would allow inspectors``): the class of the
    clausal complement that states the speaker's own act.
``INTENT``
    verbs and adjectives of intent (``plan``, ``offer``, ``ready``): the class
    of the complement (or object event noun) shifted to the future by
    :data:`FUTURE_SHIFT`.
``STOP``
    verbs of cessation (``halt``, ``suspend``, ``lift``, ``cut``, ``call off``):
    the class of what is stopped, mapped by :data:`STOP_SHIFT` (halting aid is
    SANCTION, halting attacks RETREAT, lifting a curfew CONCEDE).
``DEFAULT``
    the statement default (:data:`STATEMENT_DEFAULT`).

An operator row that cannot resolve (no object event noun, no complement) is
skipped and matching continues with the next row.

**The default.** PLOVER dropped the CAMEO 01 "make public statement" and 02
"appeal" categories (PLOVER manual, "CAMEO to PLOVER translation"), so a bare
``say``, ``announce`` or an unknown verb has no PLOVER category, yet every event
must carry one. Appeals (``urge``, ``appeal``, ``ask``) are requests and are
REQUEST in the lexicon. A statement whose complement states the speaker's own
act takes that act's class (``COMPLEMENT``). What remains gets
:data:`STATEMENT_DEFAULT`, CONSULT: the PLOVER category of communication between
parties ("consultation by phone or other media") and the neutral end of the
verbal-cooperation quad, where CAMEO 01 sat. Such results carry
``fallback=True`` (and CAMEO ``01`` for statements, ``None`` for unknown verbs)
so users can drop or re-label them; the lexicon row ``*`` overrides the default.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._exceptions import InputError

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "BUILTIN_LEXICON",
    "CAMEO_ROOTS",
    "CATEGORIES",
    "CATEGORY_CAMEO",
    "ENTITY_CLASSES",
    "ENV_VAR",
    "FUTURE_MODALS",
    "FUTURE_SHIFT",
    "OBLIGATION_MODALS",
    "OPERATORS",
    "STATEMENT_DEFAULT",
    "STOP_SHIFT",
    "EventClass",
    "Lexicon",
    "LexiconRow",
    "classify",
    "classify_token",
    "get_lexicon",
    "load_lexicon",
]

#: The 16 current PLOVER event categories (PLOVER manual, draft 0.8, 2021).
CATEGORIES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: Lexicon pseudo-categories that derive the class from the clause (module docstring).
OPERATORS: tuple[str, ...] = ("OBJECT", "COMPLEMENT", "INTENT", "STOP", "DEFAULT")

#: The CAMEO root ("cue") codes, 01 to 20.
CAMEO_ROOTS: frozenset[str] = frozenset(f"{i:02d}" for i in range(1, 21))

#: The CAMEO root a category gets when a rule derives it (future shift, cessation).
CATEGORY_CAMEO: dict[str, str] = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "REQUEST": "10",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "19",
}

#: Category of statements and unknown verbs when nothing else applies (see module docstring).
STATEMENT_DEFAULT = "CONSULT"

#: Environment variable: extra lexicon file(s), separated by ``os.pathsep``, read after the built-in one.
ENV_VAR = "CONFLICT_KG_PLOVER_LEXICON"

#: The lexicon shipped with the package.
BUILTIN_LEXICON: Path = Path(__file__).parent / "data" / "plover_lexicon.tsv"

#: Modal auxiliaries that put a clause in the future or the hypothetical.
FUTURE_MODALS: frozenset[str] = frozenset({"will", "would", "shall", "'ll", "wo", "may", "might", "could"})

#: Modal auxiliaries of obligation: "X must withdraw", said by Y, is Y's demand.
OBLIGATION_MODALS: frozenset[str] = frozenset({"must", "should", "ought", "have to", "need"})

#: Future or intended acts (PLOVER manual, AGREE and THREATEN; CAMEO2PLOVER 03x and 13x):
#: cooperation or concessions promised are AGREE (CAMEO 03, including 035 "intent to
#: yield"), material conflict threatened is THREATEN (CAMEO 13); verbal conflict stays.
FUTURE_SHIFT: dict[str, str] = {
    "AGREE": "AGREE",
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "CONCEDE": "AGREE",
    "RETREAT": "AGREE",
    "ASSAULT": "THREATEN",
    "COERCE": "THREATEN",
    "SANCTION": "THREATEN",
    "MOBILIZE": "THREATEN",
    "PROTEST": "THREATEN",
    "REQUEST": "REQUEST",
    "ACCUSE": "ACCUSE",
    "REJECT": "REJECT",
    "THREATEN": "THREATEN",
}

#: What stopping, suspending or lifting an act of each category is: ending cooperation
#: reduces relations (SANCTION, CAMEO 16); ending violence or sanctions is RETREAT (CAMEO
#: 087, 085); easing restrictions, calling off protests, dropping charges or demands is
#: CONCEDE (CAMEO 081-083); halting a retreat or concession is REJECT (CAMEO 124).
STOP_SHIFT: dict[str, str] = {
    "AGREE": "SANCTION",
    "CONSULT": "SANCTION",
    "SUPPORT": "SANCTION",
    "COOPERATE": "SANCTION",
    "AID": "SANCTION",
    "ASSAULT": "RETREAT",
    "MOBILIZE": "RETREAT",
    "THREATEN": "RETREAT",
    "SANCTION": "RETREAT",
    "COERCE": "CONCEDE",
    "PROTEST": "CONCEDE",
    "REQUEST": "CONCEDE",
    "ACCUSE": "CONCEDE",
    "REJECT": "CONCEDE",
    "RETREAT": "REJECT",
    "CONCEDE": "REJECT",
}

#: spaCy entity labels and the word class a named object of that label belongs to.
ENTITY_CLASSES: dict[str, str] = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PERSON": "person",
    "ORG": "group",
    "NORP": "group",
}

_POS = {"V": "V", "VERB": "V", "N": "N", "NOUN": "N"}
_KEY_RE = re.compile(r"^[a-z]+$")
_MAX_DEPTH = 4


@dataclass(frozen=True)
class EventClass:
    """The class of one event.

    Attributes
    ----------
    plover : str
        One of :data:`CATEGORIES`.
    cameo : str or None
        Two-digit CAMEO root code where clear, else None.
    mode : str or None
        PLOVER mode (``"abduct"``, ``"visit"``...) where the lexicon gives one.
    rule : str
        What decided it: ``"plover_lexicon.tsv:123"``, with derivations such as
        ``"future(...)"`` or ``"default"``.
    fallback : bool
        True when no lexicon row applied and :data:`STATEMENT_DEFAULT` was used.
    """

    plover: str
    cameo: str | None = None
    mode: str | None = None
    rule: str = ""
    fallback: bool = False


@dataclass(frozen=True)
class LexiconRow:
    """One parsed lexicon line: key, conditions and result."""

    lemma: str
    pos: str
    particle: str | None
    conditions: tuple[tuple[str, tuple[str, ...]], ...]
    plover: str
    cameo: str | None
    mode: str | None
    source: str
    line: int
    priority: int = 0

    @property
    def where(self) -> str:
        """``file:line`` of this row."""
        return f"{Path(self.source).name}:{self.line}"


#: How many classified contexts a :class:`Lexicon` remembers before starting over.
MEMO_MAX = 100_000


@dataclass
class Lexicon:
    """Parsed lexicon: rows by (pos, lemma, particle) and word classes.

    Build with :func:`load_lexicon`; most code just calls :func:`get_lexicon`.
    """

    rows: dict[tuple[str, str, str | None], list[LexiconRow]] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    default: EventClass = EventClass(STATEMENT_DEFAULT, None, None, "default", True)
    #: Classes already computed by :func:`classify_token`, by their whole context.
    memo: dict[tuple[Any, ...], EventClass] = field(default_factory=dict, repr=False, compare=False)

    def lookup(self, pos: str, lemma: str, particle: str | None) -> list[LexiconRow]:
        """Rows for a key, most specific first, then user files first, then file order."""
        return self.rows.get((pos, lemma, particle), [])


# --------------------------------------------------------------------------- loading


def _fail(path: Path | str, lineno: int, msg: str) -> InputError:
    return InputError(f"{path}:{lineno}: {msg}")


def _parse_conditions(text: str, path: Path | str, lineno: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    text = text.strip()
    if text in ("", "-"):
        return ()
    out = []
    for part in text.split(","):
        part = part.strip()
        if "=" not in part:
            raise _fail(path, lineno, f"bad condition {part!r}: expected key=value, e.g. obj=@weapon or prep=at")
        key, _, value = part.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not _KEY_RE.match(key):
            raise _fail(
                path,
                lineno,
                f"bad condition key {key!r} in {part!r}: use obj, subj, prep, pobj, "
                "mod, objmod, verb or a preposition such as on",
            )
        alts = tuple(v.strip().lower() if not v.strip().startswith("%") else v.strip() for v in value.split("|"))
        if not value or any(not a for a in alts):
            raise _fail(path, lineno, f"empty value in condition {part!r}")
        for a in alts:
            if a.startswith("%") and a[1:] not in CATEGORIES:
                raise _fail(path, lineno, f"unknown PLOVER category {a[1:]!r} in condition {part!r}")
        out.append((key, alts))
    return tuple(out)


def _read_file(path: Path, priority: int, lex: Lexicon, class_refs: list[tuple[str, Path, int]]) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"PLOVER lexicon {str(path)!r} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read PLOVER lexicon {str(path)!r}: {exc}") from None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        name = cols[0]
        if name.startswith("@"):  # word class: @name <TAB> members separated by spaces or |
            if len(cols) < 2 or not re.match(r"^@[a-z_]+$", name) or not cols[1]:
                raise _fail(path, lineno, f"bad word-class line {line!r}: expected @name<TAB>word word ...")
            members = frozenset(w.lower() for w in re.split(r"[\s|]+", " ".join(cols[1:])) if w)
            lex.classes[name[1:]] = lex.classes.get(name[1:], frozenset()) | members
            continue
        if len(cols) < 4:
            raise _fail(
                path,
                lineno,
                f"expected at least 4 tab-separated columns (lemma, pos, when, plover), got {len(cols)} in {line!r}",
            )
        lemma_text, pos_text, when, plover = cols[:4]
        cameo = cols[4] if len(cols) > 4 and cols[4] not in ("", "-") else None
        mode = cols[5] if len(cols) > 5 and cols[5] not in ("", "-") else None
        pos = _POS.get(pos_text.upper())
        if pos is None:
            raise _fail(path, lineno, f"bad part of speech {pos_text!r}: use V (verb) or N (noun)")
        plover = plover.upper()
        if plover not in CATEGORIES and plover not in OPERATORS:
            raise _fail(
                path,
                lineno,
                f"unknown PLOVER category {cols[3]!r}: use one of {', '.join(CATEGORIES)} "
                f"or an operator {', '.join(OPERATORS)}",
            )
        if pos == "N" and plover in ("OBJECT", "COMPLEMENT", "INTENT", "STOP"):
            raise _fail(path, lineno, f"operator {plover!r} is for verbs only")
        if cameo is not None and cameo not in CAMEO_ROOTS:
            raise _fail(path, lineno, f"bad CAMEO root code {cameo!r}: use two digits 01 to 20")
        conditions = _parse_conditions(when, path, lineno)
        for _key, alts in conditions:
            class_refs.extend((a[1:], path, lineno) for a in alts if a.startswith("@"))
        words = lemma_text.lower().split()
        if not words:
            raise _fail(path, lineno, "empty lemma")
        if lemma_text == "*":
            lex.default = EventClass(
                plover if plover in CATEGORIES else STATEMENT_DEFAULT, cameo, mode, f"{path.name}:{lineno}", True
            )
            continue
        if pos == "V":  # "shoot down": verb + particle
            lemma, particle = words[0], " ".join(words[1:]) or None
        else:  # "hunger strike": head noun + required modifiers
            lemma, particle = words[-1], None
            if len(words) > 1:
                conditions = (("mod", (" ".join(words[:-1]),)), *conditions)
        row = LexiconRow(lemma, pos, particle, conditions, plover, cameo, mode, str(path), lineno, priority)
        lex.rows.setdefault((pos, lemma, particle), []).append(row)


def load_lexicon(*paths: str | os.PathLike[str], builtin: bool = True) -> Lexicon:
    """Read the built-in lexicon (unless ``builtin=False``) and then ``paths``.

    Rows of later files take precedence over rows of earlier files with the same
    key and the same number of conditions; word classes (``@weapon``) are merged.

    Raises
    ------
    InputError
        Naming the file, line and bad value for a malformed line, or a missing file.
    """
    lex = Lexicon()
    class_refs: list[tuple[str, Path, int]] = []
    files = ([BUILTIN_LEXICON] if builtin else []) + [Path(p) for p in paths]
    for priority, path in enumerate(files):
        _read_file(path, priority, lex, class_refs)
    for name, path, lineno in class_refs:
        if name not in lex.classes and name not in ENTITY_CLASSES.values():
            raise _fail(path, lineno, f"unknown word class {'@' + name!r}: define it with a line @{name}<TAB>words")
    for rows in lex.rows.values():
        rows.sort(key=lambda r: (-len(r.conditions), -r.priority, r.line))
    return lex


@functools.lru_cache(maxsize=8)
def _cached_lexicon(extra: str) -> Lexicon:
    return load_lexicon(*[p for p in extra.split(os.pathsep) if p])


def get_lexicon() -> Lexicon:
    """The built-in lexicon plus the files named by :data:`ENV_VAR`, loaded once and cached."""
    return _cached_lexicon(os.environ.get(ENV_VAR, ""))


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Clause:
    """Normalized clause context for matching (internal)."""

    obj: str | None
    obj_type: str | None
    objmods: tuple[str, ...]
    subj: str | None
    subj_type: str | None
    preps: tuple[tuple[str, str | None], ...]
    mods: tuple[str, ...]
    verb: str | None
    complement: EventClass | None


def _variants(word: str) -> tuple[str, ...]:
    """The word and naive singulars, so plain-string callers may pass ``rockets``."""
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append(word[:-1])
    return tuple(out)


def _in_class(lex: Lexicon, name: str, word: str, etype: str | None) -> bool:
    if etype and ENTITY_CLASSES.get(etype.upper()) == name:
        return True
    members = lex.classes.get(name, frozenset())
    return any(v in members for v in _variants(word))


def _value_matches(lex: Lexicon, alt: str, word: str, etype: str | None, verb: str | None, depth: int) -> bool:
    if alt == "*":
        return True
    if alt.startswith("@"):
        return _in_class(lex, alt[1:], word, etype)
    if alt.startswith("%"):
        found = _noun_class(lex, word, (), verb, depth + 1)
        return found is not None and found.plover == alt[1:]
    return alt in _variants(word) or alt == word


def _cond_matches(lex: Lexicon, key: str, alts: tuple[str, ...], c: _Clause, lemma: str, depth: int) -> bool:
    absent = "-" in alts
    if key == "obj":
        words: list[tuple[str, str | None]] = [(c.obj, c.obj_type)] if c.obj else []
    elif key == "subj":
        words = [(c.subj, c.subj_type)] if c.subj else []
    elif key == "prep":
        words = [(p, None) for p, _ in c.preps]
    elif key == "pobj":
        words = [(o, None) for _, o in c.preps if o]
    elif key == "mod":
        words = [(m, None) for m in c.mods]
    elif key == "objmod":
        words = [(m, None) for m in c.objmods]
    elif key == "verb":
        words = [(c.verb, None)] if c.verb else []
    else:  # a preposition: its object
        words = [(o, None) for p, o in c.preps if p == key and o]
    if not words:
        return absent
    return any(_value_matches(lex, a, w, t, lemma, depth) for a in alts if a != "-" for w, t in words)


def _row_matches(lex: Lexicon, row: LexiconRow, c: _Clause, lemma: str, depth: int) -> bool:
    return all(_cond_matches(lex, k, alts, c, lemma, depth) for k, alts in row.conditions)


def _from_row(row: LexiconRow, plover: str | None = None, how: str = "") -> EventClass:
    cat = plover or row.plover
    cameo = row.cameo if plover is None else CATEGORY_CAMEO.get(cat)
    rule = f"{how}({row.where})" if how else row.where
    return EventClass(cat, cameo, row.mode if plover is None else None, rule)


def _noun_class(
    lex: Lexicon,
    noun: str,
    mods: Sequence[str],
    verb: str | None,
    depth: int,
    preps: tuple[tuple[str, str | None], ...] = (),
) -> EventClass | None:
    """The class of an event noun, or None when ``noun`` is not one."""
    if depth > _MAX_DEPTH or not noun:
        return None
    clause = _Clause(None, None, (), None, None, preps, tuple(mods), verb, None)
    for n in _variants(noun):
        for row in lex.lookup("N", n, None):
            if _row_matches(lex, row, clause, n, depth):
                if row.plover == "DEFAULT":
                    return EventClass(lex.default.plover, row.cameo or lex.default.cameo, row.mode, row.where, True)
                return _from_row(row)
    return None


def _object_events(lex: Lexicon, c: _Clause, verb: str, depth: int) -> list[EventClass]:
    """Classes of the event nouns among the object and prepositional objects, in that order."""
    out = []
    if c.obj:
        found = _noun_class(lex, c.obj, c.objmods, verb, depth + 1)
        if found is not None:
            out.append(found)
        else:  # "a mediation mission", "a rescue team": the event is the compound modifier
            out.extend(f for m in c.objmods if (f := _noun_class(lex, m, (), verb, depth + 1)) is not None)
    for _prep, pobj in c.preps:
        if pobj:
            found = _noun_class(lex, pobj, (), verb, depth + 1)
            if found is not None:
                out.append(found)
    return out


def _resolve(lex: Lexicon, row: LexiconRow, c: _Clause, verb: str, depth: int) -> EventClass | None:
    """Apply a row; None when it is an operator that cannot resolve here."""
    op = row.plover
    if op in CATEGORIES:
        return _from_row(row)
    if op == "DEFAULT":
        return EventClass(lex.default.plover, row.cameo or lex.default.cameo, row.mode, row.where, True)
    comp = c.complement if c.complement is not None and not c.complement.fallback else None
    nouns = [n for n in _object_events(lex, c, verb, depth) if not n.fallback]
    if op == "OBJECT":
        # support verb: "held talks", "staged a rally", "went on strike" take the noun's class
        return replace(nouns[0], rule=f"object({row.where}, {nouns[0].rule})") if nouns else None
    if op == "COMPLEMENT":
        # reporting verb: "said it would allow inspectors" takes the complement's class
        return replace(comp, rule=f"complement({row.where}, {comp.rule})") if comp else None
    if op == "INTENT":
        # intent: "plans to impose restrictions" is a threat, "ready to host" an agreement
        base = comp or (nouns[0] if nouns else None)
        if base is None:
            return None
        shifted = FUTURE_SHIFT[base.plover]
        keep = shifted == base.plover
        return EventClass(
            shifted,
            base.cameo if keep else CATEGORY_CAMEO[shifted],
            base.mode if keep else None,
            f"intent({row.where}, {base.rule})",
        )
    if op == "STOP":
        # cessation: "halted aid" SANCTION, "lifted the curfew" CONCEDE, "stopped attacks" RETREAT
        base = nouns[0] if nouns else comp
        if base is None:
            return None
        cat = STOP_SHIFT[base.plover]
        return EventClass(cat, CATEGORY_CAMEO[cat], None, f"stop({row.where}, {base.rule})")
    return None  # pragma: no cover - operators are validated at load time


def _norm_preps(
    preps: Mapping[str, str | None] | Iterable[str | tuple[str, str | None]],
) -> tuple[tuple[str, str | None], ...]:
    items: Iterable[Any] = preps.items() if isinstance(preps, Mapping) else preps
    out = []
    for item in items:
        if isinstance(item, str):
            out.append((item.lower(), None))
        else:
            p, o = item
            out.append((str(p).lower(), o.lower() if o else None))
    return tuple(out)


def classify(
    lemma: str,
    *,
    noun: bool = False,
    particle: str | None = None,
    obj: str | None = None,
    obj_type: str | None = None,
    obj_modifiers: Sequence[str] = (),
    subj: str | None = None,
    subj_type: str | None = None,
    preps: Mapping[str, str | None] | Iterable[str | tuple[str, str | None]] = (),
    modifiers: Sequence[str] = (),
    governor: str | None = None,
    complement: EventClass | None = None,
    modal: str | None = None,
    future: bool = False,
    negated: bool = False,
    lexicon: Lexicon | None = None,
) -> EventClass:
    """Return the PLOVER category and CAMEO root of one event predicate.

    All arguments are plain lowercase-insensitive strings; nothing here needs spaCy.

    Parameters
    ----------
    lemma : str
        The predicate lemma: a verb (``"fire"``), or with ``noun=True`` an event noun
        (``"strike"``, ``"talk"``). An adjective predicate (``"ready"``) is passed as a verb.
    noun : bool
        Classify ``lemma`` as a nominal event ("the attack on", "a hunger strike").
    particle : str, optional
        Verb particle: ``"down"`` for "shot down", ``"off"`` for "called off".
    obj : str, optional
        Head lemma of the direct object; for a passive clause, of the grammatical
        subject ("peacekeepers were shipped out" → ``"peacekeeper"``).
    obj_type : str, optional
        spaCy entity label of the object (``"GPE"``, ``"PERSON"``), see :data:`ENTITY_CLASSES`.
    obj_modifiers : sequence of str
        Compound/adjective modifiers of the object ("*hunger* strike", "*joint* exercises").
    subj, subj_type : str, optional
        Head lemma and entity label of the agent (active subject or passive ``by`` agent).
    preps : mapping or iterable
        Prepositions attached to the predicate, either a mapping ``{"at": "base"}`` of
        preposition to its object's head lemma, or plain prepositions ``("at",)``, or
        ``(prep, object)`` pairs.
    modifiers : sequence of str
        For a noun, its compound/adjective modifiers (``("hunger",)``); for a verb, adverbs.
    governor : str, optional
        For a noun, the lemma of the verb it depends on ("*launched* a strike").
    complement : EventClass, optional
        The class of the clausal complement (xcomp/ccomp), from an earlier call, when that
        complement states the speaker's own act or demand ("said *it would allow*",
        "offered *to send*", "declared *China must drop*"). Leave it out for mere
        attribution of someone else's act ("police said *rebels attacked*").
    modal : str, optional
        Modal auxiliary of this clause: future ones (:data:`FUTURE_MODALS`) shift the
        class by :data:`FUTURE_SHIFT`; obligation (:data:`OBLIGATION_MODALS`) makes it REQUEST.
    future : bool
        The act is planned or expected rather than done (same effect as a future modal).
    negated : bool
        The clause is negated. Only a negated *future* act changes class: a refusal of
        cooperation is REJECT ("would not meet demands"), a promise not to fight AGREE.
    lexicon : Lexicon, optional
        Defaults to :func:`get_lexicon`.

    Returns
    -------
    EventClass
        Always one of the 16 :data:`CATEGORIES`; ``fallback`` is True when the
        statement default was used.

    Examples
    --------
    >>> classify("fire", obj="rocket", preps={"at": "town"}).plover
    'ASSAULT'
    >>> classify("fire", obj="minister").plover
    'SANCTION'
    >>> classify("go", preps={"on": "strike"}, subj="worker").plover
    'PROTEST'
    """
    lex = lexicon if lexicon is not None else get_lexicon()
    words = lemma.strip().lower().split() or [""]
    mods = tuple(m.lower() for m in modifiers)
    if noun:  # "hunger strike": head noun plus modifiers
        lem = words[-1]
        mods = (*mods, *words[:-1], " ".join(words[:-1])) if len(words) > 1 else mods
        prt = None
    else:  # "cut off": verb plus particle
        lem = words[0]
        prt = particle.strip().lower() if particle else (" ".join(words[1:]) or None)
    pp = _norm_preps(preps)
    c = _Clause(
        obj.lower() if obj else None,
        obj_type,
        tuple(m.lower() for m in obj_modifiers),
        subj.lower() if subj else None,
        subj_type,
        pp,
        mods,
        governor.lower() if governor else None,
        complement,
    )
    result: EventClass | None = None
    if noun:
        result = _noun_class(lex, lem, c.mods, c.verb, 0, pp)
    else:
        # phrasal keys first: "call off", then "call for"/"fire at" via a preposition, then "call"
        keys: list[str | None] = ([prt] if prt else []) + [p for p, _ in pp] + [None]
        for key in dict.fromkeys(keys):
            for row in lex.lookup("V", lem, key):
                if _row_matches(lex, row, c, lem, 0):
                    result = _resolve(lex, row, c, lem, 0)
                    if result is not None:
                        break
            if result is not None:
                break
        if result is None and not lex.lookup("V", lem, None):
            # a nominal predicate passed as a plain lemma ("offensive", "ceasefire")
            result = _noun_class(lex, lem, mods, c.verb, 0, pp)
    if result is None:
        result = lex.default
    return _adjust(result, modal, future, negated)


def _adjust(result: EventClass, modal: str | None, future: bool, negated: bool) -> EventClass:
    """Apply obligation, future and negation (see :func:`classify`)."""
    m = modal.lower().strip() if modal else None
    if m in OBLIGATION_MODALS:
        # "X must drop barriers" as the content of a statement is a demand on X (CAMEO 10)
        return EventClass("REQUEST", "10", None, f"must({result.rule})")
    if result.fallback:
        return result  # nothing known to shift: "expected to reach X" stays a fallback
    if future or m in FUTURE_MODALS:
        cat = FUTURE_SHIFT[result.plover]
        if cat != result.plover:
            result = EventClass(cat, CATEGORY_CAMEO[cat], None, f"future({result.rule})")
        if negated and result.plover == "AGREE":
            # "would not allow", "will not meet demands": refusal (CAMEO 12)
            return EventClass("REJECT", "12", None, f"not({result.rule})")
        if negated and result.plover == "THREATEN":
            # "will not attack": intent to de-escalate (CAMEO 0356 -> AGREE)
            return EventClass("AGREE", "03", None, f"not({result.rule})")
    return result


# --------------------------------------------------------------------------- spaCy helper

_OBJ_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
_SUBJ_DEPS = frozenset({"nsubj", "csubj"})
_PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
_COMP_DEPS = frozenset({"xcomp", "ccomp"})
_MOD_DEPS = frozenset({"compound", "amod", "nmod"})
#: Irregular past forms (also with prefixes: "retook", "overran") the tagger may leave unlemmatized.
_IRREGULAR: dict[str, str] = {
    "took": "take",
    "ran": "run",
    "shot": "shoot",
    "fought": "fight",
    "struck": "strike",
    "fled": "flee",
    "held": "hold",
    "sent": "send",
    "met": "meet",
    "led": "lead",
    "left": "leave",
    "brought": "bring",
    "began": "begin",
    "gave": "give",
    "threw": "throw",
    "drew": "draw",
    "sought": "seek",
    "froze": "freeze",
    "spoke": "speak",
    "told": "tell",
    "said": "say",
    "laid": "lay",
    "sold": "sell",
    "broke": "break",
    "forbade": "forbid",
    "stood": "stand",
    "went": "go",
    "overcame": "overcome",
    "hung": "hang",
    "blew": "blow",
    "slew": "slay",
    "bound": "bind",
    "won": "win",
    "swore": "swear",
    "rose": "rise",
}
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our"})


def _head_lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _verb_lemma(tok: Any, lex: Lexicon) -> str:
    """The token's lemma, or a lexicon verb its inflected form points to when the
    tagger's lemma is unknown ("staged" lemmatized as "stag")."""
    lemma = _head_lemma(tok)
    if lex.lookup("V", lemma, None):
        return lemma
    text = str(tok.text).lower()
    candidates = []
    if text.endswith("ied"):
        candidates.append(text[:-3] + "y")
    if text.endswith("ed"):
        candidates += [text[:-1], text[:-2], text[:-3]]  # staged, attacked, shelled/shell, ...
    if text.endswith("ing"):
        candidates += [text[:-3] + "e", text[:-3], text[:-4]]
    if text.endswith("s"):
        candidates += [text[:-1], text[:-2]]
    candidates += [text[: -len(past)] + base for past, base in _IRREGULAR.items() if text.endswith(past)]
    return next((c for c in candidates if len(c) > 2 and lex.lookup("V", c, None)), lemma)


def _intent_head(tok: Any, lex: Lexicon) -> bool:
    """Whether ``tok`` is the infinitive complement of an intent word ("ready to host")."""
    if tok.dep_ != "xcomp" or tok.head.i == tok.i:
        return False
    return any(r.plover == "INTENT" for r in lex.lookup("V", _verb_lemma(tok.head, lex), None))


def classify_token(token: Token, *, lexicon: Lexicon | None = None, _depth: int = 0) -> EventClass:
    """Classify a spaCy verb, adjective or noun token from its dependency context.

    Reads the particle, object (or passive subject), agent, prepositions, modifiers,
    modal, negation and complement clause, and calls :func:`classify`. The
    complement is passed only when it states the speaker's own act (no subject of
    its own, a pronoun, the same subject, or an obligation modal).
    """
    lex = lexicon if lexicon is not None else get_lexicon()
    is_noun = token.pos_ in ("NOUN", "PROPN")
    particle = obj_tok = subj_tok = None
    preps: list[tuple[str, str | None]] = []
    modal: str | None = None
    negated = False
    complement: EventClass | None = None
    mods: list[str] = []
    for ch in token.children:
        dep = ch.dep_
        if dep == "prt":
            particle = _head_lemma(ch)
        elif dep in _PASS_SUBJ_DEPS or (dep in _OBJ_DEPS and obj_tok is None and ch.pos_ in _NOMINAL_POS):
            # the object, or in a passive clause the patient subject
            obj_tok = ch
        elif dep in _SUBJ_DEPS:
            subj_tok = ch
        elif dep == "agent":
            pobj = next((g for g in ch.children if g.dep_ == "pobj"), None)
            subj_tok = pobj or subj_tok
        elif dep == "prep" or (dep == "dative" and ch.pos_ == "ADP"):
            pobj = next((g for g in ch.children if g.dep_ in ("pobj", "pcomp")), None)
            preps.append((_head_lemma(ch), _head_lemma(pobj) if pobj is not None else None))
        elif dep == "aux" and _head_lemma(ch) in FUTURE_MODALS | OBLIGATION_MODALS:
            modal = _head_lemma(ch)
        elif dep == "neg" or (dep == "advmod" and _head_lemma(ch) == "never"):
            negated = True
        elif dep in _MOD_DEPS or (dep == "advmod" and not is_noun):
            mods.append(_head_lemma(ch))
    if obj_tok is None and token.dep_ == "acl" and token.tag_ == "VBN":
        # passive participle modifying its patient: "barrel bombs dropped from helicopters"
        obj_tok = token.head
    if modal is None and token.dep_ in ("xcomp", "conj"):
        # "it would allow X and Y" / "will continue to send": inherit the head's modal
        modal = next(
            (
                _head_lemma(a)
                for a in token.head.children
                if a.dep_ == "aux" and _head_lemma(a) in FUTURE_MODALS | OBLIGATION_MODALS
            ),
            None,
        )
    if _depth < 2 and not is_noun:
        for ch in token.children:
            if ch.dep_ in _COMP_DEPS and ch.pos_ in ("VERB", "AUX", "ADJ"):
                csubj = next((g for g in ch.children if g.dep_ in _SUBJ_DEPS | _PASS_SUBJ_DEPS), None)
                cmodal = any(g.dep_ == "aux" and _head_lemma(g) in OBLIGATION_MODALS for g in ch.children)
                own = (
                    csubj is None
                    or _head_lemma(csubj) in _PRONOUNS
                    or cmodal
                    or (subj_tok is not None and _head_lemma(csubj) == _head_lemma(subj_tok))
                )
                if own:
                    complement = classify_token(ch, lexicon=lex, _depth=_depth + 1)
                    break
    governor = None
    if is_noun and token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
        governor = _head_lemma(token.head)
    elif is_noun and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
        governor = _head_lemma(token.head.head)
    obj_mods = [_head_lemma(g) for g in obj_tok.children if g.dep_ in _MOD_DEPS] if obj_tok is not None else []
    lemma = _head_lemma(token) if is_noun else _verb_lemma(token, lex)
    key = (
        lemma,
        is_noun,
        particle,
        _head_lemma(obj_tok) if obj_tok is not None else None,
        obj_tok.ent_type_ or None if obj_tok is not None else None,
        tuple(obj_mods),
        _head_lemma(subj_tok) if subj_tok is not None else None,
        subj_tok.ent_type_ or None if subj_tok is not None else None,
        tuple(preps),
        tuple(mods),
        governor,
        complement,
        modal,
        # "is willing to send", "plans to impose": the complement of an intent word is future
        not is_noun and _intent_head(token, lex),
        negated,
    )
    # the same context gives the same class: remember it per lexicon (bounded)
    found = lex.memo.get(key)
    if found is None:
        if len(lex.memo) > MEMO_MAX:
            lex.memo.clear()
        found = lex.memo[key] = _classify_key(key, lex)
    return found


def _classify_key(key: tuple[Any, ...], lex: Lexicon) -> EventClass:
    (
        lemma,
        noun,
        particle,
        obj,
        obj_type,
        obj_mods,
        subj,
        subj_type,
        preps,
        mods,
        governor,
        complement,
        modal,
        future,
        negated,
    ) = key
    return classify(
        lemma,
        noun=noun,
        particle=particle,
        obj=obj,
        obj_type=obj_type,
        obj_modifiers=obj_mods,
        subj=subj,
        subj_type=subj_type,
        preps=preps,
        modifiers=mods,
        governor=governor,
        complement=complement,
        modal=modal,
        future=future,
        negated=negated,
        lexicon=lex,
    )
