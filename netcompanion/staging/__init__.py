"""AJCC 8th-edition TNM staging of well-differentiated NETs: plain Python, no Django.

    from netcompanion.staging import stage
    stage({"site": "pancreas", "size_cm": 1.5, "invasion": "confined_to_pancreas", "nodes_positive": 0}).stage
"""

from netcompanion.staging.engine import StageResult, stage
from netcompanion.staging.inputs import InvalidInput
from netcompanion.staging.tables import (
    EDITION,
    INVASION_BY_SITE,
    M_BY_SITE,
    METASTASIS_PLACES,
    N_BY_SITE,
    SITES,
    T_BY_SITE,
    TABLES_VERSION,
)

__all__ = ["EDITION", "INVASION_BY_SITE", "InvalidInput", "METASTASIS_PLACES", "M_BY_SITE", "N_BY_SITE", "SITES",
           "StageResult", "TABLES_VERSION", "T_BY_SITE", "stage"]
