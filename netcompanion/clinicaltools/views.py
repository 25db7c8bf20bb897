"""The report explainer for everyone, and the grade, stage and follow-up calculators for the care team.

The engines decide; these views read the forms, hand the facts over and show the answer. The report explainer
starts from one box for the report's line as printed, reads it (``reportline``) into the boxes for the person to
confirm, then explains. Nothing is kept unless a patient keeps an explained report in their care plan (an entry of
its own), or staff add suggested checks to an assigned patient's appointments (versioned); both go through services.
"""

from __future__ import annotations

import datetime as dt
import uuid
from itertools import groupby
from operator import itemgetter

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from netcompanion import followup, grading, staging
from netcompanion.accounts.decorators import patient_required
from netcompanion.accounts.models import Role
from netcompanion.audit.models import What
from netcompanion.bibliography import citations, cite
from netcompanion.careplan import services as careplan
from netcompanion.careteam.access import patient_for_staff, staff_required
from netcompanion.clinicaltools import services
from netcompanion.clinicaltools.forms import (
    STAGED_SITES,
    FollowUpForm,
    GradeForm,
    LineForm,
    ReportForm,
    SiteForm,
    StageForm,
)
from netcompanion.clinicaltools.reportline import ReadLine, read_line
from netcompanion.clinicaltools.summary import M_ASSUMED, grade_differs, grade_label, stage_label
from netcompanion.core.pages import posted
from netcompanion.explainer import GUIDE_PAGE, Words, explain
from netcompanion.guide.pages import get_page
from netcompanion.translatable import Wording

# Opening the calculators for a patient and adding their checks is one look at the record, not one per click.
LOOK_WITHIN = dt.timedelta(minutes=10)


def _answer(form: ReportForm) -> dict | None:
    """The engines' answer to a valid form, or None after putting what they refuse on the form's fields."""
    grade = stage = None
    if form.has_grade_facts():
        try:
            grade = grading.grade(form.grade_input()).as_dict()
        except grading.InvalidInput as refused:
            form.add_refusal(refused)
    if form.has_stage_facts():
        try:
            stage = staging.stage(form.stage_input()).as_dict()
        except staging.InvalidInput as refused:
            form.add_refusal(refused, form.stage_rename())
    if form.errors:
        return None
    schedule = None
    if (facts := form.followup_input(grade, stage)) is not None:
        try:
            schedule = services.suggest_follow_up(facts).as_dict()
        except followup.InvalidInput as refused:
            form.add_refusal(refused, form.followup_rename)
            return None
    explanation = explain(grade, stage, schedule, Words(gettext, ngettext)).as_dict()  # in the reader's language
    explanation["engine_notes"] = [{**note, "text": _engine_note(note["text"], grade, stage)}
                                   for note in explanation["engine_notes"]]
    page = get_page(GUIDE_PAGE, get_language())  # the guide page in the reader's language
    # The explanation's sources, numbered as its text cites them; then those the results' rules rest on.
    rule_ids = [i for result in (grade, stage, schedule) if result for i in result["sources"]]
    return {"grade": grade, "stage": stage, "followup": schedule, "explanation": explanation, "guide": page,
            "sources": citations(explanation["sources"]),
            "rule_sources": [s for s in citations(rule_ids) if s.id not in explanation["sources"]],
            "m_assumed": stage is not None and form.m_assumed(),
            "grade_label": grade and grade_label(grade, gettext), "stage_label": stage and stage_label(stage, gettext),
            "grade_differs": grade and grade_differs(form.chosen("stated_grade"), grade, gettext)}


def _engine_note(text: str, *results: dict | None) -> str:
    """An engine's note (kept in English by the explainer) in the reader's language: a sentence with values from the
    template and values its result carries, a fixed one from the catalogue."""
    for result in results:
        for wording in _wordings(result):
            if wording.in_language() == text:
                return wording.in_language(gettext)
    return gettext(text)


def _wordings(result: dict | None) -> list[Wording]:
    if not result:
        return []
    found = [result.get("stage_reason_wording"), *result.get("warning_wordings", []), *result.get("note_wordings", [])]
    return [Wording.model_validate(w) for w in found if w]


def _render_report(request, form: ReportForm, answer: dict | None, *, problem: str = "",
                   status: int | None = None, line_form: LineForm | None = None, reading: ReadLine | None = None):
    can_keep = bool(answer) and request.user.is_authenticated and request.user.role == Role.PATIENT
    # What the person entered goes with the save button, so the server works the answer out again from it.
    carry = [(name, value) for name in form.fields for value in form.data.getlist(name)] if answer else []
    # The first step (one box for the line as printed) until a line is read or the boxes are asked for.
    if line_form is None and reading is None and not form.is_bound and "boxes" not in request.GET:
        line_form = LineForm()
    return render(request, "clinicaltools/report.html", {
        "form": form, "answer": answer, "can_keep": can_keep, "problem": problem,
        "carry": carry, "m_assumed_text": gettext(M_ASSUMED), "line_form": line_form,
        "reading": reading and _shown_reading(form, reading),
    }, status=status or (400 if form.errors or (line_form and line_form.errors) else 200))


def _shown_reading(form: ReportForm, reading: ReadLine) -> dict:
    """What was read, box by box in the form's own words, beside the piece of the line each came from."""
    found = []
    for item in reading.found:
        field = form.fields[item.field]
        words = dict(field.choices).get(item.value, item.value) if isinstance(field, forms.ChoiceField) else item.value
        found.append({"label": field.label, "words": words, "printed": item.printed})
    problems = [{"message": p.in_language(gettext), "sources": citations(p.sources)} for p in reading.problems]
    return {"found": found, "unread": reading.unread, "problems": problems}


def report(request):
    if request.method == "POST" and request.POST.get("step") == "read":
        return _read_line(request)
    form = ReportForm(posted(request))
    answer = _answer(form) if request.method == "POST" and form.is_valid() else None
    return _render_report(request, form, answer)


def _read_line(request):
    """The second step: the boxes filled in from the line, for the person to confirm or correct. Nothing is kept."""
    line_form = LineForm(request.POST)
    if not line_form.is_valid():
        return _render_report(request, ReportForm(), None, line_form=line_form)
    line, site = line_form.cleaned_data["line"], line_form.cleaned_data["site"]
    reading = read_line(line, lung=site == "lung")
    form = ReportForm(initial={**reading.values(), "site": site, "line": line})
    return _render_report(request, form, None, reading=reading)


@require_POST
@patient_required
def save_report(request):
    """Keeps the explained report in the patient's own care plan, as an entry of its own.

    The diagnosis summary, which the care team writes, is left as it is.
    """
    form = ReportForm(request.POST)
    answer = _answer(form) if form.is_valid() else None
    if answer is None:
        return _render_report(request, form, None)
    results = [label for label in (answer["grade_label"], answer["stage_label"]) if label]
    notes = [note for note in (answer["grade_differs"], answer["m_assumed"] and gettext(M_ASSUMED)) if note]
    try:
        careplan.keep_pathology_report(request.user, request.user, timezone.localdate(), form.cleaned_data["line"],
                                       form.entered(), results, notes)
    except careplan.AlreadyKept:
        messages.info(request, gettext("This report is already in your care plan, under “Pathology reports, "
                                       "explained”."))
    except ValidationError:
        return _render_report(request, form, answer, status=400, problem=gettext(
            "The line from the report is too long to keep. Shorten it, then save again."))
    else:
        messages.success(request, gettext("Saved to your care plan, under “Pathology reports, explained”. Your "
                                          "diagnosis summary is unchanged."))
    return redirect(reverse("careplan:index") + "#pathology-reports")


# --- The staff calculators ------------------------------------------------------------------------------

CALCULATORS = {"grade": GradeForm, "stage": StageForm, "followup": FollowUpForm}
TITLES = {"grade": (_("Grade"), _("WHO 2019 (digestive) and WHO 2021 (lung)"), _("Work out the grade")),
          "stage": (_("Stage"), _("AJCC 8th edition TNM, digestive sites"), _("Work out the stage")),
          "followup": (_("Follow-up"), _("Follow-up interval by guideline, with the clinic's settings"),
                       _("Suggest follow-up"))}


def _patient(request):
    """The patient named by ?patient=<code>, if any: only one assigned to this member of staff (else 404)."""
    code = request.GET.get("patient")
    if not code:
        return None
    try:
        code = uuid.UUID(code)
    except ValueError:
        raise Http404("No such patient") from None
    return patient_for_staff(request, code, What.OVERVIEW, once_within=LOOK_WITHIN)


def _calculate(calc: str, form) -> dict | None:
    """The engine's result for a valid calculator form, or None after putting its refusal on the form."""
    try:
        if calc == "grade":
            graded = grading.grade(form.grade_input())
            return {**graded.as_dict(), "warnings": [w.in_language(gettext) for w in graded.warning_wordings],
                    "citations": citations(graded.sources)}
        if calc == "stage":
            result = staging.stage(form.stage_input())
            reason = result.stage_reason_wording
            return {**result.as_dict(), "stage_reason": reason and reason.in_language(gettext),
                    "m_assumed": form.m_assumed(), "citations": citations(result.sources)}
        schedule = services.suggest_follow_up(form.followup_input())
    except (grading.InvalidInput, staging.InvalidInput, followup.InvalidInput) as refused:
        form.add_refusal(refused, form.stage_rename() if calc == "stage" else None)
        return None
    start = form.cleaned_data["start"]
    due = followup.due_dates(schedule, start, services.HORIZON_YEARS)
    by_day = [(day, [item.check for _, item in group]) for day, group in groupby(due, key=itemgetter(0))]
    result = schedule.as_dict()
    # A check's first source is its guideline's own, which the table links from the guideline's name.
    items = [{**item, "citation": cite(item["sources"][0])} for item in result["items"]]
    return {**result, "items": items, "notes": [note.in_language(gettext) for note in schedule.note_wordings],
            "citations": citations(result["sources"]), "schedule": schedule,
            "start": start, "due_by_day": by_day}


@staff_required
def tools(request):
    patient = _patient(request)
    calc = request.POST.get("calc") if request.method == "POST" else None
    adding = calc == "add_checks"
    if adding:
        calc = "followup"
        if patient is None:
            raise Http404("Checks are added from a patient's page")
    if request.method == "POST" and calc not in CALCULATORS:
        raise Http404("No such calculator")
    site_form = SiteForm(request.GET if "site" in request.GET else None)
    site = site_form.cleaned_data["site"] if site_form.is_bound and site_form.is_valid() else None
    forms_ = {name: form(request.POST if name == calc else None, prefix=name, site=site)
              for name, form in CALCULATORS.items()}
    result = None
    if calc and forms_[calc].is_valid():
        result = _calculate(calc, forms_[calc])
    can_add = patient is not None and services.has_care_plan(patient)
    if adding and result is not None:
        if not can_add:
            messages.error(request, gettext("%(name)s has no care plan yet, so no checks were added. Start the care "
                                            "plan first.") % {"name": patient.display_name})
        else:
            added = services.add_suggested_checks(patient, request.user, result["schedule"], result["start"])
            messages.success(request, _added_message(patient, added))
            return redirect(request.get_full_path())
    carry = [(name, value) for name in request.POST if name.startswith("followup-")
             for value in request.POST.getlist(name)]
    return render(request, "clinicaltools/tools.html", {
        "calculators": [(name, *TITLES[name], form, site in STAGED_SITES if name == "stage" and site else True)
                        for name, form in forms_.items()], "calc": calc, "site_form": site_form, "site": site,
        "site_name": site and dict(site_form.fields["site"].choices)[site],
        "result": result, "patient": patient, "can_add": can_add, "carry": carry,
        "horizon_years": services.HORIZON_YEARS, "today": timezone.localdate(),
    }, status=400 if (calc and forms_[calc].errors) or site_form.errors else 200)


def _added_message(patient, added: services.AddedChecks) -> str:
    n = len(added.added)
    parts = [ngettext("Added %(count)d check to %(name)s's appointments as checks to book, with a date and no time.",
                      "Added %(count)d checks to %(name)s's appointments as checks to book, with a date and no time.",
                      n) % {"count": n, "name": patient.display_name}]
    if added.already:
        parts.append(ngettext("%(count)d was there already, so was not added again.",
                              "%(count)d were there already, so were not added again.", added.already)
                     % {"count": added.already})
    if added.before_today:
        parts.append(ngettext("%(count)d fell before today and was not added: book them if they have not happened.",
                              "%(count)d fell before today and were not added: book them if they have not happened.",
                              added.before_today) % {"count": added.before_today})
    return " ".join(parts)
