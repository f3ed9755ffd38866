"""Quoted speech in the article body: where each quote runs and who says it.

Reads the body's blocks (paragraphs and headings) as plain strings and returns every quote
with its spans and its attribution. It knows about:

* straight (``"``, ``'``) and curly (``“ ”``, ``‘ ’``) marks; a single quote mark only counts
  at a word edge, so apostrophes (``children’s``, ``workers'``) never open or close a quote;
* nesting: ``‘…’`` inside ``“…”`` (and the reverse) stays inside the outer quote;
* quotes running over several paragraphs, where each paragraph opens with a mark and only the
  last one closes (the newspaper convention); a heading between two such paragraphs does not
  end the quote;
* the attribution before the quote (``A council spokesperson said: “…``, ``Director: ‘…``)
  or after it (``…,” the report states.``, ``…,” said a DfE spokesperson.``).

Deciding what the speaker's voice is belongs to ``discourse.analyse.voices``.

Speed: the attribution before a quote is searched with every reporting verb at every
position of the clause before the mark; it is only searched when a verb's last word ends
within reach of the mark (``_may_end_with_verb``), which most clauses fail. The verbs are
an alternation grouped by first letter (``discourse.alternation``), and the attribution
patterns read the block lower-cased, case-sensitively, where ``lowered`` allows it
(``_folded_patterns``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from discourse.alternation import grouped_alternation
from discourse.errors import DiscourseError
from discourse.model import frozen_record
from discourse.prefilter import lowered
from discourse.resources import read_data_toml

CUES_FILE = "voice_cues.toml"

# Words that may follow the verb of an attribution after a quote ("…,” Ofsted said in its
# letter.", "…,” she added on Tuesday.").
_AFTER_VERB = "in|on|at|last|this|yesterday|today|when|after|before|of|about|following|to|as|while"
# Where the last sentence of the text before a quote mark ends (its attribution starts
# after): the greedy ``.*`` backtracks from the end, so the match ends after the white space
# following the last sentence-ending mark, where splitting at every ``[.!?”]\s+`` would
# start its last piece, without testing each position from the front and copying the pieces.
_LAST_SENTENCE_END = re.compile(r"(?s:.*)[.!?”]\s+")
# A phrase opening a relative clause is not a speaker ("…”, which it said was …").
_NOT_SPEAKER = re.compile(r"^(?:which|who|that|where|when|while|whom|whose|what)\b", re.I)
# A conjunction opening a speaker phrase ("and the council"): not part of the speaker.
_CONJUNCTION = re.compile(r"^\W*(?:and|but|as|while|whereas)\s+")
# A clause that introduces a quote ends with a colon or comma.
_INTRODUCED = re.compile(r"[:,]\s*$")
# What may follow the verb of an attribution before the mark ("said that", "told inspectors").
_REST = re.compile(r"that|to [\w’' ]{1,30}|in a statement")
# A quote followed by its attribution ends with one of these (or is followed by a comma).
_CLOSING_PUNCTUATION = re.compile(r"[,?!.]")

AttributionPlace = Literal["before", "after", "none"]

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‚"
_SINGLE_CLOSE = "’"
# The marks that can change the state of ``_scan_block`` in each state (no quote open, a
# double or a single quote open): what ``_opening_mark`` can accept; what ``_closing_mark``
# can accept, and for a double quote a new opening mark. Apostrophes ("children’s") are
# skipped while no quote is open, and single marks inside a double quote.
_MARKS = {
    None: re.compile("[" + re.escape(_DOUBLE_OPEN + _SINGLE_OPEN + "\"'") + "]"),
    "double": re.compile("[" + re.escape(_DOUBLE_CLOSE + _DOUBLE_OPEN + '"') + "]"),
    "single": re.compile("[" + re.escape(_SINGLE_CLOSE + "'") + "]"),
}


@frozen_record
@dataclass(frozen=True, slots=True)
class QuoteSegment:
    """The part of a quote inside one block: ``text[start:end]`` including its marks.

    ``closed`` is False when the quote runs on into a later paragraph.
    """

    block: int
    start: int
    end: int
    closed: bool


@frozen_record
@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation, possibly over several blocks, with its attribution.

    ``speaker`` is the phrase naming who speaks, as written (``"a DfE spokesperson"``,
    ``"She"``, ``"Peter Box, leader of the council"``); ``attribution`` is the whole
    attribution (``"said a DfE spokesperson"``); ``place`` says where it was found.
    """

    segments: tuple[QuoteSegment, ...]
    mark: Literal["double", "single"]
    speaker: str | None
    attribution: str | None
    place: AttributionPlace

    @property
    def blocks(self) -> tuple[int, ...]:
        return tuple(segment.block for segment in self.segments)


@cache
def _reporting_verbs() -> tuple[str, ...]:
    try:
        table = read_data_toml(CUES_FILE)
    except tomllib.TOMLDecodeError as error:  # a packaging fault, not a user error
        raise DiscourseError(f"not valid TOML: {error}", path=CUES_FILE) from error
    verbs = table.get("reporting_verbs")
    if not isinstance(verbs, list) or not all(isinstance(verb, str) for verb in verbs):
        raise DiscourseError("reporting_verbs must be a list of strings", path=CUES_FILE)
    # Longest first so that "pointed out" wins over "pointed".
    return tuple(sorted(set(verbs), key=len, reverse=True))


# The verb of an attribution ends at most this many characters before the mark ("rest" 40,
# then spaces, a colon or comma); a verb further back cannot start a match.
VERB_REACH = 120

# Characters before a quote mark searched for its attribution: the longest the "before"
# pattern can match (speaker 120, verb, 40 more, spaces) with room to spare.
LEAD_WINDOW = 400


# The characters a speaker before the mark cannot contain (its character class below).
_SPEAKER_STOPS = '.!?:;“”"‘'
# The longest speaker before the mark (the bound of its character class below).
SPEAKER_CHARS = 120


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The attribution patterns, compiled once (``_attribution_patterns``)."""

    before: re.Pattern[str]
    # ``before`` without its leading speaker: where the "said …:" part of it can start.
    before_tail: re.Pattern[str]
    label: re.Pattern[str]
    # Matched at the closing mark's end (``match(text, end)``).
    after: re.Pattern[str]
    # Any reporting verb.
    verb: re.Pattern[str]
    # Whether the patterns are for lower-cased text (``_folded_patterns``).
    folded: bool


def _compile_patterns(verbs: str, flags: int, *, folded: bool) -> _Patterns:
    # Before the opening mark: "<speaker> [also] said[ that| to X]:" or "<speaker>:".
    before_tail = (
        rf"[\s,]+(?:also\s+|then\s+|later\s+)?"
        rf"(?P<verb>{verbs})\b(?P<rest>[^.!?:;“”\"]{{0,40}}?)\s*[:,]?\s*$"
    )
    speaker = rf"(?P<speaker>[^{re.escape(_SPEAKER_STOPS)}]{{1,{SPEAKER_CHARS}}}?)"
    before = re.compile(speaker + before_tail, flags)
    label = re.compile(r"(?P<speaker>[^.!?:;“”\"‘’]{1,60}?)\s*:\s*$")
    # After the closing mark: "[,] <speaker> said" or "[,] said <speaker>".
    after = re.compile(
        rf"\s*,?\s*(?:(?P<speaker>[^.!?,;:“”\"‘’][^.!?,;:“”\"‘]{{1,80}}?)\s+(?:also\s+)?(?P<verb>{verbs})"
        rf"(?=\s*(?:[.!?,;:]|$)|\s+(?:{_AFTER_VERB})\b)"
        rf"|(?P<verb2>{verbs})\s+(?P<speaker2>[^.!?;:“”\"‘]{{1,80}}?)\s*(?=[.!?,;]|$))",
        flags,
    )
    verb = re.compile(rf"(?:{verbs})\b", flags)
    return _Patterns(before, re.compile(before_tail, flags), label, after, verb, folded)


def _verb_regex(verb: str) -> str:
    return re.escape(verb).replace(r"\ ", r"\s+")


@cache
def _attribution_patterns() -> _Patterns:
    """The patterns, case-insensitive, for the text as written."""
    verbs = grouped_alternation(_reporting_verbs(), _verb_regex, ignore_case=True)
    return _compile_patterns(verbs, re.IGNORECASE, folded=False)


@cache
def _folded_patterns() -> _Patterns | None:
    """The patterns, case-sensitive, for the text as ``lowered`` gives it; None if a verb is
    not ASCII.

    Their letters are the ASCII verbs and words of ``_attribution_patterns`` in lower case:
    they match the lower-cased text where those match the text, with the same groups
    (``discourse.prefilter``). ``re.IGNORECASE`` folds every character it compares to a
    letter, and cannot skip to a verb's first letters: the verb search of a lead takes a
    quarter of the instructions.
    """
    verbs = _reporting_verbs()
    if not all(verb.isascii() for verb in verbs):
        return None
    lower = [verb.lower() for verb in verbs]
    return _compile_patterns(
        grouped_alternation(lower, _verb_regex, ignore_case=False), 0, folded=True
    )


def _patterns_for(text: str) -> tuple[str, _Patterns]:
    """The text to search for a block's attributions (lower-cased where it may be) and the
    patterns for it; spans in one are spans in the other."""
    folded = lowered(text)
    patterns = _folded_patterns() if folded is not None else None
    if folded is None or patterns is None:
        return text, _attribution_patterns()
    return folded, patterns


# Runs of word characters (``\w`` of a str pattern).
_WORD_RUN = re.compile(r"\w+")


@cache
def _verb_ends() -> tuple[frozenset[str], int] | None:
    """The last word of each reporting verb, lower case, and the longest one's length.

    None if a verb is not made of ASCII words.

    In ``before_tail`` the verb follows white space (or ``also ``) and ends at ``\\b``,
    with white space between its words: its last word is a whole run of word characters.
    Only for ASCII words is that run, lower-cased, the word itself exactly where
    ``re.IGNORECASE`` matches it (``discourse.prefilter``).
    """
    ends: set[str] = set()
    for verb in _reporting_verbs():
        words = _WORD_RUN.findall(verb.lower())
        if not verb.isascii() or not words or not verb.lower().endswith(words[-1]):
            return None
        ends.add(words[-1])
    return frozenset(ends), max(map(len, ends))


# The longest "rest" after the verb in ``before_tail`` (its ``{0,40}``).
_REST_CHARS = 40


def _may_end_with_verb(lead: str, folded: bool = False) -> bool:
    """False only when ``before_tail`` cannot match ``lead``: no verb near its end.

    ``folded``: ``lead`` is lower-cased already (``lowered``).

    After the verb, ``before_tail`` reads a rest of at most _REST_CHARS characters, then
    white space, at most one colon or comma, and white space to the end. Those last three
    lie in the longest suffix of white space, colons and commas, so the verb ends at most
    _REST_CHARS characters before that suffix: its last word is a run ending there or later.
    Most leads hold their verb, if any, further back ("The report said the council had
    “…"), and ``before_tail.search`` would try every verb at every space to find no match.
    """
    verb_ends = _verb_ends()
    if verb_ends is None:
        return True
    ends, longest = verb_ends
    end = len(lead)
    while end > 0 and (lead[end - 1].isspace() or lead[end - 1] in ":,"):
        end -= 1
    # A run ending at or after ``end - _REST_CHARS`` that is a verb's last word starts at most
    # that word's length earlier; runs cut at the window's start only add candidates.
    cut = lead[max(0, end - _REST_CHARS - longest) :]
    window = cut if folded else lowered(cut)
    return window is None or not ends.isdisjoint(_WORD_RUN.findall(window))


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _opens_single(text: str, index: int) -> bool:
    """A single mark opens a quote only at a word's start ("‘Let down’", not "it’s")."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not _is_word_char(before) and (_is_word_char(after) or after in _DOUBLE_OPEN + '"')


def _closes_single(text: str, index: int) -> bool:
    """A single mark closes a quote only at a word's end and not before a letter."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isspace() and not _is_word_char(after)


def _opens_straight(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and not after.isspace()


def _opening_mark(text: str, index: int) -> Literal["double", "single"] | None:
    """The kind of quote an opening mark at ``index`` starts, if it is one."""
    char = text[index]
    if char in _DOUBLE_OPEN or (char == '"' and _opens_straight(text, index)):
        return "double"
    if (char in _SINGLE_OPEN or char == "'") and _opens_single(text, index):
        return "single"
    return None


def _closing_mark(text: str, index: int, mark: Literal["double", "single"]) -> bool:
    char = text[index]
    if mark == "double":
        return char in _DOUBLE_CLOSE or char == '"'
    return (char in _SINGLE_CLOSE or char == "'") and _closes_single(text, index)


def _scan_block(
    text: str, open_mark: Literal["double", "single"] | None
) -> tuple[bool, list[tuple[int, int, bool, Literal["double", "single"]]]]:
    """The outermost quote spans of one block as (start, end, closed, mark).

    ``open_mark`` is the mark of a quote still open from an earlier paragraph: it continues
    only if this block opens with the same kind of mark; the first value says whether it did.
    """
    spans: list[tuple[int, int, bool, Literal["double", "single"]]] = []
    index = len(text) - len(text.lstrip())
    current: Literal["double", "single"] | None = None
    start = 0
    continued = False
    if open_mark is not None and index < len(text) and _opening_mark(text, index) == open_mark:
        current, start, index, continued = open_mark, index, index + 1, True
    # Only quote marks can open, close or restart a quote: every other character leaves the
    # state as it is, so the loop visits the marks that can change the state alone.
    while (found := _MARKS[current].search(text, index)) is not None:
        at = found.start()
        index = at + 1
        if current is None:
            kind = _opening_mark(text, at)
            if kind is not None:
                current, start = kind, at
        elif _closing_mark(text, at, current):
            spans.append((start, at + 1, True, current))
            current = None
        elif current == "double" and text[at] in _DOUBLE_OPEN:
            # A new opening mark inside an open quote: the writer forgot to close the first.
            spans.append((start, at, True, current))
            start = at
    if current is not None:
        spans.append((start, len(text.rstrip()), False, current))
    return continued, spans


def _clean_speaker(speaker: str) -> str | None:
    speaker = _CONJUNCTION.sub("", speaker.strip(" ,–—-"))
    speaker = speaker.strip(" ,–—-")
    return speaker or None


def _speaker_start(lead: str, patterns: _Patterns) -> int | None:
    """Where ``patterns.before.search(lead)`` would start its match, found in linear time.

    ``before`` is a lazy speaker (1 to SPEAKER_CHARS characters, none of _SPEAKER_STOPS)
    followed by ``before_tail`` (", said …:" up to the end). ``search`` tries every start
    and, from each, every speaker length: quadratic in the lead, with the whole verb
    alternation tried at each step. The same answer, directly: let q be the positions where
    ``before_tail`` matches, in order. A start s is matched iff the first such q after s is
    at most SPEAKER_CHARS away and no stop character lies in ``lead[s:q]`` (a later q would
    need the same characters as speaker, and more). So, q by q, the smallest start that
    reaches it is the leftmost start of ``search``, if it lies before q; the starts between
    the previous q and this one can reach no other q first.
    """
    low = 0
    found = patterns.before_tail.search(lead)
    while found is not None:
        end = found.start()
        stop = max(lead.rfind(char, 0, end) for char in _SPEAKER_STOPS)
        start = max(low, end - SPEAKER_CHARS, stop + 1)
        if start < end:
            return start
        low = end
        found = patterns.before_tail.search(lead, end + 1)
    return None


def _before_match(lead: str, patterns: _Patterns) -> re.Match[str] | None:
    """``patterns.before.search(lead)``, when a reporting verb lies within VERB_REACH."""
    if not _may_end_with_verb(lead, patterns.folded):
        return None  # ``before`` ends with ``before_tail``: neither can match
    start = _speaker_start(lead, patterns)
    if start is None:
        return None
    # Matching at the start ``search`` would reach first is exactly the match it returns:
    # ``search`` runs this same attempt there (the pattern has no anchor but ``$``).
    match = patterns.before.match(lead, start)
    # The lead also needs a verb in its last VERB_REACH characters (as it always has). The
    # match's own verb, followed by ``\b`` up to the lead's end, is one if it starts there;
    # only otherwise is the search (every verb at every position) needed.
    if match is None or (
        match.start("verb") < len(lead) - VERB_REACH
        and not patterns.verb.search(lead[-VERB_REACH:])
    ):
        return None
    return match


def _before_attribution(text: str, start: int) -> tuple[str, str] | None:
    """The speaker named before a quote opening at ``start``: "X said: “…"."""
    return _before_in(text, *_patterns_for(text), start)


def _before_in(text: str, source: str, patterns: _Patterns, start: int) -> tuple[str, str] | None:
    """``_before_attribution``, searching ``source`` (``text``, or it lower-cased) with
    ``patterns`` (the patterns for that text); what it returns is read from ``text``."""
    # Only the clause the quote belongs to: from the last sentence end. An attribution is at
    # most LEAD_WINDOW characters long, so only that much text before the mark is read: splitting
    # and searching all the text before every quote made long articles quadratic.
    begin = max(0, start - LEAD_WINDOW)
    searched = source[begin:start]
    ended = _LAST_SENTENCE_END.match(searched)
    if ended is not None:
        begin += ended.end()
        searched = searched[ended.end() :]
    lead = text[begin:start]
    if not lead.strip():
        return None
    match = _before_match(searched, patterns)
    if match is not None:
        speaker = _clean_speaker(lead[match.start("speaker") : match.end("speaker")])
        # "Ofsted found the council faced “…" is a partial quote, not an attribution:
        # the verb must come right before the mark (allowing "that" or "to inspectors").
        rest = lead[match.start("rest") : match.end("rest")].strip().lower()
        introduced = bool(_INTRODUCED.search(lead))
        quoted = text[start + 1 : start + 40]
        # Without a colon or comma only a full quoted sentence is introduced ("The letter
        # states that “The …"): "Ofsted finds ‘slow’ progress" is a partial quote.
        full_sentence = quoted[:1].isupper() and len(quoted.split()) >= 4
        rest_ok = not rest or _REST.fullmatch(rest)
        if (
            speaker
            and rest_ok
            and (introduced or full_sentence)
            and len(speaker.split()) <= 12
            and not _NOT_SPEAKER.match(speaker)
        ):
            return speaker, lead[match.start() : match.end()].strip(" ,:")
    clause = lead.strip()
    # ``label`` ends with a colon and white space: most clauses fail this before the regex.
    label = patterns.label.fullmatch(clause) if clause.endswith(":") else None
    if label is not None and len(label["speaker"].split()) <= 6:
        speaker = _clean_speaker(label["speaker"])
        if speaker:
            return speaker, speaker
    return None


def _after_attribution(text: str, end: int) -> tuple[str, str] | None:
    """The speaker named after a quote closing at ``end``: "…,” the report states."."""
    return _after_in(text, *_patterns_for(text), end)


def _after_in(text: str, source: str, patterns: _Patterns, end: int) -> tuple[str, str] | None:
    """``_after_attribution``, searching ``source`` with ``patterns`` (see ``_before_in``)."""
    inner_end = text[max(0, end - 2) : end]
    # An attribution follows a quote that ends in a comma (or ? !) or is followed by one.
    if not (_CLOSING_PUNCTUATION.search(inner_end) or text[end:].lstrip().startswith(",")):
        return None
    # ``after`` has no look-behind or ``^``: matched at ``end`` as on the text after the mark.
    match = patterns.after.match(source, end)
    if match is None:
        return None
    group = "speaker" if match.start("speaker") >= 0 else "speaker2"
    speaker = _clean_speaker(text[match.start(group) : match.end(group)])
    if speaker is None or len(speaker.split()) > 12 or _NOT_SPEAKER.match(speaker):
        return None
    attribution = text[match.start() : match.end()].strip(" ,.")
    return speaker, attribution


def find_quotes(texts: Sequence[str], headings: Collection[int] = ()) -> tuple[Quote, ...]:
    """Find the quotations in the body blocks, with their speakers where named.

    Args:
        texts: the body blocks in page order (paragraphs and headings).
        headings: indexes of the blocks that are headings: a heading between two paragraphs
            of a running quote does not end it.

    Returns:
        The outermost quotes in page order (a nested ``‘…’`` is part of its outer quote).

    Example:
        >>> quote = find_quotes(['“We are working on it,” the council said.'])[0]
        >>> quote.speaker, quote.place
        ('the council', 'after')
    """
    quotes: list[Quote] = []
    running: list[QuoteSegment] = []
    running_mark: Literal["double", "single"] | None = None

    def finish() -> None:
        nonlocal running, running_mark
        if running and running_mark is not None:
            quotes.append(_attribute(texts, tuple(running), running_mark))
        running, running_mark = [], None

    for index, text in enumerate(texts):
        if running and index in headings and text.lstrip()[:1] not in _DOUBLE_OPEN + '"':
            continue  # a subheading inside a quote running over paragraphs
        continued, spans = _scan_block(text, running_mark)
        if running and not continued:
            finish()  # the open quote is not continued here: it ended with its paragraph
        for position, (start, end, closed, mark) in enumerate(spans):
            continues = continued and position == 0
            if not continues:
                finish()
                running_mark = mark
            running.append(QuoteSegment(index, start, end, closed))
            if closed:
                finish()
    finish()
    return tuple(quotes)


def _attribute(
    texts: Sequence[str], segments: tuple[QuoteSegment, ...], mark: Literal["double", "single"]
) -> Quote:
    first, last = segments[0], segments[-1]
    after = _after_attribution(texts[last.block], last.end) if last.closed else None
    if after is not None:
        return Quote(segments, mark, after[0], after[1], "after")
    before = _before_attribution(texts[first.block], first.start)
    if before is not None:
        return Quote(segments, mark, before[0], before[1], "before")
    return Quote(segments, mark, None, None, "none")
