"""Each guideline outcome, and the rule that a missing fact never gives a lighter schedule."""

import pytest

from netcompanion.followup import RULESET_VERSION, suggest
from netcompanion.followup.rules import SCHEDULES

SMALL_RECTAL = {"site": "colon_rectum", "rectum": True, "grade": "G1", "size_cm": 0.8, "N": "N0", "M": "M0",
                "resected": True, "margin": "R0", "adverse_features": False}
SMALL_PANCREAS = {"site": "pancreas", "grade": "G1", "ki67_percent": 1, "size_cm": 1.5, "N": "N0", "M": "M0",
                  "resected": True, "margin": "R0"}
APPENDIX = {"site": "appendix", "grade": "G1", "N": "N0", "M": "M0", "resected": True, "margin": "R0",
            "adverse_features": False}


def plan(**facts):
    """The schedule rule that decided, and each item as (id, every_months, first_after_months, for_years)."""
    s = suggest(facts)
    return s.rules[0], [(i.id, i.every_months, i.first_after_months, i.for_years) for i in s.items]


@pytest.mark.parametrize("facts", [
    SMALL_RECTAL,
    {**APPENDIX, "size_cm": 0.9},
    {**APPENDIX, "size_cm": 0.9, "N": None, "M": None, "stage": "I"},
])
def test_a_small_g1_appendix_or_rectal_net_removed_completely_needs_no_routine_follow_up(facts):
    s = suggest(facts)
    assert s.no_routine_follow_up is True
    assert s.items == []
    assert s.rules == ["FU-ESMO-NO-FU-APPENDIX-RECTUM"]
    assert "No routine follow-up checks are needed" in s.notes[0]
    assert s.sources == ["esmo-gep-nen-2020", "ncuk-follow-up-investigations"]


@pytest.mark.parametrize("change", [
    {"size_cm": 1.0}, {"grade": "G2", "ki67_percent": 4}, {"margin": "R1"}, {"adverse_features": True},
    {"N": "N1", "stage": "IIIB"}, {"M": "M1a", "stage": "IV"}, {"rectum": False},
])
def test_the_no_follow_up_rule_needs_every_one_of_its_conditions(change):
    s = suggest({**SMALL_RECTAL, **change})
    assert s.no_routine_follow_up is False
    assert any(i.kind == "imaging" for i in s.items)


@pytest.mark.parametrize("change, rule", [
    ({"size_cm": 1.0}, "FU-CZ-APPENDIX-1-2CM"), ({"size_cm": 2.0}, "FU-CZ-APPENDIX-1-2CM"),
    ({"size_cm": 2.1}, "FU-CZ-APPENDIX-OVER-2CM"), ({"size_cm": 6.0, "N": "N1", "stage": "III"},
                                                    "FU-CZ-APPENDIX-OVER-2CM"),
    ({"size_cm": 0.5, "grade": "G2"}, "FU-CZ-APPENDIX-UNDER-1CM"),
    ({"size_cm": 0.5, "adverse_features": True}, "FU-CZ-APPENDIX-UNDER-1CM"),
])
def test_an_appendix_net_outside_esmos_no_follow_up_rule_is_checked_twice_in_year_one_then_yearly(change, rule):
    s = suggest({**APPENDIX, **change})
    items = [(i.id, i.every_months, i.first_after_months, i.for_years) for i in s.items]
    assert s.rules[0] == rule
    assert ("CZ-APPX-SCAN-Y1", (6, 6), 6, 1) in items
    assert ("CZ-APPX-SCAN-YEARLY", (12, 12), 24, None) in items
    assert {i.guideline for i in s.items} == {"Czech national guideline (ENETS-based)"}


def test_under_1_cm_the_note_says_the_czech_guideline_would_need_no_checks_but_esmo_asks_for_g1():
    note = suggest({**APPENDIX, "size_cm": 0.5, "grade": "G2"}).notes[0]
    assert "sees no need for routine checks" in note and "ESMO limits this to G1" in note


def test_for_a_1_to_2_cm_appendix_net_the_note_says_the_czech_guideline_only_asks_to_consider_follow_up():
    assert "worth considering" in suggest({**APPENDIX, "size_cm": 1.5}).notes[0]


def test_an_appendix_net_with_an_r1_margin_gets_esmos_closer_checks_at_any_size():
    assert plan(**{**APPENDIX, "size_cm": 1.5, "margin": "R1"})[0] == "FU-ESMO-RESECTED-G1G2"
    assert plan(**{**APPENDIX, "size_cm": 3.0, "margin": "R1"})[0] == "FU-ESMO-RESECTED-G1G2"


def test_a_small_g1_node_negative_pancreatic_net_removed_completely_needs_no_follow_up():
    s = suggest(SMALL_PANCREAS)
    assert (s.no_routine_follow_up, s.items, s.rules) == (True, [], ["FU-CN-PANC-NO-FU"])
    assert s.sources == ["commnets-nanets-2018-follow-up"]


@pytest.mark.parametrize("change", [
    {"size_cm": 2.0}, {"size_cm": 3.5}, {"grade": "G2", "ki67_percent": 4},
])
def test_other_resected_pancreatic_nets_have_a_yearly_scan_for_3_years_then_every_1_to_2_years_to_10(change):
    decided, items = plan(**{**SMALL_PANCREAS, **change, "functioning": False})
    assert decided == "FU-CN-PANC-RESECTED"
    assert items == [
        ("CN-PANC-VISIT-Y1-3", (12, 12), 12, 3), ("CN-PANC-SCAN-Y1-3", (12, 12), 12, 3),
        ("CN-PANC-VISIT-Y4-10", (12, 24), 48, 10), ("CN-PANC-SCAN-Y4-10", (12, 24), 48, 10),
    ]


@pytest.mark.parametrize("change", [
    {"N": "N1", "stage": "III"}, {"grade": "G2", "ki67_percent": 5.1},
])
def test_a_pancreatic_net_with_an_affected_node_or_ki67_above_5_is_checked_more_often_with_esmos_interval(change):
    s = suggest({**SMALL_PANCREAS, "size_cm": 2.5, **change})
    assert s.rules[0] == "FU-ESMO-RESECTED-G1G2"
    assert "FU-NOTE-CN-PANC-HIGHER-RISK" in s.rules
    assert any("They set no interval, so ESMO's is used" in n for n in s.notes)
    assert min(i.every_months[0] for i in s.items if i.kind == "imaging") == 6


@pytest.mark.parametrize("site", ["stomach", "duodenum", "ampulla", "jejunum_ileum", "colon_rectum"])
@pytest.mark.parametrize("grade", ["G1", "G2"])
def test_a_removed_g1_or_g2_net_is_checked_every_6_to_12_months_for_life_with_longer_gaps_after_5_years(site, grade):
    decided, items = plan(site=site, grade=grade, resected=True, margin="R1", M="M0", functioning=False)
    assert decided == "FU-ESMO-RESECTED-G1G2"
    assert items == [
        ("ESMO-G12-VISIT", (6, 12), 6, 5), ("ESMO-G12-SCAN", (6, 12), 6, 5),
        ("ESMO-G12-VISIT-AFTER-5Y", (12, 24), 72, None), ("ESMO-G12-SCAN-AFTER-5Y", (12, 24), 72, None),
    ]
    assert {i.guideline for i in suggest({"site": site, "grade": grade, "resected": True, "margin": "R1",
                                          "M": "M0"}).items} == {"ESMO 2020"}


@pytest.mark.parametrize("spread", [{"M": "M1a"}, {"stage": "IV"}, {}])
def test_a_removed_primary_with_distant_spread_or_unknown_spread_keeps_6_to_12_months_for_life(spread):
    """The margin is the primary tumour's: spread elsewhere, or not knowing, is not "all removed"."""
    s = suggest({"site": "jejunum_ileum", "grade": "G2", "resected": True, "margin": "R0", "functioning": False,
                 **spread})
    assert s.rules[0] == "FU-ESMO-ADVANCED-G1G2"
    assert {(i.every_months, i.for_years) for i in s.items} == {((6, 12), None)}
    if not spread:
        assert any(note.startswith("Not yet known:") and "M" in note for note in s.notes)


@pytest.mark.parametrize("facts", [
    {"grade": "G3", "category": "NET"}, {"category": "NEC"}, {"grade": "G3", "category": "NEC"}, {"grade": "G3"},
])
@pytest.mark.parametrize("resected", [True, False])
def test_g3_and_nec_are_checked_every_2_to_3_months_for_life(facts, resected):
    decided, items = plan(site="pancreas", resected=resected, functioning=False, **facts)
    assert decided == "FU-ESMO-G3-NEC"
    assert items == [("ESMO-G3-VISIT", (2, 3), 2, None), ("ESMO-G3-SCAN", (2, 3), 2, None)]


def test_a_net_g3_note_explains_the_shorter_gap_is_a_choice_between_esmos_two_intervals():
    assert "FU-NOTE-ESMO-NET-G3" in suggest({"site": "stomach", "grade": "G3", "category": "NET",
                                             "resected": True}).rules
    assert "FU-NOTE-ESMO-NET-G3" not in suggest({"site": "stomach", "category": "NEC", "resected": True}).rules


@pytest.mark.parametrize("facts", [
    {"resected": False}, {"resected": True, "margin": "R2"}, {"resected": False, "M": "M1c", "stage": "IV"},
])
def test_a_g1_g2_net_not_removed_completely_keeps_esmos_similar_intervals_for_life(facts):
    s = suggest({"site": "jejunum_ileum", "grade": "G2", "functioning": False, **facts})
    assert s.rules[0] == "FU-ESMO-ADVANCED-G1G2"
    assert [(i.id, i.every_months, i.for_years) for i in s.items] == [
        ("ESMO-ADV-G12-VISIT", (6, 12), None), ("ESMO-ADV-G12-SCAN", (6, 12), None)]
    assert "same gaps between checks as after surgery" in s.notes[0]


def test_a_removed_lung_carcinoid_follows_nccn_to_10_years():
    s = suggest({"site": "lung", "category": "atypical_carcinoid", "resected": True, "margin": "R0",
                 "functioning": False})
    assert s.rules[0] == "FU-NCCN-LUNG-RESECTED"
    assert [(i.id, i.every_months, i.first_after_months, i.for_years) for i in s.items] == [
        ("NCCN-LUNG-VISIT", (12, 24), 3, 10), ("NCCN-LUNG-SCAN", (12, 24), 3, 10)]
    assert s.items[1].check == "CT scan of the chest, and a CT or MRI scan of the tummy (abdomen)"
    assert {i.guideline for i in s.items} == {"NCCN 2026 (secondary)"}


@pytest.mark.parametrize("facts", [
    {"category": "high_grade", "resected": True}, {"category": "typical_carcinoid", "resected": False},
    {"category": "typical_carcinoid", "resected": True, "margin": "R2"},
])
def test_a_lung_tumour_no_source_covers_gets_no_invented_schedule_and_says_the_care_team_plans_it(facts):
    s = suggest({"site": "lung", **facts})
    assert (s.rules, s.items, s.no_routine_follow_up) == (["FU-LUNG-NO-SCHEDULE"], [], False)
    assert "Your care team will plan your checks." in s.notes[0]


def test_nccns_advice_against_routine_sstr_and_fdg_pet_is_a_note_not_a_check():
    s = suggest({"site": "jejunum_ileum", "grade": "G2", "resected": True, "margin": "R0"})
    assert "FU-NOTE-NO-SSTR-FDG" in s.rules
    assert any("FDG-PET" in n and "not used for routine checks" in n for n in s.notes)
    assert not any("PET" in i.check for i in s.items)


@pytest.mark.parametrize("functioning, markers, note", [(True, True, False), (None, True, True),
                                                        (False, False, False)])
def test_hormone_tests_are_only_for_a_tumour_that_makes_hormones_or_may_do(functioning, markers, note):
    s = suggest({"site": "jejunum_ileum", "grade": "G1", "resected": True, "margin": "R0",
                 "functioning": functioning})
    assert any(i.kind == "blood" for i in s.items) is markers
    assert ("FU-NOTE-FUNCTIONING-UNKNOWN" in s.rules) is note
    assert ("FU-NOTE-NO-CGA" in s.rules) is markers


def test_no_check_is_chromogranin_a_and_the_note_cites_ajcc_version_9():
    s = suggest({"site": "pancreas", "grade": "G2", "resected": False, "functioning": True})
    assert not any("chromogranin" in i.check.lower() or "CgA" in i.check for i in s.items)
    assert any("AJCC version 9 advises against it" in n for n in s.notes)
    assert "ajcc-v9-gep-net-2024" in s.sources


NO_FU_RECTAL, NO_FU_PANCREAS = "FU-ESMO-NO-FU-APPENDIX-RECTUM", "FU-CN-PANC-NO-FU"


@pytest.mark.parametrize("facts, missing, lighter", [
    ({**SMALL_RECTAL, "size_cm": None}, "the size of the tumour", NO_FU_RECTAL),
    ({**SMALL_RECTAL, "margin": None}, "margin R0, R1 or R2", NO_FU_RECTAL),
    ({**SMALL_RECTAL, "N": None}, "whether lymph nodes were affected (N)", NO_FU_RECTAL),
    ({**SMALL_RECTAL, "N": "NX"}, "whether lymph nodes were affected (N)", NO_FU_RECTAL),
    ({**SMALL_RECTAL, "M": None}, "spread to distant organs (M)", NO_FU_RECTAL),
    ({**SMALL_RECTAL, "grade": None}, "the grade", NO_FU_RECTAL),
    ({**SMALL_RECTAL, "adverse_features": None}, "adverse features", NO_FU_RECTAL),
    ({**SMALL_RECTAL, "rectum": None}, "in the rectum or the colon", NO_FU_RECTAL),
    ({**SMALL_PANCREAS, "size_cm": None}, "the size of the tumour", NO_FU_PANCREAS),
    ({**SMALL_PANCREAS, "N": None}, "whether lymph nodes were affected", NO_FU_PANCREAS),
    ({**SMALL_PANCREAS, "grade": None}, "the grade", NO_FU_PANCREAS),
    ({**SMALL_PANCREAS, "margin": None}, "margin", NO_FU_PANCREAS),
    ({**SMALL_PANCREAS, "size_cm": 3, "grade": "G2", "ki67_percent": None}, "the Ki-67 index",
     "FU-CN-PANC-RESECTED"),
    ({**APPENDIX, "size_cm": 1.5, "M": None}, "distant organs", "FU-CZ-APPENDIX-1-2CM"),
    ({**APPENDIX, "size_cm": None, "grade": "G2"}, "the size of the tumour", "FU-CZ-APPENDIX-OVER-2CM"),
    ({"site": "lung", "resected": True}, "the type of lung tumour", "FU-NCCN-LUNG-RESECTED"),
])
def test_a_missing_fact_never_gives_the_lighter_schedule_and_a_note_names_it(facts, missing, lighter):
    s = suggest(facts)
    assert s.no_routine_follow_up is False
    assert lighter not in s.rules
    summary = next(r.summary for r in SCHEDULES if r.id == lighter)
    [note] = [n for n in s.notes if n.startswith("Not yet known:") and n.endswith(summary)]
    assert missing in note


def test_without_a_grade_the_shortest_esmo_interval_is_suggested_until_it_is_known():
    s = suggest({"site": "stomach", "resected": True, "margin": "R0"})
    assert s.rules[0] == "FU-ESMO-GRADE-UNKNOWN"
    assert {i.every_months for i in s.items} == {(2, 3)}
    assert any(n.startswith("Not yet known: the grade") for n in s.notes)


def test_an_unknown_margin_keeps_the_life_long_6_to_12_month_interval():
    s = suggest({"site": "stomach", "grade": "G1", "resected": True})
    assert s.rules[0] == "FU-ESMO-ADVANCED-G1G2"
    assert any("whether the edges of the removed tissue were clear" in n for n in s.notes)


def test_the_result_carries_rules_sources_and_the_ruleset_version():
    s = suggest({"site": "pancreas", "grade": "G2", "ki67_percent": 4, "size_cm": 2.5, "N": "N0", "M": "M0",
                 "resected": True, "margin": "R0"})
    d = s.as_dict()
    assert d["ruleset_version"] == RULESET_VERSION
    assert d["rules"][0] == "FU-CN-PANC-RESECTED"
    assert d["items"][0]["every_months"] == [12, 12]
    assert set(d["items"][0]) >= {"id", "check", "kind", "every_months", "first_after_months", "for_years",
                                  "guideline", "sources", "rule_id"}
    assert all(i["rule_id"] == "FU-CN-PANC-RESECTED" for i in d["items"])
    assert "commnets-nanets-2018-follow-up" in d["sources"]
