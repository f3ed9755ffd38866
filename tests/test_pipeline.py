"""The pipeline: batches of articles, in input order, the same on one or more processes."""

from __future__ import annotations

import copy
import os
import pickle
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import SEED_000, SEED_001, SEED_002
from hypothesis import given
from hypothesis import strategies as st

from discourse.analyse.codebook import Codebook, load_codebook
from discourse.analyse.results import ArticleAnalysis
from discourse.analyse.text import TextAnalyser
from discourse.errors import InputError
from discourse.ingest import load_file
from discourse.model import Article
from discourse.pipeline import (
    BATCH_ARTICLES,
    _batched,
    analyse_article,
    analyse_articles,
    analyse_comment,
    iter_analyses,
    iter_articles,
    resolve_jobs,
    run_analyse,
)
from discourse.privacy import Pseudonyms, pseudonymise
from discourse.settings import Settings, load_settings


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook()


@pytest.fixture(scope="module")
def seed_analyses(settings: Settings, codebook: Codebook) -> list[ArticleAnalysis]:
    items = list(iter_analyses([str(SEED_000), str(SEED_001), str(SEED_002)], settings, codebook))
    assert all(isinstance(item, ArticleAnalysis) for item in items)
    return [item for item in items if isinstance(item, ArticleAnalysis)]


def test_analyse_article_covers_every_comment_and_body_sentence(
    settings: Settings, codebook: Codebook
) -> None:
    article = pseudonymise(load_file(SEED_000)[0], Pseudonyms())
    analysis = analyse_article(article, TextAnalyser(settings, codebook))
    assert [c.comment_id for c in analysis.comments] == [c.id for c in article.comments]
    assert analysis.body, "the body has sentences"
    assert [s.scored.index for s in analysis.body] == list(range(len(analysis.body)))
    for sentence in analysis.body:
        block = article.body[sentence.scored.paragraph].text
        assert block[sentence.scored.start : sentence.scored.end] == sentence.scored.text
    assert analysis.meta.councils, "seed 000 names its council"


def test_a_batch_gives_each_article_what_it_gets_alone(
    seed_analyses: list[ArticleAnalysis], settings: Settings, codebook: Codebook
) -> None:
    # A batch runs each stage over every comment and body of all its articles at once; each
    # article must still get exactly its own comments, sentences, voices and figures.
    analyser = TextAnalyser(settings, codebook)
    articles = [analysis.article for analysis in seed_analyses]
    alone = [analyse_article(article, analyser) for article in articles]
    assert analyse_articles(articles, analyser) == alone
    assert analyse_articles(articles[::-1], analyser) == alone[::-1]
    assert analyse_articles([], analyser) == []
    # The seeds differ in size, so a shifted slice of comments or sentences would show.
    sizes = {(len(analysis.comments), len(analysis.body)) for analysis in alone}
    assert len(sizes) == len(alone)


def test_a_comment_alone_is_analysed_as_in_its_article(
    seed_analyses: list[ArticleAnalysis], settings: Settings, codebook: Codebook
) -> None:
    analyser = TextAnalyser(settings, codebook)
    for analysis in seed_analyses:
        alone = [analyse_comment(comment, analyser) for comment in analysis.article.comments]
        assert alone == list(analysis.comments)


def test_records_and_analyses_survive_pickling_and_copying(
    seed_analyses: list[ArticleAnalysis],
) -> None:
    # What a --jobs worker receives (articles) and what a report worker sends back.
    for protocol in (2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(seed_analyses, protocol)) == seed_analyses
    assert copy.deepcopy(seed_analyses) == seed_analyses


def test_score_texts_equals_score_paragraphs_text_by_text(
    settings: Settings, codebook: Codebook
) -> None:
    analyser = TextAnalyser(settings, codebook)
    article = load_file(SEED_002)[0]
    texts = [list(comment.paragraphs) for comment in article.comments]
    texts += [[], [block.text for block in article.body]]
    assert analyser.score_texts(texts) == [analyser.score_paragraphs(text) for text in texts]


@given(st.lists(st.one_of(st.integers(0, 999), st.none()), max_size=60), st.integers(1, 7))
def test_batches_keep_order_and_never_span_an_error(items: list[int | None], size: int) -> None:
    # Integers stand for articles and None for an unreadable file.
    error = InputError("unreadable", path="bad.txt")
    stream = [error if item is None else item for item in items]
    batches = list(_batched(stream, size))  # type: ignore[arg-type]
    flat = [x for batch in batches for x in (batch if isinstance(batch, list) else [batch])]
    assert flat == stream
    for batch in batches:
        if isinstance(batch, list):
            assert 1 <= len(batch) <= size
            assert not any(isinstance(x, InputError) for x in batch)
    # Only the batch before an error, or the last, is short.
    for first, second in pairwise(batches):
        if isinstance(first, list) and isinstance(second, list):
            assert len(first) == size


def test_a_corpus_longer_than_a_batch_is_analysed_in_order(
    tmp_path: Path, settings: Settings, codebook: Codebook
) -> None:
    seeds = [SEED_000, SEED_001, SEED_002]
    for number in range(BATCH_ARTICLES + 3):
        seed = seeds[number % 3]
        (tmp_path / f"{number:03d}.txt").write_text(seed.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / f"{BATCH_ARTICLES - 2:03d}x.txt").write_text("")  # an error mid-batch
    items = list(iter_analyses([str(tmp_path)], settings, codebook))
    names = ["error" if isinstance(item, InputError) else item.article.name for item in items]
    expected = [f"{number:03d}" for number in range(BATCH_ARTICLES + 3)]
    expected.insert(BATCH_ARTICLES - 1, "error")
    assert names == expected
    analyser = TextAnalyser(settings, codebook)
    names_kept = Pseudonyms()
    for item in items:
        if not isinstance(item, InputError):
            article: Article = pseudonymise(
                load_file(tmp_path / f"{item.article.name}.txt")[0], names_kept
            )
            assert item == analyse_article(article, analyser)


def test_seed_replies_stance(seed_analyses: list[ArticleAnalysis]) -> None:
    first, _, third = seed_analyses
    stances = {c.comment_id: (c.stance.stance, c.stance.cue) for c in first.comments}
    by_text = {c.id: c.text for c in first.article.comments}
    agree = [cid for cid, (stance, _) in stances.items() if stance == "agree"]
    assert len(agree) == 1 and by_text[agree[0]].startswith("Couldnt agree more Commenter 1.")
    assert stances[agree[0]][1] == "Couldnt agree more"
    disagree = [c for c in third.comments if c.stance.stance == "disagree"]
    assert [c.stance.cue for c in disagree] == ["I get the point you make but"]
    # Top-level comments never carry a stance.
    parents = {c.id: c.parent for c in third.article.comments}
    assert all(c.stance.stance == "none" for c in third.comments if parents[c.comment_id] is None)


def test_comment_sentiment_is_the_aggregate_of_its_sentences(
    seed_analyses: list[ArticleAnalysis], settings: Settings
) -> None:
    for comment in seed_analyses[0].comments:
        scores = [s.sentiment for s in comment.sentences]
        expected = sum(scores) / len(scores) if scores else 0.0
        assert comment.sentiment == pytest.approx(expected)
        if comment.sentiment >= settings.positive_threshold:
            assert comment.label == "positive"
        elif comment.sentiment <= settings.negative_threshold:
            assert comment.label == "negative"
        else:
            assert comment.label == "neutral"


def test_pseudonyms_run_across_the_corpus_in_input_order(
    seed_analyses: list[ArticleAnalysis],
) -> None:
    authors = [c.author for a in seed_analyses for c in a.article.comments]
    numbers = [int(author.removeprefix("Commenter ")) for author in authors]
    assert numbers == sorted(numbers) and numbers[0] == 1
    assert len(set(authors)) == len(authors)  # ten different people


def test_keep_names(settings: Settings, codebook: Codebook) -> None:
    (item,) = iter_analyses([str(SEED_000)], settings, codebook, keep_names=True)
    assert isinstance(item, ArticleAnalysis)
    assert item.article.comments[0].author == "Dave Stubbs"


def test_errors_are_yielded_in_place_and_the_rest_continues(
    tmp_path: Path, settings: Settings
) -> None:
    empty = tmp_path / "b_empty.txt"
    empty.write_text("")
    (tmp_path / "a.txt").write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(SEED_002.read_text(encoding="utf-8"), encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = list(iter_articles([str(missing), str(tmp_path)], settings))
    kinds = [type(item).__name__ if isinstance(item, InputError) else item.name for item in items]
    assert kinds[0] == "InputError" and str(missing) in str(items[0])
    assert kinds[1:] == ["a", "InputError", "c"]
    assert str(empty) in str(items[2])


def test_jobs_two_equals_jobs_one(
    seed_analyses: list[ArticleAnalysis], settings: Settings, codebook: Codebook
) -> None:
    paths = [str(SEED_000), str(SEED_001), "no-such-file.txt", str(SEED_002)]
    parallel = list(iter_analyses(paths, settings, codebook, jobs=2))
    assert isinstance(parallel[0], InputError)
    assert parallel[1:] == seed_analyses


def test_resolve_jobs() -> None:
    assert resolve_jobs(1) == 1 and resolve_jobs(3) == 3
    assert resolve_jobs(0) == (os.cpu_count() or 1)
    with pytest.raises(ValueError):
        resolve_jobs(-1)


def test_run_analyse_counts(tmp_path: Path, settings: Settings, codebook: Codebook) -> None:
    problems: list[InputError] = []
    summary = run_analyse(
        [str(SEED_000), str(tmp_path / "gone.txt")],
        tmp_path / "out",
        settings,
        codebook,
        on_problem=problems.append,
    )
    assert summary.articles == 1 and not summary.ok
    assert summary.failures == tuple(problems) and len(problems) == 1
    assert summary.comments == len(load_file(SEED_000)[0].comments)
    assert all(path.exists() for path in summary.outputs)
