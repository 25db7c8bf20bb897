from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.core.history import history_page
from netcompanion.medicines import schedule, services
from netcompanion.medicines.forms import InjectionForm, InjectionPlanForm, MedicineForm, StopMedicineForm
from netcompanion.medicines.models import GivenBy, Injection, InjectionPlan, Medicine, Place, Status

RECENT_INJECTIONS = 4


def _own(request, model, code, **filters):
    """The signed-in patient's record, or 404: another person's id never shows data."""
    return get_object_or_404(model, code=code, patient=request.user, **filters)


def _plan(request) -> InjectionPlan | None:
    return InjectionPlan.objects.filter(patient=request.user).first()


def _status(form) -> int:
    return 400 if form.errors else 200


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
        "due": services.next_injection(today, plan, recent[0] if recent else None),
        "current": [m for m in medicines if m.is_current(today)],
        "past": sorted((m for m in medicines if not m.is_current(today)), key=lambda m: m.stopped_on, reverse=True),
    })


# Injection plan ---------------------------------------------------------------------------------------------

@patient_required
def plan(request):
    current = _plan(request)
    # A new plan starts empty: the person copies it from their own letter rather than accepting a guess.
    form = InjectionPlanForm(request.POST if request.method == "POST" else None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.save_plan(request.user, request.user, form.cleaned_data)
        messages.success(request, "Your injection plan is saved.")
        return redirect("medicines:index")
    return render(request, "medicines/plan_form.html", {"form": form, "plan": current}, status=_status(form))


@patient_required
def end_plan(request):
    current = get_object_or_404(InjectionPlan, patient=request.user, status="active")
    if request.method == "POST":
        services.end_plan(current, request.user)
        messages.success(request, "The plan is ended. Your injections and the plan's history are kept.")
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
    form = InjectionForm(request.POST if request.method == "POST" else None, patient=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        injection = services.record_injection(request.user, request.user, form.cleaned_data)
        messages.success(request, f"Saved: your injection on {injection.given_on:%-d %B %Y}.")
        return redirect("medicines:index")
    return render(request, "medicines/injection_form.html", {"form": form, "new": True}, status=_status(form))


@patient_required
def edit_injection(request, code):
    injection = _own(request, Injection, code, status=Status.FINAL)
    form = InjectionForm(request.POST if request.method == "POST" else None, instance=injection,
                         patient=request.user)
    if request.method == "POST" and form.is_valid():
        services.change_injection(injection, request.user, form.cleaned_data)
        messages.success(request, "Your changes are saved. The earlier version is kept in the history.")
        return redirect("medicines:index")
    return render(request, "medicines/injection_form.html", {"form": form, "injection": injection},
                  status=_status(form))


@patient_required
def delete_injection(request, code):
    injection = _own(request, Injection, code, status=Status.FINAL)
    if request.method == "POST":
        services.delete_injection(injection, request.user)
        messages.success(request, "The injection is deleted. You can still see it in its history.")
        return redirect("medicines:index")
    return render(request, "medicines/delete.html", {
        "what": f"the injection on {injection.given_on:%-d %B %Y}",
        "effect": "It will no longer count when working out your next injection."})


@patient_required
def injection_history(request, code):
    injection = _own(request, Injection, code)
    return _history(request, injection, gettext("History of the injection on %(date)s") % {
        "date": formats.date_format(injection.given_on, "j F Y")})


# Other medicines --------------------------------------------------------------------------------------------

@patient_required
def new_medicine(request):
    form = MedicineForm(request.POST if request.method == "POST" else None,
                        initial={"started_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        medicine = services.add_medicine(request.user, request.user, form.cleaned_data)
        messages.success(request, f"Saved: {medicine.name}.")
        return redirect("medicines:index")
    return render(request, "medicines/medicine_form.html", {"form": form, "new": True}, status=_status(form))


@patient_required
def edit_medicine(request, code):
    medicine = _own(request, Medicine, code, status=Status.FINAL)
    form = MedicineForm(request.POST if request.method == "POST" else None, instance=medicine)
    if request.method == "POST" and form.is_valid():
        services.change_medicine(medicine, request.user, form.cleaned_data)
        messages.success(request, "Your changes are saved. The earlier version is kept in the history.")
        return redirect("medicines:index")
    return render(request, "medicines/medicine_form.html", {"form": form, "medicine": medicine},
                  status=_status(form))


@patient_required
def stop_medicine(request, code):
    medicine = _own(request, Medicine, code, status=Status.FINAL)
    form = StopMedicineForm(request.POST if request.method == "POST" else None, medicine=medicine,
                            initial={"stopped_on": medicine.stopped_on or timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.stop_medicine(medicine, request.user, form.cleaned_data["stopped_on"])
        messages.success(request, f"Saved: you stopped {medicine.name} on {medicine.stopped_on:%-d %B %Y}.")
        return redirect("medicines:index")
    return render(request, "medicines/medicine_stop.html", {"form": form, "medicine": medicine},
                  status=_status(form))


@patient_required
def delete_medicine(request, code):
    medicine = _own(request, Medicine, code, status=Status.FINAL)
    if request.method == "POST":
        services.delete_medicine(medicine, request.user)
        messages.success(request, f"{medicine.name} is deleted. You can still see it in its history.")
        return redirect("medicines:index")
    return render(request, "medicines/delete.html", {
        "what": medicine.name,
        "effect": "Only delete it if it was added by mistake. If you no longer take it, say you stopped instead.",
        "stop_url": True, "medicine": medicine})


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
