"""The theme codebook: a TOML data file, loaded, validated and compiled to stem patterns.

The shipped codebook is ``discourse/data/codebook.toml`` (its header documents the format);
a researcher may pass their own file. Loading checks every field and raises
``CodebookError`` naming the file, the theme and the field, so a typo never silently turns
a theme off. Terms are compiled here, once, into ``Pattern``s of Snowball stems that
``discourse.analyse.themes`` matches against sentences.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from discourse.analyse.sentences import stem, word_tokens
from discourse.errors import CodebookError
from discourse.resources import read_data_bytes

SHIPPED_SOURCE = "discourse/data/codebook.toml"
_THEME_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_TOP_KEYS = frozenset({"id", "version", "description", "themes"})
_THEME_KEYS = frozenset({"label", "definition", "core", "words", "phrases", "exclude", "rules"})
_RULE_KEYS = frozenset({"name", "terms", "context", "unless", "window"})


@dataclass(frozen=True, slots=True)
class Pattern:
    """A codebook term compiled for matching.

    ``keys`` holds one entry per word: the word's Snowball stem, or ``"=word"`` when the
    codebook asked for that exact word form (``"=morale"`` must not match "moral").
    """

    text: str
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """A way to find a theme: terms, and the company they must (``context``) or must not
    (``unless``) keep within ``window`` words. Words and phrases are rules without company.

    ``name`` is the evidence label: ``word:<term>``, ``phrase:<term>`` or ``rule:<name>``.
    """

    name: str
    terms: tuple[Pattern, ...]
    context: tuple[Pattern, ...] = ()
    unless: tuple[Pattern, ...] = ()
    window: int = 0


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme of the codebook, as written in the file and compiled to rules."""

    id: str
    label: str
    definition: str
    core: bool
    words: tuple[str, ...]
    phrases: tuple[str, ...]
    exclude: tuple[Pattern, ...]
    rules: tuple[Rule, ...]

    @property
    def context_rules(self) -> tuple[Rule, ...]:
        """The named context rules (the words and phrases are the other rules)."""
        return tuple(rule for rule in self.rules if rule.name.startswith("rule:"))


@dataclass(frozen=True, slots=True)
class Codebook:
    """A loaded codebook: identity for the manifest, and its themes in file order."""

    id: str
    version: str
    sha256: str
    source: str
    description: str
    themes: tuple[Theme, ...]

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(theme.id for theme in self.themes)

    def theme(self, theme_id: str) -> Theme:
        """Return the theme with this id.

        Raises:
            KeyError: no such theme.
        """
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)


def compile_term(term: str) -> tuple[str, ...]:
    """Compile a written term to match keys: stems, or ``=word`` for exact words.

    Args:
        term: a word or phrase as written in the codebook (``"=morale"``, ``"box-ticking"``).

    Returns:
        One key per word; empty if the term has no word in it.

    Example:
        >>> compile_term("Bullying culture")
        ('bulli', 'cultur')
        >>> compile_term("=morale")
        ('=morale',)
    """
    keys: list[str] = []
    for part in term.split():
        exact = part.startswith("=")
        for word in word_tokens(part[1:] if exact else part):
            keys.append(f"={word}" if exact else stem(word))
    return tuple(keys)


class _Reader:
    """Validates one codebook table, naming the file, theme and field in every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> CodebookError:
        return CodebookError(f"{where}: {message}", path=self.source)

    def text(self, table: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
        value = table.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}, field '{key}'", "must be a non-empty string")
        return value.strip()

    def terms(
        self, table: dict[str, Any], key: str, where: str, *, single: bool = False
    ) -> tuple[tuple[str, Pattern], ...]:
        value = table.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}, field '{key}'", "must be a list of strings")
        compiled: list[tuple[str, Pattern]] = []
        for position, term in enumerate(value, start=1):
            item = f"{where}, field '{key}' item {position}"
            if not isinstance(term, str):
                raise self.fail(item, f"must be a string, got {term!r}")
            keys = compile_term(term)
            if not keys:
                raise self.fail(item, f"{term!r} has no word in it")
            if single and len(keys) > 1:
                raise self.fail(item, f"{term!r} is several words: list it under 'phrases'")
            compiled.append((term, Pattern(term, keys)))
        return tuple(compiled)

    def unknown_keys(self, table: dict[str, Any], allowed: frozenset[str], where: str) -> None:
        extra = sorted(set(table) - allowed)
        if extra:
            raise self.fail(
                where, f"unknown field '{extra[0]}' (expected one of {', '.join(sorted(allowed))})"
            )

    def rule(self, table: Any, where: str) -> Rule:
        if not isinstance(table, dict):
            raise self.fail(where, "must be a table with name, terms, context/unless, window")
        self.unknown_keys(table, _RULE_KEYS, where)
        name = self.text(table, "name", where)
        where = f"{where} ('{name}')"
        terms = self.terms(table, "terms", where)
        context = self.terms(table, "context", where)
        unless = self.terms(table, "unless", where)
        if not terms:
            raise self.fail(f"{where}, field 'terms'", "must list at least one term")
        if not context and not unless:
            raise self.fail(where, "needs 'context' or 'unless' (else list the terms as words)")
        window = table.get("window")
        if not isinstance(window, int) or isinstance(window, bool) or window < 1:
            raise self.fail(f"{where}, field 'window'", "must be a whole number of words >= 1")
        return Rule(
            name=f"rule:{name}",
            terms=tuple(pattern for _, pattern in terms),
            context=tuple(pattern for _, pattern in context),
            unless=tuple(pattern for _, pattern in unless),
            window=window,
        )

    def theme(self, theme_id: str, table: Any) -> Theme:
        where = f"theme '{theme_id}'"
        if not _THEME_ID.match(theme_id):
            raise self.fail(where, "id must be lower case letters, digits and _ (a letter first)")
        if not isinstance(table, dict):
            raise self.fail(where, "must be a table")
        self.unknown_keys(table, _THEME_KEYS, where)
        core = table.get("core")
        if not isinstance(core, bool):
            raise self.fail(f"{where}, field 'core'", "must be true or false")
        words = self.terms(table, "words", where, single=True)
        phrases = self.terms(table, "phrases", where)
        exclude = self.terms(table, "exclude", where)
        raw_rules = table.get("rules", [])
        if not isinstance(raw_rules, list):
            raise self.fail(f"{where}, field 'rules'", "must be an array of tables [[...rules]]")
        rules = [Rule(f"word:{term}", (pattern,)) for term, pattern in words]
        rules += [Rule(f"phrase:{term}", (pattern,)) for term, pattern in phrases]
        rules += [
            self.rule(rule, f"{where}, rule {position}")
            for position, rule in enumerate(raw_rules, start=1)
        ]
        if not rules:
            raise self.fail(where, "has no words, phrases or rules: nothing could find it")
        return Theme(
            id=theme_id,
            label=self.text(table, "label", where),
            definition=self.text(table, "definition", where),
            core=core,
            words=tuple(term for term, _ in words),
            phrases=tuple(term for term, _ in phrases),
            exclude=tuple(pattern for _, pattern in exclude),
            rules=tuple(rules),
        )


def parse_codebook(data: bytes, source: str) -> Codebook:
    """Validate and compile a codebook from the bytes of a TOML file.

    Args:
        data: the file's bytes (hashed as they are, for the manifest).
        source: the file's name, used in every error message.

    Returns:
        The compiled codebook.

    Raises:
        CodebookError: the file is not UTF-8 TOML, or a field is missing or malformed; the
            message names the file, the theme and the field.
    """
    reader = _Reader(source)
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CodebookError("not UTF-8 text", path=source) from error
    except tomllib.TOMLDecodeError as error:
        raise CodebookError(f"not valid TOML: {error}", path=source) from error
    reader.unknown_keys(table, _TOP_KEYS, "top level")
    themes = table.get("themes")
    if not isinstance(themes, dict) or not themes:
        raise reader.fail("field 'themes'", "needs at least one [themes.<id>] table")
    return Codebook(
        id=reader.text(table, "id", "top level"),
        version=reader.text(table, "version", "top level"),
        sha256=hashlib.sha256(data).hexdigest(),
        source=source,
        description=reader.text(table, "description", "top level", required=False),
        themes=tuple(reader.theme(theme_id, value) for theme_id, value in themes.items()),
    )


@cache
def _load(path: Path | None) -> Codebook:
    if path is None:
        return parse_codebook(read_data_bytes("codebook.toml"), SHIPPED_SOURCE)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CodebookError(f"cannot read: {error.strerror}", path=path) from error
    return parse_codebook(data, str(path))


def load_codebook(path: Path | None = None) -> Codebook:
    """Load a codebook, once per file per process.

    Args:
        path: a researcher's codebook TOML; ``None`` for the shipped one.

    Returns:
        The validated, compiled codebook (``id``, ``version`` and ``sha256`` of the bytes
        identify it in a report's manifest).

    Raises:
        CodebookError: the file is missing, unreadable or malformed (names file, theme, field).

    Example:
        >>> load_codebook().theme("pay").core
        True
    """
    return _load(path)


def describe_rule(rule: Rule) -> str:
    """One line for ``discourse codebook``: the rule's terms and the company they need."""
    text = ", ".join(pattern.text for pattern in rule.terms)
    if rule.context:
        text += f" | with {_listing(rule.context)} within {rule.window} words"
    if rule.unless:
        text += f" | unless {_listing(rule.unless)} within {rule.window} words"
    return text


def _listing(patterns: Sequence[Pattern]) -> str:
    return "/".join(pattern.text for pattern in patterns)


def format_codebook(codebook: Codebook) -> str:
    """The codebook as text for a reader: identity, then each theme's definition and terms.

    Args:
        codebook: a loaded codebook.

    Returns:
        Lines ready to print (``discourse codebook``).
    """
    lines = [
        f"codebook {codebook.id} version {codebook.version}",
        f"source {codebook.source}",
        f"sha256 {codebook.sha256}",
    ]
    if codebook.description:
        lines.append(codebook.description)
    for theme in codebook.themes:
        lines += ["", f"{theme.id}: {theme.label} ({'core' if theme.core else 'extended'})"]
        lines.append(f"  definition: {theme.definition}")
        if theme.words:
            lines.append(f"  words (by stem): {', '.join(theme.words)}")
        if theme.phrases:
            lines.append(f"  phrases: {', '.join(theme.phrases)}")
        for rule in theme.context_rules:
            lines.append(f"  {rule.name}: {describe_rule(rule)}")
        if theme.exclude:
            lines.append(f"  not counted: {', '.join(p.text for p in theme.exclude)}")
    return "\n".join(lines)
