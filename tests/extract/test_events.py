"""Document assembly: sentences -> events with place, time, modality, source and resolved actors."""

from __future__ import annotations

import datetime as dt

import pytest
from conflict_kg.extract import Event, extract_events


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str, date: str = "2019-03-10") -> list[Event]:
        return extract_events(text, date=date, nlp=nlp)

    return _run


def find(events: list[Event], lemma: str) -> Event:
    matches = [e for e in events if e.action.lemma.split()[0] == lemma]
    assert matches, f"no {lemma!r} event in {[e.action.lemma for e in events]}"
    return matches[0]


def test_records_are_plain(run):
    """Events carry plain values only and survive a JSON round trip."""
    events = run("Rebels shelled the airport in Misrata on Tuesday.")
    assert [Event.from_dict(e.to_dict()) for e in events] == events
    e = find(events, "shell")
    assert (e.doc, e.sentence, e.evidence) == ("doc", 0, "Rebels shelled the airport in Misrata on Tuesday.")


@pytest.mark.parametrize(
    ("text", "lemma", "place"),
    [
        # locative phrase on the clause
        ("Rebels shelled the airport in Misrata.", "shell", "Misrata"),
        # place inside the target phrase
        ("Troops retook the town of Gharyan.", "retake", "Gharyan"),
        # place on the actor phrase
        ("Police in Herat arrested a suspected bomber.", "arrest", "Herat"),
        # the target is a place
        ("Ukrainian troops liberated Kherson.", "liberate", "Kherson"),
        # a place-like target comes before a coordinated verb's place
        ("Russian troops captured the city of Kherson and advanced on Mykolaiv.", "capture", "Kherson"),
        # a facility named after its town
        ("Commandos surrounded Fallujah hospital.", "surround", "Fallujah"),
        # carried over to a later sentence and to 'the city'
        ("Fighters besieged Aleppo. They shelled the main hospital.", "shell", "Aleppo"),
        ("Fighters besieged Aleppo. Troops later pushed into the city.", "push", "Aleppo"),
    ],
)
def test_place(run, text, lemma, place):
    """The place comes from the clause, the arguments or the document so far."""
    e = find(run(text), lemma)
    assert e.place is not None and place in (e.place.name or "") + " " + e.place.text


def test_place_is_geocoded(run):
    """A known place carries its GeoNames id and coordinates."""
    e = find(run("Rebels shelled the airport in Mosul."), "shell")
    assert e.place is not None and e.place.geonames_id and e.place.country == "IRQ"
    assert 35 < (e.place.lat or 0) < 37 and 42 < (e.place.lon or 0) < 44


@pytest.mark.parametrize(
    ("text", "date", "lemma", "expected"),
    [
        # weekday: the latest such day on or before publication (a Sunday here)
        ("Rebels shelled the airport on Tuesday.", "2019-03-10", "shell", "2019-03-05"),
        ("Rebels shelled the airport on Sunday.", "2019-03-10", "shell", "2019-03-10"),
        # month-day takes the publication year
        ("Iraq launched an operation on May 23.", "2016-06-17", "launch", "2016-05-23"),
        # carried over within the episode, and shared by coordinated verbs
        ("Rebels shelled the airport on Friday. They also burned a school.", "2019-03-10", "burn", "2019-03-08"),
        ("Protesters burned tyres and blocked roads on Thursday night.", "2019-10-18", "burn", "2019-10-17"),
        # an episode-relative expression shifts from the episode's date
        ("Rebels shelled the airport on Friday. The next day they stormed it.", "2019-03-10", "storm", "2019-03-09"),
    ],
)
def test_time(run, text, date, lemma, expected):
    """Dates resolve against publication and carry over within an episode."""
    e = find(run(text, date), lemma)
    assert e.time is not None and e.time.date == dt.date.fromisoformat(expected)


def test_speech_act_gets_only_its_own_date(run):
    """A speech act is dated only when a date is stated for it."""
    events = run("Rebels shelled the airport on Friday. A spokesman confirmed the attack.")
    assert find(events, "confirm").time is None


@pytest.mark.parametrize(
    ("text", "lemma", "source"),
    [
        ("Rebels shelled the town, a local official said.", "shell", "a local official"),
        ("Witnesses said that troops burned homes.", "burn", "Witnesses"),
        ("According to a military statement, troops recaptured the town.", "recapture", "a military statement"),
    ],
)
def test_source(run, text, lemma, source):
    """Reported events carry who reports them."""
    e = find(run(text), lemma)
    assert e.source is not None and e.source.text == source


def test_speech_act_is_an_event(run):
    """'X said' is an event of its own, with no target and no source."""
    e = find(run("Rebels shelled the town, a local official said."), "say")
    assert e.actor is not None and e.actor.text == "a local official"
    assert e.target is None and e.source is None


@pytest.mark.parametrize(
    ("text", "lemma", "surface", "resolved"),
    [
        ("RSF fighters besieged the town. They blocked food deliveries.", "block", "They", "Rapid Support Forces"),
        ("The army said it had repelled an attack.", "repel", "it", "military"),
        # the pronoun subject of a reported clause is the speaker, a country included
        ("Ghana announced it had suspended fuel exports to Togo.", "suspend", "it", "Ghana"),
        ("The rebels said they would free the hostages.", "free", "they", "rebels"),
    ],
)
def test_pronoun_resolution(run, text, lemma, surface, resolved):
    """Pronouns keep their surface text and get their antecedent's name."""
    e = find(run(text), lemma)
    assert e.actor is not None and e.actor.text == surface
    assert resolved.lower() in (e.actor.name or "").lower()


@pytest.mark.parametrize(
    ("text", "lemma", "name_part", "type_", "country"),
    [
        ("Iraqi forces entered the city.", "enter", "Iraq", "military", "IRQ"),
        ("Turkish troops encircled the town.", "encircle", "Turkey", "military", "TUR"),
    ],
)
def test_actor_normalization(run, text, lemma, name_part, type_, country):
    """Actors get a normalized name, a type and an ISO alpha-3 country."""
    e = find(run(text), lemma)
    assert e.actor is not None
    assert name_part.lower() in (e.actor.name or "").lower()
    assert (e.actor.type, e.actor.country) == (type_, country)


def test_every_event_has_a_plover_class(run):
    """Each event carries one of the 16 PLOVER categories."""
    plover = {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    events = run("Rebels shelled the town. The ministry accused them of war crimes, officials said.")
    assert events and all(e.action.plover in plover for e in events)


def test_empty_and_eventless_text(run):
    """Text with no action yields no events and no error."""
    assert run("") == []
    assert run("The weather was mild and the sky was blue.") == []


@pytest.mark.parametrize(
    ("text", "lemma", "actor", "target"),
    [
        # stative passive of attitude: the subject holds it, the to-object is the target
        ("Uganda is opposed to the peace plan.", "oppose", "Uganda", "plan"),
        # engaged in ... against X: the party opposed is the target
        ("Militias were engaged in looting against the Masalit community.", "engage", "Militias", "community"),
        # a proper name keeps its own 'of' inside an outer 'of' phrase
        ("Members of the Union of Chadian Lawyers visited the prison.", "visit", "Lawyers", "prison"),
    ],
)
def test_actor_and_target_constructions(run, text, lemma, actor, target):
    """Stative passives and nested proper names give the expected actor and target."""
    e = find(run(text), lemma)
    assert e.actor is not None and actor in e.actor.text
    assert e.target is not None and target in e.target.text


@pytest.mark.parametrize(
    ("text", "precision", "period", "date"),
    [
        ("Rebels shelled Taiz on Monday.", "day", "2016-06-13", "2016-06-13"),
        ("Rebels shelled Taiz in May.", "month", "2016-05", None),
        ("The group seized the region in 2014.", "year", "2014", None),
    ],
)
def test_time_keeps_its_precision(nlp, text: str, precision: str, period: str, date: str | None) -> None:
    (event,) = extract_events(text, date="2016-06-17", nlp=nlp)
    assert event.time is not None
    assert (event.time.precision, event.time.period) == (precision, period)
    assert (event.time.date.isoformat() if event.time.date else None) == date
