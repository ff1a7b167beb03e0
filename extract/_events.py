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

from ._actors import ActorInfo, country_code, describe_actor, document_country
from ._casualties import Casualties, attach, sentence_statements
from ._classes import classify, classify_token
from ._clauses import SPEECH_LEMMAS, Frame, iter_frames, verb_lemma
from ._coref import DiscourseMemory, reporting_antecedent
from ._dateline import find_dateline
from ._gazetteer import lookup_place, place_country
from ._mentions import appositive_name, is_pronoun, mention_span
from ._modality import modality
from ._model import Action, Document, Event, Mention, Place, Time
from ._places import FEATURE_KINDS, PLACE_NOUNS, PlaceHit, clause_place, place_kind, proper_core
from ._tense import clause_tense, takes_episode_date
from ._times import TimeValue, coarse_value, resolve_time, sentence_time_expressions, shift

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["document_events"]

#: Entity labels whose texts tell which country an article is about.
COUNTRY_EVIDENCE_ENTS = frozenset({"GPE", "NORP", "LOC"})
#: Links from a reported clause up to the speech verb that reports it.
REPORTED_DEPS = frozenset({"ccomp", "parataxis", "conj", "xcomp", "advcl"})
#: How many mentions the country named in a dateline ("KYIV, Ukraine (AP) -") counts for.
DATELINE_COUNTRY_WEIGHT = 4
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
    #: Places named so far, with their kind ("settlement", "division", ...), oldest first.
    named: list[tuple[str | None, Place]] = field(default_factory=list)
    #: A death toll stated where no attack is ('the toll from the ambush rose to 14'), for the next attack.
    toll: Casualties | None = None
    toll_left: int = 0

    def place_from_hit(self, hit: PlaceHit) -> Place | None:
        if hit.definite:
            # 'the town' is the last town named; a description of no known kind, the current place
            kind = place_kind(hit)
            found = next((p for k, p in reversed(self.named) if kind is not None and k == kind), None)
            return found or self.place
        entry = lookup_place(hit.name, country=self.country) or lookup_place(hit.span.text, country=self.country)
        if entry is None:
            place = Place(hit.span.text, hit.name)
        else:
            # the name as written ("Fallujah"); the GeoNames id links the spellings ("Al Fallūjah")
            place = Place(hit.span.text, hit.name, entry.geonames_id, entry.lat, entry.lon, entry.country)
        self.named.append((place_kind(hit, entry.feature if entry is not None else None), place))
        return place

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


@functools.lru_cache(maxsize=65536)
def _place_kind(name: str) -> str | None:
    """'country', or the kind of the gazetteer's place of that name ('settlement', 'division')."""
    if country_code(name) is not None:
        return "country"
    entry = lookup_place(name)
    return FEATURE_KINDS.get(entry.feature) if entry is not None else None


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
    if token.pos_ == "PROPN" and info.type is None and info.country is None:
        # 'Karim al-Saadi, a spokesman for the Joint Operations Command': the title gives the affiliation
        title = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        if title is not None:
            phrase = token.doc[title.left_edge.i : title.right_edge.i + 1].text  # with its 'for'/'of' phrase
            role = _describe(phrase, title.lemma_.lower(), state.country)
            return Mention(span.text, info.name, role.type, role.country, span.start_char, span.end_char)
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
        if span.root.dep_ == "poss":  # 'Monday's ambush' names an event, it does not date the clause
            continue
        value = resolve_time(span.text, publication)
        if value is None or value.anchor == "duration":
            continue
        verb = _clause_verb(span.root)
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if (
            verb.dep_ == "ccomp"
            and subject is not None
            and verb_lemma(verb.head) in SPEECH_LEMMAS
            and 0 < span.start - verb.head.i <= 2  # right after the verb: 'said (on) Thursday'
            and span.end <= subject.left_edge.i
        ):
            verb = verb.head  # 'said on Thursday it would send ...': the statement's time, before its clause
        held = out.get(verb.i)
        # 'at dawn on Wednesday': the expression that names a day wins over one that does not
        if held is None or (held[1].date is None and value.date is not None):
            out[verb.i] = (span.text, value)
    return out


def _reporting_verb(predicate: Token) -> Token | None:
    """The speech verb that reports the clause of ``predicate`` ('the army said troops had ...')."""
    current = predicate
    for _ in range(6):
        if current.head.i == current.i or current.dep_ not in REPORTED_DEPS - {"conj"}:
            return None
        current = current.head
        if verb_lemma(current) in SPEECH_LEMMAS:
            return current
    return None


def _relative_clause_time(
    predicate: Token, times: dict[int, tuple[str, TimeValue]], episode: dt.date | None
) -> tuple[str, TimeValue] | None:
    """'attacked on Wednesday, a day after gunmen killed two soldiers': the killing was on Tuesday.

    A clause opened by 'after' or 'before' with a measure ('a day', 'two days', 'hours') is dated
    from the clause it depends on (its own time, or its complement's, else the episode's date).
    """
    mark = next((c for c in predicate.children if c.dep_ in {"mark", "prep"} and c.lower_ in {"after", "before"}), None)
    measure = next((c for c in predicate.children if c.dep_ == "npadvmod"), None)
    if mark is None or measure is None or measure.i > mark.i or predicate.dep_ != "advcl":
        return None
    phrase = predicate.doc[measure.left_edge.i : mark.i + 1].text
    value = resolve_time(predicate.doc[measure.left_edge.i : measure.i + 1].text + " later", None)
    if value is None or value.anchor != "episode":
        return None
    head = predicate.head
    around = [head, *(c for c in head.children if c.dep_ in {"xcomp", "ccomp"})]
    anchor = next((times[t.i][1].date for t in around if t.i in times and times[t.i][1].date), None) or episode
    if anchor is None or value.offset_days is None:
        return phrase, TimeValue(phrase, None, "episode", None)
    days = -value.offset_days if mark.lower_ == "after" else value.offset_days
    return phrase, TimeValue(phrase, anchor + dt.timedelta(days=days), "absolute")


def _own_or_governing_time(predicate: Token, times: dict[int, tuple[str, TimeValue]], speech: bool):
    if predicate.i in times:
        return times[predicate.i]
    if clause_tense(predicate) in {"perfect", "present"}:
        # no time shared across a change of tense: 'took it on Friday and has since occupied ...'
        return None
    if speech:
        # a participle adjunct shares its clause's time: 'imposed sanctions on Thursday, accusing them of ...'
        if predicate.dep_ == "advcl" and predicate.tag_ == "VBG" and predicate.head.i in times:
            return times[predicate.head.i]
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


def _event_time(
    frame: Frame, times: dict[int, tuple[str, TimeValue]], state: _Discourse, background: bool
) -> Time | None:
    """The event's own (or governing) time; else the episode's date, unless the clause is background.

    ``background``: the sentence dates something else coarsely or long ago ("in 2014",
    "since the takeover"), so its undated clauses do not take the episode's date either.
    """
    found = _relative_clause_time(frame.predicate, times, state.date) if frame.kind == "verb" else None
    found = found or _own_or_governing_time(frame.predicate, times, frame.is_speech)
    if found is None:
        if frame.is_speech or state.date is None or background:
            return None
        if not takes_episode_date(frame.predicate, frame.lemma, frame.kind):
            return None
        if frame.kind != "modifier" and modality(frame.predicate) == "negated":
            return None  # what did not happen happened on no day
        reporter = _reporting_verb(frame.predicate)
        if reporter is not None and reporter.i in times:
            return None  # 'reported on Tuesday that troops had driven ...': the report is dated, the act is not
        return Time(None, state.date)
    text, value = found
    date = value.date
    if value.anchor == "episode":
        date = shift(value, state.date)
    if date is not None:
        if not frame.is_speech:  # the date of a statement does not move the episode
            state.update_date(date)
        return Time(text, date)
    # 'in May', 'in 2014': no day, but the month or year is kept at its precision
    coarse = coarse_value(value, state.document.date)
    if coarse is not None:
        return Time(text, None, "month" if len(coarse) == 7 else "year", coarse)
    return Time(text, None)


def _background_sentence(sent: Span, spans: list[Span], publication: dt.date | None) -> bool:
    """A sentence about the past at large: a year or month alone, a day long ago, or 'since ...'."""
    for span in spans:
        value = resolve_time(span.text, publication)
        if value is None or value.anchor == "duration":
            continue
        if value.granularity in {"month", "year"}:
            return True
        if value.date is not None and publication is not None and (publication - value.date).days > BACKGROUND_DAYS:
            return True
    return any(t.lower_ == "since" and t.dep_ in {"prep", "mark", "advmod"} for t in sent)


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
    background: bool = False,
) -> Event:
    document = state.document
    if frame.actor_text is not None:
        info = _describe(frame.actor_text, None, state.country)
        actor: Mention | None = Mention(frame.actor_text, info.name, info.type, info.country)
    else:
        actor = _mention(frame.actor, state) if frame.actor is not None else None
    target = _mention(frame.target, state) if frame.target is not None else None
    # a speech act is placed only by its own clause ('said in Baghdad'), never carried over
    hit = clause_place(
        frame.predicate, frame.actor, None if frame.is_speech else frame.target, _known_place, _place_kind
    )
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
    # a verb the lexicon does not know gets no class (statements keep CONSULT, CAMEO 01): never a default
    unknown = event_class.fallback and event_class.cameo is None
    start = frame.predicate.idx
    return Event(
        doc=document.id,
        sentence=si,
        action=Action(
            frame.text or frame.predicate.text,
            frame.lemma,
            None if unknown else event_class.plover,
            event_class.cameo,
            start,
            start + len(frame.predicate.text),
        ),
        actor=actor,
        target=target,
        place=place,
        time=_event_time(frame, times, state, background),
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
        and resolve_time(t.text, None) is None  # 'on Thursday' is no place (nor Thursday Island)
    ]
    dateline = find_dateline(document.text)
    if dateline is not None:  # where the report was filed tells the country too; a named country weighs more
        evidence += dateline.places
        if dateline.country is not None:
            evidence += [dateline.country] * (DATELINE_COUNTRY_WEIGHT - 1)
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
        spans = time_spans.get(sent.start, [])
        times = _times_by_clause(spans, document.date)
        background = _background_sentence(sent, spans, document.date)
        according = _according_to(sent, text, state)
        made = [
            (frame, _frame_event(frame, si, sent, stripped, frames, times, state, according, background))
            for frame in frames
        ]
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
