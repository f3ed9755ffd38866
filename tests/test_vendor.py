"""NLTK's code kept in ``discourse/vendor/`` against NLTK itself, and runs that never import it.

NLTK is a test dependency for these checks only. The English Snowball stemmer must give
NLTK's stems, and Punkt NLTK's spans, on every word and paragraph of the fixture pages (the
seed pages among them), the codebook's terms and generated text. Punkt is checked twice:

* against NLTK as installed (since 3.10 its patterns run on the third-party ``regex``
  engine), on text without the characters where ``regex`` and ``re`` disagree;
* against NLTK's own code with its patterns compiled by ``re``, on any text at all: the
  vendored algorithm is NLTK's, and only the engine differs.

Where the engines disagree is pinned by ``test_where_re_and_regex_disagree`` and listed in
``discourse/vendor/punkt.py``'s docstring.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex
from conftest import FIXTURES, SEEDS, packages_left_imported
from hypothesis import example, given, settings
from hypothesis import strategies as st
from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import punkt as nltk_punkt

from discourse.analyse.sentences import _BLOCK_SEPARATOR, WORD, _parameters
from discourse.ingest import load_file
from discourse.ingest.decode import read_text
from discourse.resources import read_data_text
from discourse.vendor import punkt
from discourse.vendor.snowball import EnglishStemmer

PAGES = sorted(path for path in FIXTURES.rglob("*") if path.is_file())

# ---------------------------------------------------------------------------------- stemmer

VENDORED_STEM = EnglishStemmer().stem
NLTK_STEM = SnowballStemmer("english").stem


def _page_words() -> set[str]:
    words: set[str] = set()
    for path in PAGES:
        text = read_text(path).text
        # The theme matcher's words (``WORD``), with curly and straight apostrophes, and every
        # white-space token as well: the stemmer must agree on punctuation, digits and capitals.
        words.update(match.group().lower() for match in WORD.finditer(text))
        words.update(match.group().lower().replace("’", "'") for match in WORD.finditer(text))
        words.update(text.split())
    return words


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _codebook_words() -> set[str]:
    codebook = tomllib.loads(read_data_text("codebook.toml"))
    words: set[str] = set()
    for text in _strings(codebook["themes"]):
        words.update(match.group().lower() for match in WORD.finditer(text))
    return words


def test_page_words_stem_as_nltk_stems_them() -> None:
    words = _page_words()
    assert len(words) > 1500
    assert {word: VENDORED_STEM(word) for word in words} == {
        word: NLTK_STEM(word) for word in words
    }


def test_codebook_words_stem_as_nltk_stems_them() -> None:
    words = _codebook_words()
    assert {"bullying", "harassment", "caseloads", "managerialism"} <= words
    assert {word: VENDORED_STEM(word) for word in words} == {
        word: NLTK_STEM(word) for word in words
    }


# Every suffix the English algorithm tests for, and prefixes with its special cases, so that
# generated words reach each step's branches rather than only random letters.
# fmt: off
SUFFIXES = st.sampled_from([
    "", "'s'", "'s", "'", "’s", "sses", "ied", "ies", "us", "ss", "s", "eedly", "ingly", "edly",
    "eed", "ing", "ed", "ization", "ational", "fulness", "ousness", "iveness", "tional",
    "biliti", "lessli", "entli", "ation", "alism", "aliti", "ousli", "iviti", "fulli", "enci",
    "anci", "abli", "izer", "ator", "alli", "bli", "ogi", "logi", "li", "alize", "icate",
    "iciti", "ative", "ical", "ness", "ful", "ement", "ance", "ence", "able", "ible", "ment",
    "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "sion", "tion", "al", "er",
    "ic", "e", "l", "ll", "y", "ly", "at", "bl", "iz", "bb", "tt", "ying",
])
PREFIXES = st.sampled_from([
    "", "", "gener", "commun", "arsen", "y", "'", "’", "sky", "proceed", "exceed", "succeed",
])
# fmt: on
LETTERS = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz'’‘‛éèëïöüçñæøå"))


@settings(max_examples=1500, deadline=None)
@given(st.tuples(PREFIXES, LETTERS, SUFFIXES).map("".join))
@example("bullying")
@example("generational")
@example("'yes'")
def test_generated_words_stem_as_nltk_stems_them(word: str) -> None:
    assert VENDORED_STEM(word) == NLTK_STEM(word)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30))
def test_any_string_stems_as_nltk_stems_it(text: str) -> None:
    # The stemmer uses no regular expression: it agrees with NLTK on every string.
    assert VENDORED_STEM(text) == NLTK_STEM(text)


# ------------------------------------------------------------------------------------ Punkt


@cache
def _vendored() -> punkt.PunktSentenceTokenizer:
    abbrevs, starters = _parameters()
    params = punkt.PunktParameters()
    params.abbrev_types = set(abbrevs)
    params.sent_starters = set(starters)
    return punkt.PunktSentenceTokenizer(params)


def _nltk_params() -> Any:
    abbrevs, starters = _parameters()
    params = nltk_punkt.PunktParameters()
    params.abbrev_types = set(abbrevs)
    params.sent_starters = set(starters)
    return params


@cache
def _nltk() -> Any:
    """NLTK's Punkt as installed, with the shipped parameters."""
    return nltk_punkt.PunktSentenceTokenizer(_nltk_params())


class _ReLanguageVars(nltk_punkt.PunktLanguageVars):
    """NLTK's language variables with NLTK's patterns compiled by ``re``, not ``nltk.redos``."""

    re_boundary_realignment = re.compile(
        nltk_punkt.PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        return re.compile(
            self._word_tokenize_fmt
            % {
                "NonWord": self._re_non_word_chars,
                "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start,
            },
            re.UNICODE | re.VERBOSE,
        )

    def period_context_re(self) -> re.Pattern[str]:
        return re.compile(
            self._period_context_fmt
            % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
            re.UNICODE | re.VERBOSE,
        )


class _ReToken(nltk_punkt.PunktToken):
    """NLTK's token with NLTK's patterns compiled by ``re``."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(nltk_punkt.PunktToken._RE_ELLIPSIS.pattern)
    _RE_NUMERIC = re.compile(nltk_punkt.PunktToken._RE_NUMERIC.pattern)
    _RE_INITIAL = re.compile(nltk_punkt.PunktToken._RE_INITIAL.pattern, re.UNICODE)
    _RE_ALPHA = re.compile(nltk_punkt.PunktToken._RE_ALPHA.pattern, re.UNICODE)


@cache
def _nltk_on_re() -> Any:
    """NLTK's Punkt code, as installed, running its patterns on ``re``."""
    return nltk_punkt.PunktSentenceTokenizer(
        _nltk_params(), lang_vars=_ReLanguageVars(), token_cls=_ReToken
    )


def _paragraphs() -> list[str]:
    """Every block of every fixture file, the files whole, and every paragraph ingest makes."""
    paragraphs: list[str] = []
    for path in PAGES:
        text = read_text(path).text
        paragraphs.append(text)
        paragraphs += _BLOCK_SEPARATOR.split(text)
        for article in load_file(path):
            paragraphs += [block.text for block in article.body]
            paragraphs += [text for comment in article.comments for text in comment.paragraphs]
    return [paragraph for paragraph in dict.fromkeys(paragraphs) if paragraph.strip()]


def test_the_fixtures_hold_the_seed_pages() -> None:
    # The seed pages (also /work/shared/seeds/ on the development machine, byte for byte)
    # are fixture pages, so the paragraph tests below cover them.
    assert set(SEEDS) <= set(PAGES)


def test_fixture_paragraphs_split_as_nltk_splits_them() -> None:
    paragraphs = _paragraphs()
    assert len(paragraphs) > 200
    for paragraph in paragraphs:
        spans = list(_vendored().span_tokenize(paragraph))
        assert spans == list(_nltk().span_tokenize(paragraph)), paragraph
        unaligned = list(_vendored().span_tokenize(paragraph, realign_boundaries=False))
        assert unaligned == list(_nltk().span_tokenize(paragraph, realign_boundaries=False))


def _engines_agree(char: str) -> bool:
    """Whether ``re`` and ``regex`` class ``char`` alike (the only classes Punkt's use)."""
    return all(
        (re.match(pattern, char) is None) == (regex.match(pattern, char) is None)
        for pattern in (r"\s", r"\w", r"\d")
    )


def _capitalised(word: str, case: int) -> str:
    return (word, word.capitalize(), word.upper())[case]


# Pieces that reach every branch of Punkt's decision: the shipped abbreviations and sentence
# starters in any case, initials, numbers of each shape its "##number##" type takes,
# ellipses, quotes and brackets on either side of a mark, repeated and mixed marks, lower-case
# starts, hyphens and punctuation its word tokenizer treats apart.
# fmt: off
WORDS = st.sampled_from([
    "word", "Caseloads", "managers", "the", "The", "and", "But", "i", "I", "a", "café", "Überall",
    "naïve", "it’s", "don't", "decision-making", "well-no", "1990s", "covid19", "Ofsted", "x",
])
NUMBERS = st.sampled_from([
    "3", "3.5", "27.5%", "2019", "£3m", "£3.5", "1,000", "-2", ".5", ",5", "10.", "19-20", "4th",
    "8.4%", "3.5.", "2019.", "-3.", "1.2.3", "٣", "٣.",
])
MARKS = st.sampled_from([
    ".", ".", ".", "?", "!", "?!", "!?", "!!", "!!!", "...", "..", "….", "…", ". . .", ". .", "--",
    "-", ",", ";", ":", "*", "@", "&", "#", "`", ".,", ".;", ".:", ".)", ".”", ".’", '."', ".'",
    ".»", "?”", "!)", ".]", ".}", ".(", ".“", ".--", "?--",
])
QUOTES = st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "«", "»", "(", ")", "[", "]", "{", "}", "”)", "“(", "')",
])
GAPS = st.sampled_from([
    "", " ", " ", " ", " ", "  ", "\n", "\n\n", "\n \n", "\t", "\xa0", "\u2003", " \n ", "\r\n",
    "\x0b", "\x0c", "\u2028", "\x85",
])
# fmt: on
# Any other character on which the two engines agree (the text of a foreign page, emoji).
AGREED = st.characters(exclude_categories=("Cs",)).filter(_engines_agree)


@st.composite
def abbreviations(draw: st.DrawFn) -> str:
    abbrevs, _ = _parameters()
    word = draw(st.sampled_from(sorted(abbrevs)))
    # Punkt also takes the last part of a hyphenated word for an abbreviation ("ex-Cllr.").
    hyphenated = draw(st.sampled_from(["", "", "", "ex-", "well-", "3-", "-"]))
    ending = draw(st.sampled_from([".", ".", ""]))
    return hyphenated + _capitalised(word, draw(st.integers(0, 2))) + ending


@st.composite
def starters(draw: st.DrawFn) -> str:
    _, sent_starters = _parameters()
    return _capitalised(draw(st.sampled_from(sorted(sent_starters))), draw(st.integers(0, 2)))


@st.composite
def initials(draw: st.DrawFn) -> str:
    letters = draw(st.lists(st.sampled_from("ABCJKSUXaegijmpsxÉé"), min_size=1, max_size=3))
    return ".".join(letters) + draw(st.sampled_from([".", ".", ""]))


def _texts(extra: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(WORDS, abbreviations(), starters(), initials(), NUMBERS, MARKS, QUOTES, extra)
    parts = st.lists(st.tuples(piece, GAPS), min_size=1, max_size=40)
    lead = st.sampled_from(["", "", "", " ", "\n", "\n\n  ", "\t"])
    return st.tuples(lead, parts).map(
        lambda drawn: drawn[0] + "".join(piece + gap for piece, gap in drawn[1])
    )


@settings(max_examples=1000, deadline=None)
@given(_texts(st.text(AGREED, min_size=1, max_size=3)))
@example("Costs rose by £3.5 million. the rest. Dr. Jones. J. K. Smith said “no.” Then… what?!")
@example("He said (“wait.”) Then. . . nothing -- really!! OK.")
def test_generated_text_splits_as_nltk_splits_it(text: str) -> None:
    vendored = _vendored()
    assert list(vendored.span_tokenize(text)) == list(_nltk().span_tokenize(text))
    unaligned = list(vendored.span_tokenize(text, realign_boundaries=False))
    assert unaligned == list(_nltk().span_tokenize(text, realign_boundaries=False))


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=60), _texts(st.text(min_size=1, max_size=3))))
@example("Costs rose by ½. the rest")
@example("It ended.\x1cNext one.")
def test_any_text_splits_as_nltks_code_on_re_splits_it(text: str) -> None:
    # Any character, those where the engines disagree included: the vendored code is NLTK's
    # code with its patterns on ``re``.
    assert list(_vendored().span_tokenize(text)) == list(_nltk_on_re().span_tokenize(text))


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # "½." is an initial to ``re`` ("½" is \w, not \d), so no break before a lower-case
        # word; ``regex`` does not count "½" as \w, so NLTK 3.10.4 breaks: [(0, 16), (17, 25)].
        ("Costs rose by ½. the rest", [(0, 25)]),
        # And the other way round for a combining mark or a circled letter, which are \w to
        # ``regex`` only: NLTK 3.10.4 gives one sentence, [(0, 15)] and [(0, 18)].
        ("Ask \u0301. the rest", [(0, 6), (7, 15)]),
        ("Grade Ⓐ. then more", [(0, 8), (9, 18)]),
        # U+001C to U+001F are white space to ``re`` only: NLTK 3.10.4 sees no boundary in
        # "ended.\x1cNext" ([(0, 19)]) and starts the next sentence at "\x1cNext" ([(0, 9),
        # (10, 20)]).
        ("It ended.\x1cNext one.", [(0, 9), (10, 19)]),
        ("It ended. \x1cNext one.", [(0, 9), (11, 20)]),
    ],
)
def test_where_re_and_regex_disagree(text: str, spans: list[tuple[int, int]]) -> None:
    # The vendored Punkt answers as NLTK's code does on ``re`` (NLTK before 3.10, or 3.10.4's
    # code with its patterns on ``re``), which is not what NLTK 3.10.4 answers here.
    assert list(_vendored().span_tokenize(text)) == spans
    assert list(_nltk_on_re().span_tokenize(text)) == spans


# ------------------------------------------------------------------------------ no NLTK


def test_analyse_never_imports_nltk(tmp_path: Path) -> None:
    # A fresh interpreter: this test process has imported NLTK for the comparisons above.
    code = (
        "import contextlib, io\n"
        "from discourse.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        f"        main(['analyse', {str(FIXTURES)!r}, '--out', {str(tmp_path)!r}])\n"
        "    except SystemExit as stop:\n"
        "        assert not stop.code, stop.code\n"
    )
    assert packages_left_imported(code, ("nltk",)) == []
    assert (tmp_path / "sentences.csv").stat().st_size > 1000  # the run did split sentences
