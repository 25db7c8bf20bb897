"""Every row of every site's T, N, M and stage-group table, each with a case written out by hand."""

import dataclasses
import hashlib
import json
import subprocess
import sys
from typing import get_args

import pytest

from netcompanion.bibliography import SOURCES
from netcompanion.staging import TABLES_VERSION, stage
from netcompanion.staging.inputs import Place, Site
from netcompanion.staging.tables import GENERAL_ROWS, METASTASIS_PLACES, PARENT, SITES, WARNINGS

NO_NODES = {"nodes_positive": 0}

T_CASES = [
    # site, size_cm, invasion, T, the row that gives it
    ("stomach", 0.8, "submucosa", "T1", "ST-T1"),
    ("stomach", 1.0, "mucosa", "T1", "ST-T1"),
    ("stomach", 0.5, "muscularis_propria", "T2", "ST-T2-DEPTH"),
    ("stomach", 1.1, "mucosa", "T2", "ST-T2-SIZE"),
    ("stomach", 0.5, "subserosa", "T3", "ST-T3"),
    ("stomach", 3.0, "serosa", "T4", "ST-T4"),
    ("stomach", 0.5, "adjacent_organs", "T4", "ST-T4"),
    ("duodenum", 1.0, "submucosa", "T1", "DU-T1"),
    ("duodenum", 0.4, "muscularis_propria", "T2", "DU-T2-DEPTH"),
    ("duodenum", 1.2, "mucosa", "T2", "DU-T2-SIZE"),
    ("duodenum", 0.9, "peripancreatic", "T3", "DU-T3"),
    ("duodenum", 2.0, "serosa", "T4", "DU-T4"),
    ("duodenum", 2.0, "adjacent_organs", "T4", "DU-T4"),
    ("ampulla", 0.9, "confined_to_sphincter", "T1", "AM-T1"),
    ("ampulla", 0.5, "submucosa", "T2", "AM-T2-DEPTH"),
    ("ampulla", 0.5, "muscularis_propria", "T2", "AM-T2-DEPTH"),
    ("ampulla", 1.5, "confined_to_sphincter", "T2", "AM-T2-SIZE"),
    ("ampulla", 1.0, "peripancreatic", "T3", "AM-T3"),
    ("ampulla", 1.0, "serosa", "T4", "AM-T4"),
    ("jejunum_ileum", 1.0, "mucosa", "T1", "JI-T1"),
    ("jejunum_ileum", 0.6, "muscularis_propria", "T2", "JI-T2-DEPTH"),
    ("jejunum_ileum", 1.01, "submucosa", "T2", "JI-T2-SIZE"),
    ("jejunum_ileum", 2.5, "subserosa", "T3", "JI-T3"),
    ("jejunum_ileum", 2.5, "serosa", "T4", "JI-T4"),
    ("appendix", 2.0, "muscularis_propria", "T1", "AP-T1"),
    ("appendix", 2.01, "submucosa", "T2", "AP-T2"),
    ("appendix", 4.0, "muscularis_propria", "T2", "AP-T2"),
    ("appendix", 4.1, "mucosa", "T3", "AP-T3-SIZE"),
    ("appendix", 1.0, "subserosa", "T3", "AP-T3-DEPTH"),
    ("appendix", 1.0, "mesoappendix", "T3", "AP-T3-DEPTH"),
    ("appendix", 1.0, "serosa", "T4", "AP-T4"),
    ("appendix", 1.0, "adjacent_organs", "T4", "AP-T4"),
    ("colon_rectum", 2.0, "submucosa", "T1", "CR-T1"),
    ("colon_rectum", 0.5, "muscularis_propria", "T2", "CR-T2-DEPTH"),
    ("colon_rectum", 2.1, "mucosa", "T2", "CR-T2-SIZE"),
    ("colon_rectum", 1.0, "subserosa", "T3", "CR-T3"),
    ("colon_rectum", 1.0, "serosa", "T4", "CR-T4"),
    ("pancreas", 1.99, "confined_to_pancreas", "T1", "PA-T1"),
    ("pancreas", 1.5, "peripancreatic", "T1", "PA-T1"),
    ("pancreas", 2.0, "confined_to_pancreas", "T2", "PA-T2"),
    ("pancreas", 4.0, "peripancreatic", "T2", "PA-T2"),
    ("pancreas", 4.01, "confined_to_pancreas", "T3", "PA-T3-SIZE"),
    ("pancreas", 1.0, "duodenum_or_bile_duct", "T3", "PA-T3-DEPTH"),
    ("pancreas", 1.0, "adjacent_organs", "T4", "PA-T4-ORGANS"),
    ("pancreas", 1.0, "large_vessels", "T4", "PA-T4-VESSELS"),
]

T_SUBCATEGORY_CASES = [
    # colon/rectum T given directly with a size that fits it; at exactly 1 cm the sources differ, so both fit
    (0.5, "T1a", "CR-T1A"),
    (1.0, "T1a", "CR-T1A"),
    (1.0, "T1b", "CR-T1B"),
    (1.5, "T1b", "CR-T1B"),
]

N_CASES = [
    # site, nodes_positive, mesenteric_mass_cm, N, the row that gives it
    ("stomach", 0, None, "N0", "ST-N0"),
    ("stomach", 1, None, "N1", "ST-N1"),
    ("duodenum", 0, None, "N0", "DA-N0"),
    ("ampulla", 4, None, "N1", "DA-N1"),
    ("jejunum_ileum", 0, 0.0, "N0", "JI-N0"),
    ("jejunum_ileum", 0, 2.0, "N0", "JI-N0"),
    ("jejunum_ileum", 11, 2.0, "N1", "JI-N1"),
    ("jejunum_ileum", 12, 0.0, "N2", "JI-N2-NODES"),
    ("jejunum_ileum", 0, 2.1, "N2", "JI-N2-MASS"),
    ("jejunum_ileum", None, 3.0, "N2", "JI-N2-MASS"),
    ("appendix", 0, None, "N0", "AP-N0"),
    ("appendix", 2, None, "N1", "AP-N1"),
    ("colon_rectum", 0, 0.0, "N0", "CR-N0"),
    ("colon_rectum", 30, None, "N1", "CR-N1"),
    ("pancreas", 0, None, "N0", "PA-N0"),
    ("pancreas", 1, None, "N1", "PA-N1"),
]

M_CASES = [
    # site, metastases, M, the row that gives it
    ("stomach", [], "M0", "ST-M0"),
    ("stomach", ["liver"], "M1a", "ST-M1A"),
    ("stomach", ["lung", "bone"], "M1b", "ST-M1B"),
    ("stomach", ["liver", "peritoneum"], "M1c", "ST-M1C"),
    ("duodenum", [], "M0", "DA-M0"),
    ("duodenum", ["liver"], "M1", "DA-M1-LIVER"),
    ("ampulla", ["distant_nodes"], "M1", "DA-M1-ELSEWHERE"),
    ("ampulla", ["liver", "brain"], "M1", "DA-M1-BOTH"),
    ("jejunum_ileum", [], "M0", "JI-M0"),
    ("jejunum_ileum", ["liver"], "M1a", "JI-M1A"),
    ("jejunum_ileum", ["peritoneum"], "M1b", "JI-M1B"),
    ("jejunum_ileum", ["bone", "liver"], "M1c", "JI-M1C"),
    ("appendix", [], "M0", "AP-M0"),
    ("appendix", ["liver"], "M1a", "AP-M1A"),
    ("appendix", ["other"], "M1b", "AP-M1B"),
    ("appendix", ["liver", "lung"], "M1c", "AP-M1C"),
    ("colon_rectum", [], "M0", "CR-M0"),
    ("colon_rectum", ["liver"], "M1a", "CR-M1A"),
    ("colon_rectum", ["distant_nodes"], "M1b", "CR-M1B"),
    ("colon_rectum", ["liver", "distant_nodes"], "M1c", "CR-M1C"),
    ("pancreas", [], "M0", "PA-M0"),
    ("pancreas", ["liver"], "M1a", "PA-M1A"),
    ("pancreas", ["brain"], "M1b", "PA-M1B"),
    ("pancreas", ["liver", "bone", "lung"], "M1c", "PA-M1C"),
]

STAGE_CASES = [
    # site, T, N, M, stage group, the row that gives it
    ("stomach", "T1", "N0", "M0", "I", "ST-I"),
    ("stomach", "T2", "N0", "M0", "II", "ST-II"),
    ("stomach", "T3", "N0", "M0", "II", "ST-II"),
    ("stomach", "T4", "N0", "M0", "III", "ST-III-T4"),
    ("stomach", "T2", "N1", "M0", "III", "ST-III-N"),
    ("stomach", "T1", "N0", "M1c", "IV", "ST-IV"),
    ("duodenum", "T1", "N0", "M0", "I", "DA-I"),
    ("duodenum", "T3", "N0", "M0", "II", "DA-II"),
    ("duodenum", "T4", "N0", "M0", "III", "DA-III-T4"),
    ("ampulla", "T1", "N1", "M0", "III", "DA-III-N"),
    ("ampulla", "T2", "N1", "M1", "IV", "DA-IV"),
    ("jejunum_ileum", "T1", "N0", "M0", "I", "JI-I"),
    ("jejunum_ileum", "T2", "N0", "M0", "II", "JI-II"),
    ("jejunum_ileum", "T4", "N0", "M0", "III", "JI-III-T4"),
    ("jejunum_ileum", "T3", "N1", "M0", "III", "JI-III-N"),
    ("jejunum_ileum", "T1", "N2", "M0", "III", "JI-III-N"),
    ("jejunum_ileum", "T4", "N2", "M1a", "IV", "JI-IV"),
    ("appendix", "T1", "N0", "M0", "I", "AP-I"),
    ("appendix", "T3", "N0", "M0", "II", "AP-II"),
    ("appendix", "T4", "N0", "M0", "III", "AP-III-T4"),
    ("appendix", "T2", "N1", "M0", "III", "AP-III-N"),
    ("appendix", "T1", "N1", "M1b", "IV", "AP-IV"),
    ("colon_rectum", "T1", "N0", "M0", "I", "CR-I"),
    ("colon_rectum", "T1a", "N0", "M0", "I", "CR-I"),
    ("colon_rectum", "T2", "N0", "M0", "IIA", "CR-IIA"),
    ("colon_rectum", "T3", "N0", "M0", "IIB", "CR-IIB"),
    ("colon_rectum", "T4", "N0", "M0", "IIIA", "CR-IIIA"),
    ("colon_rectum", "T1b", "N1", "M0", "IIIB", "CR-IIIB"),
    ("colon_rectum", "T4", "N1", "M1", "IV", "CR-IV"),
    ("pancreas", "T1", "N0", "M0", "I", "PA-I"),
    ("pancreas", "T2", "N0", "M0", "II", "PA-II"),
    ("pancreas", "T3", "N0", "M0", "II", "PA-II"),
    ("pancreas", "T4", "N0", "M0", "III", "PA-III-T4"),
    ("pancreas", "T1", "N1", "M0", "III", "PA-III-N"),
    ("pancreas", "T2", "N0", "M1a", "IV", "PA-IV"),
]

GENERAL_CASES = [
    # input, the general row it fires
    ({"site": "stomach"}, "TX"),
    ({"site": "stomach"}, "NX"),
    ({"site": "stomach", "T": "T2"}, "T-GIVEN"),
    ({"site": "stomach", "N": "N1"}, "N-GIVEN"),
    ({"site": "stomach", "M": "M1b"}, "M-GIVEN"),
]


@pytest.mark.parametrize("site, size, invasion, t, row", T_CASES)
def test_each_t_row(site, size, invasion, t, row):
    result = stage({"site": site, "size_cm": size, "invasion": invasion})
    assert result.T == t
    assert row in result.rules


@pytest.mark.parametrize("size, t, row", T_SUBCATEGORY_CASES)
def test_each_colorectal_t1_subcategory_fits_its_sizes(size, t, row):
    result = stage({"site": "colon_rectum", "size_cm": size, "invasion": "submucosa", "T": t})
    assert result.T == t
    assert row in result.rules and "CR-T1" in result.rules


@pytest.mark.parametrize("site, nodes, mass, n, row", N_CASES)
def test_each_n_row(site, nodes, mass, n, row):
    data = {"site": site, "nodes_positive": nodes, "mesenteric_mass_cm": mass}
    result = stage({k: v for k, v in data.items() if v is not None})
    assert result.N == n
    assert row in result.rules


@pytest.mark.parametrize("site, metastases, m, row", M_CASES)
def test_each_m_row(site, metastases, m, row):
    result = stage({"site": site, "metastases": metastases})
    assert result.M == m
    assert row in result.rules
    assert result.stage == ("IV" if metastases else None)


@pytest.mark.parametrize("site, t, n, m, group, row", STAGE_CASES)
def test_each_stage_group_row(site, t, n, m, group, row):
    result = stage({"site": site, "T": t, "N": n, "M": m})
    assert (result.T, result.N, result.M, result.stage) == (t, n, m, group)
    assert row in result.rules
    assert result.stage_reason is None


@pytest.mark.parametrize("data, row", GENERAL_CASES)
def test_each_general_row(data, row):
    assert row in stage(data).rules


def _all_rows():
    rows = {id(r): r for table in SITES.values()
            for r in (*table.t_rows, *table.t_subcategories, *table.n_rows, *table.m_rows, *table.stage_rows)}
    return [*rows.values(), *GENERAL_ROWS]


def test_every_row_has_a_case_above_and_a_unique_id():
    covered = {c[-1] for c in (*T_CASES, *N_CASES, *M_CASES, *STAGE_CASES, *GENERAL_CASES)}
    covered |= {c[-1] for c in T_SUBCATEGORY_CASES}
    ids = [r.id for r in _all_rows()]
    assert len(ids) == len(set(ids))
    assert set(ids) == covered


def test_every_row_and_warning_cites_a_bibliography_source():
    assert all(r.sources and set(r.sources) <= set(SOURCES) for r in _all_rows())
    assert all(sources and set(sources) <= set(SOURCES) for _, sources in WARNINGS.values())


@pytest.mark.parametrize("site", SITES)
def test_every_size_and_depth_of_a_site_gives_a_t(site):
    table = SITES[site]
    for size in (0.1, *table.size_limits, *(cm + 0.01 for cm in table.size_limits), 99.0):
        for level in table.invasion:
            assert stage({"site": site, "size_cm": size, "invasion": level}).T in table.t_values


@pytest.mark.parametrize("site", SITES)
def test_every_t_n_m_of_a_site_falls_in_exactly_one_stage_group(site):
    table = SITES[site]
    for t in (v for v in table.t_values if v != "TX" and v not in PARENT):
        for n in table.n_values[1:]:
            for m in ("M0", "M1"):
                assert sum(t in r.T and n in r.N and m in r.M for r in table.stage_rows) == 1, (t, n, m)


def test_the_contract_offers_exactly_the_tables_sites_and_places():
    assert set(get_args(Site)) == set(SITES)
    assert get_args(Place) == METASTASIS_PLACES


TABLES_FINGERPRINTS = {
    "2026.11.1": "70466db27321ab3b",
    "2026.11.2": "617a91002240f0f9",  # M0 taken from no places of spread is said
    "2026.11.3": "d891d01226cc5f74",  # a node count without a mesenteric mass takes none over 2 cm, and says so
    "2026.12.1": "c286c9d015c52ea3",  # rows and warnings cite bibliography ids; no category changed
    "2026.12.2": "32ba854e586b1601",  # rows and warnings cite a tuple of ids, as every engine does
}


def test_a_table_change_comes_with_a_new_tables_version():
    """Results carry the tables' version; a change to any row or warning must bump it."""
    content = {
        "sites": {site: dataclasses.asdict(table) for site, table in SITES.items()},
        "general": [dataclasses.asdict(r) for r in GENERAL_ROWS],
        "warnings": WARNINGS,
    }
    fingerprint = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:16]
    assert TABLES_FINGERPRINTS.get(TABLES_VERSION) == fingerprint, (
        f"tables changed: bump TABLES_VERSION and record {fingerprint!r} for it here")


def test_staging_runs_without_django():
    code = "import sys, netcompanion.staging; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
