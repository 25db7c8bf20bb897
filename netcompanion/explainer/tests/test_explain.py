"""What a patient reads for a result, and which results are refused."""

import itertools
import subprocess
import sys

import pytest

from netcompanion.explainer import GUIDE_URL, InvalidInput, explain
from netcompanion.explainer.tests.cases import EXAMPLE, followup, grade, item, lung, stage


def sections(*inputs) -> dict[str, str]:
    """Each section's text by id, as one string."""
    return {s["id"]: " ".join(s["paragraphs"]) for s in explain(*inputs).as_dict()["sections"]}


def test_the_issue_example_in_plain_words():
    text = sections(*EXAMPLE)
    assert "slow to moderate pace" in text["grade"]
    assert "small intestine" in text["grade"]
    assert "spread to nearby lymph nodes" in text["stage"]
    assert "spread to the liver" in text["stage"]
    assert "Stage IV" in text["stage"]
    assert "live with it for several years" in text["stage"]
    assert "CT or MRI scan of the tummy (abdomen). Every 6 to 12 months" in text["next"]
    assert text["questions"].count("?") >= 4
    for code in ("NET means", "G2 means", "T3 means", "N1 means tumour cells were found in nearby lymph nodes",
                 "M1a means spread to the liver only", "as in pT3"):
        assert code in text["glossary"]


def test_headings_link_and_reminder():
    result = explain(*EXAMPLE).as_dict()
    assert [s["heading"] for s in result["sections"]] == [
        "What your grade means", "What your stage means", "What usually comes next", "Questions to ask your doctor",
        "The codes on your report"]
    assert result["guide_url"] == GUIDE_URL == "/guide/understanding-your-report/"
    assert "does not replace your care team" in result["reminder"]


@pytest.mark.parametrize("given", list(itertools.product([True, False], repeat=3)))
def test_any_subset_of_results_is_explained(given):
    inputs = [value if wanted else None for value, wanted in zip(EXAMPLE, given, strict=True)]
    ids = [s["id"] for s in explain(*inputs).as_dict()["sections"]]
    expected = (["grade"] * given[0] + ["stage"] * given[1] + ["next", "questions"]
                + ["glossary"] * (given[0] or given[1]))
    assert ids == expected


def test_without_a_grade_or_stage_the_questions_ask_for_them():
    text = sections(None, None, None)["questions"]
    assert "What is my grade?" in text and "What is my stage?" in text and "NET or a NEC" in text


@pytest.mark.parametrize("result, says", [
    (grade(), "grade could be higher once the mitotic count is known"),
    (grade(grade="G1", by_ki67=None, by_mitoses="G1", decided_by="mitoses"),
     "grade could be higher once the Ki-67 index is known"),
    (grade(by_ki67="G1", by_mitoses="G2", decided_by="mitoses"), "The higher grade counts. So your grade is G2"),
    (grade(category="NEC", grade=None, high_grade=True, decided_by="differentiation", by_ki67="G1"),
     "lower than is usual for that"),
    (lung("high_grade", by_mitoses="typical_carcinoid", decided_by="differentiation"), "lower than is usual"),
    (lung("typical_carcinoid"), "not sorted by the Ki-67 index"),
])
def test_what_the_grading_engine_warns_about_is_said_in_plain_words(result, says):
    assert says in sections(result, None, None)["grade"]


def test_a_grade_from_both_indices_has_no_missing_index_note():
    text = sections(grade(grade="G2", by_ki67="G2", by_mitoses="G2", decided_by="both"), None, None)
    assert "could be higher" not in text["grade"] and "measured too" not in text["questions"]


def test_engine_warnings_are_kept_for_the_team_and_become_a_question():
    result = explain(grade(warnings=["Only the Ki-67 index was given."]), stage(T="TX", M="M0", group=None),
                     followup(item(), notes=("SSTR PET is not routine.",)))
    assert [(n.engine, n.text) for n in result.engine_notes] == [
        ("grade", "Only the Ki-67 index was given."), ("stage", "T is TX, so the stage group cannot be set"),
        ("followup", "SSTR PET is not routine.")]
    assert "notes for my team" in " ".join(result.sections[3].paragraphs)
    assert "notes for my team" not in " ".join(explain(*EXAMPLE).sections[3].paragraphs)


@pytest.mark.parametrize("result, says", [
    (lung("typical_carcinoid"), "Typical carcinoids grow slowly and rarely spread"),
    (lung("atypical_carcinoid"), "tend to grow and spread faster than typical ones"),
    (lung("high_grade"), "high-grade lung tumour, not a carcinoid"),
    (grade(category="NEC", grade=None, high_grade=True, decided_by="differentiation", by_ki67="G3"),
     "NETs and NECs are very different"),
])
def test_lung_and_nec_results(result, says):
    assert says in sections(result, None, None)["grade"]


def test_stage_iv_is_honest_and_calm_and_points_to_the_team():
    text = sections(None, stage(), None)["stage"]
    assert "Many NETs grow slowly" in text and "does not tell how things will go for one person" in text
    assert "best people to talk with" in text
    fast = sections(grade(grade="G3", by_ki67="G3", high_grade=True), stage(), None)["stage"]
    assert "Many NETs grow slowly" not in fast and "does not tell how things will go" in fast


def test_without_spread_the_stage_says_so_and_no_spread_text_appears():
    text = sections(None, stage("stomach", "T1", "N0", "M0", "I"), None)
    assert "small tumour that has not spread" in text["stage"] and "several years" not in text["stage"]
    assert "the main treatment is often an operation" in text["next"]


@pytest.mark.parametrize("site, T, says", [
    ("jejunum_ileum", "T2", "bigger than 1 cm"),
    ("colon_rectum", "T2", "bigger than 2 cm"),
    ("appendix", "T3", "bigger than 4 cm"),
    ("duodenum", "T3", "into the pancreas"),
    ("ampulla", "T1", "ring of muscle around the ampulla"),
    ("pancreas", "T2", "group T2, the second of four"),
])
def test_t_is_explained_with_the_site_own_limits(site, T, says):
    group = "II" if site != "colon_rectum" else "IIA"
    assert says in sections(None, stage(site, T, "N0", "M0", group), None)["stage"]


def test_n2_mentions_the_mesenteric_mass_and_stays_stage_iii():
    text = sections(None, stage(T="T2", N="N2", M="M0", group="III"), None)["stage"]
    assert "bigger than 2 cm in the mesentery" in text and "N2 still counts as stage III" in text


def test_a_missing_stage_group_says_why_and_asks():
    text = sections(None, stage(T="TX", N="N0", M="M0", group=None), None)
    assert "do not give enough details to set a stage group" in text["stage"]
    assert "could not be checked" in text["stage"]
    assert "Which parts of my stage could not be checked?" in text["questions"]


def test_a_nec_with_a_stage_is_told_the_rules_were_written_for_nets():
    nec = grade(category="NEC", grade=None, high_grade=True, decided_by="differentiation", by_ki67="G3")
    text = sections(nec, stage(), None)
    assert "stage rules used here were written for NETs" in text["stage"]
    assert "When a NET has spread" not in text["next"] and "plan treatment for the type you have" in text["next"]


@pytest.mark.parametrize("check, says", [
    (item(every_months=[12, 12], for_years=10, first_after_months=None), "Every 12 months, for 10 years."),
    (item(for_years=1), "for 1 year."),
    (item(), "with no set end date. The first one is due about 6 months after the start of follow-up."),
    (item(first_after_months=72), "The first one is due about 6 years after"),
    (item(first_after_months=1), "about 1 month after"),
    (item(every_months=[1, 1]), "Every 1 month,"),
    (item(), "This timing follows ESMO 2020."),
    (item(overridden_by_clinic=True, every_months=[3, 3], guideline_every_months=[6, 12]),
     "Every 3 months, with no set end date."),
    (item(overridden_by_clinic=True, guideline_every_months=[6, 12]), "Your clinic has set its own timing"),
])
def test_each_follow_up_check_is_one_plain_line(check, says):
    assert says in sections(None, None, followup(check))["next"]


def test_notes_of_follow_up_checks_are_kept_once_for_the_team():
    checks = followup(item(note="Longer gaps are allowed after 5 years."),
                      item(id="B", note="Longer gaps are allowed after 5 years.", clinic_note="Booked by Anna."),
                      notes=("SSTR PET is not routine.",))
    assert [n.text for n in explain(None, None, checks).engine_notes] == [
        "SSTR PET is not routine.", "Longer gaps are allowed after 5 years.", "Booked by Anna."]


def test_t1a_of_the_rectum_is_explained_as_part_of_t1():
    text = sections(None, stage("colon_rectum", "T1a", "N0", "M0", "I"), None)
    assert "2 cm or smaller" in text["stage"] and "T1a and T1b are parts of group T1" in text["glossary"]


def test_no_routine_follow_up_is_said_and_left_to_the_team():
    text = sections(None, None, followup(none=True))["next"]
    assert "no routine check-ups are needed" in text and "check this with your care team" in text


def test_the_explanation_is_frozen_and_its_dict_is_plain_json():
    result = explain(*EXAMPLE)
    with pytest.raises(AttributeError):
        result.reminder = "changed"
    data = result.as_dict()
    assert set(data) == {"sections", "guide_url", "reminder", "engine_notes", "text_ids", "sources"}
    assert set(data["sections"][0]) == {"id", "heading", "paragraphs", "sources"}


def test_tuples_from_an_engine_are_accepted_like_json_lists():
    as_tuples = followup(item(every_months=(6, 12)))
    as_tuples["items"] = tuple(as_tuples["items"])
    assert explain(None, None, as_tuples) == explain(None, None, followup(item()))


@pytest.mark.parametrize("inputs, field", [
    ((grade(grade="G4"), None, None), "grade.grade"),
    ((grade(mood="calm"), None, None), "grade.mood"),
    ((grade(site="liver"), None, None), "grade.site"),
    ((grade(high_grade="no"), None, None), "grade.high_grade"),
    ((grade(grade=None), None, None), "grade.grade"),
    ((grade(grade="G1"), None, None), "grade.grade"),
    ((grade(grade="G3"), None, None), "grade.high_grade"),
    ((grade(classification="WHO 2021"), None, None), "grade.classification"),
    ((grade(category="typical_carcinoid", grade=None), None, None), "grade.category"),
    ((grade(category="NEC", high_grade=True, decided_by="differentiation"), None, None), "grade.grade"),
    ((grade(decided_by="mitoses"), None, None), "grade.decided_by"),
    ((grade(decided_by="necrosis"), None, None), "grade.decided_by"),
    ((grade(by_ki67=None), None, None), "grade.decided_by"),
    ((grade(synonym="NET G2"), None, None), "grade.synonym"),
    ((lung("typical_carcinoid") | {"synonym": None}, None, None), "grade.synonym"),
    ((lung("typical_carcinoid", by_mitoses="atypical_carcinoid"), None, None), "grade.category"),
    ((lung("atypical_carcinoid") | {"by_ki67": "G2"}, None, None), "grade.by_ki67"),
    ((lung("atypical_carcinoid", by_mitoses="G2"), None, None), "grade.by_mitoses"),
    ((None, stage(N="N5"), None), "stage.N"),
    ((None, stage(T="T1a", group="IV"), None), "stage.T"),
    ((None, stage(edition="AJCC 9th"), None), "stage.edition"),
    ((None, stage("lung"), None), "stage.site"),
    ((None, stage("stomach", "T2", "N2", "M0", "III"), None), "stage.N"),
    ((None, stage(M="M0"), None), "stage.stage"),
    ((None, stage(N="N1", M="M1", group="III"), None), "stage.stage"),
    ((None, stage(M="M1", group=None), None), "stage.stage"),
    ((None, stage("colon_rectum", "T2", "N0", "M0", "II"), None), "stage.stage"),
    ((None, stage("pancreas", "T2", "N0", "M0", "IIA"), None), "stage.stage"),
    ((None, stage(T="TX", M="M0", group=None, stage_reason=None), None), "stage.stage_reason"),
    ((grade("pancreas"), stage("stomach"), None), "stage.site"),
    ((None, None, followup(item(kind="x-ray"))), "followup.items[0].kind"),
    ((None, None, followup(item(every_months=[12, 6]))), "followup.items[0].every_months"),
    ((None, None, followup(item(every_months=[6]))), "followup.items[0].every_months"),
    ((None, None, followup(item(every_months=[0, 6]))), "followup.items[0].every_months[0]"),
    ((None, None, followup(item(for_years=0))), "followup.items[0].for_years"),
    ((None, None, followup(item(), none=True)), "followup.no_routine_follow_up"),
    ((None, None, followup(item()) | {"items": None}), "followup.items"),
    (("G2", None, None), "grade"),
    ((None, ["IV"], None), "stage"),
])
def test_a_result_that_is_unknown_or_contradicts_itself_is_refused_naming_the_field(inputs, field):
    with pytest.raises(InvalidInput) as refused:
        explain(*inputs)
    assert field in [e.field for e in refused.value.errors]
    assert all(e.message for e in refused.value.errors)


def test_every_bad_field_of_all_three_results_is_named_at_once():
    with pytest.raises(InvalidInput) as refused:
        explain(grade(grade="G4"), stage(N="N5"), followup(item(kind="x-ray")))
    assert {e.field for e in refused.value.errors} == {"grade.grade", "stage.N", "followup.items[0].kind"}
    assert isinstance(refused.value, ValueError)


def test_an_unknown_value_is_refused_with_the_values_allowed():
    with pytest.raises(InvalidInput) as refused:
        explain(grade(grade="G4"), None, None)
    assert "'G1', 'G2' or 'G3'" in refused.value.errors[0].message


def test_the_explainer_runs_without_django():
    code = "import sys, netcompanion.explainer; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
