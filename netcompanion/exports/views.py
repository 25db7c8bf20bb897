import json

from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.core.pages import posted
from netcompanion.exports import fhir, services
from netcompanion.exports.document import export_document
from netcompanion.exports.forms import DeleteAccountForm

DELETED_FLAG = "exports_account_deleted"


def _download(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@patient_required
def index(request):
    user = request.user
    counts = [
        (gettext("Diary entries"), user.diary_entries.count()),
        (gettext("Injections"), user.injections.count()),
        (gettext("Other medicines"), user.medicines.count()),
        (gettext("Lab results"), user.lab_results.count()),
        (gettext("Appointments"), user.appointments.count()),
        (gettext("Questions for your visits"), user.care_plan_questions.count()),
        (gettext("Symptom checks"), user.navigator_results.count()),
        (gettext("Conversations with your care team"), user.threads.count()),
    ]
    return render(request, "exports/index.html", {"counts": counts})


@patient_required
def json_export(request):
    document = export_document(request.user)
    return _download(json.dumps(document, ensure_ascii=False, indent=2), "application/json",
                     f"netcompanion-{timezone.localdate():%Y-%m-%d}.json")


@patient_required
def fhir_export(request):
    bundle = fhir.bundle(export_document(request.user))
    return _download(json.dumps(bundle, ensure_ascii=False, indent=2), "application/fhir+json",
                     f"netcompanion-fhir-{timezone.localdate():%Y-%m-%d}.json")


@patient_required
def delete_account(request):
    form = DeleteAccountForm(posted(request), user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_account(request.user)
        except services.AccountNotDeleted:
            form.add_error(None, gettext("We could not delete your account, because your name is on a record in "
                                         "someone else's account. Nothing has been deleted. Please ask the NET "
                                         "Companion team for help."))
            status = 409
        else:
            logout(request)
            request.session[DELETED_FLAG] = True
            return redirect("exports:deleted")
    if form.errors and status == 200:
        status = 400
    return render(request, "exports/delete.html", {"form": form}, status=status)


def deleted(request):
    """Shown once, right after the deletion; anyone else is sent to the home page."""
    if not request.session.pop(DELETED_FLAG, False):
        return redirect("home")
    return render(request, "exports/deleted.html")
