"""Sentence splitting and word tokens: the first step of every text measurement.

Sentences come from the Punkt algorithm (NLTK 3.10.4's code, kept in
``discourse/vendor/punkt.py``) built from parameters the package ships
(``discourse/data/punkt_parameters.toml``): nothing is downloaded, NLTK is not imported, and
the result depends neither on ``NLTK_DATA`` nor on the installed NLTK. Punkt runs once per
block of text (blocks are separated by blank lines), except where its answer is known
without it: a block with no candidate boundary, or one whose every candidate is a plain
"word. Next" (91% of the blocks that have one, in the benchmark corpus; Punkt's own spans,
checked against Punkt by the tests).
Repairs are applied to its output:

* a full stop, ``?`` or ``!`` glued to the next sentence (``the end.Next one``) is split,
  since Punkt only considers a boundary before white space;
* a "sentence" of punctuation alone (the ``!`` of ``accountable?!``) joins the one before;
* a split right after a shipped abbreviation is undone unless the next word is a sentence
  starter: Punkt's ``span_tokenize`` judges a boundary by a context that runs to the next
  full stop, so in ``for Dr. Smith.” Next`` it splits after ``Dr.`` although its own
  annotation marks ``Dr.`` as an abbreviation;
* every span is trimmed of white space, so ``text[start:end] == sentence.text``.

Word tokens come from one compiled regular expression (the Treebank tokenizer is four times
slower, see ``performance.md``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import cache

from discourse.analyse.results import Sentence
from discourse.errors import DiscourseError
from discourse.resources import read_data_text
from discourse.vendor.punkt import PunktParameters, PunktSentenceTokenizer
from discourse.vendor.snowball import EnglishStemmer

PARAMETERS_FILE = "punkt_parameters.toml"

# A blank line (possibly holding spaces) is a hard boundary: paragraphs never share a sentence.
_BLOCK_SEPARATOR = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# A sentence end glued to the next sentence: two letters or digits, end punctuation, then a
# capital followed by a lower-case letter ("caseloads.Managers"). Initialisms ("U.K.The")
# do not match because the character before the full stop is a single letter after a dot.
_GLUED_END = re.compile(r"(?P<word>[^\W_]{2,})[.!?]+(?=[A-Z][a-z])")
_GLUED_HINT = re.compile(r"[.!?][A-Z][a-z]")

# The last word of a span when it ends with a full stop ("… for St.").
_FINAL_ABBREVIATION = re.compile(r"(?P<word>[^\W_]+)\.\s*$")

# A word: letters or digits, with internal apostrophes ("don't", "council’s") kept inside;
# hyphens and other punctuation separate words ("box-ticking" -> "box", "ticking"). The theme
# matcher tokenises with it too, so themes and ``word_tokens`` agree on what a word is.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _string_list(table: dict[str, object], key: str) -> frozenset[str]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DiscourseError(f"{key} must be a list of strings", path=PARAMETERS_FILE)
    return frozenset(item.lower() for item in value)


@cache
def _parameters() -> tuple[frozenset[str], frozenset[str]]:
    """Return the shipped (abbreviations, sentence starters), read once per process."""
    try:
        table = tomllib.loads(read_data_text(PARAMETERS_FILE))
    except tomllib.TOMLDecodeError as error:  # a packaging fault, not a user error
        raise DiscourseError(f"not valid TOML: {error}", path=PARAMETERS_FILE) from error
    return _string_list(table, "abbrev_types"), _string_list(table, "sent_starters")


def abbreviations() -> frozenset[str]:
    """The abbreviations (lower case, no final full stop) after which no sentence ends."""
    return _parameters()[0]


# The context Punkt judges a candidate boundary by: the word before the mark (here without
# white space; Punkt's may run further back), the mark, then white space and the next token
# or one of Punkt's non-word characters (its ``_re_non_word_chars``). A ``?`` or ``!`` is a
# token of its own that Punkt's first pass marks a break and its second pass leaves alone,
# and a token follows it: Punkt breaks there whatever the word. After a full stop it breaks
# where ``_plain_word`` says (the token after the word cannot undo it: see there).
# ``tests/test_sentences.py`` checks the claim against Punkt itself.
_PLAIN_BREAK = re.compile(r"(?P<word>\S*)(?P<end>[.?!])(?:\s+\S+|[)\";}\]*:@'({\[‘’“”«»?!])")

# A mark, ASCII white space and a next token: with the word before the mark
# (``_plain_block_spans`` checks it), the shape of a plain candidate in a whole block. Punkt
# moves a run of quotes and closing brackets at the start of the next sentence back into the
# one before when white space, "--" or the end follows the run (its
# ``re_boundary_realignment``); a token that opens with such a run is plain only when a
# character that is none of those follows it ("“We"), and one that is not a hyphen, to be safe.
# The mark comes first so that the regex engine skips to the marks instead of trying every
# position; it skips to a full stop alone three times faster than to any of three marks, so
# a block with full stops only is searched for them alone.
_REALIGNED = "\"')\\]}‘’“”«»"
_THEN_TOKEN = rf"[ \t\n\r\f\v]+(?=[{_REALIGNED}]*[^\s{_REALIGNED}-]|[^\s{_REALIGNED}])"
_MARK_THEN_TOKEN = re.compile(rf"[.?!]{_THEN_TOKEN}")
_FULL_STOP_THEN_TOKEN = re.compile(rf"\.{_THEN_TOKEN}")
# Where Punkt sees a candidate boundary: a mark followed by white space (and, in a block
# without trailing space, a token) or by one of its non-word characters (its
# ``_re_non_word_chars``). A mark followed by a letter, a digit, a full stop or a comma is
# none.
_POSSIBLE_BREAK = re.compile(r"[.?!](?=[\s)\";}\]*:@'({\[‘’“”«»?!])")
# A word Punkt's tokenizer keeps whole: letters and digits, single hyphens inside
# (its "--" is a token apart, an apostrophe a non-word character).
_TOKEN_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Such a word Punkt types as "##number##" (its ``_RE_NUMERIC``, for this shape of word).
_NUMBER_WORD = re.compile(r"\d[\d-]*")
# Closing quotes, brackets and ellipses that may stand between a word and its mark
# ("practice”.", "competitive).", "knows….") without changing Punkt's answer: see
# ``_plain_word``.
_CLOSERS = "”’\"')]…"


@cache
def _tokenizer() -> PunktSentenceTokenizer:
    """Build the Punkt tokenizer once per process from the shipped parameters.

    Punkt judges each candidate boundary by tokenising and annotating its context (about
    140 us a candidate, as much as VADER spends on a sentence); most candidates are plain
    ``word. Next`` contexts whose answer is known (``_PLAIN_BREAK``), and those skip the work.
    """
    abbrevs, starters = _parameters()

    class _Tokenizer(PunktSentenceTokenizer):
        def text_contains_sentbreak(self, text: str) -> bool:
            plain = _PLAIN_BREAK.fullmatch(text)
            if plain is not None:
                word = plain.group("word")
                if plain.group("end") != "." or not word or _plain_word(word, True, abbrevs):
                    return True
            return super().text_contains_sentbreak(text)

    params = PunktParameters()
    params.abbrev_types = set(abbrevs)
    params.sent_starters = set(starters)
    return _Tokenizer(params)


def _plain_block_spans(
    block: str, end: int, marks: int, full_stops: int
) -> list[tuple[int, int]] | None:
    """Punkt's spans of a block whose every candidate boundary is plain, else None.

    ``marks`` is the number of ``.``, ``?`` and ``!`` in ``block[:end - 1]`` (``end`` is the
    length of the block without its trailing white space), ``full_stops`` that of ``.``. If
    each of them that Punkt takes for a candidate boundary (``_POSSIBLE_BREAK``) is a plain
    candidate (``_plain_word`` before it, ``_MARK_THEN_TOKEN`` after it), Punkt breaks after
    every mark and starts the next sentence at the next token, so the spans are known without
    running it;
    ``tests/test_sentences.py`` checks this against Punkt itself. Otherwise (a number, an
    initial, an ellipsis, a quote, "!!") None: the block needs Punkt.
    """
    if block[0].isspace():  # Punkt's word search treats a block's leading space specially
        return None
    pattern = _FULL_STOP_THEN_TOKEN if full_stops == marks else _MARK_THEN_TOKEN
    candidates = list(pattern.finditer(block, 0, end))
    if len(candidates) != marks:
        # Some marks may be no candidate at all ("8.4%", "end.Next"): count those that are.
        marks = len(_POSSIBLE_BREAK.findall(block, 0, end))
        if len(candidates) != marks:
            return None
    abbrevs = abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    for candidate in candidates:
        mark = candidate.start()
        # Punkt's word runs back to the last ASCII white space. A search for the last space
        # (in C, instead of a loop over the word's characters: 2,000 fewer instructions a
        # block) may take in a tab or line break and what comes before it, a word that fails
        # ``_plain_word`` unless Punkt's word ends in the same closer: Punkt's answer or None.
        word = block[max(start, block.rfind(" ", start, mark) + 1) : mark]
        if word and not _plain_word(word, block[mark] == ".", abbrevs):
            return None
        spans.append((start, mark + 1))
        start = candidate.end()
    spans.append((start, end))
    return spans


def _plain_word(word: str, full_stop: bool, abbrevs: frozenset[str]) -> bool:
    """Whether Punkt always breaks after ``word`` and its mark (see ``_PLAIN_BREAK``).

    Any word that ends in one of ``_CLOSERS`` does: Punkt's word tokenizer either splits the
    closer off (brackets, straight and curly quotes are its non-word characters), leaving the
    mark a token of its own or after closers only, or keeps it in the token (``…``): either
    way the token before the mark is no abbreviation (none ends in a closer), no initial, no
    number and no ellipsis, so the mark breaks.

    So does a word of letters and digits, perhaps joined by single hyphens
    (``_TOKEN_WORD``: one token for Punkt), before a ``?`` or ``!``, which is a token of its
    own; before a full stop, unless Punkt's second look could undo the break: it is one
    letter (an initial), or digits and hyphens (Punkt's "##number##"), or it or its last
    hyphenated part is an abbreviation ("well-no."). ``tests/test_sentences.py`` checks all
    of this against Punkt itself.
    """
    if word.isalpha():  # the common case, in C: one token, no closer, number nor hyphen
        return not full_stop or (len(word) > 1 and word.lower() not in abbrevs)
    if word[-1] in _CLOSERS:
        return True
    if _TOKEN_WORD.fullmatch(word) is None:
        return False
    if not full_stop:
        return True
    lowered = word.lower()
    return (
        len(word) > 1
        and _NUMBER_WORD.fullmatch(word) is None
        and lowered not in abbrevs
        and lowered.rsplit("-", 1)[-1] not in abbrevs
    )


def _block_spans(block: str) -> tuple[list[tuple[int, int]], bool]:
    """Punkt's sentence spans of one block (no blank line inside), and whether they are plain.

    Plain spans need none of the repairs but the join of punctuation alone: each is trimmed
    and non-empty, none holds a mark glued to a capital, and none ends in a shipped
    abbreviation and its full stop. That holds for a block without candidate boundaries
    that starts with no white space (one span, up to its trailing white space; no mark
    before a capital), and for ``_plain_block_spans``: each span starts at a token and ends
    at a mark or the block's last non-space, and the word before each full stop is no
    abbreviation, nor is its last hyphenated part, the letters and digits the join reads
    (``_ends_with_abbreviation``). A mark glued to a capital is no candidate: there is none
    where every mark is one, and elsewhere ``_GLUED_HINT`` looks. Searching each text for it
    took a third of the splitter's time. ``tests/test_sentences.py`` checks the claim.
    """
    end = len(block.rstrip())
    full_stops = block.count(".", 0, end - 1)
    marks = full_stops + block.count("?", 0, end - 1) + block.count("!", 0, end - 1)
    if not marks:
        # No ".", "?" or "!" before the last character: Punkt has no candidate boundary (one
        # needs an end followed by punctuation or by white space and a token), and returns the
        # block up to its trailing white space.
        return [(0, end)], not block[0].isspace()
    plain = _plain_block_spans(block, end, marks, full_stops)
    if plain is not None:
        return plain, len(plain) == marks + 1 or _GLUED_HINT.search(block) is None
    return list(_tokenizer().span_tokenize(block)), False


def _glued_splits(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the span ``text[start:end]`` where a sentence end is glued to the next one."""
    if _GLUED_HINT.search(text, start, end) is None:
        return [(start, end)]  # the common case; ``_GLUED_END`` needs this end-then-capital
    spans: list[tuple[int, int]] = []
    for match in _GLUED_END.finditer(text, start, end):
        if match.group("word").lower() in abbreviations():
            continue  # "St.Helens" is a place, not two sentences
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, end))
    return spans


def _joined_abbreviations(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join a span ending in an abbreviation ("St.") to the next, unless that starts a sentence."""
    abbrevs, starters = _parameters()
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _ends_with_abbreviation(text, *joined[-1], abbrevs):
            first = WORD.search(text, start, end)
            if first is not None and first.group(0).lower() not in starters:
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def _ends_with_abbreviation(text: str, start: int, end: int, abbrevs: frozenset[str]) -> bool:
    """Whether ``text[start:end]`` ends with an abbreviation and its full stop ("… for St.").

    ``_FINAL_ABBREVIATION`` searched over the whole span tries every position of it; only the
    last few characters can hold the answer: a full stop after the span's last non-space, and
    a word no longer than the longest abbreviation before it. The search runs on that tail,
    and a word cut at the tail's start (a letter before it) is longer than any abbreviation.
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    if end == start or text[end - 1] != ".":
        return False
    tail = max(start, end - _longest_abbreviation() - 1)
    found = _FINAL_ABBREVIATION.search(text, tail, end)
    if found is None:
        return False
    if found.start() == tail > start and text[tail - 1].isalnum():
        return False  # the word goes on before the tail: too long to be an abbreviation
    return found.group("word").lower() in abbrevs


@cache
def _longest_abbreviation() -> int:
    return max(map(len, abbreviations()), default=0)


def _joined_punctuation(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join a span without any letter or digit to the span before it (Punkt splits "?!")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and not WORD.search(text, start, end):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split a text into sentences whose spans point into ``text``.

    Blank lines are hard boundaries; within a block Punkt decides, with the shipped
    abbreviations ("Mr Smith", "Dr. Jones", "No. 10", "e.g. this") and numbers ("25.6%",
    "£3.5 million") never splitting, and informal text (missing capitals, "!!!!", "end.Next")
    splitting where a reader would.

    Args:
        text: any text; a paragraph or several separated by blank lines.

    Returns:
        The sentences in order; ``text[s.start:s.end] == s.text`` for each.

    Example:
        >>> [s.text for s in split_sentences("Dr. Jones agreed. the end.Next one")]
        ['Dr. Jones agreed.', 'the end.', 'Next one']
    """
    sentences: list[Sentence] = []
    block_start = 0
    # A blank line needs a line break: most texts (a comment paragraph, a body block) have
    # none, and skip the search.
    boundaries = (
        [(m.start(), m.end()) for m in _BLOCK_SEPARATOR.finditer(text)] if "\n" in text else []
    )
    boundaries.append((len(text), len(text)))
    for block_end, next_start in boundaries:
        block = text[block_start:block_end]
        if block and not block.isspace():
            found, plain = _block_spans(block)
            spans = [(block_start + start, block_start + end) for start, end in found]
            if not plain:
                spans = [piece for span in spans for piece in _glued_splits(text, *span)]
            if len(spans) > 1:  # the joins only ever merge a span into the one before
                if not plain:
                    spans = _joined_abbreviations(spans, text)
                spans = _joined_punctuation(spans, text)
            # Plain spans are final but for the join of punctuation (``_block_spans``): 20%
            # of the splitter's time went on trimming them and looking for abbreviations at
            # their ends.
            if plain:
                sentences += [Sentence(text[start:end], start, end) for start, end in spans]
            else:
                for start, end in spans:
                    start, end = _trimmed(text, start, end)
                    if start < end:
                        sentences.append(Sentence(text[start:end], start, end))
        block_start = next_start
    return tuple(sentences)


def word_tokens(text: str) -> list[str]:
    """Return the lower-cased words of a text (curly apostrophes made straight).

    Args:
        text: a sentence or any text.

    Returns:
        Words in order: letters/digits with internal apostrophes; punctuation dropped.

    Example:
        >>> word_tokens("Box-ticking, isn’t it? 25.6%")
        ['box', 'ticking', "isn't", 'it', '25', '6']
    """
    return [match.group().lower().replace("’", "'") for match in WORD.finditer(text)]


@cache
def _snowball() -> Callable[[str], str]:
    """The Snowball English stemmer (NLTK 3.10.4's, in ``discourse/vendor``), built once."""
    return EnglishStemmer().stem


@cache
def stem(word: str) -> str:
    """Return the Snowball (English) stem of a lower-cased word, memoised per distinct word.

    Stemming every token is three times VADER's cost; vocabularies are small, so the cache
    makes it cheap (``performance.md``).

    Args:
        word: a token from ``word_tokens``.

    Returns:
        Its stem, e.g. ``"bulli"`` for "bullying", "bullied" and "bullies".
    """
    return _snowball()(word)
