"""Quoted spans and their attribution (discourse.analyse.quotes)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse.analyse import quotes
from discourse.analyse.quotes import find_quotes
from discourse.prefilter import lowered


def quoted_texts(texts: list[str], headings: tuple[int, ...] = ()) -> list[list[str]]:
    return [
        [texts[s.block][s.start : s.end] for s in quote.segments]
        for quote in find_quotes(texts, headings)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "place"),
    [
        ("“We are working on it,” the council said.", "the council", "after"),
        ('"We are working on it," the council said.', "the council", "after"),
        ("“It is disappointing,” said a DfE spokesperson.", "a DfE spokesperson", "after"),
        ("“For too many children, progress is slow,” Ofsted said.", "Ofsted", "after"),
        ("“Action is taken quickly,” she adds.", "she", "after"),
        ("“Action is taken quickly,” the report states in its conclusion.", "the report", "after"),
        (
            "Peter Box, leader of the council, said: “It is clear.”",
            "Peter Box, leader of the council",
            "before",
        ),
        ("The letter said: “There has been some progress.”", "The letter", "before"),
        ("It adds: “During this visit, inspectors noted change.”", "It", "before"),
        ("Director: ‘We are working on recruitment’", "Director", "before"),
        (
            "The letter also states that “The needs of most children are met.”",
            "The letter",
            "before",
        ),
    ],
)
def test_attribution_before_and_after(text: str, speaker: str, place: str) -> None:
    (quote,) = find_quotes([text])
    assert (quote.speaker, quote.place) == (speaker, place)


@pytest.mark.parametrize(
    "text",
    [
        # Partial quotes inside the reporter's sentence have no attribution of their own.
        "Ofsted found the council faced “significant recruitment problems” last year.",
        "DfE says it could intervene after Ofsted finds ‘slow’ progress.",
        "Ofsted found problems “throughout all areas”, which it said was having an impact.",
    ],
)
def test_partial_quotes_are_not_attributed(text: str) -> None:
    assert all(quote.speaker is None for quote in find_quotes([text]))


def test_apostrophes_never_open_or_close_quotes() -> None:
    text = "The council’s children’s services and the workers' pay were ‘inadequate’."
    assert quoted_texts([text]) == [["‘inadequate’"]]


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "Views were often “simply ‘likes and dislikes’” so did not inform decisions."
    assert quoted_texts([text]) == [["“simply ‘likes and dislikes’”"]]


def test_nested_double_inside_single() -> None:
    text = "She said: ‘The report called it “a crisis” and it is.’"
    (quote,) = find_quotes([text])
    assert text[quote.segments[0].start : quote.segments[0].end].endswith("it is.’")
    assert quote.speaker == "She"


def test_multi_paragraph_quote_with_attribution_before() -> None:
    texts = [
        "A council spokesperson said: “We accept the findings.",
        "“We have a plan in place.",
        "“We will report on progress.”",
        "Unrelated narrative follows.",
    ]
    (quote,) = find_quotes(texts)
    assert quote.blocks == (0, 1, 2)
    assert [segment.closed for segment in quote.segments] == [False, False, True]
    assert quote.speaker == "A council spokesperson"


def test_attribution_after_a_multi_paragraph_quote() -> None:
    texts = [
        "“We know recruitment is our key area of improvement.",
        "“We have a plan in place to help drive it,” a council spokesperson said.",
    ]
    (quote,) = find_quotes(texts)
    assert quote.blocks == (0, 1)
    assert (quote.speaker, quote.place) == ("a council spokesperson", "after")


def test_a_heading_inside_a_running_quote_does_not_end_it() -> None:
    texts = [
        "It adds: “During this visit, turnover decreased.",
        "‘Drift and Lag’",
        "“However, there are still too many children who wait.”",
    ]
    (quote,) = find_quotes(texts, headings=(1,))
    assert quote.blocks == (0, 2)
    assert quote.speaker == "It"


def test_an_unclosed_quote_not_continued_ends_with_its_paragraph() -> None:
    texts = ["The letter said: “There has been progress.", "The council responded."]
    (quote,) = find_quotes(texts)
    assert quote.blocks == (0,)
    assert not quote.segments[0].closed


def test_straight_quote_marks_pair_up() -> None:
    texts = ['He said: "It is clear that we failed." Then "it" was over.']
    assert quoted_texts(texts) == [['"It is clear that we failed."'], ['"it"']]


def test_before_match_is_the_search_it_replaces() -> None:
    """The linear search for the speaker before a mark gives ``before.search``'s match."""
    import random

    from discourse.analyse import quotes

    patterns = quotes._attribution_patterns()
    verbs = patterns.verb
    words = [
        "said",
        "told",
        "inspectors",
        "pointed out",
        "the council",
        "also",
        "that",
        "to",
        "Ofsted",
        ",",
        ":",
        ";",
        ".",
        "?",
        "“",
        "”",
        "‘",
        "’",
        '"',
        " ",
        "\t",
        "x" * 70,
        "unsaid",
        "reports",
        "a",
        "spokesperson",
        "found",
        "-",
        "in a statement",
        # Case, and a character that folds to "s" only under IGNORECASE.
        "SAID",
        "\u017fays",
    ]
    chooser = random.Random(6)
    for _ in range(3000):
        lead = "".join(
            chooser.choice(words) + chooser.choice(["", " ", ", "])
            for _ in range(chooser.randint(1, 30))
        ) + chooser.choice(["", ":", ",", ": "])
        expected = (
            patterns.before.search(lead) if verbs.search(lead[-quotes.VERB_REACH :]) else None
        )
        found = quotes._before_match(lead, patterns)
        assert (found and (found.span(), found.groupdict())) == (
            expected and (expected.span(), expected.groupdict())
        ), lead


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The first "said" is behind a stop (";"): the speaker is the one after it.
        ("They met; the council said: “It is clear.”", "the council"),
    ],
)
def test_speaker_before_a_mark(text: str, speaker: str) -> None:
    assert find_quotes([text])[0].speaker == speaker


_LEAD_PIECES = st.sampled_from(
    [
        "said", "SAID", "\u017fays", "pointed", "out", "told", "inspectors", "unsaid", "the",
        "council", "Ofsted", "spokesperson", "that", "x" * 30, "in a statement", ".", ";",
        "“", ",", ":", "-", " ", " " * 45, ", " * 12, "\n", "\t",
    ]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_LEAD_PIECES, st.sampled_from(["", " ", ", ", ": "])), max_size=16))
def test_the_verb_prefilter_keeps_every_lead_the_tail_matches(
    parts: list[tuple[str, str]],
) -> None:
    # ``_may_end_with_verb`` may say False only where ``before_tail`` finds nothing: a verb
    # followed by up to 40 characters and any run of white space, colons and commas.
    lead = "".join(piece + gap for piece, gap in parts)
    if quotes._attribution_patterns().before_tail.search(lead) is not None:
        assert quotes._may_end_with_verb(lead), lead


def test_the_verb_prefilter_at_the_edges_of_its_window() -> None:
    # A rest of exactly 40 characters after each verb, then long runs of white space (of any
    # kind) around one colon or comma: the tail still matches, and the prefilter keeps it.
    tail = quotes._attribution_patterns().before_tail
    for verb in quotes._reporting_verbs():
        for end in (":", " \t: ", "\n" * 60 + ":", "\u2003" * 50 + "," + " " * 9):
            lead = f"The council {verb} " + "a" * 39 + end
            assert tail.search(lead) is not None, lead
            assert quotes._may_end_with_verb(lead), lead


def test_a_verb_more_than_verb_reach_before_the_mark_is_not_an_attribution() -> None:
    # The speaker’s verb is followed by 130 spaces: the lead holds no verb in its last
    # VERB_REACH characters, so there is no attribution even though ``before`` matches.
    lead = "The council said" + " " * 130 + ":"
    assert quotes._attribution_patterns().before.search(lead) is not None
    assert quotes._before_match(lead, quotes._attribution_patterns()) is None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?”“:\n\t\u2003")), max_size=40))
def test_the_last_sentence_end_is_where_splitting_at_every_end_starts_its_last_piece(
    lead: str,
) -> None:
    ended = quotes._LAST_SENTENCE_END.match(lead)
    clause = lead[ended.end() :] if ended is not None else lead
    assert clause == re.split(r"(?<=[.!?”])\s+", lead)[-1]


def _scan_every_mark(
    text: str, open_mark: str | None
) -> tuple[bool, list[tuple[int, int, bool, str]]]:
    """``quotes._scan_block`` as it was, visiting every quote mark in every state."""
    spans: list[tuple[int, int, bool, str]] = []
    index = len(text) - len(text.lstrip())
    current: str | None = None
    start, continued = 0, False
    if (
        open_mark is not None
        and index < len(text)
        and quotes._opening_mark(text, index) == open_mark
    ):
        current, start, index, continued = open_mark, index, index + 1, True
    for found in re.finditer("[“„«”»‘‚’\"']", text[index:]):
        at = index + found.start()
        if current is None:
            current, start = quotes._opening_mark(text, at), at
        elif quotes._closing_mark(text, at, current):  # type: ignore[arg-type]
            spans.append((start, at + 1, True, current))
            current = None
        elif current == "double" and text[at] in "“„«":
            spans.append((start, at, True, current))
            start = at
    if current is not None:
        spans.append((start, len(text.rstrip()), False, current))
    return continued, spans


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("“„«”»‘‚’\"'ab -(\n")), max_size=30),
    st.sampled_from([None, "double", "single"]),
)
def test_the_scan_skipping_marks_that_cannot_change_its_state_is_the_scan_of_every_mark(
    text: str, open_mark: str | None
) -> None:
    assert quotes._scan_block(text, open_mark) == _scan_every_mark(text, open_mark)  # type: ignore[arg-type]


_ATTRIBUTION_PIECES = st.sampled_from(
    [
        "said", "SAID", "Said", "\u017fays", "pointed", "out", "told", "Inspectors", "unsaid",
        "the", "Council", "Ofsted", "spokesperson", "that", "also", "in", "on Tuesday", "x" * 30,
        "in a statement", ".", ";", "“", "”", ",", ":", "-", " ", "\n", "It", "İt", "adds",
    ]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.tuples(_ATTRIBUTION_PIECES, st.sampled_from(["", " ", ", ", ": "])), max_size=12),
    st.lists(st.tuples(_ATTRIBUTION_PIECES, st.sampled_from(["", " ", ", ", ". "])), max_size=12),
)
def test_attributions_read_in_the_lower_cased_text_are_those_of_the_text(
    before: list[tuple[str, str]], after: list[tuple[str, str]]
) -> None:
    # The case-sensitive patterns over ``lowered`` give the speaker and attribution that the
    # case-insensitive ones give over the text itself, read from the text as written.
    lead = "".join(piece + gap for piece, gap in before)
    text = lead + "“We will improve," + "".join(piece + gap for piece, gap in after)
    start, end = len(lead), len(lead) + len("“We will improve,")
    folded, folded_patterns = lowered(text), quotes._folded_patterns()
    if folded is None or folded_patterns is None:
        return
    plain = quotes._attribution_patterns()
    assert quotes._before_in(text, folded, folded_patterns, start) == quotes._before_in(
        text, text, plain, start
    )
    assert quotes._after_in(text, folded, folded_patterns, end) == quotes._after_in(
        text, text, plain, end
    )
