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
import tomllib
from dataclasses import replace
from functools import cache

from discourse.errors import DiscourseError
from discourse.model import Article, Comment
from discourse.resources import read_data_text

PSEUDONYM_PREFIX = "Commenter"

_CUES_FILE = "commenter_cues.toml"
_WORD = re.compile(r"[\w'’]+")


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
    table = tomllib.loads(read_data_text(_CUES_FILE)).get("authors", {})
    words = table.get("generic_words")
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise DiscourseError(
            "[authors] generic_words must be a list of strings",
            path=f"discourse/data/{_CUES_FILE}",
        )
    return frozenset(word.casefold() for word in words)


def _is_generic(words: list[str], generic: frozenset[str]) -> bool:
    return all(word.casefold() in generic or word.isdigit() for word in words)


def _name_pattern(authors: dict[str, tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """Build one regex for the names to mask in an article and the lookup of replacements.

    Args:
        authors: key → (name as printed, pseudonym) for the article's commenters.

    Returns:
        The compiled alternation (longest names first, whole words only) and a map from the
        case-folded matched text to its pseudonym.
    """
    lookup: dict[str, str] = {}
    # Single words are matched as written or capitalised, never in any case: "Mark" the
    # commenter is masked, "mark" the verb is not. Names of several words match in any case.
    spellings: dict[str, set[str]] = {}
    first_words: dict[str, set[str]] = {}
    generic = generic_words()
    named: list[tuple[str, list[str], str]] = []  # the authors whose names are masked
    for key, (name, alias) in authors.items():
        words = _WORD.findall(name)
        if len(words) > 1:
            first_words.setdefault(words[0].casefold(), set()).add(key)
        if words and not _is_generic(words, generic):
            named.append((key, words, alias))

    def add(words: list[str], alias: str) -> None:
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
    alternatives = []
    for folded in sorted(lookup, key=len, reverse=True):  # longest first: full before first
        if folded in spellings:
            alternatives.append("|".join(re.escape(s) for s in sorted(spellings[folded])))
        else:
            # Words of a name may be separated by any whitespace in the text.
            parts = (re.escape(word) for word in folded.split())
            alternatives.append(r"(?i:" + r"\s+".join(parts) + ")")
    if not alternatives:
        return re.compile(r"(?!x)x"), lookup
    pattern = re.compile(r"(?<![\w'’])(?:" + "|".join(alternatives) + r")(?!\w)")
    return pattern, lookup


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
    pattern, lookup = _name_pattern(authors)
    if not lookup:  # descriptive author names only ("Reader 12"): nothing to mask
        masked = [comment.paragraphs for comment in article.comments]
        return replace(article, comments=_renamed(article.comments, aliases, masked))

    def mask(text: str) -> str:
        return pattern.sub(lambda m: lookup[" ".join(m.group(0).split()).casefold()], text)

    masked = [tuple(map(mask, comment.paragraphs)) for comment in article.comments]
    dropped = tuple(replace(line, text=mask(line.text)) for line in article.dropped)
    warnings = tuple(mask(warning) for warning in article.warnings)
    return replace(
        article,
        comments=_renamed(article.comments, aliases, masked),
        dropped=dropped,
        warnings=warnings,
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
