"""A one-line progress bar on stderr for long runs, silent when stderr is not a terminal.

Redirected output (logs, CI, tests) stays clean: the bar draws only on an interactive
terminal, and never when the user asked for ``--quiet``.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 28
# Redraw at most this often: drawing is cheap, but a terminal flooded with updates is not.
INTERVAL = 0.1


class ProgressBar:
    """``[#####.....] 12/40 files · 3.2 s`` on one line, redrawn in place.

    Args:
        total: the number of steps (0 = unknown: a counter without a bar).
        enabled: draw at all (e.g. ``not quiet``); it is also off unless ``stream`` is a tty.
        stream: where to draw (stderr by default).
    """

    def __init__(self, total: int, *, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.enabled = enabled and self.stream.isatty()
        self._start = time.monotonic()
        self._drawn = 0.0

    def advance(self, steps: int = 1, label: str = "files") -> None:
        """Count ``steps`` more and redraw (throttled)."""
        self.done += steps
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= INTERVAL or self.done >= self.total):
            self._drawn = now
            self._draw(label, now)

    def _draw(self, label: str, now: float) -> None:
        elapsed = now - self._start
        if self.total:
            filled = min(WIDTH, WIDTH * self.done // self.total)
            bar = "#" * filled + "." * (WIDTH - filled)
            line = f"[{bar}] {self.done}/{self.total} {label} · {elapsed:.1f} s"
        else:
            line = f"{self.done} {label} · {elapsed:.1f} s"
        self.stream.write("\r" + line)
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
