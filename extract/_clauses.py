"""Clause analysis: predicates and their actor and target, from a spaCy sentence.

:func:`iter_frames` takes a parsed sentence (a ``Span``) and yields
:class:`Frame` records, one per (actor, predicate, target) that the sentence
states. Each rule below carries a comment naming the construction it handles.
Frames still hold spaCy tokens; :mod:`._events` turns them into plain
:class:`~conflict_kg.extract.Event` records.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._actors import names_party
from ._mentions import conjuncts, mention_span
from ._places import PLACE_ENTS
from ._tense import STANDING_RELATIONS
from ._times import resolve_time

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Frame", "iter_frames", "set_verb_exceptions", "surface_subject", "verb_lemma"]

# --- dependency-label sets -------------------------------------------------
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
ACTIVE_SUBJ_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass"})
OBJ_DEPS = frozenset({"dobj", "obj"})
AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
WEAK_DEPS_FOR_VERBS = frozenset({"amod", "compound", "npadvmod"})  # "the besieged town": not a clause

# --- lexicons ----------------------------------------------------------------
#: Lemmas that describe states, perception or light verbs, not actions.
NON_EVENT_LEMMAS = frozenset(
    {
        "be",
        "have",
        "seem",
        "appear",
        "become",
        "remain",
        "stay",
        "include",
        "involve",
        "contain",
        "consist",
        "mean",
        "need",
        "look",
        "feel",
        "see",
        "hear",
        "watch",
        "know",
        "think",
        "believe",
        "like",
        "belong",
        "exist",
        "lie",
        "stand",
        "sit",
        "stretch",
        "border",
        "locate",
        "situate",
        "base",
        "comprise",
        "concern",
        "cost",
        "last",
        "number",
        "total",
        "range",
        "make",
        "get",
        "do",
        "go",
        "come",
        "happen",
        "occur",
        "give",
        "let",
        "show",
        "rise",
        "fall",
        "estimate",
        "describe",
        "name",
        "consider",
        "regard",
        "view",
        "run",
        "face",
        "live",
        "die",
        "hope",
        "want",
        "wish",
        "try",
        "continue",
        "keep",
        "begin",
        "start",
        "resume",
        "attempt",
        "manage",
        "fail",
        "expect",
        "plan",
        "prepare",
        "intend",
        "aim",
        "set",
        "help",
        "note",
        "add",
        "follow",
        "cause",
        "leave",
        "bring",
        "put",
        "pass",
        "accord",
        # descriptions, changes of amount or state, and dealings that are no conflict acts
        "link",
        "neighbor",
        "neighbour",
        "bind",
        "grow",
        "increase",
        "decrease",
        "intensify",
        "deteriorate",
        "worsen",
        "spread",
        "stall",
        "suffer",
        "starve",
        "engulf",
        "submerge",
        "require",
        "spend",
        "sell",
        "lose",
        "miss",
        "work",
    }
)
#: Non-event verbs that are speech acts when they report: '"...," he added.', 'noted that ...'.
REPORTING_ONLY = frozenset({"add", "note"})
#: Governors whose ``xcomp`` carries the event: "continued pursuing militants" -> pursue.
TRANSPARENT_GOVERNORS = frozenset(
    {
        "continue",
        "keep",
        "begin",
        "start",
        "resume",
        "try",
        "attempt",
        "manage",
        "fail",
        "expect",
        "plan",
        "prepare",
        "intend",
        "aim",
        "set",
        "seek",
        "hope",
        "want",
        "wish",
        "appear",
        "seem",
        "go",
        "need",
        "have",
        "be",
        "decide",
        "move",
        "rush",
        "scramble",
        "struggle",
        "tend",
    }
)
#: Object-control verbs: their object is the doer of the xcomp ("urged fighters not to seek").
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "order",
        "ask",
        "force",
        "call",
        "tell",
        "persuade",
        "encourage",
        "allow",
        "help",
        "instruct",
        "warn",
        "press",
        "pressure",
        "compel",
        "invite",
        "permit",
        "enable",
        "lead",
        "push",
        "command",
        "direct",
        "request",
        "advise",
        "require",
    }
)
#: Speech and report verbs: an event of their own, whose complement they report.
SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "announce",
        "report",
        "state",
        "add",
        "confirm",
        "claim",
        "allege",
        "deny",
        "warn",
        "insist",
        "declare",
        "write",
        "tweet",
        "post",
        "note",
        "explain",
        "acknowledge",
        "admit",
        "assert",
        "maintain",
        "argue",
        "stress",
        "reiterate",
        "indicate",
        "suggest",
        "accuse",
        "threaten",
        "urge",
        "vow",
        "pledge",
        "promise",
        # verbal acts that judge rather than report: dated only when a date is stated for them
        "condemn",
        "denounce",
        "blame",
        "criticize",
        "criticise",
        "praise",
        "welcome",
        "comment",
        "call",
    }
)
#: Words that open a clause but that the parser may read as prepositions ("since an alliance launched ...").
SUBORDINATORS = frozenset({"since", "after", "before", "until", "as", "when", "while"})
#: Verbs whose object did the ``of``/``for`` complement ("accused the army of torturing").
ACCUSING_LEMMAS = frozenset(
    {
        "accuse",
        "charge",
        "suspect",
        "blame",
        "convict",
        "arrest",
        "condemn",
        "criticize",
        "criticise",
        "praise",
        "thank",
        "punish",
        "sentence",
        "fine",
    }
)
#: Verbs whose ``with`` object is the other party ("clashed with militants").
RECIPROCAL_LEMMAS = frozenset(
    {
        "clash",
        "fight",
        "meet",
        "talk",
        "negotiate",
        "cooperate",
        "agree",
        "battle",
        "skirmish",
        "exchange",
        "trade",
        "engage",
        "ally",
        "side",
        "sign",
        "spar",
        "wrestle",
        "confer",
        "consult",
    }
)
#: Prepositions whose object is a target when the verb has no direct object
#: ("fired at a base", "advanced on Mosul", "protested against the decree").
TARGET_PREPS = frozenset({"at", "on", "upon", "against", "onto"})
#: Nouns naming weapons or fire: when they are the object, the ``at``/``on`` object is the target
#: ("fired rockets at a base" -> base).
WEAPON_LEMMAS = frozenset(
    {
        "rocket",
        "missile",
        "shell",
        "mortar",
        "bullet",
        "shot",
        "round",
        "grenade",
        "bomb",
        "fire",
        "tear",
        "gas",
        "barrage",
        "salvo",
        "drone",
        "artillery",
        "projectile",
        "volley",
        "teargas",
    }
)
#: Directive speech: the subject of the demanded clause is the addressee
#: ("demanded that the United States match ...", "insisted that the government grant ...").
DIRECTIVE_LEMMAS = frozenset(
    {
        "demand",
        "urge",
        "insist",
        "call",
        "ask",
        "request",
        "warn",
        "press",
        "appeal",
        "tell",
        "order",
        "declare",
        "reiterate",
        "say",
        "stress",
        "argue",
    }
)
#: Modal words that make a reported clause a directive ("X said that Y must ...").
DIRECTIVE_MODALS = frozenset({"must", "should", "ought", "need", "has"})
#: Direct objects that are things handed over or states of affairs rather than parties; when the
#: clause names a recipient ('sent arms to Pakistan', 'granted asylum to five officers'), the
#: recipient is the target.
TRANSFER_OBJECTS = frozenset(
    {
        "arm",
        "weapon",
        "aid",
        "assistance",
        "asylum",
        "support",
        "money",
        "fund",
        "loan",
        "goods",
        "good",
        "shipment",
        "delivery",
        "consignment",
        "electricity",
        "water",
        "fuel",
        "power",
        "medicine",
        "food",
        "supply",
        "equipment",
        "concession",
        "apology",
        "reminder",
        "message",
        "letter",
        "warning",
        "ultimatum",
        "invitation",
        "condolence",
        "congratulation",
        "protest",
        "request",
        "proposal",
        "offer",
        "plan",
        "guarantee",
        "promise",
        "visa",
        "citizenship",
        "recognition",
        "access",
        "permission",
        "amnesty",
        "pardon",
        "compensation",
        "inspector",
        "observer",
        "envoy",
        "delegation",
        "mission",
        "ammunition",
        "missile",
        "tank",
        "jet",
        "vehicle",
        "dollar",
        "million",
        "billion",
        "relief",
        "investigation",
        "inquiry",
        "probe",
        "case",
        "charge",
        "sanction",
        "embargo",
        "tariff",
        "ban",
        "curfew",
        "blockade",
        "restriction",
        "measure",
    }
)
#: Abstract direct objects: speech acts, relations, decisions, protests, measures. They are not
#: parties; when the clause names a party in a recipient or adversary phrase ('opened
#: investigations against 28 officials', 'broke off relations with Congo'), a possessor
#: ("denounced Serbia's crackdown") or an author ('rejected calls by the envoy'), that party is the
#: target. Military operations ('operation', 'battle', 'offensive') are deliberately absent: they
#: are events of their own and stay the target ('joined the battle against ISIS' -> battle).
ABSTRACT_OBJECTS = TRANSFER_OBJECTS | frozenset(
    {
        "visit",
        "trip",
        "tour",
        "call",
        "demand",
        "appeal",
        "plea",
        "talk",
        "relation",
        "tie",
        "contact",
        "dialogue",
        "mediation",
        "dispute",
        "negotiation",
        "decision",
        "policy",
        "failure",
        "suppression",
        "crackdown",
        "persecution",
        "treatment",
        "violation",
        "abuse",
        "crime",
        "rally",
        "demonstration",
        "march",
        "boycott",
        "criticism",
        "accusation",
        "threat",
        "pressure",
        "action",
        "step",
        "effort",
        "activity",
        "law",
        "rule",
        "emergency",
        "siege",
        "lockdown",
        "closure",
        "cordon",
        "order",
        "decree",
        "resolution",
        "treaty",
        "deal",
        "accord",
        "agreement",
        "pact",
        "ceasefire",
        "truce",
        "welfare",
        "help",
        "right",
        "removal",
        "expulsion",
        "deportation",
    }
)
_NON_MATERIAL = ABSTRACT_OBJECTS - TRANSFER_OBJECTS
#: Measures that apply to a territory: with no party named, the place they are imposed in is the
#: target ('lifted a night curfew in Montenegro' -> Montenegro); the place stands for the
#: population and authority the measure binds, which is the edge a knowledge graph wants.
TERRITORIAL_MEASURES = frozenset(
    {
        "curfew",
        "blockade",
        "measure",
        "restriction",
        "ban",
        "embargo",
        "law",
        "rule",
        "emergency",
        "siege",
        "lockdown",
        "closure",
        "cordon",
    }
)
#: Heads of measure phrases that stand before the noun that matters: '700 kg of medicine',
#: '$50,000 worth of goods', 'a series of bombs', 'a state of siege' -> the of-object.
QUANTITY_HEADS = frozenset(
    {
        "kg",
        "kilogram",
        "ton",
        "tonne",
        "pound",
        "litre",
        "liter",
        "worth",
        "dollar",
        "euro",
        "million",
        "billion",
        "thousand",
        "hundred",
        "series",
        "number",
        "amount",
        "quantity",
        "batch",
        "shipment",
        "consignment",
        "package",
        "load",
        "lot",
        "set",
        "state",
        "kind",
        "type",
        "form",
    }
)
#: Prepositions of an abstract noun (or of its verb) that name the party it is for or against,
#: in order of preference: recipient and adversary first, the author ('by', 'from') last.
PARTY_PREPS = ("to", "for", "against", "toward", "towards", "on", "upon", "with", "between", "among", "into")
AUTHOR_PREPS = ("by", "from")
#: Verbs that hand something over: their to-recipient is the target even when the object is a
#: group ('offered its troops to the president' -> the president).
TRANSFER_VERBS = frozenset(
    {
        "send",
        "give",
        "offer",
        "provide",
        "deliver",
        "hand",
        "donate",
        "grant",
        "supply",
        "contribute",
        "lend",
        "sell",
        "ship",
        "dispatch",
        "extend",
        "pledge",
        "issue",
    }
)
#: Commissive speech: the threatened or promised act names the target ('threatened to shell
#: Iraqi towns' -> towns).
COMMISSIVE_LEMMAS = frozenset({"threaten", "vow", "pledge", "promise", "warn"})
#: Participles of attitude and engagement whose passive form is a state of the subject: 'Israel is
#: opposed to the plan', 'forces were engaged in shelling against the town' -> the subject acts.
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "engage", "dedicate", "determine"})
#: Verbs of complaint: the grievance phrase names the accused, not the addressee ('complained to
#: the UN over Israeli air raids' -> the raids' party).
COMPLAINT_LEMMAS = frozenset({"complain", "protest", "object"})
GRIEVANCE_PREPS = ("over", "about", "against", "at")
#: Adjunct nouns of motive whose object is the party acted against ('staged a strike in protest
#: against violations by the police', 'blocked streets in defiance of the authorities').
MOTIVE_NOUNS = frozenset({"protest", "defiance", "opposition"})
#: Detonation verbs: the place a bomb went off in is what it struck ('exploded bombs in Kabul').
DETONATION_LEMMAS = frozenset({"explode", "detonate", "set off", "blow up"})
#: Subordinators of a condition: 'threatened to strike unless Israel rescinded' -> Israel.
CONDITION_MARKS = frozenset({"unless", "if"})
#: Arrival verbs: the place arrived in is the party visited ('arrived in Amman on a visit').
ARRIVAL_LEMMAS = frozenset({"arrive", "land"})
#: Entity labels of parties (people, groups, organizations, countries and cities).
PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
#: Nouns that cannot act: a clause with one as its actor and no target is a description
#: ("the main road running through the city").
#: Forces of nature: they kill and destroy, but they are no actors, whatever their object.
NATURAL_FORCES = frozenset(
    {
        "flood",
        "floodwater",
        "rain",
        "storm",
        "cyclone",
        "hurricane",
        "earthquake",
        "quake",
        "landslide",
        "drought",
        "heatwave",
        "wildfire",
        "disease",
        "epidemic",
        "outbreak",
    }
)
#: Light-verb idioms that state no act: 'the ceasefire took effect', 'the fighting took place'.
IDIOM_OBJECTS = {
    "take": frozenset({"place", "effect", "hold", "root", "shape"}),
    "share": frozenset({"border", "frontier", "boundary"}),
}
INANIMATE_ACTORS = frozenset(
    {
        "road",
        "street",
        "highway",
        "river",
        "border",
        "area",
        "region",
        "route",
        "line",
        "smoke",
        "cloud",
        "fire",
        "wall",
        "bridge",
        "city",
        "town",
        "village",
        # happenings are not doers: 'fighting erupted', 'the ceasefire collapsed', 'clashes continued'
        "fighting",
        "clash",
        "violence",
        "battle",
        "explosion",
        "blast",
        "unrest",
        "ceasefire",
        "truce",
        "war",
        "conflict",
        "tension",
        "shooting",
        "gunfire",
        "shelling",
        "situation",
    }
)
#: Verbs of reporting and knowing: passive and with no agent they describe the news, not an act
#: ("no casualties were reported", "the figure could not be verified").
EPISTEMIC_LEMMAS = frozenset(
    {
        "report",
        "verify",
        "confirm",
        "say",
        "believe",
        "know",
        "think",
        "estimate",
        "expect",
        "consider",
        "understand",
        "see",
        "hear",
        "tell",
        "announce",
        "claim",
        "allege",
        "fear",
        "presume",
        "assume",
    }
)
#: Nominal events that take a stated actor ("an attack by ISIS fighters on an oil field"),
#: mapped to the verb lemma they report.
NOMINAL_EVENTS = {
    "attack": "attack",
    "assault": "assault",
    "strike": "strike",
    "airstrike": "strike",
    "raid": "raid",
    "offensive": "attack",
    "bombing": "bomb",
    "ambush": "ambush",
    "shelling": "shell",
    "killing": "kill",
    "capture": "capture",
    "arrest": "arrest",
    "abduction": "abduct",
    "kidnapping": "kidnap",
    "invasion": "invade",
    "siege": "besiege",
    "bombardment": "bombard",
    "massacre": "massacre",
    "execution": "execute",
    "incursion": "invade",
    "occupation": "occupy",
    "blockade": "blockade",
    "seizure": "seize",
    "takeover": "take over",
    "detention": "detain",
    "torture": "torture",
    "shooting": "shoot",
    "withdrawal": "withdraw",
    "release": "release",
    "rescue": "rescue",
    "evacuation": "evacuate",
}
#: Hyphenated modifiers that state a relation: "ISIS-held city" -> ISIS hold city.
MODIFIER_RELATIONS = {
    "held": "hold",
    "controlled": "control",
    "led": "lead",
    "backed": "back",
    "supported": "support",
    "run": "run",
    "occupied": "occupy",
    "sponsored": "sponsor",
    "funded": "fund",
    "armed": "arm",
    "allied": "ally",
    "affiliated": "affiliate",
    "linked": "link",
    "trained": "train",
    "besieged": "besiege",
    "seized": "seize",
    "captured": "capture",
}
#: First halves of hyphenated modifiers that name no actor ('pro-government', 'state-run' media).
NOT_MODIFIER_ACTORS = frozenset({"pro", "anti", "self", "well", "heavily", "lightly", "so", "state"})
_MODIFIER_TOKEN = re.compile(r"^(?P<actor>.+?)-(?P<rel>" + "|".join(MODIFIER_RELATIONS) + r")$", re.I)


@dataclass(frozen=True)
class Frame:
    """One predicate with its arguments, still pointing into the parse.

    ``kind`` is ``"verb"``, ``"nominal"`` ("an attack by X on Y") or
    ``"modifier"`` ("ISIS-held city"); ``actor_text`` replaces the actor
    phrase where the actor is only part of a token ("U.S." of "U.S.-backed").
    """

    predicate: Token
    lemma: str
    actor: Token | None
    target: Token | None
    kind: str = "verb"
    actor_text: str | None = None
    text: str | None = None

    @property
    def is_speech(self) -> bool:
        return self.kind == "verb" and self.lemma.split()[0] in SPEECH_LEMMAS


# --- lemmas --------------------------------------------------------------------

_PREFIXES = ("re", "over", "out", "under", "with", "up", "mis", "fore", "counter")


#: The lemmatizer's table of irregular verb forms, registered by :func:`set_verb_exceptions`.
_VERB_EXCEPTIONS: dict[str, list[str]] = {}


def set_verb_exceptions(table: dict[str, list[str]]) -> None:
    """Register the lemmatizer's irregular-verb table used by :func:`verb_lemma`."""
    _VERB_EXCEPTIONS.update(table)


def verb_lemma(token: Token) -> str:
    """The verb's lemma, repairing prefixed irregulars the lemmatizer misses ("retook" -> retake)."""
    lemma = token.lemma_.lower()
    if lemma == token.lower_ and _VERB_EXCEPTIONS:
        for prefix in _PREFIXES:
            rest = token.lower_[len(prefix) :]
            if token.lower_.startswith(prefix) and rest in _VERB_EXCEPTIONS:
                return prefix + _VERB_EXCEPTIONS[rest][0]
    return lemma


def _phrasal_lemma(verb: Token) -> str:
    lemma = verb_lemma(verb)
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    if particle is not None:
        lemma = f"{lemma} {particle.lower_}"
    # light verb "open fire (on)": the event is firing
    if lemma == "open" and any(c.dep_ in OBJ_DEPS and c.lemma_ == "fire" for c in verb.children):
        lemma = "open fire"
    # light verb "set fire (to)", "set X ablaze", "set X on fire": the event is burning
    if lemma == "set" and (
        any(c.dep_ in OBJ_DEPS and c.lemma_ == "fire" for c in verb.children) or _burning_phrase(verb) is not None
    ):
        lemma = "set fire"
    return lemma


#: Words that make "set X ..." a burning: "set the depot ablaze".
ABLAZE_WORDS = frozenset({"ablaze", "alight", "afire", "aflame"})


def _burning_phrase(verb: Token) -> Token | None:
    """The 'ablaze' or 'on fire' token of 'set X ablaze' / 'set X on fire' (wherever the parser hung it)."""
    for obj in [verb, *(c for c in verb.children if c.dep_ in OBJ_DEPS)]:
        for child in obj.children:
            if child.lower_ in ABLAZE_WORDS:
                return child
            if child.dep_ == "prep" and child.lower_ == "on" and any(g.lower_ == "fire" for g in child.children):
                return child
        if obj is not verb and obj.lower_ in ABLAZE_WORDS:
            return obj
    return None


def _burnt(verb: Token) -> Token | None:
    """What 'set ... ablaze / on fire' burns: the object, or the noun the parser made a modifier of 'ablaze'."""
    obj = next((c for c in verb.children if c.dep_ in OBJ_DEPS), None)
    if obj is None or obj.lemma_ == "fire":
        return None
    if obj.lower_ in ABLAZE_WORDS:
        return next((c for c in reversed(list(obj.lefts)) if c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN"), None)
    return obj


# --- argument finding ------------------------------------------------------------


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return True
    if verb.tag_ != "VBN" or any(c.dep_ in {"aux", "nsubj"} for c in verb.children):
        return False
    # reduced passive: 'troops, backed by air strikes'; shared auxiliary: 'was hit and destroyed'
    return verb.dep_ in {"acl", "advcl"} or (verb.dep_ == "conj" and _is_passive(verb.head))


def _shares_passive(verb: Token) -> bool:
    """'was hit by bombs and destroyed': a bare past form conjoined to a passive shares its voice."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ in {"VBD", "VBN"}
        and _is_passive(verb.head)
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "dobj"} for c in verb.children)
    )


def _children(verb: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in verb.children if c.dep_ in deps]


def _agent(verb: Token) -> Token | None:
    """passive agent: 'was captured by Wagner mercenaries' -> mercenaries."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and _is_passive(verb)):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def surface_subject(verb: Token) -> Token | None:
    """The grammatical subject of a clause, following relatives, conjuncts and control."""
    subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)
    if subj is not None:
        # relative clause: 'an offensive that cleared out the population' -> offensive
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return subj
    head = verb.head
    if head.i == verb.i:
        return None
    # coordinated verbs share the subject: 'stormed a church and killed worshippers'
    if verb.dep_ == "conj" and head.pos_ in {"VERB", "AUX"}:
        return _stranded_subject(verb) or surface_subject(head)
    # control: 'continued pursuing militants', 'are expected to reach Timbuktu';
    # object control: 'urged fighters not to seek revenge' -> fighters
    if verb.dep_ in {"xcomp", "ccomp"} and head.pos_ in {"VERB", "AUX"} and not _has_own_clause(verb):
        if verb_lemma(head) in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in OBJ_DEPS), None)
            if obj is not None:
                return obj
        if verb.dep_ == "xcomp":
            return surface_subject(head)
    # adjectival control: 'France is ready to contribute troops', 'is willing to send' -> France
    if verb.dep_ == "xcomp" and head.dep_ in {"acomp", "xcomp"} and head.tag_ in {"JJ", "VBN"}:
        governor = head.head
        if governor.i != head.i and governor.pos_ in {"VERB", "AUX"}:
            return surface_subject(governor)
    # purpose infinitive: 'started a hunger strike to protest the decision' -> the striker
    if verb.dep_ == "advcl" and head.pos_ in {"VERB", "AUX"} and _is_infinitive(verb):
        return _logical_actor_token(head)
    demoted = _demoted_main_subject(verb)
    if demoted is not None:
        return demoted
    # participial adjunct: 'struck a school bus, killing 40 children' -> the head's doer;
    # with no comma it modifies the noun right before it: 'executed men fleeing the city' -> men
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.pos_ in {"VERB", "AUX"}:
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.pos_ in {"NOUN", "PROPN"} and before.i > head.i:
            return before
        return _logical_actor_token(head)
    # participle modifying a noun: 'men fleeing the city', 'hostages held by bandits'
    if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return head
    # 'accused the army of torturing detainees' -> army; 'after capturing the town' -> head's doer
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        accused = _accused_object(governor)
        if accused is not None:
            return accused
        if governor.pos_ in {"VERB", "AUX"}:
            if verb_lemma(governor) in ACCUSING_LEMMAS:
                # 'accused X of V-ing' -> X; passive 'X has been accused of V-ing' -> X
                deps = PASSIVE_SUBJ_DEPS if _is_passive(governor) else OBJ_DEPS
                obj = next((c for c in governor.children if c.dep_ in deps), None)
                if obj is not None:
                    return obj
            return _logical_actor_token(governor)
    return None


#: Nouns naming a claim that someone accepts or rejects: 'an accusation Kigali rejected'.
CLAIM_NOUNS = frozenset({"accusation", "charge", "allegation", "claim"})


def _rejected_claim(subject: Token) -> tuple[Token, Token | None]:
    """(actor, target) of 'an accusation Kigali has rejected' (the parser makes the claim the subject
    and the party its apposition) or 'a charge officials rejected' (the claim a modifier of the party)."""
    if subject.lemma_.lower() in CLAIM_NOUNS:
        party = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ in {"PROPN", "NOUN"}), None)
        if party is not None:
            return party, subject
    claim = next((c for c in subject.lefts if c.dep_ == "compound" and c.lemma_.lower() in CLAIM_NOUNS), None)
    return subject, claim


def _inverted_reporter(verb: Token, base: str) -> Token | None:
    """The speaker after the verb in '..., reported the news agency' (parsed as its object)."""
    if base not in SPEECH_LEMMAS or verb.dep_ not in {"conj", "parataxis", "advcl"} or verb.i == 0:
        return None
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:  # '..., accusing the army of ...' is no inversion
        return None
    if verb.doc[verb.i - 1].text != "," or any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return None
    obj = next((c for c in verb.rights if c.dep_ in OBJ_DEPS), None)
    return obj if obj is not None and _is_party(obj) else None


def _accused_object(noun: Token) -> Token | None:
    """'accused [troops and paramilitaries] of ...' with 'of' hung on the object: the first object."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"}:
        first = first.head
    verb = first.head
    if first.dep_ in OBJ_DEPS and verb.pos_ == "VERB" and verb_lemma(verb) in ACCUSING_LEMMAS:
        return first
    return None


def _demoted_main_subject(verb: Token) -> Token | None:
    """A finite verb the parser demoted to an adverbial clause keeps the subject it lost.

    'Jihadists linked to al-Qaeda attacked a post': the participle became the main verb and
    'attacked' its adverbial clause, so the participle's subject is the doer. 'since an alliance
    of groups launched an offensive': the subordinator was read as a preposition, so its object is.
    """
    if verb.dep_ != "advcl" or verb.tag_ not in {"VBD", "VBN"} or any(c.dep_ in {"mark", "aux"} for c in verb.children):
        return None
    if _is_passive(verb):
        return None
    head = verb.head
    if head.i < verb.i and verb_lemma(head) in STANDING_RELATIONS:
        subj = next((c for c in head.children if c.dep_ in ACTIVE_SUBJ_DEPS), None)
        if subj is not None:
            return subj
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in SUBORDINATORS and prep.i < verb.i:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.right_edge.i == verb.i - 1 and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj
    return None


def _stranded_subject(verb: Token) -> Token | None:
    """A conjoined clause whose subject was attached to the previous noun phrase.

    'units were advancing along X, the main road, and [commandos] had surrounded the
    hospital': the parser joins 'commandos' to 'road'; the noun phrase that ends
    right before the verb's auxiliaries, and is itself a noun conjunct, is its subject.
    """
    first = min([c.i for c in verb.lefts if c.dep_ in AUX_DEPS] + [verb.i])
    if first == 0:
        return None
    before = verb.doc[first - 1]
    candidate = before
    while candidate.right_edge.i == before.i and candidate.i < first:
        if (
            candidate.dep_ == "conj"
            and candidate.pos_ in {"NOUN", "PROPN"}
            and candidate.head.pos_ in {"NOUN", "PROPN"}
        ):
            return candidate
        if candidate.head.i == candidate.i:
            break
        candidate = candidate.head
    return None


def _is_infinitive(verb: Token) -> bool:
    """'to protest': a bare verb with the infinitive marker and no subject or clause marker of its own."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not _has_own_clause(verb)
    )


def _has_own_clause(verb: Token) -> bool:
    return any(c.dep_ in SUBJ_DEPS or c.dep_ == "mark" for c in verb.children)


def _logical_actor_token(verb: Token) -> Token | None:
    """Who does ``verb``: its active subject, or its passive agent."""
    if _is_passive(verb):
        return _agent(verb)
    return surface_subject(verb)


def _direct_object(verb: Token) -> Token | None:
    obj = next((c for c in verb.children if c.dep_ in OBJ_DEPS), None)
    if obj is not None and obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        # object relative: 'the town which rebels captured' -> town
        return verb.head
    if (
        obj is None
        and verb.dep_ == "relcl"
        and verb.head.pos_ == "NOUN"
        and verb.head.ent_type_ not in {"DATE", "TIME"}
    ):
        # object relative with no pronoun: 'an accusation Kampala has rejected' -> accusation
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (
            subj is not None
            and subj.lower_ not in RELATIVE_PRONOUNS
            and not any(c.dep_ == "prep" for c in verb.children)
        ):
            return verb.head
    return obj


def _prep_target(verb: Token, lemma: str) -> Token | None:
    """'fired at a base', 'advanced on Mosul', 'clashed with militants' -> the object."""
    preps = TARGET_PREPS | ({"with"} if lemma.split()[0] in RECIPROCAL_LEMMAS else set())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            # 'conceded at last': an adjective or adverb object is an idiom, not a target
            if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"} and pobj.pos_ not in {"ADJ", "ADV"}:
                return pobj
    return None


def _recipient(verb: Token) -> Token | None:
    """'to X' on the verb: the party something is given, sent or said to."""
    for child in verb.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"} and pobj.ent_type_ not in {"DATE", "TIME"}:
                return pobj
    return None


def _complement_target(verb: Token) -> Token | None:
    """The object (or recipient) of a verb's infinitival complement."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if xcomp is None or _is_passive(xcomp):
        return None
    obj = _direct_object(xcomp)
    if obj is not None:
        return _object_party(xcomp, obj) or obj
    return _recipient(xcomp) or _prep_target(xcomp, _phrasal_lemma(xcomp))


@functools.lru_cache(maxsize=16384)
def _describes_party(label: str, head: str) -> bool:
    return names_party(label, head=head)


def _is_party(token: Token) -> bool:
    """A person, group, organization or country: something that can be a PLOVER target."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ in {"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL"}:
        return False
    if token.ent_type_ in PARTY_ENTS:
        return True
    if token.lemma_.lower() in _NON_MATERIAL:
        return False  # 'with Albania's help'
    # a thing or group marked with its nation stands for it: 'restrictions against German goods'
    if any(c.dep_ in {"amod", "compound", "poss"} and c.ent_type_ in {"NORP", "GPE"} for c in token.children):
        return True
    return _describes_party(mention_span(token, keep_preps=False).text, token.lemma_.lower())


def _pobjs(head: Token, preps: tuple[str, ...]) -> Iterator[Token]:
    """Objects of ``head``'s prepositions, in the order of ``preps``."""
    found = [
        (p.lower_, c) for p in head.children if p.dep_ in {"prep", "dative"} for c in p.children if c.dep_ == "pobj"
    ]
    for prep in preps:
        yield from (c for w, c in found if w == prep)


def _content_noun(noun: Token) -> Token:
    """'700 kg of medicine', '$50,000 worth of goods', 'a state of siege' -> the of-object."""
    for _ in range(3):
        if noun.lemma_.lower() not in QUANTITY_HEADS and noun.ent_type_ not in {"MONEY", "QUANTITY"}:
            break
        inner = next(_pobjs(noun, ("of",)), None)
        if inner is None:
            break
        noun = inner
    return noun


def _abstract_party(noun: Token, depth: int = 2) -> Token | None:
    """The party an abstract noun is for, against or by.

    In order: its recipient/adversary phrase ('investigations against officials', 'aid for
    Romania', 'relations with Congo', 'a mission between Syria and the PLO'); its possessor
    ("Serbia's suppression of ..."); its of-party ('the rights of Palestinians'); its author
    ('calls by the envoy', 'demands from the rebels'). An abstract noun in one of these phrases is
    followed once more ('in protest against violations by the police' -> police).
    """
    candidates = [
        *_pobjs(noun, PARTY_PREPS),
        *(c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"),
        *_pobjs(noun, (*AUTHOR_PREPS, "of")),
    ]
    for cand in candidates:
        if _is_party(cand):
            return cand
    subject = _clause_subject_party(noun)
    if subject is not None:
        return subject
    if depth > 1:
        for cand in candidates:
            inner = _content_noun(cand)
            if inner.lemma_.lower() in ABSTRACT_OBJECTS:
                found = _abstract_party(inner, depth - 1)
                if found is not None:
                    return found
    return None


def _measure_place(verb: Token, obj: Token, noun: Token) -> Token | None:
    """'lifted a night curfew in Montenegro' -> the named place the measure applies in."""
    if noun.lemma_.lower() not in TERRITORIAL_MEASURES:
        return None
    preps = ("in", "on", "over")
    return next(
        (p for c in [*_pobjs(noun, preps), *_pobjs(obj, preps), *_pobjs(verb, preps)] if (p := _named_place(c))), None
    )


def _named_place(token: Token) -> Token | None:
    """A named place: 'Montenegro', 'Montenegro province', 'the capital Kabul' (-> Kabul)."""
    if token.ent_type_ in PLACE_ENTS or (token.pos_ == "PROPN" and _is_party(token)):
        return token
    for child in token.children:
        if child.ent_type_ in PLACE_ENTS and child.dep_ == "compound":
            return token  # 'in Montenegro province'
        if child.ent_type_ in PLACE_ENTS and child.dep_ == "appos":
            return child  # 'in the capital Kabul'
    return None


def _object_party(verb: Token, obj: Token) -> Token | None:
    """The party a clause with an abstract or material object is for or against.

    Handles 'sent arms to Pakistan', 'opened investigations against 28 officials', 'agreed to
    provide aid for Romania', "protested Sweden's decision", 'lifted a curfew in Montenegro'.
    A party object stays the target, except for the to-recipient of a transfer verb ('offered
    its troops to the president').
    """
    lemma = verb_lemma(verb)
    if lemma in TRANSFER_VERBS and _is_party(obj):
        return next((c for c in _pobjs(verb, ("to",)) if _is_party(c)), None)
    noun = _content_noun(obj)
    if noun.lemma_.lower() not in ABSTRACT_OBJECTS and obj.lemma_.lower() not in ABSTRACT_OBJECTS:
        return None
    found = _abstract_party(noun) or (_abstract_party(obj, 1) if obj.i != noun.i else None)
    if found is not None:
        return found
    # the verb's own recipient or adversary phrase: 'sent arms to Pakistan', 'opened
    # investigations against officials'; 'with' only for reciprocal verbs (not instruments)
    preps = ("to", "for", "against", "toward", "towards", *(("with",) if lemma in RECIPROCAL_LEMMAS else ()))
    found = next((c for c in _pobjs(verb, preps) if _is_party(c)), None)
    if found is None and noun.lemma_.lower() in TRANSFER_OBJECTS:
        # a material object goes to its recipient, party or not: 'reduced food supplies to the camp'
        found = _recipient(verb)
    return found or _measure_place(verb, obj, noun)


def _addressee(verb: Token, *, directive: bool) -> Token | None:
    """The subject of a clause that a directive demands of it ('insisted that the government grant ...')."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            subj = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            modal = any(c.dep_ == "aux" and c.lower_ in DIRECTIVE_MODALS for c in child.children)
            if subj is not None and subj.pos_ in {"NOUN", "PROPN"} and (directive or modal):
                return subj
    # the demand stated as a noun: 'insisted on its demands that the government grant ...'
    for noun in _pobjs(verb, ("on", "for")):
        if noun.lemma_.lower() in ABSTRACT_OBJECTS:
            found = _abstract_party(noun)
            if found is not None:
                return found
    return _recipient(verb)


def _clause_subject_party(noun: Token) -> Token | None:
    """'demands that the government grant ...', 'a call for the army to withdraw' -> the subject."""
    for clause in noun.children:
        if clause.dep_ in {"acl", "ccomp", "relcl"} and clause.pos_ in {"VERB", "AUX"}:
            if clause.dep_ == "relcl" and not any(c.dep_ == "mark" for c in clause.children):
                continue
            subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and _is_party(subj):
                return subj
    return None


def _condition_party(verb: Token) -> Token | None:
    """The party a condition is put to: 'threatened to strike unless Israel rescinded ...'."""
    for head in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        for clause in head.children:
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            if clause.dep_ == "advcl" and marks & CONDITION_MARKS:
                subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and _is_party(subj):
                    return subj
    return None


def _motive_target(verb: Token) -> Token | None:
    """'in protest against violations by the police', 'in defiance of the authorities' -> the party."""
    for noun in _pobjs(verb, ("in",)):
        if noun.lemma_.lower() in MOTIVE_NOUNS:
            for obj in _pobjs(noun, ("against", "at", "of", "over", "to")):
                if _is_party(obj):
                    return obj
                found = _abstract_party(obj) if obj.lemma_.lower() in ABSTRACT_OBJECTS else None
                return found or obj
    return None


def _weapon_target(verb: Token, lemma: str, obj: Token) -> Token | None:
    """'fired rockets at a base'; 'launched artillery and rocket fire against camps' -> the base, camps."""
    found = _prep_target(verb, lemma)
    if found is not None:
        return found
    for weapon in (obj, *obj.conjuncts):
        found = next(_pobjs(weapon, ("at", "on", "upon", "against")), None)
        if found is not None:
            return found
    return None


def _verb_text(verb: Token) -> str:
    """'did not enter', 'could not reach', 'shot down'."""
    toks = [c for c in verb.children if c.dep_ in AUX_DEPS or c.dep_ == "prt"]
    toks.append(verb)
    toks.sort(key=lambda t: t.i)
    return " ".join(t.text for t in toks)


def _reports(verb: Token) -> bool:
    """A verb that reports speech: a clause or a quotation for complement, and no plain object."""
    if any(c.dep_ in OBJ_DEPS for c in verb.children):
        return False
    if any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return True
    # a quotation before it ('"We will not retreat," he added.') or around it
    return verb.dep_ in {"ROOT", "parataxis"} and any(t.text in {'"', "“", "”"} for t in verb.sent)


def _verb_frames(verb: Token) -> Iterator[Frame]:
    lemma = _phrasal_lemma(verb)
    base = lemma.split()[0]
    if base in REPORTING_ONLY and _reports(verb):
        pass  # '"...," he added.', 'He noted that ...': speech, though 'add' and 'note' are no events otherwise
    elif base in NON_EVENT_LEMMAS and lemma != "set fire" and not any(c.dep_ == "prt" for c in verb.children):
        return
    if verb.dep_ in WEAK_DEPS_FOR_VERBS:
        yield from _accused_gerund(verb, lemma)
        return
    # to-infinitive modifying a noun: 'a campaign to improve security' (no stated doer)
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return
    passive = _is_passive(verb) or _shares_passive(verb)
    subject = surface_subject(verb)
    reporter = _inverted_reporter(verb, base)
    if reporter is not None:
        # inverted attribution: 'Artillery shelled Khiam, reported the National News Agency'
        for speaker in conjuncts(reporter):
            yield Frame(verb, lemma, speaker, None, "verb", text=_verb_text(verb))
        return
    if passive and base in STATIVE_PARTICIPLES and _agent(verb) is None and subject is not None:
        # stative passive of attitude: 'Israel is opposed to French mediation' -> Israel oppose
        # mediation; 'were engaged in cleansing against the population' -> the population
        holder: Token = subject
        stance: Token | None = next((c for c in _pobjs(verb, ("against",)) if _is_party(c)), None) or next(
            _pobjs(verb, ("to", "in", "with")), None
        )
        if stance is not None:
            # 'engaged in looting against the community': the activity's adversary
            adversary = next((c for c in _pobjs(stance, ("against",)) if _is_party(c)), None)
            stance = adversary or _object_party(verb, stance) or stance
        for each in conjuncts(holder):
            yield Frame(verb, lemma, each, stance, "verb", text=_verb_text(verb))
        return
    if passive:
        actor, target = _agent(verb), subject
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            # 'hostages held by bandits', 'troops, backed by air strikes'
            target = verb.head
    else:
        actor = subject
        target = _direct_object(verb)
        if lemma == "open fire":
            target = _prep_target(verb, lemma)
        elif lemma == "set fire":
            target = _recipient(verb) or _burnt(verb) or next(_pobjs(verb, ("on",)), None)
        elif base in SPEECH_LEMMAS:
            pass  # 'said on state television': no prepositional target for speech
        elif target is None:
            target = _prep_target(verb, lemma)
        elif target.lemma_ in WEAPON_LEMMAS:
            # 'fired rockets at a base' -> base
            target = _weapon_target(verb, lemma, target) or target
    if base in SPEECH_LEMMAS and target is not None and target.pos_ in {"VERB", "AUX"}:
        target = None
    if not passive and target is None and base in DIRECTIVE_LEMMAS:
        # addressee of a demand: 'demanded that the United States match ...'
        target = _addressee(verb, directive=base != "say" and base != "declare")
    if not passive and target is None and base in COMMISSIVE_LEMMAS:
        # commissive speech: the party a condition is put to ('threatened to strike unless Israel
        # rescinded ...'), else the threatened act's target ('threatened to shell the towns')
        target = _condition_party(verb) or _complement_target(verb)
    if not passive and base in COMPLAINT_LEMMAS and (target is None or not _is_party(target)):
        # complaint: the grievance names the accused ('complained to the UN over Israeli raids')
        grievance = next(_pobjs(verb, GRIEVANCE_PREPS), None)
        if grievance is not None:
            target = (_abstract_party(grievance) if not _is_party(grievance) else None) or grievance
    # motive adjunct: 'staged a hunger strike in protest against abuses by the police'
    motive = _motive_target(verb) if not passive else None
    if motive is not None and (target is None or not _is_party(target)):
        target = motive
    if not passive and lemma in DETONATION_LEMMAS and (target is None or not _is_party(target)):
        # detonation: the place a bomb went off in ('exploded a series of bombs in Kabul')
        spots = [*_pobjs(verb, ("in", "at")), *(_pobjs(target, ("in", "at")) if target is not None else ())]
        target = next((p for c in spots if (p := _named_place(c))), None) or target
    if not passive and base in ARRIVAL_LEMMAS and (target is None or not _is_party(target)):
        # arrival: the place arrived in or at is the party visited ('arrived in Amman on a visit')
        target = next((c for c in _pobjs(verb, ("in", "at")) if c.ent_type_ in PARTY_ENTS), None) or target
    if not passive and target is None and base not in SPEECH_LEMMAS:
        # 'apologized to Brazil', 'agreed to US mediation'; else the party of the complement:
        # 'agreed to lift embargoes on Iran' -> the complement's target
        target = _recipient(verb) or _complement_target(verb)
    if not passive and target is not None and target.pos_ in {"NOUN", "PROPN"}:
        # abstract or material object: the party it is for or against ('sent arms to Pakistan',
        # 'opened investigations against officials', "denounced Serbia's crackdown")
        target = _object_party(verb, target) or target
    if not passive and target is None and actor is not None:
        # reduced object relative on a claim: 'an accusation Kigali rejected', 'a charge officials deny'
        actor, target = _rejected_claim(actor)
    if actor is None and target is None:
        return
    if actor is not None and target is None and actor.lemma_.lower() in INANIMATE_ACTORS:
        return
    if actor is not None and actor.lemma_.lower() in NATURAL_FORCES:
        return
    if target is not None and target.lemma_.lower() in IDIOM_OBJECTS.get(lemma, ()):
        return
    if passive and actor is None and base in EPISTEMIC_LEMMAS:
        return
    actors = conjuncts(actor) if actor is not None else [None]
    for one in actors:
        yield Frame(verb, lemma, one, target, "verb", text=_verb_text(verb))


def _accused_gerund(verb: Token, lemma: str) -> Iterator[Frame]:
    """gerund parsed as a modifier: 'accused the police of [beating]amod prisoners'.

    The ``of`` phrase may hang off the verb or off its object ('the army of burning villages').
    """
    noun = verb.head
    prep = noun.head
    if verb.tag_ != "VBG" or noun.dep_ != "pobj" or prep.lower_ not in {"of", "for"}:
        return
    governor = prep.head
    obj: Token | None = None
    if governor.pos_ == "VERB" and verb_lemma(governor) in ACCUSING_LEMMAS:
        obj = next((c for c in governor.children if c.dep_ in OBJ_DEPS), None)
    elif governor.dep_ in OBJ_DEPS and governor.head.pos_ == "VERB" and verb_lemma(governor.head) in ACCUSING_LEMMAS:
        obj = governor
    if obj is not None:
        yield Frame(verb, lemma, obj, noun, "verb", text=verb.text)


def _names_time(token: Token) -> bool:
    """'Monday', 'last week' as a possessive: a time, not a party."""
    return token.ent_type_ in {"DATE", "TIME"} or resolve_time(token.text, None) is not None


def _nominal_frames(noun: Token) -> Iterator[Frame]:
    """nominal event with a stated actor: 'an attack by ISIS fighters on an oil field'."""
    lemma = NOMINAL_EVENTS.get(noun.lemma_.lower())
    if lemma is None:
        return
    actor = target = None
    for child in noun.children:
        if child.dep_ == "prep":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if child.lower_ == "by":
                actor = pobj
            elif child.lower_ in {"on", "against", "of", "upon"} and pobj.ent_type_ not in {"DATE", "TIME"}:
                target = target or pobj
        elif child.dep_ == "poss" and child.lower_ not in {"its", "their"} and not _names_time(child):
            # possessive actor: "the army's assault on the town" (but not "Monday's attack")
            actor = child
    if actor is None:
        return
    for one in conjuncts(actor):
        yield Frame(noun, lemma, one, target, "nominal", text=noun.text)


def _modifier_frames(token: Token) -> Iterator[Frame]:
    """relation in a hyphenated modifier: 'ISIS-held city', 'U.S.-led coalition', 'Iranian-backed militias'."""
    m = _MODIFIER_TOKEN.match(token.text)
    if m and token.dep_ in {"amod", "compound", "nmod"}:
        actor_text = m["actor"]
        rel = m["rel"].lower()
        modified = token.head
        if actor_text.lower() in NOT_MODIFIER_ACTORS:
            return
        yield Frame(token, MODIFIER_RELATIONS[rel], None, modified, "modifier", actor_text=actor_text, text=token.text)
        return
    # split form: 'ISIS - held': the relation word carries the actor as a left dependent
    rel = MODIFIER_RELATIONS.get(token.lower_)
    if rel is None or token.dep_ not in {"amod", "compound", "acl"} or token.i < 2:
        return
    hyphen = token.doc[token.i - 1]
    if hyphen.text not in {"-", "–"}:
        return
    left = [c for c in token.lefts if c.i < hyphen.i and c.dep_ in {"npadvmod", "compound", "amod", "nmod", "nsubj"}]
    if not left:
        return
    start = min(c.left_edge.i for c in left)
    actor_span = token.doc[start : hyphen.i]
    if actor_span.text.lower() in NOT_MODIFIER_ACTORS:
        return
    yield Frame(
        token, rel, None, token.head, "modifier", actor_text=actor_span.text, text=token.doc[start : token.i + 1].text
    )


def iter_frames(sent: Span) -> Iterator[Frame]:
    """Yield the :class:`Frame` records of one sentence, in text order."""
    for token in sent:
        if token.pos_ == "VERB":
            yield from _verb_frames(token)
        if token.pos_ in {"NOUN", "PROPN"}:
            yield from _nominal_frames(token)
        if "-" in token.text or token.lower_ in MODIFIER_RELATIONS:
            yield from _modifier_frames(token)
