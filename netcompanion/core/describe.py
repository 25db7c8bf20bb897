"""One description of each field of a clinical record: its label, its unit and how its value is written, so the
patient's, a relative's and the care team's pages, the history pages, the visit summary and the exports all say
"Dizzy or faint: yes" alike. A field is never described twice: the label is the model field's verbose name, the
format follows from the model field (yes/no, choices, a date, a number), and a record model adds only what the
model cannot say, in its ``DESCRIBE`` (a short label, a unit, a 0-to-n scale, the choices of a list).

``describe(model)`` refuses a model with a shown field it cannot describe, so a new field cannot reach one page and
miss the others (the tests walk every field of every record type through every audience)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext

from netcompanion.core.records import plain_number

# The kinds of value a field holds; each is written one way everywhere.
YES_NO, CHOICE, CHOICES, DATE, MOMENT, NUMBER, SCALE, MINUTES, TEXT = (
    "yes/no", "choice", "choices", "date", "date and time", "number", "scale", "minutes", "text")


class Undescribed(LookupError):
    """A record field has no description: add it to the model's ``DESCRIBE`` or give it a verbose name."""


@dataclass(frozen=True)
class Described:
    """One field: its ``name`` on the model, its ``label``, its ``unit`` ("kg"), its ``kind`` (one of the kinds
    above), the top of its scale for a 0-to-n score, and its choices (stored value -> words)."""

    name: str
    label: str | Promise  # lazy, so each reader gets it in their language
    kind: str
    unit: str = ""
    top: int | None = None
    choices: dict = field(default_factory=dict)
    pattern: str = ""  # the value in a phrase, "type %(value)s" for a Bristol type

    @property
    def heading(self) -> str:
        """The label with its unit or scale, for a column: "Weight (kg)", "Tummy pain (0-10)"."""
        extra = self.unit or (f"0-{self.top}" if self.top else "")
        return f"{self.label} ({extra})" if extra else str(self.label)

    def text(self, value) -> str:
        """The value in words, or "" when nothing was noted. Takes the model's value or the one a version stores
        (ISO dates, number strings, whole minutes)."""
        if value is None or value == "" or value == []:
            return ""
        if self.kind == YES_NO:
            return gettext("yes") if value else gettext("no")
        if self.kind == CHOICE:
            return str(self.choices.get(value, value))
        if self.kind == CHOICES:
            return ", ".join(str(self.choices.get(v, v)) for v in value)
        if self.kind == MOMENT:
            moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
            return formats.date_format(timezone.localtime(moment), "j F Y, H:i")
        if self.kind == DATE:
            day = dt.date.fromisoformat(value) if isinstance(value, str) else value
            return formats.date_format(day, "j F Y")
        if self.kind == MINUTES:
            minutes = int(value.total_seconds() // 60) if isinstance(value, dt.timedelta) else int(value)
            return gettext("%(minutes)s minutes") % {"minutes": minutes}
        if self.pattern:
            return str(self.pattern) % {"value": value}
        if self.kind == SCALE:
            return f"{value}/{self.top}"
        if self.kind == NUMBER:
            number = formats.number_format(Decimal(plain_number(Decimal(str(value)))))
            return f"{number} {self.unit}" if self.unit else number
        return str(value)

    def line(self, value) -> str:
        """"Label: value", or "" when nothing was noted."""
        text = self.text(value)
        return f"{self.label}: {text}" if text else ""


def _kind(model_field: models.Field, extra: dict) -> str:
    if "choices" in extra:
        return CHOICES
    if model_field.choices:
        return CHOICE
    if "top" in extra:
        return SCALE
    for kind, types in ((YES_NO, models.BooleanField), (MOMENT, models.DateTimeField), (DATE, models.DateField),
                        (MINUTES, models.DurationField),
                        (NUMBER, (models.IntegerField, models.DecimalField, models.FloatField)),
                        (TEXT, (models.CharField, models.TextField))):
        if isinstance(model_field, types):
            return kind
    raise Undescribed(f"{model_field.model.__name__}.{model_field.name}: say how its value is written in DESCRIBE.")


def read_description(model: type[models.Model]) -> dict[str, Described]:
    """Every field the record shows (``VERSIONED_FIELDS``, or ``DESCRIBED_FIELDS`` for a record without versions),
    in that order, by name, as the model says it now (``describe`` keeps it)."""
    names: tuple[str, ...] = getattr(model, "DESCRIBED_FIELDS", ()) or getattr(model, "VERSIONED_FIELDS", ())
    extras: dict[str, dict] = getattr(model, "DESCRIBE", {})
    unknown = set(extras) - set(names)
    if unknown:
        raise Undescribed(f"{model.__name__}.DESCRIBE names fields it does not show: {sorted(unknown)}")
    described = {}
    for name in names:
        model_field, extra = model._meta.get_field(name), extras.get(name, {})
        if not isinstance(model_field, models.Field):
            raise Undescribed(f"{model.__name__}.{name} is not a column of its own.")
        label = extra.get("label") or capfirst(model_field.verbose_name)
        choices = extra.get("choices") or dict(model_field.flatchoices)
        described[name] = Described(name, label, _kind(model_field, extra), extra.get("unit", ""),
                                    extra.get("top"), choices, extra.get("pattern", ""))
    return described


_DESCRIBED: dict[type[models.Model], dict[str, Described]] = {}


def describe(model: type[models.Model]) -> dict[str, Described]:
    """``read_description(model)``, read once per model."""
    if model not in _DESCRIBED:
        _DESCRIBED[model] = read_description(model)
    return _DESCRIBED[model]


@dataclass(frozen=True)
class Row:
    label: str
    text: str


def rows(record: models.Model, *, skip: tuple[str, ...] = ()) -> list[Row]:
    """The record's noted fields as (label, value in words), in the record's order."""
    out = []
    for name, about in describe(type(record)).items():
        if name not in skip and (text := about.text(getattr(record, name))):
            out.append(Row(str(about.label), text))
    return out
