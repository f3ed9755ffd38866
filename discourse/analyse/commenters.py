"""Who speaks in the comments: practitioners' self-identification and reply stance.

Commenters often say who they are ("as a locum", "I manage a safeguarding team") and replies
say where they stand ("couldn't agree more", "I get the point you make but …"). The cue
phrases are data, in ``discourse/data/commenter_cues.toml``; this module compiles them once
per process and reports the first cue found, in the commenter's own words, as evidence.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any, cast, get_args

from discourse.analyse.results import PractitionerClaim, PractitionerRole, Stance, StanceCue
from discourse.errors import DiscourseError
from discourse.resources import read_data_text

CUES_FILE = "commenter_cues.toml"

NO_STANCE = StanceCue(stance="none", cue="")
"""The stance of a top-level comment, or of a reply with no cue."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Curly apostrophes are straightened before matching so one cue covers both spellings; the
# replacement keeps every character's position, so a match's span points at the original text.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True, slots=True)
class CommenterCues:
    """The compiled cue lists: practitioner roles in priority order, and stance cues."""

    roles: tuple[tuple[PractitionerRole, re.Pattern[str]], ...]
    agree: re.Pattern[str]
    disagree: re.Pattern[str]


def _fail(message: str) -> DiscourseError:
    return DiscourseError(message, path=f"discourse/data/{CUES_FILE}")


def _compile(cues: Any, patterns: dict[str, str], where: str) -> re.Pattern[str]:
    """Join a list of cue regexes into one case-insensitive alternation."""
    if not isinstance(cues, list) or not cues or not all(isinstance(c, str) for c in cues):
        raise _fail(f"{where}: 'cues' must be a non-empty list of strings")

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in patterns:
            raise _fail(f"{where}: unknown pattern {{{name}}}")
        return patterns[name]

    alternatives = []
    for cue in cues:
        expanded = _PLACEHOLDER.sub(expand, cue)
        try:
            re.compile(expanded)
        except re.error as error:
            raise _fail(
                f"{where}: cue {cue!r} is not a valid regular expression: {error}"
            ) from None
        alternatives.append(f"(?:{expanded})")
    return re.compile("|".join(alternatives), re.IGNORECASE | re.MULTILINE)


@cache
def load_cues() -> CommenterCues:
    """Read and compile the shipped cue file (once per process).

    Returns:
        The compiled cues.

    Raises:
        DiscourseError: the shipped file is malformed (names the file and the table).
    """
    try:
        table = tomllib.loads(read_data_text(CUES_FILE))
    except tomllib.TOMLDecodeError as error:
        raise _fail(f"not valid TOML: {error}") from None
    patterns = table.get("patterns", {})
    if not isinstance(patterns, dict) or not all(isinstance(v, str) for v in patterns.values()):
        raise _fail("[patterns] must map names to strings")
    known_roles = get_args(PractitionerRole)
    roles: list[tuple[PractitionerRole, re.Pattern[str]]] = []
    for number, entry in enumerate(table.get("practitioner", []), start=1):
        role = entry.get("role")
        if role not in known_roles:
            raise _fail(f"[[practitioner]] #{number}: role {role!r} is not one of {known_roles}")
        where = f"[[practitioner]] role {role}"
        roles.append((cast(PractitionerRole, role), _compile(entry.get("cues"), patterns, where)))
    if not roles:
        raise _fail("no [[practitioner]] tables")
    stance = table.get("stance", {})
    return CommenterCues(
        roles=tuple(roles),
        agree=_compile(stance.get("agree"), patterns, "[stance] agree"),
        disagree=_compile(stance.get("disagree"), patterns, "[stance] disagree"),
    )


def identify_practitioner(text: str) -> PractitionerClaim | None:
    """Find where a commenter says they are (or were) a practitioner, and as what.

    Roles are tried in the cue file's order (specific before general: a "retired social
    worker" is ``retired``, not ``social_worker``); within the winning role the earliest cue
    is reported.

    Args:
        text: the comment's text.

    Returns:
        The role and the cue as written in the comment, or ``None`` when the commenter does
        not identify as a practitioner.

    Example:
        >>> identify_practitioner("As a locum I have seen ten councils.")
        PractitionerClaim(role='agency', cue='As a locum')
    """
    folded = text.translate(_APOSTROPHES)
    for role, pattern in load_cues().roles:
        match = pattern.search(folded)
        if match:
            return PractitionerClaim(role=role, cue=text[match.start() : match.end()].strip())
    return None


def detect_stance(text: str, is_reply: bool) -> StanceCue:
    """Find a reply's stance towards the comment it answers.

    The earliest cue decides (stance is usually signalled at the opening of a reply); an agree
    and a disagree cue starting at the same place resolve to disagree, since the hedged forms
    ("I agree, but …") are disagree cues.

    Args:
        text: the comment's text.
        is_reply: whether the comment answers another comment; top-level comments have no
            stance towards a comment and get ``none``.

    Returns:
        The stance and its cue as written (``none`` with an empty cue when nothing matched).

    Example:
        >>> detect_stance("Well said. Nothing changes.", is_reply=True)
        StanceCue(stance='agree', cue='Well said')
    """
    if not is_reply:
        return NO_STANCE
    folded = text.translate(_APOSTROPHES)
    cues = load_cues()
    found: list[tuple[int, int, Stance, re.Match[str]]] = []
    # Rank 0 beats rank 1 at the same start: disagree wins a tie.
    for rank, stance, pattern in ((0, "disagree", cues.disagree), (1, "agree", cues.agree)):
        match = pattern.search(folded)
        if match:
            found.append((match.start(), rank, cast(Stance, stance), match))
    if not found:
        return NO_STANCE
    _, _, stance, match = min(found, key=lambda item: (item[0], item[1]))
    return StanceCue(stance=stance, cue=text[match.start() : match.end()].strip())
