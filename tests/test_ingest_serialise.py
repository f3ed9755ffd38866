"""The ``parse`` shape as JSON text (``article_json``) is ``json.dumps`` of the dict shape."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from json.encoder import encode_basestring

from hypothesis import given
from hypothesis import strategies as st

from discourse.ingest.serialise import article_json, article_to_dict
from discourse.model import Article, BodyBlock, Comment, DroppedLine

# Text dense in what JSON escapes (quotes, backslashes, control characters) and in non-ASCII.
_text = st.one_of(st.text(alphabet=st.sampled_from('a \\"\n\t\x00\x1f’é😀'), max_size=8), st.text())
_optional = st.none() | _text
_posted = st.none() | st.datetimes(
    min_value=datetime(1, 1, 1), timezones=st.none() | st.just(timezone(timedelta(hours=2)))
)
_comments = st.builds(
    Comment,
    id=_text,
    number=st.none() | st.integers(),
    parent=_optional,
    depth=st.integers(0, 5),
    author=_text,
    posted=_posted,
    paragraphs=st.lists(_text, max_size=3).map(tuple),
)
_articles = st.builds(
    Article,
    source=_text,
    title=_text,
    standfirst=_optional,
    byline=_optional,
    published=st.none() | st.dates(min_value=date(1, 1, 1)),
    publication=_optional,
    body=st.lists(st.builds(BodyBlock, kind=_text, text=_text), max_size=3).map(tuple),
    comments=st.lists(_comments, max_size=3).map(tuple),
    declared_comments=st.none() | st.integers(),
    dropped=st.lists(st.builds(DroppedLine, line=st.integers(), reason=_text, text=_text)).map(
        tuple
    ),
    lines=st.lists(st.tuples(st.integers(), _text), max_size=4).map(tuple),
    warnings=st.lists(_text, max_size=2).map(tuple),
)


def _utf8(text: str) -> bytes:
    return encode_basestring(text).encode()


@given(_articles)
def test_article_json_is_json_of_article_to_dict(article: Article) -> None:
    blocks = [_utf8(block.text) for block in article.body]
    paragraphs = [list(map(_utf8, comment.paragraphs)) for comment in article.comments]
    written = article_json(article, blocks, paragraphs)
    assert written == json.dumps(article_to_dict(article), ensure_ascii=False).encode()
