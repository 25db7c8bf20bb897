from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.bibliography import citations
from netcompanion.core.history import history_page
from netcompanion.core.pages import change_page, confirm_page, form_page, posted
from netcompanion.labs import actions, assessed, catalogue, content, services
from netcompanion.labs.forms import CollectionPlanForm, LabResultForm
from netcompanion.labs.models import LabResult, LabTest, Preparation, PreparationStatus, Status, shown_number

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
        "assessed": assessed.take(request, request.user),
    })


def _prefill(result) -> dict[str, str]:
    """The fields a new result of the same test starts from, and a note naming the result they came from."""
    note = gettext("The unit and range are from your last %(test)s result (%(date)s). Check them against your new "
                   "report: labs sometimes change their range.") % {
        "test": result.display_name, "date": formats.date_format(result.taken_on, "j F Y")}
    return {"unit": result.unit, "reference_low": shown_number(result.reference_low),
            "reference_high": shown_number(result.reference_high), "note": note}


@patient_required
def new_result(request):
    """Choosing the test (``?test=``, or the radio with JavaScript) fills in the unit and range of the patient's last
    result of that test; what the person types is never replaced."""
    initial = {"taken_on": timezone.localdate()}
    last = services.last_results(request.user)
    prefills = {test: _prefill(result) for test, result in last.items()}
    test = request.GET.get("test")
    if test in LabTest.values:
        initial["test"] = test
        initial.update({k: v for k, v in prefills.get(test, {}).items() if k != "note"})
    form = LabResultForm(posted(request), patient=request.user, initial=initial)
    return form_page(request, form, "labs/result_form.html",
                     {"new": True, "units": catalogue.UNITS, "last": last, "prefills": prefills,
                      "prefilled": prefills.get(test) if not form.is_bound else None},
                     save=lambda data: assessed.keep(request, actions.save_result(request.user, request.user, data)),
                     message=lambda saved: gettext("Saved your %(test)s result.") % {"test": saved.record.display_name},
                     success_url=reverse("labs:index"))


@patient_required
def edit_result(request, code):
    result = _own_result(request, code, status="final")
    form = LabResultForm(posted(request), patient=request.user, instance=result)
    return change_page(request, form, "labs/result_form.html",
                       {"result": result, "units": catalogue.UNITS},
                       save=lambda data: assessed.keep(request, actions.save_change(result, request.user, data)),
                       success_url=reverse("labs:index"))


@patient_required
def delete_result(request, code):
    result = _own_result(request, code, status="final")
    return confirm_page(request, "labs/delete.html", {"result": result},
                        act=lambda: actions.delete_result(result, request.user),
                        message=gettext("The result is deleted. You can still see it in its history."),
                        success_url=reverse("labs:index"))


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
    return form_page(request, CollectionPlanForm(posted(request)), "labs/plan_form.html",
                     save=lambda data: services.plan_collection(request.user, data["starts_at"]),
                     message=gettext("Your collection is planned. Here is how to get ready."),
                     success_url=lambda plan: reverse("labs:hiaa_plan", kwargs={"code": plan.code}))


@patient_required
def change_plan(request, code):
    plan = _own_plan(request, code, status=PreparationStatus.PLANNED)
    local = timezone.localtime(plan.starts_at)
    form = CollectionPlanForm(posted(request), initial={"date": local.date(), "time": local.time()})
    return form_page(request, form, "labs/plan_form.html", {"plan": plan},
                     save=lambda data: services.change_plan(plan, data["starts_at"]),
                     message=gettext("The new time is saved. The dates below are worked out again."),
                     success_url=reverse("labs:hiaa_plan", kwargs={"code": plan.code}))


@patient_required
def cancel_plan(request, code):
    plan = _own_plan(request, code, status=PreparationStatus.PLANNED)
    return confirm_page(request, "labs/cancel_plan.html", {"plan": plan}, act=lambda: services.cancel_plan(plan),
                        message=gettext("The planned collection is removed."), success_url=reverse("labs:index"))


@patient_required
def cga(request):
    return render(request, "labs/cga.html", {"sources": _sources(content.CGA_SOURCES)})
