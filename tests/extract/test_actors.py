"""Actor normalization: names, types and countries from actor phrases (pure, no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conflict_kg.extract._actors import (
    ACTOR_TYPES,
    CONTEXT_TYPES,
    KINDS,
    SECTOR_CODES,
    ActorInfo,
    country_code,
    country_name,
    describe_actor,
    document_country,
    is_pronoun_like,
    load_lexicon,
    split_relation_modifier,
)
from conflict_kg.extract._exceptions import InputError
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("text", "context", "name", "type_", "country"),
    [
        # the examples
        ("Iraqi forces", None, "Iraq military", "military", "IRQ"),
        ("Government troops", "IRQ", "Iraq military", "military", "IRQ"),
        ("Government troops", None, "military", "military", None),
        ("the Iraqi army", None, "Iraq military", "military", "IRQ"),
        ("Iraqi troops", "SYR", "Iraq military", "military", "IRQ"),
        # state actors take the article's country
        ("federal police", "IRQ", "Iraq police", "police", "IRQ"),
        ("Police in Herat", "AFG", "Afghanistan police", "police", "AFG"),
        ("Heavily armed Interior Ministry police units", "IRQ", "Iraq police", "police", "IRQ"),
        ("Security forces", "IRQ", "Iraq security forces", "police", "IRQ"),
        ("the interior ministry", "EGY", "Egypt interior ministry", "government", "EGY"),
        ("authorities", "IRQ", "Iraq government", "government", "IRQ"),
        ("Regime forces", "SYR", "Syria military", "military", "SYR"),
        ("government aircraft", "SYR", "Syria military", "military", "SYR"),
        ("Government negotiators", "SSD", "South Sudan government", "government", "SSD"),
        # means of a described party belong to that party, not to the article's state
        ("multiple air strikes from a Turkish-led coalition", "IRQ", "Turkey coalition", "coalition", "TUR"),
        ("warplanes of the Syrian air force", "IRQ", "Syria military", "military", "SYR"),
        # own country words beat the context
        ("US surveillance aircraft", "PHL", "United States military", "military", "USA"),
        ("Philippine troops", None, "Philippines military", "military", "PHL"),
        ("Kenyan troops", "SOM", "Kenya military", "military", "KEN"),
        ("Libyan forces loyal to the Tripoli government", None, "Libya military", "military", "LBY"),
        ("Khartoum government", None, "Sudan government", "government", "SDN"),
        # non-state and international actors never take the context country
        ("Militants", "MLI", "militants", "rebel", None),
        ("ultra-hardline militants", "IRQ", "ultra-hardline militants", "rebel", None),
        ("12 suspected militants", "EGY", "militants", "rebel", None),
        ("Coalition warplanes", "YEM", "coalition", "coalition", None),
        ("Gunmen", "NGA", "gunmen", "armed group", None),
        ("bandits", "NGA", "criminals", "criminal", "NGA"),  # local groups: the article's country
        ("Demonstrators", "LBN", "protesters", "protesters", None),
        ("Dozens of civilians", "COD", "civilians", "civilians", None),
        # modifiers change the type
        ("rebel artillery", "LBY", "rebels", "rebel", None),
        ("opposition activists", "SYR", "opposition", "opposition", None),
        ("pro-government fighters", "IRQ", "Iraq pro-government militia", "militia", "IRQ"),
        ("Tribal fighters from Anbar", "IRQ", "tribal militia", "militia", "IRQ"),
        ("local clan militias", "SOM", "clan militia", "militia", "SOM"),
        ("Iranian-backed Shi’ite militias", "IRQ", "Iran-backed Shi'ite militia", "militia", "IRQ"),
        ("allied Syrian fighters", None, "Syria fighters", "rebel", "SYR"),
        # aliases of known groups
        ("ISIS terrorists", "IRQ", "Islamic State", "rebel", None),
        ("Daesh", None, "Islamic State", "rebel", None),
        ("IS militants", None, "Islamic State", "rebel", None),
        ("the Islamic State group", None, "Islamic State", "rebel", None),
        ("The Taliban", None, "Taliban", "rebel", "AFG"),
        ("Houthi fighters", None, "Houthis", "rebel", "YEM"),
        ("Ansar Allah", None, "Houthis", "rebel", "YEM"),
        ("RSF fighters", None, "Rapid Support Forces", "rebel", "SDN"),
        ("Wagner mercenaries", "UKR", "Wagner Group", "private military", "RUS"),
        ("Al-Shabaab fighters", None, "al-Shabaab", "rebel", "SOM"),
        ("a senior al-Qaeda leader", None, "al-Qaeda", "rebel", None),
        ("members of Hamas", None, "Hamas", "rebel", "PSE"),
        ("Human Rights Watch", "NGA", "Human Rights Watch", "ngo", None),
        ("HRW", None, "Human Rights Watch", "ngo", None),
        ("the U.N.", None, "United Nations", "igo", None),
        ("NATO", None, "NATO", "igo", None),
        ("the counter-terrorism service (CTS)", "IRQ", "Counter-Terrorism Service", "military", "IRQ"),
        # relations in names
        ("a U.S.-led coalition", None, "United States-led coalition", "coalition", None),
        ("Saudi-led coalition", "YEM", "Saudi Arabia-led coalition", "coalition", None),
        # people: org-level names for roles, proper names kept
        ("a coalition spokesman", "IRQ", "coalition", "coalition", None),
        ("a French military source", "MLI", "France military", "military", "FRA"),
        ("Russian official", None, "Russia government", "government", "RUS"),
        ("rebel commanders", None, "rebels", "rebel", None),
        ("Iraqi President Saddam Hussein", None, "Saddam Hussein", "government", "IRQ"),
        ("Iraq’s top Shi’ite cleric, Grand Ayatollah Ali al-Sistani", "IRQ", "Ali al-Sistani", "religious", "IRQ"),
        ("Sabah al-Numani, a CTS spokesman", "IRQ", "Sabah al-Numani", "military", "IRQ"),
        # countries and places
        ("Iraq", "IRQ", "Iraq", "state", "IRQ"),
        ("Moscow", None, "Moscow", None, "RUS"),
        ("Fallujah", "IRQ", "Fallujah", None, None),
        # quantifiers and determiners
        ("dozens of Sunni men", "IRQ", "Sunni civilians", "civilians", None),
        ("at least 50 protesters", None, "protesters", "protesters", None),
        ("all four crew members", None, "crew members", None, None),
        ("the heart of Fallujah", None, "heart", None, None),
        # a spokesman for an organ of the state speaks for the state
        ("a spokesman for the Joint Operations Command", "IRQ", "Iraq military", "military", "IRQ"),
        ("gang members", "HTI", "criminals", "criminal", "HTI"),
        # facilities of the state are the state's, like its troops
        ("a remote army outpost", "SOM", "Somalia military facility", "military", "SOM"),
        ("Egyptian border posts", None, "Egypt military facility", "military", "EGY"),
        ("the police station", "HTI", "Haiti police facility", "police", "HTI"),
        ("the regional military command", "NGA", "Nigeria military", "military", "NGA"),
        ("the president's office", "KEN", "Kenya office", "government", "KEN"),
        # news "Congo" is the Democratic Republic
        ("Congo's army", None, "DR Congo military", "military", "COD"),
    ],
)
def test_describe_actor(text, context, name, type_, country):
    """Each phrase gets the expected name, type and country."""
    info = describe_actor(text, context_country=context)
    assert (info.name, info.type, info.country) == (name, type_, country)


@pytest.mark.parametrize(
    ("text", "head", "name"),
    [
        ("Government troops, backed by multiple air strikes from a U.S.-led coalition", "troop", "Iraq military"),
        ("commandos from the counter-terrorism service (CTS)", "commando", "Counter-Terrorism Service"),
        ("Grand Ayatollah Ali al-Sistani", "al-sistani", "Ali al-Sistani"),
        ("militiamen", "militiaman", "militia"),
        ("Iraq military", "troop", "Iraq military"),
    ],
)
def test_describe_actor_with_head(text, head, name):
    """A head lemma from the parser locates the head; an unmatched head is ignored."""
    assert describe_actor(text, head=head, context_country="IRQ").name == name


def test_kind_and_role():
    """People acting for an organization are persons with a role."""
    info = describe_actor("a military spokesman", context_country="IRQ")
    assert (info.kind, info.role, info.sector) == ("person", "spokesman", "MIL")
    assert describe_actor("Iraqi forces").kind == "group"


def test_vocabulary_is_consistent():
    """Every type has a sector entry; context types are actor types."""
    assert set(SECTOR_CODES) == set(ACTOR_TYPES)
    assert set(ACTOR_TYPES) >= CONTEXT_TYPES
    assert "place" in KINDS


@pytest.mark.parametrize(
    ("modifier", "text", "relation", "name", "country"),
    [
        ("ISIS-held", "ISIS", "hold", "Islamic State", None),
        ("U.S.-led", "U.S.", "lead", "United States", "USA"),
        ("U.S.-backed", "U.S.", "back", "United States", "USA"),
        ("Iranian-backed", "Iranian", "back", "Iran", "IRN"),
        ("Russian-made", "Russian", "make", "Russia", "RUS"),
        ("Saudi-led", "Saudi", "lead", "Saudi Arabia", "SAU"),
        ("Turkish-backed", "Turkish", "back", "Turkey", "TUR"),
        ("Houthi-controlled", "Houthi", "control", "Houthis", "YEM"),
        ("rebel-held", "rebel", "hold", "rebels", None),
        ("pro-government", "government", "support", "government", None),
        ("anti-government", "government", "oppose", "government", None),
    ],
)
def test_split_relation_modifier(modifier, text, relation, name, country):
    """Hyphenated modifiers split into actor text, relation lemma and normalized actor."""
    r = split_relation_modifier(modifier)
    assert r is not None
    assert (r.text, r.relation, r.actor.name, r.actor.country) == (text, relation, name, country)


@pytest.mark.parametrize("modifier", ["long-range", "so-called", "ISIS", "-led", "well-armed"])
def test_split_relation_modifier_none(modifier):
    """Words that are no relation modifier give None."""
    assert split_relation_modifier(modifier) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Iraqi", "IRQ"),
        ("Iraq's", "IRQ"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("American", "USA"),
        ("Philippine", "PHL"),
        ("Nigerian", "NGA"),
        ("Egyptian", "EGY"),
        ("Ukrainian", "UKR"),
        ("Malian", "MLI"),
        ("French", "FRA"),
        ("South Sudanese", "SSD"),
        ("Sudanese", "SDN"),
        ("Kabul", "AFG"),
        ("the Houthis", "YEM"),
        ("Syrian Arab Republic", "SYR"),
        ("Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Fallujah", None),
        ("us", None),
        ("turkey", None),
    ],
)
def test_country_code(text, code):
    """Demonyms, names, capitals and groups map to ISO alpha-3; case rules hold."""
    assert country_code(text) == code


def test_every_iso_country_has_a_name():
    """The country table covers every ISO 3166 country."""
    import pycountry

    names = load_lexicon().country_names
    assert {c.alpha_3 for c in pycountry.countries} <= set(names)
    assert country_name("GBR") == "United Kingdom"


def test_document_country():
    """The most frequent country wins; the callback resolves cities; ties go to the first."""
    assert document_country(["Fallujah", "Iraqi", "U.S.", "Iraq", "Iranian", "Baghdad"]) == "IRQ"
    assert document_country({"Herat": 3, "Pakistani": 1}, place_country={"Herat": "AFG"}.get) == "AFG"
    assert document_country(["Syrian", "Turkish"]) == "SYR"
    assert document_country(["", "Atlantis"]) is None


@pytest.mark.parametrize(
    ("text", "expected"), [("They", True), ("it", True), ("them.", True), ("Iraqi forces", False), ("the army", False)]
)
def test_is_pronoun_like(text, expected):
    """Pronouns are recognized, descriptions are not."""
    assert is_pronoun_like(text) is expected


def test_user_lexicon_extends(tmp_path: Path):
    """A user file with the actors header adds aliases."""
    extra = tmp_path / "mine.tsv"
    extra.write_text("#name\ttype\tcountry\tkind\taliases\nAzawad Liberation Front\trebel\tMLI\tgroup\tFLA\n")
    lex = load_lexicon(str(extra))
    assert describe_actor("FLA fighters", lexicon=lex) == ActorInfo(
        "Azawad Liberation Front", "rebel", "MLI", "group", None, True
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Foo\trebel\n", "before a header line"),
        ("#name\ttype\tcountry\tkind\taliases\nFoo\tpirates\t\tgroup\t\n", "'pirates'"),
        ("#name\ttype\tcountry\tkind\taliases\nFoo\trebel\tIraq\tgroup\t\n", "'Iraq'"),
        ("#words\ttype\tcanonical\tkind\tflags\nfoo\trebel\tfoo\tgroup\tz\n", "'z'"),
        ("# nothing here\n", "no header line"),
    ],
)
def test_malformed_lexicon(tmp_path: Path, content, message):
    """A malformed user lexicon raises InputError naming file, line and value."""
    bad = tmp_path / "bad.tsv"
    bad.write_text(content)
    with pytest.raises(InputError, match=message) as err:
        load_lexicon(str(bad))
    assert "bad.tsv" in str(err.value)


def test_missing_lexicon_file(tmp_path: Path):
    """A lexicon path that cannot be read raises InputError."""
    with pytest.raises(InputError, match="cannot read"):
        load_lexicon(str(tmp_path / "absent.tsv"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_and_names(text):
    """Any string gives an ActorInfo whose name is non-empty when the text has a visible character."""
    info = describe_actor(text)
    assert isinstance(info, ActorInfo)
    if text.strip():
        assert info.name.strip()
    assert info.type is None or info.type in ACTOR_TYPES
    assert info.kind is None or info.kind in KINDS


_WORDS = [
    "the",
    "a",
    "dozens",
    "of",
    "at",
    "least",
    "50",
    "heavily",
    "armed",
    "suspected",
    "senior",
    "Iraqi",
    "U.S.",
    "Syrian",
    "Turkish",
    "Iraq",
    "government",
    "rebel",
    "opposition",
    "tribal",
    "clan",
    "pro-government",
    "Iranian-backed",
    "U.S.-led",
    "ISIS",
    "Houthi",
    "UN",
    "troops",
    "forces",
    "army",
    "police",
    "units",
    "fighters",
    "militants",
    "militias",
    "spokesman",
    "officials",
    "civilians",
    "residents",
    "protesters",
    "coalition",
    "ministry",
    "Interior",
    "Ministry",
    "Shi'ite",
    "Sunni",
    "Ali",
    "al-Sistani",
    "Fallujah",
    "school",
    "bus",
    "warplanes",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), st.sampled_from([None, "IRQ", "SYR"]))
def test_idempotent(words, context):
    """Describing a name again gives the same name."""
    name = describe_actor(" ".join(words), context_country=context).name
    assert describe_actor(name, context_country=context).name == name
