"""The voice groups the comparison sets side by side, and what one unit of each is.

Practitioners speak in comments (one unit = one comment); the official findings and the
council speak in body sentences attributed to their voices (one unit = one sentence).
"""

from __future__ import annotations

from typing import Final, Literal

from discourse.analyse.results import Voice

GroupId = Literal["practitioners", "self_identified", "official", "council"]
GROUPS: Final[tuple[GroupId, ...]] = ("practitioners", "self_identified", "official", "council")

GROUP_LABELS: Final[dict[GroupId, str]] = {
    "practitioners": "Practitioners (all comments)",
    "self_identified": "Self-identified practitioners",
    "official": "Official findings",
    "council": "Council",
}

GROUP_UNITS: Final[dict[GroupId, str]] = {
    "practitioners": "comments",
    "self_identified": "comments",
    "official": "sentences",
    "council": "sentences",
}

# domain.md §3: "official findings" means the inspectorate plus government.
OFFICIAL_VOICES: Final[frozenset[Voice]] = frozenset({"inspectorate", "government"})
COUNCIL_VOICES: Final[frozenset[Voice]] = frozenset({"council"})
