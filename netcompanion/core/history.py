"""The one history page of a versioned record (core.records.Versioned): every version, oldest first, with who
made it, when, what it did and what it changed from the version before, in the record's own field labels."""

from itertools import pairwise

from django.shortcuts import render

from netcompanion.core.records import Versioned


def history_page(request, record: Versioned, *, title: str, heading: str, back_url: str, back_text: str,
                 notice: str = ""):
    versions = list(record.versions.select_related("changed_by"))
    rows = [{"version": version, "changes": version.changes(previous)}
            for previous, version in pairwise([None, *versions])]
    return render(request, "core/history.html", {"title": title, "heading": heading, "notice": notice,
                                                  "rows": rows, "back_url": back_url, "back_text": back_text})
