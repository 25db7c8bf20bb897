"""Fail-safe properties over generated tumours: more disease never gives a lower category or stage."""

from hypothesis import given, settings
from hypothesis import strategies as st

from netcompanion.staging import INVASION_BY_SITE, METASTASIS_PLACES, SITES, InvalidInput, stage

T_RANK = {"T1": 1, "T1a": 1, "T1b": 1, "T2": 2, "T3": 3, "T4": 4}
N_RANK = {"N0": 0, "N1": 1, "N2": 2}
M_RANK = {"M0": 0, "M1": 1, "M1a": 1, "M1b": 1, "M1c": 2}
STAGE_RANK = {"I": 1, "II": 2, "IIA": 2, "IIB": 2.5, "III": 3, "IIIA": 3, "IIIB": 3.5, "IV": 4}
sites = st.sampled_from(list(SITES))
sizes = st.floats(min_value=0.05, max_value=12, allow_nan=False).map(lambda cm: round(cm, 2))
ALL_LEVELS = sorted({level for levels in INVASION_BY_SITE.values() for level in levels})
anything = st.fixed_dictionaries({"site": sites}, optional={
    "size_cm": st.one_of(sizes, st.just(0)), "invasion": st.sampled_from(ALL_LEVELS),
    "nodes_positive": st.integers(-1, 30), "nodes_examined": st.integers(0, 30),
    "mesenteric_mass_cm": st.floats(min_value=0, max_value=5),
    "metastases": st.lists(st.sampled_from(METASTASIS_PLACES)),
    "T": st.sampled_from(["TX", "T1", "T1a", "T1b", "T2", "T3", "T4"]),
    "N": st.sampled_from(["NX", "N0", "N1", "N2"]),
    "M": st.sampled_from(["M0", "M1", "M1a", "M1b", "M1c"]),
})


@st.composite
def tumours(draw):
    site = draw(sites)
    return {"site": site, "size_cm": draw(sizes), "invasion": draw(st.sampled_from(INVASION_BY_SITE[site]))}


@settings(max_examples=500, deadline=None)
@given(tumours(), st.floats(min_value=0.01, max_value=5).map(lambda cm: round(cm, 2)))
def test_a_larger_tumour_never_gets_a_lower_t(tumour, more):
    larger = {**tumour, "size_cm": tumour["size_cm"] + more}
    assert T_RANK[stage(larger).T] >= T_RANK[stage(tumour).T]


@settings(max_examples=500, deadline=None)
@given(tumours(), st.integers(1, 6))
def test_a_deeper_tumour_never_gets_a_lower_t(tumour, steps):
    levels = INVASION_BY_SITE[tumour["site"]]
    deeper = {**tumour, "invasion": levels[min(levels.index(tumour["invasion"]) + steps, len(levels) - 1)]}
    assert T_RANK[stage(deeper).T] >= T_RANK[stage(tumour).T]


@settings(max_examples=500, deadline=None)
@given(tumours(), st.sampled_from(["size_cm", "invasion"]))
def test_a_missing_size_or_depth_is_asked_for_or_cannot_have_mattered(tumour, missing):
    known = {k: v for k, v in tumour.items() if k != missing}
    try:
        t = stage(known).T
    except InvalidInput as e:
        assert [err.field for err in e.errors] == [missing]
        return
    assert t == stage(tumour).T


@settings(max_examples=400, deadline=None)
@given(sites, st.lists(st.sampled_from(METASTASIS_PLACES), unique=True), st.sampled_from(METASTASIS_PLACES),
       st.sampled_from(["T1", "T2", "T3", "T4"]), st.sampled_from(["N0", "N1"]))
def test_another_metastasis_never_lowers_m_or_the_stage(site, places, extra, t, n):
    before = stage({"site": site, "T": t, "N": n, "metastases": places})
    after = stage({"site": site, "T": t, "N": n, "metastases": list(dict.fromkeys([*places, extra]))})
    assert M_RANK[after.M] >= M_RANK[before.M]
    assert STAGE_RANK[after.stage] >= STAGE_RANK[before.stage]


@settings(max_examples=400, deadline=None)
@given(tumours(), st.integers(0, 40), st.integers(1, 20), st.floats(min_value=0, max_value=6))
def test_more_nodes_with_cancer_never_lower_n_or_the_stage(tumour, nodes, more, mass):
    mass = round(mass, 1) if tumour["site"] == "jejunum_ileum" else 0
    before = stage({**tumour, "nodes_positive": nodes, "mesenteric_mass_cm": mass})
    after = stage({**tumour, "nodes_positive": nodes + more, "mesenteric_mass_cm": mass})
    assert N_RANK[after.N] >= N_RANK[before.N]
    assert STAGE_RANK[after.stage] >= STAGE_RANK[before.stage]


@settings(max_examples=1000, deadline=None)
@given(anything)
def test_any_input_gives_a_result_or_a_refusal_naming_its_fields(data):
    try:
        result = stage(data)
    except InvalidInput as e:
        assert e.errors and all(err.field and err.message for err in e.errors)
        return
    assert (result.stage is None) is bool(result.stage_reason)
    assert result.rules and result.sources
