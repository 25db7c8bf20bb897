"""Red flags in messages: the table's integrity, the matching rules, fail-safe negation and the review sheet."""

import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from netcompanion.bibliography import cite
from netcompanion.triage import Level
from netcompanion.triage.red_flags import (
    RED_FLAGS,
    RED_FLAGS_VERSION,
    TERMS,
    find,
    find_terms,
    highest,
    review_sheet,
    words,
)
from netcompanion.triage.rules import CRISIS, RULES


def ids(text):
    return [m.row_id for m in find(text)]


def test_every_row_id_is_unique_and_every_source_resolves_in_the_bibliography():
    assert len({row.id for row in RED_FLAGS}) == len(RED_FLAGS)
    for row in RED_FLAGS:
        assert row.sources, row.id
        for source_id in row.sources:
            cite(source_id)


def test_every_term_is_named_once_has_both_languages_and_is_looked_for_by_a_row():
    names = [term.name for term in TERMS]
    assert len(set(names)) == len(names)
    for term in TERMS:
        assert term.english and term.swedish, term.name
    used = {name for row in RED_FLAGS for name in row.when}
    assert used == set(names)


def test_every_row_takes_its_level_and_sources_from_the_navigator_rule_it_mirrors():
    rules = {rule.id: rule for rule in RULES}
    for row in RED_FLAGS:
        if not row.rule:  # a danger sign the navigator does not ask about: an emergency with sources of its own
            assert row.level == Level.EMERGENCY and row.sources, row.id
            continue
        rule = rules[row.rule]
        assert rule.code in (row.symptom, "*"), row.id
        assert (row.level, row.sources) == (rule.level, rule.sources), row.id
        assert row.level in (Level.URGENT, Level.EMERGENCY), row.id


def test_every_phrase_finds_its_own_term():
    for term in TERMS:
        for phrase in (*term.english, *term.swedish):
            assert term.name in find_terms(phrase), (term.name, phrase)


def test_a_row_of_several_terms_needs_them_all():
    assert "RF-FLUSH-DIZZY" not in ids("I had a flush after dinner")
    assert ids("I had a flush after dinner and felt dizzy") == ["RF-FLUSH-DIZZY"]
    [match] = find("rodnad och yr")
    assert match.phrase == "rodnad + yr"


@pytest.mark.parametrize("text, row_id", [
    ("I have had chest pain since this morning", "RF-CHEST-PAIN"),
    ("Pain in my chest when I walk", "RF-CHEST-PAIN"),
    ("Jag har ONT I BRÖSTET", "RF-CHEST-PAIN"),
    ("bröstsmärtorna kom tillbaka", "RF-CHEST-PAIN"),
    ("brostsmarta igar", "RF-CHEST-PAIN"),
    ("I can’t breathe properly", "RF-CANNOT-BREATHE"),
    ("mum fainted in the kitchen", "RF-FAINTING"),
    ("pappa svimmade i går", "RF-FAINTING"),
    ("Hon har svart bajs sedan igår", "RF-BLACK-STOOL"),
    ("I'm all sweaty and shaky", "RF-LOW-SUGAR"),
    ("cheast pain since lunch", "RF-CHEST-PAIN"),
    ("ont i brösst", "RF-CHEST-PAIN"),
    ("svimade i går", "RF-FAINTING"),
])
def test_phrases_are_found_in_case_accent_and_inflection_variants(text, row_id):
    assert row_id in ids(text)


@pytest.mark.parametrize("text, flagged", [
    ("har haft diarré 12 gånger idag", ["RF-SEVERE-DIARRHOEA"]),
    ("diarrhoea 9 times today", []),
    ("temp 38.7 and aching", ["RF-FEVER"]),
    ("temperature 37.5 this morning", []),
])
def test_a_number_in_a_phrase_is_a_threshold(text, flagged):
    assert ids(text) == flagged


def test_a_negation_never_suppresses_a_flag():
    """Fail safe (H-197): reading "no" in free text is unreliable, and a missed warning costs more than a click."""
    assert ids("No chest pain today, just checking my appointment") == ["RF-CHEST-PAIN"]
    assert ids("Jag har inte svimmat") == ["RF-FAINTING"]


def test_swedish_letters_are_not_folded_into_other_words():
    """"svårt" (hard) is not "svart" (black); only a phrase's own keyboard variant matches without å, ä, ö."""
    assert words("Svårt Å ÄÖ é") == ["svårt", "å", "äö", "e"]
    assert ids("svårt att äta bajs") == []


def test_words_match_whole_not_inside_other_words_and_a_single_word_allows_no_slip():
    assert ids("my hypothesis is that the dosage of the scan is faintly ok") == []
    assert ids("she paints and plays chess") == []


def test_the_highest_level_comes_first_and_highest_reads_it():
    matches = find("blood sugar is low? no: low blood sugar, and chest pain and I fainted")
    assert [m.level for m in matches] == [Level.EMERGENCY] * 3
    assert highest(matches) is Level.EMERGENCY
    assert highest(find("Thank you for the appointment")) is None


def test_a_match_carries_the_row_reason_and_sources():
    [match] = find("svimmade")
    assert (match.row_id, match.symptom, match.level, match.phrase) == ("RF-FAINTING", "fainting", Level.EMERGENCY,
                                                                        "svimmade")
    assert match.reason.startswith("You mention fainting.")
    assert match.sources == CRISIS


RED_FLAGS_FINGERPRINTS = {
    "2026.12.1": "f907b497d23afcdd",
    "2026.12.2": "442ed4ec25b88b12",  # after the blind messages: the gaps they showed filled
    "2026.12.3": "f2d43b3b2e2700b1",  # the stroke row cites the FAST/AKUT test, not only when to call 999
}


def test_a_change_to_the_table_comes_with_a_new_version():
    """A change to any row must bump RED_FLAGS_VERSION (after clinical sign-off)."""
    rows = [(r.id, r.symptom, r.rule, r.level.value, r.when, r.reason, r.sources) for r in RED_FLAGS]
    rows += [(t.name, t.english, t.swedish) for t in TERMS]
    fingerprint = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:16]
    assert RED_FLAGS_FINGERPRINTS.get(RED_FLAGS_VERSION) == fingerprint, (
        f"red flags changed: bump RED_FLAGS_VERSION and record {fingerprint!r} for it here")


def test_the_review_sheet_has_one_readable_line_per_row():
    lines = review_sheet().splitlines()
    assert len(lines) == 2 + len(RED_FLAGS) + len(TERMS)
    assert ("RF-FLUSH-DIZZY | flushing | FL-CRISIS-DIZZY | emergency | flushing + dizziness | You mention flushing "
            "with dizziness. Together they can be a carcinoid crisis. | " + ", ".join(CRISIS)) in lines
    assert any(line.startswith("fainting | fainted; fainting; ") for line in lines)
    assert any(line.startswith("RF-STROKE | stroke | not in the navigator | emergency | stroke signs |")
               for line in lines)


def test_the_cli_prints_the_red_flags_for_review():
    result = subprocess.run([sys.executable, "-m", "netcompanion", "triage", "--red-flags"], capture_output=True,
                            text=True, env={"DEBUG": "true", "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == review_sheet().splitlines()[1:]


@pytest.mark.parametrize("text", [
    "Can I move my appointment on Tuesday to Thursday?",
    "When is my next scan? I have not heard from radiology.",
    "My lanreotide injection went well, the nurse was lovely.",
    "Could you renew my prescription for Creon? I am going on holiday to Spain.",
    "Feeling much better this week, appetite back.",
    "Flushing a bit after spicy food, nothing new.",
    "Kan jag flytta min tid på tisdag?",
    "Tack för brevet, allt är bra med mig.",
    "Hur länge ska jag fasta innan provet?",
    "Jag har lite lös mage men annars bra.",
])
def test_an_everyday_message_flags_nothing(text):
    assert find(text) == []


def test_a_word_with_an_everyday_meaning_still_flags_on_purpose():
    """Fail safe: "confused" about a dose is read as confusion. The writer can send it anyway with one click."""
    assert ids("I am a bit confused about the dose") == ["RF-CONFUSION"]


@pytest.mark.parametrize("text, expected", [
    ("face flushed and I feel dizzy", ["RF-FLUSH-DIZZY"]),
    ("gul i ogonen och feber sedan igår", ["RF-JAUNDICE-FEVER", "RF-FEVER", "RF-JAUNDICE"]),
    ("On chemo (capecitabine), diarrhoea since yesterday", ["RF-DIARRHOEA-CHEMOTHERAPY"]),
    ("Terrible stomach pain that came on suddenly", ["RF-PAIN-SEVERE-SUDDEN", "RF-TUMMY-PAIN"]),
    ("ont i magen och har inte kunnat bajsa på tre dagar", ["RF-PAIN-NO-STOOL", "RF-TUMMY-PAIN"]),
])
def test_symptoms_together_raise_the_level_as_the_navigator_does(text, expected):
    assert ids(text) == expected


def test_the_module_runs_without_django():
    """The "engines" contract holds netcompanion.triage and so this module; this proves it when it runs."""
    code = "import sys, netcompanion.triage.red_flags; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


BLIND = Path(__file__).with_name("red_flag_messages_blind.yaml")
# The blind messages (helper G, written without seeing this table): 140, half English, half Swedish; 70 expect
# a flag (44 emergency, 26 urgent), 50 expect none, 20 mention a symptom negated or past ("flag_ok": either is
# right). Measured once on the table as first completed: 16 of the 70 not flagged and 4 flagged below the
# expected level, no false alarm. The general gaps they showed were then filled (a slip of the keys in a
# phrase, sweating and shaking apart, stroke signs, swallowing with a swollen face, diarrhoea with
# dizziness, "ggr", word orders, lay synonyms), not the messages' own wording, leaving the two below:
# severe tummy pain that is neither sudden nor with vomiting, which the navigator rates urgent (AP-NEW)
# and the writer an emergency ("rock hard" belly): a question for the clinical sign-off of the navigator.
BELOW_EXPECTED = {
    "severe stomach pain worst ive ever had cant stand up straight and my belly is rock hard",
    "fruktansvärt ont i magen värsta nånsin, magen är stenhård",
}


def test_the_blind_messages_are_flagged_at_their_level_or_higher():
    cases = yaml.safe_load(BLIND.read_text(encoding="utf-8"))
    below, false_alarms = set(), set()
    for case in cases:
        level, expected = highest(find(case["text"])), case["expected"]
        if expected in ("emergency", "urgent") and (level is None or level.rank < Level(expected).rank):
            below.add(case["text"])
        elif expected == "none" and level is not None:
            false_alarms.add(case["text"])
        else:
            assert expected in ("emergency", "urgent", "none", "flag_ok"), expected
    assert (len(cases), below, false_alarms) == (140, BELOW_EXPECTED, set())


def test_a_long_message_is_read_quickly():
    """The check runs on every send; a message may be 5,000 characters."""
    text = ("Jag undrar om min tid nästa vecka och hur jag ska ta mina mediciner innan provet. " * 70)[:5000]
    started = time.perf_counter()
    assert find(text) == []
    assert time.perf_counter() - started < 1
