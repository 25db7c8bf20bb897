import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from netcompanion.core import records
from netcompanion.diary.models import DiaryEntry
from netcompanion.medicines.demo import INTERVAL_DAYS, LAST_GIVEN_DAYS_AGO

# A few notes in the patient's own words, by the day of the injection cycle: translated as they are saved.
INJECTION_DAY_NOTE = gettext_noop("Injection today. A bit sore where the needle went in.")
GOOD_DAY_NOTE = gettext_noop("Good day. Went for a long walk with the grandchildren.")
LATE_CYCLE_NOTES = (
    gettext_noop("Flushed a lot today, worst after lunch. The injection is due soon."),
    gettext_noop("Loose stools all morning, so I stayed close to home."),
    gettext_noop("Tired and a bit of tummy ache. Rested on the sofa in the afternoon."),
)


def _note(cycle_day: int, back: int) -> str:
    """The note for a day, or none; chosen by the day, not by chance, so the symptoms' random numbers stay as they
    were."""
    if cycle_day == 0:
        return gettext(INJECTION_DAY_NOTE)
    if cycle_day >= INTERVAL_DAYS - 2:
        return gettext(LATE_CYCLE_NOTES[back % len(LATE_CYCLE_NOTES)])
    if cycle_day == 10:
        return gettext(GOOD_DAY_NOTE)
    return ""


@transaction.atomic
def create_demo_diary(patient, days: int = 365) -> int:
    """A year of believable entries: symptoms creep up towards the end of each 28-day injection cycle (the demo
    injections of medicines/demo.py). Each is dated as logged on its own evening, as a patient keeping the diary
    does, so the alert rules do not read a year loaded today as a year of late days."""
    if DiaryEntry.objects.filter(patient=patient).exists():
        return 0
    rng = random.Random(patient.pk)
    today = timezone.localdate()
    weight = 71.0
    entries = []
    for back in range(days, 0, -1):
        date = today - dt.timedelta(days=back)
        if rng.random() < 0.12:
            continue
        cycle_day = (LAST_GIVEN_DAYS_AGO - back) % INTERVAL_DAYS  # days since the demo injection before that day
        late = max(0, cycle_day - 20)
        weight += rng.uniform(-0.25, 0.22)
        entries.append(DiaryEntry(
            patient=patient, created_by=patient, date=date,
            flushes=max(0, round(rng.gauss(1.5 + 0.6 * late, 1))),
            flush_triggers=rng.sample(["alcohol", "spicy_food", "stress"], k=rng.choice([0, 0, 1, 1, 2])),
            stools=max(1, round(rng.gauss(3 + 0.4 * late, 1))),
            bristol=min(7, max(3, round(rng.gauss(5 + 0.15 * late, 0.8)))),
            pain=min(10, max(0, round(rng.gauss(1.5 + 0.3 * late, 1.2)))),
            fatigue=min(10, max(0, round(rng.gauss(3.5, 1.5)))),
            weight_kg=Decimal(f"{weight:.1f}") if back % 7 == 0 else None,
            wheezing=False if rng.random() < 0.5 else None,
            notes=_note(cycle_day, back),
        ))
    created = DiaryEntry.objects.bulk_create(entries)
    for entry in created:
        evening = dt.datetime.combine(entry.date, dt.time(20)) + dt.timedelta(minutes=entry.date.toordinal() % 120)
        entry.created_at = entry.updated_at = timezone.make_aware(evening)
    DiaryEntry.objects.bulk_update(created, ["created_at", "updated_at"])
    records.record_created(created, patient)
    return len(created)
