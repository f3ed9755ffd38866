"""The page parser on the seed pages and the edge-case fixtures."""

# The hand-read comment table below keeps one comment per line so it can be checked by eye.
# ruff: noqa: E501

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discourse.ingest import load_file, parse_page
from discourse.ingest.lines import split_lines
from discourse.model import Article

# Not imported from conftest: pytest puts tests/ (not the repository) on sys.path.
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_000 = FIXTURES / "000_bdb77cb6964fe9d5.txt"
SEED_001 = FIXTURES / "001_12d95773da989184.txt"
SEED_002 = FIXTURES / "002_9133ede774c676cf.txt"
EDGE = FIXTURES / "edge"
ALL_PAGES = sorted(FIXTURES.rglob("*.txt"))

# (id, number, parent, depth, author, posted, first words, last words) per seed comment,
# read off the pages by hand.
SEED_COMMENTS = {
    SEED_000: [
        ("c1", 1, None, 0, "Dave Stubbs", "2022-04-15T09:11", "This could be the", "service without a voice!"),
        ("c2", None, "c1", 1, "Kim Scragg", "2022-04-16T14:27", "No acknowledgement that the", "all time high ."),
        ("c3", None, "c1", 1, "Mark", "2022-04-17T22:47", "Couldnt agree more Dave.", "somehow doubt it though……"),
        ("c4", 2, None, 0, "Alec Fraher", "2022-04-17T17:57", "The tenor of this", "LASSA is dead, no?"),
        ("c5", 3, None, 0, "Pandora", "2022-04-18T12:26", "Because they never learn", "they got a grip"),
    ],
    SEED_001: [],
    SEED_002: [
        ("c1", 1, None, 0, "john Stephenson", "2018-07-18T17:51", "This is the reality", "with this situation ."),
        ("c2", 2, None, 0, "Blair Mcpherson", "2018-07-23T11:59", "It’s telling that it’s", "and front line managers."),
        ("c3", 3, None, 0, "L A worker 2", "2018-07-24T00:15", "Note the increase reported", "too few social workers"),
        ("c4", None, "c3", 1, "LM", "2018-08-03T20:23", "I get the point", "it will never work"),
        ("c5", 4, None, 0, "O B 1", "2018-07-29T19:03", "ALL social workers need", "with your own destruction!!!!"),
    ],
}  # fmt: skip

# (first paragraph starts, last paragraph ends)
SEED_BODY = {
    SEED_000: (
        "“Significant” difficulties recruiting social workers",
        "will not hesitate to take further action if required.”",
    ),
    SEED_001: (
        "An Ofsted surveillance visit to St Helens Children’s Services took place",
        "how much they enjoy working for St. Helens.”",
    ),
    SEED_002: (
        "A council’s children’s services has been judged ‘inadequate’",
        "we are also rapidly filling other vacancies.”",
    ),
}


def _load(path: Path) -> Article:
    (article,) = load_file(path)
    return article


def _paragraphs(article: Article) -> list[str]:
    return [block.text for block in article.body if block.kind == "paragraph"]


@pytest.mark.parametrize("path", list(SEED_COMMENTS), ids=lambda p: p.stem)
def test_seed_comments_exactly(path: Path) -> None:
    article = _load(path)
    found = [
        (
            c.id,
            c.number,
            c.parent,
            c.depth,
            c.author,
            c.posted.strftime("%Y-%m-%dT%H:%M") if c.posted else None,
            " ".join(c.text.split()[:4]),
            " ".join(c.text.split()[-4:]),
        )
        for c in article.comments
    ]
    assert found == SEED_COMMENTS[path]
    assert all(c.posted is None or c.posted.tzinfo is None for c in article.comments)


@pytest.mark.parametrize("path", list(SEED_BODY), ids=lambda p: p.stem)
def test_seed_body_first_and_last_paragraph(path: Path) -> None:
    paragraphs = _paragraphs(_load(path))
    first, last = SEED_BODY[path]
    assert paragraphs[0].startswith(first)
    assert paragraphs[-1].endswith(last)


@pytest.mark.parametrize("path", ALL_PAGES, ids=lambda p: p.stem)
def test_body_and_comments_do_not_share_text(path: Path) -> None:
    article = _load(path)
    body = "\n".join(block.text for block in article.body)
    comments = "\n".join(c.text for c in article.comments)
    for comment in article.comments:
        for paragraph in comment.paragraphs:
            assert paragraph not in body
    for block in article.body:
        assert block.text not in comments


@pytest.mark.parametrize("path", ALL_PAGES, ids=lambda p: p.stem)
def test_every_non_blank_line_has_exactly_one_role(path: Path) -> None:
    article = _load(path)
    raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    expected = [n for n, line in enumerate(split_lines(raw), start=1) if line.strip()]
    assert [number for number, _ in article.lines] == expected
    roles = dict(article.lines)
    # Lines not kept as content are exactly the dropped ones, each with a reason.
    not_content = {n for n, role in roles.items() if role in {"caption", "boilerplate"}}
    dropped_whole = {d.line for d in article.dropped if roles[d.line] in {"caption", "boilerplate"}}
    assert not_content == dropped_whole
    assert all(d.reason for d in article.dropped)


def test_seed_headers_standfirst_and_furniture() -> None:
    article = _load(SEED_000)
    assert article.title.startswith("Social work recruitment difficulties")
    assert article.standfirst is not None and article.standfirst.startswith("DfE says")
    assert article.publication == "Community Care"
    assert article.declared_comments == 5 and article.warnings == ()
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Telephone kiosks outside St Helens town hall"].startswith("image caption")
    assert (
        "photo credit" in reasons["St Helens town hall (photo by Phil Nash from Wikimedia Commons"]
    )
    assert "tag remnants" in reasons[", ,"]
    headings = [b.text for b in article.body if b.kind == "heading"]
    assert headings[0] == "Recruitment problems having ‘detrimental impact’"
    assert "Director: ‘We are working on recruitment’" in headings
    # The standfirst of 002 sits next to the photo credit but is still the standfirst.
    seed_002 = _load(SEED_002)
    assert seed_002.standfirst == (
        "Council told to improve management oversight and the quality of social work practice"
    )
    assert [d.text for d in seed_002.dropped if d.reason == "photo credit"] == [
        "Photo: Fuzzbones/Fotolia"
    ]


def test_aggregator_title_unglued_and_boilerplate_dropped() -> None:
    article = _load(SEED_001)
    assert article.comments == () and article.declared_comments is None
    assert article.standfirst is None
    assert not _paragraphs(article)[-1].endswith(article.title)
    glued = [d for d in article.dropped if d.reason.startswith("title glued")]
    assert [(d.line, d.text) for d in glued] == [(48, article.title)]
    assert article.publication == "Brian Ashcraft"
    dropped = {d.text for d in article.dropped}
    assert {"Related Articles", "Back to top button"} <= dropped
    assert not any("automatic aggregator" in b.text for b in article.body)


def test_deeper_nesting_follows_indentation() -> None:
    article = _load(EDGE / "deep_thread.txt")
    shape = [(c.id, c.parent, c.depth, c.number) for c in article.comments]
    assert shape == [
        ("c1", None, 0, 1),
        ("c2", "c1", 1, None),
        ("c3", "c2", 2, None),
        ("c4", "c3", 3, None),
        ("c5", "c1", 1, None),
        ("c6", None, 0, 2),
        ("c7", None, 0, 3),
    ]
    # Paragraphs without a blank line between them are kept apart.
    assert article.comments[0].paragraphs[1].startswith("The pay difference")
    assert article.comments[3].paragraphs == (
        "Both of you are right.",
        "The system sets staff against each other.",
    )
    assert article.declared_comments == 7 and article.warnings == ()
    assert any(d.reason == "tag remnants" for d in article.dropped)


def test_tab_indented_thread_nests() -> None:
    article = _load(EDGE / "tabs.txt")
    assert [(c.author, c.parent, c.depth) for c in article.comments] == [
        ("Night Owl", None, 0),
        ("Kay", "c1", 1),
        ("Night Owl", "c2", 2),
    ]
    assert article.title == "Social workers describe ‘exhausting’ duty rotas"


def test_thread_without_count_line_and_comment_form() -> None:
    article = _load(EDGE / "no_count_line.txt")
    assert article.declared_comments is None
    assert [(c.author, c.parent) for c in article.comments] == [
        ("Carol B", None),
        ("former worker", "c1"),
        ("Dev", None),
    ]
    assert article.comments[-1].paragraphs == (
        "Caseloads of 14 are still too high for child protection work.",
    )
    assert {d.text for d in article.dropped} >= {"Leave a Reply", "Post Comment"}


def test_byline_dateline_related_links_and_disqus_stub() -> None:
    article = _load(EDGE / "other_site_disqus.txt")
    assert article.byline == "Jane Okafor"
    assert article.published is not None and article.published.isoformat() == "2018-08-07"
    assert article.comments == () and article.warnings == ()
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Caseloads hit record high in annual survey"] == "related-content link title"
    assert reasons["blog comments powered by Disqus"].startswith("comment widget stub")
    assert _paragraphs(article)[-1].startswith("A Department for Education spokesperson")
    roles = dict(article.lines)
    assert (roles[3], roles[5]) == ("byline", "dateline")


def test_encodings_and_line_ends() -> None:
    cp1252 = _load(EDGE / "cp1252.txt")
    assert cp1252.title == "Pay offer ‘falls short’ for council social workers"
    assert [c.author for c in cp1252.comments] == ["Zoë Practitioner", "José"]
    assert any("Windows-1252" in w for w in cp1252.warnings)
    bom = _load(EDGE / "utf8_bom_crlf.txt")
    assert bom.title.startswith("Ofsted focused visit")  # no BOM left on the title
    assert bom.declared_comments == 1 and len(bom.comments) == 1
    assert bom.comments[0].paragraphs[1] == "It has taken three years of hard work by the team."
    assert not any("\r" in b.text for b in bom.body)


def test_title_only_page_warns_no_body() -> None:
    article = _load(EDGE / "title_only.txt")
    assert article.body == () and article.comments == ()
    assert any(w.startswith("no body text") for w in article.warnings)


def test_declared_count_mismatch_is_a_warning() -> None:
    text = (
        "A title line\n\nA paragraph of body text.\n\n3 Responses to A title line\n\n"
        "  1. Ann May 1, 2020 at 1:00 pm #\n\n    Only one comment here.\n"
    )
    article = parse_page(text, "x.txt")
    assert len(article.comments) == 1 and article.declared_comments == 3
    assert any(re.search(r"declares 3 comments but 1", w) for w in article.warnings)


def test_body_line_that_looks_like_a_count_is_not_the_thread() -> None:
    text = (
        "Survey results\n\nThe council set out its plans.\n\n"
        "400 responses to the consultation were received\n\nMore body text follows.\n"
    )
    article = parse_page(text, "x.txt")
    assert article.declared_comments is None
    assert _paragraphs(article)[-1] == "More body text follows."


def test_reply_time_is_24_hour_and_midnight_hour_is_zero() -> None:
    text = (
        "T\n\n1 Response to T\n\n  1. A January 2, 2020 at 12:15 am #\n\n    x\n\n"
        "    • B January 2, 2020 at 12:05 pm #\n\n      y\n"
    )
    article = parse_page(text, "x.txt")
    assert [c.posted.strftime("%H:%M") if c.posted else None for c in article.comments] == [
        "00:15",
        "12:05",
    ]


def test_headers_ending_in_a_24_hour_time_a_date_or_pm_start_comments() -> None:
    # Without the "#" permalink a numbered or bulleted header may end with its timestamp.
    text = (
        "Title\n\nBody text here.\n\n2 Responses\n\n"
        "  1. Dave Stubbs April 15, 2022 at 21:05\n\n    First comment.\n\n"
        "    • Mark 16 April 2022\n\n      A reply.\n\n"
        "  2. Jo April 17, 2022 at 10:47 p.m.\n\n    Second comment.\n"
    )
    article = parse_page(text, "x.txt")
    assert [(c.author, c.depth, c.paragraphs) for c in article.comments] == [
        ("Dave Stubbs", 0, ("First comment.",)),
        ("Mark", 1, ("A reply.",)),
        ("Jo", 0, ("Second comment.",)),
    ]
    assert [c.posted.strftime("%d %H:%M") if c.posted else None for c in article.comments] == [
        "15 21:05",
        "16 00:00",
        "17 22:47",
    ]


def test_header_and_credit_prefilters_keep_their_lines() -> None:
    from discourse.ingest.patterns import load_patterns
    from discourse.ingest.thread import parse_header

    patterns = load_patterns()
    # A header may end with its time's "pm"/"PM" rather than "#"; other lines never reach
    # the full header pattern.
    header = parse_header("• Mark April 17, 2022 at 10:47 PM", patterns, strict=False)
    assert header is not None and header.author == "Mark"
    # Credits are found whatever their case (the prefilter reads the lower-cased line).
    assert patterns.is_credit("PICTURE: Phil Nash")
    assert patterns.is_credit("Town hall (Photo by Phil Nash")
    assert patterns.is_credit("Town hall / SHUTTERSTOCK")
    assert not patterns.is_credit("The council said the picture was mixed.")


def test_whitespace_list_is_what_str_split_splits_at() -> None:
    from discourse.ingest.pages import _WHITESPACE

    assert "".join(c for c in map(chr, range(0x110000)) if c.isspace()) == _WHITESPACE


@given(st.text(), st.text())
def test_same_norm_is_the_norms_compared(text: str, title: str) -> None:
    from discourse.ingest.pages import _norm, _same_norm

    for candidate in (text, title, f" “{title}.” ", title.upper(), f"‘ {title}:"):
        assert _same_norm(candidate, _norm(title)) == (_norm(candidate) == _norm(title))
