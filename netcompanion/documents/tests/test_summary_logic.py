"""The comparison and card wording, without a database or Django."""

import datetime as dt
import re
import subprocess
import sys

import pytest

from netcompanion.documents import card, summary

D = dt.date(2025, 3, 31)


def test_the_period_before_has_the_same_length_and_ends_the_day_before():
    assert summary.previous_window(dt.date(2025, 3, 4), D) == (dt.date(2025, 2, 4), dt.date(2025, 3, 3))
    with pytest.raises(ValueError):
        summary.previous_window(D, dt.date(2025, 3, 1))


def test_a_change_is_stated_with_its_direction_in_neutral_words():
    higher = summary.compare("Flushes a day", "", [4, 4, 5, 5], [2, 2, 3])
    assert (higher.now, higher.before, higher.difference, higher.direction) == (4.5, 7 / 3, 2.2, "higher")
    assert higher.change_text == "+2.2, higher"
    lower = summary.compare("Tummy pain", "0-10", [1, 1, 1], [3, 3, 3])
    assert lower.change_text == "\u22122.0, lower"
    same = summary.compare("Tiredness", "0-10", [4, 4, 4.04], [4, 4, 4])
    assert same.direction == "about the same" and same.change_text == "About the same"


def test_too_few_days_are_not_compared_but_the_average_is_still_shown():
    few = summary.compare("Flushes a day", "", [9, 9], [1, 1, 1, 1])
    assert few.now == 9 and few.difference is None and few.direction == ""
    assert few.change_text.startswith("Too few days logged")
    nothing = summary.compare("Flushes a day", "", [], [])
    assert nothing.now is None and nothing.before is None and not nothing.comparable


def test_weight_change_runs_from_the_first_to_the_last_weight():
    change = summary.weight_change([(dt.date(2025, 3, 20), 68.0), (dt.date(2025, 3, 6), 70.5),
                                    (dt.date(2025, 3, 13), 69.0)])
    assert (change.first_kg, change.last_kg, change.change_kg) == (70.5, 68.0, -2.5)
    assert change.change_text == "\u22122.5 kg"
    assert change.since_before_kg is None and change.since_before_text == "No weight logged in the period before"
    compared = summary.weight_change([(dt.date(2025, 3, 20), 68.0)],
                                     [(dt.date(2025, 2, 1), 71.0), (dt.date(2025, 2, 20), 69.0)])
    assert (compared.before_on, compared.before_kg) == (dt.date(2025, 2, 20), 69.0)  # the latest one before
    assert compared.since_before_text == "\u22121.0 kg"
    single = summary.weight_change([(D, 70.0)])
    assert single.single and single.change_text == "Only one weight logged"
    assert summary.weight_change([]) is None


def test_the_diagnosis_is_shortened_to_whole_sentences_that_fit():
    text = "Small-intestine NET, grade 2, found 2023. It grows slowly. " + "More detail follows here. " * 10
    short = card.short_diagnosis(text)
    assert short == "Small-intestine NET, grade 2, found 2023. It grows slowly." + " More detail follows here." * 2
    assert len(short) <= card.DIAGNOSIS_LIMIT
    assert card.short_diagnosis("First line\nsecond line") == "First line"
    long_sentence = "word " * 60
    short = card.short_diagnosis(long_sentence)
    assert short.endswith("…") and len(short) <= card.DIAGNOSIS_LIMIT
    assert card.short_diagnosis("") == ""


def test_the_card_picks_the_contact_nurse_and_the_net_centre_and_prefers_a_number():
    chosen = card.choose_contacts([
        ("other", "Neighbour", "1"), ("doctor", "Dr Who", "+46 1"), ("net_centre", "Centre", "+46 2"),
        ("contact_nurse", "Nurse without phone", ""), ("contact_nurse", "Nurse Anna", "+46 3")])
    assert [(c.role, c.name) for c in chosen] == [("contact_nurse", "Nurse Anna"), ("net_centre", "Centre")]
    # A doctor stands in when the NET centre is missing; a contact without a number says so.
    chosen = card.choose_contacts([("contact_nurse", "Nurse", ""), ("doctor", "Dr A", "+46 9")])
    assert [c.text for c in chosen] == ["Contact nurse: Nurse, no phone number saved", "Doctor: Dr A, +46 9"]
    assert card.choose_contacts([("other", "Neighbour", "1")]) == []


def test_the_card_names_no_dose_and_its_qr_code_holds_the_link_only():
    link = "https://netcompanion.example.org/c/" + "A" * 43
    c = card.build_card("Maria Lind", "Pancreatic NET.", [("contact_nurse", "Sara Ek", "+46 8 000")], D, "112", link)
    lines = c.text.split("\n")
    assert lines[:3] == [card.TITLE, "Maria Lind", "Neuroendocrine tumour (NET): Pancreatic NET."]
    assert "Contact nurse: Sara Ek, +46 8 000" in lines
    assert "Emergency: call 112." in lines and card.NO_OUT_OF_HOURS in lines
    assert "ask the NET team about octreotide cover" in c.text
    assert "Made 31 Mar 2025" in c.text
    assert not re.search(r"\d\s*(mg|µg|mcg|microgram|units?\b|/h\b)", c.text)  # doses are UNCONFIRMED: none
    assert "http" not in c.text  # the link is in the QR code, not printed
    assert c.qr() == card.segno.make(link, error="m", micro=False)
    assert c.qr().version <= 6  # few, large modules: it scans from a wallet-sized print
    with pytest.raises(ValueError):
        card.build_card("Maria Lind", "", [], D, "112").qr()


def test_the_out_of_hours_line_is_its_own_line_and_prefers_a_number():
    rows = [("contact_nurse", "Nurse Anna", "+46 3"), ("out_of_hours", "Ward 12 at night", ""),
            ("out_of_hours", "On-call oncologist via the switchboard", "+46 8 000 99")]
    c = card.build_card("Maria Lind", "", rows, D, "911")
    assert [x.role for x in c.contacts] == ["contact_nurse"]
    assert "Out of hours: On-call oncologist via the switchboard, +46 8 000 99" in c.text.split("\n")
    assert "Emergency: call 911." in c.text


def test_without_contacts_or_diagnosis_the_card_says_so():
    c = card.build_card("Maria Lind", "", [], D, "112")
    assert card.NO_CONTACTS in c.text and "Has a neuroendocrine tumour (NET)." in c.text


def test_the_pure_modules_run_without_django():
    code = "import sys, netcompanion.documents.summary, netcompanion.documents.card; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
