"""``discourse.memo``: a text memo answers as its function does and stays bounded."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from discourse.memo import text_memo


def _counting_memo(entries: int, longest: int) -> tuple[list[str], Callable[[str], str]]:
    calls: list[str] = []

    @text_memo(entries=entries, longest=longest)
    def reversed_text(text: str) -> str:
        calls.append(text)
        return text[::-1]

    return calls, reversed_text


def test_short_texts_are_remembered_long_ones_worked_out_each_time() -> None:
    calls, reverse = _counting_memo(entries=2, longest=5)
    assert reverse("abc") == "cba" and reverse("abc") == "cba"
    assert calls == ["abc"]
    assert reverse("abcdefgh") == "hgfedcba" and reverse("abcdefgh") == "hgfedcba"
    assert calls == ["abc", "abcdefgh", "abcdefgh"]


def test_only_the_last_entries_are_kept() -> None:
    calls, reverse = _counting_memo(entries=2, longest=5)
    for text in ("a", "b", "c", "a"):
        reverse(text)
    assert calls == ["a", "b", "c", "a"]  # "a" had fallen out when it came back


@given(st.lists(st.text(max_size=8), max_size=30))
def test_answers_as_the_function_does(texts: list[str]) -> None:
    _, reverse = _counting_memo(entries=3, longest=4)
    assert [reverse(text) for text in texts] == [text[::-1] for text in texts]
