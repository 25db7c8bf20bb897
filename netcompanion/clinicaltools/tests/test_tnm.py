"""Reading T, N and M as a pathology report prints them."""

import pytest

from netcompanion.clinicaltools.tnm import Category, Unreadable, read_category


@pytest.mark.parametrize("axis, written, expected", [
    ("T", "pT3", Category("T3")),
    ("T", "T1b", Category("T1b")),
    ("T", "ypT2", Category("T2")),
    ("T", "cT4", Category("T4")),
    ("T", "pt3", Category("T3")),
    ("T", "pTX", Category("TX")),
    ("T", "pT3(m)", Category("T3")),
    ("T", "pT3 (4)", Category("T3")),
    ("N", "pN1", Category("N1")),
    ("N", "pN1 (3/14)", Category("N1", 3, 14)),
    ("N", "pN0 (0/12)", Category("N0", 0, 12)),
    ("N", "N1 3 of 14", Category("N1", 3, 14)),
    ("N", " pN1  ( 3 / 14 ) ", Category("N1", 3, 14)),
    ("N", "N2", Category("N2")),
    ("M", "M1a", Category("M1a")),
    ("M", "cM0", Category("M0")),
    ("M", "pM1C", Category("M1c")),
])
def test_the_report_is_read_without_its_prefixes(axis, written, expected):
    assert read_category(axis, written) == expected


@pytest.mark.parametrize("axis, written, says", [
    ("T", "three", "We could not read “three”. Write it as the report does, for example pT3 or T1b."),
    ("T", "", "We could not read “”"),
    ("T", "T9", "We could not read “T9”"),
    ("T", "T10", "We could not read “0” after T1"),
    ("T", "pN1", "“pN1” looks like the N part. Put it in the N box"),
    ("N", "pN1 (3/14) extra", "We could not read “(3/14) extra” after N1"),
    ("N", "pN1 (3)", "for example pN1 or pN1 (3/14)"),
    ("M", "M1a (liver)", "We could not read “(liver)” after M1a"),
    ("M", "M1 (2/3)", "after M1"),
])
def test_junk_is_refused_with_what_to_write_instead(axis, written, says):
    with pytest.raises(Unreadable) as refused:
        read_category(axis, written)
    assert says in str(refused.value)
