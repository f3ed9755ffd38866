"""The floor of the benchmark: read every page and score every sentence with VADER.

Nothing else: no parsing, no themes, no output. A regex split stands in for sentence
splitting because it costs about 4% of VADER (see shared/performance.md); the floor must be
the sentiment library's own cost.

Usage: python benchmarks/floor.py FOLDER
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def main(folder: Path) -> int:
    analyzer = SentimentIntensityAnalyzer()
    scored = 0
    for path in sorted(folder.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            for sentence in _SENTENCE_END.split(paragraph.strip()):
                if sentence:
                    analyzer.polarity_scores(sentence)
                    scored += 1
    print(scored)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
