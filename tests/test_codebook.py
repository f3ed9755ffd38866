"""Loading and validating codebooks: the shipped one, a custom one, malformed ones."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import ROOT

from discourse.analyse.codebook import (
    SHIPPED_SOURCE,
    compile_term,
    format_codebook,
    load_codebook,
    parse_codebook,
)
from discourse.analyse.themes import ThemeMatcher
from discourse.errors import CodebookError

CORE = ("bullying", "workload", "pay", "managerialism")
EXTENDED = (
    "recruitment_retention",
    "supervision_support",
    "wellbeing",
    "newly_qualified",
    "inspection_regime",
    "equality",
    "funding",
)

CUSTOM = """
id = "my-codes"
version = "2.1"

[themes.caseload_weight]
label = "Caseload weight"
definition = "How heavy caseloads are."
core = true
words = ["caseload"]
phrases = ["too many families"]
exclude = ["caseload review"]

[[themes.caseload_weight.rules]]
name = "heavy"
terms = ["heavy", "crushing"]
context = ["cases", "load"]
window = 2
"""


def test_shipped_codebook_has_core_and_extended_themes() -> None:
    codebook = load_codebook()
    assert codebook.theme_ids == CORE + EXTENDED
    assert [t.id for t in codebook.themes if t.core] == list(CORE)
    assert codebook.source == SHIPPED_SOURCE
    assert (codebook.id, codebook.version) == ("discourse-social-care", "1.0")
    shipped = (ROOT / "discourse" / "data" / "codebook.toml").read_bytes()
    assert codebook.sha256 == hashlib.sha256(shipped).hexdigest()
    for theme in codebook.themes:
        assert theme.label and theme.definition and theme.rules


def test_shipped_codebook_is_loaded_once() -> None:
    assert load_codebook() is load_codebook()


def test_compile_term_stems_and_exact_words() -> None:
    assert compile_term("box-ticking") == ("box", "tick")
    assert compile_term("Bullied") == compile_term("bullying") == ("bulli",)
    assert compile_term("=morale") == ("=morale",)
    assert compile_term("social =workers") == ("social", "=workers")


def test_custom_codebook_loads_and_matches(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(CUSTOM, encoding="utf-8")
    codebook = load_codebook(path)
    assert (codebook.id, codebook.version, codebook.source) == ("my-codes", "2.1", str(path))
    assert codebook.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    matcher = ThemeMatcher(codebook)
    assert [h.rule for h in matcher.find("My caseloads are crushing.")] == ["word:caseload"]
    assert [h.matched for h in matcher.find("The crushing load of cases.")] == [
        ("crushing", "load")
    ]
    assert matcher.find("A caseload review is due.") == ()
    assert matcher.find("It was heavy rain.") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id = 'x'\nversion = '1'\n[themes.a\n", "not valid TOML"),
        ("version = '1'\n[themes.a]\nlabel='A'\ndefinition='d'\ncore=true\nwords=['w']\n", "'id'"),
        ("id = 'x'\nversion = '1'\n", "field 'themes'"),
        (
            "id='x'\nversion='1'\n[themes.pay]\ndefinition='d'\ncore=true\nwords=['w']\n",
            "theme 'pay', field 'label'",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore='yes'\n"
            "words=['w']\n",
            "theme 'pay', field 'core'",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore=true\n"
            "words=['pay grade']\n",
            "theme 'pay', field 'words' item 1: 'pay grade' is several words",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore=true\n"
            "words='pay'\n",
            "theme 'pay', field 'words': must be a list",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore=true\n"
            "phrase=['pay grade']\n",
            "theme 'pay': unknown field 'phrase'",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore=true\n"
            "phrases=['--']\n",
            "theme 'pay', field 'phrases' item 1: '--' has no word",
        ),
        (
            "id='x'\nversion='1'\n[themes.Pay-Theme]\nlabel='P'\ndefinition='d'\ncore=true\n"
            "words=['pay']\n",
            "theme 'Pay-Theme': id must be",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore=true\n",
            "theme 'pay': has no words, phrases or rules",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore=true\n"
            "[[themes.pay.rules]]\nname='paid'\nterms=['paid']\ncontext=['salary']\n",
            "theme 'pay', rule 1 ('paid'), field 'window'",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore=true\n"
            "[[themes.pay.rules]]\nname='paid'\nterms=['paid']\nwindow=3\n",
            "theme 'pay', rule 1 ('paid'): needs 'context' or 'unless'",
        ),
        (
            "id='x'\nversion='1'\n[themes.pay]\nlabel='P'\ndefinition='d'\ncore=true\n"
            "[[themes.pay.rules]]\nname='paid'\nterms=[]\ncontext=['x']\nwindow=3\n",
            "theme 'pay', rule 1 ('paid'), field 'terms'",
        ),
    ],
)
def test_malformed_codebook_names_file_theme_and_field(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: ")
    assert expected in message


def test_missing_and_undecodable_codebooks(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="cannot read"):
        load_codebook(tmp_path / "absent.toml")
    with pytest.raises(CodebookError, match="not UTF-8"):
        parse_codebook(b"id = '\xff'", "latin.toml")


def test_format_codebook_lists_definitions_terms_rules_and_exclusions() -> None:
    text = format_codebook(load_codebook())
    assert "pay: Pay (core)" in text
    assert "funding: Funding (extended)" in text
    assert "definition: Salary;" in text
    assert "paid tribute" in text
    assert "rule:paid-for-work: paid" in text
    assert load_codebook().sha256 in text
