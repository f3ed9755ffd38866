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
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ESCAPE = re.compile(r"\\.")


@dataclass(frozen=True, slots=True)
class CommenterCues:
    """The compiled cue lists: practitioner roles in priority order, and stance cues.

    Each list is compiled case-insensitively (``roles``, ``agree``, ``disagree``: right for any
    text) and, for speed, case-sensitively for text already lower-cased (``*_lower``). The
    engine matches lower-cased text against a case-sensitive pattern about twice as fast, and
    one scan of ``any_role_lower`` (every role's cues in one alternation) tells that a comment
    has no practitioner cue at all, which is the usual case, instead of one scan per role.
    ``lower_ok`` is False if a cue holds a capital letter (the fast patterns would then miss).
    """

    roles: tuple[tuple[PractitionerRole, re.Pattern[str]], ...]
    agree: re.Pattern[str]
    disagree: re.Pattern[str]
    roles_lower: tuple[tuple[PractitionerRole, re.Pattern[str]], ...]
    any_role_lower: re.Pattern[str]
    agree_lower: re.Pattern[str]
    disagree_lower: re.Pattern[str]
    any_stance_lower: re.Pattern[str]
    lower_ok: bool


def _case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, re.MULTILINE)


def _either(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.MULTILINE)


def _lowered(text: str) -> str | None:
    """``text`` lower-cased, when the fast case-sensitive cues match it exactly as the
    case-insensitive ones match ``text``; else None.

    That holds when every non-ASCII character is uncased (quotes, dashes, £): ASCII letters
    lower-case one for one, while a cased non-ASCII letter may match an ASCII cue letter under
    ``re.IGNORECASE`` (the Kelvin sign matches "k", a dotless ı matches "i") or change length.
    """
    for char in set(_NON_ASCII.findall(text)):
        if char.lower() != char or char.upper() != char:
            return None
    return text.lower()


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
    agree = _compile(stance.get("agree"), patterns, "[stance] agree")
    disagree = _compile(stance.get("disagree"), patterns, "[stance] disagree")
    every = [pattern for _, pattern in roles] + [agree, disagree]
    return CommenterCues(
        roles=tuple(roles),
        agree=agree,
        disagree=disagree,
        roles_lower=tuple((role, _case_sensitive(pattern)) for role, pattern in roles),
        any_role_lower=_either([pattern for _, pattern in roles]),
        agree_lower=_case_sensitive(agree),
        disagree_lower=_case_sensitive(disagree),
        any_stance_lower=_either([agree, disagree]),
        lower_ok=not any(
            character.isupper() for p in every for character in _ESCAPE.sub("", p.pattern)
        ),
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
    cues = load_cues()
    lowered = _lowered(folded) if cues.lower_ok else None
    if lowered is None:
        searched, roles = folded, cues.roles
    elif cues.any_role_lower.search(lowered) is None:
        return None
    else:
        searched, roles = lowered, cues.roles_lower
    for role, pattern in roles:
        match = pattern.search(searched)
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
    lowered = _lowered(folded) if cues.lower_ok else None
    searched, disagree, agree = folded, cues.disagree, cues.agree
    if lowered is not None:
        if cues.any_stance_lower.search(lowered) is None:
            return NO_STANCE
        searched, disagree, agree = lowered, cues.disagree_lower, cues.agree_lower
    found: list[tuple[int, int, Stance, re.Match[str]]] = []
    # Rank 0 beats rank 1 at the same start: disagree wins a tie.
    for rank, stance, pattern in ((0, "disagree", disagree), (1, "agree", agree)):
        match = pattern.search(searched)
        if match:
            found.append((match.start(), rank, cast(Stance, stance), match))
    if not found:
        return NO_STANCE
    _, _, stance, match = min(found, key=lambda item: (item[0], item[1]))
    return StanceCue(stance=stance, cue=text[match.start() : match.end()].strip())
