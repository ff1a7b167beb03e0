"""An indexed matcher for spaCy's ``attribute_ruler``: the same matches, found by dictionary look-up.

The stock :class:`~spacy.pipeline.AttributeRuler` tests every token against every
pattern with spaCy's general :class:`~spacy.matcher.Matcher`. The English pipelines'
rulers hold about 180 patterns that each test one token's ``TAG``, ``LOWER`` or
``DEP``: that test is one tenth of the whole pipeline's time. :func:`index_attribute_ruler`
gives such a ruler a ``match`` method that looks candidate patterns up by the token's
lowercase form, tag, dependency or flag, checks only those, and returns exactly the stock method's
list; spaCy's own ``set_annotations`` then writes the attributes as before. Rulers
whose patterns use anything the index cannot check exactly (operators, other
attributes or predicates) are left as they are.

Nothing here imports spaCy at import time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["index_attribute_ruler"]

#: Token attributes a pattern may test with strings, as their ids in :mod:`spacy.attrs`.
STRING_ATTRS: dict[str, str] = {
    "ORTH": "ORTH",
    "TEXT": "ORTH",
    "LOWER": "LOWER",
    "NORM": "NORM",
    "TAG": "TAG",
    "DEP": "DEP",
    "LEMMA": "LEMMA",
    "ENT_TYPE": "ENT_TYPE",
}

#: Token flags a pattern may test with ``True``/``False``.
FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER"})

#: Attributes whose values let the index find a pattern's candidates, most selective first.
ANCHORS = ("LOWER", "TAG", "DEP", *sorted(FLAG_ATTRS))

#: The marker left on an indexed ruler.
_MARK = "_conflict_kg_index"


#: A test of one attribute value (a string's hash, or a flag's 0/1).
_Test = Callable[[int], bool]


@dataclass(frozen=True)
class _Pattern:
    """One Matcher pattern of rule ``attr_id``: its length and its tests ``(token offset, column, test)``."""

    attr_id: int
    match_id: int
    length: int
    tests: tuple[tuple[int, int, _Test], ...]


class _Index:
    """The patterns of one ruler, findable by the first token's anchor value."""

    def __init__(self, ruler: Any, patterns: list[tuple[int, int, list[dict[str, Any]]]], strings: Any) -> None:
        import spacy.attrs

        self.ruler = ruler
        self.size = len(ruler.attrs)
        self.strings = strings
        names = sorted({STRING_ATTRS.get(a, a) for _, _, specs in patterns for spec in specs for a in spec})
        self.columns = [getattr(spacy.attrs, name) for name in names]
        column = {name: i for i, name in enumerate(names)}
        by_anchor: dict[str, dict[int, list[_Pattern]]] = {a: {} for a in ANCHORS if a in column}
        self.always: list[_Pattern] = []
        for attr_id, match_id, specs in patterns:
            anchor, values = next(
                ((a, found) for a in by_anchor if (found := self._anchor_values(specs[0], a)) is not None),
                (None, None),
            )
            tests = tuple(
                (k, column[STRING_ATTRS.get(attr, attr)], self._test(attr, value))
                for k, spec in enumerate(specs)
                for attr, value in spec.items()
                if not (k == 0 and attr == anchor)  # the index look-up has checked it
            )
            compiled = _Pattern(attr_id, match_id, len(specs), tests)
            if anchor is None:
                self.always.append(compiled)
                continue
            for value in values or ():
                by_anchor[anchor].setdefault(value, []).append(compiled)
        self.anchors = [(column[a], table) for a, table in by_anchor.items() if table]

    def _anchor_values(self, spec: dict[str, Any], attr: str) -> list[int] | None:
        """The values ``attr`` must have for a token to match ``spec``, if ``spec`` names them."""
        value = spec.get(attr)
        if isinstance(value, bool):
            return [int(value)]
        if isinstance(value, str):
            return [self.strings.add(value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [self.strings.add(v) for v in value["IN"]]
        return None

    def _test(self, attr: str, value: Any) -> _Test:
        if attr in FLAG_ATTRS:
            return int(bool(value)).__eq__
        if isinstance(value, str):
            return self.strings.add(value).__eq__
        if "IN" in value:
            return frozenset(self.strings.add(v) for v in value["IN"]).__contains__
        if "NOT_IN" in value:
            banned = frozenset(self.strings.add(v) for v in value["NOT_IN"])
            return lambda v: v not in banned
        return _regex_test(re.compile(value["REGEX"]), self.strings)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``AttributeRuler.match``: ``(attr_id, match_id, start, end)`` sorted, each once."""
        if len(self.ruler.attrs) != self.size:  # patterns were added since: index no more
            return type(self.ruler).match(self.ruler, doc)
        if not len(doc):
            return []
        array = doc.to_array(self.columns).reshape(len(doc), -1)
        rows: list[list[int]] = array.tolist()  # type: ignore[assignment]  # uint64 gives exact ints
        n = len(rows)
        found: set[tuple[int, int, int, int]] = set()
        for start, row in enumerate(rows):
            for column, table in self.anchors:
                candidates = table.get(row[column])
                if candidates:
                    _add_matches(found, candidates, rows, start, n)
            _add_matches(found, self.always, rows, start, n)
        return sorted(found)


def _add_matches(
    found: set[tuple[int, int, int, int]], candidates: list[_Pattern], rows: list[list[int]], start: int, n: int
) -> None:
    """Add the candidates that match at ``start``."""
    for pattern in candidates:
        end = start + pattern.length
        if end > n:
            continue
        for k, column, test in pattern.tests:
            if not test(rows[start + k][column]):
                break
        else:
            found.add((pattern.attr_id, pattern.match_id, start, end))


def _regex_test(regex: re.Pattern[str], strings: Any) -> _Test:
    """A REGEX predicate on a string's hash, remembering its answer per hash."""
    seen: dict[int, bool] = {}

    def test(value: int) -> bool:
        answer = seen.get(value)
        if answer is None:
            if len(seen) > 100_000:
                seen.clear()
            answer = seen[value] = regex.search(strings[value]) is not None
        return answer

    return test


def _supported(spec: Any) -> bool:
    """Whether the index checks this token pattern exactly as the Matcher does."""
    if not isinstance(spec, dict) or not spec:
        return False
    for attr, value in spec.items():
        if attr in FLAG_ATTRS:
            if not isinstance(value, bool):
                return False
        elif attr in STRING_ATTRS:
            if isinstance(value, str):
                continue
            if not isinstance(value, dict) or len(value) != 1:
                return False
            ((op, arg),) = value.items()
            if op in {"IN", "NOT_IN"}:
                if not isinstance(arg, list) or not all(isinstance(v, str) for v in arg):
                    return False
            elif op != "REGEX" or not isinstance(arg, str):
                return False
        else:
            return False  # an operator ("OP") or an attribute the index does not read
    return True


def index_attribute_ruler(nlp: Language) -> bool:
    """Give ``nlp``'s ``attribute_ruler`` an indexed ``match``; True when it has one.

    The annotations are unchanged (the test suite compares them with the stock
    ruler's); only the search for matching patterns is faster. A ruler that is
    missing, already indexed, or has a pattern the index cannot check exactly is
    left alone. Patterns added later make the ruler fall back to the stock search.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    if getattr(ruler, _MARK, False):
        return True
    attrs = getattr(ruler, "attrs", None)
    matcher = getattr(ruler, "matcher", None)
    if attrs is None or matcher is None:
        return False
    patterns: list[tuple[int, int, list[dict[str, Any]]]] = []
    for attr_id in range(len(attrs)):
        key = str(attr_id)
        found = matcher.get(key)
        if found is None:
            return False
        for specs in found[1]:
            if not specs or not all(_supported(spec) for spec in specs):
                return False
            patterns.append((attr_id, nlp.vocab.strings[key], specs))
    index = _Index(ruler, patterns, nlp.vocab.strings)
    ruler.match = index.match
    setattr(ruler, _MARK, True)
    return True
