"""Pseudonyms: stable across a corpus, and names masked where other comments address them."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from discourse import privacy
from discourse.model import Article, Comment, DroppedLine
from discourse.privacy import Pseudonyms, pseudonymise


def _comment(number: int, author: str, text: str, parent: str | None = None) -> Comment:
    return Comment(
        id=f"c{number}",
        number=None if parent else number,
        parent=parent,
        depth=1 if parent else 0,
        author=author,
        posted=None,
        paragraphs=tuple(text.split("\n\n")),
    )


def _article(source: str, *comments: Comment, dropped: tuple[DroppedLine, ...] = ()) -> Article:
    return Article(
        source=source,
        title="Council rated inadequate",
        standfirst=None,
        byline=None,
        published=None,
        publication=None,
        body=(),
        comments=comments,
        declared_comments=len(comments),
        dropped=dropped,
        lines=(),
        warnings=(),
    )


# The thread of seed 000, with the names as printed there.
SEED_THREAD = _article(
    "000.txt",
    _comment(1, "Dave Stubbs", "A completely invisible profession without a voice!"),
    _comment(2, "Kim Scragg", "No acknowledgement that the rate is at an all time high.", "c1"),
    _comment(3, "Mark", "Couldnt agree more Dave. It’s a tireless task.", "c1"),
    _comment(4, "Alec Fraher", "Bullying and sanctions don’t work."),
    _comment(5, "Pandora", "Well said Alec Fraher and Mark."),
)


def test_pseudonyms_follow_first_appearance() -> None:
    result = pseudonymise(SEED_THREAD, Pseudonyms())
    assert [c.author for c in result.comments] == [f"Commenter {n}" for n in range(1, 6)]


def test_addressed_first_name_is_masked() -> None:
    result = pseudonymise(SEED_THREAD, Pseudonyms())
    assert result.comments[2].paragraphs == (
        "Couldnt agree more Commenter 1. It’s a tireless task.",
    )


def test_full_names_and_single_names_are_masked() -> None:
    result = pseudonymise(SEED_THREAD, Pseudonyms())
    assert result.comments[4].paragraphs == ("Well said Commenter 4 and Commenter 3.",)


def test_no_real_name_survives() -> None:
    result = pseudonymise(SEED_THREAD, Pseudonyms())
    text = repr(result)
    for name in ("Dave", "Stubbs", "Kim Scragg", "Mark", "Alec", "Pandora"):
        assert name not in text


def test_same_person_keeps_pseudonym_across_articles() -> None:
    names = Pseudonyms()
    pseudonymise(SEED_THREAD, names)
    later = _article(
        "002.txt", _comment(1, "john Stephenson", "Yes."), _comment(2, "dave  stubbs", "No.")
    )
    result = pseudonymise(later, names)
    assert [c.author for c in result.comments] == ["Commenter 6", "Commenter 1"]
    assert len(names) == 6


def test_name_in_any_case_is_masked_but_not_ordinary_words() -> None:
    article = _article(
        "x.txt",
        _comment(1, "john Stephenson", "This is the reality."),
        _comment(2, "Mark", "John Stephenson is right, john. Mark my words, we mark time.", "c1"),
    )
    result = pseudonymise(article, Pseudonyms())
    # "mark" in lower case is a verb; the capitalised "Mark" is the commenter's name.
    assert result.comments[1].paragraphs == (
        "Commenter 1 is right, Commenter 1. Commenter 2 my words, we mark time.",
    )


def test_shared_first_name_is_left_alone() -> None:
    article = _article(
        "x.txt",
        _comment(1, "Sam Jones", "First."),
        _comment(2, "Sam Patel", "Thanks Sam, and Sam Jones too.", "c1"),
    )
    result = pseudonymise(article, Pseudonyms())
    assert result.comments[1].paragraphs == ("Thanks Sam, and Commenter 1 too.",)


def test_descriptive_author_names_are_not_masked_in_text() -> None:
    article = _article(
        "x.txt",
        _comment(1, "Social Worker", "Every social worker I know is leaving."),
        _comment(2, "L A worker 2", "Note the increase reported to management.", "c1"),
    )
    result = pseudonymise(article, Pseudonyms())
    assert [c.author for c in result.comments] == ["Commenter 1", "Commenter 2"]
    assert result.comments[0].paragraphs == ("Every social worker I know is leaving.",)


def test_dropped_lines_are_masked_and_body_is_untouched() -> None:
    article = _article(
        "x.txt",
        _comment(1, "Blair Mcpherson", "It’s telling."),
        dropped=(DroppedLine(line=3, reason="unrecognised", text="Blair Mcpherson wrote"),),
    )
    result = pseudonymise(article, Pseudonyms())
    assert result.dropped[0].text == "Commenter 1 wrote"
    assert result.title == article.title and result.body == article.body


def test_empty_author_gets_no_pseudonym() -> None:
    names = Pseudonyms()
    result = pseudonymise(_article("x.txt", _comment(1, "", "Anonymous text.")), names)
    assert result.comments[0].author == ""
    assert len(names) == 0


def test_every_other_field_of_a_comment_is_kept() -> None:
    # `pseudonymise` builds the comments field by field: a field added to Comment and not
    # passed on there would fail here (every field below differs from any default).
    comment = Comment(
        id="c7",
        number=None,
        parent="c3",
        depth=2,
        author="Dave Stubbs",
        posted=datetime(2021, 5, 4, 9, 30),
        paragraphs=("Hello Dave.",),
    )
    for article in (_article("a.txt", comment), _article("b.txt", _comment(1, "Reader 1", "x"))):
        [result] = pseudonymise(article, Pseudonyms()).comments[:1]
        [before] = article.comments[:1]
        changed = {"author", "paragraphs"}
        assert {
            f.name: getattr(result, f.name) for f in fields(Comment) if f.name not in changed
        } == {f.name: getattr(before, f.name) for f in fields(Comment) if f.name not in changed}
    assert pseudonymise(_article("a.txt", comment), Pseudonyms()).comments[0].paragraphs == (
        "Hello Commenter 1.",
    )


# Masking searches the article for what each name's matches must contain, then runs a regex
# of the names found over the texts that hold them. It must mask exactly what the regex of
# every name run over every text masks; these pieces make names occur in any case, inside
# other words, across line breaks and next to the characters that fold onto ASCII letters.
_NAMES = [
    "Dave Stubbs", "dave", "Mark", "Jo", "Jo Smith", "Sam Jones", "Sam Patel", "LM",
    "O B 1", "Social Worker", "Reader 12", "Seán O’Brien", "O’Brien", "İlker Kaya",
    "\u212aim Brown", "ſam", "Zoë", "ΣΑΣ Σ", "x", "", "Anne-Marie Lee", "Lee Ann",
]  # fmt: skip
_TEXT_PIECES = [
    *_NAMES, "DAVE STUBBS", "dave\nstubbs", "Dave  Stubbs", "mark", "Job", "Jonah", "sam",
    "SAM", "o’brien", "Ilker KAYA", "ilker", "\u0130", "\u0131", "\u017f", "\u212a", "kim",
    "brown", "Lee Ann Lee", "Couldnt agree more ", ". ", ", ", " ", "\n\n", "’", "'", "-",
    "Commenter 3", "zoë", "σας", "1",
]  # fmt: skip


@st.composite
def _threads(draw: st.DrawFn) -> Article:
    authors = draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6))
    texts = st.lists(st.sampled_from(_TEXT_PIECES), max_size=12).map("".join)
    comments = [
        _comment(number, author, "\n\n".join(draw(st.lists(texts, min_size=1, max_size=3))))
        for number, author in enumerate(authors, start=1)
    ]
    dropped = tuple(
        DroppedLine(line=number, reason="unrecognised", text=text)
        for number, text in enumerate(draw(st.lists(texts, max_size=2)))
    )
    warnings = tuple(draw(st.lists(texts, max_size=2)))
    return replace(_article("x.txt", *comments, dropped=dropped), warnings=warnings)


def _masked_everywhere(article: Article) -> list[str]:
    """Every text of the article masked by the pattern of all its names (no search first)."""
    names = Pseudonyms()
    authors: dict[str, tuple[str, str]] = {}
    for comment in article.comments:
        alias = names.alias(comment.author)
        if alias:
            authors.setdefault(privacy._key(comment.author), (comment.author, alias))
    alternatives, lookup = privacy._alternatives(authors)
    texts = [text for c in article.comments for text in c.paragraphs]
    texts += [line.text for line in article.dropped] + list(article.warnings)
    if not alternatives:
        return texts
    pattern = privacy._pattern(alternatives)
    return [
        pattern.sub(lambda m: lookup[" ".join(m.group(0).split()).casefold()], text)
        for text in texts
    ]


@settings(max_examples=400, deadline=None)
@given(_threads())
def test_searching_first_masks_what_the_whole_pattern_masks(article: Article) -> None:
    result = pseudonymise(article, Pseudonyms())
    texts = [text for c in result.comments for text in c.paragraphs]
    texts += [line.text for line in result.dropped] + list(result.warnings)
    assert texts == _masked_everywhere(article)


def test_folds_to_ascii_lists_every_character_that_lower_case_search_would_miss() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    # What re's IGNORECASE matches to an ASCII letter, digit, "_" or "'" ...
    by_regex = {char for char in re.findall(r"(?i:[a-z0-9_'])", every) if not char.isascii()}
    # ... and what lower case maps onto ASCII or onto more than one character.
    by_lower = {
        char
        for char in every
        if not char.isascii() and (len(char.lower()) != 1 or char.lower().isascii())
    }
    assert by_regex | by_lower == set(privacy._FOLDS_TO_ASCII)
