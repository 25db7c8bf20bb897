"""Suggested follow-up checks after a NET diagnosis: plain Python, no Django.

    from netcompanion.followup import suggest
    suggest({"site": "pancreas", "grade": "G2", "ki67_percent": 4, "N": "N0", "M": "M0", "size_cm": 2.5,
             "resected": True, "margin": "R0"}).rules[0]  # "FU-CN-PANC-RESECTED"
"""

from netcompanion.followup.case import FollowUpCase, InvalidInput, parse_case
from netcompanion.followup.engine import (
           Override,
           Schedule,
           ScheduleItem,
           add_months,
           due_dates,
           suggest,
)
from netcompanion.followup.rules import ITEMS, RULESET_VERSION, Item

__all__ = ["ITEMS", "RULESET_VERSION", "FollowUpCase", "InvalidInput", "Item", "Override", "Schedule",
           "ScheduleItem", "add_months", "due_dates", "parse_case", "suggest"]
