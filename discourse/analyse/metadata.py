"""What an article says about the inspection it reports: councils, judgement, inspection type.

Reads the title, standfirst and body (never the comments: commenters name other councils).

* Councils come from a gazetteer of English local authorities with children's services
  (``discourse/data/councils.txt``) and, for places not on it, from the patterns
  ``<Name> Council``, ``<Name>’s children’s services`` and ``<Name> Children’s Services``.
* The Ofsted judgement is the first one the article states in a rating context (``rated
  ‘inadequate’``, ``judged good``, ``an ‘inadequate’ authority``, ``requires improvement``):
  headlines and standfirsts state the current judgement first.
* The inspection type is the type the article mentions most, where a mention marked as past
  (``previous monitoring visit``, ``after a focused visit in February``) counts half and a
  bare ``inspection`` counts as a full inspection at half weight.

Speed: each pattern is searched only in texts holding the literal words it needs
(``prefilter.folded_keys``, ``_CHILDRENS_SERVICES``): most texts name one kind of inspection
at most. The inspection patterns are tried only where a text holds what their matches start
with (``_finditer``), the rating pattern from shortly before the first rating word
(``_rating_start``), the past markers in the last words before a mention (``_is_past``).
The gazetteer's names are an alternation grouped by first letter
(``discourse.alternation``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from discourse.alternation import grouped_alternation
from discourse.analyse.results import ArticleMeta, InspectionType, Rating
from discourse.analyse.workforce import matches_at
from discourse.errors import DiscourseError
from discourse.model import Article
from discourse.prefilter import (
    ascii_folded,
    folded_keys,
    folded_literals,
    lowered,
    required_prefixes,
)
from discourse.resources import read_data_text

COUNCILS_FILE = "councils.txt"

_RATINGS: dict[str, Rating] = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement": "requires improvement",
    "required improvement": "requires improvement",
    "requiring improvement": "requires improvement",
    "inadequate": "inadequate",
}
_RATING_WORD = (
    r"(?P<rating>outstanding|good|requires? improvement|required improvement"
    r"|requiring improvement|inadequate)"
)
# A judgement is a rating only in a rating context: after a rating verb, in quotes, or
# before a word like "rating"; "good practice" and "inadequate supervision" are not ratings.
_RATING_CONTEXT = re.compile(
    r"(?:\b(?:rated|rating|judged|judgement of|graded|regraded|downgraded to|upgraded to|"
    r"remains|remained|found to be|deemed|as|was|is|been|be)\s+(?:as\s+)?(?:being\s+)?[‘'“\"]?"
    + _RATING_WORD
    + r"\b[’'”\"]?)"
    r"|(?:[‘'“\"]" + _RATING_WORD.replace("rating>", "quoted>") + r"[’'”\"])"
    # "requires improvement" is Ofsted's wording: a judgement wherever it appears.
    r"|(?:\b(?P<phrase>requires improvement|required improvement|requiring improvement)\b)"
    r"|(?:\b"
    + _RATING_WORD.replace("rating>", "before>")
    + r"\s+(?:rating|judgement|grade|authority|council|local authority|children’s services|"
    r"children's services|overall))\b",
    re.IGNORECASE,
)

# Every branch of _RATING_CONTEXT holds a rating, and every rating one of these words: a text
# whose lower-cased form holds none of them states no rating (discourse.prefilter).
_RATING_WORDS = ("outstanding", "good", "improvement", "inadequate")
# A match of _RATING_CONTEXT has at most this many characters other than white space before
# the first of _RATING_WORDS in it: "downgraded to" (12), "as" (2), "being" (5), a quote mark
# and "requiring" (9) before "improvement". Branches 2 to 4 have fewer.
_RATING_LEAD = 29
# How far before a text's first rating word the search starts, when that stretch has more
# than _RATING_LEAD characters other than white space (as it has but in runs of spaces).
_RATING_REACH = 64

_TYPES: dict[InspectionType, tuple[str, ...]] = {
    "joint targeted area inspection": (
        r"joint targeted area inspections?",
        r"JTAIs?",
    ),
    "focused visit": (r"focused visits?",),
    "monitoring visit": (
        r"monitoring visits?",
        r"monitoring (?:report|letter)s?",
        # Machine-translated pages (the aggregator in the seeds) write "surveillance visit".
        r"surveillance visits?",
    ),
    "full inspection": (
        r"full inspections?",
        r"ILACS inspections?",
        r"standard inspections?",
        r"short inspections?",
        r"SIF inspections?",
        r"inspections? of local authority children’s services",
    ),
}


def _may_match(keys: tuple[str, ...] | None, folded: str | None) -> bool:
    """False only when a pattern with ``prefilter.folded_keys`` ``keys`` cannot match the text."""
    return keys is None or folded is None or any(map(folded.__contains__, keys))


def _heads(pattern: str) -> tuple[str, ...] | None:
    """What every match of ``pattern`` (searched in any case) starts with, lower-cased, none
    starting with another; None when that is not known (``prefilter.required_prefixes``)."""
    heads = folded_literals(required_prefixes(pattern))
    if not heads:
        return None
    return tuple(head for head in heads if not any(h != head and head.startswith(h) for h in heads))


def _finditer(
    pattern: re.Pattern[str], text: str, folded: str | None, heads: tuple[str, ...] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where one of its ``heads`` stands.

    A pattern opening with ``\\b`` is tried at every position of a text, case-insensitively;
    its matches start where the lower-cased text holds a head (``discourse.prefilter``), and
    ``workforce.matches_at`` tries it there alone: one to three places in a text.
    """
    if heads is None or folded is None:
        return pattern.finditer(text)
    starts: set[int] = set()
    for head in heads:
        at = folded.find(head)
        while at >= 0:
            starts.add(at)
            at = folded.find(head, at + 1)
    return matches_at(pattern, text, sorted(starts))


# Each pattern above, as searched (a whole word or phrase, any case), with its keys and heads:
# most texts that name an inspection name one or two kinds, and the other patterns are skipped.
_TYPE_PATTERNS: tuple[
    tuple[InspectionType, re.Pattern[str], tuple[str, ...] | None, tuple[str, ...] | None], ...
] = tuple(
    (
        kind,
        re.compile(rf"\b{pattern}\b", re.IGNORECASE),
        folded_keys(rf"\b{pattern}\b"),
        _heads(rf"\b{pattern}\b"),
    )
    for kind, patterns in _TYPES.items()
    for pattern in patterns
)
# Every pattern of _TYPES and _BARE_INSPECTION holds one of these words: a text whose
# lower-cased form holds none of them names no inspection (discourse.prefilter).
_TYPE_WORDS = ("inspection", "jtai", "visit", "monitoring")
_BARE = r"\binspection\b(?!\s+(?:type|framework|regime))"
_BARE_INSPECTION = re.compile(_BARE, re.IGNORECASE)
_BARE_KEYS = folded_keys(_BARE)
_BARE_HEADS = _heads(_BARE)
# A mention of an earlier inspection: a marker word a few words before it ("previous
# monitoring visit", "after a critical focused visit") or a year right after it ("the full
# inspection in 2019").
_PAST_BEFORE = re.compile(
    r"\b(?:previous|last|earlier|prior|former|after|following|since|before)\b"
    r"(?:\s+[\w’'-]+){0,3}\s*$",
    re.IGNORECASE,
)
_PAST_AFTER = re.compile(r"^\s+(?:in|of|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b")

_PATTERN_NAME = (
    r"(?P<name>(?:[A-Z][\w’'&-]*\.?\s+(?:(?:of|upon|on|and|with|under|in)\s+)?){0,3}"
    r"[A-Z][\w’'-]*?)"
)


# How the second pattern below ends ("’s children’s services"). A text where this is not
# found cannot match the whole pattern; searching for it is fast (every match starts with an
# apostrophe, which ``re`` looks for directly), while the whole pattern tries its run of
# capitalised words at every capital letter. Most texts about children's services say
# "children's services" without a name and "’s" before it.
_CHILDRENS_SERVICES = re.compile(r"(?:’s|'s)\s+(?i:children(?:’s|'s)\s+services)")


def _may_name_childrens_services(text: str) -> bool:
    """``_CHILDRENS_SERVICES.search(text) is not None``, tried only where it can match.

    A match's "children" follows its "’s" after white space alone, so the search is a match
    at each "children" of the lower-cased text (one in three texts has none), from before
    that white space.
    """
    folded = lowered(text)
    if folded is None:
        return _CHILDRENS_SERVICES.search(text) is not None
    at = folded.find("children")
    while at >= 0:
        start = len(text[:at].rstrip()) - 2
        if start >= 0 and _CHILDRENS_SERVICES.match(text, start) is not None:
            return True
        at = folded.find("children", at + 1)
    return False


@dataclass(frozen=True, slots=True)
class _CouncilPattern:
    """A pattern naming a council by the words after its name ("Barset Council")."""

    pattern: re.Pattern[str]
    # False only when the pattern cannot match: the word it needs (case-sensitive "Council"
    # and "Children") or the end above is not in the text. Most texts are rejected by it.
    needed: Callable[[str], bool]
    # The word every match holds after the name, as written in the text (``folded``: as the
    # lower-cased text holds it), and the most runs of characters other than white space
    # before it in a match: 4 words of the name and 3 connectives, "Metropolitan Borough".
    anchor: str
    folded: bool
    runs: int


_COUNCIL_PATTERNS: tuple[_CouncilPattern, ...] = (
    _CouncilPattern(
        re.compile(
            _PATTERN_NAME + r"(?:’s|'s)?\s+(?:(?:City|County|Borough|Metropolitan Borough|District)"
            r"\s+)?Council\b"
        ),
        lambda text: "Council" in text,
        "Council",
        False,
        9,
    ),
    _CouncilPattern(
        re.compile(_PATTERN_NAME + r"(?:’s|'s)\s+(?i:children(?:’s|'s)\s+services)"),
        _may_name_childrens_services,
        "children",
        True,
        7,
    ),
    _CouncilPattern(
        re.compile(_PATTERN_NAME + r"\s+Children(?:’s|'s)\s+Services\b"),
        lambda text: "Children" in text,
        "Children",
        False,
        7,
    ),
)


def _council_matches(council: _CouncilPattern, text: str) -> Iterator[re.Match[str]]:
    """``council.pattern.finditer(text)``, each search begun a few words before an anchor.

    The pattern tries its run of capitalised words at every capital letter of the text. A
    match starts at most ``council.runs`` runs before its anchor, and no match starts before
    the runs ahead of the first anchor still to come: later anchors have later runs.
    """
    haystack = lowered(text) if council.folded else text
    if haystack is None:
        yield from council.pattern.finditer(text)
        return
    at = 0
    while (anchor := haystack.find(council.anchor, at)) >= 0:
        runs = text[at:anchor].rsplit(None, council.runs)
        start = at + len(runs[0]) if len(runs) > council.runs else at
        match = council.pattern.search(text, start)
        if match is None:
            return
        yield match
        at = match.end()


# Capitalised words that open a sentence or name a body, never a place.
_NOT_PLACES = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "its",
        "their",
        "our",
        "his",
        "her",
        "every",
        "each",
        "council",
        "county",
        "borough",
        "city",
        "local",
        "district",
        "metropolitan",
        "town",
        "parish",
        "new",
        "national",
        "said",
        "and",
        "but",
        "ofsted",
    ]
)


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    # Any listed name, whole (``(?![\w-])``): its start is checked by ``_listed_names``.
    pattern: re.Pattern[str]
    canonical: dict[str, str]


def _lines(name: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(read_data_text(name).splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, line


def _key(name: str) -> str:
    return re.sub(r"[\s.,]+", " ", name.lower().replace("&", "and")).strip()


@cache
def _gazetteer() -> _Gazetteer:
    """The council names and aliases, compiled once per process (longest first)."""
    canonical: dict[str, str] = {}
    for number, line in _lines(COUNCILS_FILE):
        names = [part.strip() for part in line.split("|")]
        if not all(names):
            raise DiscourseError(f"line {number}: empty name in {line!r}", path=COUNCILS_FILE)
        for name in names:
            canonical[_key(name)] = names[0]
    variants = []
    for name in {name for line in _lines(COUNCILS_FILE) for name in line[1].split("|")}:
        words = [word.rstrip(".,") for word in name.split()]
        # "St Helens" is also "St. Helens"; a comma in a list-like name is optional.
        variants.append((len(name), r"\.?,?\s+".join(map(re.escape, words))))
    alternation = grouped_alternation(
        [body for _, body in sorted(variants, reverse=True)], str, ignore_case=False
    )
    return _Gazetteer(re.compile(rf"(?:{alternation})(?![\w-])"), canonical)


def _listed_names(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    r"""``re.finditer(r"(?<![\w-])" + pattern.pattern, text)``: the listed names, whole.

    A pattern that opens with a look-behind is tried at every position of a text; one that
    opens with the alternation's (case-sensitive) first letters lets ``re`` skip in C to the
    next position holding one: the gazetteer's search takes half the instructions. The
    look-behind, checked here, only refuses a match where it starts (it consumes nothing):
    the next match then starts later, so the search goes on from the next position.
    """
    at = 0
    while (match := pattern.search(text, at)) is not None:
        start = match.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            at = start + 1  # ``\w`` is ``str.isalnum`` or "_"
            continue
        yield match
        at = match.end()


def _article_text(article: Article) -> list[str]:
    return [article.title, article.standfirst or "", *(block.text for block in article.body)]


def find_councils(texts: list[str]) -> tuple[str, ...]:
    """The councils named in some texts, in order of first mention.

    Args:
        texts: title, standfirst and body blocks.

    Returns:
        Canonical names (gazetteer spelling where known), without duplicates.

    Example:
        >>> find_councils(["Ofsted rated Wakefield’s children’s services inadequate."])
        ('Wakefield',)
    """
    gazetteer = _gazetteer()
    found: list[tuple[int, int, str]] = []
    for order, text in enumerate(texts):
        listed: list[tuple[int, int]] = []
        for match in _listed_names(text, gazetteer.pattern):
            listed.append((match.start(), match.end()))
            found.append((order, match.start(), gazetteer.canonical[_key(match.group(0))]))
        for council in _COUNCIL_PATTERNS:
            if not council.needed(text):
                continue
            for match in _council_matches(council, text):
                # A listed name found again by a pattern ("… and Poole Council") is not new.
                if any(left < match.end("name") <= right for left, right in listed):
                    continue
                name = _place_name(match["name"])
                if name is not None:
                    key = _key(name)
                    found.append((order, match.start(), gazetteer.canonical.get(key, name)))
    names: list[str] = []
    for _, _, name in sorted(found):
        if name not in names:
            names.append(name)
    return tuple(names)


def _place_name(raw: str) -> str | None:
    """The place in a pattern match, without leading sentence words ("The Wirral" → Wirral)."""
    words = raw.split()
    while words and words[0].lower().strip("’'") in _NOT_PLACES:
        words = words[1:]
    while words and words[-1].lower() in _NOT_PLACES:
        words = words[:-1]  # "Northamptonshire County (Council)"
    if not words:
        return None
    name = " ".join(words).removesuffix("’s").removesuffix("'s")
    return name or None


def find_rating(texts: list[str]) -> Rating | None:
    """The first Ofsted judgement stated in a rating context, or None.

    Example:
        >>> find_rating(["Council with too few social workers rated ‘inadequate’"])
        'inadequate'
    """
    for text in texts:
        match = _RATING_CONTEXT.search(text, _rating_start(text))
        if match is not None:
            word = match["rating"] or match["quoted"] or match["phrase"] or match["before"]
            key = re.sub(r"\s+", " ", ascii_folded(word)).replace("require ", "requires ")
            return _RATINGS[key]
    return None


def _rating_start(text: str) -> int:
    """Where ``_RATING_CONTEXT.search`` of ``text`` may begin: no match starts before it.

    ``len(text)`` when the text holds no rating word. The search tries a long case-insensitive
    pattern at every position (a thousand instructions a character); a match's first rating
    word comes at most _RATING_LEAD characters other than white space after its start, so a
    match starting before a stretch with more of them before the text's first rating word
    would hold that stretch.
    """
    folded = lowered(text)
    if folded is None:
        return 0
    found = [at for at in map(folded.find, _RATING_WORDS) if at >= 0]
    if not found:
        return len(text)
    first = min(found)
    start = max(0, first - _RATING_REACH)
    if start and len("".join(text[start:first].split())) > _RATING_LEAD:
        return start
    return 0


def _is_past(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``text[start:end]`` is of an earlier inspection."""
    before = text[:start]
    # _PAST_BEFORE ends with at most three words after its marker word, all separated by
    # white space: a match starts in the last four runs of other characters, not earlier
    # (the search tries its words at every position of the text before the mention).
    runs = before.rsplit(None, 4)
    since = len(runs[0]) if len(runs) == 5 else 0
    return bool(_PAST_BEFORE.search(before, since) or _PAST_AFTER.match(text[end:]))


def find_inspection_type(texts: list[str]) -> InspectionType | None:
    """The kind of inspection the article reports, or None if it names none.

    Example:
        >>> find_inspection_type(["Ofsted's fifth monitoring visit found progress."])
        'monitoring visit'
    """
    scores: dict[InspectionType, float] = {}
    first: dict[InspectionType, tuple[int, int]] = {}
    for order, text in enumerate(texts):
        folded = lowered(text)
        if folded is not None and not any(map(folded.__contains__, _TYPE_WORDS)):
            continue
        covered: list[tuple[int, int]] = []
        for kind, pattern, keys, heads in _TYPE_PATTERNS:
            if not _may_match(keys, folded):
                continue  # no match: nothing to count or cover
            for match in _finditer(pattern, text, folded, heads):
                covered.append((match.start(), match.end()))
                weight = 0.5 if _is_past(text, match.start(), match.end()) else 1.0
                scores[kind] = scores.get(kind, 0.0) + weight
                first.setdefault(kind, (order, match.start()))
        bare = _may_match(_BARE_KEYS, folded)
        for match in _finditer(_BARE_INSPECTION, text, folded, _BARE_HEADS) if bare else ():
            if any(left <= match.start() < right for left, right in covered):
                continue
            weight = 0.25 if _is_past(text, match.start(), match.end()) else 0.5
            scores["full inspection"] = scores.get("full inspection", 0.0) + weight
            first.setdefault("full inspection", (order, match.start()))
    if not scores:
        return None
    return max(scores, key=lambda kind: (scores[kind], tuple(-n for n in first[kind])))


def describe_article(article: Article) -> ArticleMeta:
    """Describe the inspection an article reports.

    Args:
        article: a parsed article (only its title, standfirst and body are read).

    Returns:
        The councils named (first mention first), the Ofsted judgement and the inspection type.
    """
    texts = _article_text(article)
    return ArticleMeta(
        councils=find_councils(texts),
        rating=find_rating(texts),
        inspection_type=find_inspection_type(texts),
    )
