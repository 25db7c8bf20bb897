"""When to start getting ready for a 24-hour urine 5-HIAA collection, and where a person is now.

Pure Python (no Django). Times are timezone-aware; all arithmetic is done in UTC so that "48 hours
before" means 48 real hours even across a daylight-saving change, and the answers are given back in
the time zone of the planned collection start.

Timings (bibliography ids; the page cites the same sources, see labs/content.py):
- foods to avoid from 48 hours before and all through the collection (uhsussex-24h-urine-diet,
  warde-5hiaa-24h-urine, akron-serotonin-lab, au-5hiaa-restrictions);
- alcohol from at least 1 day (24 hours) before (au-5hiaa-restrictions);
- 5-HTP supplements from at least 14 days before (au-5hiaa-restrictions);
- the collection itself lasts 24 hours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from netcompanion.translatable import gettext_noop

SUPPLEMENTS_BEFORE = dt.timedelta(days=14)
DIET_BEFORE = dt.timedelta(hours=48)
ALCOHOL_BEFORE = dt.timedelta(hours=24)
COLLECTION_LENGTH = dt.timedelta(hours=24)


class Phase(StrEnum):
    BEFORE_DIET = "before_diet"
    DIET = "diet"
    COLLECTING = "collecting"
    DONE = "done"


class StepKind(StrEnum):
    SUPPLEMENTS = "supplements"
    DIET = "diet"
    ALCOHOL = "alcohol"
    COLLECTION_START = "collection_start"
    COLLECTION_END = "collection_end"


STEP_LABELS: dict[StepKind, str] = {
    StepKind.SUPPLEMENTS: gettext_noop("Stop 5-HTP supplements, if you take them"),
    StepKind.DIET: gettext_noop("Start the diet: stop the foods on the list"),
    StepKind.ALCOHOL: gettext_noop("Stop alcohol"),
    StepKind.COLLECTION_START: gettext_noop("Start collecting your urine"),
    StepKind.COLLECTION_END: gettext_noop("Finish collecting; you can eat as usual again"),
}


@dataclass(frozen=True)
class Step:
    kind: StepKind
    at: dt.datetime
    done: bool

    @property
    def label(self) -> str:
        return STEP_LABELS[self.kind]


@dataclass(frozen=True)
class HiaaTimeline:
    collection_start: dt.datetime
    collection_end: dt.datetime
    supplements_stop: dt.datetime
    diet_start: dt.datetime
    alcohol_stop: dt.datetime
    phase: Phase
    counting_to: dt.datetime | None
    """The next moment that matters: diet start, collection start or end; None when done."""
    time_left: dt.timedelta | None
    steps: tuple[Step, ...]
    late_steps: tuple[Step, ...]
    """Steps that were already due when the collection was planned: the person could not keep them."""

    @property
    def alcohol_stopped(self) -> bool:
        return any(s.kind is StepKind.ALCOHOL and s.done for s in self.steps)


def _require_aware(name: str, value: dt.datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def hiaa_timeline(collection_start: dt.datetime, now: dt.datetime,
                  planned_at: dt.datetime | None = None) -> HiaaTimeline:
    """Where someone is in the preparation for a collection starting at `collection_start`, at `now`.

    `planned_at` is when the collection was planned; steps due before then are reported as late.
    """
    _require_aware("collection_start", collection_start)
    _require_aware("now", now)
    if planned_at is not None:
        _require_aware("planned_at", planned_at)
    zone = collection_start.tzinfo
    start = collection_start.astimezone(dt.UTC)
    now_utc = now.astimezone(dt.UTC)

    def local(moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(zone)

    moments = {
        StepKind.SUPPLEMENTS: start - SUPPLEMENTS_BEFORE,
        StepKind.DIET: start - DIET_BEFORE,
        StepKind.ALCOHOL: start - ALCOHOL_BEFORE,
        StepKind.COLLECTION_START: start,
        StepKind.COLLECTION_END: start + COLLECTION_LENGTH,
    }
    if now_utc < moments[StepKind.DIET]:
        phase, counting_to = Phase.BEFORE_DIET, moments[StepKind.DIET]
    elif now_utc < start:
        phase, counting_to = Phase.DIET, start
    elif now_utc < moments[StepKind.COLLECTION_END]:
        phase, counting_to = Phase.COLLECTING, moments[StepKind.COLLECTION_END]
    else:
        phase, counting_to = Phase.DONE, None

    steps = tuple(Step(kind, local(at), done=now_utc >= at) for kind, at in moments.items())
    planned_utc = planned_at.astimezone(dt.UTC) if planned_at is not None else None
    late = tuple(s for s in steps
                 if planned_utc is not None and s.kind in (StepKind.SUPPLEMENTS, StepKind.DIET, StepKind.ALCOHOL)
                 and s.at.astimezone(dt.UTC) < planned_utc)
    return HiaaTimeline(
        collection_start=local(start), collection_end=local(moments[StepKind.COLLECTION_END]),
        supplements_stop=local(moments[StepKind.SUPPLEMENTS]), diet_start=local(moments[StepKind.DIET]),
        alcohol_stop=local(moments[StepKind.ALCOHOL]), phase=phase,
        counting_to=local(counting_to) if counting_to is not None else None,
        time_left=counting_to - now_utc if counting_to is not None else None,
        steps=steps, late_steps=late,
    )


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def _english(message: str) -> str:
    return message


def describe_duration(delta: dt.timedelta, ngettext: Callable[[str, str, int], str] = _english_plural,
                      gettext: Callable[[str], str] = _english) -> str:
    """Plain words for a time left, rounded down: "2 days and 5 hours", "3 hours and 10 minutes". In English
    unless the page passes Django's ngettext and gettext, which say it in the reader's language."""
    if delta < dt.timedelta(0):
        raise ValueError("The time left cannot be negative")
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    counts = (("days", days), ("hours", hours), ("minutes", minutes))
    words = {"days": ngettext("%(count)s day", "%(count)s days", days) % {"count": days},
             "hours": ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours},
             "minutes": ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}}
    first = next((i for i, (_, n) in enumerate(counts) if n), None)
    if first is None:
        return gettext("less than a minute")
    larger = words[counts[first][0]]
    if first + 1 < len(counts) and counts[first + 1][1]:
        return gettext("%(larger)s and %(smaller)s") % {"larger": larger, "smaller": words[counts[first + 1][0]]}
    return larger
