"""Pseudonymise commenters: stable ``Commenter N`` names across a corpus, masked in the text.

Commenters are members of the public (domain notes, section 8). Before any analysis, each
article's comment authors are replaced by corpus-wide pseudonyms numbered by order of first
appearance, and a commenter's name is masked where comments in the same article address them
("Couldnt agree more Dave." → "Couldnt agree more Commenter 1."). The pipeline applies this
in the main process, in input order, so the numbering does not depend on ``--jobs`` and no
later stage ever sees a real name unless the researcher keeps names explicitly.

What is masked, per article: every commenter's full name (in any letter case), and the first
word of a name used on its own when exactly one commenter of the article has that first word
(a first name shared by two commenters cannot be attributed, so it is left). A single word
(a first name, or a one-word author name such as "Mark") is masked as written or capitalised
only, so the verb "mark" survives. Descriptive
author names made only of common words ("Social Worker", "Anonymous") get a pseudonym but are
not masked in the text, where they are ordinary words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import accumulate, chain, islice

from discourse.errors import DiscourseError
from discourse.model import Article, Comment
from discourse.resources import read_data_toml

PSEUDONYM_PREFIX = "Commenter"

_CUES_FILE = "commenter_cues.toml"
_WORD = re.compile(r"[\w'’]+")
_ASCII_RUN = re.compile(r"[a-z0-9_']+")
# The characters that ``re``'s IGNORECASE matches to an ASCII letter or whose lower case is
# ASCII or longer than one character (dotted and dotless i, long s, Kelvin sign); the test
# suite derives the set from every code point of the running Python.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _key(author: str) -> str:
    """The identity of an author across articles: case and spacing do not matter."""
    return " ".join(author.split()).casefold()


class Pseudonyms:
    """A corpus-wide registry of pseudonyms, numbered by order of first appearance.

    One registry is used for a whole run, in input order, so "Commenter 3" is the same
    person in every article and every output of that run.

    Example:
        >>> names = Pseudonyms()
        >>> names.alias("Dave Stubbs"), names.alias("Mark"), names.alias("dave  stubbs")
        ('Commenter 1', 'Commenter 2', 'Commenter 1')
    """

    def __init__(self) -> None:
        self._aliases: dict[str, str] = {}

    def alias(self, author: str) -> str:
        """Return the author's pseudonym, registering the author on first appearance.

        Args:
            author: the name as printed; an empty name stays empty (nothing to hide, and
                unrelated anonymous comments must not be merged into one "person").

        Returns:
            ``"Commenter N"``.
        """
        key = _key(author)
        if not key:
            return ""
        alias = self._aliases.get(key)
        if alias is None:
            alias = f"{PSEUDONYM_PREFIX} {len(self._aliases) + 1}"
            self._aliases[key] = alias
        return alias

    def __len__(self) -> int:
        return len(self._aliases)


@cache
def generic_words() -> frozenset[str]:
    """The words of descriptive author names (``[authors]`` in the shipped cue file).

    Returns:
        The case-folded words.

    Raises:
        DiscourseError: the shipped file lacks a list of strings there.
    """
    table = read_data_toml(_CUES_FILE).get("authors", {})
    words = table.get("generic_words")
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise DiscourseError(
            "[authors] generic_words must be a list of strings",
            path=f"discourse/data/{_CUES_FILE}",
        )
    return frozenset(word.casefold() for word in words)


def _is_generic(words: Sequence[str], generic: frozenset[str]) -> bool:
    return all(word.casefold() in generic or word.isdigit() for word in words)


@dataclass(frozen=True, slots=True)
class _Alternative:
    """One name to mask in an article: its regex, and what any match of it must contain.

    A match holds one of ``spellings`` as written (a single word), or ``folded_run`` in the
    lower-cased text (a name of several words, matched in any case: its longest run of ASCII
    letters, digits, "_" and "'"; ``None`` if it has none).
    """

    source: str
    spellings: tuple[str, ...]
    folded_run: str | None


# Commenters recur from article to article, so what their names give is kept for the last
# few thousand names (bounded: a corpus of any size holds at most that many).
_NAMES_KEPT = 4096


@lru_cache(maxsize=_NAMES_KEPT)
def _name_words(name: str) -> tuple[tuple[str, ...], bool]:
    """The words of an author's name as printed, and whether they are masked in the text
    (a name at all, and not a descriptive one such as "Social Worker")."""
    words = tuple(_WORD.findall(name))
    return words, bool(words) and not _is_generic(words, generic_words())


@lru_cache(maxsize=_NAMES_KEPT)
def _written_alternative(spellings: frozenset[str]) -> _Alternative:
    """A single word, matched as written or capitalised."""
    written = tuple(sorted(spellings))
    return _Alternative("|".join(map(re.escape, written)), written, None)


@lru_cache(maxsize=_NAMES_KEPT)
def _any_case_alternative(folded: str) -> _Alternative:
    """A name of several words (case-folded), matched in any case; its words may be
    separated by any whitespace in the text."""
    source = r"(?i:" + r"\s+".join(map(re.escape, folded.split())) + ")"
    return _Alternative(source, (), max(_ASCII_RUN.findall(folded), key=len, default=None))


def _alternatives(authors: dict[str, tuple[str, str]]) -> tuple[list[_Alternative], dict[str, str]]:
    """The names to mask in an article, longest first, and the lookup of replacements.

    Args:
        authors: key → (name as printed, pseudonym) for the article's commenters.

    Returns:
        The alternatives of the article's name pattern (whole words only, see ``_pattern``)
        and a map from the case-folded matched text to its pseudonym.
    """
    lookup: dict[str, str] = {}
    # Single words are matched as written or capitalised, never in any case: "Mark" the
    # commenter is masked, "mark" the verb is not. Names of several words match in any case.
    spellings: dict[str, set[str]] = {}
    first_words: dict[str, set[str]] = {}
    generic = generic_words()
    named: list[tuple[str, tuple[str, ...], str]] = []  # the authors whose names are masked
    for key, (name, alias) in authors.items():
        words, masked = _name_words(name)
        if len(words) > 1:
            first_words.setdefault(words[0].casefold(), set()).add(key)
        if masked:
            named.append((key, words, alias))

    def add(words: Sequence[str], alias: str) -> None:
        folded = " ".join(words).casefold()
        lookup.setdefault(folded, alias)
        if len(words) == 1:
            word = words[0]
            spellings.setdefault(folded, set()).update({word, word[:1].upper() + word[1:]})

    for key, words, alias in named:
        add(words, alias)
        first = words[0]
        # A first name is masked only when it is a real word of a name (not an initial or a
        # number), not a common word, and belongs to this commenter alone in the article.
        if (
            len(words) > 1
            and len(first) > 1
            and first.isalpha()
            and first.casefold() not in generic
            and first_words[first.casefold()] == {key}
            and first.casefold() not in authors
        ):
            add([first], alias)
    alternatives = [
        _written_alternative(frozenset(spellings[folded]))
        if folded in spellings
        else _any_case_alternative(folded)
        for folded in sorted(lookup, key=len, reverse=True)  # longest first: full before first
    ]
    return alternatives, lookup


def _pattern(alternatives: Sequence[_Alternative]) -> re.Pattern[str]:
    """One regex for the alternatives, in their order, as whole words: what masking does."""
    return re.compile(r"(?<![\w'’])(?:" + "|".join(a.source for a in alternatives) + r")(?!\w)")


@lru_cache(maxsize=_NAMES_KEPT)
def _alone(alternative: _Alternative) -> re.Pattern[str]:
    """The regex of one name, as whole words (compiled once per name, not per article)."""
    return _pattern([alternative])


def _candidates(alternatives: list[_Alternative], texts: Sequence[str]) -> dict[int, list[int]]:
    """For each text where a name may occur, the ranks of the names that may occur in it.

    A name whose match must hold a string (``_Alternative``) can only occur in the texts
    holding that string, found by ``str.find`` over all the texts at once; a name with no
    such string, or text where lower case would not find its string, may occur anywhere.
    """
    anywhere = list(range(len(alternatives)))
    if any(a.folded_run is None and not a.spellings for a in alternatives):
        return dict.fromkeys(range(len(texts)), anywhere)
    joined = "\n".join(texts)
    lowered = ""
    if any(a.folded_run for a in alternatives):
        # Lower case finds an ASCII run at the same place as ``re``'s IGNORECASE does, unless
        # the text holds one of these characters.
        if any(char in joined for char in _FOLDS_TO_ASCII):
            return dict.fromkeys(range(len(texts)), anywhere)
        lowered = joined.lower()
    # ``ends[i]`` is where text ``i + 1`` starts in ``joined``.
    ends = list(accumulate(len(text) + 1 for text in texts))
    where: dict[int, list[int]] = {}
    for rank, alternative in enumerate(alternatives):
        searches = (
            [(lowered, alternative.folded_run)]
            if alternative.folded_run
            else [(joined, spelling) for spelling in alternative.spellings]
        )
        for haystack, needle in searches:
            at = haystack.find(needle)
            while at != -1:
                text = bisect_right(ends, at)
                ranks = where.setdefault(text, [])
                if not ranks or ranks[-1] != rank:
                    ranks.append(rank)
                at = haystack.find(needle, ends[text])
    return where


def _masked(
    text: str, ranks: list[int], alternatives: list[_Alternative], lookup: dict[str, str]
) -> str:
    """``text`` with names replaced, as ``_pattern(alternatives).sub`` replaces them.

    That regex takes the leftmost match, and there the first alternative that matches; so
    does this, from every match of each name that may occur in the text (overlapping ones
    included). Each name's regex is compiled once for the run (``_alone``): compiling the
    regex of an article's names, different for nearly every article, cost more than the rest
    of pseudonymising together.
    """
    found: list[tuple[int, int, int]] = []
    for rank in ranks:
        pattern = _alone(alternatives[rank])
        match = pattern.search(text)
        while match is not None:
            found.append((match.start(), rank, match.end()))
            match = pattern.search(text, match.start() + 1)
    if not found:
        return text
    found.sort()
    pieces = []
    at = 0
    for start, _, end in found:
        if start >= at:
            name = " ".join(text[start:end].split()).casefold()
            pieces += [text[at:start], lookup[name]]
            at = end
    pieces.append(text[at:])
    return "".join(pieces)


def pseudonymise(article: Article, names: Pseudonyms) -> Article:
    """Replace commenters' names by their pseudonyms in an article's comments.

    Authors are registered in comment order, so pseudonyms follow first appearance in the
    corpus when articles are passed in input order. Names are masked in the comments' text,
    in dropped lines (which may hold comment headers) and in parse warnings; the article's
    own body is journalism about public figures and is left as published.

    Args:
        article: the parsed article with real names.
        names: the run's registry (updated in place with new commenters).

    Returns:
        A new ``Article`` with pseudonymised authors and masked names.

    Example:
        >>> from discourse.model import Article, Comment
        >>> dave = Comment("c1", 1, None, 0, "Dave Stubbs", None, ("No voice.",))
        >>> mark = Comment("c2", None, "c1", 1, "Mark", None, ("Couldnt agree more Dave.",))
        >>> page = Article("p.txt", "T", None, None, None, None, (), (dave, mark), 2, (), (), ())
        >>> pseudonymise(page, Pseudonyms()).comments[1].paragraphs
        ('Couldnt agree more Commenter 1.',)
    """
    aliases = [names.alias(comment.author) for comment in article.comments]
    authors: dict[str, tuple[str, str]] = {}
    for comment, alias in zip(article.comments, aliases, strict=True):
        if alias:  # an author with a name: the first spelling met stands for the author
            authors.setdefault(_key(comment.author), (comment.author, alias))
    alternatives, lookup = _alternatives(authors)
    paragraphs = [comment.paragraphs for comment in article.comments]
    texts = [
        *chain.from_iterable(paragraphs),
        *(line.text for line in article.dropped),
        *article.warnings,
    ]
    where = _candidates(alternatives, texts) if alternatives else {}
    if not where:  # no name occurs (or only descriptive ones, "Reader 12"): nothing to mask
        return replace(article, comments=_renamed(article.comments, aliases, paragraphs))
    masked = [
        _masked(text, where[index], alternatives, lookup) if index in where else text
        for index, text in enumerate(texts)
    ]
    # The masked texts in the order of ``texts``: the comments' paragraphs, the dropped lines,
    # the warnings.
    in_order = iter(masked)
    paragraphs = [tuple(islice(in_order, len(c.paragraphs))) for c in article.comments]
    dropped = tuple(
        replace(line, text=text)
        for line, text in zip(article.dropped, islice(in_order, len(article.dropped)), strict=True)
    )
    return replace(
        article,
        comments=_renamed(article.comments, aliases, paragraphs),
        dropped=dropped,
        warnings=tuple(in_order),
    )


def _renamed(
    comments: tuple[Comment, ...], aliases: list[str], paragraphs: list[tuple[str, ...]]
) -> tuple[Comment, ...]:
    """The comments with their authors' pseudonyms and masked paragraphs.

    Built field by field: ``dataclasses.replace`` (which reads the fields by name and calls
    ``__init__`` with keywords) took a third of the time of `pseudonymise`.
    tests/test_privacy.py checks that every other field is kept.
    """
    return tuple(
        Comment(
            id=comment.id,
            number=comment.number,
            parent=comment.parent,
            depth=comment.depth,
            author=alias,
            posted=comment.posted,
            paragraphs=masked,
        )
        for comment, alias, masked in zip(comments, aliases, paragraphs, strict=True)
    )


__all__ = ["PSEUDONYM_PREFIX", "Pseudonyms", "pseudonymise"]
