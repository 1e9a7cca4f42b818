"""spaCy's attribute ruler, with the same patterns and the same result, in one pass over token arrays.

The English pipelines' ``attribute_ruler`` maps each fine tag to its part of speech and morphology
(and a few words to their lemma) with about 180 one- or two-token patterns. spaCy runs them
through its ``Matcher``, whose set and regex predicates are Python calls at every token: about an
eighth of the whole parse. Here the patterns are tried on the hashes of ``doc.to_array``, each
token against only the patterns its tag or its lowercase form can match, and the attributes are set
as spaCy sets them: per token, in the order of the patterns (``AttributeRuler.match`` sorts by
pattern, later patterns override earlier ones), with spaCy's own ``set_token_attrs``.

A pattern of another shape (another attribute, an operator, three tokens) leaves the whole ruler to
spaCy's ``Matcher``: ``ArrayAttributeRuler.compiled`` is None then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a pattern may test here, in the columns of ``doc.to_array``.
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")


@dataclass(frozen=True, slots=True)
class _Test:
    """One attribute of one token: equal to ``value``, in (or not in) ``values``, or matching ``regex``."""

    column: int
    value: int | None = None
    values: frozenset[int] | None = None
    negated: bool = False
    regex: re.Pattern[str] | None = None

    def passes(self, row: list[int], strings: Any) -> bool:
        found = row[self.column]
        if self.value is not None:
            return found == self.value
        if self.values is not None:
            return (found in self.values) != self.negated
        assert self.regex is not None
        return self.regex.search(strings[found]) is not None


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int  # the pattern's attributes, ``AttributeRuler.attrs[rule]``; a higher rule wins
    tokens: tuple[tuple[_Test, ...], ...]  # one or two tokens
    target: int  # which of them gets the attributes


# Distinct token rows (tag, lowercase form, dependency, space) remembered with the patterns they
# start; past this many the memory starts over.
MEMO_ROWS = 50_000


@dataclass(slots=True)
class CompiledRules:
    """The patterns, filed under the tag or lowercase form their first token needs (or ``anywhere``),
    with what each distinct token row starts: the one-token patterns' rules and the two-token patterns."""

    by_tag: dict[int, list[_Pattern]]
    by_lower: dict[int, list[_Pattern]]
    anywhere: list[_Pattern]
    attrs: list[dict[Any, Any]]
    starts: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[_Pattern, ...]]] = field(default_factory=dict)
    merged: dict[tuple[int, ...], dict[Any, Any]] = field(default_factory=dict)


def _test(attr: str, spec: Any) -> _Test | None:
    attr = attr.upper()
    if attr not in COLUMNS:
        return None
    column = COLUMNS.index(attr)
    if isinstance(spec, bool):
        return _Test(column, value=int(spec)) if attr == "IS_SPACE" else None
    if isinstance(spec, str):
        return _Test(column, value=get_string_id(spec)) if attr != "IS_SPACE" else None
    if not isinstance(spec, dict) or len(spec) != 1 or attr == "IS_SPACE":
        return None
    [(operator, argument)] = spec.items()
    if (
        operator in ("IN", "NOT_IN")
        and isinstance(argument, list)
        and all(isinstance(a, str) for a in argument)
    ):
        return _Test(column, values=frozenset(map(get_string_id, argument)), negated=operator == "NOT_IN")
    if operator == "REGEX" and isinstance(argument, str) and attr == "LOWER":
        return _Test(column, regex=re.compile(argument))
    return None


def _pattern(rule: int, tokens: list[dict[str, Any]], index: int) -> _Pattern | None:
    if not 1 <= len(tokens) <= 2 or not -len(tokens) <= index < len(tokens):
        return None
    compiled = []
    for token in tokens:
        tests = [_test(attr, spec) for attr, spec in token.items()]
        if not tests or any(test is None for test in tests):
            return None
        compiled.append(tuple(test for test in tests if test is not None))
    return _Pattern(rule, tuple(compiled), index % len(tokens))


def compile_rules(ruler: AttributeRuler) -> CompiledRules | None:
    """The ruler's patterns for ``apply``, or None when one of them is of a shape not handled here."""
    rules = CompiledRules({}, {}, [], list(ruler.attrs))
    for rule, index in enumerate(ruler.indices):
        found = ruler.matcher.get(str(rule))
        if found is None:
            return None
        on_match, patterns = found
        if on_match is not None:
            return None
        for tokens in patterns:
            pattern = _pattern(rule, tokens, index)
            if pattern is None:
                return None
            _file(rules, pattern)
    return rules


def _file(rules: CompiledRules, pattern: _Pattern) -> None:
    first = pattern.tokens[0]
    for column, table in ((0, rules.by_tag), (1, rules.by_lower)):
        test = next((t for t in first if t.column == column and not t.negated and t.regex is None), None)
        if test is not None:
            for key in (test.value,) if test.value is not None else test.values or ():
                table.setdefault(key, []).append(pattern)
            return
    rules.anywhere.append(pattern)


def apply(rules: CompiledRules, doc: Doc) -> None:
    """Set every matching pattern's attributes on its token, as ``AttributeRuler.__call__`` does."""
    if not len(doc):
        return
    rows: list[list[int]] = doc.to_array(list(COLUMNS)).tolist()
    strings = doc.vocab.strings
    if len(rules.starts) > MEMO_ROWS:
        rules.starts.clear()
    found: dict[int, tuple[int, ...]] = {}
    for i, row in enumerate(rows):
        key = tuple(row)
        starts = rules.starts.get(key)
        if starts is None:
            starts = rules.starts[key] = _starts(rules, row, strings)
        singles, pairs = starts
        if singles:
            # a two-token pattern started on the token before may have matched this one already
            found[i] = tuple(sorted({*found[i], *singles})) if i in found else singles
        for pattern in pairs:
            if i + 1 < len(rows) and all(test.passes(rows[i + 1], strings) for test in pattern.tokens[1]):
                target = i + pattern.target
                found[target] = tuple(sorted({*found.get(target, ()), pattern.rule}))
    for i, matched in found.items():
        attrs = rules.merged.get(matched)
        if attrs is None:
            attrs = rules.merged[matched] = _merged(rules, matched)
        set_token_attrs(doc[i], attrs)


def _starts(
    rules: CompiledRules, row: list[int], strings: Any
) -> tuple[tuple[int, ...], tuple[_Pattern, ...]]:
    """The rules of the one-token patterns a token row matches, and the two-token patterns it starts."""
    singles: set[int] = set()
    pairs: list[_Pattern] = []
    candidates = (*rules.by_tag.get(row[0], ()), *rules.by_lower.get(row[1], ()), *rules.anywhere)
    for pattern in candidates:
        if all(test.passes(row, strings) for test in pattern.tokens[0]):
            if len(pattern.tokens) == 1:
                singles.add(pattern.rule)
            else:
                pairs.append(pattern)
    return tuple(sorted(singles)), tuple(pairs)


def _merged(rules: CompiledRules, matched: tuple[int, ...]) -> dict[Any, Any]:
    """The attributes of the rules, later rules over earlier ones (each sets fields of its own)."""
    attrs: dict[Any, Any] = {}
    for rule in matched:
        attrs.update(rules.attrs[rule])
    return attrs


class ArrayAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that applies its patterns with ``apply`` when they all compile."""

    compiled: CompiledRules | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.compiled is None:
            return super().__call__(doc)
        try:
            apply(self.compiled, doc)
            return doc
        except Exception as error:
            return self.get_error_handler()(self.name, self, [doc], error)


@Language.factory("hearsay_attribute_ruler", default_config={"patterns": []})
def make_attribute_ruler(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> ArrayAttributeRuler:
    ruler = ArrayAttributeRuler(nlp.vocab, name)
    ruler.add_patterns(patterns)
    ruler.compiled = compile_rules(ruler)
    return ruler


def use_array_rules(nlp: Language) -> None:
    """Put ``ArrayAttributeRuler`` in place of the pipeline's ``attribute_ruler``, with its patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler) is not AttributeRuler or compile_rules(ruler) is None:
        return
    nlp.replace_pipe("attribute_ruler", "hearsay_attribute_ruler", config={"patterns": ruler.patterns})
