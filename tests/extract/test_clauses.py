"""Clause rules: sentence -> (actor, lemma, target) frames."""

from __future__ import annotations

import pytest
from conflict_kg.extract._clauses import iter_frames, verb_lemma
from conflict_kg.extract._mentions import mention_span


def triples(nlp, text):
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        for f in iter_frames(sent):
            actor = f.actor_text or (mention_span(f.actor).text if f.actor is not None else None)
            target = mention_span(f.target).text if f.target is not None else None
            out.append((actor, f.lemma, target))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice: subject acts on the direct object
        ("Rebels shelled the airport.", [("Rebels", "shell", "the airport")]),
        # passive agent: the by-phrase is the actor, the subject the target
        ("The convoy was ambushed by Taliban fighters.", [("Taliban fighters", "ambush", "The convoy")]),
        # passive without agent: no actor
        ("Two journalists were kidnapped.", [(None, "kidnap", "Two journalists")]),
        # coordinated subjects: one event each
        (
            "Kurdish fighters and army units attacked the village.",
            [("Kurdish fighters", "attack", "the village"), ("army units", "attack", "the village")],
        ),
        # coordinated verbs share the subject
        (
            "Gunmen looted the market and burned the mosque.",
            [("Gunmen", "loot", "the market"), ("Gunmen", "burn", "the mosque")],
        ),
        # xcomp chain: the complement carries the event
        ("Soldiers continued shelling the hills.", [("Soldiers", "shell", "the hills")]),
        # participial adjunct: a second event by the same actor
        ("Jets bombed a convoy, killing 12 fighters.", [("Jets", "bomb", "a convoy"), ("Jets", "kill", "12 fighters")]),
        # 'backed by X': X backs the modified noun
        (
            "Militias, backed by Turkish drones, stormed the town.",
            [("Turkish drones", "back", "Militias"), ("Militias", "storm", "the town")],
        ),
        # hyphenated relation modifier
        (
            "Rebel-held towns were shelled.",
            [("Rebel", "hold", "Rebel-held towns"), (None, "shell", "Rebel-held towns")],
        ),
        # weapon object: the at-object is the target
        ("Militants fired mortars at the embassy.", [("Militants", "fire", "the embassy")]),
        # light verb 'open fire on'
        ("Police opened fire on the crowd.", [("Police", "open fire", "the crowd")]),
        # reciprocal 'clash with'
        ("Protesters clashed with police.", [("Protesters", "clash", "police")]),
        # light verb 'set fire to': the to-object is the target
        ("Settlers set fire to the offices.", [("Settlers", "set fire", "the offices")]),
        # particle verbs keep the particle
        ("Rebels shot down a helicopter.", [("Rebels", "shoot down", "a helicopter")]),
        # speech act: an event of its own, with no target from its complement
        ("Witnesses said that troops burned homes.", [("Witnesses", "say", None), ("troops", "burn", "homes")]),
        # object control: the urged party does the complement
        (
            "The envoy urged the rebels to release the hostages.",
            [("The envoy", "urge", "the rebels"), ("the rebels", "release", "the hostages")],
        ),
        # 'accused X of Ving': X does the complement
        (
            "Amnesty accused the police of beating prisoners.",
            [("Amnesty", "accuse", "the police"), ("the police", "beat", "prisoners")],
        ),
        # passive accusation: the accused did the complement
        (
            "The militia was accused of recruiting children.",
            [(None, "accuse", "The militia"), ("The militia", "recruit", "children")],
        ),
        # nominal event with a stated actor
        (
            "Officials condemned an attack by gunmen on a school.",
            [("Officials", "condemn", "an attack"), ("gunmen", "attack", "a school")],
        ),
        # participle modifying a noun: passive
        (
            "Troops freed civilians held by the militia.",
            [("Troops", "free", "civilians"), ("the militia", "hold", "civilians")],
        ),
        # states and perception are not events
        ("The town remains tense and smoke could be seen.", []),
        # happenings are not doers, and unattributed reports are not acts
        ("Fighting erupted in the north.", []),
        ("No casualties were reported.", []),
    ],
)
def test_frames(nlp, text, expected):
    """Each construction yields the expected (actor, lemma, target) triples."""
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'add' and 'note' report speech; otherwise they are no events
        ('"We will never surrender the valley," he added.', [("We", "surrender", "the valley"), ("he", "add", None)]),
        (
            "A spokesman noted that the convoy had reached Gao.",
            [("A spokesman", "note", None), ("the convoy", "reach", "Gao")],
        ),
        ("The floods added pressure on the camps.", []),
        # 'accused X and Y of V-ing' with 'of' hung on the objects: each object does V, the act stays out of the name
        (
            "Residents accused troops and Russian mercenaries of executing civilians.",
            [
                ("Residents", "accuse", "troops"),
                ("troops", "execute", "civilians"),
                ("Russian mercenaries", "execute", "civilians"),
            ],
        ),
        (
            "The council accused the militia of killing local chiefs and blocking roads.",
            [
                ("The council", "accuse", "the militia"),
                ("the militia", "kill", "local chiefs"),
                ("the militia", "block", "roads"),
            ],
        ),
        # 'set X ablaze', 'setting X on fire': burning X
        ("Protesters set a police van ablaze.", [("Protesters", "set fire", "police van")]),
        (
            "Raiders stormed the village, setting houses on fire.",
            [("Raiders", "storm", "the village"), ("Raiders", "set fire", "houses")],
        ),
    ],
)
def test_reporting_accusing_burning(nlp, text, expected):
    """Reporting 'add'/'note', accused gerunds and burning idioms."""
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # forces of nature are no actors, whatever they destroy
        "Heavy rain and floods have killed nine people in the delta.",
        "A landslide buried two villages.",
        # light-verb idioms state no act
        "The truce took effect at midnight.",
        "The talks took place in Doha.",
        # changes of amount or state, descriptions and dealings
        "Attacks on convoys have increased since the spring.",
        "Relations between the two capitals deteriorated.",
        "The unrest spread to three provinces.",
        "The two states share a long border.",
        "Fighters linked to the movement.",
    ],
)
def test_no_frames(nlp, text):
    """Happenings, idioms and descriptions yield no events."""
    assert triples(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "lemma", "actor"),
    [
        # the parser demotes the main verb after a participle: its subject still acts
        ("Gunmen linked to a local gang attacked a bus near the border.", "attack", "Gunmen"),
        # 'since' read as a preposition: its object is the subject of the clause it opens
        (
            "The army has relied on drones since a coalition of armed groups launched an offensive in the north.",
            "launch",
            "a coalition of armed groups",
        ),
    ],
)
def test_demoted_main_clause(nlp, text, lemma, actor):
    """A finite verb parsed as an adverbial clause keeps its real subject."""
    found = [t for t in triples(nlp, text) if t[1] == lemma]
    assert found and found[0][0] == actor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inverted attribution: the speaker follows the verb
        (
            "Militias shelled the outskirts of Tyre, reported the state news agency.",
            [("Militias", "shell", "the outskirts of Tyre"), ("the state news agency", "report", None)],
        ),
        # a participle of speech with an object is no inversion
        (
            "Police arrested two men, accusing them of arson.",
            [("Police", "arrest", "two men"), ("Police", "accuse", "them"), ("them", "arson", None)],
        ),
    ],
)
def test_inverted_attribution(nlp, text, expected):
    """'..., reported X': X reports; '..., accusing Y of ...' stays an accusation by the clause's subject."""
    got = triples(nlp, text)
    assert [t for t in got if t[1] in {"shell", "report", "arrest", "accuse"}] == [
        t for t in expected if t[1] in {"shell", "report", "arrest", "accuse"}
    ]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The envoy blamed Uganda for the raid, an accusation Kampala has rejected.", "Kampala", "an accusation"),
        ("Activists accused the police of torture, a charge officials denied.", "a charge officials", "charge"),
    ],
)
def test_rejected_claim(nlp, text, actor, target):
    """'an accusation X rejected': X rejects the accusation."""
    found = [t for t in triples(nlp, text) if t[1] in {"reject", "deny"}]
    assert found and found[0][0] == actor and found[0][2] == target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abstract object, adversary phrase on the verb: the party is the target
        (
            "The prosecutor opened a corruption inquiry against three mayors.",
            [("The prosecutor", "open", "three mayors")],
        ),
        # abstract object with its own recipient phrase
        ("The council approved emergency aid for Chad.", [("The council", "approve", "Chad")]),
        # possessor of an abstract object
        ("The minister condemned Russia's decision.", [("The minister", "condemn", "Russia")]),
        # author of an abstract object ('by' phrase)
        ("The cabinet rejected demands by the opposition.", [("The cabinet", "reject", "the opposition")]),
        # relation noun with its partner
        ("Ghana severed relations with Togo.", [("Ghana", "sever", "Togo")]),
        ("Kenya suspended talks with the rebels.", [("Kenya", "suspend", "the rebels")]),
        # a visit's destination
        ("The minister cancelled his visit to Bolivia.", [("The minister", "cancel", "Bolivia")]),
        # territorial measure: the place it is imposed in
        ("The army imposed a curfew in Kano.", [("The army", "impose", "Kano")]),
        # quantity head: '20 tons of food' is material handed to a recipient
        ("Volunteers delivered 20 tons of food to the refugees.", [("Volunteers", "deliver", "the refugees")]),
        ("Turkey halted the shipment of grain to Syria.", [("Turkey", "halt", "Syria")]),
        # transfer verb: the to-recipient even when the object is a group
        ("Chad sent soldiers to Mali.", [("Chad", "send", "Mali")]),
        # an instrument ('with X's help') is not a party; the of-party is
        ("NATO tightened the blockade of Serbia with Albania's help.", [("NATO", "tighten", "Serbia")]),
        # coordinated recipients of a complement: the first stands for the list
        (
            "The ministers agreed to provide loans for Chad and Niger.",
            [("The ministers", "agree", "Chad"), ("The ministers", "provide", "Chad")],
        ),
        # a military operation is an event of its own and stays the target
        ("Militias joined the offensive against the rebels.", [("Militias", "join", "the offensive")]),
        # commissive speech: the threatened act names the target
        (
            "The rebels threatened to attack the airport.",
            [("The rebels", "threaten", "the airport"), ("The rebels", "attack", "the airport")],
        ),
        # arrival: the place arrived in is the party visited
        ("The envoy arrived in Kabul for talks.", [("The envoy", "arrive", "Kabul")]),
        # adjectival control: the subject of 'is ready to' does the complement
        ("Norway is ready to send medics.", [("Norway", "send", "medics")]),
        # purpose infinitive: the doer of the main clause
        (
            "Farmers blocked the highway to protest the tax.",
            [("Farmers", "block", "the highway"), ("Farmers", "protest", "the tax")],
        ),
        # weapon fire: the adversary phrase of any coordinated weapon
        (
            "Troops launched mortar and rocket fire against rebel positions.",
            [("Troops", "launch", "rebel positions")],
        ),
        # a demand stated as a noun: its clause's subject is the addressee
        (
            "The union insisted on its demand that the government raise salaries.",
            [("The union", "insist", "the government"), ("the government", "raise", "salaries")],
        ),
        # a threat's condition names the party threatened
        (
            "The miners threatened to strike unless the government raised wages.",
            [
                ("The miners", "threaten", "the government"),
                ("The miners", "strike", None),
                ("the government", "raise", "wages"),
            ],
        ),
        # complaint: the grievance, not the addressee
        ("Chile complained to the UN over Peruvian border raids.", [("Chile", "complain", "Peruvian border raids")]),
        # motive adjunct: 'in protest against X', 'in defiance of X'
        ("Farmers burned tyres in protest against the government.", [("Farmers", "burn", "the government")]),
        ("Villagers blocked the road in defiance of the army.", [("Villagers", "block", "the army")]),
        # detonation: the place the bomb went off in
        ("Militants detonated a car bomb in the capital Mogadishu.", [("Militants", "detonate", "Mogadishu")]),
    ],
)
def test_recipient_targets(nlp, text, expected):
    """Each construction yields the expected (actor, lemma, target) triples."""
    assert triples(nlp, text) == expected


def test_prefixed_irregular_lemma(nlp):
    """'retook' is lemmatized to 'retake' through the irregular-verb table."""
    doc = nlp("Government forces retook the town.")
    verb = next(t for t in doc if t.lower_ == "retook")
    assert verb_lemma(verb) == "retake"
