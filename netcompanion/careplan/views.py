"""The patient's side of the care plan. Every object is looked up together with the signed-in patient."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.careplan import editing, services
from netcompanion.careplan.changes import PARTS, plan_changes
from netcompanion.careplan.forms import AskedForm, ContactForm, QuestionForm, VersionOnlyForm
from netcompanion.careplan.models import CareContact, ContactStatus, Question, QuestionStatus
from netcompanion.core.pages import form_page, posted

ASKED_SHOWN = 10


def _back(request, anchor="questions"):
    if request.POST.get("next") == "questions":
        return redirect("careplan:questions")
    return redirect(reverse("careplan:index") + f"#{anchor}")


@patient_required
def index(request):
    plan = services.plan_for(request.user)
    part_stamps = editing.stamps(plan, request.user)
    questions = Question.objects.filter(patient=request.user).select_related("created_by", "asked_by")
    parts = [{"key": key, "label": gettext(label), "text": getattr(plan, key), "stamp": part_stamps.get(key)}
             for key, label in PARTS.items()]
    latest = max(part_stamps.values(), key=lambda s: s["version"], default=None)
    return render(request, "careplan/index.html", {
        "next": "index",  # where a question's buttons come back to
        "plan": plan, "parts": parts, "latest": latest, "contacts": list(plan.contacts.current()),
        "open_questions": editing.described(
            questions.filter(status=QuestionStatus.OPEN).order_by("created_at", "id"), request.user),
        "asked_questions": editing.described(
            questions.filter(status=QuestionStatus.ASKED).order_by("-asked_at", "-id")[:ASKED_SHOWN], request.user),
        "asked_shown": ASKED_SHOWN, "question_form": QuestionForm(),
        "reports": request.user.pathology_reports.all(),
    })


@patient_required
def edit_part(request, part):
    if part not in PARTS:
        raise Http404("No such part of the care plan")
    edit = editing.edit_part(request, request.user, part)
    if edit.saved:
        messages.success(request, gettext("“%(part)s” is saved. The earlier version is kept in the history.")
                         % {"part": gettext(PARTS[part])})
        return redirect(reverse("careplan:index") + f"#{part}")
    return render(request, "careplan/part_form.html",
                  {"form": edit.form, "part": part, "label": gettext(PARTS[part]), "conflict": edit.conflict},
                  status=edit.status)


@patient_required
def contacts(request):
    plan = services.plan_for(request.user)
    return render(request, "careplan/contacts.html", {"contacts": list(plan.contacts.current()),
                                                       "stamp": editing.stamps(plan, request.user).get("contacts")})


@patient_required
def contact_new(request):
    plan = services.plan_for(request.user)
    return form_page(request, ContactForm(posted(request), initial={"version": plan.version}),
                     "careplan/contact_form.html", {"new": True},
                     save=lambda data: services.add_contact(request.user, request.user, _without_version(data)),
                     message=lambda contact: gettext("%(name)s is added to your contacts.") % {"name": contact.name},
                     success_url=reverse("careplan:contacts"))


def _own_contact(request, code) -> CareContact:
    return get_object_or_404(CareContact.objects.select_related("plan__patient"), code=code,
                             plan__patient=request.user)


def _removed(request, contact):
    messages.info(request, gettext("%(name)s has been taken off your contacts, so there is nothing to change. "
                                   "The history shows who did it.") % {"name": contact.name})
    return redirect("careplan:contacts")


def _contact_change(request, contact, form_class, template: str, *, initial: dict, change, message: str):
    """Change ``contact`` through ``change(cleaned_data)``, based on the plan's version when the page was opened.

    A change that clashes with a newer version is refused with 409: the form comes back with what was sent, now
    based on the current version, beside who changed the contact; a contact taken off meanwhile leaves nothing
    to change.
    """
    if contact.status != ContactStatus.ACTIVE:
        return _removed(request, contact)
    form = form_class(posted(request), initial={**initial, "version": contact.plan.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            change(form.cleaned_data)
        except services.StaleVersion as stale:
            contact.refresh_from_db()
            if contact.status != ContactStatus.ACTIVE:
                return _removed(request, contact)
            stamp = editing.conflict_stamp(stale.plan, "contacts", form.cleaned_data["version"], request.user)
            conflict = {"stamp": stamp, "current": contact}
            form = form_class(editing.with_version(request.POST, stale.plan.version))
        else:
            messages.success(request, message)
            return redirect("careplan:contacts")
    return render(request, template, {"form": form, "contact": contact, "conflict": conflict},
                  status=409 if conflict else 400 if form.errors else 200)


def _without_version(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "version"}


@patient_required
def contact_edit(request, code):
    contact = _own_contact(request, code)
    return _contact_change(
        request, contact, ContactForm, "careplan/contact_form.html", initial=contact.snapshot(),
        change=lambda data: services.change_contact(contact, request.user, _without_version(data), data["version"]),
        message=gettext("The contact is saved. The earlier version is kept in the history."))


@patient_required
def contact_remove(request, code):
    contact = _own_contact(request, code)
    return _contact_change(
        request, contact, VersionOnlyForm, "careplan/contact_remove.html", initial={},
        change=lambda data: services.remove_contact(contact, request.user, data["version"]),
        message=gettext("%(name)s is taken off your contacts. The history still shows them.") % {
            "name": contact.name})


@patient_required
def history(request):
    plan = services.plan_for(request.user)
    entries = [{"version": version, "who": editing.who(version.changed_by, version.author_role, request.user),
                "changes": plan_changes(before, version.data, gettext)}
               for version, before in services.history(plan)]
    return render(request, "careplan/history.html", {"entries": entries})


@patient_required
def questions(request):
    form = QuestionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.add_question(request.user, request.user, form.cleaned_data["text"])
        messages.success(request, gettext("Your question is on the list for your next visit."))
        return _back(request)
    everything = editing.described(
        Question.objects.filter(patient=request.user).select_related("created_by", "asked_by"), request.user)
    return render(request, "careplan/questions.html", {
        "next": "questions",
        "form": form,
        "open_questions": [q for q in everything if q.status == QuestionStatus.OPEN],
        "asked_questions": sorted((q for q in everything if q.status == QuestionStatus.ASKED),
                                  key=lambda q: (q.asked_at, q.id), reverse=True),
    }, status=400 if form.errors else 200)


def _own_question(request, code) -> Question:
    return get_object_or_404(Question.objects.select_related("patient"), code=code, patient=request.user)


@patient_required
def question_asked(request, code):
    question = _own_question(request, code)
    if not question.is_open:
        if request.method == "POST":
            messages.info(request, gettext("This question was already ticked off. Nothing was changed."))
        return _back(request) if request.method == "POST" else redirect("careplan:question_history", code)
    form = AskedForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_question_asked(question, request.user, form.cleaned_data["answer"])
        except services.QuestionNotOpen:
            messages.info(request, gettext("This question was already ticked off. Nothing was changed."))
        else:
            messages.success(request, gettext("Ticked off as asked. You can put it back on the list if you need to."))
        return _back(request)
    return render(request, "careplan/question_asked.html", {"form": form, "question": question},
                  status=400 if form.errors else 200)


@patient_required
def question_reopen(request, code):
    question = _own_question(request, code)
    if request.method == "POST":
        if question.is_open:
            messages.info(request, gettext("This question is already on the list."))
        else:
            services.reopen_question(question, request.user)
            messages.success(request, gettext("The question is back on the list for your next visit."))
        return _back(request)
    return render(request, "careplan/question_reopen.html", {"question": question})


@patient_required
def question_history(request, code):
    question = _own_question(request, code)
    events = [{"event": e, "who": editing.who(e.by, e.by_role, request.user)}
              for e in question.events.select_related("by")]
    return render(request, "careplan/question_history.html", {"question": question, "events": events})
