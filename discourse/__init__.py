"""discourse: practitioners' comments against official findings in news about inspections.

Pipeline: ingest (pages and comment exports → ``Article``) → analyse (sentences, sentiment,
themes, commenters, voices, workforce statistics) → compare → report.
"""

from discourse.errors import DiscourseError
from discourse.model import Article, BodyBlock, Comment, DroppedLine
from discourse.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BodyBlock",
    "Comment",
    "DiscourseError",
    "DroppedLine",
    "Settings",
    "__version__",
    "load_settings",
]
