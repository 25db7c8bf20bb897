"""The navigator as a short step-by-step form: about you, your symptoms, the details, the result.

Answers live in the session until the result; a signed-in patient's result is
also saved to their record.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from netcompanion.accounts.models import Role
from netcompanion.bibliography import Source, citations
from netcompanion.contract import InvalidCase
from netcompanion.core.pages import posted
from netcompanion.navigator.actions import save_check
from netcompanion.navigator.forms import AboutForm, DetailsForm, SymptomsForm
from netcompanion.navigator.models import NavigatorResult
from netcompanion.navigator.questions import unsure_questions
from netcompanion.navigator.record import known_answers
from netcompanion.navigator.words import in_language
from netcompanion.triage.rules import GETTING_HELP

SESSION_KEY = "navigator"
RESULT_KEY = "navigator_result"


def _answers(request) -> dict:
    return request.session.get(SESSION_KEY, {})


def _save(request, **changes) -> None:
    request.session[SESSION_KEY] = {**_answers(request), **changes}


def start(request):
    """A signed-in patient's first step starts from what their record states, unless they answered it already.
    When the record says whether a NET is diagnosed (the one answer the step needs), the step is a short confirm:
    what the record says, the questions it does not answer, and "Yes, continue"; ``?change`` gives the whole
    form, filled in from the record, for anything that has changed."""
    answered = _answers(request).get("form_about")
    known = {}
    if answered is None and request.user.is_authenticated and request.user.role == Role.PATIENT:
        known = known_answers(request.user, timezone.localdate())
    confirming = "diagnosed_net" in known and "change" not in request.GET
    form = AboutForm(posted(request), initial=answered or known, known=known, confirming=confirming)
    if request.method == "POST" and form.is_valid():
        _save(request, person=form.to_person(), country=form.cleaned_data["country"] or None,
              form_about=form.cleaned_data)
        return redirect("navigator:symptoms")
    return render(request, "navigator/confirm.html" if confirming else "navigator/start.html",
                  {"form": form, "step": 1}, status=400 if form.errors else 200)


def symptoms(request):
    if "person" not in _answers(request):
        return redirect("navigator:start")
    form = SymptomsForm(posted(request), initial={"symptoms": _answers(request).get("codes", [])})
    if request.method == "POST" and form.is_valid():
        _save(request, codes=form.cleaned_data["symptoms"])
        if not form.cleaned_data["symptoms"]:
            return _assessed(request, [])
        return redirect("navigator:details")
    return render(request, "navigator/symptoms.html", {"form": form, "step": 2},
                  status=400 if form.errors else 200)


def details(request):
    answers = _answers(request)
    if not answers.get("codes"):
        return redirect("navigator:symptoms" if "person" in answers else "navigator:start")
    form = DetailsForm(posted(request), codes=answers["codes"])
    if request.method == "POST" and form.is_valid():
        try:
            return _assessed(request, form.to_symptoms(answers["codes"]))
        except InvalidCase as refused:
            for error in refused.errors:
                form.add_error(None, f"{error.field}: {error.message}")
    return render(request, "navigator/details.html", {"form": form, "step": 3},
                  status=400 if form.errors else 200)


def _assessed(request, symptoms: list[dict]):
    """Runs the case made of the session's answers and these symptoms, and shows (or saves) the result.

    Raises InvalidCase if the engine refuses the case; the person's answers were checked step by step.
    """
    answers = _answers(request)
    case = {"person": answers["person"], "symptoms": symptoms}
    country = answers.get("country") or getattr(request.user, "country", "")  # a signed-in person's own, if unsaid
    if country:
        case["country"] = country
    assessment, saved = save_check(request.user, case)
    request.session[RESULT_KEY] = assessment.as_dict()
    if saved:
        return redirect("navigator:saved", code=saved.code)
    return redirect("navigator:result")


def _cited(*groups: list[dict]) -> tuple[list[Source], list[list[dict]]]:
    """The sources the items cite, numbered in order of first use, and each item with its numbers ("refs").

    Results saved before rule set 2026.12.1 cite free text, not ids: their items get no numbers.
    """
    sources = citations(i for group in groups for item in group for i in item.get("sources", ()))
    number = {source.id: n for n, source in enumerate(sources, 1)}
    return sources, [[{**item, "refs": [number[i] for i in item.get("sources", ())]} for item in group]
                     for group in groups]


def _result_page(request, assessment: dict, record: NavigatorResult | None = None, told_team: bool = False):
    assessment = in_language(assessment)
    sources, (places, reasons, advice) = _cited(assessment.get("places", []), assessment["reasons"],
                                                assessment.get("advice", []))
    return render(request, "navigator/result.html", {
        "a": assessment, "record": record, "unsure": unsure_questions(assessment), "places": places,
        "reasons": reasons, "advice": advice, "sources": sources, "getting_help": assessment["level"] in GETTING_HELP,
        "told_team": told_team,
    })


def _gp_note_page(request, assessment: dict, record: NavigatorResult | None = None):
    assessment = in_language(assessment)
    sources, (criteria,) = _cited(assessment["gp_note"]["criteria"])
    return render(request, "navigator/gp_note.html",
                  {"a": assessment, "record": record, "criteria": criteria, "sources": sources})


def result(request):
    assessment = request.session.get(RESULT_KEY)
    if not assessment:
        return redirect("navigator:start")
    return _result_page(request, assessment)


@login_required
def saved(request, code):
    record = get_object_or_404(NavigatorResult, code=code, patient=request.user)
    return _result_page(request, record.result, record, told_team=record.alerts.exists())


def gp_note(request):
    assessment = request.session.get(RESULT_KEY)
    if not assessment or not assessment.get("gp_note"):
        return redirect("navigator:start")
    return _gp_note_page(request, assessment)


@login_required
def saved_gp_note(request, code):
    record = get_object_or_404(NavigatorResult, code=code, patient=request.user)
    if not record.result.get("gp_note"):
        return redirect("navigator:saved", code=code)
    return _gp_note_page(request, record.result, record)


@require_POST
def start_again(request):
    request.session.pop(SESSION_KEY, None)
    request.session.pop(RESULT_KEY, None)
    return redirect("navigator:start")
