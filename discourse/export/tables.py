"""The tables of ``discourse analyse``, written row by row and moved into place on success.

Five files per run, one block of rows per article as it is analysed (memory does not grow with
the corpus):

- ``comments.csv``: one row per comment (``COMMENT_COLUMNS``, a ``theme_<id>`` column per
  codebook theme before ``themes``);
- ``sentences.csv``: one row per body sentence (``SENTENCE_COLUMNS``, theme columns likewise);
- ``statistics.csv``: one row per official workforce figure (``STATISTIC_COLUMNS``);
- ``articles.csv``: one row per article (``ARTICLE_COLUMNS``);
- ``analysis.jsonl``: the full record of each article, one JSON object per line.

Each file is written to a hidden temporary file in the output folder and renamed over the
final name only when the ``TableWriter`` block ends without an error, so a failed run leaves
the previous outputs (or nothing) and never a half-written table. CSV text cells go through
``csvsafe`` (``safe_text``, ``neutralise``); the files are UTF-8 without a byte-order mark,
comma-separated with minimal quoting, so ``csv`` and pandas read them with their defaults.
The lines are built here byte for byte as ``csv.writer`` writes them (``csv_line``), faster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType

from discourse.analyse.results import ArticleAnalysis, ScoredSentence, ThemeHit
from discourse.errors import OutputError
from discourse.export.atomic import PendingFile
from discourse.export.csvsafe import Cell, CsvCell, neutralise, safe_text
from discourse.export.record import analysis_line
from discourse.memo import score_memo

COMMENT_COLUMNS_BEFORE_THEMES = (
    "article",
    "comment_id",
    "number",
    "parent_id",
    "depth",
    "author",
    "posted",
    "practitioner",
    "practitioner_role",
    "practitioner_cue",
    "stance",
    "stance_cue",
    "sentiment",
    "sentiment_label",
    "sentences",
)
SENTENCE_COLUMNS_BEFORE_THEMES = (
    "article",
    "sentence_id",
    "paragraph",
    "kind",
    "voice",
    "voice_cue",
    "quoted",
    "speaker",
    "sentiment",
    "sentiment_label",
)
AFTER_THEMES = ("themes", "evidence", "text")
STATISTIC_COLUMNS = (
    "article",
    "council",
    "metric",
    "value",
    "unit",
    "period",
    "comparator",
    "comparator_value",
    "sentence",
)
ARTICLE_COLUMNS = (
    "article",
    "source",
    "title",
    "published",
    "publication",
    "council",
    "rating",
    "inspection_type",
    "comments",
    "declared_comments",
    "practitioner_comments",
)
OUTPUT_FILES = ("comments.csv", "sentences.csv", "statistics.csv", "articles.csv", "analysis.jsonl")

# VADER itself reports compound scores to four decimals; more digits would be noise.
SCORE_DIGITS = 4
# Several values in one cell (councils, themes, evidence groups).
LIST_SEPARATOR = "; "


def theme_columns(themes: Sequence[str]) -> tuple[str, ...]:
    """The 0/1 theme columns, in codebook order.

    Args:
        themes: the codebook's theme ids.

    Returns:
        ``("theme_<id>", …)``.
    """
    return tuple(f"theme_{theme}" for theme in themes)


def comment_columns(themes: Sequence[str]) -> tuple[str, ...]:
    """The header of ``comments.csv`` for a codebook's themes."""
    return COMMENT_COLUMNS_BEFORE_THEMES + theme_columns(themes) + AFTER_THEMES


def sentence_columns(themes: Sequence[str]) -> tuple[str, ...]:
    """The header of ``sentences.csv`` for a codebook's themes."""
    return SENTENCE_COLUMNS_BEFORE_THEMES + theme_columns(themes) + AFTER_THEMES


def _group_hits(hit_groups: Iterable[Iterable[ThemeHit]]) -> dict[str, dict[str, None]]:
    """Theme -> its distinct matched words, both in order of first appearance, over the hits of
    each group in turn (a comment's are its sentences': no tuple of them all is built)."""
    groups: dict[str, dict[str, None]] = {}
    for hits in hit_groups:
        for hit in hits:
            words = groups.get(hit.theme)
            if words is None:
                words = groups[hit.theme] = {}
            # Item by item: a dict per hit (``dict.fromkeys``) took a fifth more time.
            for word in hit.matched:
                words[word] = None
    return groups


def _evidence(groups: dict[str, dict[str, None]]) -> str:
    return LIST_SEPARATOR.join([f"{theme}: {', '.join(words)}" for theme, words in groups.items()])


def evidence_text(hits: Iterable[ThemeHit]) -> str:
    """Summarise theme evidence for a CSV cell: ``theme: matched, matched; theme: matched``.

    The full evidence (sentence, span and codebook rule of every hit) is in ``analysis.jsonl``.

    Args:
        hits: theme hits in text order.

    Returns:
        One group per theme in order of first hit, each with its distinct matched words.
    """
    return _evidence(_group_hits([hits]))


# Every table function returns finished CSV lines, exactly as ``csv.writer(handle,
# lineterminator="\n")`` would write its rows: ``csv.writer`` checks every character of every
# cell in turn (with a look-up of the line terminator per character), which made it most of
# the cost of the tables; ``_quoted`` finds the same few characters with ``str`` searches.
# Each line is encoded as UTF-8 on its own: a line in ASCII is copied, where one character
# outside it made an article's whole block of lines a two-byte string, encoded character by
# character (see ``record``).


def _quoted(text: str) -> str:
    """A text cell as ``csv.writer`` writes it: in double quotes (doubled inside) if it holds
    a comma, a double quote or a newline; a lone carriage return is left as is."""
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text:
        return '"' + text + '"'
    return text


def _field(cell: CsvCell) -> str:
    """Any cell as ``csv.writer`` writes it: numbers with ``str``, None as an empty cell."""
    if isinstance(cell, str):
        return _quoted(cell)
    return "" if cell is None else str(cell)


def csv_line(cells: Sequence[CsvCell]) -> str:
    """One row as ``csv.writer(handle, lineterminator="\\n").writerow(cells)`` writes it.

    Args:
        cells: spreadsheet-safe text, numbers and None (an empty cell).

    Returns:
        The line, with its newline.
    """
    fields = [_field(cell) for cell in cells]
    if fields == [""]:  # a lone empty cell is quoted, or the row would read as a blank line
        return '""\n'
    return ",".join(fields) + "\n"


def _text(text: str) -> str:
    """A text cell of the large tables: spreadsheet-safe, then quoted as needed."""
    return _quoted(safe_text(text))


# Most short cells recur (labels, stances, roles, voices, cues, comment ids, pseudonyms): a
# cached cell is one look-up instead of three calls. Bounded so memory stays flat on any corpus.
_cell = lru_cache(maxsize=4096)(_text)


def _optional_cell(text: str | None) -> str:
    return "" if text is None else _cell(text)


def _score(score: float) -> str:
    """A score's cell: rounded to ``SCORE_DIGITS`` places, then ``str``."""
    return str(round(score, SCORE_DIGITS))


# Sentence scores recur: their cells are kept. Bounded so memory stays flat on any corpus.
_sentence_score = score_memo(4096, _score)


# The two large tables build each line's fields as they go (``_text`` on each text cell,
# ``str`` on each number): a second pass over every cell of every row cost as much as
# building the row.


# Most rows share one of a few hundred theme sets; bounded so memory stays flat on any corpus.
@lru_cache(maxsize=4096)
def _theme_flags(present: frozenset[str], themes: tuple[str, ...]) -> str:
    """The 0/1 fields and the ``themes`` field of a row with these themes, comma-joined."""
    # Codebook order, not set order, so the cell is the same in every run.
    listed = ";".join(theme for theme in themes if theme in present)
    return ",".join([*("1" if theme in present else "0" for theme in themes), _text(listed)])


def _group_fields(groups: dict[str, dict[str, None]], themes: tuple[str, ...]) -> str:
    """The fields from the ``theme_<id>`` columns to ``evidence``, comma-joined."""
    if not groups:  # a third of the rows; their evidence is empty
        return _theme_flags(frozenset(), themes) + ","
    return _theme_flags(frozenset(groups), themes) + "," + _text(_evidence(groups))


# A quarter of the rows have one hit, and a corpus's hits share a few hundred (theme, matched)
# pairs: such a row's fields are kept per pair, a look-up instead of grouping and writing them
# (20,000 instructions). Bounded so memory stays flat on any corpus.
@lru_cache(maxsize=4096)
def _one_hit_fields(theme: str, matched: tuple[str, ...], themes: tuple[str, ...]) -> str:
    return _group_fields({theme: dict.fromkeys(matched)}, themes)


def _theme_fields(hit_groups: Sequence[Sequence[ThemeHit]], themes: tuple[str, ...]) -> str:
    """``_group_fields`` of the hits of each group in turn (a comment's are its sentences')."""
    if len(hit_groups) == 1 and len(hit_groups[0]) == 1:
        hit = hit_groups[0][0]
        return _one_hit_fields(hit.theme, hit.matched, themes)
    return _group_fields(_group_hits(hit_groups), themes)


def comment_lines(analysis: ArticleAnalysis, themes: Sequence[str]) -> Iterator[bytes]:
    """Lines of ``comments.csv`` for one article (see ``comment_columns``), ready to append."""
    themes = tuple(themes)  # hashable: the theme fields are cached per theme set
    name = _text(analysis.article.name)
    article = analysis.article
    by_id = {comment.id: comment for comment in article.comments}
    for measured in analysis.comments:
        comment = by_id[measured.comment_id]
        claim = measured.practitioner
        stance = measured.stance
        number = comment.number
        posted = comment.posted
        fields = [
            name,
            _cell(comment.id),
            "" if number is None else str(number),
            _optional_cell(comment.parent),
            str(comment.depth),
            _cell(comment.author),
            "" if posted is None else posted.isoformat(),  # ISO 8601: nothing to quote
            "0" if claim is None else "1",
            "" if claim is None else _cell(claim.role),
            "" if claim is None else _cell(claim.cue),
            _cell(stance.stance),
            _cell(stance.cue),
            _score(measured.sentiment),
            _cell(measured.label),
            str(len(measured.sentences)),
            # Only the sentences with hits, so that a comment with one hit is seen to have one.
            _theme_fields(
                [sentence.hits for sentence in measured.sentences if sentence.hits], themes
            ),
            _text(comment.text),
        ]
        yield (",".join(fields) + "\n").encode()


def sentence_lines(analysis: ArticleAnalysis, themes: Sequence[str]) -> Iterator[bytes]:
    """Lines of ``sentences.csv`` for one article (see ``sentence_columns``), ready to append."""
    themes = tuple(themes)
    name = _text(analysis.article.name)
    article = analysis.article
    for sentence in analysis.body:
        scored: ScoredSentence = sentence.scored
        voice = sentence.voice
        fields = [
            name,
            str(scored.index),
            str(scored.paragraph),
            _cell(article.body[scored.paragraph].kind),
            _cell(voice.voice),
            _cell(voice.cue),
            "1" if voice.quoted else "0",
            _optional_cell(voice.speaker),
            _sentence_score(scored.sentiment),
            _cell(scored.label),
            _theme_fields((scored.hits,), themes),
            _text(scored.text),
        ]
        yield (",".join(fields) + "\n").encode()


def _safe_line(cells: Iterable[Cell]) -> bytes:
    # For the two small tables (a row or two per article), every cell through ``neutralise``.
    return csv_line([neutralise(cell) for cell in cells]).encode()


def statistic_lines(analysis: ArticleAnalysis) -> Iterator[bytes]:
    """Lines of ``statistics.csv`` for one article (see ``STATISTIC_COLUMNS``), ready to append."""
    name = analysis.article.name
    for figure in analysis.statistics:
        yield _safe_line(
            (
                name,
                figure.council,
                figure.metric,
                figure.value,
                figure.unit,
                figure.period,
                figure.comparator,
                figure.comparator_value,
                figure.sentence,
            )
        )


def article_line(analysis: ArticleAnalysis) -> bytes:
    """The line of ``articles.csv`` for one article (see ``ARTICLE_COLUMNS``), ready to append."""
    article, meta = analysis.article, analysis.meta
    return _safe_line(
        (
            article.name,
            article.source,
            article.title,
            article.published,
            article.publication,
            LIST_SEPARATOR.join(meta.councils),
            meta.rating,
            meta.inspection_type,
            len(article.comments),
            article.declared_comments,
            sum(1 for comment in analysis.comments if comment.practitioner is not None),
        )
    )


@dataclass(frozen=True, slots=True)
class RenderedArticle:
    """One article's lines for each table (``OUTPUT_FILES`` order), in UTF-8, ready to append.

    Rendering is most of the cost of writing; with ``--jobs N`` it happens in the worker
    that analysed the article, so the main process only appends bytes (and never unpickles
    the analysis; bytes pass between processes as they are, where text is encoded and decoded).
    """

    source: str
    warnings: tuple[str, ...]
    comments: int
    body_sentences: int
    statistics: int
    chunks: tuple[bytes, ...]


def render(analysis: ArticleAnalysis, themes: Sequence[str]) -> RenderedArticle:
    """Render one article's rows of every table (CSV lines and the JSON line).

    Args:
        analysis: the article's analysis.
        themes: the codebook's theme ids (the ``theme_<id>`` columns).

    Returns:
        The article's text for each file, with its counts and parse warnings.
    """
    return render_all([analysis], themes)[0]


def render_all(analyses: Sequence[ArticleAnalysis], themes: Sequence[str]) -> list[RenderedArticle]:
    """``render`` for a batch of articles, one table at a time over the whole batch (the
    pipeline's batches: see ``discourse.pipeline``)."""
    comments = [b"".join(comment_lines(analysis, themes)) for analysis in analyses]
    sentences = [b"".join(sentence_lines(analysis, themes)) for analysis in analyses]
    statistics = [b"".join(statistic_lines(analysis)) for analysis in analyses]
    articles = list(map(article_line, analyses))
    records = list(map(analysis_line, analyses))
    return [
        RenderedArticle(
            source=analysis.article.source,
            warnings=analysis.article.warnings,
            comments=len(analysis.comments),
            body_sentences=len(analysis.body),
            statistics=len(analysis.statistics),
            chunks=(
                comments[index],
                sentences[index],
                statistics[index],
                articles[index],
                records[index],
            ),
        )
        for index, analysis in enumerate(analyses)
    ]


class TableWriter:
    """Write the five tables of a run, atomically.

    Use as a context manager; call ``write`` once per article, in order. On a clean exit
    every temporary file is renamed over its final name; if the block raises, the
    temporary files are removed and any previous outputs are left untouched.

    Example::

        with TableWriter(out_dir, themes=[theme.id for theme in codebook.themes]) as tables:
            for analysis in analyses:
                tables.write(analysis)
    """

    def __init__(self, out_dir: Path, themes: Sequence[str]) -> None:
        """Prepare a writer (nothing touches the disk before ``__enter__``).

        Args:
            out_dir: the output folder (created if missing).
            themes: the codebook's theme ids, giving the ``theme_<id>`` columns.
        """
        self.out_dir = out_dir
        self.themes = tuple(themes)
        self._pending: dict[str, PendingFile] = {}
        self.articles = 0

    @property
    def paths(self) -> tuple[Path, ...]:
        """The final paths of the five files."""
        return tuple(self.out_dir / name for name in OUTPUT_FILES)

    def __enter__(self) -> TableWriter:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"cannot create folder: {error.strerror}", path=self.out_dir
            ) from None
        try:
            for name in OUTPUT_FILES:
                self._open(name)
        except OutputError:
            self._discard()
            raise
        headers = {
            "comments.csv": comment_columns(self.themes),
            "sentences.csv": sentence_columns(self.themes),
            "statistics.csv": STATISTIC_COLUMNS,
            "articles.csv": ARTICLE_COLUMNS,
        }
        with self._guarded():
            for name, header in headers.items():
                self._pending[name].binary.write(csv_line(header).encode())
        return self

    def _open(self, name: str) -> None:
        self._pending[name] = PendingFile(self.out_dir / name)

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """Report a failed write as an ``OutputError`` naming the output folder."""
        try:
            yield
        except OSError as error:
            raise OutputError(f"cannot write: {error.strerror}", path=self.out_dir) from None

    def write(self, analysis: ArticleAnalysis | RenderedArticle) -> None:
        """Append one article's rows to every table.

        Args:
            analysis: the article's analysis, or its rows already rendered (``render``).

        Raises:
            OutputError: a file cannot be written (disk full, permissions).
        """
        if not isinstance(analysis, RenderedArticle):
            analysis = render(analysis, self.themes)
        with self._guarded():
            for name, chunk in zip(OUTPUT_FILES, analysis.chunks, strict=True):
                self._pending[name].binary.write(chunk)
        self.articles += 1

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            # Flush every table before the first rename: a full disk shows up here, while
            # no earlier output has been replaced yet.
            for pending in self._pending.values():
                pending.handle.close()
        except OSError as failure:
            self._discard()
            raise OutputError(f"cannot write: {failure.strerror}", path=self.out_dir) from None
        try:
            for pending in self._pending.values():
                pending.commit()
        finally:
            self._discard()

    def _discard(self) -> None:
        """Close and delete every temporary file not yet committed."""
        for pending in self._pending.values():
            pending.discard()
        self._pending.clear()
