"""Deterministic IRIs: the same content always gets the same IRI.

Every resource IRI is ``https://w3id.org/conflict-kg/id/<kind>/<hash>``, where
the hash is the first 80 bits (16 base32 characters) of the SHA-1 of a
canonical string of the resource's identifying content. So ingesting the same
article twice adds nothing, and graphs built apart merge without blank nodes.

What identifies each kind:

- **document**: its id;
- **sentence**: document id and sentence index;
- **event**: document id, sentence index, action lemma and offsets, and the
  keys of actor and target;
- **actor** (actors, targets and sources alike): the folded label
  (:func:`fold`: Unicode NFKC, case-folded, whitespace collapsed, a leading
  "the" dropped) plus the ISO country code when known. "ISIS" in two articles
  is one node; "government troops" of Iraq and of Syria are two, but an
  actor whose country is unknown in one article and known in another is two
  nodes as well. Only *named* actors (:func:`is_named`: a country is known,
  or the label is a proper name) are shared across articles: a generic
  description ("the hospital", "civilians", "gunmen", an unresolved "they")
  is a different thing in each article, so its IRI also hashes the document
  id (one node per article);
- **place**: the GeoNames id when known, else the folded name plus country;
  places that are neither in the gazetteer nor named ("the village") are
  per article too.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote

from conflict_kg.extract import Event, InputError, Mention, Place
from rdflib import URIRef

from ._namespaces import CKGA, ID, PLOVER

__all__ = [
    "action_iri",
    "actor_iri",
    "document_iri",
    "event_iri",
    "fold",
    "is_named",
    "mention_key",
    "place_iri",
    "plover_iri",
    "presence_iri",
    "sentence_iri",
    "stable_hash",
]

_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
#: Words that open a phrase without naming anything ("the", "their", "they").
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "many",
        "several",
        "other",
        "another",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "they",
        "he",
        "she",
        "it",
        "we",
        "you",
        "i",
        "them",
        "him",
        "us",
    ]
)
#: Lower-case words after which a phrase's head is over ("the hospital in Aleppo").
_HEAD_ENDS = frozenset(
    [
        "of",
        "in",
        "at",
        "near",
        "from",
        "on",
        "for",
        "to",
        "with",
        "by",
        "outside",
        "inside",
        "around",
        "across",
        "along",
        "between",
        "into",
    ]
)


def stable_hash(*parts: object) -> str:
    """A 16-character base32 digest of ``parts`` (joined with a unit separator).

    >>> stable_hash("doc", 1)
    'mstc7gohblxe7ojr'
    """
    canonical = "\x1f".join("" if p is None else str(p) for p in parts)
    digest = hashlib.sha1(canonical.encode("utf-8")).digest()
    return base64.b32encode(digest[:10]).decode("ascii").lower()


def fold(label: str) -> str:
    """The matching key of a name: NFKC, case-folded, spaces collapsed, no leading "the".

    >>> fold("  The  Islamic State ")
    'islamic state'
    >>> fold("Shi’ite militias") == fold("shi'ite MILITIAS")
    True
    """
    text = unicodedata.normalize("NFKC", label).translate(_QUOTES).casefold()
    text = _SPACE.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def looks_named(label: str) -> bool:
    """Whether a label is a proper name: its head word has a capital letter or a digit.

    The head is the last word before a lower-case preposition, after opening
    determiners and pronouns; the extractor writes descriptions in lower case
    ("hospital", "civilians") and names as names ("Islamic State").

    >>> [looks_named(s) for s in ("Islamic State", "Bank of England", "Ali al-Sistani", "Brigade 12")]
    [True, True, True, True]
    >>> [looks_named(s) for s in ("the hospital in Aleppo", "They", "the Iraqi state flag", "civilians")]
    [False, False, False, False]
    """
    words = label.split()
    while words and words[0].casefold() in _OPENERS:
        words = words[1:]
    for i, word in enumerate(words):
        if i and word in _HEAD_ENDS:
            words = words[:i]
            break
    if not words:
        return False
    head = words[-1]
    return any(c.isupper() or c.isdigit() for c in head)


@functools.lru_cache(maxsize=1 << 16)
def is_named(entity: Mention | Place) -> bool:
    """Whether a mention or place names one real thing, the same in every article.

    True for a place with a GeoNames id, for anything with a known country
    ("Iraq military", a national actor as CAMEO codes it), and for proper
    names (:func:`looks_named`); False for generic descriptions ("the
    hospital", "civilians", "gunmen") and unresolved pronouns.

    >>> from conflict_kg.extract import Mention, Place
    >>> is_named(Mention("civilians", type="civilians")), is_named(Mention("army", country="IRQ"))
    (False, True)
    >>> is_named(Place("the village")), is_named(Place("the village", geonames_id=7))
    (False, True)
    """
    if isinstance(entity, Place) and entity.geonames_id is not None:
        return True
    return bool(entity.country) or looks_named(entity.label)


@functools.lru_cache(maxsize=1 << 16)
def mention_key(mention: Mention) -> str:
    """The identity of an actor mention: folded label and country."""
    return f"{fold(mention.label)}|{(mention.country or '').upper()}"


def document_iri(doc_id: str) -> URIRef:
    """The IRI of the document ``doc_id`` (also the name of its graph in a dataset)."""
    return ID[f"doc/{stable_hash(doc_id)}"]


def sentence_iri(doc_id: str, index: int) -> URIRef:
    """The IRI of sentence ``index`` of document ``doc_id``."""
    return ID[f"sentence/{stable_hash(doc_id, index)}"]


def _scope(entity: Mention | Place, doc: str | None) -> str | None:
    """None for a named entity, else the document a generic one belongs to."""
    if is_named(entity):
        return None
    if doc is None:
        raise InputError(f"{entity.label!r} is a generic description, not a name: its IRI needs the document (doc=...)")
    return doc


@functools.lru_cache(maxsize=1 << 16)
def _actor_iri(key: str, scope: str | None) -> URIRef:
    if scope is None:
        return ID[f"actor/{stable_hash(key)}"]
    return ID[f"actor/{stable_hash('in', scope, key)}"]


def actor_iri(mention: Mention, doc: str | None = None) -> URIRef:
    """The IRI of the entity a mention names (see the module notes).

    A generic description (not :func:`is_named`) is scoped to its document,
    so ``doc`` is needed for it.

    >>> from conflict_kg.extract import Mention
    >>> actor_iri(Mention("ISIS")) == actor_iri(Mention("the  ISIS"))
    True
    >>> actor_iri(Mention("the hospital"), "d1") == actor_iri(Mention("the hospital"), "d2")
    False
    """
    return _actor_iri(mention_key(mention), _scope(mention, doc))


@functools.lru_cache(maxsize=1 << 16)
def place_iri(place: Place, doc: str | None = None) -> URIRef:
    """The IRI of a place: by GeoNames id when known, else by folded name and country
    (and the document, for a place that is not named; see :func:`is_named`)."""
    if place.geonames_id is not None:
        return ID[f"place/{stable_hash('geonames', int(place.geonames_id))}"]
    scope = _scope(place, doc)
    key = stable_hash("name", fold(place.label), (place.country or "").upper())
    return ID[f"place/{key if scope is None else stable_hash('in', scope, key)}"]


@functools.lru_cache(maxsize=1 << 16)
def presence_iri(actor: URIRef, place: URIRef) -> URIRef:
    """The IRI of an actor's presence in a place (``ckg:Presence``), from their two IRIs.

    >>> from conflict_kg.extract import Mention, Place
    >>> a, p = actor_iri(Mention("ISIS")), place_iri(Place("Mosul", geonames_id=99072))
    >>> presence_iri(a, p) == presence_iri(a, p) != presence_iri(a, place_iri(Place("Raqqa", geonames_id=163915)))
    True
    """
    return ID[f"presence/{stable_hash(str(actor), str(place))}"]


def event_iri(event: Event) -> URIRef:
    """The IRI of an event: document, sentence, action, actor and target."""
    action = event.action
    return ID[
        "event/"
        + stable_hash(
            event.doc,
            event.sentence,
            fold(action.lemma),
            action.start,
            action.end,
            mention_key(event.actor) if event.actor else None,
            mention_key(event.target) if event.target else None,
        )
    ]


def action_iri(lemma: str) -> URIRef:
    """The ``ckga:`` property of an action lemma (spaces become ``_``).

    >>> action_iri("Shoot down")
    rdflib.term.URIRef('https://w3id.org/conflict-kg/action/shoot_down')
    """
    return CKGA[quote(_SPACE.sub("_", fold(lemma)), safe="")]


def plover_iri(category: str) -> URIRef:
    """The PLOVER category IRI (``plover:ASSAULT``) of a category name.

    >>> plover_iri("assault")
    rdflib.term.URIRef('https://w3id.org/conflict-kg/plover/ASSAULT')
    """
    return PLOVER[quote(category.strip().upper().replace(" ", "_"), safe="")]
