"""What a person or a web form sees: results, missing facts, T/N/M given directly, and every refusal."""

import pytest

from netcompanion.staging import EDITION, INVASION_BY_SITE, InvalidInput, StageResult, stage
from netcompanion.staging.tables import WARNINGS

SCOPE, N2, NOT_SPLIT, PANCREAS_2CM, TX_SETTLED, NX_SETTLED, M0_ASSUMED, MASS_ASSUMED = (
    WARNINGS[k][0] for k in ("scope", "n2", "m_not_split", "pancreas_2cm", "tx_settled", "nx_settled", "m0_assumed",
                             "mass_assumed"))


def refusal(data) -> dict[str, str]:
    with pytest.raises(InvalidInput) as e:
        stage(data)
    return {err.field: err.message for err in e.value.errors}


def test_the_issue_example():
    result = stage({"site": "jejunum_ileum", "size_cm": 2.5, "invasion": "subserosa", "nodes_positive": 3,
                    "mesenteric_mass_cm": 0, "metastases": ["liver"]})
    assert isinstance(result, StageResult)
    assert result.as_dict() == {
        "site": "jejunum_ileum", "edition": "AJCC 8th", "tables_version": result.tables_version,
        "T": "T3", "N": "N1", "M": "M1a", "stage": "IV", "stage_reason": None,
        "stage_reason_wording": None,
        "rules": ["JI-T3", "JI-N1", "JI-M1A", "JI-IV"],
        "sources": ["nci-pdq-gi-net-hp", "wjgs-2023-gi-nen-tables"],
        "warnings": [SCOPE],
    }


def test_t_n_m_given_directly():
    result = stage({"site": "pancreas", "T": "T2", "N": "N0", "M": "M0"})
    assert (result.T, result.N, result.M, result.stage, result.edition) == ("T2", "N0", "M0", "II", EDITION)
    assert result.rules == ["T-GIVEN", "N-GIVEN", "M-GIVEN", "PA-II"]


def test_the_result_is_frozen():
    result = stage({"site": "stomach", "T": "T1", "N": "N0"})
    with pytest.raises(ValueError):
        result.stage = "IV"


@pytest.mark.parametrize("data, t, n, m", [
    ({"site": "stomach", "size_cm": 0.8, "invasion": "submucosa", "T": "T1"}, "T1", "NX", "M0"),
    ({"site": "stomach", "invasion": "submucosa", "T": "T2"}, "T2", "NX", "M0"),
    ({"site": "stomach", "size_cm": 0.8, "T": "T3"}, "T3", "NX", "M0"),
    ({"site": "stomach", "size_cm": 0.8, "T": "TX"}, "TX", "NX", "M0"),
    ({"site": "jejunum_ileum", "nodes_positive": 3, "N": "N2"}, "TX", "N2", "M0"),
    ({"site": "jejunum_ileum", "mesenteric_mass_cm": 1.0, "N": "NX"}, "TX", "NX", "M0"),
    ({"site": "colon_rectum", "nodes_positive": 0, "nodes_examined": 12, "N": "N0"}, "TX", "N0", "M0"),
    ({"site": "stomach", "metastases": ["liver"], "M": "M1"}, "TX", "NX", "M1a"),
    ({"site": "duodenum", "metastases": ["bone"], "M": "M1"}, "TX", "NX", "M1"),
    ({"site": "stomach", "metastases": [], "M": "M0"}, "TX", "NX", "M0"),
])
def test_a_category_given_with_facts_that_fit_it_is_kept_or_made_more_precise(data, t, n, m):
    result = stage(data)
    assert (result.T, result.N, result.M) == (t, n, m)


def test_nothing_known_is_tx_nx_m0_and_no_stage():
    result = stage({"site": "stomach"})
    assert (result.T, result.N, result.M, result.stage) == ("TX", "NX", "M0", None)
    assert result.stage_reason == ("The stage depends on the size and depth of the tumour (TX) and on the lymph "
                                   "nodes (NX), which were not given: it could be I, II or III.")


@pytest.mark.parametrize("data, reason", [
    ({"site": "stomach", "size_cm": 0.5, "invasion": "mucosa"},
     "The stage depends on whether lymph nodes have cancer in them, which was not given (NX): it could be I "
     "or III."),
    ({"site": "colon_rectum", "nodes_positive": 0},
     "The stage depends on the size and depth of the tumour, which were not given (TX): it could be I, IIA, "
     "IIB or IIIA."),
    ({"site": "colon_rectum", "invasion": "serosa"},
     "The stage depends on whether lymph nodes have cancer in them, which was not given (NX): it could be IIIA "
     "or IIIB."),
])
def test_a_stage_that_depends_on_a_missing_fact_is_left_open_with_the_reason(data, reason):
    result = stage(data)
    assert result.stage is None
    assert result.stage_reason == reason


@pytest.mark.parametrize("data, group, warning", [
    ({"site": "stomach", "metastases": ["lung"]}, "IV", TX_SETTLED),
    ({"site": "stomach", "T": "T4"}, "III", NX_SETTLED),
    ({"site": "jejunum_ileum", "T": "T4"}, "III", NX_SETTLED),
    ({"site": "pancreas", "nodes_positive": 2}, "III", TX_SETTLED),
])
def test_a_missing_fact_that_cannot_change_the_stage_does_not_hide_it(data, group, warning):
    result = stage(data)
    assert result.stage == group
    assert warning in result.warnings


@pytest.mark.parametrize("data, t", [
    ({"site": "stomach", "invasion": "subserosa"}, "T3"),
    ({"site": "duodenum", "invasion": "muscularis_propria"}, "T2"),
    ({"site": "stomach", "size_cm": 1.5, "invasion": "mucosa"}, "T2"),
    ({"site": "pancreas", "invasion": "duodenum_or_bile_duct"}, "T3"),
    ({"site": "pancreas", "invasion": "large_vessels"}, "T4"),
    ({"site": "appendix", "invasion": "mesoappendix"}, "T3"),
])
def test_depth_alone_gives_t_when_no_size_could_change_it(data, t):
    assert stage(data).T == t


@pytest.mark.parametrize("data, field, could_be", [
    ({"site": "stomach", "invasion": "submucosa"}, "size_cm", "T1 or T2"),
    ({"site": "colon_rectum", "invasion": "mucosa"}, "size_cm", "T1 or T2"),
    ({"site": "pancreas", "invasion": "confined_to_pancreas"}, "size_cm", "T1, T2 or T3"),
    ({"site": "stomach", "size_cm": 0.8}, "invasion", "T1, T2, T3 or T4"),
    ({"site": "stomach", "size_cm": 3.0}, "invasion", "T2, T3 or T4"),
    ({"site": "pancreas", "size_cm": 5.0}, "invasion", "T3 or T4"),
    ({"site": "appendix", "size_cm": 1.0}, "invasion", "T1, T3 or T4"),
])
def test_a_missing_size_or_depth_that_could_change_t_is_asked_for_never_guessed(data, field, could_be):
    errors = refusal(data)
    assert list(errors) == [field]
    assert f"could be {could_be}" in errors[field]


SMALL_BOWEL = {"site": "jejunum_ileum", "size_cm": 0.5, "invasion": "mucosa"}


@pytest.mark.parametrize("data, n, group", [
    ({"site": "jejunum_ileum", "nodes_positive": 3}, "N1", "III"),
    ({**SMALL_BOWEL, "nodes_positive": 0}, "N0", "I"),
    ({**SMALL_BOWEL, "nodes_positive": 3, "nodes_examined": 14, "M": "M0"}, "N1", "III"),
])
def test_a_missing_mesenteric_mass_is_taken_as_none_over_2_cm_and_said(data, n, group):
    result = stage(data)
    assert (result.N, result.stage) == (n, group)
    assert MASS_ASSUMED in result.warnings
    assert "would make it N2, which is stage III" in MASS_ASSUMED


@pytest.mark.parametrize("data, n, group", [
    ({**SMALL_BOWEL, "nodes_positive": 3, "metastases": ["liver"]}, "N1", "IV"),
    ({**SMALL_BOWEL, "nodes_positive": 0, "M": "M1"}, "N0", "IV"),
    ({**SMALL_BOWEL, "nodes_positive": 12}, "N2", "III"),
    ({**SMALL_BOWEL, "nodes_positive": 3, "N": "N1"}, "N1", "III"),
    ({**SMALL_BOWEL, "nodes_positive": 3, "mesenteric_mass_cm": 0}, "N1", "III"),
    ({**SMALL_BOWEL, "nodes_positive": 3, "mesenteric_mass_cm": 2.5}, "N2", "III"),
    ({**SMALL_BOWEL, "nodes_positive": 0, "mesenteric_mass_cm": 2.1}, "N2", "III"),
    ({"site": "stomach", "nodes_positive": 3}, "N1", "III"),
])
def test_no_mass_is_assumed_where_the_answer_cannot_depend_on_it_or_the_mass_is_given(data, n, group):
    result = stage(data)
    assert (result.N, result.stage) == (n, group)
    assert MASS_ASSUMED not in result.warnings


@pytest.mark.parametrize("data, warning, shown", [
    ({"site": "jejunum_ileum", "nodes_positive": 12, "T": "T1"}, N2, True),
    ({"site": "jejunum_ileum", "nodes_positive": 5, "mesenteric_mass_cm": 0, "T": "T1"}, N2, False),
    ({"site": "ampulla", "metastases": ["liver"]}, NOT_SPLIT, True),
    ({"site": "stomach", "metastases": ["liver"]}, NOT_SPLIT, False),
    ({"site": "pancreas", "size_cm": 2.0, "invasion": "confined_to_pancreas"}, PANCREAS_2CM, True),
    ({"site": "pancreas", "size_cm": 2.0, "invasion": "duodenum_or_bile_duct"}, PANCREAS_2CM, False),
    ({"site": "pancreas", "size_cm": 2.5, "invasion": "confined_to_pancreas"}, PANCREAS_2CM, False),
    ({"site": "stomach", "T": "T2", "N": "N0"}, M0_ASSUMED, True),
    ({"site": "stomach", "T": "T2", "N": "N0", "metastases": []}, M0_ASSUMED, False),
    ({"site": "stomach", "T": "T2", "N": "N0", "M": "M0"}, M0_ASSUMED, False),
])
def test_warnings_appear_when_they_apply(data, warning, shown):
    result = stage(data)
    assert (warning in result.warnings) is shown
    assert result.warnings[0] == SCOPE


def test_n2_is_still_stage_iii():
    result = stage({"site": "jejunum_ileum", "size_cm": 0.5, "invasion": "mucosa", "nodes_positive": 0,
                    "mesenteric_mass_cm": 2.5})
    assert (result.T, result.N, result.stage) == ("T1", "N2", "III")


def test_a_small_mesenteric_mass_does_not_change_n():
    result = stage({"site": "jejunum_ileum", "size_cm": 0.5, "invasion": "mucosa", "nodes_positive": 0,
                    "mesenteric_mass_cm": 2.0})
    assert (result.N, result.stage) == ("N0", "I")


def test_every_site_offers_only_its_own_invasion_levels():
    assert INVASION_BY_SITE["pancreas"] == ("confined_to_pancreas", "peripancreatic", "duodenum_or_bile_duct",
                                            "adjacent_organs", "large_vessels")
    assert "confined_to_sphincter" in INVASION_BY_SITE["ampulla"]
    assert "mesoappendix" in INVASION_BY_SITE["appendix"]
    assert "subserosa" not in INVASION_BY_SITE["duodenum"]


@pytest.mark.parametrize("data, field, words", [
    ([], "input", "JSON object"),
    ({}, "site", "required"),
    ({"site": "liver"}, "site", "'stomach'"),
    ({"site": "stomach", "grade": 2}, "grade", "unknown field"),
    ({"site": "stomach", "size_cm": 0}, "size_cm", "greater than 0"),
    ({"site": "stomach", "size_cm": -1.5}, "size_cm", "greater than 0"),
    ({"site": "stomach", "size_cm": "2"}, "size_cm", "valid number"),
    ({"site": "stomach", "nodes_positive": -1}, "nodes_positive", "greater than or equal to 0"),
    ({"site": "stomach", "nodes_positive": 2.5}, "nodes_positive", "valid integer"),
    ({"site": "stomach", "nodes_positive": True}, "nodes_positive", "valid integer"),
    ({"site": "stomach", "nodes_examined": -2}, "nodes_examined", "greater than or equal to 0"),
    ({"site": "jejunum_ileum", "mesenteric_mass_cm": -1}, "mesenteric_mass_cm", "greater than or equal to 0"),
    ({"site": "stomach", "metastases": ["spleen"]}, "metastases[0]", "'liver'"),
    ({"site": "stomach", "metastases": ["liver", "liver"]}, "metastases", "list each place once"),
    ({"site": "stomach", "metastases": "liver"}, "metastases", "valid list"),
    ({"site": "stomach", "invasion": "mesoappendix"}, "invasion", "use one of: mucosa, submucosa, "
                                                                  "muscularis_propria, subserosa, serosa"),
    ({"site": "pancreas", "invasion": "submucosa"}, "invasion", "use one of: confined_to_pancreas"),
    ({"site": "duodenum", "invasion": "subserosa"}, "invasion", "not an invasion level for the duodenum"),
    ({"site": "stomach", "nodes_positive": 5, "nodes_examined": 3}, "nodes_positive", "more nodes with cancer"),
    ({"site": "stomach", "N": "N2"}, "N", "use one of: NX, N0, N1"),
    ({"site": "pancreas", "N": "N2"}, "N", "not an AJCC 8th N category for the pancreas"),
    ({"site": "stomach", "T": "T1a"}, "T", "not an AJCC 8th T category for the stomach"),
    ({"site": "stomach", "T": "Tis"}, "T", "use one of: TX, T1, T2, T3, T4"),
    ({"site": "duodenum", "M": "M1a"}, "M", "use one of: M0, M1"),
    ({"site": "stomach", "M": "MX"}, "M", "use one of: M0, M1, M1a, M1b, M1c"),
    ({"site": "stomach", "mesenteric_mass_cm": 3}, "mesenteric_mass_cm", "not part of staging for the stomach"),
    ({"site": "stomach", "size_cm": 0.8, "invasion": "submucosa", "T": "T2"}, "T", "which make it T1"),
    ({"site": "stomach", "invasion": "serosa", "T": "T3"}, "T", "which make it T4"),
    ({"site": "stomach", "invasion": "submucosa", "T": "T3"}, "T", "which make it T1 or T2"),
    ({"site": "stomach", "invasion": "serosa", "T": "TX"}, "T", "TX means the tumour cannot be assessed"),
    ({"site": "colon_rectum", "size_cm": 1.5, "invasion": "mucosa", "T": "T1a"}, "T", "does not fit a size"),
    ({"site": "colon_rectum", "size_cm": 0.9, "T": "T1b"}, "T", "T1b does not fit a size of 0.9 cm"),
    ({"site": "stomach", "nodes_positive": 0, "N": "N1"}, "N", "which make it N0"),
    ({"site": "stomach", "nodes_positive": 2, "N": "NX"}, "N", "NX means the lymph nodes cannot be assessed"),
    ({"site": "jejunum_ileum", "nodes_positive": 3, "mesenteric_mass_cm": 0, "N": "N2"}, "N", "make it N1"),
    ({"site": "jejunum_ileum", "mesenteric_mass_cm": 4, "N": "N1"}, "N", "which make it N2"),
    ({"site": "stomach", "metastases": [], "M": "M1"}, "M", "which make it M0"),
    ({"site": "stomach", "metastases": ["liver"], "M": "M1b"}, "M", "which make it M1a"),
    ({"site": "pancreas", "metastases": ["liver", "bone"], "M": "M1a"}, "M", "which make it M1c"),
])
def test_impossible_or_contradictory_input_is_refused_naming_the_field(data, field, words):
    errors = refusal(data)
    assert field in errors, errors
    assert words in errors[field]


def test_every_contradiction_is_named_at_once():
    errors = refusal({"site": "stomach", "invasion": "serosa", "T": "T1", "nodes_positive": 0, "N": "N1",
                      "metastases": [], "M": "M1"})
    assert list(errors) == ["T", "N", "M"]
