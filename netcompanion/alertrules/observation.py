"""The alert rules' input contract, validated as strictly as the navigator's case.

A diary day arrives with the context the rules compare it against (the previous four weeks, the
injection plan, the day's single episodes), so the rules stay plain functions of one value.
Every answer may be missing; the rules read a missing answer as "not known to be fine".
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from netcompanion.contract import InvalidCase, Strict, validated

Count = Annotated[int, Field(ge=0, le=1000)]
Score = Annotated[int, Field(ge=0, le=10)]
Kg = Annotated[float, Field(ge=20, le=300)]
NonNegative = Annotated[float, Field(ge=0)]
WINDOW_DAYS = 28


def _iso_date(value: Any) -> Any:
    """JSON has no date type: accept "2026-11-20" and nothing looser."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("use a date like 2026-11-20") from None
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class Observation(Strict):
    """One diary day of one patient, and what the rules need to know around it."""

    date: IsoDate
    flushes: Count | None = None
    stools: Count | None = None
    bristol: Annotated[int, Field(ge=1, le=7)] | None = None
    pain: Score | None = None
    weight_kg: Kg | None = None
    wheezing: bool | None = None
    dizziness: bool | None = None
    previous_stools: Annotated[list[Count], Field(max_length=WINDOW_DAYS)] = Field(
        default=[], description="Bowel movements on each of the previous 28 days that has an answer.")
    previous_highest_weight_kg: Kg | None = None
    on_injections: bool | None = Field(
        default=None, description="Has an active somatostatin-analogue injection plan; null when not known.")
    flush_episodes: Count = 0
    diarrhoea_episodes: Count = 0
    wheeze_episodes: Count = 0
    pain_episode_severity: Score | None = Field(default=None, description="The worst pain episode of the day.")
    diagnosed_net: bool


class LabCheck(Strict):
    """One lab result against its report's upper limit, and whether this test was above it before."""

    test: str
    unit: str
    value: NonNegative
    upper_limit: NonNegative | None
    earlier_above: bool


class InvalidObservation(InvalidCase):
    """The observation breaks the contract; `errors` name each field and say what is wrong."""


def parse_observation(data: Any) -> Observation:
    """A validated Observation from decoded JSON, or InvalidObservation naming every bad field."""
    return validated(Observation, data, InvalidObservation, field="observation")
