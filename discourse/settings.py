"""One settings object for a run: shipped defaults, overridden by a user's TOML file.

The defaults live in ``discourse/data/settings.toml``; ``load_settings`` merges a user file
over them and returns a frozen ``Settings`` that is passed down explicitly.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from discourse.errors import SettingsError
from discourse.resources import read_data_text


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable value of a run."""

    positive_threshold: float = 0.05
    negative_threshold: float = -0.05
    keep_names: bool = False
    dpi: int = 200
    article_pages: int = 30


_FIELDS: dict[tuple[str, str], type] = {
    ("sentiment", "positive_threshold"): float,
    ("sentiment", "negative_threshold"): float,
    ("privacy", "keep_names"): bool,
    ("report", "dpi"): int,
    ("report", "article_pages"): int,
}


def _apply(values: dict[str, Any], table: dict[str, Any], origin: str) -> None:
    for (section, key), kind in _FIELDS.items():
        if section in table and key in table[section]:
            value = table[section][key]
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise SettingsError(
                    f"[{section}] {key} must be {kind.__name__}, got {value!r}", path=origin
                )
            values[key] = value


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Build the run's settings.

    Args:
        path: a user TOML file whose values override the shipped defaults.
        overrides: final values from command-line options (``None`` values are ignored).

    Returns:
        The frozen settings.

    Example:
        >>> load_settings().positive_threshold
        0.05
    """
    values: dict[str, Any] = {}
    _apply(values, tomllib.loads(read_data_text("settings.toml")), "settings.toml")
    if path is not None:
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise SettingsError(f"cannot read: {error.strerror}", path=path) from error
        except tomllib.TOMLDecodeError as error:
            raise SettingsError(f"not valid TOML: {error}", path=path) from error
        _apply(values, table, str(path))
    values.update({key: value for key, value in overrides.items() if value is not None})
    return Settings(**values)
