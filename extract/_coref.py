"""Coreference inside one document: pronouns to their most recent compatible mention.

A :class:`DiscourseMemory` remembers the argument mentions of the document as
they are read; :meth:`DiscourseMemory.resolve` finds the antecedent of a
pronoun ("They blocked food deliveries" -> the RSF fighters of the previous
sentence; "The army said it had repelled" -> the army) by agreement in number
and animacy, preferring subjects and recency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._mentions import PRONOUNS, appositive_name, mention_span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Antecedent", "DiscourseMemory", "reporting_antecedent"]

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "these", "those"})
SINGULAR_NEUTER = frozenset({"it", "its", "this", "that"})
PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers"})
#: Collective nouns that "they" can refer back to ("the police ... they").
COLLECTIVE = frozenset(
    {
        "police",
        "army",
        "military",
        "government",
        "taliban",
        "militia",
        "group",
        "force",
        "coalition",
        "people",
        "staff",
        "personnel",
        "administration",
        "regime",
        "navy",
    }
)
#: Nouns for people: antecedents of "he"/"she", never of "it".
PERSON_NOUNS = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "leader",
        "commander",
        "cleric",
        "official",
        "governor",
        "general",
        "officer",
        "man",
        "woman",
        "chief",
        "prime",
        "envoy",
        "ambassador",
        "mayor",
        "king",
        "prince",
        "emir",
        "secretary",
        "premier",
        "head",
    }
)
#: Dependency labels of mentions worth remembering as antecedents.
ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "ROOT", "attr"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Antecedent:
    """A remembered mention: its head token, head lemma, agreement features and where it stood.

    The phrase and display name are read from the parse only when the mention is
    chosen as an antecedent (most mentions never are).
    """

    head: Token
    lemma: str
    plural: bool
    person: bool
    subject: bool
    position: int
    given_name: str | None = None

    @property
    def text(self) -> str:
        return mention_span(self.head).text

    @property
    def name(self) -> str | None:
        if self.given_name is not None:
            return self.given_name
        appos = appositive_name(self.head)
        return appos.text if appos is not None else None


@dataclass
class DiscourseMemory:
    """Mentions seen so far in one document, most recent last."""

    mentions: list[Antecedent] = field(default_factory=list)
    window: int = 60

    def remember(self, head: Token, name: str | None = None) -> None:
        """Add the mention headed by ``head`` (a noun or proper noun) to memory."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.lower_ in PRONOUNS:
            return
        if head.ent_type_ in {"DATE", "TIME", "CARDINAL", "GPE", "LOC", "FAC", "ORDINAL", "PERCENT", "MONEY"}:
            return
        self.mentions.append(
            Antecedent(
                head=head,
                lemma=head.lemma_.lower(),
                plural=_is_plural(head),
                person=_is_person(head),
                subject=head.dep_ in SUBJECT_DEPS,
                position=head.i,
                given_name=name,
            )
        )
        if len(self.mentions) > self.window:
            del self.mentions[: -self.window]

    def resolve(self, pronoun: Token) -> Antecedent | None:
        """The antecedent of ``pronoun``, or None when nothing agrees with it."""
        word = pronoun.lower_
        best: tuple[float, Antecedent] | None = None
        for ante in reversed(self.mentions):
            if ante.position >= pronoun.i:
                continue
            if word in PLURAL_PRONOUNS and not (ante.plural or ante.lemma in COLLECTIVE):
                continue
            if word in SINGULAR_NEUTER and (ante.plural or ante.person):
                continue
            if word in PERSONAL and not ante.person:
                continue
            distance = pronoun.i - ante.position
            score = distance - (15 if ante.subject else 0)
            if best is None or score < best[0]:
                best = (score, ante)
            if distance > 80:
                break
        return best[1] if best else None


#: Verbs that report their complement ("Japan said it had halted aid"): kept here, not imported
#: from the clause rules, so that coreference stays independent of them.
REPORTING_LEMMAS = frozenset(
    {
        "say",
        "announce",
        "confirm",
        "claim",
        "deny",
        "insist",
        "declare",
        "state",
        "report",
        "warn",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "admit",
        "acknowledge",
        "add",
        "stress",
        "reiterate",
        "indicate",
        "decide",
        "agree",
    }
)


def reporting_antecedent(pronoun: Token) -> Token | None:
    """The speaker that a pronoun subject of a reported clause stands for.

    A subject pronoun of a clause reported by a speech verb is bound by the speaker when they
    agree ("Japan said it had halted aid" -> Japan; "the rebels announced they would withdraw" ->
    rebels), even when the speaker is a country, which ordinary resolution does not remember.
    """
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    clause = pronoun.head
    for _ in range(3):  # 'said it would allow and support ...': climb coordinated clauses
        if clause.dep_ != "conj":
            break
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ not in {"NOUN", "PROPN"}:
        return None
    word = pronoun.lower_
    plural = _is_plural(speaker) or speaker.lemma_.lower() in COLLECTIVE
    person = _is_person(speaker)
    if word in PLURAL_PRONOUNS and plural:
        return speaker
    if word in SINGULAR_NEUTER and not person and not _is_plural(speaker):
        return speaker
    if word in PERSONAL and person:
        return speaker
    return None


def _is_plural(token: Token) -> bool:
    if "Number=Plur" in str(token.morph) or token.tag_ in {"NNS", "NNPS"}:
        return True
    return any(c.dep_ == "conj" for c in token.children)


def _is_person(token: Token) -> bool:
    return (
        token.ent_type_ == "PERSON"
        or token.lemma_.lower() in PERSON_NOUNS
        or (token.pos_ != "PROPN" and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children))
    )
