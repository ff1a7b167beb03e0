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

__all__ = [
    "PLACE_NOUNS",
    "PlaceHit",
    "breadth",
    "clause_place",
    "is_definite_place",
    "place_kind",
    "place_like",
    "proper_core",
]

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
        "forest",
        "township",
        "canyon",
    }
)
#: Parts of a place named by its 'of' phrase ('the outskirts of Culiacan', 'the heart of Fallujah'):
#: the place is the named one.
PART_NOUNS = frozenset(
    {"outskirts", "outskirt", "edge", "heart", "centre", "center", "suburbs", "vicinity", "countryside"}
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
#: Kinds of place a description names, so that "the town" finds the last town named, not the last
#: place: settlements (and GeoNames cities), administrative units (and first-order divisions), camps.
PLACE_KINDS = {
    **dict.fromkeys(("city", "town", "village", "capital", "township", "settlement", "municipality"), "settlement"),
    **dict.fromkeys(
        ("province", "state", "region", "district", "governorate", "county", "oblast", "prefecture", "territory"),
        "division",
    ),
    "camp": "camp",
    "country": "country",
}
#: The kind of a GeoNames feature class.
FEATURE_KINDS = {"city": "settlement", "admin1": "division", "country": "country"}


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


def place_kind(hit: PlaceHit, feature: str | None = None) -> str | None:
    """The kind of place a hit names ('the town of Pinga', 'the town' -> settlement), else its feature's."""
    kind = PLACE_KINDS.get(hit.span.root.lemma_.lower())
    return kind if kind is not None else FEATURE_KINDS.get(feature or "")


def proper_core(token: Token) -> Span | None:
    """The proper-name part of a place phrase: 'Saada province' -> Saada; 'the town of Gharyan' -> Gharyan."""
    if token.pos_ == "PROPN":
        return mention_span(token, keep_preps=False)
    # a capitalized modifier the tagger took for a verb or adjective still names: 'Sagaing region'
    compounds = [
        c
        for c in token.lefts
        if c.dep_ in {"compound", "nmod", "amod"}
        and (c.pos_ == "PROPN" or (c.is_title and (c.dep_ == "compound" or c.pos_ == "VERB")))
    ]
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
    core = proper_core(token)
    if token.ent_type_ in NON_PLACE_ENTS and not (core is not None and token.ent_type_ == "NORP" and known(core.text)):
        return None
    if core is not None and token.pos_ != "PROPN":
        # a common noun with a proper modifier: a place only when the noun names a kind of
        # place ('Saada province', 'the town of Gharyan') or a facility of a known place
        # ('Fallujah hospital'); 'US troops' is an affiliation, not a location
        lemma = token.lemma_.lower()
        if lemma in PART_NOUNS:
            return PlaceHit(core, core.text)
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


#: Adjectives that make a place phrase a broad area ("northern Israel", "central Mali").
COMPASS_WORDS = frozenset(
    {
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north",
        "south",
        "east",
        "west",
    }
)


def breadth(hit: PlaceHit, kind_of: Callable[[str], str | None] | None = None) -> int:
    """How broad a place phrase is; the narrowest place in a clause is where it happened.

    0: a settlement or camp ('the town of Daquq', a GeoNames city); 1: another proper name (often a
    village the gazetteer lacks); 2: an administrative division ('Kirkuk province'); 3: a country or a
    compass area ('northern Iraq'). ``kind_of`` tells the kind of a bare name ("settlement",
    "division", "country"), e.g. from the gazetteer.

    Examples
    --------
    >>> from conflict_kg.extract import load_model
    >>> doc = load_model()("in northern Iraq near the town of Daquq in Kirkuk province")
    >>> [breadth(PlaceHit(doc[a:b], doc[b - 1].text)) for a, b in ((1, 3), (4, 8), (9, 11))]
    [3, 0, 2]
    """
    kind = PLACE_KINDS.get(hit.span.root.lemma_.lower())
    if kind is None and hit.span.root.pos_ == "PROPN" and kind_of is not None:
        kind = kind_of(hit.name)
    broad = hit.span.root.pos_ == "PROPN" or kind in {"division", "country"}
    if kind == "country" or (broad and any(t.lower_ in COMPASS_WORDS and t.dep_ == "amod" for t in hit.span)):
        return 3
    return {"settlement": 0, "camp": 0, "division": 2}.get(kind or "", 1)


def _search(
    root: Token, known: Callable[[str], bool], skip: set[int], kind_of: Callable[[str], str | None] | None = None
) -> PlaceHit | None:
    """Breadth-first over ``root``'s phrase for locative prepositional objects; the narrowest wins."""
    definite: PlaceHit | None = None
    found: list[PlaceHit] = []
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
                        found.append(hit)
                    definite = definite or hit
            queue.append(child)
    if found:
        return min(found, key=lambda h: breadth(h, kind_of))
    return definite


def clause_place(
    predicate: Token,
    actor: Token | None,
    target: Token | None,
    known: Callable[[str], bool],
    kind_of: Callable[[str], str | None] | None = None,
) -> PlaceHit | None:
    """The place of the event headed by ``predicate``, or None.

    Order: a locative phrase in the clause outside the actor ('struck a bus
    in Saada province', 'after fighting near Bakhmut'); a place inside the
    target ('the heart of Fallujah', 'Fallujah hospital') or the target itself
    ('entered Douma'); a locative phrase of a coordinated verb ('burned tyres
    and blocked roads in Beirut'); a locative phrase on the actor ('Police in Herat').
    """
    skip = {t.i for t in actor.subtree} if actor is not None and actor.i != predicate.i else set()
    hit = _search(predicate, known, skip, kind_of)
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
            shared = _search(conj, known, skip, kind_of)
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
        # deeper in the actor's phrase: 'air strikes on a market in the city of Nyala killed ...'
        if actor.i != predicate.i:
            deeper = _search(actor, known, set(), kind_of)
            if deeper is not None and not deeper.definite:
                return deeper
    return hit
