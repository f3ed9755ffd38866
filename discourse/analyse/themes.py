"""Theme matching: find a codebook's themes in a sentence, with the evidence for each hit.

A sentence is cut at its spaces into chunks ("staff,", "“bullying”"); each distinct chunk is
read once per matcher into its words, and each distinct word described once (its lower case,
its stem, the terms it can start). The codebook's rules are indexed by the key of their first
word, so a sentence costs one dict look-up per chunk, not a regex pass over its characters
nor one test per term, and a sentence none of whose words begins a pattern costs nothing
more. For each theme:

1. the theme's exclusions mark words that cannot count ("paid tribute");
2. every term of every rule is matched; a match touching an excluded word is dropped;
3. a context rule keeps a match only if a ``context`` term occurs within ``window`` words of
   it (and no ``unless`` term does);
4. overlapping matches keep the longest, so "pay structure" is one hit, not two.

Each surviving match is a ``ThemeHit``: the words as written (the term, then the context
word that licensed it), the sentence, the term's character span and the rule's name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, count
from operator import itemgetter

from discourse.analyse.codebook import Codebook, Pattern, Rule
from discourse.analyse.results import ThemeHit
from discourse.analyse.sentences import WORD, stem


@dataclass(frozen=True, slots=True, eq=False)
class _Company:
    """A rule's context (or unless) terms by the key of their first word, each with its rank
    in the rule's list: a sentence tries only the terms whose first word it holds. ``keys``
    are those first keys as a set, which a sentence with none of them (most) is settled by,
    in C (``frozenset.isdisjoint`` over the sentence's positions)."""

    keys: frozenset[str]
    terms: dict[str, tuple[tuple[int, Pattern], ...]]


def _company(patterns: Sequence[Pattern]) -> _Company | None:
    """The company of a rule's terms, or None if it lists none."""
    if not patterns:
        return None
    by_key: dict[str, list[tuple[int, Pattern]]] = defaultdict(list)
    for rank, pattern in _distinct(patterns):
        by_key[pattern.keys[0]].append((rank, pattern))
    return _Company(frozenset(by_key), {key: tuple(ranked) for key, ranked in by_key.items()})


def _distinct(patterns: Sequence[Pattern]) -> list[tuple[int, Pattern]]:
    """Each pattern with its rank in ``patterns``, leaving out one whose keys an earlier
    pattern has: "manager", "managers" and "management" all compile to ``("manag",)``, so
    they match the same words, and the first one listed wins every tie-break a later one
    could. Trying all three made a sentence about managers cost three times over."""
    seen: set[tuple[str, ...]] = set()
    distinct = []
    for rank, pattern in enumerate(patterns):
        if pattern.keys not in seen:
            seen.add(pattern.keys)
            distinct.append((rank, pattern))
    return distinct


@dataclass(frozen=True, slots=True)
class _Candidate:
    theme: str
    order: int  # the theme's place in the codebook, the order of a sentence's hits
    rule: Rule
    pattern: Pattern
    context: _Company | None
    unless: _Company | None


# A sentence's words as the matcher knows them, and where each pattern's first key (a stem, or
# ``=word`` for an exact form) occurs in them: passed as two arguments, not an object, which
# cost more to make for each sentence than the look-ups it served.
_Positions = dict[str, list[int]]


def _matches(words: list[_Word], keys: tuple[str, ...], at: int, known: int) -> bool:
    """Whether the words from ``at`` on have the pattern keys ``keys``, the first ``known``
    of which the caller found them to have."""
    if at + len(keys) > len(words):
        return False
    for offset in range(known, len(keys)):
        key, word = keys[offset], words[at + offset]
        # A stem never starts with "=" and an exact key always does: a key equal to neither
        # of the word's two keys is a mismatch, whichever kind it is.
        if key != word.stem and key != word.exact:
            return False
    return True


@dataclass(frozen=True, slots=True)
class _Exclusions:
    """A theme's exclusions that open with one key: whether the key alone is one, and the
    longer ones by their second key."""

    single: bool
    phrases: dict[str, tuple[Pattern, ...]]


def _excluded(
    words: list[_Word],
    positions: _Positions,
    openers: frozenset[str],
    exclusions: dict[str, _Exclusions],
) -> set[int]:
    """The indices of the words that an exclusion of a theme covers in the sentence.
    ``openers`` are the keys ``exclusions`` holds."""
    last = len(words) - 1
    excluded: set[int] = set()
    for key in openers.intersection(positions):
        opening = exclusions[key]
        for index in positions[key]:
            if opening.single:
                excluded.add(index)
            if not opening.phrases or index == last:
                continue
            following = words[index + 1]
            for second in (following.stem, following.exact):
                for pattern in opening.phrases.get(second, ()):
                    if len(pattern.keys) == 2 or _matches(words, pattern.keys, index, 2):
                        excluded.update(range(index, index + len(pattern.keys)))
    return excluded


def _live(singles: Iterable[_Candidate]) -> tuple[_Candidate, ...]:
    """A word's one-word terms that can ever be kept, in order: after a term of a theme
    without company, a later one of the same theme covers the same word, so it is dropped
    whatever happens to the first (excluded or overlapped alike, or overlapping it when it
    is kept). Dropping them here, once a word, leaves a fifth fewer matches to sort and test
    on the benchmark pages (72,307 to 58,514)."""
    closed: set[str] = set()
    live = []
    for candidate in singles:
        if candidate.theme not in closed:
            live.append(candidate)
            if not (candidate.context or candidate.unless):
                closed.add(candidate.theme)
    return tuple(live)


# Compared by identity (``None in words``): a generated ``__eq__`` would run per word.
@dataclass(frozen=True, slots=True, eq=False)
class _Word:
    """One word form as the matcher sees it, worked out once per distinct form.

    ``singles`` are the one-word terms the word is; ``phrases`` the longer terms it can
    start, by the key of their second word and with their rank among the word's terms (the
    order the evidence is tie-broken in); ``starts`` says whether it has either. ``keys``
    are those of the word's two keys (its stem, ``exact``) that begin an exclusion, context
    or ``unless`` term of the codebook: only those are ever looked up in a sentence's
    positions (``_Positions``).
    """

    stem: str
    exact: str  # "=" and the lower-cased word: the key of the exact form
    singles: tuple[_Candidate, ...]
    phrases: dict[str, tuple[tuple[int, _Candidate], ...]]
    starts: bool
    keys: tuple[str, ...]


class _Chunks(dict[str, tuple[_Word, ...]]):
    """The words of each chunk of a sentence between spaces ("staff,", "“bullying”") read so
    far, by its text. ``WORD`` never matches a space, so the words of a sentence are those of
    its chunks (``str.split(" ")``) in order: a sentence costs one look-up per chunk instead
    of a regex pass over its characters, which was a fifth of the cost of matching. A chunk
    not seen before is read when it is looked up (``__missing__``), so a sentence's chunks
    are all found by one ``map`` in C."""

    __slots__ = ("_read",)

    def __init__(self, read: Callable[[str], tuple[_Word, ...]]) -> None:
        super().__init__()
        self._read = read

    def __missing__(self, chunk: str) -> tuple[_Word, ...]:
        found = self[chunk] = self._read(chunk)
        return found


def _span(
    chunks: list[str],
    ends: list[int] | None,
    spans: dict[str, tuple[tuple[int, int], ...]],
    word: int,
) -> tuple[int, int]:
    """The character span of word ``word`` of a sentence cut into ``chunks``.

    The chunks are the sentence's pieces between single spaces (``str.split(" ")``), so
    chunk ``c`` starts after the ``c`` chunks before it and a space after each; word ``i``
    lies in the first chunk whose running word count (``ends``) exceeds ``i``, or in chunk
    ``i`` when every chunk has one word (``ends`` is None). ``spans`` holds each chunk's word
    spans, by its text.
    """
    if ends is None:
        chunk, nth = word, 0
    else:
        chunk = bisect_right(ends, word)
        nth = word - ends[chunk - 1] if chunk else word
    start, end = spans[chunks[chunk]][nth]
    # The chunks up to this one joined, less this one: where it starts, found for the few
    # words a hit needs instead of running sums over every chunk of the sentence.
    at = len(" ".join(chunks[: chunk + 1])) - len(chunks[chunk])
    return at + start, at + end


_RANK = itemgetter(0)
_NONE: frozenset[int] = frozenset()  # no word excluded: no exclusion of the theme opens here


# A match that survived: its word range, the term, and the context words that licensed it.
_Kept = tuple[tuple[int, int], _Candidate, tuple[int, int] | None]


class ThemeMatcher:
    """Finds a codebook's themes in sentences.

    Args:
        codebook: a loaded codebook (``load_codebook``).

    Example:
        >>> from discourse.analyse.codebook import load_codebook
        >>> matcher = ThemeMatcher(load_codebook())
        >>> [hit.theme for hit in matcher.find("They paid tribute to the team.")]
        []
        >>> [(hit.theme, hit.matched) for hit in matcher.find("Our pay is awful.")]
        [('pay', ('pay',))]
    """

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        # Index every term by the key of its first word (stem or exact form).
        self._index: dict[str, list[_Candidate]] = defaultdict(list)
        for order, theme in enumerate(codebook.themes):
            for rule in theme.rules:
                context, unless = _company(rule.context), _company(rule.unless)
                for _, pattern in _distinct(rule.terms):
                    self._index[pattern.keys[0]].append(
                        _Candidate(theme.id, order, rule, pattern, context, unless)
                    )
        # Each theme's exclusions, by the key of their first word: a sentence only tries the
        # exclusions whose first word it contains, and there only those whose second key the
        # next word has (20 of the pay theme's exclusions open with "pay"). By theme order,
        # with the keys they open with as a set: a sentence with none of them (half of those
        # with a term of a theme with exclusions) is settled by one test in C.
        self._exclusions: list[tuple[frozenset[str], dict[str, _Exclusions]]] = []
        for theme in codebook.themes:
            singles: set[str] = set()
            phrases: dict[str, dict[str, list[Pattern]]] = {}
            for _, pattern in _distinct(theme.exclude):  # "pay tribute", "pays tribute"
                first, *rest = pattern.keys
                if rest:
                    phrases.setdefault(first, {}).setdefault(rest[0], []).append(pattern)
                else:
                    singles.add(first)
            exclusions = {
                key: _Exclusions(
                    key in singles,
                    {second: tuple(found) for second, found in phrases.get(key, {}).items()},
                )
                for key in singles | phrases.keys()
            }
            self._exclusions.append((frozenset(exclusions), exclusions))
        # The first key of every pattern that is ever looked up by position: exclusions and
        # company. A term is found from the word it starts, not by position (recording the
        # positions of term keys too was a seventh of the keys recorded).
        self._first_keys = frozenset(
            pattern.keys[0]
            for theme in codebook.themes
            for rule in theme.rules
            for pattern in (*rule.context, *rule.unless)
        ) | frozenset(pattern.keys[0] for theme in codebook.themes for pattern in theme.exclude)
        # Word forms seen so far, as written, and the chunks of sentences between spaces
        # ("staff,", "“bullying”"): both grow with the vocabulary of the corpus, not with its
        # size (a language has a few tens of thousands of forms in use).
        self._vocabulary: dict[str, _Word] = {}
        self._chunks = _Chunks(self._read_chunk)
        self._chunk_spans: dict[str, tuple[tuple[int, int], ...]] = {}
        # The forms that start a term or have a key to record (``_Word.keys``): a sentence
        # picks out its words that are either by one ``compress`` over membership in this
        # set, in C, so the words that are neither (most) cost no Python step.
        self._keyed: set[_Word] = set()

    def _describe(self, form: str) -> _Word:
        """Work out (once) what a word form, as written, means to the matcher."""
        word = form.lower().replace("’", "'")
        word_stem = stem(word)
        exact = "=" + word
        candidates = (*self._index.get(word_stem, ()), *self._index.get(exact, ()))
        phrases: dict[str, list[tuple[int, _Candidate]]] = defaultdict(list)
        for rank, candidate in enumerate(candidates):
            if len(candidate.pattern.keys) > 1:
                phrases[candidate.pattern.keys[1]].append((rank, candidate))
        singles = _live(c for c in candidates if len(c.pattern.keys) == 1)
        described = _Word(
            stem=word_stem,
            exact=exact,
            singles=singles,
            phrases={key: tuple(ranked) for key, ranked in phrases.items()},
            starts=bool(candidates),
            keys=tuple(key for key in (word_stem, exact) if key in self._first_keys),
        )
        self._vocabulary[form] = described
        if described.keys or described.starts:
            self._keyed.add(described)
        return described

    def _read_chunk(self, chunk: str) -> tuple[_Word, ...]:
        """Work out (once) the words of a chunk of a sentence between spaces, and their spans
        in it (kept apart: only a sentence with a hit needs them)."""
        vocabulary = self._vocabulary
        found = list(WORD.finditer(chunk))
        self._chunk_spans[chunk] = tuple(m.span() for m in found)
        return tuple(vocabulary.get(m.group()) or self._describe(m.group()) for m in found)

    def find(self, sentence: str) -> tuple[ThemeHit, ...]:
        """Return the evidence for every theme in one sentence.

        Args:
            sentence: one sentence (``split_sentences`` output).

        Returns:
            One hit per surviving match, in theme order then text order;
            ``sentence[hit.start:hit.end] == hit.matched[0]``.
        """
        chunks = sentence.split(" ")
        read = list(map(self._chunks.__getitem__, chunks))
        words = list(chain.from_iterable(read))
        keyed = list(compress(count(), map(self._keyed.__contains__, words)))
        if not keyed:
            return ()  # no word starts a term: no theme, whatever else the sentence holds
        found: dict[int, list[tuple[tuple[int, int], _Candidate]]] = {}  # by theme order
        positions: _Positions = {}
        last = len(words) - 1
        # One pass over the keyed words records where the pattern keys are (for exclusions
        # and company, in word order) and collects every term that occurs: at each word its
        # one-word terms, then its phrases in the order of their ranks. A phrase is tried only
        # if the next word has its second key, which is the whole test for a two-word phrase.
        # One pass instead of one for the starting words and another for the keyed ones of a
        # sentence with a term (a quarter have none): find over the n50 sentences 848.8M to
        # 808.7M instructions.
        for index in keyed:
            word = words[index]
            for key in word.keys:
                positions.setdefault(key, []).append(index)
            if not word.starts:
                continue
            for candidate in word.singles:
                found.setdefault(candidate.order, []).append(((index, index + 1), candidate))
            phrases = word.phrases
            if not phrases or index == last:
                continue
            following = words[index + 1]
            by_stem = phrases.get(following.stem)
            by_exact = phrases.get(following.exact)
            if by_stem is None:
                if by_exact is None:
                    continue  # the usual case: no phrase of this word goes on here
                ranked = by_exact
            elif by_exact is None:
                ranked = by_stem
            else:
                ranked = tuple(sorted((*by_stem, *by_exact), key=_RANK))
            for _, candidate in ranked:
                keys = candidate.pattern.keys
                if len(keys) == 2 or _matches(words, keys, index, 2):
                    found.setdefault(candidate.order, []).append(
                        ((index, index + len(keys)), candidate)
                    )
        if not found:
            return ()  # no term occurs: no theme, whatever the context
        # Each theme's surviving matches, the themes in codebook order (ints, sorted without a
        # key function), in one list: not a list per theme tested again for a hit (with hits
        # no longer made by a generator, 10,000 instructions a sentence with a term).
        kept: list[_Kept] = []
        for order in sorted(found):
            kept += self._kept(words, positions, order, found[order])
        if not kept:
            return ()
        return _hits(sentence, chunks, read, len(words), self._chunk_spans, kept)

    def _kept(
        self,
        words: list[_Word],
        positions: _Positions,
        order: int,
        matches: Sequence[tuple[tuple[int, int], _Candidate]],
    ) -> list[_Kept]:
        """One theme's matches that survive exclusions, overlaps and context, in text order."""
        openers, exclusions = self._exclusions[order]
        excluded = (
            _NONE
            if openers.isdisjoint(positions)
            else _excluded(words, positions, openers, exclusions)
        )
        kept: list[_Kept] = []
        # Longest first, then leftmost: a phrase wins over the words inside it.
        if len(matches) > 1:
            matches = sorted(matches, key=lambda m: (m[0][0] - m[0][1], m[0][0]))
        for span, candidate in matches:
            if excluded and excluded.intersection(range(*span)):
                continue
            start, end = span
            # Overlaps a kept match, tested inline: one call fewer a pair.
            if kept and any(other[0] < end and start < other[1] for other, _, _ in kept):
                continue
            # A rule's company (none for a word or phrase): no ``unless`` term may be near,
            # and a ``context`` term must be, the nearest one licensing the match.
            context = None
            unless, company = candidate.unless, candidate.context
            if unless or company:
                window = candidate.rule.window
                if (
                    unless
                    and not unless.keys.isdisjoint(positions)
                    and _near(words, positions, span, unless, window) is not None
                ):
                    continue
                if company:
                    if company.keys.isdisjoint(positions):
                        continue
                    context = _near(words, positions, span, company, window)
                    if context is None:
                        continue
            kept.append((span, candidate, context))
        # In text order. Kept matches never overlap, so no two have the same span and the
        # tuples are told apart by their spans alone, compared in C.
        kept.sort()
        return kept


def _hits(
    sentence: str,
    chunks: list[str],
    words: list[tuple[_Word, ...]],
    count: int,
    spans: dict[str, tuple[tuple[int, int], ...]],
    kept: list[_Kept],
) -> tuple[ThemeHit, ...]:
    """The evidence for each kept match of a sentence: the words as written, their span, the
    rule. ``words`` are the words of each of its ``chunks`` (``count`` in all), ``spans``
    their spans by chunk.

    One call for all of a sentence's hits, its word spans worked out by a module function:
    a call per hit, and a closure or an object per sentence to find the spans, cost a third
    more than the hits' own work (find over the n50 sentences 724.9M to 707.3M instructions).
    """
    # Four sentences with a hit in five have one word in every chunk (no "don't", no lone
    # dash): word ``i`` is then the word of chunk ``i``, without the running counts. ``()``
    # is the one empty tuple, and a test of it against each chunk's words is done in C
    # without a call per chunk, as ``all(map(len, words))`` was.
    ends = None if count == len(chunks) and () not in words else list(accumulate(map(len, words)))
    hits = []
    for (first, last), candidate, context in kept:
        if last - first == 1:  # most terms are one word
            start, end = _span(chunks, ends, spans, first)
        else:
            start = _span(chunks, ends, spans, first)[0]
            end = _span(chunks, ends, spans, last - 1)[1]
        if context is None:
            matched: tuple[str, ...] = (sentence[start:end],)
        else:
            around = (
                _span(chunks, ends, spans, context[0])[0],
                _span(chunks, ends, spans, context[1] - 1)[1],
            )
            matched = (sentence[start:end], sentence[around[0] : around[1]])
        hits.append(ThemeHit(candidate.theme, matched, sentence, start, end, candidate.rule.name))
    return tuple(hits)


def _near(
    words: list[_Word],
    positions: _Positions,
    span: tuple[int, int],
    company: _Company,
    window: int,
) -> tuple[int, int] | None:
    """The nearest occurrence within ``window`` words of ``span`` of any of a rule's company
    terms; on a tie, the term listed first in the rule, then the leftmost occurrence.

    Only the positions where a term's first key occurs are tried: a sentence's context terms
    are looked up, not scanned for word by word (scanning every position for every context
    term was most of the cost of ``analyse``). A phrase is tried there without first testing
    that every later key occurs: gathering the sentence's keys for that test cost more than
    the few ``_matches`` calls it saved (1.3 us a term).
    """
    start, end = span
    best: tuple[int, int, tuple[int, int]] | None = None
    for key in company.keys.intersection(positions):
        for rank, pattern in company.terms[key]:
            keys = pattern.keys
            length = len(keys)
            for index in positions[key]:
                if length > 1 and not _matches(words, keys, index, 1):
                    continue
                # Words between the two (1 = adjacent); none when they overlap.
                if index >= end:
                    gap = index - end + 1
                elif start >= index + length:
                    gap = start - index - length + 1
                else:
                    continue
                if gap <= window and (best is None or (gap, rank) < best[:2]):
                    best = (gap, rank, (index, index + length))
    return best[2] if best is not None else None
