"""From a parsed document to :class:`Event` records.

:func:`document_events` reads a spaCy ``Doc`` sentence by sentence: the clause
rules (:mod:`._clauses`) give predicate frames; each frame is enriched with its
place (clause, arguments, then the document's current place), its time (own
expression, governing clause, coordinated clause, then the episode's date),
its modality, its source ("X said", "according to X"), resolved pronouns, the
actors' normalized names, types and countries, and its PLOVER class.

The per-document state (current place, episode date, remembered mentions)
lives in a small :class:`_Discourse` object, so each rule stays a function.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._actors import ActorInfo, describe_actor, document_country
from ._casualties import Casualties, attach, sentence_statements
from ._classes import classify, classify_token
from ._clauses import SPEECH_LEMMAS, Frame, iter_frames, verb_lemma
from ._coref import DiscourseMemory, reporting_antecedent
from ._gazetteer import lookup_place, place_country
from ._mentions import appositive_name, is_pronoun, mention_span
from ._modality import modality
from ._model import Action, Document, Event, Mention, Place, Time
from ._places import PLACE_NOUNS, PlaceHit, clause_place, proper_core
from ._times import TimeValue, coarse_value, resolve_time, sentence_time_expressions, shift

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["document_events"]

#: Entity labels whose texts tell which country an article is about.
COUNTRY_EVIDENCE_ENTS = frozenset({"GPE", "NORP", "LOC"})
#: Links from a reported clause up to the speech verb that reports it.
REPORTED_DEPS = frozenset({"ccomp", "parataxis", "conj", "xcomp", "advcl"})
#: Days before publication past which a dated event is background, not the current episode.
BACKGROUND_DAYS = 10


@dataclass
class _Discourse:
    """What the reader knows at a point of the document."""

    document: Document
    country: str | None
    place: Place | None = None
    date: dt.date | None = None
    memory: DiscourseMemory = field(default_factory=DiscourseMemory)
    mentions: dict[int, Mention] = field(default_factory=dict)
    #: A death toll stated where no attack is ('the toll from the ambush rose to 14'), for the next attack.
    toll: Casualties | None = None
    toll_left: int = 0

    def place_from_hit(self, hit: PlaceHit) -> Place | None:
        if hit.definite:
            return self.place
        entry = lookup_place(hit.name, country=self.country) or lookup_place(hit.span.text, country=self.country)
        if entry is None:
            return Place(hit.span.text, hit.name)
        # the name as written ("Fallujah"); the GeoNames id links the spellings ("Al Fallūjah")
        return Place(hit.span.text, hit.name, entry.geonames_id, entry.lat, entry.lon, entry.country)

    def update_date(self, date: dt.date) -> None:
        pub = self.document.date
        background = pub is not None and (pub - date).days > BACKGROUND_DAYS
        if self.date is None or not background or (pub is not None and (pub - self.date).days > BACKGROUND_DAYS):
            self.date = date


@functools.lru_cache(maxsize=65536)
def _describe(label: str, head: str | None, country: str | None) -> ActorInfo:
    """:func:`describe_actor`, memoized: corpora repeat their actors."""
    return describe_actor(label, head=head, context_country=country)


def _known_place(name: str) -> bool:
    return lookup_place(name) is not None


def _mention(token: Token, state: _Discourse) -> Mention:
    """A Mention for an argument head, with pronouns resolved and the actor normalized (once per token)."""
    found = state.mentions.get(token.i)
    if found is None:
        found = state.mentions[token.i] = _new_mention(token, state)
    return found


def _new_mention(token: Token, state: _Discourse) -> Mention:
    span = mention_span(token)
    if is_pronoun(token):
        speaker = reporting_antecedent(token)
        if speaker is not None:
            # 'Japan said it had halted aid': the reported clause's pronoun is the speaker
            resolved = _mention(speaker, state)
            return Mention(span.text, resolved.name, resolved.type, resolved.country, span.start_char, span.end_char)
        ante = state.memory.resolve(token)
        if ante is not None:
            info = _describe(ante.name or ante.text, ante.lemma, state.country)
            return Mention(span.text, info.name, info.type, info.country, span.start_char, span.end_char)
        return Mention(span.text, None, None, None, span.start_char, span.end_char)
    appos = appositive_name(token)
    label = appos.text if appos is not None else span.text
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        # 'Fallujah, the long ISIS-held Iraqi city': the description names the proper noun
        label = mention_span(token.head, keep_preps=False).text
    elif token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS:
        # 'the town of Gharyan', 'Saada province': the place's own name
        core = proper_core(token)
        if core is not None:
            label = core.text
    info = _describe(label, token.lemma_.lower(), state.country)
    return Mention(span.text, info.name, info.type, info.country, span.start_char, span.end_char)


def _clause_verb(token: Token) -> Token:
    """The nearest verb (or the sentence root) that a phrase belongs to."""
    current = token
    while current.head.i != current.i and current.pos_ not in {"VERB", "AUX"}:
        current = current.head
    return current


def _times_by_clause(spans: list[Span], publication: dt.date | None) -> dict[int, tuple[str, TimeValue]]:
    out: dict[int, tuple[str, TimeValue]] = {}
    for span in spans:
        value = resolve_time(span.text, publication)
        if value is None or value.anchor == "duration":
            continue
        verb = _clause_verb(span.root)
        out.setdefault(verb.i, (span.text, value))
    return out


def _own_or_governing_time(predicate: Token, times: dict[int, tuple[str, TimeValue]], speech: bool):
    if predicate.i in times:
        return times[predicate.i]
    if speech:
        return None
    current = predicate
    for _ in range(6):
        if current.head.i == current.i or current.dep_ not in {
            "conj",
            "advcl",
            "xcomp",
            "acl",
            "pcomp",
            "prep",
            "relcl",
            "ccomp",
            "dobj",
            "pobj",
        }:
            break
        current = current.head
        if current.i in times and current.lemma_.lower() not in SPEECH_LEMMAS:
            return times[current.i]
    # coordinated verbs share a time stated on either: 'burned tyres and blocked roads on Thursday'
    for conj in predicate.conjuncts:
        if conj.i in times and conj.lemma_.lower() not in SPEECH_LEMMAS:
            return times[conj.i]
    return None


def _event_time(frame: Frame, times: dict[int, tuple[str, TimeValue]], state: _Discourse) -> Time | None:
    found = _own_or_governing_time(frame.predicate, times, frame.is_speech)
    if found is None:
        if frame.is_speech or state.date is None:
            return None
        return Time(None, state.date)
    text, value = found
    date = value.date
    if value.anchor == "episode":
        date = shift(value, state.date)
    if date is not None:
        state.update_date(date)
        return Time(text, date)
    # 'in May', 'in 2014': no day, but the month or year is kept at its precision
    coarse = coarse_value(value, state.document.date)
    if coarse is not None:
        return Time(text, None, "month" if len(coarse) == 7 else "year", coarse)
    return Time(text, None)


def _source(frame: Frame, frames: list[Frame], state: _Discourse, according: Mention | None) -> Mention | None:
    """'X said (that) ...', '..., X said.': the reporting speaker; else 'according to X'."""
    if frame.is_speech:
        return None

    def speaker_of(verb: Token) -> Mention | None:
        actor = next((f.actor for f in frames if f.predicate.i == verb.i and f.actor is not None), None)
        return _mention(actor, state) if actor is not None else None

    current = frame.predicate
    for _ in range(6):
        if current.head.i == current.i or current.dep_ not in REPORTED_DEPS | {"acl", "dobj"}:
            break
        governor = current.head
        if verb_lemma(governor) in SPEECH_LEMMAS and current.dep_ != "conj":
            found = speaker_of(governor)
            if found is not None:
                return found
        current = governor
    # a parenthetical report hanging off the clause: 'Rebels took the town, a spokesman said.'
    for child in current.children:
        if child.dep_ in {"parataxis", "advcl", "conj"} and verb_lemma(child) in {"say", "report", "claim", "tell"}:
            found = speaker_of(child)
            if found is not None:
                return found
    return according


def _according_to(sent: Span, text: str, state: _Discourse) -> Mention | None:
    """'According to a military statement, ...' -> the statement (``text`` is the sentence's)."""
    if "ccording" not in text:
        return None
    for token in sent:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return _mention(pobj, state)
    return None


def _remember_sentence(sent: Span, state: _Discourse) -> None:
    for token in sent:
        if token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"} and token.pos_ in {"NOUN", "PROPN"}:
            state.memory.remember(token)


def _frame_event(
    frame: Frame,
    si: int,
    sent: Span,
    evidence: str,
    frames: list[Frame],
    times: dict[int, tuple[str, TimeValue]],
    state: _Discourse,
    according: Mention | None,
) -> Event:
    document = state.document
    if frame.actor_text is not None:
        info = _describe(frame.actor_text, None, state.country)
        actor: Mention | None = Mention(frame.actor_text, info.name, info.type, info.country)
    else:
        actor = _mention(frame.actor, state) if frame.actor is not None else None
    target = _mention(frame.target, state) if frame.target is not None else None
    # a speech act is placed only by its own clause ('said in Baghdad'), never carried over
    hit = clause_place(frame.predicate, frame.actor, None if frame.is_speech else frame.target, _known_place)
    place = state.place_from_hit(hit) if hit is not None else None
    if frame.is_speech:
        place = place if hit is not None and not hit.definite else None
    else:
        if (place is not None and hit is not None and not hit.definite and place.geonames_id is not None) or (
            place is not None and state.place is None
        ):
            state.place = place
        place = place or state.place
    event_class = classify_token(frame.predicate) if frame.kind == "verb" else classify(frame.lemma)
    start = frame.predicate.idx
    return Event(
        doc=document.id,
        sentence=si,
        action=Action(
            frame.text or frame.predicate.text,
            frame.lemma,
            event_class.plover,
            event_class.cameo,
            start,
            start + len(frame.predicate.text),
        ),
        actor=actor,
        target=target,
        place=place,
        time=_event_time(frame, times, state),
        modality=modality(frame.predicate) if frame.kind != "modifier" else "asserted",
        source=_source(frame, frames, state, according),
        evidence=evidence,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        doc_date=document.date,
    )


#: PLOVER classes of acts that kill or hurt.
VIOLENT_CLASSES = frozenset({"ASSAULT", "COERCE"})
#: Modalities of acts that happened, and so may have killed or hurt someone.
_HAPPENED = frozenset({"asserted", "alleged"})


#: Sentences after a toll within which the attack it counts is looked for.
TOLL_REACH = 3


def _with_casualties(sent: Span, made: list[tuple[Frame, Event]], state: _Discourse) -> list[tuple[Frame, Event]]:
    """The sentence's events with the killed / injured counts the sentence states for them.

    A death toll in a sentence that tells no act goes to the next attack (within
    :data:`TOLL_REACH` sentences) that states no count of its own.
    """
    statements = sentence_statements(sent)
    material = [not frame.is_speech and event.modality in _HAPPENED for frame, event in made]
    counts = attach(
        sent,
        statements,
        [
            (frame.predicate, m, m and event.action.plover in VIOLENT_CLASSES)
            for (frame, event), m in zip(made, material, strict=True)
        ],
    )
    if not any(material) and any(s.toll for s in statements):
        toll = next(s for s in statements if s.toll)
        state.toll, state.toll_left = toll.casualties(), TOLL_REACH
    elif state.toll is not None:
        for i, ((_, event), found) in enumerate(zip(made, counts, strict=True)):
            if material[i] and event.action.plover in VIOLENT_CLASSES and found.killed is None:
                counts[i] = found.merge(state.toll)
                state.toll = None
                break
        state.toll_left -= 1
        if state.toll_left <= 0:
            state.toll = None
    out = []
    for (frame, event), found in zip(made, counts, strict=True):
        if found:
            event = dataclasses.replace(
                event,
                killed=found.killed,
                injured=found.injured,
                killed_min=found.killed_min,
                injured_min=found.injured_min,
            )
        out.append((frame, event))
    return out


def document_events(doc: Doc, document: Document) -> list[Event]:
    """All events of one parsed document, in text order."""
    evidence = [ent.text for ent in doc.ents if ent.label_ in COUNTRY_EVIDENCE_ENTS]
    # towns the small model tags as people or groups still tell the country: 'in Kherson'
    evidence += [
        t.text
        for t in doc
        if t.dep_ == "pobj"
        and t.pos_ == "PROPN"
        and t.ent_type_ not in COUNTRY_EVIDENCE_ENTS
        and t.head.lower_ in {"in", "near", "outside", "into", "on"}
    ]
    state = _Discourse(document, document_country(evidence, place_country=place_country))
    events: list[Event] = []
    seen: set[tuple] = set()
    time_spans = sentence_time_expressions(doc)
    for si, sent in enumerate(doc.sents):
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        _remember_sentence(sent, state)  # antecedents before the pronouns that follow them
        frames = list(iter_frames(sent))
        times = _times_by_clause(time_spans.get(sent.start, []), document.date)
        according = _according_to(sent, text, state)
        made = [(frame, _frame_event(frame, si, sent, stripped, frames, times, state, according)) for frame in frames]
        for _frame, event in _with_casualties(sent, made, state):
            key = (
                si,
                event.action.lemma,
                event.action.start,
                event.actor.text if event.actor else None,
                event.target.text if event.target else None,
            )
            if key in seen:
                continue
            seen.add(key)
            events.append(event)
    return events
