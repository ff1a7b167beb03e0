"""Place attachment: where a predicate happened, from its clause and its arguments.

:func:`clause_place` looks, nearest first, at locative phrases in the clause
("in Aleppo", "near Kunduz", "along Baghdad Street"), at places inside the
target or actor phrase ("the town of Halfaya", "Police in Herat", "Fallujah
hospital"), and at a target that is itself a place ("entered Douma"). A
definite description ("the city") is reported as such so the caller can
resolve it to the document's current place.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._mentions import mention_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["PLACE_NOUNS", "PlaceHit", "clause_place", "is_definite_place", "place_like", "proper_core"]

#: Prepositions that locate an event ("in", "near", "outside", "along", "into").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "near",
        "outside",
        "along",
        "into",
        "inside",
        "at",
        "across",
        "around",
        "throughout",
        "within",
        "toward",
        "towards",
        "on",
        "off",
        "between",
        "south",
        "north",
        "east",
        "west",
        "through",
        "nearby",
    }
)
#: Prepositions that locate only weakly (origin, not the event): used for actors only.
ACTOR_LOCATIVE_PREPS = frozenset({"in", "at", "of"})
#: Entity labels of places.
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels that are never places.
NON_PLACE_ENTS = frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "NORP",
        "LANGUAGE",
        "WORK_OF_ART",
        "LAW",
        "EVENT",
    }
)
#: Nouns that name a kind of place; with a proper-noun modifier they form a place name
#: ("Saada province", "the town of Gharyan", "Baghdad Street").
PLACE_NOUNS = frozenset(
    {
        "province",
        "state",
        "region",
        "district",
        "governorate",
        "city",
        "town",
        "village",
        "county",
        "square",
        "street",
        "road",
        "camp",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "capital",
        "municipality",
        "valley",
        "island",
        "port",
        "area",
        "enclave",
        "oblast",
        "prefecture",
        "zone",
        "territory",
        "department",
        "commune",
        "settlement",
        "quarter",
        "highway",
        "hills",
        "mountains",
        "desert",
    }
)
#: Facilities named after their place: 'Fallujah hospital', 'Gao airport' are in Fallujah, Gao.
FACILITY_NOUNS = frozenset(
    {
        "hospital",
        "airport",
        "base",
        "prison",
        "mosque",
        "church",
        "school",
        "market",
        "university",
        "bridge",
        "dam",
        "refinery",
        "field",
        "station",
        "port",
        "camp",
        "jail",
        "stadium",
        "palace",
        "headquarters",
        "compound",
        "checkpoint",
        "barracks",
        "garrison",
        "embassy",
        "consulate",
    }
)
#: Definite descriptions that stand for the place the article is about ("the city").
DEFINITE_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "capital",
        "area",
        "region",
        "province",
        "district",
        "enclave",
        "hospital",
        "facility",
        "compound",
        "camp",
        "base",
        "neighbourhood",
        "neighborhood",
        "mosque",
        "building",
        "airport",
        "market",
        "square",
        "street",
        "centre",
        "center",
        "outskirts",
        "country",
    }
)
#: Clause links not searched for a predicate's place: they are clauses of their own.
OWN_CLAUSE_DEPS = frozenset({"ccomp", "conj", "parataxis", "csubj", "advcl", "relcl"})


@dataclass(frozen=True)
class PlaceHit:
    """A place phrase found for a predicate.

    ``name`` is the proper name to look up ("Saada" for "Saada province");
    ``definite`` is true for a description ("the city") to resolve from context.
    """

    span: Span
    name: str
    definite: bool = False


def proper_core(token: Token) -> Span | None:
    """The proper-name part of a place phrase: 'Saada province' -> Saada; 'the town of Gharyan' -> Gharyan."""
    if token.pos_ == "PROPN":
        return mention_span(token, keep_preps=False)
    compounds = [c for c in token.lefts if c.dep_ in {"compound", "nmod", "amod"} and c.pos_ == "PROPN"]
    # "Aden's Crater district" -> Crater; a possessor names the place only when alone: "Baghdad's square"
    compounds = compounds or [c for c in token.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if compounds:
        first = min(c.left_edge.i for c in compounds)
        last = max(c.i for c in compounds)
        return token.doc[first : last + 1]
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                return mention_span(pobj, keep_preps=False)
    return None


def is_definite_place(token: Token) -> bool:
    """'the city', 'the hospital': a definite common noun that names a place from context."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in DEFINITE_PLACE_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and proper_core(token) is None
    )


def place_like(token: Token, known: Callable[[str], bool], *, strong: bool = True) -> PlaceHit | None:
    """A :class:`PlaceHit` when ``token`` heads a place phrase.

    ``known`` tells whether a name is in the gazetteer; ``strong`` is true after
    a locative preposition, where an unknown proper noun is still taken as a
    place unless its entity label says otherwise.
    """
    if token.ent_type_ in NON_PLACE_ENTS:
        return None
    core = proper_core(token)
    if core is not None and token.pos_ != "PROPN":
        # a common noun with a proper modifier: a place only when the noun names a kind of
        # place ('Saada province', 'the town of Gharyan') or a facility of a known place
        # ('Fallujah hospital'); 'US troops' is an affiliation, not a location
        lemma = token.lemma_.lower()
        if lemma in PLACE_NOUNS or token.ent_type_ in PLACE_ENTS:
            return PlaceHit(mention_span(token), core.text)
        if lemma in FACILITY_NOUNS and known(core.text):
            return PlaceHit(mention_span(token), core.text)
        return None
    if core is not None:
        name = core.text
        if core.root.ent_type_ in NON_PLACE_ENTS and not known(name):
            return None
        if token.ent_type_ in PLACE_ENTS or core.root.ent_type_ in PLACE_ENTS or known(name):
            return PlaceHit(mention_span(token), name)
        if strong and token.pos_ == "PROPN" and token.ent_type_ not in {"PERSON"}:
            return PlaceHit(mention_span(token), name)
        if strong and token.pos_ == "PROPN" and token.ent_type_ == "PERSON" and len(core) <= 2:
            # the small model often tags towns as people ("in Gao", "into Marawi")
            return PlaceHit(mention_span(token), name)
        return None
    if is_definite_place(token):
        return PlaceHit(mention_span(token), token.text, definite=True)
    return None


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _search(root: Token, known: Callable[[str], bool], skip: set[int]) -> PlaceHit | None:
    """Breadth-first over ``root``'s phrase for a locative prepositional object."""
    definite: PlaceHit | None = None
    queue = deque([root])
    while queue:
        tok = queue.popleft()
        for child in tok.children:
            if child.i in skip or (child.dep_ in OWN_CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}):
                continue
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                pobj = _pobj(child)
                if pobj is not None:
                    hit = place_like(pobj, known, strong=child.lower_ not in {"at", "on"})
                    if hit is not None and not hit.definite:
                        return hit
                    definite = definite or hit
            queue.append(child)
    return definite


def clause_place(
    predicate: Token,
    actor: Token | None,
    target: Token | None,
    known: Callable[[str], bool],
) -> PlaceHit | None:
    """The place of the event headed by ``predicate``, or None.

    Order: a locative phrase in the clause outside the actor ('struck a bus
    in Saada province', 'after fighting near Bakhmut'); a place inside the
    target ('the heart of Fallujah', 'Fallujah hospital') or the target itself
    ('entered Douma'); a locative phrase of a coordinated verb ('burned tyres
    and blocked roads in Beirut'); a locative phrase on the actor ('Police in Herat').
    """
    skip = {t.i for t in actor.subtree} if actor is not None and actor.i != predicate.i else set()
    hit = _search(predicate, known, skip)
    if hit is not None and not hit.definite:
        return hit
    if target is not None:
        own = place_like(target, known, strong=False)
        if own is not None and not own.definite:
            return own
        for tok in target.subtree:
            # 'the heart of Fallujah', 'Aden's Crater district', 'Fallujah hospital'
            inside = tok.dep_ in {"pobj", "poss"} or (
                tok.dep_ == "compound" and tok.head.lemma_.lower() in FACILITY_NOUNS | PLACE_NOUNS
            )
            if tok.i != target.i and tok.pos_ == "PROPN" and inside:
                inner = place_like(tok, known, strong=False)
                if inner is not None and not inner.definite and (tok.ent_type_ in PLACE_ENTS or known(inner.name)):
                    return inner
        hit = hit or own
    # coordinated verbs share a place stated on either: 'burned tyres and blocked roads in Beirut'
    for conj in predicate.conjuncts:
        if conj.pos_ in {"VERB", "AUX"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
            shared = _search(conj, known, skip)
            if shared is not None and not shared.definite:
                return shared
    if actor is not None:
        for child in actor.children:
            if child.dep_ == "prep" and child.lower_ in ACTOR_LOCATIVE_PREPS | LOCATIVE_PREPS - {"from"}:
                pobj = _pobj(child)
                if pobj is not None:
                    found = place_like(pobj, known, strong=child.lower_ != "of")
                    if found is not None and not found.definite:
                        return found
    return hit
