"""Actor normalization: a phrase naming who acts becomes a name, a type and a country.

Pure functions over plain strings (no spaCy): the clause extractor passes the phrase
text, optionally its head lemma, and the article's country; :func:`describe_actor`
returns an :class:`ActorInfo` whose ``name`` is the same string for the same
real-world actor across articles, so that graph nodes merge.

Naming convention
-----------------
* A known group or organization gets its canonical name from the alias lexicon
  (``extract/data/actors.tsv``): "ISIS fighters", "Daesh", "IS militants" ->
  ``"Islamic State"``; "Houthi fighters", "Ansar Allah" -> ``"Houthis"``.
* A descriptive phrase becomes ``"<Country> <relations> <identity modifiers> <noun>"``,
  the country being the short English country name, the noun the canonical noun of
  its type: "Iraqi forces", "the Iraqi army", "Government troops" (in an article about
  Iraq) -> ``"Iraq military"``; "federal police" -> ``"Iraq police"``; "tribal
  fighters" -> ``"tribal militia"``; "U.S.-led coalition" -> ``"United States-led
  coalition"``; "Iranian-backed Shi'ite militias" -> ``"Iran-backed Shi'ite militia"``.
* A person speaking or acting for an organization is named after the organization
  and keeps the role apart: "a military spokesman" -> name ``"Iraq military"``,
  role ``"spokesman"``; a named person keeps the name: "Grand Ayatollah Ali
  al-Sistani" -> ``"Ali al-Sistani"`` (type religious).
* Determiners, quantifiers and non-identity adjectives are dropped ("the", "dozens
  of", "at least 50", "heavily armed", "suspected", "senior").

The surface phrase is not part of the result: callers keep it as ``Mention.text``.
Lexicons are TSV files under ``extract/data/`` (``actors.tsv``, ``actor_heads.tsv``,
``actor_modifiers.tsv``, ``actor_countries.tsv``); :func:`load_lexicon` adds files
of your own with the same header line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ._exceptions import InputError

__all__ = [
    "ACTOR_TYPES",
    "ARMED_GROUP",
    "BUSINESS",
    "CIVILIANS",
    "CIVIL_SOCIETY",
    "COALITION",
    "CONTEXT_TYPES",
    "CRIMINAL",
    "EDUCATION",
    "GOVERNMENT",
    "HEALTH",
    "IGO",
    "INTELLIGENCE",
    "JUDICIARY",
    "KINDS",
    "LABOR",
    "LEGISLATURE",
    "MEDIA",
    "MILITARY",
    "MILITIA",
    "NGO",
    "OPPOSITION",
    "PARTY",
    "PARTY_KINDS",
    "POLICE",
    "PRIVATE_MILITARY",
    "PROTESTERS",
    "REBEL",
    "REFUGEES",
    "RELATION_SUFFIXES",
    "RELIGIOUS",
    "RIOTERS",
    "SECTOR_CODES",
    "STATE",
    "STATE_TYPES",
    "ActorInfo",
    "ActorLexicon",
    "RelationModifier",
    "country_code",
    "country_name",
    "describe_actor",
    "document_country",
    "is_pronoun_like",
    "load_lexicon",
    "names_party",
    "split_relation_modifier",
]

# --- actor types -------------------------------------------------------------------

#: A country acting as a whole ("Iraq launched an operation").
STATE = "state"
#: State armed forces: army, navy, air force, their troops, aircraft and artillery.
MILITARY = "military"
#: Police, gendarmerie and security forces.
POLICE = "police"
#: State intelligence services.
INTELLIGENCE = "intelligence"
#: The executive: government, ministries, officials, presidents, ministers.
GOVERNMENT = "government"
#: Parliaments and lawmakers.
LEGISLATURE = "legislature"
#: Courts, judges, prosecutors.
JUDICIARY = "judiciary"
#: Pro-government, communal, tribal or sectarian militias.
MILITIA = "militia"
#: Private military companies and mercenaries.
PRIVATE_MILITARY = "private military"
#: Armed opposition: rebels, insurgents, militant and jihadist groups.
REBEL = "rebel"
#: Armed men of unknown allegiance: gunmen, attackers, snipers.
ARMED_GROUP = "armed group"
#: Criminals, bandits, gangs, pirates, kidnappers.
CRIMINAL = "criminal"
#: Unarmed political opposition.
OPPOSITION = "opposition"
#: Political parties.
PARTY = "party"
#: Civilians, residents, villagers, worshippers, hostages.
CIVILIANS = "civilians"
#: Protesters and demonstrators.
PROTESTERS = "protesters"
#: Rioters and mobs.
RIOTERS = "rioters"
#: Activists and civil-society groups.
CIVIL_SOCIETY = "civil society"
#: Refugees, displaced people and migrants.
REFUGEES = "refugees"
#: Journalists, news agencies, broadcasters.
MEDIA = "media"
#: Doctors, medics, health workers.
HEALTH = "health"
#: Teachers, students, schools.
EDUCATION = "education"
#: Workers and unions.
LABOR = "labor"
#: Businesses and traders.
BUSINESS = "business"
#: Clerics and religious institutions.
RELIGIOUS = "religious"
#: International governmental organizations (UN, NATO, EU, AU) and their missions.
IGO = "igo"
#: Non-governmental organizations (HRW, Amnesty, MSF, ICRC) and aid workers.
NGO = "ngo"
#: A multinational military coalition.
COALITION = "coalition"

#: How many times a descriptive name is re-read to make naming idempotent.
FIXPOINT_ROUNDS = 3
#: Every actor type, in the order of the list above.
ACTOR_TYPES: tuple[str, ...] = (
    STATE,
    MILITARY,
    POLICE,
    INTELLIGENCE,
    GOVERNMENT,
    LEGISLATURE,
    JUDICIARY,
    MILITIA,
    PRIVATE_MILITARY,
    REBEL,
    ARMED_GROUP,
    CRIMINAL,
    OPPOSITION,
    PARTY,
    CIVILIANS,
    PROTESTERS,
    RIOTERS,
    CIVIL_SOCIETY,
    REFUGEES,
    MEDIA,
    HEALTH,
    EDUCATION,
    LABOR,
    BUSINESS,
    RELIGIOUS,
    IGO,
    NGO,
    COALITION,
)
#: The PLOVER / CAMEO sector code of each actor type (None: no sector, a whole state).
SECTOR_CODES: Mapping[str, str | None] = {
    STATE: None,
    MILITARY: "MIL",
    POLICE: "COP",
    INTELLIGENCE: "SPY",
    GOVERNMENT: "GOV",
    LEGISLATURE: "LEG",
    JUDICIARY: "JUD",
    MILITIA: "PRM",
    PRIVATE_MILITARY: "PRM",
    REBEL: "REB",
    ARMED_GROUP: "UAF",
    CRIMINAL: "CRM",
    OPPOSITION: "OPP",
    PARTY: "PTY",
    CIVILIANS: "CVL",
    PROTESTERS: "CVL",
    RIOTERS: "CVL",
    CIVIL_SOCIETY: "SOC",
    REFUGEES: "REF",
    MEDIA: "JRN",
    HEALTH: "MED",
    EDUCATION: "EDU",
    LABOR: "LAB",
    BUSINESS: "BUS",
    RELIGIOUS: "REL",
    IGO: "IGO",
    NGO: "NGO",
    COALITION: "MIL",
}
#: Types that are organs of a state.
STATE_TYPES = frozenset({MILITARY, POLICE, INTELLIGENCE, GOVERNMENT, LEGISLATURE, JUDICIARY})
#: Types that take the article's country when the phrase names none ("Government troops").
CONTEXT_TYPES = STATE_TYPES
#: Groups local by nature, of the article's country when the phrase names none ("gang members
#: attacked the town" in an article about Haiti), without that country entering their name.
LOCAL_TYPES = frozenset({CRIMINAL, MILITIA})
#: The noun naming an actor of each type when a modifier, not the head, gave the type.
TYPE_NOUNS: Mapping[str, str] = {
    MILITARY: "military",
    POLICE: "police",
    INTELLIGENCE: "intelligence",
    GOVERNMENT: "government",
    LEGISLATURE: "parliament",
    JUDICIARY: "judiciary",
    MILITIA: "militia",
    PRIVATE_MILITARY: "mercenaries",
    REBEL: "rebels",
    ARMED_GROUP: "gunmen",
    CRIMINAL: "criminals",
    OPPOSITION: "opposition",
    PARTY: "party",
    CIVILIANS: "civilians",
    PROTESTERS: "protesters",
    RIOTERS: "rioters",
    CIVIL_SOCIETY: "activists",
    REFUGEES: "refugees",
    MEDIA: "media",
    HEALTH: "health workers",
    EDUCATION: "students",
    LABOR: "workers",
    BUSINESS: "business",
    RELIGIOUS: "clergy",
    IGO: "mission",
    NGO: "aid workers",
    COALITION: "coalition",
}
#: What an actor is: a person, a group of people, an organization or a place (a country).
KINDS: tuple[str, ...] = ("person", "group", "organization", "place")

#: Hyphenated relation suffixes ("ISIS-held") and the lemma of the relation they express.
RELATION_SUFFIXES: Mapping[str, str] = {
    "held": "hold",
    "controlled": "control",
    "led": "lead",
    "backed": "back",
    "supported": "support",
    "allied": "ally",
    "run": "run",
    "occupied": "occupy",
    "sponsored": "sponsor",
    "funded": "fund",
    "financed": "finance",
    "armed": "arm",
    "trained": "train",
    "aligned": "align",
    "affiliated": "affiliate",
    "linked": "link",
    "dominated": "dominate",
    "ruled": "rule",
    "besieged": "besiege",
    "made": "make",
    "built": "build",
    "supplied": "supply",
    "owned": "own",
    "based": "base",
    "inspired": "inspire",
    "brokered": "broker",
    "mediated": "mediate",
    "seized": "seize",
    "captured": "capture",
    "bombed": "bomb",
}
#: Prefixes ("pro-government") and the relation they express.
RELATION_PREFIXES: Mapping[str, str] = {"pro": "support", "anti": "oppose"}
#: Relations that say who an actor is ("U.S.-led coalition") and so stay in its name.
NAME_RELATIONS = frozenset(
    {
        "lead",
        "back",
        "support",
        "sponsor",
        "fund",
        "finance",
        "arm",
        "train",
        "ally",
        "align",
        "affiliate",
        "link",
        "oppose",
        "run",
        "dominate",
        "base",
        "inspire",
    }
)
#: Words dropped from the start of a phrase: determiners and possessive pronouns.
DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "whose",
        "any",
        "another",
        "such",
    }
)
#: Pronouns and demonstratives that stand for an earlier mention.
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "me",
        "itself",
        "themselves",
        "himself",
        "herself",
        "ourselves",
        "this",
        "that",
        "these",
        "those",
        "who",
        "whom",
        "which",
        "one",
        "ones",
        "both",
        "others",
        "some",
        "many",
        "all",
        "each",
    }
)
#: Number words, dropped like digits.
NUMBER_WORDS = frozenset(
    {
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "dozen",
        "score",
    }
)
#: Words of leading quantifier phrases ("at least 50", "dozens of", "all four").
QUANTIFIER_WORDS = frozenset(
    {
        "at",
        "least",
        "most",
        "more",
        "less",
        "fewer",
        "than",
        "up",
        "to",
        "of",
        "nearly",
        "about",
        "around",
        "over",
        "almost",
        "some",
        "roughly",
        "approximately",
        "just",
        "only",
        "all",
        "both",
        "each",
        "every",
        "few",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "scores",
        "tens",
        "several",
        "many",
        "numerous",
        "estimated",
        "an",
        "a",
        "the",
    }
)
#: Words that end the phrase before them: what follows only describes the actor.
POST_MODIFIER_STARTS = frozenset(
    {
        "in",
        "from",
        "of",
        "at",
        "near",
        "on",
        "loyal",
        "who",
        "which",
        "that",
        "whose",
        "with",
        "under",
        "inside",
        "outside",
        "across",
        "around",
        "along",
        "during",
        "after",
        "before",
        "for",
        "against",
        "to",
        "by",
        "backed",
        "led",
        "based",
        "stationed",
        "deployed",
        "fighting",
        "belonging",
        "allied",
        "linked",
        "including",
        "such",
        "like",
        "and",
        "or",
        "aboard",
        "behind",
    }
)
#: Head words that mean the government as a whole.
GOVERNMENT_WORDS = frozenset(
    {
        "government",
        "governments",
        "regime",
        "authorities",
        "authority",
        "administration",
        "cabinet",
        "state",
        "presidency",
        "junta",
    }
)
#: Prepositions after a head whose object may name the organization ("members of Hamas").
OF_PREPOSITIONS = frozenset({"of", "from", "for"})
#: Particles allowed inside a proper name ("Ali al-Sistani", "Abu Bakr al-Baghdadi").
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "van", "von", "der", "du", "le", "la"})

DATA_DIR = Path(__file__).parent / "data"
ACTORS_FILE = DATA_DIR / "actors.tsv"
HEADS_FILE = DATA_DIR / "actor_heads.tsv"
MODIFIERS_FILE = DATA_DIR / "actor_modifiers.tsv"
COUNTRIES_FILE = DATA_DIR / "actor_countries.tsv"

#: The header line (after ``#``) that identifies each lexicon file.
HEADERS: Mapping[str, tuple[str, ...]] = {
    "actors": ("name", "type", "country", "kind", "aliases"),
    "heads": ("words", "type", "canonical", "kind", "flags"),
    "modifiers": ("modifier", "armed_type", "other_type", "flags"),
    "countries": ("code", "name", "aliases", "capitals"),
}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NUMBER = re.compile(r"^[+-]?\d[\d,.]*(?:st|nd|rd|th|s)?$")
_EDGE_PUNCT = "\"'()[]{},;:!?*"
_REL_SUFFIX = re.compile(r"^(.+?)-(" + "|".join(sorted(RELATION_SUFFIXES, key=len, reverse=True)) + r")$", re.I)
_SHORT_EXACT = 5
_PARTICLE_NAME = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|bani|d)-[A-Z]")


# --- records -------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorInfo:
    """A normalized actor: canonical ``name``, ``type``, ISO alpha-3 ``country`` and more.

    ``kind`` is one of :data:`KINDS`; ``role`` the role of a person acting for an
    organization ("spokesman"); ``proper`` is True when the name comes from a proper
    name or the alias lexicon rather than from a description.

    Examples
    --------
    >>> ActorInfo("Iraq military", MILITARY, "IRQ").sector
    'MIL'
    """

    name: str
    type: str | None = None
    country: str | None = None
    kind: str | None = None
    role: str | None = None
    proper: bool = False

    @property
    def sector(self) -> str | None:
        """The PLOVER sector code of :attr:`type` (``"MIL"``, ``"REB"``...), if any."""
        return SECTOR_CODES.get(self.type) if self.type else None


@dataclass(frozen=True)
class RelationModifier:
    """A hyphenated modifier such as "U.S.-led": the actor text, relation lemma and actor."""

    text: str
    relation: str
    actor: ActorInfo


@dataclass(frozen=True)
class _Named:
    name: str
    type: str | None
    country: str | None
    kind: str | None


@dataclass(frozen=True)
class _Head:
    type: str | None
    canonical: str
    kind: str | None
    flags: str


@dataclass(frozen=True)
class _Modifier:
    armed_type: str | None
    other_type: str | None
    flags: str
    word: str = ""


@dataclass(frozen=True)
class _Alias:
    """One alias: the table it belongs to, its value, and how its case must match."""

    table: str
    value: object
    text: str
    exact: bool


#: How many settled names an :class:`ActorLexicon` remembers before starting over.
SETTLED_MAX = 100_000


@dataclass
class ActorLexicon:
    """The tables :func:`describe_actor` looks words up in, keyed by normalized alias."""

    aliases: dict[str, list[_Alias]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    max_words: int = 1
    #: The longest alias (in words) that starts with a given word key; built on first use.
    first_words: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    #: Names already settled by :func:`describe_actor`'s read-back, by (name, context country).
    settled: dict[tuple[str, str | None], ActorInfo] = field(default_factory=dict, repr=False, compare=False)

    def add(self, table: str, alias: str, value: object) -> None:
        """Register ``alias`` (case rules of :func:`_exact_case`) for ``table``."""
        key = _key(alias)
        if not key:
            return
        entries = self.aliases.setdefault(key, [])
        new = _Alias(table, value, alias, _exact_case(alias))
        for old in entries:
            # the same actor spelled twice: keep the laxer case rule
            if old.table == table and old.value == value and not old.exact and (new.exact or old.text[:1].islower()):
                new = old
        entries[:] = [e for e in entries if e.table != table]
        entries.append(new)
        self.max_words = max(self.max_words, key.count(" ") + 1)
        self.first_words.clear()

    def lookup(self, table: str, words: list[str]) -> object | None:
        """The value of ``table`` for the surface words, honouring case rules, or None."""
        for entry in self.aliases.get(_key(" ".join(words)), ()):
            if entry.table == table and _case_ok(entry, words):
                return entry.value
        return None

    def longest_from(self, word: str) -> int:
        """How many words the longest alias starting with ``word`` has (at least 1)."""
        if not self.first_words:
            for key in self.aliases:
                parts = key.split(" ")
                first = parts[0]
                if len(parts) > self.first_words.get(first, 1):
                    self.first_words[first] = len(parts)
            self.first_words.setdefault("", 1)
        return self.first_words.get(_key(word).split(" ")[0] if word else "", 1)

    def lookup_first(self, tables: tuple[str, ...], words: list[str]) -> tuple[str, object] | None:
        """The first of ``tables`` (in order) that has the surface words: ``(table, value)``, or None."""
        entries = self.aliases.get(_key(" ".join(words)))
        if not entries:
            return None
        for table in tables:
            for entry in entries:
                if entry.table == table and _case_ok(entry, words):
                    return table, entry.value
        return None


# --- lexicon loading -----------------------------------------------------------------


@lru_cache(maxsize=1 << 17)
def _key(text: str) -> str:
    """Lookup key: quotes unified, dots removed, case folded, spaces collapsed."""
    text = text.translate(_QUOTES).replace(".", "")
    return " ".join(text.casefold().split())


def _exact_case(alias: str) -> bool:
    """Short aliases with inner capitals ("UN", "IS", "LeT") must match case exactly."""
    letters = alias.replace(".", "").replace(" ", "")
    return len(letters) <= _SHORT_EXACT and any(c.isupper() for c in letters[1:])


def _case_ok(entry: _Alias, words: list[str]) -> bool:
    surface = " ".join(words).translate(_QUOTES).replace(".", "")
    if entry.exact:
        return surface == entry.text.translate(_QUOTES).replace(".", "")
    if entry.text[:1].isupper():
        return surface[:1].isupper() or surface[:1].isdigit()
    return True


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _check_choice(value: str, where: str, what: str, choices: tuple[str, ...]) -> str | None:
    """``value`` if it is one of ``choices``, None if empty, else an InputError naming it."""
    if not value:
        return None
    if value not in choices:
        raise InputError(f"{where}: unknown {what} {value!r}; use one of {', '.join(choices)}")
    return value


def _check_type(value: str, where: str) -> str | None:
    return _check_choice(value, where, "actor type", ACTOR_TYPES)


def _check_kind(value: str, where: str) -> str | None:
    return _check_choice(value, where, "kind", KINDS)


def _read_table(path: Path) -> tuple[str, list[tuple[str, list[str]]]]:
    """The table name (from the header line) and ``(where, fields)`` rows of a lexicon file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read actor lexicon {str(path)!r}: {exc.strerror or exc}") from None
    table = None
    rows: list[tuple[str, list[str]]] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            columns = tuple(c.strip() for c in line[1:].split("\t"))
            for name, header in HEADERS.items():
                if columns == header:
                    table = name
            continue
        where = f"{path}:{lineno}"
        if table is None:
            headers = " | ".join("#" + "<TAB>".join(h) for h in HEADERS.values())
            raise InputError(f"{where}: actor lexicon row before a header line; start the file with one of {headers}")
        fields = [f.strip() for f in line.split("\t")]
        width = len(HEADERS[table])
        if len(fields) > width or len(fields) < 2:
            raise InputError(f"{where}: expected {width} tab-separated columns {HEADERS[table]}, got {line!r}")
        rows.append((where, fields + [""] * (width - len(fields))))
    if table is None:
        raise InputError(
            f"{path}: no header line; start the file with '#' and the tab-separated "
            f"columns of one of {list(HEADERS.values())}"
        )
    return table, rows


def _check_country(value: str, where: str) -> str | None:
    if not value:
        return None
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise InputError(f"{where}: country must be an ISO 3166-1 alpha-3 code like 'IRQ', got {value!r}")
    return value


def _load_rows(lex: ActorLexicon, table: str, rows: list[tuple[str, list[str]]]) -> None:
    for where, f in rows:
        if table == "actors":
            name, typ, country, kind, aliases = f
            if not name:
                raise InputError(f"{where}: an actor row needs a name, got {f!r}")
            named = _Named(name, _check_type(typ, where), _check_country(country, where), _check_kind(kind, where))
            for alias in [name, *_split_list(aliases)]:
                lex.add("named", alias, named)
        elif table == "heads":
            words, typ, canonical, kind, flags = f
            if set(flags) - set("agmr"):
                raise InputError(f"{where}: unknown head flag(s) in {flags!r}; use a, g, m, r")
            head = _Head(_check_type(typ, where), canonical, _check_kind(kind, where), flags)
            for word in _split_list(words):
                lex.add("head", word, head)
        elif table == "modifiers":
            word, armed, other, flags = f
            if set(flags) - set("isxt"):
                raise InputError(f"{where}: unknown modifier flag(s) in {flags!r}; use i, s, x, t")
            mod = _Modifier(_check_type(armed, where), _check_type(other, where), flags, word)
            lex.add("modifier", word, mod)
        else:
            code, name, aliases, capitals = f
            code_ok = _check_country(code, where)
            if code_ok is None or not name:
                raise InputError(f"{where}: a country row needs a code and a name, got {f!r}")
            lex.country_names[code_ok] = name
            for alias in [name, *_split_list(aliases)]:
                lex.add("country", alias, code_ok)
            for alias in _pycountry_names(code_ok):
                # ISO's names fill gaps; they never take a name a row gives (news "Congo" is the DRC)
                if lex.lookup("country", alias.split()) is None:
                    lex.add("country", alias, code_ok)
            for capital in _split_list(capitals):
                lex.add("capital", capital, code_ok)


def _pycountry_names(code: str) -> list[str]:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return []
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return []
    attrs = ("name", "official_name", "common_name")
    return [getattr(country, a) for a in attrs if getattr(country, a, None)]


@lru_cache(maxsize=16)
def load_lexicon(*extra: str | Path) -> ActorLexicon:
    """The built-in lexicon plus the TSV files ``extra`` (later rows override earlier ones).

    Each file starts with a header line naming its columns, as the built-in files
    under ``extract/data/`` do; a malformed file raises :class:`InputError` naming
    the file, line and value.

    Examples
    --------
    >>> load_lexicon().country_names["IRQ"]
    'Iraq'
    """
    lex = ActorLexicon()
    for path in (COUNTRIES_FILE, MODIFIERS_FILE, HEADS_FILE, ACTORS_FILE, *map(Path, extra)):
        table, rows = _read_table(path)
        _load_rows(lex, table, rows)
    return lex


# --- tokens and segments -------------------------------------------------------------


@dataclass
class _Seg:
    """A matched span of the phrase: its table ("named", "country", "capital", "head",
    "modifier", "word"), value, surface words and flags set while analysing."""

    table: str
    value: object
    words: list[str]
    relation: str | None = None
    possessive: bool = False
    mod: _Modifier | None = None

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _tokens(text: str) -> list[str]:
    """Split a phrase into words, detaching a hyphenated relation suffix ("ISIS", "-held")."""
    out: list[str] = []
    text = text.translate(_QUOTES).replace("(", " , ").replace(")", " , ")
    for raw in text.split():
        word = raw.strip(_EDGE_PUNCT) if raw not in {",", ";"} else raw
        if raw.endswith((",", ";")) and word:
            out.extend(_split_word(word))
            out.append(",")
            continue
        if raw in {",", ";"}:
            out.append(",")
            continue
        if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
            word = word[:-1]
        if word:
            out.extend(_split_word(word))
    return out


def _split_word(word: str) -> list[str]:
    possessive = ""
    if word.endswith(("'s", "'S")) and len(word) > 2:
        word, possessive = word[:-2], "'s"
    elif word.endswith("s'") and len(word) > 2:
        word, possessive = word[:-1], "'s"
    m = _REL_SUFFIX.match(word) if "-" in word else None
    parts = [m[1], "-" + m[2].lower()] if m else [word]
    return parts + ([possessive] if possessive else [])


def _segments(words: list[str], lex: ActorLexicon) -> list[_Seg]:
    """Longest-match the words against the lexicon tables."""
    segs: list[_Seg] = []
    i = 0
    order = ("named", "country", "head", "modifier", "capital")
    while i < len(words):
        if words[i] == "'s" and segs:
            segs[-1].possessive = True
            i += 1
            continue
        if words[i].startswith("-") and words[i][1:] in RELATION_SUFFIXES and segs:
            segs[-1].relation = RELATION_SUFFIXES[words[i][1:]]
            i += 1
            continue
        found = None
        for n in range(min(lex.longest_from(words[i]), len(words) - i), 0, -1):
            span = words[i : i + n]
            if "," in span or "'s" in span[:-1] or any(w.startswith("-") and len(w) > 1 for w in span):
                continue
            hit = lex.lookup_first(order, span)
            if hit is not None:
                table, value = hit
                alt = value if table == "modifier" else lex.lookup("modifier", span)
                found = _Seg(table, value, span, mod=alt if isinstance(alt, _Modifier) else None)
                break
        if found is None:
            found = _prefixed(words[i], lex) or _Seg("word", None, [words[i]])
        segs.append(found)
        i += len(found.words)
    return segs


def _prefixed(word: str, lex: ActorLexicon) -> _Seg | None:
    """ "pro-Russian" / "anti-Houthi": the actor after the prefix, with its relation."""
    m = re.match(r"^(pro|anti)-(.+)$", word, re.I)
    if not m:
        return None
    inner = _segments([m[2]], lex)
    if len(inner) != 1 or inner[0].table not in {"named", "country", "capital", "head"}:
        return None
    seg = inner[0]
    seg.relation = RELATION_PREFIXES[m[1].lower()]
    seg.words = [word]
    return seg


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word)) or word.casefold() in NUMBER_WORDS


def _is_drop(seg: _Seg) -> bool:
    if seg.table == "modifier":
        assert isinstance(seg.value, _Modifier)
        return "x" in seg.value.flags
    if seg.table == "word":
        w = seg.words[0].casefold()
        return w in DETERMINERS or _is_number(seg.words[0]) or (w.endswith("ly") and len(w) > 4)
    return False


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


# --- analysis --------------------------------------------------------------------------


def _country_of(seg: _Seg) -> str | None:
    if seg.table in {"country", "capital"}:
        return str(seg.value)
    if seg.table == "named":
        assert isinstance(seg.value, _Named)
        return seg.value.country
    return None


def _relation_name(seg: _Seg, lex: ActorLexicon) -> str:
    """ "Iran-backed" from the segment "Iranian" + relation "back"."""
    if seg.table in {"country", "capital"}:
        base = lex.country_names.get(str(seg.value), seg.text)
    elif seg.table == "named":
        assert isinstance(seg.value, _Named)
        base = seg.value.name
    else:
        base = seg.text
    if seg.relation in RELATION_PREFIXES.values() and seg.words[0].lower().startswith(("pro-", "anti-")):
        prefix = seg.words[0].split("-", 1)[0].lower()
        return f"{prefix}-{base}"
    suffix = next(s for s, lemma in RELATION_SUFFIXES.items() if lemma == seg.relation)
    return f"{base}-{suffix}"


def _head_index(segs: list[_Seg], head: str | None) -> int | None:
    """Index of the head segment: the one holding ``head`` if given, else the last head."""
    if head:
        hk = _key(head)
        for i in range(len(segs) - 1, -1, -1):
            keys = [_key(w) for w in segs[i].words]
            if any(
                k == hk
                or (k.startswith(hk[:-1]) and 0 <= len(k) - len(hk) <= 3 and len(hk) > 2)
                or (hk.endswith("man") and k == hk[:-3] + "men")
                for k in keys
            ):
                if segs[i].table in {"head", "named", "country", "capital"} or i == len(segs) - 1:
                    return i
                # the head word is inside an unknown span: let the proper-name logic decide
                return None
    return len(segs) - 1 if segs and segs[-1].table == "head" else None


def _cut(segs: list[_Seg]) -> tuple[list[_Seg], list[_Seg]]:
    """Split at the first post-modifier word: ("Police", "in Herat")."""
    for i, seg in enumerate(segs):
        if i > 0 and ((seg.table == "word" and seg.words[0].casefold() in POST_MODIFIER_STARTS) or seg.words[0] == ","):
            return segs[:i], segs[i:]
    return segs, []


def _strip_leading(segs: list[_Seg]) -> list[_Seg]:
    """Drop leading determiners and quantifiers ("dozens of", "at least 50"), and drop-words."""
    i = 0
    while i < len(segs) - 1 and (
        _is_drop(segs[i])
        or (
            len(segs[i].words) == 1
            and segs[i].table in {"word", "modifier"}
            and segs[i].words[0].casefold() in QUANTIFIER_WORDS
        )
    ):
        i += 1
    return [s for s in segs[i:] if not _is_drop(s)]


def _proper_run(segs: list[_Seg]) -> list[_Seg]:
    """The trailing run of capitalized unknown words (a proper name), particles allowed."""
    run: list[_Seg] = []
    for seg in reversed(segs):
        w = seg.words[0]
        prefixed = bool(_PARTICLE_NAME.match(w))
        particle = w.casefold() in NAME_PARTICLES
        if seg.table == "word" and (_is_capitalized(w) or prefixed or (particle and run)):
            run.insert(0, seg)
        else:
            break
    while run and run[0].words[0].casefold() in NAME_PARTICLES:
        run.pop(0)
    return run


def _flags(seg: _Seg) -> str:
    """The modifier flags of a segment ("" when it is no modifier)."""
    mod = seg.value if seg.table == "modifier" else seg.mod
    return mod.flags if isinstance(mod, _Modifier) else ""


def _modifier_type(seg: _Seg, armed: bool) -> str | None:
    mod = seg.value if seg.table == "modifier" else seg.mod
    if isinstance(mod, _Modifier):
        return mod.armed_type if armed else mod.other_type
    if seg.table == "head" and not seg.relation:
        assert isinstance(seg.value, _Head)
        return seg.value.type
    return None


@dataclass
class _Result:
    """An analysed phrase; ``rank`` 2 for a proper name, 1 for a lexicon actor, 0 otherwise.

    ``plain`` marks a phrase that names no known actor and is kept word for word: its
    name already reads back as itself.
    """

    info: ActorInfo
    rank: int = 0
    plain: bool = False


def _describe_part(
    text: str, head: str | None, context_country: str | None, lex: ActorLexicon, *, segs: list[_Seg] | None = None
) -> _Result:
    if segs is None:
        segs = _strip_leading(_segments(_tokens(text), lex))
    segs = [s for s in segs if s.words[0] != ","] if segs and segs[0].words[0] == "," else segs
    pre, post = _cut(segs)
    hi = _head_index(pre, head)
    if hi is not None and hi < len(pre) - 1:
        post = pre[hi + 1 :] + post
        pre = pre[: hi + 1]
    if not pre:
        return _Result(ActorInfo(_fallback_name(text)))
    return _analyse(pre, post, context_country, lex)


def _analyse(pre: list[_Seg], post: list[_Seg], context_country: str | None, lex: ActorLexicon) -> _Result:
    last = pre[-1]
    mods = pre[:-1]
    country = next((c for s in pre if not s.relation and (c := _country_of(s))), None)

    # a known group or organization
    named = [s for s in pre if s.table == "named" and not s.relation]
    if last.table == "named" and not last.relation:
        n = last.value
        assert isinstance(n, _Named)
        return _Result(ActorInfo(n.name, n.type, n.country or country, n.kind, proper=True), 1)

    # a country or capital alone ("Iraq", "Iraq's", "Kabul")
    if last.table in {"country", "capital"} and not last.relation and last is pre[0]:
        code = str(last.value)
        if last.table == "country":
            cname = lex.country_names.get(code, last.text)
            return _Result(ActorInfo(cname, STATE, code, "place", proper=True), 1)
        return _Result(ActorInfo(last.text, None, code, "place", proper=True), 1)

    if last.table != "head":
        run = _proper_run(pre)
        if run:
            before = pre[: len(pre) - len(run)]
            info = _describe_before_name(before, run, context_country, lex)
            return _Result(info, 2)
        return _Result(ActorInfo(_plain_name(pre, lex), None, country), plain=True)

    h = last.value
    assert isinstance(h, _Head)
    armed = "a" in h.flags
    # a named actor among the modifiers or after "of"/"from" is the actor for member heads
    if "m" in h.flags:
        org = named[-1] if named else _named_after(post)
        if org is not None:
            n = org.value
            assert isinstance(n, _Named)
            role = last.text.lower() if "r" in h.flags else None
            kind = "person" if "r" in h.flags and h.kind == "person" else n.kind
            return _Result(ActorInfo(n.name, n.type, n.country or country, kind, role, proper=True), 1)
        # means or members of a described party: 'air strikes from a U.S.-led coalition' -> the coalition
        owner = _party_after(post, context_country, lex)
        if owner is not None:
            return owner

    typ = h.type
    type_from_mod = False
    for seg in reversed(mods):
        mt = _modifier_type(seg, armed)
        if mt and mt != typ and ("g" in h.flags or "r" in h.flags):
            type_from_mod = True
            typ = mt
            break
    state_marked = any("s" in _flags(s) for s in mods)
    pro_government = any(
        s.table == "modifier" and _key(s.text) in {"pro-government", "pro-regime", "government-backed"} for s in mods
    )
    if country is None and context_country and (typ in CONTEXT_TYPES or (typ == MILITIA and pro_government)):
        country = context_country
    role = last.text.lower() if "r" in h.flags else None
    kind = h.kind
    if role is not None and typ is not None:
        noun = TYPE_NOUNS.get(typ, last.text.lower())
        kind = "person" if h.kind == "person" else kind
    elif type_from_mod and typ is not None:
        noun = TYPE_NOUNS.get(typ, last.text.lower())
    else:
        noun = h.canonical or last.text.lower()
    if role is None and typ in STATE_TYPES and h.canonical in {"ministry", "government"}:
        noun = _org_noun(last)
    parts = _name_parts(mods, typ, lex, state_marked)
    name = " ".join([lex.country_names[country]] if country and country in lex.country_names else []) or ""
    words = [w for w in [name, *parts, noun] if w]
    return _Result(ActorInfo(_dedupe(words), typ, country, kind, role))


def _dedupe(parts: list[str]) -> str:
    """Join name parts, dropping a word already said ("opposition opposition")."""
    out: list[str] = []
    for word in " ".join(parts).split():
        if word.casefold() not in {w.casefold() for w in out}:
            out.append(word)
    return " ".join(out)


def _org_noun(last: _Seg) -> str:
    """A bare "government", "authorities" or "regime" is the government; a ministry keeps its name."""
    word = last.text.lower()
    return "government" if word in GOVERNMENT_WORDS else word


def _party_after(post: list[_Seg], context_country: str | None, lex: ActorLexicon) -> _Result | None:
    """The party in an 'of'/'from' phrase when it has an actor type of its own, else None."""
    if not post or post[0].table != "word" or post[0].words[0].casefold() not in OF_PREPOSITIONS:
        return None
    words: list[str] = []
    for seg in post[1:]:
        if seg.words[0] == "," or (seg.table == "word" and seg.words[0].casefold() in POST_MODIFIER_STARTS):
            break
        words.extend(seg.words)
    if not words:
        return None
    inner = _describe_part(" ".join(words), None, context_country, lex)
    return inner if inner.info.type is not None else None


def _named_after(post: list[_Seg]) -> _Seg | None:
    if post and post[0].table == "word" and post[0].words[0].casefold() in OF_PREPOSITIONS:
        for seg in post[1:]:
            stop = seg.table == "word" and seg.words[0].casefold() in POST_MODIFIER_STARTS
            if seg.words[0] == "," or stop:
                break
            if seg.table == "named" and not seg.relation:
                return seg
    return None


def _name_parts(mods: list[_Seg], typ: str | None, lex: ActorLexicon, state_marked: bool) -> list[str]:
    """The modifiers kept in a descriptive name, in a fixed order: relations, identity, others."""
    relations: list[str] = []
    identity: list[str] = []
    others: list[str] = []
    state = typ in STATE_TYPES
    for seg in mods:
        if seg.relation:
            if seg.relation in NAME_RELATIONS:
                relations.append(_relation_name(seg, lex))
            continue
        if seg.table in {"country", "capital", "named"}:
            if seg.table == "named" and not state:
                assert isinstance(seg.value, _Named)
                identity.append(seg.value.name)
            continue
        if seg.table == "modifier":
            assert isinstance(seg.value, _Modifier)
            flags = seg.value.flags
            if "i" in flags:
                identity.append(seg.value.word or seg.text)
            elif not flags and not state:
                others.append(seg.text.lower())
            continue
        if seg.table == "head":
            if seg.mod is not None and "i" in seg.mod.flags:
                identity.append(seg.mod.word or seg.text)
            continue
        if state and not _is_capitalized(seg.words[0]):
            continue
        others.append(seg.text if _is_capitalized(seg.words[0]) else seg.text.lower())
    return relations + identity + others


def _describe_before_name(
    before: list[_Seg], run: list[_Seg], context_country: str | None, lex: ActorLexicon
) -> ActorInfo:
    """A proper name with what precedes it: "Iraqi President Saddam Hussein"."""
    name = " ".join(s.text for s in run)
    heads = [s for s in before if s.table == "head"]
    country = next((c for s in before if not s.relation and (c := _country_of(s))), None)
    titled = any("t" in _flags(s) for s in before)
    if heads:
        described = _analyse(before[: before.index(heads[-1]) + 1], [], context_country, lex).info
        h = heads[-1].value
        assert isinstance(h, _Head)
        if h.kind == "person" or "r" in h.flags:
            return ActorInfo(name, described.type, described.country, "person", heads[-1].text.lower(), proper=True)
        return ActorInfo(name, described.type, described.country, h.kind, proper=True)
    return ActorInfo(name, None, country, "person" if titled else None, proper=True)


def _plain_name(segs: list[_Seg], lex: ActorLexicon) -> str:
    """A description that names no known actor: its kept words, relations rejoined."""
    words = []
    for seg in segs:
        if seg.relation:
            words.append(
                _relation_name(seg, lex) if seg.relation in NAME_RELATIONS else f"{seg.text}-{_suffix(seg.relation)}"
            )
        else:
            words.append(seg.text)
    return " ".join(words)


def _suffix(relation: str) -> str:
    return next(s for s, lemma in RELATION_SUFFIXES.items() if lemma == relation)


def _fallback_name(text: str) -> str:
    words = " ".join(text.translate(_QUOTES).split()).strip(_EDGE_PUNCT + ". ")
    return words or text.strip() or text


def _merge(parts: list[_Result]) -> ActorInfo:
    """Merge appositions: the proper name names, the descriptions fill type, country, role."""
    main = max(parts, key=lambda p: p.rank).info
    info = main
    for p in parts:
        other = p.info
        info = replace(
            info,
            type=info.type or other.type,
            country=info.country or other.country,
            kind=info.kind or other.kind,
            role=info.role or other.role,
        )
    if info.role and info.kind is None:
        info = replace(info, kind="person")
    return info


# --- public functions ------------------------------------------------------------------


def describe_actor(
    text: str,
    *,
    head: str | None = None,
    context_country: str | None = None,
    lexicon: ActorLexicon | None = None,
) -> ActorInfo:
    """Normalize an actor phrase to a canonical name, an actor type and a country.

    Parameters
    ----------
    text
        The surface phrase ("Government troops", "the Iraqi army", "ISIS fighters").
    head
        The lemma of the phrase's syntactic head ("troop"), if the caller knows it;
        words after the head are read as post-modifiers ("Police in Herat").
    context_country
        ISO alpha-3 code of the article's country (see :func:`document_country`);
        given to state actors that name no country of their own (:data:`CONTEXT_TYPES`).
    lexicon
        The tables to use; :func:`load_lexicon` (the built-in ones) by default.

    Returns
    -------
    ActorInfo
        ``name`` is never empty for a phrase with a visible character.

    Examples
    --------
    >>> describe_actor("Iraqi forces")
    ActorInfo(name='Iraq military', type='military', country='IRQ', kind='group', role=None, proper=False)
    >>> describe_actor("Government troops", context_country="IRQ").name
    'Iraq military'
    >>> describe_actor("ISIS terrorists").name
    'Islamic State'
    >>> describe_actor("dozens of Sunni men").name
    'Sunni civilians'
    """
    lex = lexicon or load_lexicon()
    if not isinstance(text, str):
        raise InputError(f"describe_actor needs a string, got {text!r}")
    info, plain = _read(text, head, context_country, lex)
    info = info if plain else _settle(info, context_country, lex)
    if info.country is None and context_country and info.type in LOCAL_TYPES:
        # gangs and militias are of the country they fight in; their name stays as written
        info = replace(info, country=context_country)
    return info


#: The kinds of actor that are parties even without an actor type.
PARTY_KINDS = frozenset({"person", "organization", "group", "place"})


def names_party(text: str, *, head: str | None = None, lexicon: ActorLexicon | None = None) -> bool:
    """Whether a phrase names a party: something with an actor type, or a person, group,
    organization or place (what :func:`describe_actor` would type or kind so).

    Examples
    --------
    >>> names_party("the Iraqi army"), names_party("the new bridge")
    (True, False)
    """
    lex = lexicon or load_lexicon()
    info, plain = _read(text, head, None, lex)  # an empty phrase reads as plain, untyped
    if info.type is not None or info.kind in PARTY_KINDS:
        return True  # settling keeps the kind and never drops a type
    if plain:
        return False
    return _settle(info, None, lex).type is not None


def _read(text: str, head: str | None, context_country: str | None, lex: ActorLexicon) -> tuple[ActorInfo, bool]:
    """The phrase's description before it is settled, and whether it is plain (kept word for word)."""
    if not text.strip():
        return ActorInfo(text), True
    pieces = [p for p in re.split(r"\s*[,;(]\s*|\)\s*", text.translate(_QUOTES)) if p.strip()]
    segmented = [(p, _strip_leading(_segments(_tokens(p), lex))) for p in pieces]
    kept = [(p, segs) for i, (p, segs) in enumerate(segmented) if segs and (i == 0 or not _is_adjunct(p))]
    if kept:
        results = [
            _describe_part(p, head if i == 0 else None, context_country, lex, segs=segs)
            for i, (p, segs) in enumerate(kept)
        ]
    else:
        results = [_describe_part(text, head, context_country, lex)]
    return _merge(results), len(results) == 1 and results[0].plain


def _settle(info: ActorInfo, context_country: str | None, lex: ActorLexicon) -> ActorInfo:
    """A descriptive name must read back as itself: settle it (modifiers may re-type the noun)."""
    for _ in range(FIXPOINT_ROUNDS):
        if info.proper:
            break
        key = (info.name, context_country)
        again = lex.settled.get(key)
        if again is None:
            if len(lex.settled) > SETTLED_MAX:
                lex.settled.clear()
            again = lex.settled[key] = _describe_part(info.name, None, context_country, lex).info
        if again.name == info.name:
            break
        info = replace(info, name=again.name, type=again.type or info.type, country=info.country or again.country)
    return info


def _is_adjunct(piece: str) -> bool:
    """A comma piece that only describes: "backed by air strikes", "who fled", "loyal to X"."""
    first = piece.split()[0].casefold()
    return first in POST_MODIFIER_STARTS or first in PRONOUNS or first.endswith(("ed", "ing"))


def split_relation_modifier(modifier: str, *, lexicon: ActorLexicon | None = None) -> RelationModifier | None:
    """Split a hyphenated relation modifier into actor text, relation lemma and actor.

    Examples
    --------
    >>> r = split_relation_modifier("Iranian-backed")
    >>> (r.text, r.relation, r.actor.name, r.actor.country)
    ('Iranian', 'back', 'Iran', 'IRN')
    >>> split_relation_modifier("U.S.-led").relation
    'lead'
    >>> split_relation_modifier("pro-government").text
    'government'
    >>> split_relation_modifier("long-range") is None
    True
    """
    word = modifier.translate(_QUOTES).strip().strip(_EDGE_PUNCT)
    m = _REL_SUFFIX.match(word)
    if m:
        actor_text, relation = m[1], RELATION_SUFFIXES[m[2].lower()]
    else:
        p = re.match(r"^(pro|anti)-(.+)$", word, re.I)
        if not p:
            return None
        actor_text, relation = p[2], RELATION_PREFIXES[p[1].lower()]
    lex = lexicon or load_lexicon()
    segs = _segments(_tokens(actor_text), lex)
    plausible = len(segs) == 1 and (
        segs[0].table in {"named", "country", "capital", "head"}
        or (segs[0].table == "modifier" and _modifier_type(segs[0], True) is not None)
        or (segs[0].table == "word" and _is_capitalized(segs[0].words[0]))
    )
    if not plausible:
        return None
    return RelationModifier(actor_text, relation, describe_actor(actor_text, lexicon=lex))


def is_pronoun_like(text: str) -> bool:
    """True for a pronoun or bare demonstrative that stands for an earlier mention.

    >>> is_pronoun_like("They"), is_pronoun_like("it"), is_pronoun_like("Iraqi forces")
    (True, True, False)
    """
    return _key(text).strip(_EDGE_PUNCT) in PRONOUNS


def country_code(text: str, *, lexicon: ActorLexicon | None = None) -> str | None:
    """The ISO alpha-3 code a country name, demonym, capital or known group points to.

    >>> country_code("Iraqi"), country_code("U.S."), country_code("Kabul"), country_code("Houthis")
    ('IRQ', 'USA', 'AFG', 'YEM')
    """
    lex = lexicon or load_lexicon()
    words = [w for w in _tokens(text) if w != "'s"]
    while words and words[0].casefold() in DETERMINERS:
        words = words[1:]
    if not words:
        return None
    for table in ("country", "capital", "named"):
        value = lex.lookup(table, words)
        if isinstance(value, str):
            return value
        if isinstance(value, _Named):
            return value.country
    return None


def country_name(code: str, *, lexicon: ActorLexicon | None = None) -> str | None:
    """The short name used in actor names for an ISO alpha-3 code.

    >>> country_name("USA"), country_name("XYZ")
    ('United States', None)
    """
    return (lexicon or load_lexicon()).country_names.get(code)


def document_country(
    mentions: Iterable[str] | Mapping[str, int],
    *,
    place_country: Callable[[str], str | None] | None = None,
    lexicon: ActorLexicon | None = None,
) -> str | None:
    """The article's main country: the most frequent country among its place and group mentions.

    Parameters
    ----------
    mentions
        Texts of the document's GPE / NORP / LOC entities (or any place, demonym and
        group names), repeated as often as they occur, or a mapping text -> count.
    place_country
        Looks up what the lexicon does not know (cities, provinces), e.g. a gazetteer.

    Returns
    -------
    str or None
        ISO alpha-3 code; ties go to the country mentioned first.

    Examples
    --------
    >>> document_country(["Fallujah", "Iraqi", "ISIS", "Iraq", "U.S.", "Iranian", "Baghdad"])
    'IRQ'
    >>> document_country({"Herat": 2}, place_country={"Herat": "AFG"}.get)
    'AFG'
    >>> document_country([]) is None
    True
    """
    lex = lexicon or load_lexicon()
    items = mentions.items() if isinstance(mentions, Mapping) else ((m, 1) for m in mentions)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for text, n in items:
        if not isinstance(text, str) or not text.strip():
            continue
        code = country_code(text, lexicon=lex)
        if code is None and place_country is not None:
            code = place_country(text.strip())
        if code:
            counts[code] += n
            first.setdefault(code, len(first))
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))
