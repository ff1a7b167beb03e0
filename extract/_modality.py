"""Modality: is an event asserted, negated, possible or alleged?

:func:`modality` reads a predicate's own negation and modal auxiliaries, then
walks up the clauses that embed it ("denied that ...", "accused X of ...",
"expected to ...") until one decides. The nearest operator wins; negation of
the predicate itself wins over everything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._model import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["modality"]

NEGATIONS = frozenset({"not", "n't", "never", "no", "nt"})
#: Modal auxiliaries that make an event possible, not asserted ("will attack", "could reach").
MODAL_AUX = frozenset({"will", "would", "may", "might", "could", "should", "shall", "can", "ca", "wo", "must"})
#: Governors whose complement did not happen: "denied that its jets had bombed", "failed to reach",
#: "were unable to advance".
NEGATING = frozenset(
    {"deny", "fail", "refuse", "reject", "dismiss", "decline", "rule", "disprove", "refute", "unable", "prevent"}
)
#: Governors whose complement is alleged: "accused X of", "claimed that", "allegations that".
ALLEGING = frozenset(
    {
        "accuse",
        "allege",
        "claim",
        "allegation",
        "accusation",
        "charge",
        "suspect",
        "blame",
        "rumor",
        "rumour",
    }
)
#: Governors whose complement may happen: "expected to", "plans to", "threatened to".
POSSIBLE = frozenset(
    {
        "expect",
        "plan",
        "prepare",
        "intend",
        "aim",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "hope",
        "want",
        "seek",
        "set",
        "likely",
        "ready",
        "going",
        "about",
        "agree",
        "decide",
        "order",
        "urge",
        "call",
        "ask",
        "demand",
        "request",
        "propose",
        "offer",
        "threat",
        "attempt",
        "try",
        "consider",
        "able",
        "warn",
        "push",
        "press",
    }
)
#: Adverbs that mark an alleged event ("reportedly killed").
ALLEGING_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
POSSIBLE_ADVERBS = frozenset({"possibly", "perhaps", "maybe", "probably", "likely"})
#: Links climbed from a predicate to the clause that governs it.
EMBEDDING_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "acl",
        "relcl",
        "pcomp",
        "dobj",
        "pobj",
        "prep",
        "conj",
        "advcl",
        "attr",
        "oprd",
        "acomp",
        "nsubj",
        "nsubjpass",
        "appos",
        "amod",
    }
)
#: Links through which a governor's meaning reaches its complement.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "dobj", "pobj", "prep", "acomp", "attr", "amod"})


def _negated_here(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in {"never"} for c in token.children):
        return True
    # "no group has claimed": a negative determiner on the subject
    for c in token.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    return False


def _conditional(token: Token) -> bool:
    """A condition: 'if it enters the valley', 'unless the army withdraws'."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children)


def _own_modality(token: Token) -> Modality | None:
    if _negated_here(token):
        return "negated"
    for c in token.children:
        if c.dep_ == "advmod" and c.lower_ in ALLEGING_ADVERBS:
            return "alleged"
        if c.dep_ == "advmod" and c.lower_ in POSSIBLE_ADVERBS:
            return "possible"
        if c.dep_ == "aux" and c.lower_ in MODAL_AUX:
            return "possible"
    return None


def modality(predicate: Token, *, max_steps: int = 8) -> Modality:
    """The modality of the event headed by ``predicate``.

    Rules, nearest first: the predicate's own negation ("did not enter",
    "could not reach", "no group has"), its adverbs ("reportedly") and modal
    auxiliaries ("will", "could"); then each governing clause: a denial or
    failure ("denied reports that", "failed to") negates, an accusation or
    claim ("accused X of", "claimed that", "allegations that") alleges, an
    expectation, plan, threat or request ("expected to", "threatened to",
    "urged X to") makes it possible.
    """
    own = _own_modality(predicate)
    if own is not None:
        return own
    if _conditional(predicate):
        return "possible"
    current = predicate
    for _ in range(max_steps):
        dep = current.dep_
        governor = current.head
        if governor.i == current.i or dep not in EMBEDDING_DEPS:
            break
        lemma = governor.lemma_.lower()
        # a content clause parsed as a relative one: 'allegations [that guards beat inmates]'
        complement = dep in COMPLEMENT_DEPS or (dep == "relcl" and governor.pos_ == "NOUN")
        if complement:
            if lemma in NEGATING:
                return "negated"
            if lemma in ALLEGING:
                return "alleged"
            if dep in {"xcomp", "acl", "pcomp", "prep", "acomp", "attr"} and lemma in POSSIBLE:
                return "possible"
            if dep == "xcomp" and _negated_here(governor):
                return "negated"
        if dep in {"advcl", "relcl", "nsubj", "nsubjpass", "appos"} and governor.pos_ in {"VERB", "AUX"}:
            # an adverbial or relative clause keeps its own reading; a conjunct shares its head's
            break
        if governor.pos_ in {"VERB", "AUX"} and dep == "ccomp" and governor.lemma_.lower() not in NEGATING | ALLEGING:
            # reported speech ('X said that ...') keeps the reported clause's own modality
            break
        current = governor
    return "asserted"
