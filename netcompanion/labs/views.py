from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.bibliography import citations
from netcompanion.core.history import history_page
from netcompanion.labs import actions, catalogue, content, services
from netcompanion.labs.forms import CollectionPlanForm, LabResultForm
from netcompanion.labs.models import LabResult, LabTest, Preparation, PreparationStatus, Status

TEST_ORDER = {key: n for n, key in enumerate(catalogue.KNOWN_TESTS)}


def _own_result(request, code, **filters):
    return get_object_or_404(LabResult, code=code, patient=request.user, **filters)


def _own_plan(request, code, **filters):
    return get_object_or_404(Preparation, code=code, patient=request.user, **filters)


def _sources(ids):
    return list(enumerate(citations(ids), start=1))


def _group(results):
    """Results by test, newest first within each; known tests first, then the others by name."""
    groups: dict[str, dict] = {}
    for result in results:
        group = groups.setdefault(result.group_key, {"name": result.display_name, "test": result.test,
                                                     "results": [], "units": set()})
        group["results"].append(result)
        group["units"].add(result.unit)
    for group in groups.values():
        group["mixed_units"] = len(group["units"]) > 1
    return sorted(groups.values(), key=lambda g: (TEST_ORDER.get(g["test"], len(TEST_ORDER)), g["name"].casefold()))


@patient_required
def index(request):
    now = timezone.now()
    results = LabResult.objects.current().filter(patient=request.user).order_by("-taken_on", "-created_at")
    plans = Preparation.objects.filter(patient=request.user).upcoming(now)
    return render(request, "labs/index.html", {
        "groups": _group(results),
        "plans": [(plan, plan.timeline(now)) for plan in plans],
    })


@patient_required
def new_result(request):
    initial = {"taken_on": timezone.localdate()}
    if request.GET.get("test") in LabTest.values:
        initial["test"] = request.GET["test"]
    form = LabResultForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        result = actions.record_result(request.user, request.user, form.cleaned_data)
        messages.success(request, f"Saved your {result.display_name} result.")
        return redirect("labs:index")
    return render(request, "labs/result_form.html", {"form": form, "new": True, "units": catalogue.UNITS},
                  status=400 if form.errors else 200)


@patient_required
def edit_result(request, code):
    result = _own_result(request, code, status="final")
    form = LabResultForm(request.POST if request.method == "POST" else None, instance=result)
    if request.method == "POST" and form.is_valid():
        actions.change_result(result, request.user, form.cleaned_data)
        messages.success(request, "Your changes are saved. The earlier version is kept in the history.")
        return redirect("labs:index")
    return render(request, "labs/result_form.html", {"form": form, "result": result, "units": catalogue.UNITS},
                  status=400 if form.errors else 200)


@patient_required
def delete_result(request, code):
    result = _own_result(request, code, status="final")
    if request.method == "POST":
        actions.delete_result(result, request.user)
        messages.success(request, "The result is deleted. You can still see it in its history.")
        return redirect("labs:index")
    return render(request, "labs/delete.html", {"result": result})


@patient_required
def history(request, code):
    result = _own_result(request, code)
    deleted = result.status == Status.ENTERED_IN_ERROR
    return history_page(request, result, title=gettext("History of a lab result"),
                        heading=gettext("History of the %(test)s result from %(date)s") % {
                            "test": result.display_name, "date": formats.date_format(result.taken_on, "j F Y")},
                        notice=gettext("This result was deleted. It no longer shows in your results.") if deleted
                        else "",
                        back_url=reverse("labs:index"), back_text=gettext("Back to my lab results"))


@patient_required
def hiaa(request):
    """How to get ready for a 24-hour urine 5-HIAA collection, before a date is planned."""
    return render(request, "labs/hiaa.html", {"sources": _sources(content.HIAA_SOURCES), "foods": content.HIAA_FOODS})


@patient_required
def hiaa_plan(request, code):
    """The same advice for one planned collection, with the countdown and the dates."""
    plan = _own_plan(request, code, status=PreparationStatus.PLANNED)
    return render(request, "labs/hiaa.html", {
        "plan": plan, "t": plan.timeline(timezone.now()),
        "sources": _sources(content.HIAA_SOURCES), "foods": content.HIAA_FOODS,
    })


@patient_required
def plan_hiaa(request):
    form = CollectionPlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        plan = services.plan_collection(request.user, form.cleaned_data["starts_at"])
        messages.success(request, "Your collection is planned. Here is how to get ready.")
        return redirect("labs:hiaa_plan", code=plan.code)
    return render(request, "labs/plan_form.html", {"form": form}, status=400 if form.errors else 200)


@patient_required
def change_plan(request, code):
    plan = _own_plan(request, code, status=PreparationStatus.PLANNED)
    local = timezone.localtime(plan.starts_at)
    form = CollectionPlanForm(request.POST if request.method == "POST" else None,
                              initial={"date": local.date(), "time": local.time()})
    if request.method == "POST" and form.is_valid():
        services.change_plan(plan, form.cleaned_data["starts_at"])
        messages.success(request, "The new time is saved. The dates below are worked out again.")
        return redirect("labs:hiaa_plan", code=plan.code)
    return render(request, "labs/plan_form.html", {"form": form, "plan": plan}, status=400 if form.errors else 200)


@patient_required
def cancel_plan(request, code):
    plan = _own_plan(request, code, status=PreparationStatus.PLANNED)
    if request.method == "POST":
        services.cancel_plan(plan)
        messages.success(request, "The planned collection is removed.")
        return redirect("labs:index")
    return render(request, "labs/cancel_plan.html", {"plan": plan})


@patient_required
def cga(request):
    return render(request, "labs/cga.html", {"sources": _sources(content.CGA_SOURCES)})
