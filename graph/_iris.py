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
  nodes as well;
- **place**: the GeoNames id when known, else the folded name plus country.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from urllib.parse import quote

from conflict_kg.extract import Event, Mention, Place
from rdflib import URIRef

from ._namespaces import CKGA, ID, PLOVER

__all__ = [
    "action_iri",
    "actor_iri",
    "document_iri",
    "event_iri",
    "fold",
    "mention_key",
    "place_iri",
    "plover_iri",
    "sentence_iri",
    "stable_hash",
]

_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


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


def mention_key(mention: Mention) -> str:
    """The identity of an actor mention: folded label and country."""
    return f"{fold(mention.label)}|{(mention.country or '').upper()}"


def document_iri(doc_id: str) -> URIRef:
    """The IRI of the document ``doc_id`` (also the name of its graph in a dataset)."""
    return ID[f"doc/{stable_hash(doc_id)}"]


def sentence_iri(doc_id: str, index: int) -> URIRef:
    """The IRI of sentence ``index`` of document ``doc_id``."""
    return ID[f"sentence/{stable_hash(doc_id, index)}"]


def actor_iri(mention: Mention) -> URIRef:
    """The IRI of the entity a mention names (see the module notes).

    >>> from conflict_kg.extract import Mention
    >>> actor_iri(Mention("ISIS")) == actor_iri(Mention("the isis"))
    True
    """
    return ID[f"actor/{stable_hash(mention_key(mention))}"]


def place_iri(place: Place) -> URIRef:
    """The IRI of a place: by GeoNames id when known, else by folded name and country."""
    if place.geonames_id is not None:
        return ID[f"place/{stable_hash('geonames', int(place.geonames_id))}"]
    return ID[f"place/{stable_hash('name', fold(place.label), (place.country or '').upper())}"]


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
