"""Sentence splitting and word tokens: hard cases of news and comment text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discourse.analyse.sentences import (
    _block_spans,
    _glued_splits,
    _joined_abbreviations,
    _parameters,
    _plain_block_spans,
    _tokenizer,
    _trimmed,
    split_sentences,
    word_tokens,
)


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr Smith and Mr. Jones met. They talked.",
            ["Mr Smith and Mr. Jones met.", "They talked."],
        ),
        ("Dr. Jones agreed. Then she left.", ["Dr. Jones agreed.", "Then she left."]),
        ("The St. Helens team was praised.", ["The St. Helens team was praised."]),
        # Punkt's span_tokenize splits after an abbreviation when a quote closes the sentence.
        (
            "“They enjoy working for St. Helens.” Next.",
            ["“They enjoy working for St. Helens.”", "Next."],
        ),
        ("“Ask Dr. Patel.” She agreed.", ["“Ask Dr. Patel.”", "She agreed."]),
        ("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
        ("Some tools, e.g. this one, help.", ["Some tools, e.g. this one, help."]),
        ("One option, i.e. that one, remains.", ["One option, i.e. that one, remains."]),
        ("Forms, letters etc. and more. Done.", ["Forms, letters etc. and more.", "Done."]),
        ("Turnover reached 25.6% of staff.", ["Turnover reached 25.6% of staff."]),
        ("It spent £3.5 million on it. Ok.", ["It spent £3.5 million on it.", "Ok."]),
        (
            "Cllr. Smith said so. Prof. Green did too.",
            ["Cllr. Smith said so.", "Prof. Green did too."],
        ),
        ("social workers vs. managers again.", ["social workers vs. managers again."]),
        (
            "the caseloads are mad. nobody listens. managers dont care",
            ["the caseloads are mad.", "nobody listens.", "managers dont care"],
        ),
        ("Disgraceful!!!! Who is accountable?!", ["Disgraceful!!!!", "Who is accountable?!"]),
        (
            "Nobody listened.Next week it got worse.",
            ["Nobody listened.", "Next week it got worse."],
        ),
        ("I left in 2019.Then I came back.", ["I left in 2019.", "Then I came back."]),
        ("I don't know... maybe it will improve.", ["I don't know... maybe it will improve."]),
        ("I waited... The call never came.", ["I waited...", "The call never came."]),
        ("He said “it is bad.” Then he left.", ["He said “it is bad.”", "Then he left."]),
        ("She wrote ‘no way.’ They agreed.", ["She wrote ‘no way.’", "They agreed."]),
        ('He said "yes." Then nothing.', ['He said "yes."', "Then nothing."]),
        ("The answer is no. They left.", ["The answer is no.", "They left."]),
        (
            "It was done at 9 a.m. and finished by noon.",
            ["It was done at 9 a.m. and finished by noon."],
        ),
        ("Trained in the U.K. and abroad.", ["Trained in the U.K. and abroad."]),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_blank_lines_are_hard_boundaries_and_spans_point_into_text() -> None:
    text = "  First paragraph without a stop\n\nSecond one.  Third one!\n \n\nLast"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "First paragraph without a stop",
        "Second one.",
        "Third one!",
        "Last",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \t") == ()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_spans_on_the_seed_pages(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert len(sentences) > 20
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_word_tokens_lower_case_with_apostrophes() -> None:
    assert word_tokens("Box-ticking, isn’t it? The council's £3.5m") == [
        "box",
        "ticking",
        "isn't",
        "it",
        "the",
        "council's",
        "3",
        "5m",
    ]
    assert word_tokens("!!! ... --") == []


def test_splits_with_an_empty_nltk_data_folder(tmp_path: Path) -> None:
    # Nothing may depend on downloaded NLTK data: run in a fresh process whose NLTK_DATA is
    # an empty folder (and no home folder data either).
    code = (
        "from discourse.analyse.sentences import split_sentences\n"
        "print(len(split_sentences('Dr. Jones spoke. Staff left! Why?')))\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "3"


# Words and marks that exercise every branch of Punkt's decision: abbreviations, initials,
# numbers, ellipses, quotes and brackets around marks, repeated marks, lower-case starts.
# fmt: off
PIECES = st.sampled_from([
    "word", "Caseloads", "managers", "Dr", "Mr", "St", "e.g", "etc", "vs", "No", "J", "K", "U.S",
    "3.5", "27.5%", "2019", "£3m", "“quoted", "words”", "(aside", "aside)", "café", "Ofsted",
    "it’s", "-", "--", "…", "...", ".", "?", "!", "!!", "?!", ",", ";", ":", '"', "'", ")", "(",
    "the", "The", "and", "But", "i.e", "a", "I",
])
# fmt: on
SEPARATORS = st.sampled_from(["", " ", " ", " ", "  ", "\n", ". ", "? ", "! ", ".\n"])


@st.composite
def blocks(draw: st.DrawFn) -> str:
    lead = draw(st.sampled_from(["", " ", "\n  "]))
    parts = draw(st.lists(st.tuples(PIECES, SEPARATORS), min_size=1, max_size=30))
    return lead + "".join(piece + separator for piece, separator in parts)


def _plain_punkt() -> object:
    # NLTK's own Punkt: the fast paths are checked against the original, not the vendored copy
    # (``tests/test_vendor.py`` checks that the two agree).
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    abbrevs, starters = _parameters()
    params = PunktParameters()
    params.abbrev_types = set(abbrevs)
    params.sent_starters = set(starters)
    return PunktSentenceTokenizer(params)


@settings(max_examples=400, deadline=None)
@given(blocks())
def test_fast_paths_give_punkts_own_spans(block: str) -> None:
    # The splitter skips Punkt's work for blocks with no candidate boundary and for plain
    # "word. Next" candidates; the spans must be exactly those of unmodified Punkt.
    plain = _plain_punkt()
    if not block.strip():
        return
    assert _block_spans(block)[0] == list(plain.span_tokenize(block))  # type: ignore[attr-defined]


# Blocks of plain boundaries, the shape ``_plain_block_spans`` answers without Punkt, with at
# most two of the tokens and spacings that must send a block back to Punkt mixed in:
# abbreviations (in any case; "Reapprox" ends in one), initials, numbers, words with digits or
# apostrophes, closing quotes and brackets, non-ASCII spaces, bare and repeated marks.
# Words may end in closing quotes, brackets and ellipses ("practice”.") and the next sentence
# may open with quotes ("“We"): Punkt's answer there is known too.
# fmt: off
ORDINARY_WORDS = st.sampled_from([
    "word", "Caseloads", "managers", "The", "staff", "café", "practice”", "competitive)",
    "knows…", "dogs’", 'said"', "“Quote", "«Oui»", "“no”", "(sadly)", "'tis'", "1990s",
    "decision-making",
])
ORDINARY_GAPS = st.sampled_from([
    " ", " ", " ", ". ", "? ", "! ", ".  ", ".\n", " . ", ". “", '. "', "! ‘", ". («",
])
TRICKY_WORDS = st.sampled_from([
    "Dr", "ST", "mr", "etc", "vs", "J", "a", "I", "2019", "x2", "it’s", "don't", "”Next",
    ")and", "“Quote", "'tis", "e.g", "approx", "Reapprox", "thurs", "”", ")", '"', "Überall",
    "etc)", "J’", "a”", "Dr”", "e.g)", "2019”", "x2)", "…", "”)", "-", "--", "(no", "“etc",
    "(Dr)", "“3”", "3.5”", "e.g.”", "wait..”", "residents.”", "U.S.)", "end.Next", "8.4%",
    "£3.5m", "a.b", "it’s.", "1990s", "19-20", "decision-making", "well-no", "covid19", "x",
    "3", "a-b--c", "Dr-", "-word", "٣",
])
TRICKY_GAPS = st.sampled_from([
    ".\t", ".\xa0", "!! ", "?! ", ".", "", "... ", ".) ", ". ” ", ". “ ", ". “-", ". ”--", ".”. ",
    "\t", "\n", " \t",
])
# fmt: on


@st.composite
def plain_blocks(draw: st.DrawFn) -> str:
    lead = draw(st.sampled_from(["", "", "", " ", "\t"]))
    parts = draw(
        st.lists(st.tuples(ORDINARY_WORDS, ORDINARY_GAPS), min_size=1, max_size=12).map(list)
    )
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(parts)))
        word = draw(TRICKY_WORDS)
        gap = draw(st.one_of(ORDINARY_GAPS, TRICKY_GAPS))
        parts.insert(at, (word, gap))
    end = draw(st.sampled_from(["", ".", " ", "!"]))
    return lead + "".join(word + gap for word, gap in parts) + end


@settings(max_examples=600, deadline=None)
@given(plain_blocks())
@example("In 2019. staff left.")  # a number before the mark, a lower-case word after it
@example("Smith J. and others. Next")  # an initial
@example("It ended. ” Next one")  # a closing quote Punkt moves back
@example("Ask for approx. the sum. Next")  # an abbreviation
@example("It is well-no. Next one.")  # an abbreviation after a hyphen
@example("In 2019. Then the 1990s. Then")  # a number, and a word that is none
@example("It ended. ”--Next one.")  # a quote Punkt moves back before "--"
@example("Their practice”. “We left (sadly). Next")  # closers, and quotes it leaves
@example("Staff\tleft. Next one")  # a tab inside the word the space search finds
@example("They said “no”\tit”. Next one")  # a tab, then a word ending in a closer
def test_plain_blocks_give_punkts_own_spans(block: str) -> None:
    if not block.strip():
        return
    assert _block_spans(block)[0] == list(_plain_punkt().span_tokenize(block))  # type: ignore[attr-defined]


@settings(max_examples=600, deadline=None)
@given(st.one_of(blocks(), plain_blocks()))
@example("It is well-no. Next one.")  # an abbreviation after a hyphen: Punkt's block
@example("Their practice”. “We left. Next")  # closers before a mark: a plain block
@example("  No mark at all")  # white space before the only span
@example(
    "In 8.4% of cases.Most left. Next"
)  # a mark glued to a capital, and one that is no candidate
def test_plain_spans_need_no_repair(block: str) -> None:
    # ``split_sentences`` skips trimming, glued splits and the abbreviation join for spans
    # ``_block_spans`` calls plain: all must leave them as they are.
    if not block.strip():
        return
    spans, plain = _block_spans(block)
    if plain:
        for start, end in spans:
            assert start < end
            assert _trimmed(block, start, end) == (start, end)
            assert _glued_splits(block, start, end) == [(start, end)]
        assert _joined_abbreviations(spans, block) == spans


@settings(max_examples=600, deadline=None)
@given(st.one_of(blocks(), plain_blocks()))
@example("It ended.” Then. In 2019.) Next")  # a closer after the mark; a number
@example("Wait?! No!!!! Stop. Ask Dr.” Jones")  # repeated marks; an abbreviation
@example("A U.S.” Stop. x.”. Next")  # full stops inside the word
def test_plain_contexts_are_punkts_breaks(block: str) -> None:
    # The tokenizer answers the contexts ``_PLAIN_BREAK`` matches without Punkt's annotation:
    # every context Punkt judges in a block must get Punkt's own answer.
    punkt = _plain_punkt()
    contexts = punkt._match_potential_end_contexts(block)  # type: ignore[attr-defined]
    for _, context in contexts:
        expected = punkt.text_contains_sentbreak(context)  # type: ignore[attr-defined]
        assert _tokenizer().text_contains_sentbreak(context) == expected, context


LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo"])


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(LETTERS, min_size=1, max_size=6), st.sampled_from(sorted(_parameters()[0]))),
    st.sampled_from([".", "?", "!"]),
)
def test_words_of_letters_before_a_mark_give_punkts_spans(word: str, mark: str) -> None:
    # ``_plain_word`` answers a word of letters without its regular expressions.
    for block in (f"So {word}{mark} Next one.", f"So {word.upper()}{mark} next one."):
        assert _block_spans(block)[0] == list(_plain_punkt().span_tokenize(block))  # type: ignore[attr-defined]


def test_plain_blocks_skip_punkt_and_the_rest_do_not() -> None:
    # The fast path is taken for ordinary sentences (it is what makes splitting cheap) and
    # declined wherever Punkt's own judgement is needed.
    block = "Caseloads are rising. Why? Nobody knows! Staff leave."
    assert _plain_block_spans(block, len(block), 3, 1) == [(0, 21), (22, 26), (27, 40), (41, 53)]
    quoted = "They said “no”. “We left (sadly). Nobody knows…. Staff leave."
    quoted_spans = [(0, 15), (16, 33), (34, 48), (49, 61)]
    assert _plain_block_spans(quoted, len(quoted), 3, 3) == quoted_spans
    for needs_punkt in (
        "Ask Dr. Jones now.",
        "In 2019. Then more.",
        "J. Smith left.",
        "Wait... what.",
        "It ended.” Then.",
        "No!! Stop.",
    ):
        full_stops = needs_punkt.count(".", 0, len(needs_punkt) - 1)
        marks = sum(needs_punkt.count(mark, 0, len(needs_punkt) - 1) for mark in ".?!")
        plain = _plain_block_spans(needs_punkt, len(needs_punkt), marks, full_stops)
        assert plain is None, needs_punkt


@settings(max_examples=300, deadline=None)
@given(plain_blocks())
@example("One Reapprox. caseloads rose")  # the tail "approx" is an abbreviation, the word is not
@example("Come at 3 p.m. caseloads rose")
def test_joined_abbreviations_matches_a_search_of_the_whole_span(block: str) -> None:
    # ``_ends_with_abbreviation`` only reads the tail of a span; the join must be what a
    # search of the whole span for its final "word." gives.
    import re

    from discourse.analyse.sentences import WORD

    abbrevs, starters = _parameters()
    final = re.compile(r"(?P<word>[^\W_]+)\.\s*$")
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+(?:\s+\S+)?", block)]
    expected: list[tuple[int, int]] = []
    for start, end in spans:
        previous = final.search(block, *expected[-1]) if expected else None
        first = WORD.search(block, start, end)
        if (
            previous is not None
            and previous.group("word").lower() in abbrevs
            and first is not None
            and first.group(0).lower() not in starters
        ):
            expected[-1] = (expected[-1][0], end)
        else:
            expected.append((start, end))
    assert _joined_abbreviations(spans, block) == expected
