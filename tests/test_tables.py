"""The tables of `discourse analyse`: columns, cells, CSV safety and atomic replacement."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields, replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discourse.analyse.results import (
    ArticleAnalysis,
    ArticleMeta,
    BodySentence,
    CommentAnalysis,
    PractitionerClaim,
    ScoredSentence,
    StanceCue,
    Statistic,
    ThemeHit,
    VoiceAttribution,
)
from discourse.errors import OutputError
from discourse.export.record import analysis_line
from discourse.export.tables import (
    ARTICLE_COLUMNS,
    OUTPUT_FILES,
    SCORE_DIGITS,
    STATISTIC_COLUMNS,
    TableWriter,
    _group_fields,
    _group_hits,
    _sentence_score,
    _theme_fields,
    comment_columns,
    csv_line,
    evidence_text,
    render,
    sentence_columns,
)
from discourse.ingest import article_to_dict
from discourse.model import Article, BodyBlock, Comment

THEMES = ("bullying", "workload", "pay")


def _scored(paragraph: int, index: int, text: str, score: float, *hits: ThemeHit) -> ScoredSentence:
    label = "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"
    return ScoredSentence(paragraph, index, text, 0, len(text), score, label, hits)  # type: ignore[arg-type]


def _hit(theme: str, sentence: str, words: str) -> ThemeHit:
    start = sentence.index(words)
    return ThemeHit(theme, (words,), sentence, start, start + len(words), f"{theme}:{words}")


BODY = (
    BodyBlock("heading", "‘Significant deficits’"),
    BodyBlock("paragraph", "Inspectors found caseloads were too high. The vacancy rate was 19.6%."),
)
REPLY = '=HYPERLINK("http://x") I manage a safeguarding team and my caseload is huge.'
ARTICLE = Article(
    source="pages/000_page.txt",
    title="Council rated inadequate",
    standfirst=None,
    byline=None,
    published=date(2022, 4, 14),
    publication="Community Care",
    body=BODY,
    comments=(
        Comment("c1", 1, None, 0, "Commenter 1", datetime(2022, 4, 15, 9, 11), ("Bullying.",)),
        Comment("c2", None, "c1", 1, "Commenter 2", None, (REPLY,)),
    ),
    declared_comments=2,
    dropped=(),
    lines=(),
    warnings=(),
)
S1 = "Inspectors found caseloads were too high."
ANALYSIS = ArticleAnalysis(
    article=ARTICLE,
    comments=(
        CommentAnalysis(
            "c1",
            (_scored(0, 0, "Bullying.", -0.5, _hit("bullying", "Bullying.", "Bullying")),),
            -0.5,
            "negative",
            None,
            StanceCue("none", ""),
        ),
        CommentAnalysis(
            "c2",
            (_scored(0, 0, REPLY, 0.12345678, _hit("workload", REPLY, "caseload")),),
            0.12345678,
            "positive",
            PractitionerClaim("manager", "I manage a safeguarding team"),
            StanceCue("disagree", "I get the point you make but"),
        ),
    ),
    body=(
        BodySentence(
            _scored(0, 0, "‘Significant deficits’", 0.0),
            VoiceAttribution("inspectorate", "heading quotes the report", True, None),
        ),
        BodySentence(
            _scored(1, 1, S1, -0.2, _hit("workload", S1, "caseloads")),
            VoiceAttribution("inspectorate", "Inspectors found", False, "Inspectors"),
        ),
        BodySentence(
            _scored(1, 2, "The vacancy rate was 19.6%.", 0.0),
            VoiceAttribution("journalist", "no cue", False, None),
        ),
    ),
    statistics=(
        Statistic("Sometown", "vacancy_rate", 19.6, "percent", "2021", "England", 16.7, "…"),
    ),
    meta=ArticleMeta(("Sometown", "Othertown"), "inadequate", "full inspection"),
)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(out: Path) -> None:
    with TableWriter(out, THEMES) as tables:
        tables.write(ANALYSIS)


def test_headers_are_the_documented_columns(tmp_path: Path) -> None:
    _write(tmp_path)
    with (tmp_path / "comments.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == comment_columns(THEMES)
    for column in ("practitioner", "practitioner_role", "practitioner_cue", "stance", "evidence"):
        assert column in header
    assert header[header.index("theme_bullying") : header.index("themes")] == [
        "theme_bullying",
        "theme_workload",
        "theme_pay",
    ]
    assert tuple(_read(tmp_path / "sentences.csv")[0]) == sentence_columns(THEMES)
    assert tuple(_read(tmp_path / "statistics.csv")[0]) == STATISTIC_COLUMNS
    assert tuple(_read(tmp_path / "articles.csv")[0]) == ARTICLE_COLUMNS


def test_comment_rows(tmp_path: Path) -> None:
    _write(tmp_path)
    first, reply = _read(tmp_path / "comments.csv")
    assert first["article"] == "000_page"
    assert first["posted"] == "2022-04-15T09:11:00"
    assert first["parent_id"] == "" and reply["parent_id"] == "c1"
    assert first["sentiment"] == "-0.5" and reply["sentiment"] == "0.1235"
    assert (first["theme_bullying"], first["theme_workload"]) == ("1", "0")
    assert first["themes"] == "bullying" and first["evidence"] == "bullying: Bullying"
    assert (reply["practitioner"], reply["practitioner_role"]) == ("1", "manager")
    assert first["practitioner"] == "0" and first["practitioner_role"] == ""
    assert (reply["stance"], reply["stance_cue"]) == ("disagree", "I get the point you make but")
    # A comment opening like a formula is neutralised; the rest of the text is kept.
    assert reply["text"] == "'" + REPLY


def test_sentence_statistic_and_article_rows(tmp_path: Path) -> None:
    _write(tmp_path)
    heading, found, _ = _read(tmp_path / "sentences.csv")
    assert heading["kind"] == "heading" and heading["quoted"] == "1"
    assert (found["sentence_id"], found["paragraph"], found["voice"]) == ("1", "1", "inspectorate")
    assert (found["speaker"], found["voice_cue"]) == ("Inspectors", "Inspectors found")
    assert found["theme_workload"] == "1" and found["evidence"] == "workload: caseloads"
    (figure,) = _read(tmp_path / "statistics.csv")
    assert (figure["value"], figure["comparator_value"], figure["period"]) == (
        "19.6",
        "16.7",
        "2021",
    )
    (row,) = _read(tmp_path / "articles.csv")
    assert row["council"] == "Sometown; Othertown"
    assert (row["comments"], row["declared_comments"], row["practitioner_comments"]) == (
        "2",
        "2",
        "1",
    )
    assert (row["published"], row["rating"]) == ("2022-04-14", "inadequate")


def test_jsonl_holds_the_full_record(tmp_path: Path) -> None:
    _write(tmp_path)
    lines = (tmp_path / "analysis.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    assert len(lines) == 1 and record["article"] == "000_page"
    hit = record["comments"][1]["sentences"][0]["hits"][0]
    assert REPLY[hit["start"] : hit["end"]] == "caseload"
    assert record["comments"][1]["practitioner"] == {
        "role": "manager",
        "cue": "I manage a safeguarding team",
    }
    assert record["body"][1]["voice"]["voice"] == "inspectorate"
    assert record["meta"]["councils"] == ["Sometown", "Othertown"]
    assert record["parse"]["title"] == "Council rated inadequate"


def test_failure_leaves_previous_outputs_and_no_temporary_files(tmp_path: Path) -> None:
    _write(tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in OUTPUT_FILES}
    with pytest.raises(RuntimeError), TableWriter(tmp_path, THEMES) as tables:
        tables.write(ANALYSIS)
        tables.write(ANALYSIS)
        raise RuntimeError("analysis crashed half-way")
    assert {name: (tmp_path / name).read_bytes() for name in OUTPUT_FILES} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUT_FILES)


def test_failure_on_first_run_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "new"
    with pytest.raises(RuntimeError), TableWriter(out, THEMES) as tables:
        tables.write(ANALYSIS)
        raise RuntimeError("stop")
    assert list(out.iterdir()) == []


def test_unwritable_output_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="file"), TableWriter(blocker / "out", THEMES):
        pass


def test_evidence_groups_by_theme_in_order() -> None:
    sentence = "Bullying, caseloads and more bullying."
    hits = [
        _hit("bullying", sentence, "Bullying"),
        _hit("workload", sentence, "caseloads"),
        _hit("bullying", sentence, "bullying"),
        _hit("bullying", sentence, "Bullying"),
    ]
    assert evidence_text(hits) == "bullying: Bullying, bullying; workload: caseloads"


def test_json_line_is_every_dataclass_field_in_order() -> None:
    line = analysis_line(ANALYSIS)
    assert line == (_reference_json(ANALYSIS) + "\n").encode()
    assert json.loads(line)["article"] == "000_page"
    assert render(ANALYSIS, THEMES).chunks[-1] == line
    record = json.loads(line)
    assert list(record["comments"][0]) == [f.name for f in fields(CommentAnalysis)] + ["themes"]
    assert record["comments"][0]["themes"] == ["bullying"]


def _reference_json(analysis: ArticleAnalysis) -> str:
    """An independent reference: ``dataclasses.asdict`` of each result, keys in field order."""
    expected = {
        "article": analysis.article.name,
        "parse": article_to_dict(analysis.article),
        "meta": asdict(analysis.meta),
        "comments": [
            {**asdict(comment), "themes": sorted(comment.themes)} for comment in analysis.comments
        ],
        "body": [asdict(sentence) for sentence in analysis.body],
        "statistics": [asdict(figure) for figure in analysis.statistics],
    }
    return json.dumps(expected, ensure_ascii=False)


# Paragraphs that need escaping or not, and sentences that are a part of their paragraph at
# their span, elsewhere, or not at all (the record reuses a paragraph's JSON only for parts).
_paragraph_text = st.text(alphabet=st.sampled_from('a"\\\n\x1f’'), max_size=8)


@st.composite
def _sentences_of(draw: st.DrawFn, paragraphs: tuple[str, ...]) -> tuple[ScoredSentence, ...]:
    sentences = []
    for index in range(draw(st.integers(0, 3)) if paragraphs else 0):
        number = draw(st.integers(0, len(paragraphs) - 1))
        paragraph = paragraphs[number]
        start = draw(st.integers(0, len(paragraph)))
        end = draw(st.integers(start, len(paragraph)))
        text = draw(
            st.sampled_from([paragraph[start:end], paragraph[start:end], paragraph])
            | _paragraph_text
        )
        start = draw(st.sampled_from([start, start + 1, -1]))
        hit = ThemeHit("pay", (text,), draw(st.sampled_from([text, "other"])), 0, 1, "pay:x")
        sentences.append(ScoredSentence(number, index, text, start, end, -0.5, "negative", (hit,)))
    return tuple(sentences)


@given(st.data())
def test_json_line_reusing_paragraphs_is_the_reference(data: st.DataObject) -> None:
    comments = tuple(
        Comment(f"c{number}", number, None, 0, "A", None, paragraphs)
        for number, paragraphs in enumerate(
            data.draw(st.lists(st.lists(_paragraph_text, max_size=3).map(tuple), max_size=3))
        )
    )
    body = tuple(
        BodyBlock("paragraph", text) for text in data.draw(st.lists(_paragraph_text, max_size=3))
    )
    blocks = tuple(block.text for block in body)
    voice = VoiceAttribution("journalist", "no cue", False, None)
    analysis = ArticleAnalysis(
        article=replace(ARTICLE, body=body, comments=comments),
        comments=tuple(
            CommentAnalysis(
                comment.id,
                data.draw(_sentences_of(comment.paragraphs)),
                0.0,
                "neutral",
                None,
                StanceCue("none", ""),
            )
            for comment in comments
        ),
        body=tuple(BodySentence(scored, voice) for scored in data.draw(_sentences_of(blocks))),
        statistics=(),
        meta=ANALYSIS.meta,
    )
    assert analysis_line(analysis) == (_reference_json(analysis) + "\n").encode()


def test_json_scores_kept_as_text_keep_their_sign() -> None:
    # 0.0 and -0.0 are equal (one cache key) but written differently.
    sentences = tuple(
        replace(ANALYSIS.comments[0].sentences[0], sentiment=score)
        for score in (0.0, -0.0, 0.0, -0.25, 0.25, -0.25)
    )
    analysis = replace(
        ANALYSIS, comments=(replace(ANALYSIS.comments[0], sentences=sentences),), body=()
    )
    line = analysis_line(analysis)
    assert line == (_reference_json(analysis) + "\n").encode()
    assert b'"sentiment": -0.0' in line


@given(
    st.lists(
        st.floats(allow_nan=False, allow_infinity=False)
        | st.sampled_from([0.0, -0.0, 0.5, -0.5, 0.12345, -0.00004]),
        max_size=12,
    )
)
def test_kept_sentence_scores_are_the_rounded_scores(scores: list[float]) -> None:
    # Each score twice: the second comes from the cache, where 0.0 and -0.0 would be one key.
    for score in scores + scores:
        assert _sentence_score(score) == str(round(score, SCORE_DIGITS))


_hits = st.builds(
    ThemeHit,
    theme=st.sampled_from(THEMES),
    matched=st.lists(st.sampled_from(["pay", "Pay", "a, b", '"x"']), min_size=1, max_size=3).map(
        tuple
    ),
    sentence=st.just("s"),
    start=st.just(0),
    end=st.just(1),
    rule=st.just("r"),
)


@given(st.lists(st.lists(_hits, max_size=3).map(tuple), max_size=3))
def test_theme_fields_kept_for_one_hit_are_the_grouped_fields(
    groups: list[tuple[ThemeHit, ...]],
) -> None:
    # Twice: the second answer for a row with one hit comes from the cache.
    for _ in range(2):
        assert _theme_fields(groups, THEMES) == _group_fields(_group_hits(groups), THEMES)


def test_every_text_cell_is_neutralised(tmp_path: Path) -> None:
    # Every text value of the analysis opens like a formula, even those from closed sets.
    evil = "=cmd"
    hit = ThemeHit("=t", (evil,), evil, 0, 4, "=rule")
    scored = ScoredSentence(0, 0, evil, -0.5, 4, -0.5, evil, (hit,))  # type: ignore[arg-type]
    analysis = ArticleAnalysis(
        article=replace(
            ARTICLE,
            source="=page.txt",
            title=evil,
            publication=evil,
            body=(BodyBlock(evil, evil),),  # type: ignore[arg-type]
            comments=(Comment(evil, 1, evil, 1, evil, None, (evil,)),),
        ),
        comments=(
            CommentAnalysis(
                evil,
                (scored,),
                -0.5,
                evil,  # type: ignore[arg-type]
                PractitionerClaim(evil, evil),  # type: ignore[arg-type]
                StanceCue(evil, evil),  # type: ignore[arg-type]
            ),
        ),
        body=(BodySentence(scored, VoiceAttribution(evil, evil, True, evil)),),  # type: ignore[arg-type]
        statistics=(Statistic(evil, evil, -1.5, evil, evil, evil, -2.0, evil),),
        meta=ArticleMeta((evil,), evil, evil),  # type: ignore[arg-type]
    )
    with TableWriter(tmp_path, ("=t",)) as tables:
        tables.write(analysis)
    for name in OUTPUT_FILES[:4]:
        for row in _read(tmp_path / name):
            for column, cell in row.items():
                if column in ("published", "posted") or cell == "":
                    continue
                try:
                    float(cell)
                except ValueError:
                    assert cell.startswith("'"), (name, column, cell)


def test_tables_are_what_csv_writer_writes(tmp_path: Path) -> None:
    # Text holding every character the csv module quotes for (and a lone carriage return,
    # which it does not) in each kind of text cell; rewriting the rows read back with
    # ``csv.writer`` gives the same bytes.
    odd = 'a, "b"\nc\rd'
    hit = ThemeHit("pay", (odd, "x,y"), odd, 0, 4, "pay:odd")
    scored = ScoredSentence(0, 0, odd, 0, 4, 0.5, "positive", (hit,))
    analysis = ArticleAnalysis(
        article=replace(
            ARTICLE,
            source='pages/a,"b".txt',
            title=odd,
            comments=(Comment("c1", 1, None, 0, odd, None, (odd, odd)),),
        ),
        comments=(
            CommentAnalysis(
                "c1",
                (scored,),
                0.5,
                "positive",
                PractitionerClaim("manager", odd),
                StanceCue("none", odd),
            ),
        ),
        body=(BodySentence(scored, VoiceAttribution("journalist", odd, True, odd)),),
        statistics=(Statistic(odd, "vacancy_rate", 1.5, "percent", odd, None, None, odd),),
        meta=ArticleMeta((odd, "x"), None, None),
    )
    with TableWriter(tmp_path, THEMES) as tables:
        tables.write(analysis)
    for name in OUTPUT_FILES[:4]:
        with (tmp_path / name).open(encoding="utf-8", newline="") as handle:
            written = handle.read()
        rows = list(csv.reader(io.StringIO(written, newline="")))
        assert any(odd in cell for row in rows for cell in row), name
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        assert written == buffer.getvalue(), name


# Cells dense in what the csv module treats specially: delimiter, quote, line ends.
_cells = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.text(alphabet=st.sampled_from(",\"\n\r '=a’"), max_size=8),
    st.text(max_size=8),
)


@given(st.lists(_cells, max_size=6))
def test_csv_line_is_what_csv_writer_writes(cells: list[str | int | float | None]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    assert csv_line(cells) == buffer.getvalue()
