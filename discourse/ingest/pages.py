"""The plain-text page parser: one saved article page → one ``Article``.

The page is read top to bottom by layout rules (shared/domain.md section 2), not by the
wording of particular pages:

1. leading site furniture, then the title (the first line);
2. the thread start: a comment-count line (``5 Responses to <title>``) confirmed by a comment
   header after it or by repeating the title, else the first unmistakable comment header;
3. everything between is the article: standfirst (a summary line without a final full stop
   straight after the title), bylines, datelines, captions and photo credits, headings
   (short lines without final punctuation), paragraphs, and furniture dropped with a reason
   (related-content blocks with their link titles, tag remnants, widget stubs, notices);
4. the thread (``discourse.ingest.thread``).

Every non-blank line gets exactly one role. ``parse_page`` never raises on any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from discourse.ingest.lines import Line, RoleLedger, page_lines
from discourse.ingest.patterns import HAS_WORD, PagePatterns, load_patterns, match_date
from discourse.ingest.thread import parse_header, parse_thread
from discourse.model import Article, BlockKind, BodyBlock

# A title, heading or standfirst is a line, not a paragraph: these word counts bound them.
# Measured on the seeds: headings have 2-8 words, standfirsts 12-22, titles 5-14.
MAX_TITLE_WORDS = 30
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120
MIN_STANDFIRST_WORDS = 6
MAX_STANDFIRST_WORDS = 60
MAX_CAPTION_WORDS = 20
MAX_LINK_WORDS = 25
# A related-content block lists a handful of link titles; more is not a link list.
MAX_LINKS = 10
# How far after a comment-count line a comment header may be to confirm it.
COUNT_CONFIRM_LINES = 3

# A line ending in one of these is a sentence (or a lead-in to one), not a heading.
_ENDS = frozenset(".!:;,")
_CLOSERS = "\"'”’»)]*"


def _words(text: str) -> int:
    return text.count(" ") + 1


def _last_char(text: str) -> str:
    """The last character that is not a closing quote or bracket."""
    trimmed = text.rstrip(_CLOSERS + " ")
    return trimmed[-1:] if trimmed else ""


def _norm(text: str) -> str:
    """Comparable form of a title: straight quotes, one space, no case, no edge punctuation."""
    # Four ``replace`` passes, not ``str.translate``: a translation table makes a dict look-up
    # per character of a text holding any non-ASCII character, ten times the cost.
    straight = text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(straight.casefold().split()).strip(" \"'.:")


# What ``_norm`` takes off a title's start: white space, as ``str.split`` finds it
# (tests/test_ingest_pages.py checks the list), and the quotes and marks it strips.
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_NORM_EDGE = _WHITESPACE + "\"'.:‘’“”"


def _same_norm(text: str, norm: str) -> bool:
    """``_norm(text) == norm``, for ``norm`` a result of ``_norm``.

    ``_norm`` of a paragraph is six passes over it. Its result starts with the first
    character of the text that is none of those it takes off the start, case-folded: that one
    character rules out nearly every paragraph.
    """
    first = text.lstrip(_NORM_EDGE)[:1]
    return first.casefold()[:1] == norm[:1] and _norm(text) == norm


def _headline_like(text: str, max_words: int) -> bool:
    """Short, and ends without a sentence's final punctuation (a heading, caption or link)."""
    return _words(text) <= max_words and _last_char(text) not in _ENDS | {""}


def _heading_like(text: str) -> bool:
    first = text.lstrip("\"'“‘«(")[:1]
    return (
        len(text) <= MAX_HEADING_CHARS
        and _headline_like(text, MAX_HEADING_WORDS)
        and (first.isupper() or first.isdigit())
    )


def _standfirst_like(text: str) -> bool:
    words = _words(text)
    return MIN_STANDFIRST_WORDS <= words <= MAX_STANDFIRST_WORDS and _last_char(text) not in _ENDS


def _title_like(text: str) -> bool:
    words = _words(text)
    return words <= MAX_TITLE_WORDS and not (_last_char(text) == "." and words > 12)


def _find_thread(
    lines: list[Line], start: int, title: str, patterns: PagePatterns
) -> tuple[int, int | None]:
    """Index of the first thread line (the count line, if any) and the declared count."""
    for index in range(start, len(lines)):
        text = lines[index].text
        count = patterns.count_of(text)
        if count is not None and _confirms_count(lines, index, title, count, patterns):
            return index, count
        if parse_header(text, patterns, strict=True) is not None:
            return index, None
    return len(lines), None


def _confirms_count(
    lines: list[Line], index: int, title: str, count: int, patterns: PagePatterns
) -> bool:
    """Whether a comment-count candidate really opens the thread (not body text)."""
    text = _norm(lines[index].text)
    if title and text.endswith(_norm(title)):
        return True
    following = lines[index + 1 : index + 1 + COUNT_CONFIRM_LINES]
    for line in following:
        if parse_header(line.text, patterns, strict=False) is not None:
            return True
        if patterns.match_furniture(line.text) is None:
            break
    return count == 0 and _words(text) <= 4


def _byline(text: str, patterns: PagePatterns) -> tuple[str, re.Match[str]] | None:
    """The author name of a byline line, if ``text`` is one."""
    found = patterns.byline.fullmatch(text)
    if found is None:
        return None
    name = found["name"].strip()
    names = name.split()
    # A byline names people: few words, each capitalised apart from joining words.
    if len(names) > 8 or not all(w[0].isupper() or w in {"and", "de", "van", "von"} for w in names):
        return None
    return name, found


def parse_page(text: str, source: str) -> Article:
    """Parse the text of a saved article page.

    Args:
        text: the page text (any line ends).
        source: where it came from (a path), copied into the article.

    Returns:
        The article, with one role for every non-blank line; never raises.

    Example:
        >>> article = parse_page("Title\\n\\nA paragraph.\\n", "page.txt")
        >>> article.title, article.body[0].text
        ('Title', 'A paragraph.')
    """
    patterns = load_patterns()
    lines = page_lines(text)
    ledger = RoleLedger()
    warnings: list[str] = []
    publication: list[str] = []

    index = 0
    while index < len(lines) and (found := patterns.match_furniture(lines[index].text)):
        ledger.drop(lines[index], "boilerplate", found.rule.reason)
        if found.publication:
            publication.append(found.publication)
        index += 1
    title = ""
    if index < len(lines) and _title_like(lines[index].text):
        title = lines[index].text
        ledger.assign(lines[index], "title")
        index += 1
    elif lines:
        warnings.append("no title line: the page starts with body text")

    thread_at, declared = _find_thread(lines, index, title, patterns)
    body = _parse_body(lines[index:thread_at], title, patterns, ledger, publication)
    thread_lines = lines[thread_at:]
    if declared is not None:
        ledger.assign(thread_lines[0], "comment_count")
        thread_lines = thread_lines[1:]
    thread = parse_thread(thread_lines, ledger, patterns, declared)
    if lines and not body.blocks:
        warnings.append("no body text: the page has no paragraphs or headings")
    warnings.extend(thread.warnings)
    return Article(
        source=source,
        title=title,
        standfirst=body.standfirst,
        byline=body.byline,
        published=body.published,
        publication=publication[0] if publication else None,
        body=body.blocks,
        comments=thread.comments,
        declared_comments=declared,
        dropped=ledger.sorted_dropped(),
        lines=ledger.sorted_roles(),
        warnings=tuple(warnings),
    )


@dataclass(slots=True)
class _Body:
    """The article part of a page while it is being read."""

    standfirst: str | None = None
    byline: str | None = None
    published: date | None = None
    blocks: tuple[BodyBlock, ...] = ()


def _parse_body(
    lines: list[Line],
    title: str,
    patterns: PagePatterns,
    ledger: RoleLedger,
    publication: list[str],
) -> _Body:
    """Classify the article lines between the title and the thread."""
    body = _Body()
    norm_title = _norm(title)
    credits = [patterns.is_credit(line.text) for line in lines]
    blocks: list[tuple[Line, BlockKind, str]] = []
    links_left = 0
    seen_caption = False
    for at, line in enumerate(lines):
        text = line.text
        furniture = patterns.match_furniture(text)
        if furniture is not None:
            ledger.drop(line, "boilerplate", furniture.rule.reason)
            if furniture.publication:
                publication.append(furniture.publication)
            links_left = MAX_LINKS if furniture.rule.links else 0
            continue
        if links_left and _headline_like(text, MAX_LINK_WORDS) and not credits[at]:
            ledger.drop(line, "boilerplate", "related-content link title")
            links_left -= 1
            continue
        links_left = 0
        if not HAS_WORD.search(text):
            ledger.drop(line, "boilerplate", "tag remnants (punctuation only)")
            continue
        if credits[at]:
            ledger.drop(line, "caption", "photo credit")
            seen_caption = True
            continue
        if not blocks and not seen_caption and body.standfirst is None and _standfirst_like(text):
            # The summary line straight after the title (bylines and datelines may come
            # first; an image caption may not, so a caption is never taken for it).
            body.standfirst = text
            ledger.assign(line, "standfirst")
            continue
        beside_credit = (at > 0 and credits[at - 1]) or (at + 1 < len(lines) and credits[at + 1])
        if beside_credit and _headline_like(text, MAX_CAPTION_WORDS):
            ledger.drop(line, "caption", "image caption beside a photo credit")
            seen_caption = True
            continue
        if byline := _byline(text, patterns):
            ledger.assign(line, "byline")
            body.byline = body.byline or byline[0]
            body.published = body.published or match_date(byline[1], "b")
            continue
        if dateline := patterns.dateline.fullmatch(text):
            ledger.assign(line, "dateline")
            body.published = body.published or match_date(dateline, "d")
            continue
        if title and _same_norm(text, norm_title):
            ledger.drop(line, "boilerplate", "title repeated")
            continue
        kind: BlockKind = "heading" if _heading_like(text) else "paragraph"
        ledger.assign(line, kind)
        blocks.append((line, kind, text))
    _unglue_title(blocks, title, ledger)
    body.blocks = tuple(BodyBlock(kind, text) for _, kind, text in blocks)
    return body


def _unglue_title(
    blocks: list[tuple[Line, BlockKind, str]], title: str, ledger: RoleLedger
) -> None:
    """Remove the title where an aggregator glued it onto the end of the last paragraph."""
    paragraphs = [i for i, block in enumerate(blocks) if block[1] == "paragraph"]
    if not title or not paragraphs:
        return
    line, kind, text = blocks[paragraphs[-1]]
    if len(text) > len(title) and text.endswith(title):
        kept = text[: -len(title)].rstrip()
        if kept:
            blocks[paragraphs[-1]] = (line, kind, kept)
            ledger.note_removed(line, "title glued onto the last paragraph", title)
