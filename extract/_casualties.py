"""Casualties: how many people an event killed or injured, as the text states it.

A sentence states casualties through an *anchor* and a *count*:

- a killing or wounding verb and its victims, the object of the active verb or
  the subject of the passive ("killing at least 11 soldiers", "six others were
  wounded");
- an intransitive dying verb and its subject ("17 people died");
- a toll and the number it reaches ("the death toll rose to 31", "a toll of 14");
- a group of the dead or hurt counted on its own ("leaving 12 dead and 30 wounded").

The count is read from the victims' phrase: digits ("1,200"), number words
("six", "twenty-one", "two hundred"), a singular noun with "a"/"an" (one) and
sums of coordinated phrases ("an officer and two soldiers" is 3). A qualifier
such as "at least" keeps the stated number. Vague amounts ("dozens", "scores")
give no count, only a lower bound. A number that measures something else (ages,
times, distances, money, weapons: the ``unit`` words of the lexicon) or looks
like a year is never a count.

Each statement then goes to the events it belongs to (:func:`attach`): the
killing event itself, and the events that caused it: those whose clause governs
the killing verb ("ambushed a patrol, killing 11"), those coordinated with it,
and, for a toll or a passive report without a stated agent, the other material
events of the sentence.

The words live in ``data/casualty_words.tsv`` (one home for each word list).

Examples
--------
>>> parse_count("twenty-one"), parse_count("1,200"), parse_count("two hundred")
(21, 1200, 200)
>>> parse_count("dozens") is None, vague_bound("dozens")
(True, 24)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ._exceptions import InputError

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "CASUALTY_FILE",
    "Casualties",
    "CasualtyLexicon",
    "Statement",
    "attach",
    "get_lexicon",
    "parse_count",
    "sentence_statements",
    "vague_bound",
]

#: The casualty word lists shipped with the package.
CASUALTY_FILE: Path = Path(__file__).parent / "data" / "casualty_words.tsv"

Kind = Literal["killed", "injured"]
_SECTIONS = frozenset({"number", "scale", "vague", "killed", "injured", "died", "toll", "dead", "hurt", "unit"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
#: Dependency labels that tie a caused clause to the clause of its cause.
_CAUSE_DEPS = frozenset({"advcl", "xcomp", "conj", "relcl", "acl", "ccomp", "pcomp", "prep", "pobj", "dobj"})
#: Determiners that make a singular noun one person: 'a soldier', 'her son'.
_SINGLE_DETS = frozenset({"a", "an", "one", "another", "his", "her", "their", "its"})
#: Verbs that carry a toll to its number ("rose to 31", "reached 14", "stood at 9").
_TOLL_VERB_PREPS = frozenset({"to", "at"})


@dataclass(frozen=True)
class CasualtyLexicon:
    """The word lists of ``casualty_words.tsv``, by section."""

    numbers: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    killed: frozenset[str]
    injured: frozenset[str]
    died: frozenset[str]
    toll: frozenset[str]
    dead: frozenset[str]
    hurt: frozenset[str]
    units: frozenset[str]


def read_lexicon(path: Path) -> CasualtyLexicon:
    """Read a casualty lexicon file (format in the file's header).

    Raises
    ------
    InputError
        For a row with an unknown section or a value that is not a whole number.
    """
    rows: dict[str, dict[str, int]] = {section: {} for section in _SECTIONS}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        section, word, *rest = line.split("\t")
        if section not in _SECTIONS:
            raise InputError(f"{path}:{lineno}: unknown section {section!r}; use one of {sorted(_SECTIONS)!r}")
        try:
            value = int(rest[0]) if rest else 0
        except ValueError:
            raise InputError(f"{path}:{lineno}: the value {rest[0]!r} must be a whole number") from None
        rows[section][word.lower()] = value
    return CasualtyLexicon(
        numbers=rows["number"],
        scales=rows["scale"],
        vague=rows["vague"],
        **{
            name: frozenset(rows[section])
            for name, section in (
                ("killed", "killed"),
                ("injured", "injured"),
                ("died", "died"),
                ("toll", "toll"),
                ("dead", "dead"),
                ("hurt", "hurt"),
                ("units", "unit"),
            )
        },
    )


@functools.cache
def get_lexicon() -> CasualtyLexicon:
    """The shipped casualty lexicon, read once."""
    return read_lexicon(CASUALTY_FILE)


def parse_count(text: str) -> int | None:
    """The whole number a phrase states, or None when it states none (or only a vague amount).

    >>> parse_count("at least 20"), parse_count("seven"), parse_count("a dozen"), parse_count("several")
    (20, 7, 12, None)
    """
    lex = get_lexicon()
    words = text.lower().replace("-", " ").split()
    while words and words[0] in {"at", "least", "more", "than", "over", "some", "about", "around", "nearly"}:
        words = words[1:]
    phrase = " ".join(words)
    if phrase in lex.numbers:
        return lex.numbers[phrase]
    total = current = 0
    seen = False
    for word in words:
        if _DIGITS.match(word):
            current += int(word.replace(",", ""))
        elif word in lex.numbers:
            current += lex.numbers[word]
        elif word in lex.scales:
            current = max(current, 1) * lex.scales[word]
            if lex.scales[word] >= 1000:
                total, current = total + current, 0
        elif word == "and" and seen:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def vague_bound(text: str) -> int | None:
    """The lower bound a vague amount implies ("dozens" 24), or None.

    >>> vague_bound("scores"), vague_bound("20")
    (40, None)
    """
    return get_lexicon().vague.get(text.lower())


@dataclass(frozen=True)
class Casualties:
    """Counts stated for one event: exact numbers, and lower bounds from vague amounts."""

    killed: int | None = None
    injured: int | None = None
    killed_min: int | None = None
    injured_min: int | None = None

    def merge(self, other: Casualties) -> Casualties:
        """This event's counts, with ``other``'s filling the gaps (a stated number beats a bound)."""
        return Casualties(
            self.killed if self.killed is not None else other.killed,
            self.injured if self.injured is not None else other.injured,
            self.killed_min if self.killed_min is not None else other.killed_min,
            self.injured_min if self.injured_min is not None else other.injured_min,
        )

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.killed, self.injured, self.killed_min, self.injured_min))


@dataclass(frozen=True)
class Statement:
    """One casualty statement of a sentence: which kind, the count (or a bound) and its anchor token index.

    ``agentive`` is true when the anchor names who did it (an active killing verb
    with a subject, or a passive one with a "by" agent): such a statement belongs
    to that clause, not to every event of the sentence. ``toll`` marks a death
    toll, which a lede often states before the sentence that tells the attack.
    """

    kind: Kind
    count: int | None
    bound: int | None
    anchor: int
    agentive: bool = False
    toll: bool = False

    def casualties(self) -> Casualties:
        if self.kind == "killed":
            return Casualties(killed=self.count, killed_min=self.bound)
        return Casualties(injured=self.count, injured_min=self.bound)


# ------------------------------------------------------------------ counting a phrase


def _is_year(token: Token) -> bool:
    return token.shape_ == "dddd" and 1800 <= int(token.text) <= 2100


def _number_text(num: Token) -> str:
    """The whole number phrase around a numeral token ("two hundred", "at least 20" -> "20")."""
    parts = [t for t in num.subtree if t.dep_ in {"compound", "quantmod", "nummod"} or t.i == num.i]
    parts = [t for t in parts if t.like_num or t.lower_ in get_lexicon().scales or t.i == num.i]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _numeral_value(num: Token) -> tuple[int | None, int | None]:
    """(count, bound) of a numeral or vague-amount token; (None, None) when it is neither."""
    if _is_year(num):
        return None, None
    # '18-year-old': a number hyphenated to a unit is a measure
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    if nxt is not None and nxt.text == "-":
        return None, None
    count = parse_count(_number_text(num))
    if count is not None:
        return count, None
    return None, vague_bound(num.lower_)


def _a_part(token: Token, head: Token) -> bool:
    """Whether ``token`` lies in a part of ``head``'s count: '11 civilians, including three children and a teacher'."""
    for ancestor in token.ancestors:
        if ancestor == head:
            return False
        if ancestor.lower_ in {"including", "among", "excluding"}:
            return True
    return False


def _phrase_count(head: Token, *, _depth: int = 0) -> tuple[int | None, int | None]:
    """(count, bound) of the people a noun phrase names: its numeral, 'a'/'an', or a sum of conjuncts."""
    lex = get_lexicon()
    if head.lemma_.lower() in lex.units or head.lower_ in lex.units:
        return None, None
    count: int | None = None
    bound: int | None = None
    if head.like_num or head.pos_ == "NUM":
        count, bound = _numeral_value(head)
    elif head.lower_ in lex.vague:
        bound = lex.vague[head.lower_]
    elif head.lower_ == "another" and head.dep_ in {"dobj", "nsubjpass", "conj"}:
        count = 1  # 'wounding another'

    elif head.lemma_.lower() == "life":
        # 'claimed the lives of 20 people'
        of = next((c for c in head.children if c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            return _phrase_count(pobj, _depth=_depth + 1)
    if count is None and bound is None:
        for child in head.children:
            if child.dep_ == "nummod" or (child.dep_ in {"amod", "quantmod"} and child.like_num):
                count, bound = _numeral_value(child)
                if count is not None or bound is not None:
                    break
            elif child.dep_ in {"det", "poss"} and child.lower_ in _SINGLE_DETS and head.tag_ in {"NN", "NNP"}:
                count = 1
    if count is None and bound is None:
        # 'dozens of people', 'one of the soldiers' is handled by the numeral head above
        return None, None
    if _depth < 4:
        # 'two members of the group Hezbollah and a Syrian driver': the parser hangs the driver inside "of"
        inner = [
            t
            for t in head.subtree
            if t.dep_ == "conj" and t.i > head.i and t.head.i != head.i and head.dep_ != "conj" and not _a_part(t, head)
        ]
        for conj in [*head.conjuncts, *inner]:
            if conj.i <= head.i:
                continue
            more, more_bound = _phrase_count(conj, _depth=_depth + 1)
            if more is not None and count is not None:
                count += more
            elif more is not None or more_bound is not None:
                bound = (bound or count or 0) + (more or more_bound or 0)
                count = None
        return count, bound
    return count, bound


# ------------------------------------------------------------------ finding statements


def _child(token: Token, deps: Iterable[str]) -> Token | None:
    wanted = set(deps)
    return next((c for c in token.children if c.dep_ in wanted), None)


def _verb_statement(token: Token, kind: Kind) -> Statement | None:
    """'killing 11 soldiers', '11 soldiers were killed', 'shot dead 4 men'."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
    if passive:
        victim = _child(token, ["nsubjpass"])
        agentive = any(c.dep_ == "agent" for c in token.children)
    else:
        victim = _child(token, ["dobj", "obj"])
        agentive = _child(token, ["nsubj"]) is not None
        if victim is None and token.dep_ in {"acl", "amod"} and token.head.pos_ in {"NOUN", "PROPN", "NUM"}:
            # 'five people killed in the blast'
            victim = token.head
    if victim is None:
        return None
    count, bound = _phrase_count(victim)
    if count is None and bound is None:
        return None
    return Statement(kind, count, bound, token.i, agentive)


def _died_statement(token: Token) -> Statement | None:
    """'17 people died'."""
    subject = _child(token, ["nsubj"])
    if subject is None and token.dep_ == "conj":
        # 'a student was shot in the chest and died'
        subject = _child(token.head, ["nsubj", "nsubjpass"])
    if subject is None:
        return None
    count, bound = _phrase_count(subject)
    if count is None and bound is None:
        return None
    return Statement("killed", count, bound, token.i)


def _toll_statement(token: Token) -> Statement | None:
    """'the death toll rose to 31', 'a toll of 14', 'the toll stood at 9', 'the toll reached 12'."""
    lex = get_lexicon()
    candidates: list[Token] = []
    of = next((c for c in token.children if c.lower_ == "of"), None)
    if of is not None:
        candidates += [c for c in of.children if c.dep_ == "pobj"]
    verb = token.head if token.dep_ in {"nsubj", "nsubjpass"} else None
    if verb is not None:
        candidates += [c for c in verb.children if c.dep_ in {"dobj", "attr", "npadvmod"}]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in _TOLL_VERB_PREPS:
                candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for found in candidates:
        count, bound = _phrase_count(found) if found.lower_ not in lex.units else (None, None)
        if count is not None or bound is not None:
            return Statement("killed", count, bound, (verb or token).i, toll=True)
    return None


def _group_statement(token: Token, kind: Kind) -> Statement | None:
    """'leaving 12 dead and 30 wounded', '5 dead', 'two deaths': a counted group of the dead or hurt."""
    num = _child(token, ["nummod"])
    if num is None and token.dep_ in {"amod", "acomp", "oprd", "advmod"} and token.head.like_num:
        num = token.head
    if num is None and token.dep_ == "oprd":
        # 'left two soldiers dead'
        victim = _child(token.head, ["dobj"])
        if victim is not None:
            count, bound = _phrase_count(victim)
            if count is not None or bound is not None:
                return Statement(kind, count, bound, token.head.i)
    if num is None:
        # '12 dead' parsed with the number as the head: 'dead' hangs off it
        left = token.doc[token.i - 1] if token.i > 0 else None
        num = left if left is not None and left.like_num and left.head.i in {token.i, token.head.i} else None
    if num is None:
        return None
    count, bound = _numeral_value(num)
    if count is None and bound is None:
        return None
    return Statement(kind, count, bound, token.head.i if token.dep_ != "ROOT" else token.i)


def sentence_statements(sent: Span, *, lemma_of: dict[int, str] | None = None) -> list[Statement]:
    """Every casualty statement of a sentence, in text order.

    ``lemma_of`` may give the lemma to use for some tokens (the clause reader's
    repaired verb lemmas); by default a token's own lemma.
    """
    lex = get_lexicon()
    out: list[Statement] = []
    claimed: set[int] = set()
    for token in sent:
        lemma = (lemma_of or {}).get(token.i) or token.lemma_.lower()
        found: Statement | None = None
        if token.pos_ in {"VERB", "AUX"} or token.tag_ in {"VBN", "VBD", "VBG"}:
            if lemma in lex.killed or (lemma == "shoot" and any(c.lower_ == "dead" for c in token.children)):
                found = _verb_statement(token, "killed")
            elif lemma in lex.injured:
                found = _verb_statement(token, "injured")
            elif lemma in lex.died:
                found = _died_statement(token)
        if found is None and token.pos_ in {"NOUN", "PROPN"} and lemma in lex.toll:
            found = _toll_statement(token)
        if found is None and token.pos_ in {"ADJ", "NOUN", "VERB"} and token.dep_ not in {"ROOT"}:
            if token.lower_ in lex.dead or lemma in lex.dead:
                found = _group_statement(token, "killed")
            elif token.lower_ in lex.hurt or lemma in lex.hurt:
                found = _group_statement(token, "injured")
        if found is not None and (found.kind, found.anchor) not in {(s.kind, s.anchor) for s in out}:
            if found.anchor in claimed and found.kind == "killed" and any(s.anchor == found.anchor for s in out):
                continue
            claimed.add(found.anchor)
            out.append(found)
    return out


# ------------------------------------------------------------------ attaching statements to events


def _governs(predicate: Token, anchor: Token) -> bool:
    """Whether ``anchor``'s clause hangs off ``predicate``'s ('ambushed ..., killing 11')."""
    current = anchor
    for _ in range(6):
        if current.i == predicate.i:
            return True
        if current.head.i == current.i or current.dep_ not in _CAUSE_DEPS:
            return False
        current = current.head
    return current.i == predicate.i


def _coordinated(predicate: Token, anchor: Token) -> bool:
    return any(c.i == anchor.i for c in predicate.conjuncts)


def attach(
    sent: Span,
    statements: list[Statement],
    predicates: list[tuple[Token, bool, bool]],
) -> list[Casualties]:
    """The casualties of each predicate of a sentence.

    Parameters
    ----------
    sent : Span
        The sentence.
    statements : list of Statement
        From :func:`sentence_statements`.
    predicates : list of (Token, bool, bool)
        Each event's predicate token; whether the event is a material act that
        can cause casualties (not a statement, not a plan); and whether it is a
        violent one, which takes the statements that name no agent ("five
        people were killed") as well.

    Returns
    -------
    list of Casualties
        One per predicate, in order (empty where nothing is stated).
    """
    doc = sent.doc
    out: list[Casualties] = []
    for predicate, material, violent in predicates:
        got = Casualties()
        # its own statements first ('killed 3' on the killing), then those of what it caused
        own = [s for s in statements if s.anchor == predicate.i]
        for s in own:
            got = got.merge(s.casualties())
        if material and not own:
            # a killing or wounding states its own toll; other acts take those they caused
            for s in statements:
                if s.anchor == predicate.i:
                    continue
                anchor = doc[s.anchor]
                caused = _governs(anchor, predicate) is False and (
                    _governs(predicate, anchor) or _coordinated(predicate, anchor)
                )
                if caused or (violent and not s.agentive):
                    got = got.merge(s.casualties())
        out.append(got)
    return out
