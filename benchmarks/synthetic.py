"""Synthetic conflict events of realistic shape, streamed document by document.

Used by ``ingest.py``. Deterministic for a seed. Shapes chosen to look like
extracted news: about 10 events a document in 1-30 sentences, Zipf-distributed
actors (a few thousand, a handful very frequent; all named, so shared across
articles), targets that are often actors themselves and otherwise generic
descriptions ("the hospital in X", named "hospital" as the extractor does,
so one node per article), GeoNames-like places (about 80% of events have one),
dates within days of publication over 2014-2020, some 60 action lemmas with
PLOVER classes, mostly asserted modality, sometimes a quoted source, and a
sentence of evidence text per sentence.

    python benchmarks/synthetic.py 5     # print five events as JSON lines
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import sys
from collections.abc import Iterator

from conflict_kg.extract import Action, Event, Mention, Place, Time

__all__ = ["synthetic_events"]

_NATIONS = [
    "Syrian",
    "Iraqi",
    "Yemeni",
    "Libyan",
    "Afghan",
    "Kurdish",
    "Turkish",
    "Russian",
    "Iranian",
    "Saudi",
    "Emirati",
    "Somali",
    "Malian",
    "Nigerian",
    "Sudanese",
    "Ukrainian",
    "Israeli",
    "Palestinian",
    "Lebanese",
    "Egyptian",
    "Pakistani",
    "Indian",
    "Burmese",
    "Ethiopian",
    "Congolese",
    "Colombian",
    "Mexican",
    "American",
    "French",
    "British",
]
_KINDS = [
    "forces",
    "troops",
    "army",
    "police",
    "militia",
    "rebels",
    "fighters",
    "insurgents",
    "government",
    "security forces",
    "special forces",
    "border guards",
    "air force",
    "navy",
    "protesters",
    "tribesmen",
    "gunmen",
    "soldiers",
    "paramilitaries",
    "officials",
]
_GROUPS = [
    "ISIS",
    "al-Shabaab",
    "Boko Haram",
    "Hezbollah",
    "Hamas",
    "the Taliban",
    "the Houthis",
    "the YPG",
    "the SDF",
    "the PKK",
    "al-Nusra Front",
    "Wagner Group",
    "AQAP",
    "the FARC",
    "the ELN",
    "the LNA",
    "the Free Syrian Army",
    "Popular Mobilization Forces",
]
_OBJECTS = [
    "hospital",
    "school",
    "market",
    "airport",
    "bridge",
    "checkpoint",
    "convoy",
    "mosque",
    "police station",
    "military base",
    "power plant",
    "refugee camp",
    "oil field",
    "village",
    "government building",
    "port",
    "highway",
    "prison",
    "embassy",
    "church",
]
_VERBS = [
    ("attack", "ASSAULT"),
    ("shell", "ASSAULT"),
    ("bomb", "ASSAULT"),
    ("kill", "ASSAULT"),
    ("capture", "ASSAULT"),
    ("recapture", "ASSAULT"),
    ("ambush", "ASSAULT"),
    ("raid", "ASSAULT"),
    ("fire on", "ASSAULT"),
    ("target", "ASSAULT"),
    ("strike", "ASSAULT"),
    ("storm", "ASSAULT"),
    ("besiege", "COERCE"),
    ("arrest", "COERCE"),
    ("detain", "COERCE"),
    ("control", "COERCE"),
    ("block", "COERCE"),
    ("expel", "COERCE"),
    ("threaten", "THREATEN"),
    ("warn", "THREATEN"),
    ("accuse", "ACCUSE"),
    ("condemn", "DISAPPROVE"),
    ("criticize", "DISAPPROVE"),
    ("protest", "PROTEST"),
    ("demonstrate", "PROTEST"),
    ("meet", "CONSULT"),
    ("negotiate", "CONSULT"),
    ("talk", "CONSULT"),
    ("support", "SUPPORT"),
    ("back", "SUPPORT"),
    ("aid", "AID"),
    ("help", "AID"),
    ("supply", "AID"),
    ("release", "CONCEDE"),
    ("withdraw", "RETREAT"),
    ("retreat", "RETREAT"),
    ("agree", "AGREE"),
    ("sign", "AGREE"),
    ("reject", "REJECT"),
    ("deny", "REJECT"),
    ("mobilize", "MOBILIZE"),
    ("deploy", "MOBILIZE"),
    ("reinforce", "MOBILIZE"),
    ("seize", "SEIZE"),
    ("loot", "SEIZE"),
    ("burn", "ASSAULT"),
    ("destroy", "ASSAULT"),
    ("shoot down", "ASSAULT"),
    ("kidnap", "ASSAULT"),
    ("execute", "ASSAULT"),
    ("bombard", "ASSAULT"),
    ("cooperate", "COOPERATE"),
    ("train", "COOPERATE"),
    ("arm", "SUPPORT"),
    ("fund", "AID"),
    ("sanction", "SANCTION"),
    ("boycott", "SANCTION"),
    ("investigate", "INVESTIGATE"),
    ("request", "REQUEST"),
    ("demand", "REQUEST"),
]
_SOURCES = [
    "officials",
    "a military statement",
    "witnesses",
    "local media",
    "the ministry",
    "activists",
    "a spokesman",
    "residents",
    "the UN",
    "a monitoring group",
]
_TEXT = (
    "the of and to in a on said that for with by was were from at near after as have has had "
    "killed wounded forces attack city area town village province district people civilians "
    "fighting clashes week month local sources reported early late morning night airstrike "
    "shelling control offensive military government opposition group security operation"
)
_WORDS = _TEXT.split()


def _zipf_weights(n: int, s: float = 1.07) -> list[float]:
    return [1.0 / (rank**s) for rank in range(1, n + 1)]


def _actors(rng: random.Random) -> list[tuple[str, str | None, str]]:
    names: list[tuple[str, str | None, str]] = [(g, None, "armed group") for g in _GROUPS]
    for nation, kind in itertools.product(_NATIONS, _KINDS):
        names.append((f"{nation} {kind}", nation[:3].upper(), "military" if kind != "protesters" else "civilian"))
    for i in range(3000):
        names.append(
            (
                f"{rng.choice(_NATIONS)} {rng.choice(['Brigade', 'Battalion', 'Front', 'Movement'])} {i}",
                None,
                "armed group",
            )
        )
    rng.shuffle(names)
    return names


def _places(rng: random.Random) -> list[Place]:
    places = []
    for i in range(4000):
        name = "".join(rng.choice("bdfghklmnrstz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
        name = name.capitalize()
        places.append(
            Place(
                name,
                name,
                100000 + i,
                round(rng.uniform(-10, 45), 4),
                round(rng.uniform(-20, 75), 4),
                rng.choice(_NATIONS)[:3].upper(),
            )
        )
    return places


def synthetic_events(n_events: int, *, seed: int = 7, events_per_doc: int = 10) -> Iterator[Event]:
    """Yield ``n_events`` events, grouped by document, deterministically for ``seed``."""
    rng = random.Random(seed)
    actors, places = _actors(rng), _places(rng)
    # (text, name): the extractor names a description by its head ("the hospital in X" -> "hospital")
    objects = [(f"the {o}", o) for o in _OBJECTS] + [
        (f"the {o} in {p.label}", o) for o in _OBJECTS for p in places[:800]
    ]
    actor_w, place_w = _zipf_weights(len(actors)), _zipf_weights(len(places))
    object_w, verb_w = _zipf_weights(len(objects)), _zipf_weights(len(_VERBS), 0.9)
    start = dt.date(2014, 1, 1)
    made, doc_no = 0, 0
    while made < n_events:
        doc_id = f"syn-{seed}-{doc_no:08d}"
        doc_date = start + dt.timedelta(days=rng.randrange(7 * 365))
        n_here = min(n_events - made, max(1, int(rng.gauss(events_per_doc, 3))))
        n_sentences = max(1, min(30, n_here + rng.randint(-2, 5)))
        # pick per batch with random.choices (fast), then assemble
        doc_actors = rng.choices(actors, actor_w, k=n_here * 2)
        doc_places = rng.choices(places, place_w, k=n_here)
        doc_objects = rng.choices(objects, object_w, k=n_here)
        doc_verbs = rng.choices(_VERBS, verb_w, k=n_here)
        evidence: dict[int, str] = {}
        for i in range(n_here):
            sentence = rng.randrange(n_sentences)
            if sentence not in evidence:
                evidence[sentence] = " ".join(rng.choices(_WORDS, k=rng.randint(12, 40))).capitalize() + "."
            name, country, kind = doc_actors[2 * i]
            actor = Mention(name, None, kind, country)
            roll = rng.random()
            if roll < 0.3:
                t_name, t_country, t_kind = doc_actors[2 * i + 1]
                target: Mention | None = Mention(t_name, None, t_kind, t_country)
            elif roll < 0.85:
                target = Mention(*doc_objects[i])
            else:
                target = None
            lemma, plover = doc_verbs[i]
            text = lemma + ("ed" if not lemma.endswith("e") else "d")
            modality = rng.choices(["asserted", "negated", "alleged", "possible"], [90, 5, 3, 2])[0]
            time = None
            if rng.random() < 0.7:
                time = Time(
                    rng.choice(["on Monday", "yesterday", "on Tuesday", "last week", None]),
                    doc_date - dt.timedelta(days=rng.randrange(4)),
                )
            start_char = sentence * 160
            yield Event(
                doc_id,
                sentence,
                Action(text, lemma, plover, None, start_char + 20 + i, start_char + 28 + i),
                actor=actor,
                target=target,
                place=doc_places[i] if rng.random() < 0.8 else None,
                time=time,
                modality=modality,  # type: ignore[arg-type]
                source=Mention(rng.choice(_SOURCES)) if rng.random() < 0.2 else None,
                evidence=evidence[sentence],
                sentence_start=start_char,
                sentence_end=start_char + 150,
                doc_date=doc_date,
            )
            made += 1
        doc_no += 1


if __name__ == "__main__":
    for event in synthetic_events(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(json.dumps(event.to_dict()))
