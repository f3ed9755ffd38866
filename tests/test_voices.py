"""Voices of body sentences (discourse.analyse.voices), on the seeds and on hard cases.

The seeds' expected voices are in ``tests/expected/voices_<fixture>.json``: one entry per
body sentence, hand-labelled by reading it (``voice``). Where the rules disagree with the
hand label the entry also records what the rules say (``rules``) and why: the test pins both,
so any drift fails, and measures agreement with the hand labels.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, joined_pieces
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse.analyse.results import VOICES, Voice, VoiceAttribution
from discourse.analyse.sentences import split_sentences
from discourse.analyse.voices import (
    CUES_FILE,
    _cues,
    _first_actor,
    _Folded,
    _reported_practitioners,
    _speaker_matches,
    _word_runs,
    attribute_voices,
)
from discourse.ingest import load_file
from discourse.model import BodyBlock
from discourse.prefilter import lowered
from discourse.resources import read_data_text

EXPECTED = Path(__file__).parent / "expected"


def voices_of(blocks: list[BodyBlock]) -> list[list[VoiceAttribution]]:
    return attribute_voices(blocks, [split_sentences(block.text) for block in blocks])


def flat(blocks: list[BodyBlock]) -> list[str]:
    return [attribution.voice for block in voices_of(blocks) for attribution in block]


def paragraphs(*texts: str) -> list[BodyBlock]:
    return [BodyBlock("paragraph", text) for text in texts]


def load_expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPECTED / f"voices_{path.stem}.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.stem)
def test_voice_of_every_seed_sentence(path: Path) -> None:
    expected = load_expected(path)
    assert expected["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    (article,) = load_file(path)
    sentences = [split_sentences(block.text) for block in article.body]
    voices = attribute_voices(article.body, sentences)
    got = [
        {"block": index, "kind": block.kind, "text": sentence.text, "voice": voice.voice}
        for index, block in enumerate(article.body)
        for sentence, voice in zip(sentences[index], voices[index], strict=True)
    ]
    assert [(g["block"], g["kind"], g["text"]) for g in got] == [
        (e["block"], e["kind"], e["text"]) for e in expected["sentences"]
    ]
    assert [g["voice"] for g in got] == [e.get("rules", e["voice"]) for e in expected["sentences"]]


def test_agreement_with_hand_labels_is_at_least_95_percent() -> None:
    entries = [entry for path in SEEDS for entry in load_expected(path)["sentences"]]
    agree = sum(entry.get("rules", entry["voice"]) == entry["voice"] for entry in entries)
    assert all(entry["voice"] in VOICES for entry in entries)
    assert agree / len(entries) >= 0.95


def test_every_sentence_gets_exactly_one_voice_and_a_cue() -> None:
    for path in SEEDS:
        (article,) = load_file(path)
        voices = voices_of(list(article.body))
        assert [len(v) for v in voices] == [len(split_sentences(b.text)) for b in article.body]
        assert all(v.voice in VOICES and v.cue for block in voices for v in block)


# --- hard cases ------------------------------------------------------------------------------


def test_a_sentence_quoting_the_report_inside_a_council_statement_is_the_council() -> None:
    blocks = paragraphs(
        "Inspectors found serious failures.",
        "A council spokesperson said: “We accept the findings. As Ofsted said, there is a "
        "lack of pace, and the inspectors found our caseloads were too high.",
        "“We have already recruited twelve permanent social workers.”",
    )
    assert flat(blocks) == ["inspectorate", "council", "council", "council"]


def test_attribution_after_a_multi_paragraph_quote_covers_every_paragraph() -> None:
    blocks = paragraphs(
        "Ofsted said the service had deteriorated.",
        "“We know that recruitment is our key area of improvement.",
        "“We have a plan in place. It will take time,” the council’s chief executive said.",
    )
    voices = voices_of(blocks)
    assert [v.voice for block in voices for v in block] == [
        "inspectorate",
        "council",
        "council",
        "council",
    ]
    assert voices[1][0].quoted and voices[1][0].speaker == "the council’s chief executive"


def test_nested_quotes_belong_to_the_outer_speaker() -> None:
    blocks = paragraphs(
        "“Too many children are ‘drifting’ in the system every day,” the report said.",
        "A DfE spokesperson said: “The letter calls progress ‘too slow’, and we agree.”",
    )
    assert flat(blocks) == ["inspectorate", "government"]


def test_practitioners_reported_inside_an_inspection_quote_are_practitioners() -> None:
    blocks = paragraphs(
        "The letter said: “Caseloads are too high.",
        "“Social workers report that supervision helps them reflect.",
        "“However, social workers commented that they feel valued.",
        "“Their managers are visible.”",
        "A council spokesperson said: “Social workers tell us they feel supported.”",
    )
    voices = voices_of(blocks)
    assert [v.voice for block in voices for v in block] == [
        "inspectorate",
        "practitioner",
        "practitioner",
        "inspectorate",
        "council",  # a council's claim about its staff is the council's message
    ]
    assert voices[1][0].quoted and voices[1][0].speaker == "Social workers"


def test_a_one_word_remnant_of_a_split_keeps_the_sentence_it_was_cut_from() -> None:
    # "Mt" is not a shipped abbreviation, so the splitter cuts "Mt." from "Helens.”".
    blocks = paragraphs(
        "The letter said: “Caseloads are too high.",
        "“Social workers said they enjoy working for Mt. Helens.”",
    )
    assert flat(blocks) == ["inspectorate", "practitioner", "practitioner"]


def test_words_quoted_about_a_person_are_the_last_speakers() -> None:
    blocks = paragraphs(
        "Inspectors said practice had deteriorated.",
        "A new director had “quickly won the confidence of staff” but faced a hard task.",
        "Ofsted found caseloads were high.",
        "The council has set out a “continuous improvement path” in a new plan.",
    )
    assert flat(blocks) == ["inspectorate", "inspectorate", "inspectorate", "council"]


def test_straight_quotes_and_a_named_speaker_introduced_earlier() -> None:
    blocks = paragraphs(
        "Merran McRae, the council's chief executive, said it had begun to act.",
        '"A team of external professionals is reviewing every child," McRae said.',
        'She added: "We are filling vacancies."',
    )
    voices = voices_of(blocks)
    assert [v.voice for block in voices for v in block] == ["council", "council", "council"]
    assert voices[2][0].speaker == "McRae"


def test_pronouns_continue_the_last_speaker() -> None:
    blocks = paragraphs(
        "Ofsted also highlighted an unstable workforce.",
        "It said the council had invested in recruitment.",
        "They also identified problems with the practice model.",
        "But it said this should have come sooner.",
    )
    assert flat(blocks) == ["inspectorate"] * 4


def test_practitioners_reported_in_the_body() -> None:
    blocks = paragraphs(
        "Social workers told inspectors that they struggled to build relationships.",
        "Ofsted found that social workers recorded children’s views.",
        "Practitioners said they felt valued by senior leaders.",
    )
    assert flat(blocks) == ["practitioner", "inspectorate", "practitioner"]


def test_figures_without_a_named_source_are_dfe_statistics() -> None:
    blocks = paragraphs(
        "According to DfE figures, turnover fell from 27.5% to 8.4%.",
        "Nearly half of its social workers were agency staff in 2021.",
        "The council’s vacancy rate was 19.6 per cent, the council said.",
    )
    assert flat(blocks) == ["government", "government", "council"]


def test_lead_ins_do_not_decide_the_voice() -> None:
    blocks = paragraphs(
        "Following the November monitoring report, the council produced a revised plan.",
        "Responding to the report, council leaders said the service had let children down.",
        "Since its inadequate rating, the area has been subject to a DfE improvement notice.",
    )
    assert flat(blocks) == ["council", "council", "government"]


def test_passive_agent_and_subject_after_an_object() -> None:
    blocks = paragraphs(
        "A council’s children’s services has been judged ‘inadequate’ by inspectors.",
        "Difficulties recruiting staff are undermining practice at the council, Ofsted has found.",
    )
    assert flat(blocks) == ["inspectorate", "inspectorate"]


def test_narrative_without_cues_is_the_journalist() -> None:
    blocks = paragraphs(
        "The town has a long history of shipbuilding.",
        "Readers can comment below.",
    )
    assert flat(blocks) == ["journalist", "journalist"]


def test_a_cueless_sentence_inside_a_passage_of_findings_keeps_its_voice() -> None:
    blocks = paragraphs(
        "Inspectors found assessments took too long.",
        "There were high turnover and sickness rates due to the pressure on staff.",
        "It said leaders had not addressed the problem.",
    )
    assert flat(blocks) == ["inspectorate"] * 3


@pytest.mark.parametrize(
    ("heading", "below", "voice"),
    [
        ("Director: ‘We are working on recruitment’", "The plan is new.", "council"),
        ("‘Disappointing’ pace of improvement – DfE", "The plan is new.", "government"),
        ("‘Let down’", "Council leaders said the service had “let down children”.", "council"),
        ("‘Detrimental impact’", "Ofsted found it had “a detrimental impact”.", "inspectorate"),
        (
            "Not ‘regularly supervised’",
            "Inspectors said regular supervision was rare.",
            "inspectorate",
        ),
        ("What the letter says", "The plan is new.", "inspectorate"),
        ("Struggles with a new model", "Ofsted found problems.", "journalist"),
    ],
)
def test_headings(heading: str, below: str, voice: str) -> None:
    blocks = [BodyBlock("heading", heading), BodyBlock("paragraph", below)]
    assert voices_of(blocks)[0][0].voice == voice


def test_a_heading_inside_a_running_quote_is_the_speaker() -> None:
    blocks = [
        BodyBlock("paragraph", "The letter said: “Turnover has decreased."),
        BodyBlock("heading", "‘Drift and lag’"),
        BodyBlock("paragraph", "“However, too many children wait.”"),
    ]
    assert [v[0].voice for v in voices_of(blocks)] == ["inspectorate"] * 3


def test_misaligned_sentences_are_refused() -> None:
    with pytest.raises(ValueError, match="2 blocks but 1"):
        attribute_voices(paragraphs("One.", "Two."), [split_sentences("One.")])


def test_actors_are_found_in_any_case_behind_the_key_word_prefilter() -> None:
    text = "OFSTED FOUND caseloads too high. THE COUNCIL SAID it would act."
    voices = attribute_voices([BodyBlock("paragraph", text)], [split_sentences(text)])
    assert [v.voice for v in voices[0]] == ["inspectorate", "council"]


Spans = tuple[tuple[int, int], dict[str, str | None]]


def _spans(match: re.Match[str]) -> Spans:
    return match.span(), match.groupdict()


def _plain_speaker_matches(text: str, voice: Voice) -> list[Spans]:
    found = (form.pattern.search(text) for form in _cues().speaker[voice])
    return [_spans(match) for match in found if match is not None]


def test_the_speaker_prefilter_keeps_every_actor_and_verb() -> None:
    # ``_speaker_matches`` tries a speaker pattern only where an actor (or "according"/"by")
    # starts and only when the text holds a reporting verb: every actor of the cue file,
    # before every verb phrase, in any case, must still be found where ``search`` finds it.
    import tomllib

    table = tomllib.loads(read_data_text(CUES_FILE))
    for voice, forms in _cues().speaker.items():
        for actor in table["voices"][voice]["actors"]:
            texts = [
                text
                for verb in table["reporting_verbs"]
                for text in (f"The {actor} {verb} that staff left.", f"THE {actor.upper()} {verb}.")
            ]
            if len(forms) > 1:
                texts.append(f"It is failing, according to the {actor}, and was judged by {actor}.")
            for text in texts:
                found = [_spans(match) for match in _speaker_matches(_Folded(text), voice)]
                assert len(found) >= (2 if "according" in text else 1), text
                assert found == _plain_speaker_matches(text, voice), text


def test_lower_casing_keeps_word_characters_and_length() -> None:
    # ``_Folded`` takes the word runs of the lower-cased text for the text's own: true for
    # every character but "İ", which ``lowered`` refuses.
    word = re.compile(r"\w")
    changed = [
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if len(char.lower()) != 1 or bool(word.match(char)) != bool(word.match(char.lower()))
    ]
    assert changed == ["\u0130"]
    assert lowered("\u0130") is None


# Pieces of generated sentences: actors' words (whole, cut, glued), reporting verbs, the
# words the speaker patterns read around them, and characters that trip case folding.
_PIECES = st.sampled_from(
    [
        "Ofsted", "OFSTED", "inspectors", "inspector’s", "the", "The", "THE", "watchdog",
        "report", "reports", "council", "Council", "councils", "councillor", "local",
        "authority", "director", "of", "children's", "children’s", "services", "at", "St",
        "Helens", "social", "workers", "Social", "staff", "overstaffed", "a", "department",
        "spokesperson", "DfE", "DfE-appointed", "dfe", "government", "according", "ACCORDING",
        "to", "by", "By", "latest", "visit", "said", "SAID", "has", "also", "found", "told",
        "pointed", "out", "unsaid", "notably", "care", "Care", "Quality", "Commission",
        "monitoring", "Unison", "the\u0131r", "\u212aent", "\u017ftaff", "İnspectors",
        "Σ", "é", "_", "42",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", " ", " ", "  ", "-", "–", ", ", ". ", "’", "'", "\n", "", "“", ":"])

_sentences = joined_pieces(_PIECES, _GAPS)


@settings(max_examples=1500, deadline=None)
@given(_sentences)
def test_actor_searches_are_the_plain_searches(text: str) -> None:
    # The fast searches (``_speaker_matches``, ``_first_actor``) against their definition:
    # each pattern's ``search`` over the whole text.
    cues = _cues()
    folded = _Folded(text)
    for voice in cues.speaker:
        found = [_spans(match) for match in _speaker_matches(folded, voice)]
        assert found == _plain_speaker_matches(text, voice)
    for practitioners in (False, True):
        plain = [
            (match.start(), voice, match.group("actor"))
            for voice, pattern in cues.mention.items()
            if practitioners or voice not in cues.subject_only
            if (match := pattern.search(text)) is not None
        ]
        expected = min(plain, key=lambda found: found[0]) if plain else None
        assert _first_actor(text, practitioners=practitioners) == expected


@settings(max_examples=800, deadline=None)
@given(_sentences)
def test_the_first_actor_from_a_start_is_the_first_actor_of_the_rest(text: str) -> None:
    # A main clause is searched in the sentence folded once, from where its lead-in ends: at
    # every start after a character that is not a word character or a hyphen, as in the
    # text cut there.
    folded = _Folded(text)
    for start in range(1, len(text) + 1):
        if not re.match(r"[\w-]", text[start - 1]):
            for practitioners in (False, True):
                assert _first_actor(
                    folded, practitioners=practitioners, start=start
                ) == _first_actor(text[start:], practitioners=practitioners), (text, start)


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(["", "“", "‘", "However, ", "“However ", "- "]), _sentences)
def test_practitioners_reported_in_a_quote_are_found_behind_the_opening_prefilter(
    opening: str, sentence: str
) -> None:
    # ``_reported_practitioners`` looks only at sentences whose first two words may open a
    # practitioner phrase: the same answer as the speaker search over every sentence.
    text = opening + sentence
    match = _cues().speaker["practitioner"][0].pattern.search(text)
    expected = (
        match.group("actor")
        if match is not None and len(re.findall(r"\w+", text[: match.start()])) <= 1
        else None
    )
    assert _reported_practitioners(text) == expected


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aZ9_ é’'-.,:;“”\u00a0\u2003\t\n½²")), max_size=60)
    | joined_pieces(
        st.sampled_from(["council’s", "said:", "the", "9.6%", "co-ordinating", "_x", "é", "’"]),
        st.sampled_from([" ", "  ", "\n", "\u00a0", "", ", "]),
    )
)
def test_word_runs_are_those_of_the_regex(text: str) -> None:
    # Pieces between white space that are letters and digits alone are taken whole; the
    # others are searched: the same runs as the regex over the whole text.
    assert _word_runs(text) == set(re.findall(r"\w+", text))
