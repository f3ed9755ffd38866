"""Councils, Ofsted judgement and inspection type (discourse.analyse.metadata)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED_000, SEED_001, SEED_002, joined_pieces
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discourse.analyse import metadata
from discourse.analyse.metadata import (
    describe_article,
    find_councils,
    find_inspection_type,
    find_rating,
)
from discourse.analyse.results import ArticleMeta
from discourse.ingest import load_file
from discourse.prefilter import lowered
from discourse.resources import read_data_text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (SEED_000, ArticleMeta(("St Helens",), "inadequate", "monitoring visit")),
        (SEED_001, ArticleMeta(("St Helens",), "inadequate", "monitoring visit")),
        (SEED_002, ArticleMeta(("Wakefield",), "inadequate", "full inspection")),
    ],
)
def test_metadata_of_the_seeds(path: Path, expected: ArticleMeta) -> None:
    (article,) = load_file(path)
    assert describe_article(article) == expected


def test_comments_are_not_read_for_councils() -> None:
    # Seed 000's comments name Wirral; the article is about St Helens only.
    (article,) = load_file(SEED_000)
    assert any("Wirral" in comment.text for comment in article.comments)
    assert describe_article(article).councils == ("St Helens",)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Ofsted rated Wakefield’s children’s services inadequate."], ("Wakefield",)),
        (["An Ofsted visit to St. Helens found progress."], ("St Helens",)),
        (["Hull and Kingston upon Hull are one council."], ("Kingston upon Hull",)),
        (
            ["Bournemouth, Christchurch and Poole Council was inspected."],
            ("Bournemouth, Christchurch and Poole",),
        ),
        # Not on the gazetteer: found from the "<Name> Council" pattern.
        (["Leaders at Northshire County Council said they would appeal."], ("Northshire",)),
        (["The Isle of Man's children's services were reviewed."], ("Isle of Man",)),
        (["A council’s children’s services were judged inadequate."], ()),
        (["Leeds and then Bradford were visited; Leeds again."], ("Leeds", "Bradford")),
    ],
)
def test_find_councils(texts: list[str], expected: tuple[str, ...]) -> None:
    assert find_councils(texts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Council with ‘too few social workers’ rated ‘inadequate’", "inadequate"),
        ("The authority was judged good at its last inspection.", "good"),
        ("It was judged as requires improvement to be good.", "requires improvement"),
        ("It is rated outstanding.", "outstanding"),
        ("Ofsted found good practice and inadequate supervision.", None),
        ("It said it required improvement in 2016.", "requires improvement"),
    ],
)
def test_find_rating(text: str, expected: str | None) -> None:
    assert find_rating([text]) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["A joint targeted area inspection (JTAI) of the response to neglect."],
            "joint targeted area inspection",
        ),
        (["Ofsted's focused visit looked at the front door."], "focused visit"),
        (
            [
                "The inspection found failures.",
                "After a focused visit in February, things slipped.",
            ],
            "full inspection",
        ),
        (
            ["After the full inspection in 2019, this monitoring visit found delay."],
            "monitoring visit",
        ),
        (["The council welcomed the news."], None),
    ],
)
def test_find_inspection_type(texts: list[str], expected: str | None) -> None:
    assert find_inspection_type(texts) == expected


def test_the_gazetteer_names_153_current_authorities() -> None:
    lines = read_data_text("councils.txt").splitlines()
    entries = [line for line in lines if line.strip() and not line.startswith("#")]
    historical = lines[lines.index("# before 2023") :]
    current = [line for line in entries if line not in historical]
    assert len(current) == 153
    assert len({line.split("|")[0] for line in entries}) == len(entries)


def test_prefiltered_cues_are_found_in_any_case() -> None:
    # Each of these passes a substring prefilter on the lower-cased text before its pattern.
    assert find_inspection_type(["OFSTED'S FOCUSED VISIT found progress."]) == "focused visit"
    assert find_inspection_type(["The JTAI found gaps."]) == "joint targeted area inspection"
    assert find_inspection_type(["The JTAİ found gaps."]) == "joint targeted area inspection"
    assert find_rating(["Services were rated INADEQUATE."]) == "inadequate"
    assert find_councils(["Barset’s Children’s Services improved."]) == ("Barset",)
    assert find_councils(["Barset’s CHILDREN’S SERVICES improved."]) == ("Barset",)
    assert find_councils(["Ofsted praised Barset City Council."]) == ("Barset",)


def test_rating_with_a_dotless_i_is_read() -> None:
    # "ınadequate" matches the rating pattern under re.IGNORECASE; it must not crash the run.
    assert find_rating(["The council was rated ınadequate by Ofsted."]) == "inadequate"


# Pieces of generated texts: the inspection types' words in any case, council names with
# "’s children’s services" in either apostrophe, and characters that trip case folding.
_PIECES = st.sampled_from(
    [
        "joint", "targeted", "area", "inspection", "INSPECTIONS", "JTAI", "jtais", "JTAİ",
        "focused", "Focused", "visit", "VISITS", "monitoring", "report", "letter", "letters",
        "surveillance", "full", "ILACS", "standard", "short", "SIF", "ſif", "of", "local",
        "authority", "children’s", "children's", "CHILDREN’S", "services", "Services",
        "Barset", "Barset’s", "Barset's", "St", "Helens", "Council", "previous", "in", "2019",
        "framework", "\u212aent", "ınspection", "Newcastle", "upon", "Tyne", "and", "Wear",
        "Metropolitan", "Borough", "City", "Children’s", "St.", "X", "x",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", ". ", "-", "’s ", "'s ", ""])

_texts = joined_pieces(_PIECES, _GAPS)


@settings(max_examples=800, deadline=None)
@given(_texts)
def test_the_pattern_prefilters_keep_every_match(text: str) -> None:
    # A pattern skipped by its prefilter (``folded_keys``, the "’s children’s services" end,
    # the case-sensitive words) has no match in the text: skipping it changes nothing.
    folded = lowered(text)
    for _, pattern, keys, _ in metadata._TYPE_PATTERNS:
        if pattern.search(text) is not None:
            assert metadata._may_match(keys, folded), (pattern.pattern, text)
    if metadata._BARE_INSPECTION.search(text) is not None:
        assert metadata._may_match(metadata._BARE_KEYS, folded), text
    for council in metadata._COUNCIL_PATTERNS:
        if council.pattern.search(text) is not None:
            assert council.needed(text), (council.pattern.pattern, text)


def _assert_rating_and_past_as_whole_text(text: str) -> None:
    """The rating search begun where no match can start earlier, and the past marker searched
    in the last runs before each position, give what the searches of the whole text give."""
    rating = metadata._RATING_CONTEXT.search(text)
    later = metadata._RATING_CONTEXT.search(text, metadata._rating_start(text))
    assert (later and later.span()) == (rating and rating.span())
    for start in range(len(text) + 1):
        past = metadata._PAST_BEFORE.search(text[:start]) is not None
        assert metadata._is_past(text, start, start) == (
            past or bool(metadata._PAST_AFTER.match(text[start:]))
        )


@settings(max_examples=800, deadline=None)
@given(_texts)
def test_searches_from_the_heads_find_every_match(text: str) -> None:
    # The type patterns tried only where a head stands, the rating search begun where no
    # match can start earlier, the past marker searched in the last four runs: each gives
    # what the search of the whole text gives.
    folded = lowered(text)
    for _, pattern, _, heads in metadata._TYPE_PATTERNS:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in metadata._finditer(pattern, text, folded, heads)] == expected
    bare = metadata._BARE_INSPECTION
    expected = [m.span() for m in bare.finditer(text)]
    found = metadata._finditer(bare, text, folded, metadata._BARE_HEADS)
    assert [m.span() for m in found] == expected
    _assert_rating_and_past_as_whole_text(text)
    for council in metadata._COUNCIL_PATTERNS:
        expected = [m.span() for m in council.pattern.finditer(text)]
        assert [m.span() for m in metadata._council_matches(council, text)] == expected
    assert metadata._may_name_childrens_services(text) == bool(
        metadata._CHILDRENS_SERVICES.search(text)
    )


# Rating and past-marker words with their verbs, quotes and runs of white space.
_RATING_PIECES = st.sampled_from(
    [
        "rated", "judged", "judgement of", "downgraded to", "found to be", "as", "being",
        "was", "good", "Good", "requiring improvement", "requires improvement", "required",
        "improvement", "inadequate", "OUTSTANDING", "rating", "overall", "authority", "‘", "’",
        "“", '"', "previous", "after", "last", "monitoring visit", "focused visit", "in 2019",
        "x", "ſtanding", "ınadequate",
    ]
)  # fmt: skip
_RATING_GAPS = st.sampled_from(
    [" ", "  ", "\n", "        ", "\t\t\t\t\t\t\t\t\t\t", ", ", ". ", "-", ""]
)


@settings(max_examples=800, deadline=None)
@given(joined_pieces(_RATING_PIECES, _RATING_GAPS))
# The longest lead before a rating word, with the verb just inside and just outside the stretch.
@example("downgraded to" + " " * 32 + "as being ‘requiring improvement’")
@example("downgraded to" + " " * 45 + "as being ‘requiring improvement’")
def test_the_rating_search_begins_before_every_match(text: str) -> None:
    # Long runs of white space between a verb and its rating ("rated" + 40 spaces + "good")
    # must send the search back to the start.
    _assert_rating_and_past_as_whole_text(text)


# Long names before a council's anchor: capitalised words, connectives and kinds of council.
_NAME_PIECES = st.sampled_from(
    [
        "Barset", "St.", "Upon", "Tyne", "Wear", "X", "of", "upon", "and", "in", "Metropolitan",
        "Borough", "City", "Council", "Council’s", "Barset’s", "children’s services",
        "Children’s Services", "x", ",",
    ]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(joined_pieces(_NAME_PIECES, st.sampled_from([" ", " ", "  ", "\n"])))
@example("Aa of Bb of Cc of Dd Metropolitan Borough Council")
@example("Aa’s Bb of Cc of Dd’s children’s services")
@example("Aa of Bb of Cc of Dd Children’s Services")
def test_council_searches_begin_before_every_match(text: str) -> None:
    for council in metadata._COUNCIL_PATTERNS:
        expected = [m.span() for m in council.pattern.finditer(text)]
        assert [m.span() for m in metadata._council_matches(council, text)] == expected


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(["Kent", "St Helens", "St. Helens", "Bath", "Leeds", "x", "-", "_", "é"])
        | st.text(alphabet=" -_.,’'aK1", max_size=3),
        max_size=12,
    )
)
def test_listed_names_are_the_search_with_the_look_behind(pieces: list[str]) -> None:
    # ``_listed_names`` checks the gazetteer's look-behind itself: the same matches as a
    # search with it, where names touch words, hyphens and each other ("KentKent", "-Kent").
    text = "".join(pieces)
    pattern = metadata._gazetteer().pattern
    expected = [m.span() for m in re.finditer(r"(?<![\w-])" + pattern.pattern, text)]
    assert [m.span() for m in metadata._listed_names(text, pattern)] == expected
