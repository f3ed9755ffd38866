"""Who speaks in each sentence of the article body: inspectorate, government, council,
practitioner or journalist (``shared/domain.md`` section 3).

Every body sentence, headings included, gets exactly one voice and the cue that decided it.
The rules, in the order they are tried for a paragraph sentence:

1. **quoted** — a sentence mostly inside a quote speaks in the quote's speaker's voice
   (``discourse.analyse.quotes`` finds the quote and its attribution; a quote without one,
   or attributed to a pronoun — ``she adds``, ``It adds:`` — continues the last speaker).
   So a council statement that cites Ofsted stays the council's. But a sentence of an
   inspection quote that opens with practitioners reporting (``“Social workers report that
   …``) passes on their own views: it is the practitioners'.
2. **continuation** — a sentence opening with a pronoun and a reporting verb (``It said``,
   ``They also identified``, ``But it said``) continues the last speaker.
3. **speaker** — the first actor who is the subject of a reporting verb (``Ofsted has
   found``, ``Social workers told inspectors``, ``Jim Leivers, director of children's
   services at St Helens, said``), the agent of one (``judged ‘inadequate’ by inspectors``)
   or the source of ``according to``; a named person is looked up where the article
   introduced them (``McRae`` → ``Merran McRae, the council’s chief executive``).
4. **figure** — a sentence stating a workforce rate or caseload with no source named is the
   DfE's workforce statistics (government).
5. **subject** — an actor opening the main clause (``the council produced …``), after any
   lead-in (``Following the November monitoring report, …``); a person who is the subject
   without speaking is being described, so quoted words about them (``the director had
   “quickly won the confidence of staff”``) fall to rule 6.
6. **quote fragment** — a quoted phrase of two or more words with no speaker named comes from
   the last speaker (``This had “had a significant impact …”``).
7. **mention** — the first actor named (main clause first, then the lead-in).
8. **anaphor / same paragraph** — ``This``, ``These`` … or any sentence in the same paragraph
   keeps the previous sentence's voice (a one-word remnant of a split after an
   abbreviation, ``St.`` + ``Helens.”``, always does).
9. otherwise **journalist**; a journalist sentence between two sentences of one other voice
   in the same section takes that voice (a passage of findings).

Headings: inside a quote running over paragraphs they are the quote's; a speaker label
(``Director: ‘…’``, ``‘…’ – DfE``) decides; a quoted phrase takes the voice of the sentence
below that says it (``‘Let down’`` → ``council leaders said the service had “let down …”``);
then actor mentions; otherwise journalist.

The actors and verbs are data: ``discourse/data/voice_cues.toml``.

Speed: the actor and speaker patterns are long case-insensitive alternations, which ``re``
tries at every position of a sentence. A match can only start at the first word of an actor
phrase whose words are all in the sentence (or at "according"/"by"), so each sentence is
lower-cased and split into words once (``_Folded``) and the patterns are tried with ``match``
at those words alone, leftmost first, which gives exactly what ``search`` gives. The
actor, verb and other phrase alternations are grouped by first letter
(``discourse.alternation``), so ``re`` enters one group where it tries them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse
from typing import Any

from discourse.alternation import grouped_alternation
from discourse.analyse.quotes import Quote, find_quotes
from discourse.analyse.results import Sentence, Voice, VoiceAttribution
from discourse.analyse.workforce import mentions_workforce_figure
from discourse.errors import DiscourseError
from discourse.model import BodyBlock
from discourse.prefilter import lowered
from discourse.resources import read_data_toml

CUES_FILE = "voice_cues.toml"
_ACTOR_VOICES: tuple[Voice, ...] = ("inspectorate", "government", "council", "practitioner")

# A sentence is "quoted" when one quote covers at least this share of its characters: a
# sentence built around a few quoted words stays the reporter's (or its named source's).
QUOTED_SHARE = 0.6
# An actor opening the main clause has at most this many words before it ("A newly appointed
# director …").
SUBJECT_WORDS = 4


# Runs of word characters (``\w`` of a str pattern: ``str.isalnum`` or "_").
_WORD_RUN = re.compile(r"\w+")
# Where a text's second run of word characters starts: no match, fewer than two words.
_TWO_WORDS = re.compile(r"\w\W+\w")
# The first two runs of word characters (the second None if there is one).
_FIRST_TWO_WORDS = re.compile(r"\W*(\w+)(?:\W+(\w+))?")
# Runs of letters and digits.
_LETTER_RUN = re.compile(r"[^\W_]+")
# A speaker phrase from its first character that is not white space (to the line's end).
_FROM_NON_SPACE = re.compile(r"\S.*")


def _word_runs(text: str) -> Set[str]:
    """``set(_WORD_RUN.findall(text))``, with the regex run over fewer characters.

    A piece between white space made of letters and digits alone (``str.isalnum``: two in
    three pieces of a sentence) is one whole run of word characters; only the other pieces
    ("council’s", "said:") are searched, together, split by spaces that join no runs. The
    regex makes a string of every run, at 1,500 instructions a run.
    """
    pieces = text.split()
    others = list(filterfalse(str.isalnum, pieces))
    runs = set(pieces)
    if others:
        runs.difference_update(others)
        runs.update(_WORD_RUN.findall(" ".join(others)))
    return runs


@dataclass(frozen=True, slots=True)
class _SpeakerForm:
    """One speaker pattern of a voice: actor + verb, "according to" + actor, "by" + actor."""

    pattern: re.Pattern[str]
    # The word every match starts with ("according", "by"); None: one of the voice's actors
    # (and then the match holds a reporting verb).
    opener: str | None


@dataclass(frozen=True, slots=True)
class _Cues:
    speaker: dict[Voice, tuple[_SpeakerForm, ...]]
    # Per voice, its actor pattern alone (group "actor").
    mention: dict[Voice, re.Pattern[str]]
    # Where an actor match can start (``_Folded.actor_starts``): the first word of each
    # actor phrase, lower case, with each voice whose phrases it opens and the other words
    # of each of those phrases; None when a phrase is not made of ASCII words (``_openers``).
    openers: dict[str, tuple[tuple[Voice, tuple[frozenset[str], ...]], ...]] | None
    # The longest word of each reporting verb: a speaker pattern's verb holds one as a run.
    verb_words: frozenset[str]
    subject_only: frozenset[Voice]
    continuation: re.Pattern[str]
    named_speaker: re.Pattern[str]
    anaphor: re.Pattern[str]
    lead_in: re.Pattern[str]
    pronouns: frozenset[str]
    person: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Speaker:
    """The last attributed speaker: what pronouns and unattributed quotes continue."""

    voice: Voice
    name: str | None


def _strings(table: dict[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise DiscourseError(f"{where}{key} must be a non-empty list of strings", path=CUES_FILE)
    return value


def _phrase_regex(phrase: str) -> str:
    # Apostrophes are written both ways in pages: "children's" and "children’s".
    return re.escape(phrase).replace(r"\ ", r"[\s-]+").replace("'", "['’]")


def _alternation(phrases: Sequence[str], *, ignore_case: bool = True) -> str:
    """The phrases as an alternation, longest first (``discourse.alternation``)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return grouped_alternation(ordered, _phrase_regex, ignore_case=ignore_case)


def _words(phrase: str) -> list[str]:
    """The runs of word characters of a phrase, lower case."""
    return _WORD_RUN.findall(phrase.lower())


def _openers(
    actors: dict[Voice, list[str]],
) -> dict[str, tuple[tuple[Voice, tuple[frozenset[str], ...]], ...]] | None:
    r"""What a match of a voice's actor pattern starts with (``_Cues.openers``).

    The actor pattern is ``(?<![\w-])`` + ``_alternation(phrases)`` + ``(?:['’]s)?(?![\w-])``.
    ``_alternation`` keeps a phrase's characters literal and puts only spaces, hyphens and
    apostrophes (never word characters) between its words, so a match of a phrase starts
    with its first word and holds each of its words as a whole run of word characters.
    ``None`` if a phrase does not open with a word character or holds a character outside
    ASCII: only for ASCII words does the lower-cased text hold the word exactly where
    ``re.IGNORECASE`` matches it (``discourse.prefilter``).
    """
    openers: dict[str, dict[Voice, set[frozenset[str]]]] = {}
    for voice, phrases in actors.items():
        for phrase in phrases:
            words = _words(phrase)
            if not phrase.isascii() or not words or not phrase.lower().startswith(words[0]):
                return None
            rest = frozenset(words) - {words[0]}
            openers.setdefault(words[0], {}).setdefault(voice, set()).add(rest)
    # A phrase of the first word alone needs no other: its voice starts at every run of it.
    return {
        first: tuple(
            (voice, (frozenset(),) if frozenset() in rests else tuple(rests))
            for voice, rests in voices.items()
        )
        for first, voices in openers.items()
    }


@cache
def _cues() -> _Cues:
    """The voice cues, read and compiled once per process."""
    try:
        table = read_data_toml(CUES_FILE)
    except tomllib.TOMLDecodeError as error:  # a packaging fault, not a user error
        raise DiscourseError(f"not valid TOML: {error}", path=CUES_FILE) from error
    verb_phrases = _strings(table, "reporting_verbs", "")
    verbs = _alternation(verb_phrases)
    voices = table.get("voices")
    if not isinstance(voices, dict):
        raise DiscourseError("missing [voices] tables", path=CUES_FILE)
    # Words allowed between a speaker and the verb: "Ofsted has also found".
    # No "was" or "is": "the local authority was judged" is not the authority speaking.
    between = r"(?:\s+(?:has|have|had|also|then|now|later|previously|recently|" + (
        r"subsequently|again|further|\w+ly))"
    )
    # A place or body after a role: "director of children's services at St Helens, said".
    # Capitalised words only (case-sensitive even under IGNORECASE), separated by spaces: a
    # nested "(word\s*)+" here backtracks exponentially on long runs of words.
    place_word = r"(?-i:[A-Z][\w’'.-]*)"
    apposition = (
        rf"(?:\s+(?:at|of|for|in|on)\s+(?:the\s+)?{place_word}(?:\s+{place_word}){{0,5}})?,?"
    )
    speaker: dict[Voice, tuple[_SpeakerForm, ...]] = {}
    mention: dict[Voice, re.Pattern[str]] = {}
    subject_only: set[Voice] = set()
    actors: dict[Voice, list[str]] = {}
    for voice in _ACTOR_VOICES:
        entry = voices.get(voice)
        if not isinstance(entry, dict):
            raise DiscourseError(f"missing [voices.{voice}]", path=CUES_FILE)
        actors[voice] = _strings(entry, "actors", f"[voices.{voice}] ")
        actor = rf"(?<![\w-])(?P<actor>{_alternation(actors[voice])})(?:['’]s)?(?![\w-])"
        forms = [rf"{actor}{apposition}{between}{{0,3}}\s+(?P<verb>{verbs})\b"]
        openers: list[str | None] = [None]
        if not entry.get("actors_as_subject_only", False):
            forms.append(rf"\baccording\s+to\s+(?:the\s+)?(?:latest\s+)?{actor}")
            forms.append(rf"\bby\s+(?:the\s+|an?\s+|its\s+)?(?:\w+\s+)?{actor}")
            openers += ["according", "by"]
        else:
            subject_only.add(voice)
        mention[voice] = re.compile(actor, re.IGNORECASE)
        speaker[voice] = tuple(
            _SpeakerForm(re.compile(form, re.IGNORECASE), opener)
            for form, opener in zip(forms, openers, strict=True)
        )
    pronouns = [p.lower() for p in _strings(table, "pronouns", "")]
    continuation = re.compile(
        rf"^\W*(?:(?:but|and|yet|so|however|also|here)\W+)?(?P<pronoun>{_alternation(pronouns)})"
        rf"{between}{{0,3}}\s+(?P<verb>{verbs})\b",
        re.IGNORECASE,
    )
    named_speaker = re.compile(
        rf"^\W*(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}}){between}{{0,2}}\s+"
        rf"(?P<verb>{_alternation(verb_phrases, ignore_case=False)})\b"
    )
    anaphor = re.compile(
        rf"^\W*(?:{_alternation(_strings(table, 'anaphors', ''))})\b", re.IGNORECASE
    )
    lead_in = re.compile(
        rf"^\W*(?:{_alternation(_strings(table, 'lead_ins', ''))})\b[^,;“”\"]{{0,100}},\s*",
        re.IGNORECASE,
    )
    person = re.compile(
        rf"(?<![\w-])(?:{_alternation(_strings(table, 'person_roles', ''))})(?![\w-])",
        re.IGNORECASE,
    )
    return _Cues(
        speaker,
        mention,
        _openers(actors),
        # A speaker pattern puts the verb between white space and ``\b`` (its words between
        # spaces or hyphens), so each word of the verb is a whole run in the text.
        frozenset(max(_words(phrase), key=len) for phrase in verb_phrases),
        frozenset(subject_only),
        continuation,
        named_speaker,
        anaphor,
        lead_in,
        frozenset(pronouns),
        person,
    )


class _Folded:
    """A sentence (or phrase) with what the actor searches need to know of it, found once.

    ``folded`` is ``discourse.prefilter.lowered(text)`` (None when it may not be used: every
    search then runs over the whole text) and ``words`` the runs of word characters of
    ``folded``. Lower-casing keeps every character's kind (word character or not) and the
    text's length, "İ" aside, which ``lowered`` refuses (tests/test_voices.py checks this
    over all of Unicode): these are the text's own runs, lower-cased, at the same offsets.
    """

    __slots__ = ("_actors", "_runs", "folded", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = lowered(text)
        self.words = _word_runs(self.folded) if self.folded is not None else frozenset()
        self._runs: dict[str, list[int]] = {}
        # Found at the first call (None until then, and for a text never prefiltered).
        self._actors: dict[Voice, list[int]] | None = None

    def has_any(self, words: frozenset[str]) -> bool:
        """False only when the text holds none of ``words`` (lower case) as a whole run."""
        return self.folded is None or not words.isdisjoint(self.words)

    def runs(self, word: str) -> list[int] | None:
        """Where ``word`` (lower case, one run) stands as a whole run, in order.

        None when the text may not be prefiltered (the word may be anywhere).
        """
        folded = self.folded
        if folded is None:
            return None
        found = self._runs.get(word)
        if found is None:
            found = []
            if word in self.words:
                at = folded.find(word)
                while at >= 0:
                    end = at + len(word)
                    # Word characters (``\w``: ``str.isalnum`` or "_") tested inline: a
                    # function call per occurrence cost a fifth of the search.
                    before = folded[at - 1] if at else " "
                    after = folded[end] if end < len(folded) else " "
                    if (
                        not before.isalnum()
                        and before != "_"
                        and not after.isalnum()
                        and after != "_"
                    ):
                        found.append(at)
                    # No run starts inside this occurrence: its characters are all word
                    # characters, so the one before any later start would be too.
                    at = folded.find(word, end)
            self._runs[word] = found
        return found

    def actor_starts(self, voice: Voice) -> list[int] | None:
        """Where a match of ``voice``'s actor pattern can start, in order (None: anywhere).

        At the runs of the first word of each actor phrase all of whose words are in the
        text (``_Cues.openers``); found for every voice at the first call.
        """
        actors = self._actors
        if actors is None:
            actors = self._actors = self._find_actors()
        return None if actors is None else actors.get(voice, [])

    def _find_actors(self) -> dict[Voice, list[int]] | None:
        openers = _cues().openers
        if self.folded is None or openers is None:
            return None
        words = self.words
        starts: dict[Voice, list[int]] = {}
        for first in openers.keys() & words:
            for voice, rests in openers[first]:
                for rest in rests:
                    if rest <= words:
                        # Runs of different words never share a start: no position repeats.
                        starts.setdefault(voice, []).extend(self.runs(first) or ())
                        break
        for found in starts.values():
            found.sort()
        return starts


def _fold(text: str | _Folded) -> _Folded:
    return _Folded(text) if isinstance(text, str) else text


def _search_from(
    pattern: re.Pattern[str], text: _Folded, starts: list[int] | None, pos: int = 0
) -> re.Match[str] | None:
    """``pattern.search(text.text, pos)`` for a pattern whose matches start only at ``starts``.

    ``search`` tries the whole pattern (a long alternation of actors) at every position;
    ``match`` at a position is the attempt ``search`` makes there (its look-behinds still
    see the text before it), and ``search`` returns the first position whose attempt
    succeeds: trying ``starts`` in order finds the same match. ``None`` for ``starts``:
    a plain search.
    """
    if starts is None:
        return pattern.search(text.text, pos)
    for at in starts:
        if at >= pos:
            match = pattern.match(text.text, at)
            if match is not None:
                return match
    return None


def _speaker_matches(text: _Folded, voice: Voice) -> Iterator[re.Match[str]]:
    """The match of each speaker form of ``voice`` in ``text`` (its ``search``), in order.

    Searched only where a match can start, and not at all when the text names none of the
    voice's actors (every form holds one) or, for a form without an opener, holds no
    reporting verb.
    """
    actors = text.actor_starts(voice)
    if actors == []:
        return
    cues = _cues()
    for form in cues.speaker[voice]:
        if form.opener is not None:
            starts = text.runs(form.opener)
        elif text.has_any(cues.verb_words):
            starts = actors
        else:
            continue
        match = _search_from(form.pattern, text, starts)
        if match is not None:
            yield match


def _first_actor(
    text: str | _Folded, *, practitioners: bool, start: int = 0
) -> tuple[int, Voice, str] | None:
    """The first actor named in ``text[start:]`` as (position in it, voice, words).

    Practitioners count only when asked (a heading label "Social worker: ‘…’", a speaker
    phrase): elsewhere social workers are what the article is about, not who speaks.
    ``start`` must follow a character that is neither a word character nor a hyphen: the
    actor patterns look one character back, for one of those, so they match where they
    would in ``text[start:]``, and the sentence folded once serves its main clause too.
    """
    cues = _cues()
    best: tuple[int, Voice, str] | None = None
    folded = _fold(text)
    for voice, pattern in cues.mention.items():
        if voice in cues.subject_only and not practitioners:
            continue
        match = _search_from(pattern, folded, folded.actor_starts(voice), start)
        if match is not None and (best is None or match.start() - start < best[0]):
            best = (match.start() - start, voice, match.group("actor"))
    return best


class _Attributor:
    """Walks the body in order, keeping the last speaker (what pronouns continue)."""

    def __init__(self, blocks: Sequence[BodyBlock], sentences: Sequence[Sequence[Sentence]]):
        self.blocks = blocks
        self.sentences = sentences
        self.texts = [block.text for block in blocks]
        self.headings = {i for i, block in enumerate(blocks) if block.kind == "heading"}
        self.quotes = find_quotes(self.texts, self.headings)
        self.last: _Speaker | None = None
        self.quote_voice: dict[int, tuple[Voice, str | None, str]] = {}
        # (block, start, end, quote index) of every quote segment, for look-ups by sentence.
        self.segments: dict[int, list[tuple[int, int, int]]] = {}
        for index, quote in enumerate(self.quotes):
            for segment in quote.segments:
                self.segments.setdefault(segment.block, []).append(
                    (segment.start, segment.end, index)
                )

    # --- speakers -------------------------------------------------------------------------

    def classify_speaker(self, name: str, block: int) -> _Speaker | None:
        """The voice of a speaker phrase: pronoun, actor, or a person introduced earlier."""
        cues = _cues()
        if name.lower() in cues.pronouns or name.lower() in {"we", "i"}:
            return self.last
        found = _first_actor(name, practitioners=True)
        if found is not None:
            return _Speaker(found[1], name)
        surname = name.split()[-1] if name.split() else ""
        if not surname[:1].isupper():
            return None
        # A person: find where the article introduced them ("Merran McRae, the council’s
        # chief executive, said …", "council leader Peter Box").
        pattern = rf"\b{re.escape(surname)}\b"
        for text in self.texts[: block + 1]:
            if surname not in text:
                continue  # the regex (compiled, or found in re's cache) only where it can match
            for match in re.finditer(pattern, text):
                window = text[max(0, match.start() - 40) : match.end() + 90]
                role = _first_actor(window, practitioners=False)
                if role is not None:
                    return _Speaker(role[1], name)
        return None

    def resolve_quote(self, index: int) -> tuple[Voice, str | None, str]:
        """The voice, speaker and cue of a quote, resolved once, when first reached."""
        if index in self.quote_voice:
            return self.quote_voice[index]
        quote: Quote = self.quotes[index]
        resolved: tuple[Voice, str | None, str]
        if quote.speaker is None:
            if self.last is not None:
                resolved = (self.last.voice, self.last.name, "quote continues the last speaker")
            else:
                resolved = ("journalist", None, "quote without a speaker")
        else:
            speaker = self.classify_speaker(quote.speaker, quote.segments[0].block)
            cue = f"quote: {quote.attribution}"
            if speaker is None:
                resolved = ("journalist", quote.speaker, f"{cue} (speaker not identified)")
            else:
                name = speaker.name if quote.speaker.lower() in _cues().pronouns else None
                resolved = (speaker.voice, name or quote.speaker, cue)
        self.quote_voice[index] = resolved
        if resolved[0] != "journalist":
            self.last = _Speaker(resolved[0], resolved[1])
        return resolved

    # --- sentences ------------------------------------------------------------------------

    def quote_cover(self, block: int, sentence: Sentence) -> tuple[int | None, list[int]]:
        """The quote covering most of a sentence (if any) and the quotes inside it."""
        length = max(1, len(sentence.text))
        inside: list[int] = []
        main: int | None = None
        for start, end, index in self.segments.get(block, []):
            overlap = min(end, sentence.end) - max(start, sentence.start)
            if overlap <= 0:
                continue
            inside.append(index)
            if overlap / length >= QUOTED_SHARE:
                main = index
        return main, inside

    def paragraph_sentence(
        self, block: int, sentence: Sentence, previous: VoiceAttribution | None
    ) -> tuple[VoiceAttribution, bool]:
        """Attribute one paragraph sentence; the flag says it fell through to the default."""
        cues = _cues()
        text = sentence.text
        main, inside = self.quote_cover(block, sentence)
        if main is not None:
            voice, speaker, cue = self.resolve_quote(main)
            reported = _reported_practitioners(text) if voice == "inspectorate" else None
            if reported is not None:
                cue = f"practitioners reported in the quote: {reported}"
                return VoiceAttribution("practitioner", cue, True, reported), False
            return VoiceAttribution(voice, cue, True, speaker), False
        for index in inside:
            if self.quotes[index].speaker is not None:
                self.resolve_quote(index)  # "…,” the report said" inside a longer sentence

        continuation = cues.continuation.match(text)
        if continuation is not None and self.last is not None:
            cue = f"continues: {continuation.group(0).strip()}"
            return VoiceAttribution(self.last.voice, cue, False, self.last.name), False

        # The sentence folded once for every actor search below.
        folded = _fold(text)
        spoken = self.speaker_cue(folded, block)
        if spoken is not None:
            return spoken, False

        if mentions_workforce_figure(text):
            return VoiceAttribution(
                "government", "figure: DfE workforce statistics", False, None
            ), False

        fragments = [
            index
            for index in inside
            if len(_segment_words(self, index, block)) >= 2 and self.quotes[index].speaker is None
        ]
        lead = cues.lead_in.match(text)
        # The lead-in ends with a comma and white space, as ``_first_actor``'s start must.
        clause_start = lead.end() if lead else 0
        main_clause = text[clause_start:]
        first = _first_actor(folded, practitioners=False, start=clause_start)
        # A person who is the subject but says nothing is being described: words quoted about
        # them ("the director had “quickly won the confidence of staff”") are the last
        # speaker's. An institution acting ("the council produced a plan") is its own source.
        described = bool(
            first is not None
            and fragments
            and self.last is not None
            and cues.person.search(first[2])
        )
        if (
            first is not None
            and len(main_clause[: first[0]].split()) <= SUBJECT_WORDS
            and not described
        ):
            return VoiceAttribution(first[1], f"subject: {first[2]}", False, None), False

        if fragments and self.last is not None:
            return VoiceAttribution(self.last.voice, "quote fragment", False, self.last.name), False

        mentioned = first
        if mentioned is None and lead:  # without a lead-in, the sentence was searched above
            mentioned = _first_actor(folded, practitioners=False)
        if mentioned is not None:
            return VoiceAttribution(mentioned[1], f"mention: {mentioned[2]}", False, None), False

        if previous is not None and previous.voice != "journalist":
            opener = cues.anaphor.match(text)
            if opener is not None:
                cue = f"anaphor: {opener.group(0).strip()}"
                return VoiceAttribution(previous.voice, cue, False, previous.speaker), False
        return VoiceAttribution("journalist", "no cue", False, None), True

    def speaker_cue(self, folded: _Folded, block: int) -> VoiceAttribution | None:
        """The first speaker named as the subject or agent of a reporting verb."""
        cues = _cues()
        text = folded.text
        best: tuple[int, Voice, str] | None = None
        for voice in cues.speaker:
            for match in _speaker_matches(folded, voice):
                if best is None or match.start() < best[0]:
                    best = (match.start(), voice, match.group(0).strip(" ,"))
        named = cues.named_speaker.match(text)
        if named is not None and (best is None or named.start("name") < best[0]):
            person = self.classify_speaker(named["name"], block)
            if person is not None:
                self.last = _Speaker(person.voice, named["name"])
                cue = f"speaker: {named.group(0).strip()}"
                return VoiceAttribution(person.voice, cue, False, named["name"])
        if best is None:
            return None
        actor_match = _FROM_NON_SPACE.search(best[2])
        said = actor_match.group(0) if actor_match else best[2]
        self.last = _Speaker(best[1], said)
        return VoiceAttribution(best[1], f"speaker: {said}", False, said)


@cache
def _opening_words(voice: Voice) -> frozenset[str] | None:
    """The first words of ``voice``'s actor phrases (None: see ``_Cues.openers``)."""
    openers = _cues().openers
    if openers is None:
        return None
    return frozenset(
        first for first, entries in openers.items() if any(owner == voice for owner, _ in entries)
    )


def _reported_practitioners(text: str) -> str | None:
    """Practitioners opening a quoted sentence as speakers ("“Social workers report that …").

    An inspection report that says what social workers told the inspectors passes on their
    own views (``shared/domain.md``: practitioners "as reported in the body"), so that
    sentence is theirs. Only the sentence's own opening counts (at most one word, such as
    "However", before the actor): practitioners named later are what it is about.
    """
    # A match starts at an actor's first word, so one of the first two words must open a
    # practitioner phrase: most quoted sentences fail this and are not folded and searched.
    firsts, folded_text = _opening_words("practitioner"), lowered(text)
    if firsts is not None and folded_text is not None:
        opening = _FIRST_TWO_WORDS.match(folded_text)
        if opening is None or firsts.isdisjoint(opening.groups()):
            return None
    folded = _Folded(text)
    for match in _speaker_matches(folded, "practitioner"):
        if len(_WORD_RUN.findall(folded.text, 0, match.start())) <= 1:
            return match.group("actor")
    return None


def _segment_words(attributor: _Attributor, index: int, block: int) -> list[str]:
    quote = attributor.quotes[index]
    words: list[str] = []
    for segment in quote.segments:
        if segment.block == block:
            words += attributor.texts[block][segment.start : segment.end].split()
    return words


# --- headings -------------------------------------------------------------------------------

_LABEL_BEFORE = re.compile(r"^\s*(?P<label>[^:‘’“”\"']{2,50}?)\s*:\s+\S")
_LABEL_AFTER = re.compile(r"\S\s+[–—-]\s*(?P<label>[^–—‘’“”\"']{2,50}?)\s*$")
_QUOTED_PHRASE = re.compile(r"[‘“\"'](?P<phrase>[^‘’“”\"]{2,80})[’”\"']")


def _stem(word: str) -> str:
    # Five letters tell "supervised" and "supervision" apart from other words well enough to
    # find a heading's quoted phrase in the paragraphs below it.
    return word.lower()[:5]


def _says_phrase(sentence: str, phrase: str) -> bool:
    wanted = [_stem(word) for word in _LETTER_RUN.findall(phrase)]
    words = [_stem(word) for word in _LETTER_RUN.findall(sentence)]
    if not wanted:
        return False
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words)))


def _heading_voice(
    attributor: _Attributor,
    block: int,
    text: str,
    voices: dict[tuple[int, int], VoiceAttribution],
) -> VoiceAttribution:
    """The voice of a heading (see the module docstring for the order of the rules)."""
    for quote_index, quote in enumerate(attributor.quotes):
        # The segments, not ``quote.blocks``: that tuple would be built for every quote.
        segments = quote.segments
        if len(segments) > 1 and segments[0].block < block < segments[-1].block:
            voice, name, _ = attributor.resolve_quote(quote_index)
            return VoiceAttribution(voice, "heading inside a quote", False, name)
    for pattern in (_LABEL_BEFORE, _LABEL_AFTER):
        match = pattern.search(text)
        if match is None:
            continue
        speaker = attributor.classify_speaker(match["label"].strip(), block)
        if speaker is not None:
            cue = f"heading label: {match['label'].strip()}"
            return VoiceAttribution(speaker.voice, cue, False, match["label"].strip())
    for match in _QUOTED_PHRASE.finditer(text):
        phrase = match["phrase"]
        for later in range(block + 1, len(attributor.blocks)):
            if later in attributor.headings:
                break
            for number, sentence in enumerate(attributor.sentences[later]):
                found = voices.get((later, number))
                if found is not None and _says_phrase(sentence.text, phrase):
                    cue = f"heading quotes: {phrase}"
                    return VoiceAttribution(found.voice, cue, False, found.speaker)
    first = _first_actor(text, practitioners=False)
    if first is not None:
        return VoiceAttribution(first[1], f"heading mention: {first[2]}", False, None)
    return VoiceAttribution("journalist", "heading without cue", False, None)


def attribute_voices(
    blocks: Sequence[BodyBlock], sentences: Sequence[Sequence[Sentence]]
) -> list[list[VoiceAttribution]]:
    """Give every body sentence a voice and the cue that decided it.

    Args:
        blocks: the article body in page order (paragraphs and headings).
        sentences: the sentences of each block (spans into that block's text), aligned
            with ``blocks``; a heading is usually one sentence.

    Returns:
        One list per block, one ``VoiceAttribution`` per sentence, aligned with ``sentences``.

    Raises:
        ValueError: if ``sentences`` is not aligned with ``blocks``.

    Example:
        >>> from discourse.analyse.sentences import split_sentences
        >>> body = [BodyBlock("paragraph", "Ofsted found caseloads were too high. It said more.")]
        >>> [v.voice for v in attribute_voices(body, [split_sentences(body[0].text)])[0]]
        ['inspectorate', 'inspectorate']
    """
    if len(blocks) != len(sentences):
        raise ValueError(f"{len(blocks)} blocks but {len(sentences)} sentence lists")
    attributor = _Attributor(blocks, sentences)
    voices: dict[tuple[int, int], VoiceAttribution] = {}
    defaulted: set[tuple[int, int]] = set()
    previous: VoiceAttribution | None = None
    for block, block_sentences in enumerate(sentences):
        if block in attributor.headings:
            previous = None  # a heading starts a section: no anaphor crosses it
            continue
        for number, sentence in enumerate(block_sentences):
            same_paragraph = previous if number > 0 else None
            if same_paragraph is not None and _TWO_WORDS.search(sentence.text) is None:
                # A one-word remnant of a split after an abbreviation ("… working for St." +
                # "Helens.”") belongs to the sentence it was cut from.
                voices[(block, number)] = same_paragraph
                continue
            voice, fell_through = attributor.paragraph_sentence(block, sentence, previous)
            if fell_through and same_paragraph is not None and same_paragraph.voice != "journalist":
                voice = VoiceAttribution(
                    same_paragraph.voice, "same paragraph", False, same_paragraph.speaker
                )
                fell_through = False
            if fell_through:
                defaulted.add((block, number))
            voices[(block, number)] = voice
            previous = voice
    _fill_passages(attributor, voices, defaulted)
    for block in sorted(attributor.headings):
        for number, sentence in enumerate(sentences[block]):
            voices[(block, number)] = _heading_voice(attributor, block, sentence.text, voices)
    return [
        [voices[(block, number)] for number in range(len(block_sentences))]
        for block, block_sentences in enumerate(sentences)
    ]


def _fill_passages(
    attributor: _Attributor,
    voices: dict[tuple[int, int], VoiceAttribution],
    defaulted: set[tuple[int, int]],
) -> None:
    """A cue-less sentence between two sentences of one voice, in one section, takes it."""
    order = sorted(voices)
    for position, key in enumerate(order):
        if key not in defaulted or position == 0 or position + 1 >= len(order):
            continue
        before, after = order[position - 1], order[position + 1]
        crosses = any(before[0] < heading < after[0] for heading in attributor.headings)
        voice = voices[before].voice
        if not crosses and voice != "journalist" and voices[after].voice == voice:
            voices[key] = VoiceAttribution(voice, f"within a {voice} passage", False, None)
