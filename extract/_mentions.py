"""Mention spans: the phrase a head token stands for, trimmed for display.

An argument of an event is found as a head token by the clause rules; this
module turns it into a compact phrase ("the municipal building", "dozens of
worshippers", "multiple air strikes from a U.S.-led coalition") without the
relative clauses, appositions and participles that hang off it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "PRONOUNS",
    "appositive_name",
    "conjuncts",
    "is_pronoun",
    "mention_span",
]

#: Dependents kept on the left of a mention's head ("the long ISIS-held Iraqi city").
LEFT_DEPS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "nummod",
        "poss",
        "nmod",
        "quantmod",
        "npadvmod",
        "advmod",
        "case",
        "predet",
        "punct",
        "neg",
        "nn",
    }
)
#: Prepositions whose phrase stays inside a mention: partitives and origins
#: ("dozens of worshippers", "the town of Gharyan", "strikes from a coalition").
KEPT_PREPS = frozenset({"of", "from"})
#: Personal and demonstrative pronouns that need an antecedent.
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "them",
        "him",
        "her",
        "its",
        "their",
        "his",
        "we",
        "us",
        "i",
        "me",
        "you",
        "this",
        "these",
        "those",
        "that",
    }
)


def is_pronoun(token: Token) -> bool:
    """True for a personal pronoun that stands for an earlier mention ("they", "it")."""
    return token.lower_ in PRONOUNS and token.pos_ in {"PRON", "DET"}


def _left_edge(head: Token) -> int:
    start = head.i
    for child in head.lefts:
        if child.pos_ == "VERB" and child.tag_ == "VBG" and child.dep_ == "amod":
            continue  # a gerund misparsed as a modifier: 'of [beating] prisoners'
        if child.dep_ in LEFT_DEPS and not (child.dep_ == "punct" and child.i == child.left_edge.i == start - 1):
            start = min(start, child.left_edge.i)
    return start


def _right_edge(head: Token, *, keep_preps: bool) -> int:
    end = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "nummod", "amod"} or (child.dep_ == "case" and child.i == end + 1):
            end = max(end, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in KEPT_PREPS and child.i == end + 1:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is None or any(c.tag_ == "VBG" and c.dep_ == "amod" for c in pobj.children):
                continue
            if pobj.dep_ == "pcomp" and pobj.pos_ == "VERB":
                continue  # 'accused the militia of [killing] officials': the act, not part of the name
            # a proper name continues through its own 'of' ('the Association of African Jurists',
            # 'the Organization of African Unity'), even inside an outer 'of' phrase
            proper = head.pos_ == "PROPN" and child.lower_ == "of" and pobj.pos_ == "PROPN"
            if keep_preps or proper:
                end = max(end, _right_edge(pobj, keep_preps=False))
                end = max(end, max(_left_edge(pobj), child.i))
    return end


def mention_span(head: Token, *, keep_preps: bool = True) -> Span:
    """The compact phrase headed by ``head``.

    Keeps determiners, modifiers, compounds and possessors on the left and an
    ``of``/``from`` phrase on the right; drops relative clauses, participles,
    appositions and conjuncts.
    """
    doc = head.doc
    start = _left_edge(head)
    end = _right_edge(head, keep_preps=keep_preps)
    # Never let the span run into the head's own conjuncts ("fighters and militias").
    for conj in head.conjuncts:
        if conj.i > head.i:
            end = min(end, conj.left_edge.i - 1)
    span = doc[start : end + 1]
    # Trim punctuation and coordinators at the edges ("– many streets").
    while len(span) > 1 and (span[0].is_punct or span[0].dep_ == "cc"):
        span = span[1:]
    while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ == "cc"):
        span = span[:-1]
    # a possessor named on its own drops its marker: "Russia's decision" -> Russia
    if len(span) > 1 and head.dep_ == "poss" and span[-1].tag_ == "POS" and span[-1].head.i == head.i:
        span = span[:-1]
    return span


def conjuncts(head: Token) -> list[Token]:
    """The head and its coordinated nouns ("fighters and militias" -> both), in order."""
    return [head, *(c for c in head.conjuncts if c.i > head.i and c.pos_ in {"NOUN", "PROPN", "PRON"})]


def appositive_name(head: Token) -> Span | None:
    """A proper-name apposition that names a common-noun head.

    "Iraq's top cleric, Grand Ayatollah Ali al-Sistani" -> "Grand Ayatollah Ali al-Sistani".
    """
    if head.pos_ == "PROPN":
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return mention_span(child, keep_preps=False)
    return None
