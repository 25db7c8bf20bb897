"""A pathology result in plain words for the patient: plain Python, no Django.

    from netcompanion.explainer import explain
    explain(grade_result, stage_result, None).as_dict()["sections"][0]["heading"]  # "What your grade means"

It explains the results of netcompanion.grading, netcompanion.staging and netcompanion.followup
(their `.as_dict()`), any of them or none, and refuses a result it cannot trust.
"""

from netcompanion.explainer.contract import InvalidInput
from netcompanion.explainer.explain import EngineNote, Explanation, Section, Words, explain
from netcompanion.explainer.texts import GUIDE_PAGE, GUIDE_URL

__all__ = ["GUIDE_PAGE", "GUIDE_URL", "EngineNote", "Explanation", "InvalidInput", "Section", "Words", "explain"]
