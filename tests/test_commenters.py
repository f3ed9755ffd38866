"""Practitioner self-identification and reply stance, on phrasings written for the tests."""

from __future__ import annotations

import re
import tomllib

import pytest
from conftest import SEEDS, joined_pieces
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discourse.analyse.commenters import (
    CUES_FILE,
    Cue,
    _Gate,
    _gate_branches,
    _lowered,
    _read,
    _tail,
    detect_stance,
    identify_practitioner,
    load_cues,
)
from discourse.analyse.results import PractitionerClaim, StanceCue
from discourse.ingest.discover import load_file
from discourse.resources import read_data_text

ROLE_CASES = [
    # The descriptions in the domain notes, reworded.
    (
        "I have been a child protection social worker for nine years.",
        "social_worker",
        "I have been a child protection social worker",
    ),
    ("I’m a social worker in a busy team.", "social_worker", "I’m a social worker"),
    ("Im a qualified SW and this is normal.", "social_worker", "Im a qualified SW"),
    ("My caseload is 32 children.", "social_worker", "My caseload"),
    (
        "I qualified in 1998 and have never seen it so bad.",
        "social_worker",
        "I qualified in 1998",
    ),
    ("Working as a locum, I see it everywhere.", "agency", "as a locum"),
    ("I am an agency social worker.", "agency", "I am an agency social worker"),
    (
        "I lead a small assessment team in the Midlands.",
        "manager",
        "I lead a small assessment team",
    ),
    ("As a team manager I am tired.", "manager", "As a team manager"),
    (
        "I'm a final year social work student.",
        "student",
        "I'm a final year social work student",
    ),
    ("On my placement the team was lovely.", "student", "On my placement"),
    (
        "As a retired social worker, nothing surprises me.",
        "retired",
        "As a retired social worker",
    ),
    ("Since I retired things got worse.", "retired", "Since I retired"),
    ("I am a family support worker.", "family_support", "I am a family support worker"),
    ("I work in an early help team.", "family_support", "I work in an early help team"),
    ("I teach social work at a university.", "academic", "I teach social work"),
    ("As a senior lecturer I hear this.", "academic", "As a senior lecturer"),
]


@pytest.mark.parametrize(("text", "role", "cue"), ROLE_CASES)
def test_practitioner_roles(text: str, role: str, cue: str) -> None:
    assert identify_practitioner(text) == PractitionerClaim(role=role, cue=cue)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Social workers are leaving in droves.",
        "My daughter is a social worker and she is exhausted.",
        "I am not a social worker but this is shocking.",
        "I am a mother whose social worker left after a month.",
        "Services such as a social worker visiting weekly have gone.",
        "As a parent I despair.",
        "The council has a caseload problem.",
        "",
    ],
)
def test_not_practitioners(text: str) -> None:
    assert identify_practitioner(text) is None


def test_specific_role_wins_over_social_worker() -> None:
    claim = identify_practitioner("I was a social worker for 30 years before I retired.")
    assert claim is not None and claim.role == "retired"


def test_seed_comment_without_self_identification() -> None:
    # 000, Dave Stubbs: talks about the profession, never says he is in it.
    text = "A completely invisible profession which nationally employs enormous numbers."
    assert identify_practitioner(text) is None


STANCE_CASES = [
    ("Couldnt agree more Dave. It is a tireless task.", "agree", "Couldnt agree more"),
    ("Couldn’t agree more!", "agree", "Couldn’t agree more"),
    ("Well said, and about time.", "agree", "Well said"),
    ("Exactly this. Nobody listens.", "agree", "Exactly this"),
    ("Exactly. And it gets worse.", "agree", "Exactly"),
    ("Totally agree with every word.", "agree", "Totally agree"),
    ("Spot on.", "agree", "Spot on"),
    (
        "I get the point you make but that is not the issue.",
        "disagree",
        "I get the point you make but",
    ),
    (
        "I agree with you up to a point, but managers matter.",
        "disagree",
        "I agree with you up to a point, but",
    ),
    ("I don't agree at all.", "disagree", "I don't agree"),
    ("I disagree, the money was there.", "disagree", "I disagree"),
    ("That's not true.", "disagree", "That's not true"),
    ("Interesting. Exactly how many left?", "none", ""),
    ("I don't know exactly what happened.", "none", ""),
    ("With respect to pay, nothing changed.", "none", ""),
    ("No acknowledgement that the rate is at an all time high.", "none", ""),
]


@pytest.mark.parametrize(("text", "stance", "cue"), STANCE_CASES)
def test_reply_stance(text: str, stance: str, cue: str) -> None:
    assert detect_stance(text, is_reply=True) == StanceCue(stance=stance, cue=cue)  # type: ignore[arg-type]


def test_earliest_cue_decides() -> None:
    assert (
        detect_stance("Well said. I don't agree with the article.", is_reply=True).stance == "agree"
    )


def test_top_level_comment_has_no_stance() -> None:
    assert detect_stance("Couldn't agree more with the article.", is_reply=False) == StanceCue(
        "none", ""
    )


def _lowered_by_str(text: str) -> str | None:
    # `_lowered` as str methods say it: None if a non-ASCII character other than a curly
    # apostrophe is cased, else the text with straight apostrophes, lower-cased.
    folded = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    if any(not char.isascii() and char.lower() + char.upper() != char * 2 for char in folded):
        return None
    return folded.lower()


@settings(max_examples=1000, deadline=None)
@given(
    st.text(
        st.one_of(
            st.sampled_from("Aa Zz'’‘ʼ–…£éÉªΣσßİıſK\u212a\ud800\U0001f600ǅ"),
            st.characters(),
        )
    )
)
def test_lowered_is_str_lower_where_it_answers(text: str) -> None:
    # `_lowered` lower-cases the UTF-8 bytes of a text that is not ASCII.
    assert _lowered(text) == _lowered_by_str(text)


def test_cues_are_compiled_once() -> None:
    assert load_cues() is load_cues()
    assert [role for role, _ in load_cues().roles][-1] == "social_worker"


def test_every_shipped_cue_compiles() -> None:
    # Cues are compiled when first searched, not when the file is loaded: a cue of the
    # shipped file that is not a valid regular expression must fail here.
    cues = [cue for _, listed in load_cues().role_cues for cue in listed]
    cues += list(load_cues().stance_cues)
    assert len(cues) == 75
    for cue in cues:
        assert cue.pattern is cue.pattern
        assert cue.pattern.pattern == cue.regex


# --- The prefilter (cue keys and gates) never loses a match ---------------------------------
#
# `identify_practitioner` and `detect_stance` skip a cue when its keys or its gate show it
# cannot match. The reference below is the plain algorithm: each role's (and each stance's)
# cues joined in one case-insensitive alternation, searched over the whole comment.


def _reference(text: str) -> tuple[PractitionerClaim | None, StanceCue]:
    cues = load_cues()
    folded = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    claim = None
    for role, pattern in cues.roles:
        match = pattern.search(folded)
        if match:
            claim = PractitionerClaim(role=role, cue=text[match.start() : match.end()].strip())
            break
    stance = StanceCue(stance="none", cue="")
    best: tuple[int, int] | None = None
    for rank, (name, pattern) in enumerate((("disagree", cues.disagree), ("agree", cues.agree))):
        match = pattern.search(folded)
        if match and (best is None or (match.start(), rank) < best):
            best = (match.start(), rank)
            stance = StanceCue(stance=name, cue=text[match.start() : match.end()].strip())  # type: ignore[arg-type]
    return claim, stance


def _cue_words() -> list[str]:
    """Every literal word in the cue file's regexes: sentences of them hit many cues."""
    cues = load_cues()
    patterns = [pattern for _, pattern in cues.roles] + [cues.agree, cues.disagree]
    words = set()
    for pattern in patterns:
        words.update(re.findall(r"[a-z'+%0-9-]+", re.sub(r"\\.", " ", pattern.pattern)))
    return sorted(words)


_SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "! ", "? ", " – ", "’"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(_cue_words()), st.sampled_from(_SEPARATORS), st.booleans()),
        max_size=40,
    )
)
def test_prefilter_keeps_every_match(words: list[tuple[str, str, bool]]) -> None:
    text = "".join((word.capitalize() if upper else word) + sep for word, sep, upper in words)
    assert (identify_practitioner(text), detect_stance(text, is_reply=True)) == _reference(text)


def test_prefilter_on_the_fixture_comments() -> None:
    for path in SEEDS:
        for article in load_file(path):
            for comment in article.comments:
                text = comment.text
                assert (identify_practitioner(text), detect_stance(text, True)) == _reference(text)


def test_every_cue_found_by_its_own_search() -> None:
    # The test phrases above match many cues; the filtered search of every cue must agree
    # with the plain search of that cue on each of them.
    phrases = [text for text, _, _ in ROLE_CASES + STANCE_CASES] + [
        "Well said. I was a retired social worker, and I manage a safeguarding team.",
        "Couldn't agree more: as a locum my caseload was 30. I work in an early help team.",
        "That's not true, you're wrong. My last locum post; 20 years in social work.",
    ]
    for phrase in phrases:
        reading = _read(phrase)
        assert reading is not None
        for cue in [c for _, cues in load_cues().role_cues for c in cues] + list(
            load_cues().stance_cues
        ):
            possible = reading.keys & cue.need == cue.need
            found = cue.search(reading) if possible else None
            plain = cue.pattern.search(reading.lowered)
            assert (found and found.span()) == (plain and plain.span()), cue.pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        # The relaxed gates and leads (no leading \b) also match inside words ("army", "taxi").
        "The army team of social workers left. A taxi  work in early help.",
        "Alibi\nworked as a locum.",
        "Wifi worked in child protection; economy case load; hi, i work in duty.",
        "Such as a social worker. Has a team manager. Was a locum. Army\tmy caseload.",
        "I\u2003work in an early help team and my\u00a0caseload is huge.",
    ],
)
def test_relaxed_gates_and_leads_keep_the_plain_result(text: str) -> None:
    assert (identify_practitioner(text), detect_stance(text, True)) == _reference(text)


def test_cues_opening_with_a_word_share_a_relaxed_gate() -> None:
    gates = {
        gate.pattern
        for _, cues in load_cues().role_cues
        for cue in cues
        if cue.gate
        for gate in cue.gate.patterns
    }
    assert {r"i\s", r"my\s"} <= gates


@pytest.mark.parametrize(
    ("gate", "branches"),
    [
        (r"\bi\s", [r"i\s"]),
        (r"\b(?:i\s+am|speaking\s+as|(?<!such\s)as)\s+an?\s+", [
            r"i\s+am\s+an?\s+", r"speaking\s+as\s+an?\s+", r"as\s+an?\s+",
        ]),
        (r"(?=x)\b(?:a|(?:b|c)d)e", ["ae", "bde", "cde"]),
        # An optional group: its branches, and what follows it alone.
        (r"\b(?:a|b)?c", ["ac", "bc", "c"]),
        (r"(?:i\s+)??(?:so|(?<!x)very)\s+x", [
            r"i\s+(?:so|(?<!x)very)\s+x", r"so\s+x", r"very\s+x",
        ]),
        (r"(?:a)?+(?:b)?", ["a(?:b)?", "b", ""]),
        # A group of zero-width alternatives is dropped with them.
        (r"(?:^|(?<=[.!?]\s))\s*x", [r"\s*x", r"\s*x"]),
        # Not cut: a repeated group, a "|" outside the group, a capturing group.
        (r"\b(?:a|b)*c", ["(?:a|b)*c"]),
        (r"(?:a|b){0,1}c", ["(?:a|b){0,1}c"]),
        (r"(?:a|b)c|d", ["(?:a|b)c|d"]),
        (r"(a|b)c", ["(a|b)c"]),
    ],
)  # fmt: skip
def test_gate_branches(gate: str, branches: list[str]) -> None:
    assert _gate_branches(gate) == branches


_GATE_PIECES = st.sampled_from(
    ["i", "I", "am", "'m", "m", "'ve", "have", "been", "was", "worked", "as", "As", "such",
     "speaking", "a", "an", "my", "social", "worker", "sw", "case", "practitioner", "x", "ia",
     "has"]
)  # fmt: skip
_GATE_GAPS = st.sampled_from(["", " ", " ", "  ", "\n", "\t", ", ", ". ", "'"])


@settings(max_examples=600, deadline=None)
@given(joined_pieces(_GATE_PIECES, _GATE_GAPS))
def test_gate_branches_start_no_later_than_the_gate(text: str) -> None:
    # What `Cue.search` relies on: the branches' earliest match is no later than the gate's
    # first match, and where no branch matches the gate has no match. The cue file's
    # patterns serve as gates here, ``{self}`` and ``{job}`` among them.
    lowered = text.lower()
    patterns = tomllib.loads(read_data_text(CUES_FILE))["patterns"]
    for gate in [*patterns.values(), r"\bi\s", r"\bmy\s"]:
        plain = re.search(gate, lowered, re.MULTILINE)
        branches = _Gate(_gate_branches(gate))
        assert plain is None or 0 <= branches.first(lowered) <= plain.start(), gate


def _all_cues() -> list[Cue]:
    cues = load_cues()
    return [cue for _, role_cues in cues.role_cues for cue in role_cues] + list(cues.stance_cues)


def test_cues_opening_with_alternatives_get_leads() -> None:
    # "\b(?:that|this|it)…" and "\b(?:i\s+)?(?:totally|…)…" are tried at every position of
    # the text; their leads open with literals.
    leads = {cue.pattern.pattern: cue.lead for cue in _all_cues()}
    that = next(lead for pattern, lead in leads.items() if pattern.startswith(r"\b(?:that|"))
    assert that is not None and [p[:5] for p in that.branches] == ["that(", "this(", "it(?:"]
    totally = next(lead for pattern, lead in leads.items() if r"(?:i\s+)?(?:totally" in pattern)
    assert totally is not None and len(totally.branches) == 10
    # "(?:^|(?<=[.!?]\s)|(?<=[.!?]))\s*(?:i\s+)?agree\b": a match starts before the
    # whitespace in front of "i" or "agree".
    agree = next(
        lead for pattern, lead in leads.items() if pattern.endswith(r"\s*(?:i\s+)?agree\b")
    )
    assert agree is not None and agree.branches == (r"i\s+agree\b", r"agree\b") and agree.back
    assert agree.first("x.  \n Agree".lower()) == 2


@settings(max_examples=300, deadline=None)
@given(joined_pieces(st.sampled_from(_cue_words()), _GATE_GAPS))
def test_leads_start_no_later_than_their_cue(text: str) -> None:
    # What `Cue.search` relies on, for each cue's lead: its earliest match is no later than
    # the cue's first match, and where it has no match the cue has none.
    lowered = text.lower()
    for cue in _all_cues():
        plain = cue.pattern.search(lowered)
        if cue.lead is not None and plain is not None:
            assert 0 <= cue.lead.first(lowered) <= plain.start(), cue.pattern.pattern


# Words the leads open with, and the words that follow them in the stance cues; gaps after a
# sentence end, where "(?:^|(?<=[.!?]\s)|(?<=[.!?]))\s*(?:i\s+)?agree\b" starts before the
# whitespace its lead skips.
_LEAD_PIECES = st.sampled_from(
    ["agree", "i", "I", "exactly", "so", "totally", "true", "not", "that", "this", "it", "'s",
     "is", "as", "a", "we", "social", "workers", "in", "over", "20", "years", "you", "are",
     "right", "well", "said", "x", "ia", "more", "could", "n't", "but", "decades", "of",
     "work", "worker", "practice", "xyears"]
)  # fmt: skip
_LEAD_GAPS = st.sampled_from(["", " ", "  ", "\n", ". ", ".  ", "!\n ", "?", ", ", "\t"])


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        joined_pieces(st.sampled_from(_cue_words()), _GATE_GAPS),
        joined_pieces(_LEAD_PIECES, _LEAD_GAPS),
    ),
    st.integers(0, 30),
)
def test_leads_and_tails_keep_the_plain_result(text: str, start: int) -> None:
    # `Cue.search` tries a cue with a lead only where the lead matches: that must find the
    # match a search of the cue finds, from any start. A cue with a tail is not searched
    # where its tail has no match: it must have none there.
    lowered = text.lower()
    for cue in _all_cues():
        plain = cue.pattern.search(lowered, start)
        if cue.lead is not None:
            found = cue.lead.search(cue.pattern, lowered, start)
            assert (found and found.span()) == (plain and plain.span()), cue.pattern.pattern
        if cue.tail is not None and plain is not None:
            assert cue.tail.first(lowered, start) >= 0, cue.pattern.pattern


def test_a_cue_opening_with_an_optional_piece_gets_a_tail() -> None:
    years = next(cue for cue in _all_cues() if cue.pattern.pattern.startswith(r"\b(?:\w+\s+)"))
    assert years.lead is None and years.tail is not None
    assert [branch[:7] for branch in years.tail.branches] == [r"years\s", r"decades"]
    assert _tail(r"\b[ab]?cd") is not None and _tail(r"(?:a)?b|c") is None
    assert _tail(r"(a)?b\1") is None and _tail(r"\bab?") is None


# The {self} pattern as it was before its phrases after "i" were grouped by how they start
# (see commenter_cues.toml): the grouping must change no match.
_SELF_UNGROUPED = (
    r"\b(?:i(?:\s+am|'?m|\s+have\s+been|'?ve\s+been|\s+was|\s+work\s+as|\s+worked\s+as"
    r"|\s+have\s+worked\s+as|'?ve\s+worked\s+as|\s+qualified\s+as)|speaking\s+as"
    r"|(?<!such\s)as)\s+an?\s+"
)
_SELF_PIECES = st.sampled_from(
    ["I am", "i'm", "Im", "i have been", "I've been", "ive been", "i was", "i work as",
     "I worked as", "i have worked as", "i've worked as", "ive worked as", "i qualified as",
     "speaking as", "such as", "i", "I", "am", "'m", "m", "'ve", "ve", "have", "been",
     "worked", "as", "a", "an", "An", "retired", "social worker", "sw", "x"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(joined_pieces(_SELF_PIECES, _GATE_GAPS))
def test_grouped_self_pattern_matches_as_before(text: str) -> None:
    patterns = tomllib.loads(read_data_text(CUES_FILE))["patterns"]
    for rest in ("", patterns["mods"] + patterns["job"]):
        before = re.finditer(_SELF_UNGROUPED + rest, text, re.IGNORECASE | re.MULTILINE)
        now = re.finditer(patterns["self"] + rest, text, re.IGNORECASE | re.MULTILINE)
        assert [m.span() for m in before] == [m.span() for m in now]


def test_runs_remember_the_cues_the_keys_allow() -> None:
    # `_earliest` takes a run's cues from its memo when the keys that matter to the run have
    # been met before: the memo must give the cues that a test of each cue gives.
    cues = load_cues()
    lists = [role_cues for _, role_cues in cues.role_cues] + [cues.stance_cues]
    for text, _, _ in ROLE_CASES + STANCE_CASES:
        reading = _read(text)
        assert reading is not None
        for cue_list in lists:
            for run in cue_list.runs:
                direct = tuple(c for c in run.cues if reading.keys & c.need == c.need)
                assert run.learn(reading.keys) == direct
                assert run.allowed[reading.keys & run.mask] == direct
