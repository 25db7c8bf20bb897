"""Reading a pathology report's summary line as printed: what is read, what is handed back, what is refused."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netcompanion.bibliography import SOURCES
from netcompanion.clinicaltools.reportline import MAX_LENGTH, read_line
from netcompanion.clinicaltools.tnm import read_category

ISSUE_LINE = "NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a"


@pytest.mark.parametrize("line, expected", [
    (ISSUE_LINE, {"differentiation": "well", "stated_grade": "G2", "ki67_percent": "8", "t": "pT3",
                  "n": "pN1 (3/14)", "m": "M1a"}),
    ("Ki67 8%", {"ki67_percent": "8"}),
    ("Ki-67: 8 %", {"ki67_percent": "8"}),
    ("Ki-67 index 8%", {"ki67_percent": "8"}),
    ("Ki-67 labelling index of 12 %", {"ki67_percent": "12"}),
    ("MIB-1 4 %", {"ki67_percent": "4"}),
    ("Ki-67 8,5 %", {"ki67_percent": "8.5"}),
    ("G2 NET", {"differentiation": "well", "stated_grade": "G2"}),
    ("NET grade 1", {"differentiation": "well", "stated_grade": "G1"}),
    ("NEC G3", {"differentiation": "poor", "stated_grade": "G3"}),
    ("poorly differentiated neuroendocrine carcinoma", {"differentiation": "poor"}),
    ("pT3N1M1a", {"t": "pT3", "n": "N1", "m": "M1a"}),
    ("pT3pN0cM0", {"t": "pT3", "n": "pN0", "m": "cM0"}),
    ("ypT2", {"t": "ypT2"}),
    ("pT3(m) pN1", {"t": "pT3(m)", "n": "pN1"}),
    ("pN1 (3/14)", {"n": "pN1 (3/14)"}),
    ("M1a", {"m": "M1a"}),
    ("mitoses 3/2 mm2", {"mitoses_per_2mm2": "3"}),
    ("mitotic count: 1,5 per 2 mm²", {"mitoses_per_2mm2": "1.5"}),
    ("4 mitoses/2mm2", {"mitoses_per_2mm2": "4"}),
    ("net g2; ki-67 8 %; pt3 pn1 (3/14) m1a",
     {"differentiation": "well", "stated_grade": "G2", "ki67_percent": "8", "t": "pt3", "n": "pn1 (3/14)",
      "m": "m1a"}),
    ("Well differentiated NET G1, Ki-67 2%, pT1b pN0 (0/12) L0 V0 Pn0 R0",
     {"differentiation": "well", "stated_grade": "G1", "ki67_percent": "2", "t": "pT1b", "n": "pN0 (0/12)",
      "margin": "R0"}),
])
def test_the_line_is_read_as_printed(line, expected):
    read = read_line(line)
    assert read.values() == expected
    assert read.unread == ()


def test_each_value_names_the_piece_of_the_line_it_came_from():
    read = read_line(ISSUE_LINE)
    assert [(f.field, f.printed) for f in read.found] == [
        ("differentiation", "NET"), ("stated_grade", "G2"), ("ki67_percent", "Ki-67 8 %"), ("t", "pT3"),
        ("n", "pN1 (3/14)"), ("m", "M1a")]
    assert read.problems == ()


def test_what_the_form_reads_from_the_tnm_boxes_is_what_the_line_said():
    values = read_line("pT3N1M1a").values()
    assert [read_category(axis, values[axis.lower()]).value for axis in "TNM"] == ["T3", "N1", "M1a"]
    assert read_category("N", read_line(ISSUE_LINE).values()["n"]).nodes_positive == 3


def test_junk_is_handed_back_and_the_rest_still_read():
    read = read_line("Resection specimen: NET G2, Ki-67 8 %; see comment")
    assert read.values() == {"differentiation": "well", "stated_grade": "G2", "ki67_percent": "8"}
    assert read.unread == ("Resection specimen", "see comment")


@pytest.mark.parametrize("line, left_empty, says", [
    ("pT3 pT2 N0", "t", "The line gives T twice, differently: “pT3”, “pT2”."),
    ("NET G2, NEC", "differentiation", "twice, differently: “NET”, “NEC”."),
    ("G1 G2", "stated_grade", "The line gives the grade twice"),
    ("Ki-67 8 %, Ki-67 12 %", "ki67_percent", "The line gives the Ki-67 index twice"),
    ("Ki-67 <1 %", "ki67_percent", "as “Ki-67 <1 %”, not one number"),
    ("Ki-67 1-2 %", "ki67_percent", "as “Ki-67 1-2 %”, not one number"),
    ("Ki-67 about 5 %", "ki67_percent", "not one number"),
    ("Ki-67 positive", "ki67_percent", "We found “Ki-67” but no number after it"),
    ("3 mitoses/10 HPF", "mitoses_per_2mm2", "is per 10 high-power fields"),
    ("mitoses 3", "mitoses_per_2mm2", "not a count per 2 mm²"),
    ("pN0 (3/14)", "n", "so N and the count disagree"),
    ("pN1 (0/14)", "n", "so N and the count disagree"),
    ("pN1 (15/14)", "n", "counts more lymph nodes with tumour cells than were examined"),
])
def test_what_is_ambiguous_or_contradictory_is_left_empty_with_a_message(line, left_empty, says):
    read = read_line(line)
    assert left_empty not in read.values()
    assert any(says in p.message for p in read.problems), read.problems


def test_the_same_value_twice_is_not_a_contradiction():
    assert read_line("pT3 ... pT3, NET G2").values()["t"] == "pT3"


def test_a_stated_grade_the_ki67_contradicts_is_kept_and_flagged_with_the_who_rule_and_its_sources():
    read = read_line("NET G2, Ki-67 25 %")
    assert read.values() == {"differentiation": "well", "stated_grade": "G2", "ki67_percent": "25"}
    [problem] = read.problems
    assert "The report says G2, but “Ki-67 25 %” gives G3 by the WHO 2019 grading (rule WHO2019-KI67-G3)." \
        in problem.message
    assert "The higher grade counts." in problem.message
    assert problem.sources and all(source in SOURCES for source in problem.sources)


def test_the_highest_grade_the_numbers_give_is_compared_as_the_engine_takes_it():
    assert read_line("NET G2, Ki-67 8 %, mitoses 1/2 mm2").problems == ()
    [problem] = read_line("NET G3, Ki-67 8 %, mitoses 1/2 mm2").problems
    assert "gives G2" in problem.message and "may rest on something this line does not show" in problem.message


def test_a_lung_tumours_grade_is_not_checked_against_the_digestive_bands():
    assert read_line("NET G1, Ki-67 25 %", lung=True).problems == ()


def test_a_nec_that_is_not_high_grade_is_flagged():
    [problem] = read_line("NEC G2").problems
    assert "high grade by definition" in problem.message and problem.sources == ("rindi-2018-iarc-who-framework",)


@pytest.mark.parametrize("line", ["", "   ", ",;", "x" * (MAX_LENGTH + 1)])
def test_nothing_or_too_much_gives_a_message_and_no_values(line):
    read = read_line(line)
    assert read.found == () and read.problems


TOKENS = ["NET", "NEC", "G1", "G2", "G3", "Ki-67", "Ki67", "8", "8,5", "25", "%", "pT3", "T1b", "ypT2", "pN1", "N0",
          "(3/14)", "M1a", "cM0", "mitoses", "3/2 mm2", "/10 HPF", "R0", "Pn0", "L1", ",", ";", ":", " ", "(", ")",
          "grade", "well differentiated", "poorly", "<", "-", "é", "\n", "٣", "ｐＴ３"]


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join),
                 st.lists(st.sampled_from(TOKENS), max_size=25).map("".join)))
def test_it_never_raises_and_never_returns_a_value_the_line_does_not_hold(line):
    read = read_line(line)
    squeezed = re.sub(r"\s+", " ", line)
    for found in read.found:
        assert found.printed and found.printed in line
        if found.field in ("t", "n", "m"):
            assert found.value in squeezed
        elif found.field in ("ki67_percent", "mitoses_per_2mm2"):
            assert found.value.replace(".", ",") in found.printed or found.value in found.printed
        elif found.field in ("stated_grade", "margin"):
            assert found.value[-1] in found.printed
    for piece in read.unread:
        assert piece in line
