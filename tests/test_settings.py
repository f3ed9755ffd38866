from __future__ import annotations

from pathlib import Path

import pytest

from discourse.errors import SettingsError
from discourse.settings import load_settings


def test_shipped_defaults_are_vader_thresholds() -> None:
    settings = load_settings()
    assert (settings.positive_threshold, settings.negative_threshold) == (0.05, -0.05)
    assert settings.keep_names is False


def test_user_file_overrides_only_what_it_sets(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text("[report]\ndpi = 100\n", encoding="utf-8")
    settings = load_settings(user)
    assert settings.dpi == 100
    assert settings.positive_threshold == 0.05


def test_bad_value_names_file_and_field(tmp_path: Path) -> None:
    user = tmp_path / "bad.toml"
    user.write_text('[report]\ndpi = "high"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"bad\.toml.*\[report\] dpi"):
        load_settings(user)
