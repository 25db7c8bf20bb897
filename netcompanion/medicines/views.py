from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.core.history import history_page
from netcompanion.core.pages import change_page, confirm_page, form_page, posted
from netcompanion.medicines import schedule, selectors, services
from netcompanion.medicines.forms import InjectionForm, InjectionPlanForm, MedicineForm, StopMedicineForm
from netcompanion.medicines.models import GivenBy, Injection, InjectionPlan, Medicine, Place, Status

RECENT_INJECTIONS = 4


def _own(request, model, code, **filters):
    """The signed-in patient's record, or 404: another person's id never shows data."""
    return get_object_or_404(model, code=code, patient=request.user, **filters)


def _plan(request) -> InjectionPlan | None:
    return InjectionPlan.objects.filter(patient=request.user).first()


def _day(day) -> str:
    return formats.date_format(day, "j F Y")


def _form_page(request, form, template, context=None, **saving):
    return form_page(request, form, template, context, success_url=reverse("medicines:index"), **saving)


def _history(request, record, title: str):
    return history_page(request, record, title=title, heading=title, back_url=reverse("medicines:index"),
                        back_text=gettext("Back to injections and medicines"))


@patient_required
def index(request):
    today = timezone.localdate()
    plan = _plan(request)
    recent = list(Injection.objects.current().filter(patient=request.user)[:RECENT_INJECTIONS])
    medicines = list(Medicine.objects.current().filter(patient=request.user))
    return render(request, "medicines/index.html", {
        "plan": plan, "recent": recent, "today": today,
        "due": selectors.next_injection(request.user, today),
        "current": [m for m in medicines if m.is_current(today)],
        "past": sorted((m for m in medicines if not m.is_current(today)), key=lambda m: m.stopped_on, reverse=True),
    })


# Injection plan ---------------------------------------------------------------------------------------------

@patient_required
def plan(request):
    current = _plan(request)
    # A new plan starts empty: the person copies it from their own letter rather than accepting a guess.
    return _form_page(request, InjectionPlanForm(posted(request), instance=current), "medicines/plan_form.html",
                      {"plan": current}, save=lambda data: services.save_plan(request.user, request.user, data),
                      message=gettext("Your injection plan is saved."))


@patient_required
def end_plan(request):
    current = get_object_or_404(InjectionPlan, patient=request.user, status="active")
    if request.method == "POST":
        services.end_plan(current, request.user)
        messages.success(request, gettext("The plan is ended. Your injections and the plan's history are kept."))
        return redirect("medicines:index")
    return render(request, "medicines/plan_end.html", {"plan": current})


@patient_required
def plan_history(request):
    current = get_object_or_404(InjectionPlan, patient=request.user)
    return _history(request, current, gettext("History of your injection plan"))


# Injections -------------------------------------------------------------------------------------------------

@patient_required
def injections(request):
    rows = schedule.with_gaps(list(Injection.objects.current().filter(patient=request.user)))
    return render(request, "medicines/injections.html", {"rows": rows, "plan": _plan(request)})


@patient_required
def new_injection(request):
    current = _plan(request)
    last = Injection.objects.current().filter(patient=request.user).first()
    initial = {"given_on": timezone.localdate(),
               "place": last.place if last else Place.CLINIC, "given_by": last.given_by if last else GivenBy.NURSE}
    if current and current.is_active:
        initial.update(drug=current.drug, dose_mg=current.dose_mg)
    elif last:
        initial.update(drug=last.drug, dose_mg=last.dose_mg)
    return _form_page(request, InjectionForm(posted(request), patient=request.user, initial=initial),
                      "medicines/injection_form.html", {"new": True},
                      save=lambda data: services.record_injection(request.user, request.user, data),
                      message=lambda injection: gettext("Saved: your injection on %(date)s.") % {
                          "date": _day(injection.given_on)})


@patient_required
def edit_injection(request, code):
    injection = _own(request, Injection, code, status=Status.FINAL)
    return change_page(request, InjectionForm(posted(request), instance=injection, patient=request.user),
                       "medicines/injection_form.html", {"injection": injection},
                       save=lambda data: services.change_injection(injection, request.user, data),
                       success_url=reverse("medicines:index"))


@patient_required
def delete_injection(request, code):
    injection = _own(request, Injection, code, status=Status.FINAL)
    return confirm_page(request, "medicines/delete.html", {
        "what": gettext("the injection on %(date)s") % {"date": _day(injection.given_on)},
        "effect": gettext("It will no longer count when working out your next injection.")},
        act=lambda: services.delete_injection(injection, request.user),
        message=gettext("The injection is deleted. You can still see it in its history."),
        success_url=reverse("medicines:index"))


@patient_required
def injection_history(request, code):
    injection = _own(request, Injection, code)
    return _history(request, injection, gettext("History of the injection on %(date)s") % {
        "date": _day(injection.given_on)})


# Other medicines --------------------------------------------------------------------------------------------

@patient_required
def new_medicine(request):
    form = MedicineForm(posted(request), patient=request.user, initial={"started_on": timezone.localdate()})
    return _form_page(request, form, "medicines/medicine_form.html", {"new": True},
                      save=lambda data: services.add_medicine(request.user, request.user, data),
                      message=lambda medicine: gettext("Saved: %(name)s.") % {"name": medicine.name})


@patient_required
def edit_medicine(request, code):
    medicine = _own(request, Medicine, code, status=Status.FINAL)
    form = MedicineForm(posted(request), patient=request.user, instance=medicine)
    return change_page(request, form, "medicines/medicine_form.html", {"medicine": medicine},
                       save=lambda data: services.change_medicine(medicine, request.user, data),
                       success_url=reverse("medicines:index"))


@patient_required
def stop_medicine(request, code):
    medicine = _own(request, Medicine, code, status=Status.FINAL)
    form = StopMedicineForm(posted(request), medicine=medicine,
                            initial={"stopped_on": medicine.stopped_on or timezone.localdate()})
    return _form_page(request, form, "medicines/medicine_stop.html", {"medicine": medicine},
                      save=lambda data: services.stop_medicine(medicine, request.user, data["stopped_on"]),
                      message=lambda _: gettext("Saved: you stopped %(name)s on %(date)s.") % {
                          "name": medicine.name, "date": _day(medicine.stopped_on)})


@patient_required
def delete_medicine(request, code):
    medicine = _own(request, Medicine, code, status=Status.FINAL)
    return confirm_page(request, "medicines/delete.html", {
        "what": medicine.name,
        "effect": gettext("Only delete it if it was added by mistake. If you no longer take it, say you stopped "
                          "instead."),
        "medicine": medicine},
        act=lambda: services.delete_medicine(medicine, request.user),
        message=gettext("%(name)s is deleted. You can still see it in its history.") % {"name": medicine.name},
        success_url=reverse("medicines:index"))


@patient_required
def medicine_history(request, code):
    medicine = _own(request, Medicine, code)
    return _history(request, medicine, gettext("History of %(name)s") % {"name": medicine.name})


@patient_required
def deleted(request):
    """Records marked as entered in error, so their history can still be reached."""
    return render(request, "medicines/deleted.html", {
        "injections": Injection.objects.filter(patient=request.user, status=Status.ENTERED_IN_ERROR),
        "medicines": Medicine.objects.filter(patient=request.user, status=Status.ENTERED_IN_ERROR)})
