"""The analysis pipeline: batches of articles, in input order, on one or more processes.

``iter_analyses`` reads, parses, pseudonymises and analyses the inputs and yields one
``ArticleAnalysis`` per article (or an ``InputError`` for a file that could not be read) as
soon as its batch is ready, so memory does not grow with the corpus. ``run_analyse`` streams
those into the tables of ``discourse analyse``.

Order of work, and why:

1. ``discourse.ingest`` finds and loads the files in the main process, in input order.
2. ``discourse.privacy.pseudonymise`` replaces commenters' names, also in the main process and
   in input order: the pseudonyms are numbered by first appearance in the corpus, which only
   a single, ordered pass can do, and no later stage (nor a worker process) ever sees a real
   name unless names are kept on purpose.
3. ``analyse_articles`` scores sentences, themes, commenters, voices, statistics and metadata
   for a batch of ``BATCH_ARTICLES`` articles, one stage at a time over the whole batch:
   running one stage over a thousand sentences before the next keeps its code and caches
   warm in the processor, where going sentence by sentence through every stage evicts them
   (the same instructions take 10 to 20% longer). With ``jobs > 1`` batches run in a pool of
   worker processes, each building its ``TextAnalyser`` (VADER lexicon, Punkt, codebook
   matchers) once. At most a few batches per worker are in flight and results are taken back
   in submission order, so the output is identical, row for row, to ``jobs=1`` and memory
   stays bounded.
4. ``run_analyse`` only needs table rows, so its workers also render them (``iter_rendered``):
   the main process appends text instead of unpickling and rendering every analysis, which
   made it the bottleneck of a two-process run.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from discourse.analyse.codebook import Codebook
from discourse.analyse.commenters import detect_stance, identify_practitioner
from discourse.analyse.metadata import describe_article
from discourse.analyse.results import (
    ArticleAnalysis,
    BodySentence,
    CommentAnalysis,
    ScoredSentence,
    Sentence,
)
from discourse.analyse.text import TextAnalyser
from discourse.analyse.voices import attribute_voices
from discourse.analyse.workforce import extract_statistics
from discourse.errors import InputError
from discourse.export.tables import RenderedArticle, TableWriter, render_all
from discourse.ingest import discover, load_file
from discourse.model import Article, Comment
from discourse.privacy import Pseudonyms, pseudonymise
from discourse.settings import Settings

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

logger = logging.getLogger(__name__)

Result = TypeVar("Result")

# Articles analysed together, one stage at a time (``analyse_articles``): enough for each
# stage's code and caches to stay warm, few enough that memory does not depend on the size
# of the corpus.
BATCH_ARTICLES = 16
# Batches in flight per worker: enough to keep every worker busy while the main process
# writes rows.
IN_FLIGHT_PER_WORKER = 2


def analyse_comment(comment: Comment, analyser: TextAnalyser) -> CommentAnalysis:
    """Measure one comment: sentence scores and themes, aggregate sentiment, who speaks.

    Args:
        comment: the (pseudonymised) comment.
        analyser: the process's text analyser.

    Returns:
        The comment's analysis; a reply (``parent`` set) also gets its stance.
    """
    return _comment_analyses([comment], analyser.score_texts([comment.paragraphs]), analyser)[0]


def _comment_analyses(
    comments: Sequence[Comment],
    scored: Sequence[tuple[ScoredSentence, ...]],
    analyser: TextAnalyser,
) -> list[CommentAnalysis]:
    """The comments' analyses from their scored sentences, each stage over all of them."""
    texts = [comment.text for comment in comments]
    claims = list(map(identify_practitioner, texts))
    stances = [
        detect_stance(text, is_reply=comment.parent is not None)
        for comment, text in zip(comments, texts, strict=True)
    ]
    analyses = []
    for comment, sentences, claim, stance in zip(comments, scored, claims, stances, strict=True):
        score, label = analyser.overall(sentences)
        analyses.append(
            CommentAnalysis(
                comment_id=comment.id,
                sentences=sentences,
                sentiment=score,
                label=label,
                practitioner=claim,
                stance=stance,
            )
        )
    return analyses


def analyse_article(article: Article, analyser: TextAnalyser) -> ArticleAnalysis:
    """Analyse one article: its comments, its body sentences by voice, figures and metadata.

    The body is split and scored once (``TextAnalyser.score_texts`` over every block, headings
    included); the voices are attributed on those same sentences.

    Args:
        article: the parsed (and, unless names are kept, pseudonymised) article.
        analyser: the process's text analyser (built once per process).

    Returns:
        The full record of the article.

    Example::

        analyser = TextAnalyser(load_settings(), load_codebook())
        for article in load_file(Path("page.txt")):
            analysis = analyse_article(pseudonymise(article, Pseudonyms()), analyser)
    """
    return analyse_articles([article], analyser)[0]


def analyse_articles(articles: Sequence[Article], analyser: TextAnalyser) -> list[ArticleAnalysis]:
    """``analyse_article`` for a batch of articles, one stage at a time over the whole batch.

    The results are those of ``analyse_article`` on each article. Running each stage over
    every comment and body of the batch before the next keeps that stage's code and caches
    warm in the processor: the same work takes less time than article by article.
    """
    comments = [comment for article in articles for comment in article.comments]
    scored = analyser.score_texts(
        [comment.paragraphs for comment in comments]
        + [[block.text for block in article.body] for article in articles]
    )
    comment_analyses = iter(_comment_analyses(comments, scored[: len(comments)], analyser))
    bodies = scored[len(comments) :]
    per_blocks: list[list[list[Sentence]]] = []
    for article, body_scored in zip(articles, bodies, strict=True):
        per_block: list[list[Sentence]] = [[] for _ in article.body]
        for sentence in body_scored:
            per_block[sentence.paragraph].append(
                Sentence(sentence.text, sentence.start, sentence.end)
            )
        per_blocks.append(per_block)
    voices = [
        attribute_voices(article.body, per_block)
        for article, per_block in zip(articles, per_blocks, strict=True)
    ]
    metas = list(map(describe_article, articles))
    statistics = [
        extract_statistics(article.body, meta.councils, per_block)
        for article, meta, per_block in zip(articles, metas, per_blocks, strict=True)
    ]
    analyses = []
    for index, article in enumerate(articles):
        # Each block's voices, in the order of its sentences.
        block_voices = [iter(block) for block in voices[index]]
        body = tuple(
            BodySentence(scored=sentence, voice=next(block_voices[sentence.paragraph]))
            for sentence in bodies[index]
        )
        analyses.append(
            ArticleAnalysis(
                article=article,
                comments=tuple(next(comment_analyses) for _ in article.comments),
                body=body,
                statistics=statistics[index],
                meta=metas[index],
            )
        )
    return analyses


def resolve_jobs(jobs: int) -> int:
    """The number of processes for ``--jobs N``: ``0`` means every core.

    Args:
        jobs: the requested number (``>= 0``).

    Returns:
        At least 1.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (all cores) or more, got {jobs}")
    return jobs or os.cpu_count() or 1


def iter_articles(
    paths: Sequence[str], settings: Settings, keep_names: bool | None = None
) -> Iterator[Article | InputError]:
    """Find, load and (unless names are kept) pseudonymise articles, in input order.

    Args:
        paths: files, folders or glob patterns, as given on the command line.
        settings: the run's settings (``keep_names`` when ``keep_names`` is ``None``).
        keep_names: keep commenters' real names; ``None`` follows the settings.

    Yields:
        Each article in input order, or an ``InputError`` for a path or file that could not
        be read (the rest of the run continues). Missing paths come first.
    """
    keep = settings.keep_names if keep_names is None else keep_names
    files, missing = discover(paths)
    yield from missing
    names = Pseudonyms()
    for path in files:
        try:
            articles = load_file(path)
        except InputError as error:
            yield error
            continue
        for article in articles:
            yield article if keep else pseudonymise(article, names)


# The analyser and theme ids of a worker process, set once by ``_start_worker``.
_WORKER_ANALYSER: TextAnalyser | None = None
_WORKER_THEMES: tuple[str, ...] = ()


def _start_worker(settings: Settings, codebook: Codebook) -> None:
    global _WORKER_ANALYSER, _WORKER_THEMES
    _WORKER_ANALYSER = TextAnalyser(settings, codebook)
    _WORKER_THEMES = tuple(theme.id for theme in codebook.themes)


def _worker_analyser() -> TextAnalyser:
    if _WORKER_ANALYSER is None:  # pragma: no cover - the pool always runs the initializer
        raise RuntimeError("worker started without its analyser")
    return _WORKER_ANALYSER


def _analyse_in_worker(batch: list[Article]) -> list[ArticleAnalysis]:
    return analyse_articles(batch, _worker_analyser())


def _render_in_worker(batch: list[Article]) -> list[RenderedArticle]:
    return render_all(_analyse_in_worker(batch), _WORKER_THEMES)


def _batched(
    items: Iterable[Article | InputError], size: int
) -> Iterator[list[Article] | InputError]:
    """The articles in batches of up to ``size``, in order; an error ends the batch before
    it and passes through in its place."""
    batch: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            if batch:
                yield batch
                batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ordered_map(
    executor: ProcessPoolExecutor,
    task: Callable[[list[Article]], list[Result]],
    items: Iterable[list[Article] | InputError],
    window: int,
) -> Iterator[list[Result] | InputError]:
    """Run ``task`` on the pool for each batch of articles, yielding results in input order.

    ``Executor.map`` and ``Pool.imap`` both read their whole input ahead; this keeps at most
    ``window`` batches in flight, so a corpus of any size runs in bounded memory. Errors pass
    through in their place.
    """
    pending: deque[Future[list[Result]] | InputError] = deque()
    for item in items:
        if isinstance(item, InputError):
            pending.append(item)
        else:
            pending.append(executor.submit(task, item))
        while len(pending) > window or (pending and isinstance(pending[0], InputError)):
            head = pending.popleft()
            yield head if isinstance(head, InputError) else head.result()
    while pending:
        head = pending.popleft()
        yield head if isinstance(head, InputError) else head.result()


def _run(
    paths: Sequence[str],
    settings: Settings,
    codebook: Codebook,
    jobs: int,
    keep_names: bool | None,
    local: Callable[[list[Article], TextAnalyser], list[Result]],
    remote: Callable[[list[Article]], list[Result]],
) -> Iterator[Result | InputError]:
    """Apply ``local`` in this process (``jobs == 1``) or ``remote`` on a pool to batches of
    ``BATCH_ARTICLES`` articles, yielding one result per article, in order."""
    workers = resolve_jobs(jobs)
    batches = _batched(iter_articles(paths, settings, keep_names), BATCH_ARTICLES)
    if workers == 1:
        analyser = TextAnalyser(settings, codebook)
        done = (item if isinstance(item, InputError) else local(item, analyser) for item in batches)
        yield from _unbatched(done)
        return
    # Imported here: ``concurrent.futures.process`` and the ``multiprocessing`` modules it
    # brings cost 31M instructions (0.01 s) of every run, which a run on one process
    # never needs.
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(settings, codebook)
    )
    try:
        window = workers * IN_FLIGHT_PER_WORKER
        yield from _unbatched(_ordered_map(executor, remote, batches, window))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _unbatched(done: Iterable[list[Result] | InputError]) -> Iterator[Result | InputError]:
    """Each batch's results one by one, errors in their place (the inverse of `_batched`)."""
    for item in done:
        if isinstance(item, InputError):
            yield item
        else:
            yield from item


def iter_analyses(
    paths: Sequence[str],
    settings: Settings,
    codebook: Codebook,
    jobs: int = 1,
    keep_names: bool | None = None,
) -> Iterator[ArticleAnalysis | InputError]:
    """Analyse every article of the inputs, streaming, in input order.

    Args:
        paths: files, folders or glob patterns.
        settings: the run's settings.
        codebook: the theme codebook (loaded once by the caller).
        jobs: worker processes; ``1`` analyses in this process, ``0`` uses every core. The
            results are the same, in the same order, whatever the number.
        keep_names: keep commenters' real names; ``None`` follows ``settings.keep_names``.

    Yields:
        One ``ArticleAnalysis`` per article, or an ``InputError`` in place of a file that could
        not be read.

    Example::

        for item in iter_analyses(["fixtures/"], load_settings(), load_codebook(), jobs=2):
            print(item if isinstance(item, InputError) else item.article.name)
    """
    yield from _run(
        paths, settings, codebook, jobs, keep_names, analyse_articles, _analyse_in_worker
    )


def iter_rendered(
    paths: Sequence[str],
    settings: Settings,
    codebook: Codebook,
    jobs: int = 1,
    keep_names: bool | None = None,
) -> Iterator[RenderedArticle | InputError]:
    """``iter_analyses``, but each article comes as its rendered table rows (``render``).

    With ``jobs > 1`` the rows are rendered in the workers, so the main process only reads,
    pseudonymises and appends text: that keeps it from being the bottleneck of the pool.
    """
    themes = tuple(theme.id for theme in codebook.themes)

    def local(batch: list[Article], analyser: TextAnalyser) -> list[RenderedArticle]:
        return render_all(analyse_articles(batch, analyser), themes)

    yield from _run(paths, settings, codebook, jobs, keep_names, local, _render_in_worker)


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a run of ``discourse analyse`` did."""

    out_dir: Path
    outputs: tuple[Path, ...]
    articles: int
    comments: int
    body_sentences: int
    statistics: int
    failures: tuple[InputError, ...]

    @property
    def ok(self) -> bool:
        """Whether every input was read."""
        return not self.failures


def run_analyse(
    paths: Sequence[str],
    out_dir: Path,
    settings: Settings,
    codebook: Codebook,
    jobs: int = 1,
    keep_names: bool | None = None,
    on_problem: Callable[[InputError], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> RunSummary:
    """Analyse the inputs and write the tables of ``discourse analyse`` into ``out_dir``.

    Rows are written as each article is analysed; the files appear under their final names
    only when the run completes (see ``TableWriter``). A file that cannot be read is reported
    and skipped; the tables still hold every other article.

    Args:
        paths: files, folders or glob patterns.
        out_dir: the output folder (created if missing).
        settings: the run's settings.
        codebook: the theme codebook.
        jobs: worker processes (``0`` = every core).
        keep_names: keep commenters' real names; ``None`` follows ``settings.keep_names``.
        on_problem: called with each unreadable input as it is met.
        on_warning: called with each parse warning (``"<source>: warning: <text>"``).

    Returns:
        Counts, the written files and the inputs that failed.

    Raises:
        OutputError: the output folder or a table cannot be written (nothing is left
            half-written).
    """
    failures: list[InputError] = []
    comments = body_sentences = statistics = 0
    themes = [theme.id for theme in codebook.themes]
    with TableWriter(out_dir, themes) as tables:
        for item in iter_rendered(paths, settings, codebook, jobs, keep_names):
            if isinstance(item, InputError):
                failures.append(item)
                if on_problem is not None:
                    on_problem(item)
                continue
            if on_warning is not None:
                for warning in item.warnings:
                    on_warning(f"{item.source}: warning: {warning}")
            tables.write(item)
            comments += item.comments
            body_sentences += item.body_sentences
            statistics += item.statistics
    logger.info("analysed %d articles into %s", tables.articles, out_dir)
    return RunSummary(
        out_dir=out_dir,
        outputs=tables.paths,
        articles=tables.articles,
        comments=comments,
        body_sentences=body_sentences,
        statistics=statistics,
        failures=tuple(failures),
    )
