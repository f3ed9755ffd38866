"""Official workforce figures quoted in the article body, as table rows.

Articles quote the Department for Education's children's social work workforce statistics
(vacancy, turnover, agency, caseload, sickness, newly qualified share, headcount) and money
(``£1 million package of funding``). Each figure becomes a ``Statistic`` with its metric,
value, unit, period and comparator. The metric names, their cue words, number words
("nearly half") and comparator phrases are data (``discourse/data/workforce_metrics.toml``).

The reading, per sentence:

1. values: percentages (``19.6%``, ``26.2 per cent``, ``17 and 13.6 per cent``), pounds
   (``£5.2 million``), shares in words (``nearly half of``) and, for metrics counted in
   units (caseloads, headcounts), bare numbers (``average caseloads (18.3)``); years are
   periods, never values;
2. each value takes the nearest metric cue before it (or just after it: ``half of social
   workers were agency staff``); a percentage with no metric is not a workforce figure;
3. periods: a ``from A to B`` pair of values takes the ends of the nearest year range before
   it (``from 2019 to 2020``, ``from 2020-21``); otherwise the nearest year after the value
   in its clause, else the nearest before it;
4. comparators: a value after ``England average of`` is a comparator of the figure before
   it; ``The England averages are 17 and 13.6 per cent respectively`` gives one comparator
   to each metric of the figures before, in order.

Speed: the number patterns are tried only at digits (``matches_at``), a council's name only
in sentences holding its longest word, and the number words only in sentences holding one.
The metric cues and number words are alternations grouped by first letter
(``discourse.alternation``).
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from discourse.alternation import grouped_alternation
from discourse.analyse.results import Sentence, Statistic
from discourse.analyse.sentences import split_sentences
from discourse.errors import DiscourseError
from discourse.memo import text_memo
from discourse.model import BodyBlock, frozen_record
from discourse.prefilter import ascii_folded, lowered
from discourse.resources import read_data_text

METRICS_FILE = "workforce_metrics.toml"

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PERCENT_SIGN = r"\s*(?:%|per\s*cent\b|percent\b)"
_YEAR = re.compile(
    r"(?<![\d£.,])(?P<first>(?:19|20)\d{2})(?:\s*(?:-|–|/|to)\s*(?P<second>(?:19|20)?\d{2}))?"
    r"(?![\d%]|\.\d|\s*(?:%|per\s*cent))"
)
_YEAR_RANGE = re.compile(
    r"\b(?:from|between)\s+(?P<first>(?:19|20)\d{2})\s+(?:to|and)\s+(?P<second>(?:19|20)\d{2})\b"
)
# Where one clause ends and another begins: a period found in one does not cross into it.
_CLAUSE_WORDS = ("while", "whereas", "although", "but", "however")
_CLAUSE_BREAK = re.compile(rf";|,?\s\b(?:{'|'.join(_CLAUSE_WORDS)})\b", re.IGNORECASE)
_NATIONAL = re.compile(r"\b(?:nationally|across England|in England|national)\b", re.IGNORECASE)
_ORDINAL_OR_DATE = re.compile(
    r"^(?:st|nd|rd|th)\b|^\s*(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|years?|months?|weeks?|days?|hours?|am|pm)\b",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")
# "from 27.5% to 8.4%": two values, the ends of a period.
_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<a>{_NUMBER})(?:{_PERCENT_SIGN})?\s+to\s+(?P<b>{_NUMBER})", re.IGNORECASE
)
_DIGIT_RUN = re.compile(r"\d+")
_NUMBER_RE = re.compile(_NUMBER)
# "17 and 13.6 per cent": the sign after the last number applies to all of them.
_LISTED_PERCENT = re.compile(
    rf"(?P<list>(?:(?:{_NUMBER})\s*(?:,|and|,\s*and)\s*)+)(?P<last>{_NUMBER}){_PERCENT_SIGN}",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"(?<![\d.£])(?P<number>{_NUMBER}){_PERCENT_SIGN}", re.IGNORECASE)
_BARE_NUMBER = re.compile(rf"(?<![\d.£,])(?P<number>{_NUMBER})(?![\d%])")


@dataclass(frozen=True, slots=True)
class Metric:
    """One metric of the workforce table, as the data file defines it."""

    id: str
    cues: tuple[str, ...]
    unit: str
    bare_numbers: bool
    default: bool


@dataclass(frozen=True, slots=True)
class _Tables:
    metrics: dict[str, Metric]
    cue_pattern: re.Pattern[str]
    cue_metric: dict[str, str]
    number_words: dict[str, float]
    number_word_pattern: re.Pattern[str]
    multipliers: dict[str, float]
    money_pattern: re.Pattern[str]
    comparators: dict[str, str]
    comparator_pattern: re.Pattern[str]


@frozen_record
@dataclass(frozen=True, slots=True)
class _Value:
    start: int
    end: int
    value: float
    unit: str  # "percent", "GBP" or "number"


def _phrase_regex(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"[\s-]+")


def _phrase_pattern(phrases: Sequence[str], plural: bool) -> str:
    """The phrases, longest first, as whole words, for a case-insensitive pattern."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    suffix = r"(?:s|es)?" if plural else ""
    body = grouped_alternation(ordered, _phrase_regex, ignore_case=True)
    return rf"(?<![\w£])(?:{body}){suffix}(?!\w)"


def _require(table: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = table.get(key)
    if not isinstance(value, kind):
        raise DiscourseError(f"{where}: {key} must be {kind.__name__}", path=METRICS_FILE)
    return value


def _float_table(table: dict[str, Any], key: str) -> dict[str, float]:
    values = _require(table, key, dict, "top level")
    for name, number in values.items():
        if not isinstance(number, int | float) or isinstance(number, bool):
            raise DiscourseError(f"[{key}] {name} must be a number", path=METRICS_FILE)
    return {name.lower(): float(number) for name, number in values.items()}


@cache
def _tables() -> _Tables:
    """The metric definitions, read and compiled once per process."""
    try:
        table = tomllib.loads(read_data_text(METRICS_FILE))
    except tomllib.TOMLDecodeError as error:  # a packaging fault, not a user error
        raise DiscourseError(f"not valid TOML: {error}", path=METRICS_FILE) from error
    metrics: dict[str, Metric] = {}
    cue_metric: dict[str, str] = {}
    for metric_id, entry in _require(table, "metrics", dict, "top level").items():
        where = f"[metrics.{metric_id}]"
        cues = _require(entry, "cues", list, where)
        if not cues or not all(isinstance(cue, str) for cue in cues):
            raise DiscourseError(f"{where}: cues must be strings", path=METRICS_FILE)
        metric = Metric(
            id=metric_id,
            cues=tuple(cues),
            unit=_require(entry, "unit", str, where),
            bare_numbers=_require(entry, "bare_numbers", bool, where),
            default=bool(entry.get("default", False)),
        )
        metrics[metric_id] = metric
        for cue in cues:
            cue_metric.setdefault(_normal(cue), metric_id)
    all_cues = [cue for metric in metrics.values() for cue in metric.cues]
    number_words = _float_table(table, "number_words")
    multipliers = _float_table(table, "multipliers")
    comparators = {
        _normal(phrase): label
        for phrase, label in _require(table, "comparators", dict, "top level").items()
    }
    words = grouped_alternation(list(number_words), re.escape, ignore_case=True)
    scales = "|".join(sorted((re.escape(word) for word in multipliers), key=len, reverse=True))
    return _Tables(
        metrics=metrics,
        cue_pattern=re.compile(_phrase_pattern(all_cues, plural=True), re.IGNORECASE),
        cue_metric=cue_metric,
        number_words=number_words,
        number_word_pattern=re.compile(
            rf"(?<!\w)(?P<words>{words})\s+(?:of|the)\b",
            re.IGNORECASE,
        ),
        multipliers=multipliers,
        money_pattern=re.compile(
            rf"£\s?(?P<number>{_NUMBER})(?:\s*(?P<scale>{scales})\b)?", re.IGNORECASE
        ),
        comparators=comparators,
        comparator_pattern=re.compile(_phrase_pattern(list(comparators), plural=False), re.I),
    )


def _normal(phrase: str) -> str:
    return re.sub(r"[\s-]+", " ", phrase.lower().replace("’", "'")).strip()


def _metric_of_cue(matched: str) -> str:
    tables = _tables()
    key = _normal(matched)
    for candidate in (key, key[:-1], key[:-2]):
        if candidate in tables.cue_metric:
            return tables.cue_metric[candidate]
    raise DiscourseError(f"cue {matched!r} has no metric", path=METRICS_FILE)


def _may_hold_number_word(sentence: str, tables: _Tables) -> bool:
    """False only when ``number_word_pattern`` cannot match ``sentence``.

    The pattern is the number words, literally (single spaces), case-insensitively: a match
    is a substring of the lower-cased sentence (``discourse.prefilter``).
    """
    folded = lowered(sentence)
    # ``map`` over ``__contains__`` runs the test in C: no generator step per word.
    return folded is None or any(map(folded.__contains__, tables.number_words))


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Sequence[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches are never empty and start only
    at some of ``starts`` (in order). ``discourse.analyse.metadata`` uses it too.

    ``finditer`` tries the pattern at every position (percentages, years and bare numbers
    are most of a figure sentence's cost). ``match`` at a position is the attempt
    ``finditer`` makes there (its look-behinds still see the text before it), and after a
    match ``finditer`` goes on from its end: trying only ``starts``, from each match's end
    on, finds the same matches.
    """
    end = 0
    for at in starts:
        if at >= end:
            match = pattern.match(text, at)
            if match is not None:
                yield match
                end = match.end()


def _number_starts(sentence: str) -> tuple[list[int], list[int]]:
    """Where the number patterns can match: every digit, and the first digit of each run.

    ``_LISTED_PERCENT`` starts with a number at any digit; ``_PERCENT``, ``_YEAR`` and
    ``_BARE_NUMBER`` start with one too, but their look-behinds refuse a digit before it.
    """
    runs = [match.span() for match in _DIGIT_RUN.finditer(sentence)]
    return [at for start, end in runs for at in range(start, end)], [start for start, _ in runs]


# A body sentence is read for figures twice: by ``discourse.analyse.voices`` (whether it
# states one) and by ``extract_statistics``, a stage later in the same batch of articles.
@text_memo(entries=4096, longest=2000)
def _values(sentence: str) -> tuple[_Value, ...]:
    """Every candidate value in a sentence, in order, with years left out."""
    tables = _tables()
    # Money, percentages, years and bare numbers all need a digit (``_NUMBER``, ``_YEAR``);
    # a share in words needs one of the number words. Most sentences hold neither, and the
    # patterns below (each tried at every position) are skipped for them; skipping a pattern
    # that cannot match leaves the others' results, and their order of claiming, unchanged.
    digits = _DIGIT.search(sentence) is not None
    words = _may_hold_number_word(sentence, tables)
    if not digits and not words:
        return ()
    found: list[_Value] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= left or start >= right for left, right in taken)

    def add(start: int, end: int, value: float, unit: str) -> None:
        if free(start, end):
            found.append(_Value(start, end, value, unit))
            taken.append((start, end))

    every_digit, firsts = _number_starts(sentence) if digits else ([], [])
    if digits:
        for match in tables.money_pattern.finditer(sentence):
            scale = tables.multipliers.get(ascii_folded(match["scale"] or ""), 1.0)
            add(match.start(), match.end(), _number(match["number"]) * scale, "GBP")
        for match in matches_at(_LISTED_PERCENT, sentence, every_digit):
            for number in _NUMBER_RE.finditer(match["list"]):
                start = match.start("list") + number.start()
                add(start, start + len(number.group(0)), _number(number.group(0)), "percent")
            add(match.start("last"), match.end(), _number(match["last"]), "percent")
        for match in matches_at(_PERCENT, sentence, firsts):
            add(match.start(), match.end(), _number(match["number"]), "percent")
    if words:
        for match in tables.number_word_pattern.finditer(sentence):
            value = tables.number_words[ascii_folded(match["words"])]
            add(match.start(), match.end("words"), value, "percent")
    if digits:
        years = [match.span() for match in matches_at(_YEAR, sentence, firsts)]
        for match in matches_at(_BARE_NUMBER, sentence, firsts):
            inside_year = any(left <= match.start() < right for left, right in years)
            if inside_year or _ORDINAL_OR_DATE.match(sentence[match.end() :]):
                continue
            add(match.start(), match.end(), _number(match["number"]), "number")
    found.sort(key=lambda value: value.start)
    return tuple(found)


def _metric_for(sentence: str, value: _Value, cues: list[tuple[int, int, str]]) -> str | None:
    """The metric a value belongs to: nearest cue before it, else one just after it."""
    tables = _tables()
    before = [cue for cue in cues if cue[1] <= value.start]
    after = [cue for cue in cues if cue[0] >= value.end and cue[0] - value.end <= 40]
    if value.unit == "GBP":
        return "spending"
    candidates: list[tuple[int, int, str]] = []
    if before:
        candidates.append(before[-1])
    if after:
        candidates.append(after[0])
    for start, end, metric_id in candidates:
        metric = tables.metrics[metric_id]
        if metric.unit == "GBP":
            continue
        if value.unit == "percent" and metric.unit == "percent":
            return metric_id
        if value.unit == "number" and metric.bare_numbers:
            # A bare number must sit right by its cue: "caseloads (18.3)", "caseload of 18".
            gap = sentence[end : value.start] if end <= value.start else sentence[value.end : start]
            if len(gap) <= 25 and not re.search(r"\d", gap):
                return metric_id
        if value.unit == "percent" and metric.unit != "percent":
            continue
    # "30 cases each" names its own metric.
    if value.unit == "number" and re.match(r"\s*cases\b", sentence[value.end :], re.I):
        return "caseload"
    return None


# Tests that are False only when a pattern cannot match: the words it needs are missing
# (most sentences with a figure have no range, no "from … to" and no second clause).


def _may_hold_range(text: str) -> bool:
    # ``_YEAR_RANGE`` needs "from" or "between" (case-sensitive).
    return "from" in text or "between" in text


def _may_hold_from(text: str) -> bool:
    # ``_FROM_TO`` needs "from" in any case (``discourse.prefilter``).
    folded = lowered(text)
    return folded is None or "from" in folded


def _may_break(text: str) -> bool:
    # ``_CLAUSE_BREAK`` needs ";" or one of its words in any case.
    folded = lowered(text)
    return ";" in text or folded is None or any(map(folded.__contains__, _CLAUSE_WORDS))


def _years_in(text: str, offset: int) -> list[tuple[int, int, str, str | None]]:
    """Year expressions as (start, end, first year, second year or None)."""
    years: list[tuple[int, int, str, str | None]] = []
    # A year starts a run of digits.
    ranges = _YEAR_RANGE.finditer(text) if _may_hold_range(text) else ()
    for match in ranges:
        years.append(
            (offset + match.start(), offset + match.end(), match["first"], match["second"])
        )
    covered = [(start - offset, end - offset) for start, end, _, _ in years]
    for match in matches_at(_YEAR, text, _number_starts(text)[1]):
        if any(left <= match.start() < right for left, right in covered):
            continue
        second = match["second"]
        if second is not None and len(second) == 2:
            second = match["first"][:2] + second
        years.append((offset + match.start(), offset + match.end(), match["first"], second))
    years.sort()
    return years


def _clauses(sentence: str) -> list[tuple[int, int]]:
    breaks = _CLAUSE_BREAK.finditer(sentence) if _may_break(sentence) else ()
    edges = [0, *(match.start() for match in breaks), len(sentence)]
    return [(left, right) for left, right in itertools.pairwise(edges) if right > left]


def _periods(sentence: str, values: Sequence[_Value]) -> dict[int, str | None]:
    """The period of each value (by its start offset)."""
    periods: dict[int, str | None] = {}
    years = _years_in(sentence, 0)
    # "from 27.5% to 8.4%": the pair takes the two ends of the nearest year range before it.
    pairs = _FROM_TO.finditer(sentence) if _may_hold_from(sentence) else ()
    for match in pairs:
        ranges = [year for year in years if year[3] is not None and year[1] <= match.start()]
        if ranges:
            _, _, first, second = ranges[-1]
            periods[match.start("a")] = first
            periods[match.start("b")] = second
    clauses = _clauses(sentence)
    for value in values:
        if value.start in periods:
            continue
        left, right = next(((a, b) for a, b in clauses if a <= value.start < b), (0, len(sentence)))
        own = [year for year in years if left <= year[0] and year[1] <= right]
        later = [year for year in own if year[0] >= value.end]
        earlier = [year for year in own if year[1] <= value.start]
        chosen = later[0] if later else (earlier[-1] if earlier else None)
        if chosen is None:
            periods[value.start] = None
        else:
            _, _, first, second = chosen
            periods[value.start] = f"{first}-{second[2:]}" if second else first
    return periods


def _comparator_values(sentence: str, values: Sequence[_Value]) -> tuple[str | None, list[_Value]]:
    """The comparator label and the values that are comparators ("England average of 16%")."""
    tables = _tables()
    match = tables.comparator_pattern.search(sentence)
    if match is None:
        return None, []
    label = tables.comparators[_normal(match.group(0))]
    following = [value for value in values if value.start >= match.end()]
    chosen: list[_Value] = []
    for value in following:
        gap = sentence[chosen[-1].end if chosen else match.end() : value.start]
        if len(gap) > 30 or re.search(r"[.;]", gap):
            break
        chosen.append(value)
    return label, chosen


def _figures(
    sentence: str, values: Sequence[_Value]
) -> tuple[str | None, list[_Value], list[tuple[_Value, Metric]]]:
    """The comparator label and values of a sentence, and its other values with a metric."""
    tables = _tables()
    cues = [
        (match.start(), match.end(), _metric_of_cue(match.group(0)))
        for match in tables.cue_pattern.finditer(sentence)
    ]
    label, comparator_values = _comparator_values(sentence, values)
    comparator_starts = {value.start for value in comparator_values}
    figures: list[tuple[_Value, Metric]] = []
    for value in values:
        if value.start in comparator_starts:
            continue
        metric_id = _metric_for(sentence, value, cues)
        if metric_id is not None:
            figures.append((value, tables.metrics[metric_id]))
    return label, comparator_values, figures


def _unit(value: _Value, metric: Metric) -> str:
    """A figure's unit: its value's, or its metric's for a bare number."""
    return value.unit if value.unit != "number" else metric.unit


def statistics_in_sentence(
    sentence: str, council: str | None, previous: Sequence[Statistic] = ()
) -> tuple[list[Statistic], list[Statistic]]:
    """Read the workforce figures of one sentence.

    Args:
        sentence: the sentence text.
        council: the council the figures belong to (``None`` for national figures).
        previous: the rows of the sentence before, which a comparator-only sentence
            ("The England averages are 17 and 13.6 per cent respectively") completes.

    Returns:
        The new rows, and ``previous`` with comparators filled in where this sentence gave them.
    """
    values = _values(sentence)
    if not values:
        return [], list(previous)
    label, comparator_values, figures = _figures(sentence, values)
    periods = _periods(sentence, values)
    national = council is None
    rows: list[tuple[int, Statistic]] = []
    for value, metric in figures:
        unit = _unit(value, metric)
        lead = sentence[: value.start]
        row_council = None if national or _NATIONAL.search(lead[-60:]) else council
        rows.append(
            (
                value.start,
                Statistic(
                    council=row_council,
                    metric=metric.id,
                    value=value.value,
                    unit=unit,
                    period=periods.get(value.start),
                    comparator=None,
                    comparator_value=None,
                    sentence=sentence,
                ),
            )
        )
    updated = list(previous)
    if label is not None and comparator_values:
        targets = [row for _, row in rows] or updated
        filled = _fill_comparators(targets, label, [v.value for v in comparator_values])
        if rows:
            rows = [(start, row) for (start, _), row in zip(rows, filled, strict=True)]
        else:
            updated = filled
    return [row for _, row in rows], updated


def _fill_comparators(rows: list[Statistic], label: str, values: list[float]) -> list[Statistic]:
    """Give each comparator value to the latest row of each metric, in order of mention."""
    metrics: list[str] = []
    for row in rows:
        if row.metric not in metrics and row.unit != "GBP":
            metrics.append(row.metric)
    if len(values) == 1 and metrics:
        metrics = metrics[-1:]
    filled = list(rows)
    for metric_id, value in zip(metrics, values, strict=False):
        index = max(i for i, row in enumerate(filled) if row.metric == metric_id)
        filled[index] = replace(filled[index], comparator=label, comparator_value=value)
    return filled


def _name_pattern(name: str) -> re.Pattern[str]:
    """A council's name as written in text: "St Helens" also matches "St. Helens"."""
    words = [re.escape(word.rstrip(".")) for word in name.split()]
    return re.compile(r"\b" + r"\.?\s+".join(words) + r"\b", re.IGNORECASE)


def _name_key(name: str) -> str | None:
    """The longest word of a council's name, lower case: in every ``_name_pattern`` match.

    The pattern holds each word literally, case-insensitively, so the lower-cased text of
    a match holds the word lower-cased when it is ASCII (``discourse.prefilter``); None
    for a name with other characters (searched in every sentence).
    """
    words = [word.rstrip(".") for word in name.split()]
    if not words or not name.isascii():
        return None
    return max(words, key=len).lower()


def mentions_workforce_figure(sentence: str) -> bool:
    """Whether a sentence states a workforce rate, caseload or headcount (money aside).

    ``discourse.analyse.voices`` gives such a sentence to the DfE's statistics when nobody
    else is named as its source.
    """
    # The rows of ``statistics_in_sentence`` without their periods and comparators: a row
    # per figure, with its unit.
    values = _values(sentence)
    if not values:
        return False
    _, _, figures = _figures(sentence, values)
    return any(_unit(value, metric) != "GBP" for value, metric in figures)


def extract_statistics(
    blocks: Sequence[BodyBlock],
    councils: Sequence[str],
    sentences: Sequence[Sequence[Sentence]] | None = None,
) -> tuple[Statistic, ...]:
    """Extract the workforce figures quoted in an article's body.

    Args:
        blocks: the body blocks in page order (headings are skipped).
        councils: the councils the article names (``describe_article(...).councils``); each
            row gets the council named last before it, or the first of these.
        sentences: ``split_sentences`` of each block, aligned with ``blocks``, when the
            caller has them already (splitting is most of this function's cost); split
            here otherwise.

    Returns:
        One row per figure, in page order.

    Example:
        >>> rows = extract_statistics(
        ...     [BodyBlock("paragraph", "Its vacancy rate (19.6%) was higher in 2021.")], ["Leeds"]
        ... )
        >>> [(row.metric, row.value, row.unit, row.period) for row in rows]
        [('vacancy_rate', 19.6, 'percent', '2021')]
    """
    current = councils[0] if councils else None
    patterns = [(name, _name_pattern(name), _name_key(name)) for name in councils]
    rows: list[Statistic] = []
    previous: list[Statistic] = []
    if sentences is not None and len(sentences) != len(blocks):
        raise ValueError(f"{len(blocks)} blocks but {len(sentences)} sentence lists")
    for number, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        split = split_sentences(block.text) if sentences is None else sentences[number]
        for sentence in split:
            # Most sentences name no council: a name whose key is not in the sentence is not
            # searched for.
            folded = lowered(sentence.text) if patterns else None
            named = [
                (match.start(), name)
                for name, pattern, key in patterns
                if key is None or folded is None or key in folded
                for match in pattern.finditer(sentence.text)
            ]
            if named:
                current = max(named)[1]
            new, updated = statistics_in_sentence(sentence.text, current, previous)
            if previous:
                # ``previous`` are the last rows so far: a comparator sentence completes them.
                rows[len(rows) - len(previous) :] = updated
            rows.extend(new)
            # A comparator can only complete the figures of the sentence just before it.
            previous = new
    return tuple(rows)
