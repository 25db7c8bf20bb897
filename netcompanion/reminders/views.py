import json

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from netcompanion.accounts.decorators import patient_required
from netcompanion.core.pages import form_page, posted
from netcompanion.reminders import push, services
from netcompanion.reminders.forms import EMAIL, PUSH, DeviceForm, ReminderForm


def _initial(preference) -> dict:
    return {"kinds": [k for k in preference.kinds if k in services.PREFERENCE_FIELDS],
            "log_prompt": preference.log_prompt, "log_prompt_weekday": preference.log_prompt_weekday,
            "log_prompt_at": preference.log_prompt_at, "quiet_from": preference.quiet_from,
            "quiet_until": preference.quiet_until,
            "channels": [c for c, on in ((EMAIL, preference.by_email), (PUSH, preference.by_push)) if on]}


def _save(patient, data: dict, push_offered: bool):
    choices = {"log_prompt": data["log_prompt"], "log_prompt_weekday": data["log_prompt_weekday"],
               "log_prompt_at": data["log_prompt_at"], "quiet_from": data["quiet_from"],
               "quiet_until": data["quiet_until"], "by_email": EMAIL in data["channels"]}
    if push_offered:  # otherwise the choice was not on the page: keep it for when push is back
        choices["by_push"] = PUSH in data["channels"]
    return services.save_preferences(patient, data["kinds"], **choices)


@patient_required
def index(request):
    preference = services.preferences_for(request.user)
    offered = push.enabled()
    form = ReminderForm(posted(request), patient=request.user, push_offered=offered, initial=_initial(preference))
    saved = gettext("Your reminder choices are saved.")
    none = gettext("Your reminder choices are saved. We will not send you reminders.")
    return form_page(request, form, "reminders/index.html", {
        "preference": preference, "push_offered": offered, "push_public_key": push.public_key() if offered else "",
        "devices": services.devices_of(request.user),
        "due": services.due_reminders(timezone.now(), patient=request.user, quiet_hours=False),
    }, save=lambda data: _save(request.user, data, offered),
        message=lambda p: saved if p.kinds else none,
        success_url=reverse("reminders:index"))


@patient_required
@require_POST
def add_device(request):
    """The page's script posts the browser's subscription here (JSON, or a form). Answers in JSON."""
    if not push.enabled():
        raise Http404("Notifications are not offered on this site.")
    if request.content_type == "application/json":
        try:
            sent = json.loads(request.body)
            keys = sent.get("keys", {}) if isinstance(sent, dict) else {}
            data = {"endpoint": sent.get("endpoint"), "p256dh": keys.get("p256dh"), "auth": keys.get("auth"),
                    "device": sent.get("device", "")} if isinstance(keys, dict) else {}
        except (ValueError, AttributeError):
            data = {}
    else:
        data = request.POST
    form = DeviceForm(data)
    if not form.is_valid():
        return JsonResponse({"errors": {k: [str(m) for m in v] for k, v in form.errors.items()}}, status=400)
    device = services.add_device(request.user, **form.cleaned_data)
    return JsonResponse({"code": str(device.code),
                         "message": gettext("Notifications are on for this device.")}, status=201)


@patient_required
@require_POST
def remove_device(request, code):
    if not services.remove_device(request.user, code):
        raise Http404("No such device.")
    messages.success(request, gettext("We will not send notifications to that device any more."))
    return redirect("reminders:index")

