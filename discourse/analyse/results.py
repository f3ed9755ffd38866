"""Typed results of the analysis stage, kept beside the parsed model (never inside it).

Each analysis module returns one of these; ``discourse.pipeline`` assembles them into an
``ArticleAnalysis`` per article, which the writers, the comparison and the report read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from discourse.model import Article, frozen_record

SentimentLabel = Literal["positive", "neutral", "negative"]
Voice = Literal["inspectorate", "government", "council", "practitioner", "journalist"]
VOICES: tuple[Voice, ...] = ("inspectorate", "government", "council", "practitioner", "journalist")
Stance = Literal["agree", "disagree", "none"]
PractitionerRole = Literal[
    "social_worker", "manager", "agency", "student", "family_support", "retired", "academic"
]
Rating = Literal["outstanding", "good", "requires improvement", "inadequate"]
InspectionType = Literal[
    "full inspection", "focused visit", "monitoring visit", "joint targeted area inspection"
]


@frozen_record
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph: its text and its character span in that paragraph."""

    text: str
    start: int
    end: int


@frozen_record
@dataclass(frozen=True, slots=True)
class ThemeHit:
    """Evidence for one theme in one sentence.

    ``matched`` are the words or phrases as they appear in the text; ``start``/``end`` is the
    character span of the first match within ``sentence`` (so ``sentence[start:end]`` is it);
    ``rule`` names the codebook term that fired.
    """

    theme: str
    matched: tuple[str, ...]
    sentence: str
    start: int
    end: int
    rule: str


@frozen_record
@dataclass(frozen=True, slots=True)
class ScoredSentence:
    """A sentence with its VADER compound score, label and theme evidence."""

    paragraph: int
    index: int
    text: str
    start: int
    end: int
    sentiment: float
    label: SentimentLabel
    hits: tuple[ThemeHit, ...]

    @property
    def themes(self) -> frozenset[str]:
        return frozenset(hit.theme for hit in self.hits)


@frozen_record
@dataclass(frozen=True, slots=True)
class PractitionerClaim:
    """A commenter's self-identification as a practitioner, with the cue phrase."""

    role: PractitionerRole
    cue: str


@frozen_record
@dataclass(frozen=True, slots=True)
class StanceCue:
    """A reply's stance towards the comment it answers, with the cue phrase."""

    stance: Stance
    cue: str


@frozen_record
@dataclass(frozen=True, slots=True)
class CommentAnalysis:
    """Everything measured on one comment; ``comment_id`` points into ``Article.comments``."""

    comment_id: str
    sentences: tuple[ScoredSentence, ...]
    sentiment: float
    label: SentimentLabel
    practitioner: PractitionerClaim | None
    stance: StanceCue

    @property
    def hits(self) -> tuple[ThemeHit, ...]:
        return tuple(hit for sentence in self.sentences for hit in sentence.hits)

    @property
    def themes(self) -> frozenset[str]:
        """A comment's themes: the union over its sentences."""
        return frozenset(hit.theme for hit in self.hits)


@frozen_record
@dataclass(frozen=True, slots=True)
class VoiceAttribution:
    """Who speaks in one body sentence and the cue that decided it."""

    voice: Voice
    cue: str
    quoted: bool
    speaker: str | None


@frozen_record
@dataclass(frozen=True, slots=True)
class BodySentence:
    """A body sentence: its score and themes, and the voice it speaks in."""

    scored: ScoredSentence
    voice: VoiceAttribution


@frozen_record
@dataclass(frozen=True, slots=True)
class Statistic:
    """One official workforce figure quoted in the body."""

    council: str | None
    metric: str
    value: float
    unit: str
    period: str | None
    comparator: str | None
    comparator_value: float | None
    sentence: str


@frozen_record
@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the article says about the inspection it reports."""

    councils: tuple[str, ...]
    rating: Rating | None
    inspection_type: InspectionType | None


@frozen_record
@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """The full record of one article: the parse and every measurement beside it."""

    article: Article
    comments: tuple[CommentAnalysis, ...]
    body: tuple[BodySentence, ...]
    statistics: tuple[Statistic, ...]
    meta: ArticleMeta
