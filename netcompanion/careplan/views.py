"""The patient's side of the care plan. Every object is looked up together with the signed-in patient."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from netcompanion.accounts.decorators import patient_required
from netcompanion.accounts.models import Role
from netcompanion.careplan import services
from netcompanion.careplan.changes import PARTS, plan_changes
from netcompanion.careplan.forms import AskedForm, ContactForm, PartForm, QuestionForm, VersionOnlyForm
from netcompanion.careplan.models import CareContact, ContactStatus, Question, QuestionStatus

ASKED_SHOWN = 10


def who(user, role: str, viewer) -> str:
    """"you", or a name with the role the person had at the time: "Sara Ek (contact nurse)"."""
    if user is None:
        return "someone who is no longer registered"
    if user.pk == viewer.pk:
        return "you"
    name = user.get_full_name() or user.username
    return f"{name} ({Role(role).label.lower()})" if role in Role.values else name


def _stamps(plan, viewer) -> dict[str, dict]:
    """Who last changed each part, and when: {key: {"who": ..., "at": datetime}}, in one query."""
    ids = {stamp["by"] for stamp in plan.last_changed.values()}
    people = get_user_model().objects.in_bulk(ids) if ids else {}
    return {key: {"who": who(people.get(stamp["by"]), stamp["role"], viewer),
                  "at": dt.datetime.fromisoformat(stamp["at"]), "version": stamp["version"]}
            for key, stamp in plan.last_changed.items()}


def _conflict_stamp(plan, key: str, based_on, viewer) -> dict | None:
    """Who changed ``key`` after the version the page was opened at, if we can tell."""
    stamp = _stamps(plan, viewer).get(key)
    return stamp if stamp and based_on is not None and stamp["version"] > based_on else None


def _described(questions, viewer) -> list[Question]:
    """The questions, each with who added it and who ticked it off, in words."""
    questions = list(questions)
    for q in questions:
        q.added_by_text = who(q.created_by, q.created_by_role, viewer)
        q.asked_by_text = who(q.asked_by, q.asked_by_role, viewer) if q.asked_at else ""
    return questions


def _back(request, anchor="questions"):
    if request.POST.get("next") == "questions":
        return redirect("careplan:questions")
    return redirect(reverse("careplan:index") + f"#{anchor}")


@patient_required
def index(request):
    plan = services.plan_for(request.user)
    stamps = _stamps(plan, request.user)
    questions = Question.objects.filter(patient=request.user).select_related("created_by", "asked_by")
    parts = [{"key": key, "label": label, "text": getattr(plan, key), "stamp": stamps.get(key)}
             for key, label in PARTS.items()]
    latest = max(stamps.values(), key=lambda s: s["version"], default=None)
    return render(request, "careplan/index.html", {
        "plan": plan, "parts": parts, "latest": latest, "contacts": list(plan.contacts.current()),
        "open_questions": _described(questions.filter(status=QuestionStatus.OPEN).order_by("created_at", "id"),
                                     request.user),
        "asked_questions": _described(questions.filter(status=QuestionStatus.ASKED).order_by("-asked_at", "-id")
                                      [:ASKED_SHOWN], request.user),
        "asked_shown": ASKED_SHOWN, "question_form": QuestionForm(),
    })


@patient_required
def edit_part(request, part):
    if part not in PARTS:
        raise Http404("No such part of the care plan")
    plan = services.plan_for(request.user)
    form = PartForm(request.POST if request.method == "POST" else None, part=part,
                    initial={part: getattr(plan, part), "version": plan.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_plan(request.user, request.user, {part: form.text}, form.cleaned_data["version"])
        except services.StaleVersion as stale:
            plan = stale.plan
            conflict = {"stamp": _conflict_stamp(plan, part, form.cleaned_data["version"], request.user),
                        "current": getattr(plan, part)}
            form = PartForm(_with_version(request.POST, plan.version), part=part)
        else:
            messages.success(request, f"“{PARTS[part]}” is saved. The earlier version is kept in the history.")
            return redirect(reverse("careplan:index") + f"#{part}")
    return render(request, "careplan/part_form.html",
                  {"form": form, "part": part, "label": PARTS[part], "conflict": conflict},
                  status=409 if conflict else 400 if form.errors else 200)


def _with_version(data, version: int):
    """What the person typed, now based on the current version, so saving again is a deliberate choice."""
    data = data.copy()
    data["version"] = version
    return data


@patient_required
def contacts(request):
    plan = services.plan_for(request.user)
    return render(request, "careplan/contacts.html", {"contacts": list(plan.contacts.current()),
                                                       "stamp": _stamps(plan, request.user).get("contacts")})


@patient_required
def contact_new(request):
    plan = services.plan_for(request.user)
    form = ContactForm(request.POST if request.method == "POST" else None, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        contact = services.add_contact(request.user, request.user, data)
        messages.success(request, f"{contact.name} is added to your contacts.")
        return redirect("careplan:contacts")
    return render(request, "careplan/contact_form.html", {"form": form, "new": True},
                  status=400 if form.errors else 200)


def _own_contact(request, code) -> CareContact:
    return get_object_or_404(CareContact.objects.select_related("plan__patient"), code=code,
                             plan__patient=request.user)


def _removed(request, contact):
    messages.info(request, f"{contact.name} has been taken off your contacts, so there is nothing to change. "
                           "The history shows who did it.")
    return redirect("careplan:contacts")


@patient_required
def contact_edit(request, code):
    contact = _own_contact(request, code)
    if contact.status != ContactStatus.ACTIVE:
        return _removed(request, contact)
    plan = contact.plan
    form = ContactForm(request.POST if request.method == "POST" else None,
                       initial={**contact.snapshot(), "version": plan.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.change_contact(contact, request.user, data, form.cleaned_data["version"])
        except services.StaleVersion as stale:
            contact.refresh_from_db()
            if contact.status != ContactStatus.ACTIVE:
                return _removed(request, contact)
            conflict = {"stamp": _conflict_stamp(stale.plan, "contacts", form.cleaned_data["version"], request.user),
                        "current": contact}
            form = ContactForm(_with_version(request.POST, stale.plan.version))
        else:
            messages.success(request, "The contact is saved. The earlier version is kept in the history.")
            return redirect("careplan:contacts")
    return render(request, "careplan/contact_form.html", {"form": form, "contact": contact, "conflict": conflict},
                  status=409 if conflict else 400 if form.errors else 200)


@patient_required
def contact_remove(request, code):
    contact = _own_contact(request, code)
    if contact.status != ContactStatus.ACTIVE:
        return _removed(request, contact)
    plan = contact.plan
    form = VersionOnlyForm(request.POST if request.method == "POST" else None, initial={"version": plan.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_contact(contact, request.user, form.cleaned_data["version"])
        except services.StaleVersion as stale:
            contact.refresh_from_db()
            if contact.status != ContactStatus.ACTIVE:
                return _removed(request, contact)
            conflict = {"stamp": _conflict_stamp(stale.plan, "contacts", form.cleaned_data["version"], request.user)}
            form = VersionOnlyForm(initial={"version": stale.plan.version})
        else:
            messages.success(request, f"{contact.name} is taken off your contacts. The history still shows them.")
            return redirect("careplan:contacts")
    return render(request, "careplan/contact_remove.html", {"form": form, "contact": contact, "conflict": conflict},
                  status=409 if conflict else 400 if form.errors else 200)


@patient_required
def history(request):
    plan = services.plan_for(request.user)
    entries = [{"version": version, "who": who(version.changed_by, version.author_role, request.user),
                "changes": plan_changes(before, version.data)}
               for version, before in services.history(plan)]
    return render(request, "careplan/history.html", {"entries": entries})


@patient_required
def questions(request):
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.add_question(request.user, request.user, form.cleaned_data["text"])
        messages.success(request, "Your question is on the list for your next visit.")
        return _back(request)
    everything = _described(Question.objects.filter(patient=request.user).select_related("created_by", "asked_by"),
                            request.user)
    return render(request, "careplan/questions.html", {
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
            messages.info(request, "This question was already ticked off. Nothing was changed.")
        return _back(request) if request.method == "POST" else redirect("careplan:question_history", code)
    form = AskedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_question_asked(question, request.user, form.cleaned_data["answer"])
        except services.QuestionNotOpen:
            messages.info(request, "This question was already ticked off. Nothing was changed.")
        else:
            messages.success(request, "Ticked off as asked. You can put it back on the list if you need to.")
        return _back(request)
    return render(request, "careplan/question_asked.html", {"form": form, "question": question},
                  status=400 if form.errors else 200)


@patient_required
def question_reopen(request, code):
    question = _own_question(request, code)
    if request.method == "POST":
        if question.is_open:
            messages.info(request, "This question is already on the list.")
        else:
            services.reopen_question(question, request.user)
            messages.success(request, "The question is back on the list for your next visit.")
        return _back(request)
    return render(request, "careplan/question_reopen.html", {"question": question})


@patient_required
def question_history(request, code):
    question = _own_question(request, code)
    events = [{"event": e, "who": who(e.by, e.by_role, request.user)}
              for e in question.events.select_related("by")]
    return render(request, "careplan/question_history.html", {"question": question, "events": events})
