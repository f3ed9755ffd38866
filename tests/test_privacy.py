"""Pseudonyms: stable across a corpus, and names masked where other comments address them."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

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
