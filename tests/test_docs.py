"""The README documents what the CLI and the parse JSON actually offer."""

from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner
from conftest import SEED_000

from discourse.cli import main
from discourse.ingest import article_to_dict, load_file

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match is not None, f"README has no section {title!r}"
    return match.group(1)


def test_every_command_is_in_the_readme() -> None:
    assert isinstance(main, click.Group)
    commands = _section("Commands")
    for name in main.commands:
        assert f"discourse {name}" in commands, name


def test_every_option_of_every_command_is_in_the_readme() -> None:
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                longest = max(parameter.opts, key=len)
                if longest != "--help":
                    assert longest in README, f"discourse {name} {longest}"


def test_every_parse_key_is_documented() -> None:
    (article,) = load_file(SEED_000)
    table = _section("discourse parse")
    documented = set(re.findall(r"`(\w+)`", table))
    shape = article_to_dict(article)
    assert set(shape) <= documented, set(shape) - documented
    assert set(shape["comments"][0]) <= documented, set(shape["comments"][0]) - documented


def test_every_help_has_an_example(runner: CliRunner) -> None:
    assert isinstance(main, click.Group)
    for name in [None, *main.commands]:
        args = ["--help"] if name is None else [name, "--help"]
        result = runner.invoke(main, args)
        assert result.exit_code == 0
        assert "Example" in result.output, name
