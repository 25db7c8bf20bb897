"""A record's fields in the words of core.describe, for every page that shows a record."""

from dataclasses import dataclass

from django import template
from django.apps import apps

from netcompanion.core.describe import YES_NO, describe, rows

register = template.Library()


def _names(skip: str) -> tuple[str, ...]:
    return tuple(name for name in skip.split(",") if name)


@register.filter
def described(record, skip: str = ""):
    """The record's noted fields as rows (``label``, ``text``); ``skip`` names fields the page shows otherwise,
    comma-separated."""
    return rows(record, skip=_names(skip))


@dataclass(frozen=True)
class Cell:
    label: str  # a phone shows each cell under its label rather than below the column's heading
    text: str
    marked: bool  # a "yes" to a warning sign, which a table shows in bold


@dataclass(frozen=True)
class Table:
    headings: list[str]
    rows: list[tuple[object, list[Cell]]]


@register.filter
def described_table(records, skip: str = "") -> Table:
    """One column a field (its heading with unit or scale) and one row a record, for a list of one record type."""
    records = list(records)
    if not records:
        return Table([], [])
    fields = [about for name, about in describe(type(records[0])).items() if name not in _names(skip)]
    return Table([about.heading for about in fields],
                 [(record, [Cell(str(about.label), about.text(value := getattr(record, about.name)),
                                 about.kind == YES_NO and bool(value))
                            for about in fields]) for record in records])


@register.simple_tag
def field_labels(model: str) -> dict[str, str]:
    """Field name → label for the record type named "app.Model", for a page that lays its columns out itself."""
    return {name: str(about.label) for name, about in describe(apps.get_model(model)).items()}
