"""Tense and aspect of a clause: may it take the date of the episode being told?

A report tells its episode in the simple past ("militants ambushed a patrol");
the present ("gangs control most of the capital"), the present perfect ("the
group has killed hundreds since 2019"), the habitual and the generic are
background, and background does not happen on the episode's date. Nor does an
act that is only alleged or denied in a gerund ("accused the army of shelling
villages", "denied targeting civilians"), nor the standing relation of a
reduced relative ("troops backed by helicopters").

:func:`clause_tense` reads the tense from the parse (own auxiliaries, else the
verb it is coordinated with or depends on); :func:`takes_episode_date` is the
rule the event reader applies when a clause states no time of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["STANDING_RELATIONS", "Tense", "clause_tense", "takes_episode_date"]

Tense = Literal["past", "present", "perfect", "modal", "nonfinite"]

#: Relations that hold over time rather than happen on a day ("backed by", "allied with").
STANDING_RELATIONS = frozenset({"back", "support", "lead", "arm", "fund", "finance", "train", "ally", "link", "align"})
#: Verbs whose gerund complement is an act alleged or denied, not told ("accused X of shelling").
IMPUTING_LEMMAS = frozenset(
    {"accuse", "blame", "charge", "suspect", "deny", "condemn", "criticize", "criticise", "admit", "acknowledge"}
)
#: Links a non-finite verb takes its tense through ("able to hold", "has killed and wounded").
_TENSE_LINKS = frozenset({"xcomp", "acomp", "conj", "pcomp", "prep", "pobj", "amod"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _own_tense(verb: Token) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    for aux in auxes:
        if aux.tag_ == "MD":
            return "modal"
    for aux in auxes:
        lemma = aux.lemma_.lower()
        if lemma == "have":
            return "perfect" if aux.tag_ in _PRESENT_TAGS else "past"
    for aux in auxes:
        if aux.tag_ in _PRESENT_TAGS:
            return "present"
        if aux.tag_ == "VBD":
            return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in _PRESENT_TAGS:
        return "present"
    return None


def clause_tense(verb: Token) -> Tense:
    """The tense of the clause ``verb`` heads, from its own auxiliaries or the verb it hangs on.

    Examples
    --------
    >>> from conflict_kg.extract import load_model
    >>> nlp = load_model()
    >>> doc = nlp("Gangs control the port and have expanded into the suburbs.")
    >>> clause_tense(doc[1]), clause_tense(doc[7])
    ('present', 'perfect')
    """
    current = verb
    for _ in range(5):
        found = _own_tense(current)
        if found is not None:
            return found
        if current.dep_ not in _TENSE_LINKS or current.head.i == current.i:
            break
        current = current.head
    return "nonfinite"


def _imputed_gerund(verb: Token) -> bool:
    """'denied targeting civilians', 'accused the army of shelling villages'."""
    if verb.tag_ != "VBG":
        return False
    current = verb
    for _ in range(4):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ == "VERB":
            return current.lemma_.lower() in IMPUTING_LEMMAS
    return False


def takes_episode_date(verb: Token, lemma: str, kind: str = "verb") -> bool:
    """Whether an event with no time of its own happened on the episode's date.

    Parameters
    ----------
    verb : Token
        The predicate (for a ``"modifier"`` frame, the modifier token).
    lemma : str
        The event's lemma.
    kind : str
        The frame's kind: ``"verb"``, ``"nominal"`` or ``"modifier"``.
    """
    if kind == "modifier":
        return False
    if lemma in STANDING_RELATIONS and verb.dep_ in {"acl", "amod", "relcl"}:
        return False
    if _imputed_gerund(verb):
        return False
    return kind != "verb" or clause_tense(verb) not in {"present", "perfect"}
